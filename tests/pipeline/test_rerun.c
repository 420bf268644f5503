/* pipeline_rerun_is_idempotent: `careerops run --once` twice on the same
 * state dir: the second run imports nothing (the sample's cursor is there),
 * prints the same summary, and the classified topic holds no extra event;
 * importing the same mbox again (the sample copy moved to today that `run`
 * wrote into the state dir) through the library appends nothing either. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "pl_tu.h"

static void test_rerun(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-rerun"), *out1, *err1, *out2, *err2, err[512];
  assert_int_equal(pl_run_once(dir, NULL, &out1, &err1), 0);
  assert_int_equal(pl_run_once(dir, NULL, &out2, &err2), 0);
  printf("--- first\n%s--- second\n%s", out1, out2);
  assert_non_null(strstr(err1, "imported sample inbox"));
  assert_null(strstr(err2, "imported sample inbox"));
  assert_non_null(strstr(out1, "applications: 10\n"));
  assert_string_equal(out1, out2);

  /* the same state through the library: counts unchanged, a re-import is a no-op */
  co_conf_t *conf = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_counts_t c1, c2;
  assert_int_equal(co_pipeline_counts(p, &c1, err, sizeof(err)), CO_OK);
  /* `run` imports the sample moved to today: the copy it wrote into the state dir */
  char copy[4200];
  snprintf(copy, sizeof(copy), "%s/sample-inbox.mbox", dir);
  co_pipeline_import_stats_t st;
  assert_int_equal(co_pipeline_import_mbox(p, copy, NULL, &st, err, sizeof(err)), CO_OK);
  assert_int_equal(st.appended, 0);
  assert_true(st.skipped_all);
  assert_int_equal(co_pipeline_run_until_idle(p, err, sizeof(err)), CO_OK);
  assert_int_equal(co_pipeline_counts(p, &c2, err, sizeof(err)), CO_OK);
  printf("classified %lld -> %lld, dlq %lld -> %lld\n", (long long)c1.classified, (long long)c2.classified,
         (long long)c1.dlq, (long long)c2.dlq);
  assert_int_equal(c1.classified, 206);
  assert_int_equal(c2.classified, c1.classified);
  assert_int_equal(c2.dlq, c1.dlq);
  assert_int_equal(c2.notifications, c1.notifications);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  free(out1);
  free(err1);
  free(out2);
  free(err2);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_rerun)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
