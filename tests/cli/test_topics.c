/* Proves `careerops topics create` creates the five pipeline topics on a
 * real broker with topic.partitions partitions (checked in the broker's
 * metadata), that running it again is fine (every topic "exists", exit 0),
 * and that embedded mode has nothing to create. Topic names are unique per
 * run, so the shared broker's other tests are not disturbed. */
#include <librdkafka/rdkafka.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_tu.h"
#include "co_th.h"
#include "co_th_kafka.h"

#define PARTS 3
static const char *const settings[] = {"topic.raw", "topic.classified", "topic.research", "topic.notifications",
                                       "topic.dlq", "topic.corrections"};
#define NT ((int)(sizeof(settings) / sizeof(settings[0])))

/* The broker's metadata cache may lag CreateTopics for a moment (KRaft
 * propagates it asynchronously), so ask until the topic shows up. */
static int partitions_of_once(const char *bootstrap, const char *topic) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err));
  if (!rk) return -1;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  const struct rd_kafka_metadata *md = NULL;
  int n = -1;
  if (!rd_kafka_metadata(rk, 0, rkt, &md, 15000) && md->topic_cnt == 1 && !md->topics[0].err)
    n = md->topics[0].partition_cnt;
  if (md) rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(rkt);
  rd_kafka_destroy(rk);
  return n;
}

static int partitions_of(const char *bootstrap, const char *topic) {
  int n = -1;
  for (int i = 0; i < 50 && n < 0; i++) {
    n = partitions_of_once(bootstrap, topic);
    if (n < 0) co_th_sleep_ms(200);
  }
  return n;
}

static void cli_topics_create_on_real_broker(void **state) {
  (void)state;
  char err[512], args[4096], *names[NT], *out;
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  if (!k) fail_msg("broker: %s", err);
  int n = snprintf(args, sizeof(args), "topics create --brokers '%s' -X topic.partitions=%d", co_th_kafka_bootstrap(k),
                   PARTS);
  for (int i = 0; i < NT; i++) {
    names[i] = co_th_kafka_unique_name(settings[i] + 6);
    n += snprintf(args + n, sizeof(args) - (size_t)n, " -X %s=%s", settings[i], names[i]);
  }
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  for (int i = 0; i < NT; i++) {
    char line[300];
    snprintf(line, sizeof(line), "created %s partitions=%d", names[i], PARTS);
    if (!strstr(out, line)) fail_msg("missing '%s' in:\n%s", line, out);
    assert_int_equal(partitions_of(co_th_kafka_bootstrap(k), names[i]), PARTS);
  }
  free(out);

  /* Again: nothing to do, still success. */
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  for (int i = 0; i < NT; i++) {
    char line[300];
    snprintf(line, sizeof(line), "exists %s", names[i]);
    if (!strstr(out, line)) fail_msg("missing '%s' in:\n%s", line, out);
  }
  free(out);

  assert_int_equal(cli_tu_run("topics create", 1, &out), 0);
  assert_non_null(strstr(out, "nothing to create"));
  free(out);
  assert_int_equal(cli_tu_run("topics destroy", 1, &out), 2);
  free(out);
  for (int i = 0; i < NT; i++) free(names[i]);
  co_th_kafka_stop(k);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_topics_create_on_real_broker)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
