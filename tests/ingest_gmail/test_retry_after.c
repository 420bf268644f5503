/* Proves a 429 with "Retry-After: 1" is retried, and not before the server
 * said: the server's own arrival times of the refused request and of the
 * retry are at least 1000 ms apart, although the source's backoff alone
 * (retry_base_ms 10) would have retried after 10 ms. A logical ordering
 * check on the server's clock, not a speed measurement. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "gm_util.h"

static void gmail_429_retry_after_honored(void **state) {
  (void)state;
  char err[512];
  fake_gmail_t *fg = fg_start(GM_CLIENT_ID, GM_SECRET, GM_REFRESH);
  assert_non_null(fg);
  gm_seed(fg, 1, 3);
  co_ingest_gmail_conf_t conf = gm_conf(fg);
  co_ingest_gmail_t *g = co_ingest_gmail_new(&conf, err, sizeof(err));
  if (!g) fail_msg("%s", err);
  fg_lock(fg);
  fg->fail_n = 1;
  fg->fail_status = 429;
  fg->fail_retry_after = 1;
  fg_unlock(fg);
  gm_rec_t rec = {0};
  co_ingest_gmail_cursor_t cur = {0};
  co_ingest_gmail_sync_stats_t st;
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 3);
  assert_int_equal(st.retries, 1);
  assert_int_equal(cur.history_id, fg->history_id);

  int k = -1;
  for (int i = 0; i < fg->nreq; i++)
    if (fg->reqs[i].status == 429) k = i;
  assert_true(k >= 0 && k + 1 < fg->nreq);
  assert_string_equal(fg->reqs[k].kind, fg->reqs[k + 1].kind); /* the same call again */
  assert_int_equal(fg->reqs[k + 1].status, 200);
  int64_t gap = fg->reqs[k + 1].t_ms - fg->reqs[k].t_ms;
  printf("429 at %lld ms, retry %lld ms later\n", (long long)fg->reqs[k].t_ms, (long long)gap);
  assert_true(gap >= 1000);

  co_ingest_gmail_destroy(g);
  fg_stop(fg);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(gmail_429_retry_after_honored)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
