/* Proves standby replicas: with num.standby.replicas=1 and two instances,
 * each keeps a warm copy of the other's tasks. When one is SIGKILLed for
 * good, the survivor takes its tasks over restoring only a small tail, not
 * the whole changelog, and the output stays exactly once with exact counts. */
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

static int log_count(rt_env_t *e, int i, const char *needle) {
  char path[1200];
  snprintf(path, sizeof(path), "%s/i%d.log", e->dir, i);
  char *s = co_th_read_file(path, NULL);
  int n = 0;
  for (char *p = s; p && (p = strstr(p, needle)); p++) n++;
  free(s);
  return n;
}

static void rt_kafka_standby_failover_restores_only_tail(void **state) {
  (void)state;
  const long n1 = 40000, n2 = 44000;
  char *env[] = {"CAREEROPS_NUM_STANDBY_REPLICAS=1", NULL};
  long cnt;
  char why[256];
  rt_env_t e;
  rt_env_init(&e, "standby");
  rt_produce(&e, 0, n1);
  rt_start(&e, 0, env);
  rt_start(&e, 1, env);
  free(rt_collect(&e, e.output, n1 - n1 / 10, 300000, &cnt));
  /* Both run tasks and both keep standbys of the other's tasks. */
  assert_true(CO_TH_WAIT_UNTIL(log_count(&e, 0, "standby started") > 0 && log_count(&e, 1, "standby started") > 0, 60000));
  /* Wait (a synchronisation aid, not an assertion: librdkafka may not signal
   * a changelog end it already signalled to this consumer) until every
   * standby of the survivor has read its changelogs to the end once; the
   * failover bound below is what proves the standbys were warm. */
  if (!CO_TH_WAIT_UNTIL(log_count(&e, 0, "standby caught up") >= log_count(&e, 0, "standby started"), 60000))
    printf("# not every standby logged 'standby caught up' within 60 s\n");
  long before = rt_restored(&e, "i0");
  rt_kill(&e, 1, SIGKILL);
  rt_produce(&e, n1, n2);
  assert_true(CO_TH_WAIT_UNTIL(log_count(&e, 0, "assigned, restoring from standby") > 0, 120000));
  char *out = rt_collect(&e, e.output, n2 - n2 / 10, 300000, &cnt);
  free(out);
  long failover = rt_restored(&e, "i0") - before;
  printf("# records restored by the survivor on failover: %ld (changelogs hold about %ld)\n", failover, 2 * (n1 - n1 / 10));
  assert_true(failover < (n1 - n1 / 10) / 10); /* a tail, not the half of ~72,000 the dead instance owned */
  rt_kill(&e, 0, SIGTERM);
  out = rt_collect(&e, e.output, -1, 60000, &cnt);
  if (rt_check_output(out, n2, why, sizeof(why))) fail_msg("output: %s", why);
  free(out);
  char *counts = rt_dump_counts(&e, "fresh");
  if (rt_check_counts(counts, n2, why, sizeof(why))) fail_msg("counts: %s", why);
  free(counts);
  rt_env_fini(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_kafka_standby_failover_restores_only_tail)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
