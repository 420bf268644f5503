/* Proves Kafka-mode `careerops import` is exactly-once on a real broker:
 * killed with SIGKILL while it commits transactions, then run again, the raw
 * topic holds (read_committed) exactly one record per good message, all
 * distinct, and the DLQ topic exactly the one garbage message; a third run
 * imports nothing. */
#include <librdkafka/rdkafka.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "cli_tu.h"
#include "co_th.h"
#include "co_th_kafka.h"

#define N_MSGS 50000
#define GARBAGE_AT 100

static int cmp64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

/* Committed records of topic; *distinct gets the number of distinct values. */
static long count_committed(const char *bootstrap, const char *topic, long *distinct) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_conf_set(c, "group.id", "cli-import-kafka-counter", err, sizeof(err));
  rd_kafka_conf_set(c, "isolation.level", "read_committed", err, sizeof(err));
  rd_kafka_conf_set(c, "enable.partition.eof", "true", err, sizeof(err));
  rd_kafka_conf_set(c, "enable.auto.commit", "false", err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  if (!rk) return -1;
  rd_kafka_poll_set_consumer(rk);
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  long n = -1;
  uint64_t *h = NULL;
  size_t cap = 0;
  if (rd_kafka_metadata(rk, 0, rkt, &md, 15000) || md->topics[0].err) goto out;
  int parts = md->topics[0].partition_cnt, eof = 0;
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts);
  for (int p = 0; p < parts; p++) rd_kafka_topic_partition_list_add(l, topic, p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(rk, l);
  rd_kafka_topic_partition_list_destroy(l);
  n = 0;
  for (int64_t end = co_th_now_ms() + 60000; eof < parts && co_th_now_ms() < end;) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 500);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      eof++;
    } else if (!m->err) {
      if ((size_t)n == cap && !(h = realloc(h, (cap = cap ? cap * 2 : 4096) * sizeof(*h)))) abort();
      h[n++] = XXH64(m->payload, m->len, 0);
    }
    rd_kafka_message_destroy(m);
  }
  if (eof < parts) n = -1;
  if (distinct && n > 0) {
    qsort(h, (size_t)n, sizeof(*h), cmp64);
    *distinct = 1;
    for (long i = 1; i < n; i++) *distinct += h[i] != h[i - 1];
  } else if (distinct) {
    *distinct = 0;
  }
out:
  free(h);
  if (md) rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(rkt);
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return n;
}

/* Sum of the high watermarks of topic's partitions: a cheap progress probe
 * (includes uncommitted and control records). */
static long long hw_sum(rd_kafka_t *rk, const char *topic, int parts) {
  long long sum = 0;
  for (int p = 0; p < parts; p++) {
    int64_t lo, hi;
    if (rd_kafka_query_watermark_offsets(rk, topic, p, &lo, &hi, 5000)) return -1;
    sum += hi;
  }
  return sum;
}

static void cli_import_kafka_exactly_once_under_sigkill(void **state) {
  (void)state;
  char err[512], *dir = co_th_tmpdir("cli-kimport"), mbox[512], log[600], common[2048], args[3000], *out;
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  if (!k) fail_msg("broker: %s", err);
  const char *bs = co_th_kafka_bootstrap(k);
  char *app = co_th_kafka_unique_name("kimport"), raw[300], dlq[300];
  snprintf(raw, sizeof(raw), "%s-raw", app);
  snprintf(dlq, sizeof(dlq), "%s-dlq", app);
  snprintf(common, sizeof(common),
           "--brokers '%s' -X app.id=%s -X topic.raw=%s -X topic.dlq=%s -X topic.classified=%s-c "
           "-X topic.research=%s-r -X topic.notifications=%s-n -X topic.partitions=3 -X log.level=warn",
           bs, app, raw, dlq, app, app, app);
  snprintf(mbox, sizeof(mbox), "%s/inbox.mbox", dir);
  snprintf(log, sizeof(log), "%s/import.log", dir);
  assert_int_equal(cli_tu_write_mbox(mbox, N_MSGS, GARBAGE_AT), 0);

  /* Without the topics: a clear error, nothing written. */
  snprintf(args, sizeof(args), "import '%s' %s", mbox, common);
  assert_int_equal(cli_tu_run(args, 1, &out), 1);
  if (!strstr(out, "topics create")) fail_msg("no hint to create topics:\n%s", out);
  free(out);
  snprintf(args, sizeof(args), "topics create %s", common);
  assert_int_equal(cli_tu_run(args, 1, &out), 0);
  free(out);

  /* Kill while transactions are being committed. */
  char cmd[3200];
  snprintf(cmd, sizeof(cmd), "exec '%s' import '%s' %s", cli_tu_bin(), mbox, common);
  char *argv[] = {"/bin/sh", "-c", cmd, NULL};
  pid_t pid = co_th_spawn(argv, NULL, log, err, sizeof(err));
  assert_true(pid > 0);
  rd_kafka_conf_t *pc = rd_kafka_conf_new();
  rd_kafka_conf_set(pc, "bootstrap.servers", bs, err, sizeof(err));
  rd_kafka_t *probe = rd_kafka_new(RD_KAFKA_PRODUCER, pc, err, sizeof(err));
  assert_non_null(probe);
  if (!CO_TH_WAIT_UNTIL(hw_sum(probe, raw, 3) > N_MSGS / 10, 120000)) fail_msg("import wrote nothing in 120 s");
  rd_kafka_destroy(probe);
  co_th_kill(pid, SIGKILL, 1000);
  long d, after_kill = count_committed(bs, raw, &d);
  if (after_kill >= N_MSGS - 1) fail_msg("import finished before SIGKILL: raise N_MSGS");
  assert_int_equal(d, after_kill);

  long imp, skip, fail;
  snprintf(args, sizeof(args), "import '%s' %s", mbox, common);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  free(out);
  assert_int_equal(imp + skip + fail, N_MSGS);
  assert_true(skip >= after_kill);
  assert_int_equal(count_committed(bs, raw, &d), N_MSGS - 1);
  assert_int_equal(d, N_MSGS - 1);
  assert_int_equal(count_committed(bs, dlq, NULL), 1);

  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  free(out);
  assert_int_equal(imp, 0);
  assert_int_equal(skip, N_MSGS);
  assert_int_equal(count_committed(bs, raw, NULL), N_MSGS - 1);

  free(app);
  co_th_kafka_stop(k);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_import_kafka_exactly_once_under_sigkill)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
