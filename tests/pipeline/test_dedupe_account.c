/* pipeline_dedupe_is_per_account: the same mail in two mailboxes belongs to
 * both histories. The sample inbox imported for account "a" and again (a
 * copy, so the import cursor is fresh) for a second account in the same
 * partition (so the same dedupe store sees both) yields the same
 * applications for both, and twice the classified events of one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "pl_tu.h"

static void pipeline_dedupe_is_per_account(void **state) {
  (void)state;
  char err[512], copy[1200], cmd[2600], *dir = co_th_tmpdir("pl-dedupe-acct");
  co_conf_t *conf = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  snprintf(copy, sizeof(copy), "%s/copy.mbox", dir);
  snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", pl_sample("inbox.mbox"), copy);
  assert_int_equal(system(cmd), 0);
  if (co_pipeline_import_mbox(p, pl_sample("inbox.mbox"), "a", NULL, err, sizeof(err))) fail_msg("import a: %s", err);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
  long one = pl_classified(p);
  char second[16] = "";
  int parts = co_rt_partitions(co_pipeline_rt(p));
  for (int i = 0; i < 1000 && !*second; i++) {
    char n[16];
    snprintf(n, sizeof(n), "b%d", i);
    if (co_rt_partition_for(n, strlen(n), parts) == co_rt_partition_for("a", 1, parts)) snprintf(second, sizeof(second), "%s", n);
  }
  assert_true(*second);
  if (co_pipeline_import_mbox(p, copy, second, NULL, err, sizeof(err))) fail_msg("import b: %s", err);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
  long both = pl_classified(p);
  pl_apps_t a, b;
  pl_apps(p, "a", &a);
  pl_apps(p, second, &b);
  printf("classified: a alone %ld, a and b %ld; applications a %d, b %d\n", one, both, a.n, b.n);
  assert_true(one > 100);
  assert_int_equal(both, 2 * one);
  assert_int_equal(a.n, b.n);
  for (int i = 0; i < a.n; i++) {
    int k = pl_apps_find(&b, a.a[i].company);
    assert_true(k >= 0);
    assert_string_equal(a.a[i].stage, b.a[k].stage);
  }
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(pipeline_dedupe_is_per_account)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
