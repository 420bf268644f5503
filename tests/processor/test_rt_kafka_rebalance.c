/* Proves rebalancing moves tasks and their state: one instance starts
 * alone, a 2nd and a 3rd join while input keeps arriving; the joiners
 * restore the tasks they receive from changelogs, and no key's count is
 * ever reset or doubled (output counts per key are exactly 1..c, the
 * stores hold the true counts). */
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

static int log_has(rt_env_t *e, int i, const char *needle) {
  char path[1200];
  snprintf(path, sizeof(path), "%s/i%d.log", e->dir, i);
  return co_th_file_contains(path, needle);
}

static void rt_kafka_rebalance_moves_state_without_reset(void **state) {
  (void)state;
  const long n = 120000, third = n / 3;
  rt_env_t e;
  rt_env_init(&e, "rebal");
  rt_produce(&e, 0, third);
  rt_start(&e, 0, NULL);
  assert_true(CO_TH_WAIT_UNTIL(rt_progress(&e) >= third / 2, 120000));
  rt_start(&e, 1, NULL);
  rt_produce(&e, third, 2 * third);
  assert_true(CO_TH_WAIT_UNTIL(rt_progress(&e) >= third + third / 2, 120000));
  rt_start(&e, 2, NULL);
  rt_produce(&e, 2 * third, n);
  long cnt;
  free(rt_collect(&e, e.output, n - n / 10, 300000, &cnt));
  /* The joiners got tasks, and at least one restored state built elsewhere. */
  assert_true(CO_TH_WAIT_UNTIL(log_has(&e, 1, "restored, running") && log_has(&e, 2, "restored, running"), 60000));
  long moved = rt_restored(&e, "i1") + rt_restored(&e, "i2");
  printf("# changelog records restored by the joiners: %ld\n", moved);
  assert_true(moved > 0);
  for (int i = 0; i < 3; i++) rt_kill(&e, i, SIGTERM);
  char *out = rt_collect(&e, e.output, -1, 60000, &cnt), why[256];
  if (rt_check_output(out, n, why, sizeof(why))) fail_msg("output: %s", why);
  free(out);
  char *counts = rt_dump_counts(&e, "fresh");
  if (rt_check_counts(counts, n, why, sizeof(why))) fail_msg("counts: %s", why);
  free(counts);
  rt_env_fini(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_kafka_rebalance_moves_state_without_reset)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
