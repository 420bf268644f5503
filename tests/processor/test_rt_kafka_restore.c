/* Proves restore from changelogs: with the local state deleted, the stores
 * are rebuilt in full from their changelogs; with the checkpoint present a
 * restart restores nothing; after a SIGKILL in the middle of a transaction
 * the restart restores only the tail, and all counts stay exact. (The
 * 1,000,000-entry run is in bench/processor.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_th.h"
#include "rt_check.h"
#include "rt_kafka.h"

static void rt_kafka_restore_full_then_incremental(void **state) {
  (void)state;
  const long n1 = 50000, n2 = 52000;
  char why[256], path[1200];
  long cnt;
  rt_env_t e;
  rt_env_init(&e, "restore");
  rt_produce(&e, 0, n1);
  rt_start(&e, 0, NULL);
  free(rt_collect(&e, e.output, n1 - n1 / 10, 300000, &cnt));
  rt_kill(&e, 0, SIGTERM);

  snprintf(path, sizeof(path), "%s/i0", e.dir);
  co_th_rm_rf(path);
  long r0 = rt_restored(&e, "i0");
  char *counts = rt_dump_counts(&e, "i0");
  long full = rt_restored(&e, "i0") - r0;
  if (rt_check_counts(counts, n1, why, sizeof(why))) fail_msg("after full restore: %s", why);
  free(counts);
  printf("# full restore: %ld changelog records\n", full);
  assert_true(full >= (n1 - n1 / 10) + 100); /* every dedupe entry and count update */

  r0 = rt_restored(&e, "i0");
  counts = rt_dump_counts(&e, "i0");
  long again = rt_restored(&e, "i0") - r0;
  if (rt_check_counts(counts, n1, why, sizeof(why))) fail_msg("after checkpointed restart: %s", why);
  free(counts);
  printf("# restart with checkpoint: %ld changelog records\n", again);
  assert_int_equal(again, 0);

  /* SIGKILL while transactions are in flight, then restart. */
  rt_produce(&e, n1, n2);
  rt_start(&e, 0, NULL);
  long base = rt_progress(&e);
  assert_true(CO_TH_WAIT_UNTIL(rt_progress(&e) >= base + 300, 120000));
  rt_kill(&e, 0, SIGKILL);
  r0 = rt_restored(&e, "i0");
  rt_start(&e, 0, NULL);
  char *out = rt_collect(&e, e.output, n2 - n2 / 10, 300000, &cnt);
  long tail = rt_restored(&e, "i0") - r0;
  printf("# restart after SIGKILL: %ld changelog records restored\n", tail);
  assert_true(tail <= 2 * (n2 - n1)); /* only what the killed run committed to Kafka but not locally */
  rt_kill(&e, 0, SIGTERM);
  free(out);
  out = rt_collect(&e, e.output, -1, 60000, &cnt);
  if (rt_check_output(out, n2, why, sizeof(why))) fail_msg("output: %s", why);
  free(out);
  counts = rt_dump_counts(&e, "i0");
  if (rt_check_counts(counts, n2, why, sizeof(why))) fail_msg("final counts: %s", why);
  free(counts);
  rt_env_fini(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_kafka_restore_full_then_incremental)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
