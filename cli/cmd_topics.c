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
#include "co_kafka.h"

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
  int parts = (int)co_conf_int(conf, "topic.partitions"), rf = (int)co_conf_int(conf, "topic.replication.factor");
  co_kafka_topic_t topics[CO_TOPIC_CNT];
  int result[CO_TOPIC_CNT];
  for (int i = 0; i < CO_TOPIC_CNT; i++)
    topics[i] = (co_kafka_topic_t){co_conf_str(conf, co_topic_settings[i]), parts, 0};
  rd_kafka_conf_t *kc = co_rt_kafka_conf(conf, errstr, sz);
  if (!kc) return -1;
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, kc, err, sizeof(err));
  if (!rk) {
    rd_kafka_conf_destroy(kc);
    co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create Kafka client: %s", err);
    return -1;
  }
  co_err_t rc = co_kafka_create_topics(rk, conf, topics, CO_TOPIC_CNT, 60000, result, errstr, sz);
  for (int i = 0; i < CO_TOPIC_CNT; i++)
    if (result[i] == 1)
      printf("created %s partitions=%d replication.factor=%d\n", topics[i].name, parts, rf);
    else if (result[i] == 0)
      printf("exists %s\n", topics[i].name);
    else
      co_term_printf(stdout, "failed %s\n", topics[i].name);
  rd_kafka_destroy(rk);
  return rc ? -1 : 0;
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
