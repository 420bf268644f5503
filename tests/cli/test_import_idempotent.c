/* Proves `careerops import` of an mbox is idempotent: the first run imports
 * every parseable message and sends the one garbage message to the DLQ
 * (class parse, raw bytes kept); a second run imports nothing and the
 * embedded log holds exactly one record per good message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_tu.h"
#include "co_th.h"

#define N_MSGS 50
#define GARBAGE_AT 17

static int count(const char *s, const char *needle) {
  int n = 0;
  for (const char *p = s; (p = strstr(p, needle)); p++) n++;
  return n;
}

static void cli_import_mbox_is_idempotent(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("cli-import"), mbox[512], st[512], args[1200], *out;
  long imp, skip, fail;
  snprintf(mbox, sizeof(mbox), "%s/inbox.mbox", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  assert_int_equal(cli_tu_write_mbox(mbox, N_MSGS, GARBAGE_AT), 0);

  snprintf(args, sizeof(args), "import '%s' --account alice -X state.dir='%s'", mbox, st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  assert_int_equal(imp, N_MSGS - 1);
  assert_int_equal(skip, 0);
  assert_int_equal(fail, 1);
  free(out);

  /* The DLQ record names the cause and keeps the raw bytes. */
  snprintf(args, sizeof(args), "dlq list -X state.dir='%s'", st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  if (!strstr(out, "\"error_class\":\"parse\"") || !strstr(out, "\"source_topic\":\"import\"") ||
      !strstr(out, "\"key\":\"alice\"") || count(out, "\\u0000\\u0001\\u0002") != 40)
    fail_msg("dlq list did not show the parse failure with its bytes:\n%s", out);
  free(out);

  /* Again: nothing new, everything recognised as already imported. */
  snprintf(args, sizeof(args), "import '%s' --account alice -X state.dir='%s'", mbox, st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  assert_int_equal(imp, 0);
  assert_int_equal(skip, N_MSGS);
  assert_int_equal(fail, 0);
  free(out);

  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), N_MSGS - 1);
  assert_int_equal(cli_tu_distinct(st, "raw_inbox_stream"), N_MSGS - 1);
  assert_int_equal(cli_tu_count(st, "dlq_dead_letters"), 1);

  /* A grown mbox: only the new tail is imported. */
  char more[512];
  snprintf(more, sizeof(more), "%s/more.mbox", dir);
  assert_int_equal(cli_tu_write_mbox(more, N_MSGS + 10, GARBAGE_AT), 0);
  /* Same generator: the first 50 messages are byte-identical, 10 follow. */
  snprintf(args, sizeof(args), "cp '%s' '%s'", more, mbox);
  assert_int_equal(co_th_sh(args, NULL), 0);
  snprintf(args, sizeof(args), "import '%s' --account alice -X state.dir='%s'", mbox, st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  assert_int_equal(imp, 10);
  assert_int_equal(skip, N_MSGS);
  free(out);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), N_MSGS - 1 + 10);

  co_th_rm_rf(dir);
  free(dir);
}

static void cli_import_bad_input_exits_cleanly(void **state) {
  (void)state;
  char *out;
  assert_int_equal(cli_tu_run("import /nonexistent/inbox.mbox", 1, &out), 1);
  assert_non_null(strstr(out, "/nonexistent/inbox.mbox"));
  free(out);
  assert_int_equal(cli_tu_run("import", 1, &out), 2);
  free(out);
  assert_int_equal(cli_tu_run("import x --no-such-flag", 1, &out), 2);
  free(out);
  assert_int_equal(cli_tu_run("import /tmp --account ''", 1, &out), 2);
  free(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(cli_import_mbox_is_idempotent),
      cmocka_unit_test(cli_import_bad_input_exits_cleanly),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
