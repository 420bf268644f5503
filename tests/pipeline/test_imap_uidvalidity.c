/* pipeline_imap_uidvalidity_reset_no_duplicates_downstream: after the
 * server resets the folder's UIDVALIDITY, the next sync delivers the whole
 * folder again and those records are appended to topic.raw (at-least-once
 * at the source; the thread's IDLE session is dropped and it reconnects),
 * but the classify processor's dedupe store drops them:
 * the classified count does not move. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "co_th.h"
#include "co_th_imap.h"
#include "co_pipeline_ingest.h"
#include "pl_tu.h"

static void test_uidvalidity(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *m = co_th_imap_start("jobs", "pw-uv", err, sizeof(err));
  if (!m) fail_msg("dovecot: %s", err);
  assert_int_equal(co_th_imap_seed(m, "INBOX", 1, 10, err, sizeof(err)), CO_OK);
  char *dir = co_th_tmpdir("pl-imap-uv");
  co_conf_t *conf = pl_conf_imap(dir, co_th_imap_url(m), "jobs", "pw-uv");
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_ingest_t *im = co_pipeline_ingest_new(conf, co_pipeline_rt(p), NULL, err, sizeof(err));
  if (!im) fail_msg("imap: %s", err);

  long total = 0, distinct = 0;
  assert_int_equal(co_pipeline_ingest_start(im, err, sizeof(err)), CO_OK);
  assert_true(CO_TH_WAIT_UNTIL((pl_raw_count(p, conf, &total, &distinct), total >= 10), 30000));
  assert_int_equal(co_pipeline_run_until_idle(p, err, sizeof(err)), CO_OK);
  assert_int_equal(pl_classified(p), 10);
  assert_int_equal(total, 10);

  /* the IDLEing thread loses its session, reconnects, sees the new
   * UIDVALIDITY and re-reads the folder */
  uint32_t uv = 0;
  assert_int_equal(co_th_imap_reset_uidvalidity(m, "INBOX", &uv, err, sizeof(err)), CO_OK);
  int64_t t0 = co_th_now_ms();
  assert_true(CO_TH_WAIT_UNTIL((pl_raw_count(p, conf, &total, &distinct), total >= 20), 30000));
  printf("after UIDVALIDITY reset to %u: %ld raw records (%ld distinct) after %lld ms\n", uv, total, distinct,
         (long long)(co_th_now_ms() - t0));
  co_pipeline_ingest_stop(im);
  co_pipeline_ingest_destroy(im); /* joined: nothing more is appended */
  im = NULL;
  pl_raw_count(p, conf, &total, &distinct);
  assert_int_equal(total, 20); /* the source re-appended them ... */
  assert_int_equal(distinct, 10);
  assert_int_equal(co_pipeline_run_until_idle(p, err, sizeof(err)), CO_OK);
  assert_int_equal(pl_classified(p), 10); /* ... and dedupe dropped them */
  char key[512];
  snprintf(key, sizeof(key), "imap:jobs@%s", co_th_imap_url(m));
  int64_t cur = co_rt_cursor(co_pipeline_rt(p), key);
  assert_int_equal((uint32_t)((uint64_t)cur >> 32), uv); /* the cursor moved to the new UIDVALIDITY */
  assert_int_equal((uint32_t)(cur & 0xffffffff), 10);

  co_pipeline_ingest_destroy(im);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_imap_stop(m);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_uidvalidity)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
