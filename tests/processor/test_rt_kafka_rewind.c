/* Proves that in Kafka mode a state dir whose content went backwards is
 * rebuilt from the changelogs instead of refused (issue 15 item 5): an
 * instance processes inputs 0..N1 and stops; a copy of its RocksDB
 * directory is kept; it processes N1..N2 and stops, and its counts are
 * dumped. The old copy is put back (the committed-sequence marker still
 * names the newer state, as after restoring an old backup or a damaged
 * MANIFEST). The next open logs that the state went backwards, wipes it and
 * restores every store from its changelog: the dump equals the one before,
 * line for line. (Embedded mode keeps refusing: state_refuses_state_that_went_backwards,
 * cli_run_refuses_state_that_went_backwards.) */
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

static int cmp_line(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The dump's lines sorted (tasks may be restored in another order), joined
 * by newlines; malloc'd. */
static char *sorted(const char *dump) {
  char *copy = strdup(dump), *save = NULL, *lines[4096], *out = calloc(1, strlen(dump) + 2);
  int n = 0;
  for (char *l = strtok_r(copy, "\n", &save); l && n < 4096; l = strtok_r(NULL, "\n", &save)) lines[n++] = l;
  qsort(lines, (size_t)n, sizeof(*lines), cmp_line);
  for (int i = 0; i < n; i++) strcat(strcat(out, lines[i]), "\n");
  free(copy);
  return out;
}

static void rt_kafka_state_that_went_backwards_is_rebuilt_from_changelogs(void **state) {
  (void)state;
  const long n1 = 3000, n2 = 6000;
  char why[256], db[1200], old[1200], cmd[4000], log[1200];
  rt_env_t e;
  rt_env_init(&e, "rewind");
  snprintf(db, sizeof(db), "%s/i0/rocksdb", e.dir);
  snprintf(old, sizeof(old), "%s/rocksdb-old", e.dir);
  snprintf(log, sizeof(log), "%s/i0.log", e.dir);

  rt_produce(&e, 0, n1);
  rt_start(&e, 0, NULL);
  assert_true(CO_TH_WAIT_UNTIL(rt_progress(&e) >= n1, 300000));
  rt_kill(&e, 0, SIGTERM);
  snprintf(cmd, sizeof(cmd), "cp -a '%s' '%s'", db, old);
  assert_int_equal(co_th_sh(cmd, NULL), 0);

  rt_produce(&e, n1, n2);
  rt_start(&e, 0, NULL);
  assert_true(CO_TH_WAIT_UNTIL(rt_progress(&e) >= n2, 300000));
  rt_kill(&e, 0, SIGTERM);
  char *before = rt_dump_counts(&e, "i0");
  if (rt_check_counts(before, n2, why, sizeof(why))) fail_msg("before: %s", why);
  assert_false(co_th_file_contains(log, "state went backwards"));

  /* the older copy back, under the newer marker */
  snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mv '%s' '%s'", db, old, db);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  long r0 = rt_restored(&e, "i0");
  char *after = rt_dump_counts(&e, "i0");
  long restored = rt_restored(&e, "i0") - r0;
  assert_true(co_th_file_contains(log, "state went backwards: wiping it"));
  char *sb = sorted(before), *sa = sorted(after);
  printf("# rolled back to the copy after %ld inputs, state of %ld: rebuilt from %ld changelog records, %zu-byte "
         "dump %s\n",
         n1, n2, restored, strlen(sa), strcmp(sa, sb) ? "DIFFERS" : "identical");
  assert_string_equal(sa, sb);
  assert_true(restored > 0);

  /* and it runs on: one more input is counted */
  rt_produce(&e, n2, n2 + 1);
  rt_start(&e, 0, NULL);
  assert_true(CO_TH_WAIT_UNTIL(rt_progress(&e) >= n2 + 1, 120000));
  rt_kill(&e, 0, SIGTERM);
  char *last = rt_dump_counts(&e, "i0");
  if (rt_check_counts(last, n2 + 1, why, sizeof(why))) fail_msg("after the rebuild, running on: %s", why);
  free(before), free(after), free(sb), free(sa), free(last);
  rt_env_fini(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_kafka_state_that_went_backwards_is_rebuilt_from_changelogs)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
