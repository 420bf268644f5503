/* run_once_prints_summary: `careerops run --once` on a fresh state dir
 * imports the sample inbox, prints the applications table (an account column,
 * the latest contact first) and the label and
 * DLQ counts on stdout, says honestly on stderr that there is no API yet,
 * and exits 0; once its dead letter is dismissed the next summary says
 * "dead letters: 0, 1 dismissed"; with --sample '' it imports nothing and
 * says so in numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "pl_tu.h"

static void test_run_once(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-run"), *out = NULL, *err = NULL;
  int rc = pl_run_once(dir, NULL, &out, &err);
  printf("--- stdout\n%s--- stderr\n%s", out ? out : "", err);
  assert_int_equal(rc, 0);
  assert_non_null(out);
  assert_non_null(strstr(out, "COMPANY"));
  { /* one account column; rows newest contact first (ISO times compare as text) */
    char prev[64] = "~", *copy = strdup(out), *save = NULL;
    int rows = 0;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
      if (!strncmp(line, "ACCOUNT ", 8) || strncmp(line, "me ", 3)) continue;
      const char *last = strrchr(line, ' ') + 1;
      if (strcmp(last, prev) > 0) fail_msg("rows not newest first: %s after %s", last, prev);
      snprintf(prev, sizeof(prev), "%s", last);
      rows++;
    }
    free(copy);
    assert_int_equal(rows, 10);
    assert_non_null(strstr(out, "ACCOUNT "));
  }
  assert_non_null(strstr(out, "Orchard Labs"));
  assert_non_null(strstr(out, "Backend Engineer"));
  assert_non_null(strstr(out, "applications: 10\n"));
  assert_non_null(strstr(out, "classified emails: 206 ("));
  assert_non_null(strstr(out, "dead letters: 1"));
  assert_non_null(strstr(err, "imported sample inbox"));
  assert_null(strstr(out, "http://")); /* --once serves no API */
  free(out);
  free(err);

  /* the dead letter dismissed: the next summary counts it apart */
  char cmd[8192], *dout = NULL;
  const char *bin = getenv("CO_BINARY_DIR");
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' dlq dismiss --filter class=poison -X state.dir='%s' 2>&1",
           bin ? bin : ".", dir);
  assert_int_equal(co_th_sh(cmd, &dout), 0);
  printf("--- dlq dismiss\n%s", dout ? dout : "");
  free(dout);
  rc = pl_run_once(dir, NULL, &out, &err);
  printf("--- stdout (after the dismissal)\n%s", out ? out : "");
  assert_int_equal(rc, 0);
  assert_non_null(strstr(out, "dead letters: 0, 1 dismissed\n"));
  free(out);
  free(err);

  char *dir2 = co_th_tmpdir("pl-run-nosample");
  rc = pl_run_once(dir2, "--sample ''", &out, &err);
  printf("--- stdout (no sample)\n%s", out ? out : "");
  assert_int_equal(rc, 0);
  assert_non_null(strstr(out, "applications: 0\n"));
  assert_non_null(strstr(out, "classified emails: 0 ("));
  assert_null(strstr(err, "imported sample inbox"));
  free(out);
  free(err);
  co_th_rm_rf(dir);
  co_th_rm_rf(dir2);
  free(dir);
  free(dir2);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_run_once)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
