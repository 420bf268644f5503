/* Proves a one-shot command's answer is not buried in log lines: `import`
 * and `dlq list` write no info lines by default (only warnings and errors
 * would show; the answer itself says what failed), but do when log.level is set by -X or
 * by the environment; `dlq list` also gives each record's first-seen time
 * as UTC text next to its epoch milliseconds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_tu.h"
#include "co_th.h"

#define INFO "\"level\":\"info\""

static void cli_one_shot_commands_log_warnings_only_unless_asked(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("cli-quiet"), mbox[512], st[512], args[1400], *out;
  snprintf(mbox, sizeof(mbox), "%s/inbox.mbox", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  assert_int_equal(cli_tu_write_mbox(mbox, 5, 2), 0);

  /* stderr merged: no info line, the answer says what failed */
  snprintf(args, sizeof(args), "import '%s' -X state.dir='%s'", mbox, st);
  assert_int_equal(cli_tu_run(args, 1, &out), 0);
  printf("--- import\n%s", out);
  assert_null(strstr(out, INFO));
  assert_non_null(strstr(out, "1 failed -> DLQ"));
  assert_non_null(strstr(out, "imported=4 skipped=0 failed=1"));
  free(out);

  snprintf(args, sizeof(args), "dlq list -X state.dir='%s'", st);
  assert_int_equal(cli_tu_run(args, 1, &out), 0);
  printf("--- dlq list\n%s", out);
  assert_null(strstr(out, INFO));
  assert_non_null(strstr(out, "\"first_seen\":\"20"));
  assert_non_null(strstr(out, "Z\",\"replayed\":false"));
  free(out);

  /* asked for: by -X and by the environment */
  snprintf(args, sizeof(args), "dlq list -X state.dir='%s' -X log.level=info", st);
  assert_int_equal(cli_tu_run(args, 1, &out), 0);
  assert_non_null(strstr(out, INFO));
  free(out);
  snprintf(args, sizeof(args), "dlq list -X state.dir='%s'", st);
  setenv("CAREEROPS_LOG_LEVEL", "info", 1);
  assert_int_equal(cli_tu_run(args, 1, &out), 0);
  unsetenv("CAREEROPS_LOG_LEVEL");
  assert_non_null(strstr(out, INFO));
  free(out);

  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_one_shot_commands_log_warnings_only_unless_asked)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
