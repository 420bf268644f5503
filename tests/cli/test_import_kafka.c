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

#include "cli_tu.h"
#include "co_th.h"
#include "co_th_kafka.h"

#define N_MSGS 50000
#define GARBAGE_AT 100

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
  if (!CO_TH_WAIT_UNTIL(co_th_kafka_hw_sum(probe, raw, 3) > N_MSGS / 10, 120000))
    fail_msg("import wrote nothing in 120 s");
  rd_kafka_destroy(probe);
  co_th_kill(pid, SIGKILL, 1000);
  long d, after_kill = co_th_kafka_count_committed(bs, raw, "cli-import-kafka-counter", &d);
  if (after_kill >= N_MSGS - 1) fail_msg("import finished before SIGKILL: raise N_MSGS");
  assert_int_equal(d, after_kill);

  long imp, skip, fail;
  snprintf(args, sizeof(args), "import '%s' %s", mbox, common);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  free(out);
  assert_int_equal(imp + skip + fail, N_MSGS);
  assert_true(skip >= after_kill);
  assert_int_equal(co_th_kafka_count_committed(bs, raw, "cli-import-kafka-counter", &d), N_MSGS - 1);
  assert_int_equal(d, N_MSGS - 1);
  assert_int_equal(co_th_kafka_count_committed(bs, dlq, "cli-import-kafka-counter", NULL), 1);

  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  free(out);
  assert_int_equal(imp, 0);
  assert_int_equal(skip, N_MSGS);
  assert_int_equal(co_th_kafka_count_committed(bs, raw, "cli-import-kafka-counter", NULL), N_MSGS - 1);

  free(app);
  co_th_kafka_stop(k);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_import_kafka_exactly_once_under_sigkill)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
