/* pipeline_gmail_account_feeds_raw_stream_and_resumes: a Gmail account from
 * the accounts: list (secrets from environment variables) runs as a source
 * thread of the embedded pipeline against a fake Gmail API + OAuth server:
 * the 5 messages already in the mailbox and one added while it runs reach
 * topic.raw keyed by the account, each once; after a restart on the same
 * state dir, one sync resumes from the committed historyId (history.list,
 * no new full listing) and appends nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_pipeline_ingest.h"
#include "co_th.h"
#include "fake_gmail.h"
#include "pl_tu.h"

#define CID "client-7.apps.example"
#define SECRET "GOCSPX-pl-s3cret-5521"
#define REFRESH "1//pl-refresh-90817"

static long raw_total(co_pipeline_t *p, const co_conf_t *conf) {
  long total, distinct;
  pl_raw_count(p, conf, &total, &distinct);
  return total == distinct ? total : -total; /* a duplicate shows as negative */
}

static co_pipeline_ingest_t *sources(co_pipeline_t *p, const co_conf_t *conf, const char *cfg) {
  char err[512];
  co_ingest_accounts_t *a = NULL;
  if (co_ingest_accounts_load(cfg, &a, err, sizeof(err))) fail_msg("accounts: %s", err);
  co_pipeline_ingest_t *ing = co_pipeline_ingest_new(conf, co_pipeline_rt(p), a, err, sizeof(err));
  co_ingest_accounts_free(a);
  if (!ing) fail_msg("sources: %s", err);
  assert_int_equal(co_pipeline_ingest_count(ing), 1);
  return ing;
}

static void test_gmail_run(void **state) {
  (void)state;
  char err[512];
  fake_gmail_t *fg = fg_start(CID, SECRET, REFRESH);
  for (int i = 1; i <= 5; i++) {
    char *m = fg_make_message(i);
    fg_add(fg, m);
    free(m);
  }
  setenv("CO_TEST_GM_SECRET", SECRET, 1);
  setenv("CO_TEST_GM_REFRESH", REFRESH, 1);
  char *dir = co_th_tmpdir("pl-gmail"), cfg[4096], *yaml = NULL;
  snprintf(cfg, sizeof(cfg), "%s/careerops.yaml", dir);
  if (asprintf(&yaml,
               "accounts:\n  - name: gm\n    type: gmail\n    api_url: %s\n    token_url: %s\n    client_id: " CID
               "\n    client_secret_env: CO_TEST_GM_SECRET\n    refresh_token_env: CO_TEST_GM_REFRESH\n    poll_s: 1\n",
               fg->base, fg->token_url) < 0)
    abort();
  assert_int_equal(co_th_write_file(cfg, yaml, strlen(yaml)), 0);

  co_conf_t *conf = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_ingest_t *ing = sources(p, conf, cfg);
  assert_int_equal(co_pipeline_ingest_start(ing, err, sizeof(err)), CO_OK);
  assert_true(CO_TH_WAIT_UNTIL(raw_total(p, conf) == 5, 20000));
  char *m6 = fg_make_message(6);
  fg_add(fg, m6);
  free(m6);
  assert_true(CO_TH_WAIT_UNTIL(raw_total(p, conf) == 6, 20000));
  co_pipeline_ingest_stats_t st;
  co_pipeline_ingest_stats(ing, &st);
  printf("gmail: appended %lld in %lld sync(s), %lld error(s)\n", (long long)st.gmail_appended, (long long)st.syncs,
         (long long)st.errors);
  assert_int_equal(st.gmail_appended, 6);
  co_pipeline_ingest_destroy(ing);
  assert_int_equal(raw_total(p, conf), 6);
  co_pipeline_destroy(p);

  /* restart: resumes from the committed historyId */
  int lists = fg_count(fg, "list"), hist = fg_count(fg, "history");
  p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  ing = sources(p, conf, cfg);
  int64_t n = -1;
  assert_int_equal(co_pipeline_ingest_sync(ing, &n, err, sizeof(err)), CO_OK);
  assert_int_equal(n, 0);
  assert_int_equal(fg_count(fg, "list"), lists);
  assert_true(fg_count(fg, "history") > hist);
  assert_int_equal(raw_total(p, conf), 6);
  assert_int_equal(co_pipeline_run_until_idle(p, err, sizeof(err)), CO_OK);
  assert_int_equal(pl_classified(p), 6);
  co_pipeline_ingest_destroy(ing);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  fg_stop(fg);
  free(yaml);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_gmail_run)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
