/* cmd_topics.c: `careerops topics create`: create the pipeline's topics
 * with librdkafka's Admin API. Creating is idempotent: a topic that already
 * exists is reported and left as it is (its partition count is not changed:
 * that would move keys between partitions and break per-key order). */
#include <getopt.h>
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <string.h>

#include "co_cli.h"
#include "co_term.h"
#include "co_rt_int.h"

static const char co_topics_usage[] =
    "Usage: careerops topics create [options]\n"
    "Creates the raw, classified, research, notifications and dlq topics (names\n"
    "from topic.*) with topic.partitions partitions and topic.replication.factor\n"
    "replicas (min.insync.replicas: topic.min.insync.replicas, 0 = the broker's).\n"
    "Existing topics are fine and left unchanged. Prints one line per\n"
    "topic: created|exists|failed NAME. Embedded mode has nothing to create.\n" CO_CLI_COMMON_HELP;

static const char *const co_topic_settings[] = {"topic.raw", "topic.classified", "topic.research",
                                                "topic.notifications", "topic.dlq", "topic.corrections"};
#define CO_TOPIC_CNT ((int)(sizeof(co_topic_settings) / sizeof(*co_topic_settings)))

/* Creates the topics; 0 when every one exists afterwards. */
static int co_topics_create(const co_conf_t *conf, char *errstr, size_t sz) {
  char err[512];
  int failed = 0, parts = (int)co_conf_int(conf, "topic.partitions"),
      rf = (int)co_conf_int(conf, "topic.replication.factor");
  rd_kafka_t *rk = NULL;
  rd_kafka_queue_t *q = NULL;
  rd_kafka_NewTopic_t *nt[CO_TOPIC_CNT] = {0};
  rd_kafka_AdminOptions_t *opts = NULL;
  rd_kafka_event_t *ev = NULL;
  rd_kafka_conf_t *kc = co_rt_kafka_conf(conf, errstr, sz);
  if (!kc) return -1;
  if (!(rk = rd_kafka_new(RD_KAFKA_PRODUCER, kc, err, sizeof(err)))) {
    rd_kafka_conf_destroy(kc);
    co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create Kafka client: %s", err);
    return -1;
  }
  for (int i = 0; i < CO_TOPIC_CNT; i++)
    if (!(nt[i] = rd_kafka_NewTopic_new(co_conf_str(conf, co_topic_settings[i]), parts, rf, err, sizeof(err)))) {
      co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "%s: %s", co_topic_settings[i], err);
      failed = -1;
      goto out;
    } else if (co_conf_int(conf, "topic.min.insync.replicas") > 0) {
      snprintf(err, sizeof(err), "%lld", (long long)co_conf_int(conf, "topic.min.insync.replicas"));
      rd_kafka_NewTopic_set_config(nt[i], "min.insync.replicas", err);
    }
  q = rd_kafka_queue_new(rk);
  opts = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
  rd_kafka_AdminOptions_set_operation_timeout(opts, 30000, err, sizeof(err));
  rd_kafka_AdminOptions_set_request_timeout(opts, 60000, err, sizeof(err));
  rd_kafka_CreateTopics(rk, nt, CO_TOPIC_CNT, opts, q);
  ev = rd_kafka_queue_poll(q, 90000);
  if (!ev || rd_kafka_event_error(ev)) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "CreateTopics failed: %s",
              ev ? rd_kafka_event_error_string(ev) : "no answer from the brokers in 90s");
    failed = -1;
    goto out;
  }
  size_t cnt;
  const rd_kafka_topic_result_t **res =
      rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &cnt);
  for (size_t i = 0; i < cnt; i++) {
    rd_kafka_resp_err_t e = rd_kafka_topic_result_error(res[i]);
    const char *name = rd_kafka_topic_result_name(res[i]);
    if (!e)
      printf("created %s partitions=%d replication.factor=%d\n", name, parts, rf);
    else if (e == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
      printf("exists %s\n", name);
    else {
      printf("failed %s\n", name);
      co_term_printf(stderr, "careerops topics: %s: %s\n", name,
              rd_kafka_topic_result_error_string(res[i]) ? rd_kafka_topic_result_error_string(res[i])
                                                         : rd_kafka_err2str(e));
      failed++;
    }
  }
  if (failed) co_seterr(errstr, sz, CO_ERR_KAFKA, "%d topic(s) could not be created", failed);
out:
  if (ev) rd_kafka_event_destroy(ev);
  if (opts) rd_kafka_AdminOptions_destroy(opts);
  if (q) rd_kafka_queue_destroy(q);
  for (int i = 0; i < CO_TOPIC_CNT; i++)
    if (nt[i]) rd_kafka_NewTopic_destroy(nt[i]);
  rd_kafka_destroy(rk);
  return failed;
}

int co_cmd_topics(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {CO_CLI_COMMON_LONG, {NULL, 0, NULL, 0}};
  char errstr[512];
  int opt, rc;
  /* Options may come before and after the action. */
  const char *action = NULL;
  while (optind < argc) {
    if ((opt = co_cli_getopt(cli, "topics", co_topics_usage, argc, argv, "+", longopts)) == -1) {
      if (optind >= argc) break;
      if (action) return co_cli_usage_error(cli, "topics", "unexpected argument '%s'", argv[optind]);
      action = argv[optind++];
      continue;
    }
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
  }
  if (!action) return co_cli_usage_error(cli, "topics", "missing action: create");
  if (strcmp(action, "create")) return co_cli_usage_error(cli, "topics", "unknown action '%s': use create", action);
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (!*co_conf_str(cli->conf, "brokers")) {
    co_term_printf(stderr,
            "careerops topics: embedded mode (no brokers set): topics live in the local log, nothing to create\n");
    return CO_EXIT_OK;
  }
  if (co_topics_create(cli->conf, errstr, sizeof(errstr))) {
    co_term_printf(stderr, "careerops topics: %s\n", errstr);
    return CO_EXIT_FAIL;
  }
  return CO_EXIT_OK;
}
