/* pipeline_imap_source_survives_server_restart: the embedded pipeline's
 * IMAP source thread idles on a dovecot that is then stopped; while it is
 * down the thread's waits fail and it backs off; once dovecot is started
 * again on the same port, a message delivered after the restart reaches
 * topic.raw, and no earlier message is appended twice. The wait for the
 * outage to be noticed is on the source's own count of waits that ended
 * without a connection, not on time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "co_pipeline_ingest.h"
#include "co_th.h"
#include "co_th_imap.h"
#include "pl_tu.h"

static long raw_distinct(co_pipeline_t *p, const co_conf_t *conf, long *total) {
  long distinct;
  pl_raw_count(p, conf, total, &distinct);
  return distinct;
}

static void test_reconnect(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *m = co_th_imap_start("jobs", "pw-reconnect", err, sizeof(err));
  if (!m) fail_msg("dovecot: %s", err);
  assert_int_equal(co_th_imap_seed(m, "INBOX", 1, 3, err, sizeof(err)), CO_OK);
  char *dir = co_th_tmpdir("pl-reconnect");
  co_conf_t *conf = pl_conf_imap(dir, co_th_imap_url(m), "jobs", "pw-reconnect");
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_ingest_t *ing = co_pipeline_ingest_new(conf, co_pipeline_rt(p), NULL, err, sizeof(err));
  if (!ing) fail_msg("sources: %s", err);
  assert_int_equal(co_pipeline_ingest_start(ing, err, sizeof(err)), CO_OK);
  long total = 0;
  assert_true(CO_TH_WAIT_UNTIL(raw_distinct(p, conf, &total) == 3, 20000));

  assert_int_equal(co_th_imap_halt(m, err, sizeof(err)), CO_OK);
  /* the idling thread notices the server is gone and keeps retrying */
  co_pipeline_ingest_stats_t st;
  assert_true(CO_TH_WAIT_UNTIL((co_pipeline_ingest_stats(ing, &st), st.down_waits >= 2), 30000));
  int64_t syncs_before = st.syncs;
  assert_int_equal(co_th_imap_resume(m, err, sizeof(err)), CO_OK);
  int64_t t0 = co_th_now_ms();
  assert_int_equal(co_th_imap_seed(m, "INBOX", 4, 1, err, sizeof(err)), CO_OK);
  assert_true(CO_TH_WAIT_UNTIL(raw_distinct(p, conf, &total) == 4, 60000));
  co_pipeline_ingest_stats(ing, &st);
  printf("new mail after the restart reached topic.raw in %lld ms (syncs %lld -> %lld, errors %lld, "
         "waits without a server %lld)\n",
         (long long)(co_th_now_ms() - t0), (long long)syncs_before, (long long)st.syncs, (long long)st.errors,
         (long long)st.down_waits);
  assert_int_equal(total, 4);
  assert_int_equal(st.appended, 4);
  co_pipeline_ingest_destroy(ing);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_reconnect)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
