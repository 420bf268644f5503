/* pipeline_correction_kafka_survives_reprocess (real broker): in Kafka mode
 * co_pipeline_correct produces to topic.corrections with the runtime's
 * partitioning, the corrections processor folds it, and the application
 * reads corrected; a second pipeline with a new app.id and an empty state
 * dir (a full reprocess of the same topics, new consumer group, new
 * changelogs) shows the correction again. */
#include <jansson.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>
#include <librdkafka/rdkafka.h>

#include "co_ingest.h"
#include "co_th.h"
#include "co_th_kafka.h"
#include "pl_tu.h"

static const char *const msgs[] = {
    "From: Fjordline Careers <careers@fjordline.example>\r\nSubject: Thank you for applying to Fjordline\r\n"
    "Date: Mon, 03 Mar 2025 09:00:00 -0500\r\nMessage-ID: <conf-1@fjordline.example>\r\n\r\n"
    "Hi Sam,\r\n\r\nThank you for applying to Fjordline. We have received your application for the QA Engineer\r\n"
    "position and will review it carefully.\r\n\r\nThe Fjordline Recruiting Team\r\n",
    "From: Tallpine Talent <no-reply@tallpine.example>\r\nSubject: Your application to Tallpine\r\n"
    "Date: Wed, 12 Mar 2025 10:00:00 -0500\r\nMessage-ID: <rej-1@tallpine.example>\r\n\r\n"
    "Dear Sam,\r\n\r\nThank you for your interest in the Data Analyst role at Tallpine. After careful review we have\r\n"
    "decided not to move forward with your application at this time.\r\n\r\nTallpine Talent Team\r\n",
};

typedef struct names_s {
  char *app, *raw, *classified, *research, *notify, *dlq, *corr;
} names_t;

static co_conf_t *kconf(const char *dir, const char *bootstrap, const names_t *n, const char *app_id) {
  char err[256];
  co_conf_t *c = co_conf_new();
  const char *kv[][2] = {{"state.dir", dir},
                         {"brokers", bootstrap},
                         {"app.id", app_id},
                         {"topic.raw", n->raw},
                         {"topic.classified", n->classified},
                         {"topic.research", n->research},
                         {"topic.notifications", n->notify},
                         {"topic.dlq", n->dlq},
                         {"topic.corrections", n->corr},
                         {"topic.partitions", "3"},
                         {"commit.interval.ms", "100"},
                         {"log.level", "warn"}};
  for (size_t i = 0; i < sizeof(kv) / sizeof(kv[0]); i++)
    if (co_conf_set(c, kv[i][0], kv[i][1], CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("%s: %s", kv[i][0], err);
  if (co_conf_finalize(c, err, sizeof(err))) fail_msg("conf: %s", err);
  return c;
}

/* Produces the normalized messages to topic.raw, keyed by account, murmur2. */
static void produce_raw(const char *bootstrap, const char *topic) {
  char err[512];
  rd_kafka_conf_t *kc = rd_kafka_conf_new();
  rd_kafka_conf_set(kc, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_conf_set(kc, "partitioner", "murmur2_random", err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, kc, err, sizeof(err));
  assert_non_null(rk);
  for (size_t i = 0; i < sizeof(msgs) / sizeof(*msgs); i++) {
    char *cur = co_ingest_cursor_file("kafka-test", i), *json = NULL;
    co_ingest_src_t src = {.account = "sam", .cursor_json = cur, .max_body_bytes = 65536};
    assert_int_equal(co_ingest_normalize(msgs[i], strlen(msgs[i]), &src, &json, err, sizeof(err)), CO_OK);
    assert_int_equal(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY("sam", 3),
                                       RD_KAFKA_V_VALUE(json, strlen(json)), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                       RD_KAFKA_V_END),
                     RD_KAFKA_RESP_ERR_NO_ERROR);
    free(json);
    free(cur);
  }
  assert_int_equal(rd_kafka_flush(rk, 30000), RD_KAFKA_RESP_ERR_NO_ERROR);
  rd_kafka_destroy(rk);
}

typedef struct runner_s {
  co_pipeline_t *p;
  pthread_t th;
  co_err_t rc;
  char err[512];
} runner_t;

static void *run_th(void *arg) {
  runner_t *r = arg;
  r->rc = co_pipeline_run(r->p, r->err, sizeof(r->err));
  return NULL;
}

typedef struct seen_s {
  char key[256], stage[16];
  int corrected;
} seen_t;

static int find_cb(const co_pipeline_app_t *a, void *opaque) {
  seen_t *s = opaque;
  if (strncasecmp(a->company, "Tallpine", 8)) return 0;
  json_t *j = json_loads(a->json, 0, NULL);
  snprintf(s->key, sizeof(s->key), "%s", json_string_value(json_object_get(j, "key")));
  snprintf(s->stage, sizeof(s->stage), "%s", a->stage);
  s->corrected = json_is_true(json_object_get(j, "corrected")) && !strcmp(a->company, "Tallpine Analytics");
  json_decref(j);
  return 1;
}

static int tallpine(co_pipeline_t *p, seen_t *s) {
  char err[256];
  memset(s, 0, sizeof(*s));
  co_pipeline_applications(p, "sam", find_cb, s, err, sizeof(err));
  return s->key[0] != 0;
}

static void start(runner_t *r, co_pipeline_t *p) {
  r->p = p;
  assert_int_equal(pthread_create(&r->th, NULL, run_th, r), 0);
}

static void stop(runner_t *r) {
  co_pipeline_stop(r->p);
  pthread_join(r->th, NULL);
  if (r->rc) fail_msg("run: %s", r->err);
}

static void pipeline_correction_kafka_survives_reprocess(void **state) {
  (void)state;
  char err[512];
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  if (!k) fail_msg("kafka: %s", err);
  const char *bs = co_th_kafka_bootstrap(k);
  names_t n = {co_th_kafka_unique_name("corr-app"),   co_th_kafka_unique_name("corr-raw"),
               co_th_kafka_unique_name("corr-cls"),   co_th_kafka_unique_name("corr-res"),
               co_th_kafka_unique_name("corr-note"),  co_th_kafka_unique_name("corr-dlq"),
               co_th_kafka_unique_name("corr-corr")};
  char *app2 = co_th_kafka_unique_name("corr-app2");
  assert_int_equal(co_th_kafka_create_topic(k, n.raw, 3, 1, NULL, err, sizeof(err)), CO_OK);
  produce_raw(bs, n.raw);

  char *dir = co_th_tmpdir("pl-corr-kafka"), *dir2 = co_th_tmpdir("pl-corr-kafka2");
  co_conf_t *conf = kconf(dir, bs, &n, n.app);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  runner_t r = {0};
  start(&r, p);
  seen_t s;
  assert_true(CO_TH_WAIT_UNTIL(tallpine(p, &s) && !strcmp(s.stage, "REJECTION"), 60000));
  assert_false(s.corrected);

  json_t *c = json_pack("{s:s, s:{s:s, s:s}}", "application", s.key, "set", "stage", "APPLIED", "company",
                        "Tallpine Analytics");
  char *cj = json_dumps(c, JSON_COMPACT);
  json_decref(c);
  if (co_pipeline_correct(p, "sam", cj, err, sizeof(err))) fail_msg("correct: %s", err);
  free(cj);
  assert_true(CO_TH_WAIT_UNTIL(tallpine(p, &s) && s.corrected && !strcmp(s.stage, "APPLIED"), 60000));
  stop(&r);
  co_pipeline_destroy(p);

  /* full reprocess: new group and changelogs, empty state dir, same topics */
  co_conf_t *conf2 = kconf(dir2, bs, &n, app2);
  co_pipeline_t *p2 = co_pipeline_new(conf2, err, sizeof(err));
  if (!p2) fail_msg("pipeline 2: %s", err);
  runner_t r2 = {0};
  start(&r2, p2);
  assert_true(CO_TH_WAIT_UNTIL(tallpine(p2, &s) && s.corrected && !strcmp(s.stage, "APPLIED"), 90000));
  stop(&r2);
  co_pipeline_destroy(p2);

  co_conf_destroy(conf2);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  co_th_rm_rf(dir2);
  free(dir);
  free(dir2);
  free(app2);
  free(n.app), free(n.raw), free(n.classified), free(n.research), free(n.notify), free(n.dlq), free(n.corr);
  co_th_kafka_stop(k);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(pipeline_correction_kafka_survives_reprocess)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
