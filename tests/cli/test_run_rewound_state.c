/* Proves `careerops run --once` refuses a state dir whose RocksDB went
 * backwards (an older copy of state/rocksdb put back) with exit code 1 and
 * a message saying so, instead of running on the older data and reporting
 * fewer (or 0) classified emails with exit code 0. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_tu.h"
#include "co_th.h"

static void cli_run_refuses_state_that_went_backwards(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("cli-rewind"), a[512], b[512], st[512], cmd[2400], *out;
  snprintf(a, sizeof(a), "%s/a.mbox", dir);
  snprintf(b, sizeof(b), "%s/b.mbox", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  assert_int_equal(cli_tu_write_mbox(a, 4, -1), 0);
  assert_int_equal(cli_tu_write_mbox(b, 8, -1), 0);
  snprintf(cmd, sizeof(cmd), "run --once --sample '%s' -X state.dir='%s' -X log.level=error", a, st);
  assert_int_equal(cli_tu_run(cmd, 1, &out), 0);
  free(out);
  snprintf(cmd, sizeof(cmd), "cp -a '%s/rocksdb' '%s/rocksdb.old'", st, dir);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  snprintf(cmd, sizeof(cmd), "import '%s' -X state.dir='%s' -X log.level=error", b, st);
  assert_int_equal(cli_tu_run(cmd, 1, &out), 0);
  free(out);
  snprintf(cmd, sizeof(cmd), "run --once --sample '' -X state.dir='%s' -X log.level=error", st);
  assert_int_equal(cli_tu_run(cmd, 1, &out), 0);
  free(out);

  snprintf(cmd, sizeof(cmd), "rm -rf '%s/rocksdb' && cp -a '%s/rocksdb.old' '%s/rocksdb'", st, dir, st);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  snprintf(cmd, sizeof(cmd), "run --once --sample '' -X state.dir='%s' -X log.level=error", st);
  int rc = cli_tu_run(cmd, 1, &out);
  if (rc != 1 || !strstr(out, "went backwards") || strstr(out, "classified emails"))
    fail_msg("run --once on an older copy: rc %d, output:\n%s", rc, out);
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_run_refuses_state_that_went_backwards)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
