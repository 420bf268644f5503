/* Proves 5xx handling: a couple of transient 502s are retried through and
 * the sync succeeds; a server that keeps answering 503 gets exactly
 * 1 + max_retries attempts, then the sync fails with CO_ERR_HTTP and an
 * error naming the API call, the status and the retry count, and the cursor
 * stays where it was. With the server gone, CO_ERR_IO after the retries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "gm_util.h"

static void gmail_5xx_gives_up_with_clear_error_after_retries(void **state) {
  (void)state;
  char err[512];
  fake_gmail_t *fg = fg_start(GM_CLIENT_ID, GM_SECRET, GM_REFRESH);
  assert_non_null(fg);
  gm_seed(fg, 1, 3);
  co_ingest_gmail_conf_t conf = gm_conf(fg);
  conf.max_retries = 3;
  co_ingest_gmail_t *g = co_ingest_gmail_new(&conf, err, sizeof(err));
  if (!g) fail_msg("%s", err);
  gm_rec_t rec = {0};
  co_ingest_gmail_cursor_t cur = {0}, from;
  co_ingest_gmail_sync_stats_t st;

  fg_lock(fg);
  fg->fail_n = 2;
  fg->fail_status = 502;
  fg_unlock(fg);
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 3);
  assert_int_equal(st.retries, 2);

  gm_seed(fg, 4, 4);
  fg_lock(fg);
  fg->fail_n = 1000;
  fg->fail_status = 503;
  int before = fg->nreq;
  fg_unlock(fg);
  from = cur;
  memset(&rec, 0, sizeof(rec));
  err[0] = '\0';
  assert_int_equal(co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err)), CO_ERR_HTTP);
  printf("error: %s\n", err);
  assert_non_null(strstr(err, "history.list"));
  assert_non_null(strstr(err, "HTTP 503"));
  assert_non_null(strstr(err, "3 retries"));
  assert_int_equal(fg->nreq - before, 4);
  assert_int_equal(st.retries, 3);
  assert_int_equal(rec.n, 0);
  assert_int_equal(cur.history_id, from.history_id);

  /* the server gone: a network error after the retries, CO_ERR_IO */
  fg_stop(fg);
  err[0] = '\0';
  assert_int_equal(co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err)), CO_ERR_IO);
  printf("error: %s\n", err);
  assert_non_null(strstr(err, "network error"));
  assert_int_equal(st.retries, 3);
  assert_int_equal(cur.history_id, from.history_id);
  co_ingest_gmail_destroy(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(gmail_5xx_gives_up_with_clear_error_after_retries)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
