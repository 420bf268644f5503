/* ingest_kafka_imap_exactly_once_under_sigkill: `careerops ingest` (Kafka
 * mode, real broker, real dovecot) is SIGKILLed while it produces a folder
 * of N messages; `careerops ingest --once` then resumes from the cursor it
 * committed in <app.id>-ingest-cursors. Read with read_committed, topic.raw
 * holds exactly N records, N distinct (every message exactly once), the
 * restart appended exactly what the kill left out, and a third run appends
 * nothing. The kill must land mid-stream (some but not all committed). */
#include <librdkafka/rdkafka.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "co_th_imap.h"
#include "co_th_kafka.h"

#define N_MSGS 2400 /* several seconds of ingest: the kill lands mid-stream */

static long appended_of(const char *out) {
  const char *a = out ? strstr(out, "appended=") : NULL;
  return a ? strtol(a + 9, NULL, 10) : -1;
}

static void test_ingest_kafka(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *m = co_th_imap_start("jobs", "pw-kingest", err, sizeof(err));
  if (!m) fail_msg("dovecot: %s", err);
  size_t blen = 16 * 1024;
  char *body = malloc(blen + 1);
  for (size_t i = 0; i < blen; i++) body[i] = (i % 76 == 74) ? '\r' : (i % 76 == 75) ? '\n' : (char)('a' + i % 26);
  body[blen] = '\0';
  for (int i = 1; i <= N_MSGS; i++) {
    size_t len;
    char *raw = co_th_imap_make_message(i, NULL, body, &len);
    assert_int_equal(co_th_imap_deliver(m, "INBOX", raw, len, err, sizeof(err)), CO_OK);
    free(raw);
  }
  free(body);
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  if (!k) fail_msg("broker: %s", err);
  const char *bs = co_th_kafka_bootstrap(k);
  char *app = co_th_kafka_unique_name("kingest"), raw[300];
  snprintf(raw, sizeof(raw), "%s-raw", app);
  char *dir = co_th_tmpdir("ingest-kafka"), bin[1024], common[2048], cmd[4096], logp[1200], *out = NULL;
  const char *bd = getenv("CO_BINARY_DIR");
  snprintf(bin, sizeof(bin), "%s/cli/careerops", bd ? bd : ".");
  snprintf(common, sizeof(common),
           "--brokers '%s' -X app.id=%s -X topic.raw=%s -X topic.dlq=%s-dlq -X topic.classified=%s-c "
           "-X topic.research=%s-r -X topic.notifications=%s-n -X topic.partitions=3 -X imap.url=%s "
           "-X imap.user=jobs -X imap.password=pw-kingest",
           bs, app, raw, app, app, app, app, co_th_imap_url(m));
  snprintf(cmd, sizeof(cmd), "'%s' topics create %s -X log.level=warn", bin, common);
  assert_int_equal(co_th_sh(cmd, NULL), 0);

  /* no brokers: a usage error, not a silent embedded run */
  snprintf(cmd, sizeof(cmd), "'%s' ingest -X imap.url=%s -X imap.user=jobs -X imap.password=x 2>/dev/null", bin,
           co_th_imap_url(m));
  assert_int_equal(co_th_sh(cmd, NULL), 2);

  snprintf(logp, sizeof(logp), "%s/ingest.log", dir);
  snprintf(cmd, sizeof(cmd), "exec '%s' ingest %s -X log.level=debug", bin, common);
  char *argv[] = {"/bin/sh", "-c", cmd, NULL};
  pid_t pid = co_th_spawn(argv, NULL, logp, err, sizeof(err));
  assert_true(pid > 0);
  rd_kafka_conf_t *pc = rd_kafka_conf_new();
  rd_kafka_conf_set(pc, "bootstrap.servers", bs, err, sizeof(err));
  rd_kafka_t *probe = rd_kafka_new(RD_KAFKA_PRODUCER, pc, err, sizeof(err));
  assert_non_null(probe);
  /* past the first committed batch (64 records + a commit marker) */
  if (!CO_TH_WAIT_UNTIL(co_th_kafka_hw_sum(probe, raw, 3) > 70, 120000)) fail_msg("ingest wrote nothing in 120 s");
  rd_kafka_destroy(probe);
  co_th_kill(pid, SIGKILL, 1000);
  long d = 0, after_kill = co_th_kafka_count_committed(bs, raw, "ingest-kafka-counter", &d);
  printf("committed when killed: %ld of %d (distinct %ld)\n", after_kill, N_MSGS, d);
  if (after_kill >= N_MSGS) fail_msg("ingest finished before SIGKILL: raise N_MSGS");
  assert_true(after_kill > 0);
  assert_int_equal(d, after_kill);
  char *log = co_th_read_file(logp, NULL);
  assert_null(strstr(log ? log : "", "pw-kingest"));
  free(log);

  snprintf(cmd, sizeof(cmd), "'%s' ingest --once %s -X log.level=warn", bin, common);
  assert_int_equal(co_th_sh(cmd, &out), 0);
  long resumed = appended_of(out);
  printf("restart appended %ld\n", resumed);
  free(out);
  assert_int_equal(resumed, N_MSGS - after_kill);
  long total = co_th_kafka_count_committed(bs, raw, "ingest-kafka-counter", &d);
  printf("read_committed: %ld records, %ld distinct\n", total, d);
  assert_int_equal(total, N_MSGS);
  assert_int_equal(d, N_MSGS);

  assert_int_equal(co_th_sh(cmd, &out), 0);
  assert_int_equal(appended_of(out), 0);
  free(out);
  assert_int_equal(co_th_kafka_count_committed(bs, raw, "ingest-kafka-counter", &d), N_MSGS);

  free(app);
  co_th_kafka_stop(k);
  co_th_imap_stop(m);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_ingest_kafka)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
