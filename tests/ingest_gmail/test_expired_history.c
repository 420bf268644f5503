/* Proves that a cursor whose history Gmail no longer keeps (users.history
 * .list answers 404) falls back to a full listing, reports it in the stats,
 * delivers the whole mailbox again, and ends at the current historyId, from
 * which incremental syncs work again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "gm_util.h"

static void gmail_expired_history_falls_back_to_full_sync(void **state) {
  (void)state;
  char err[512];
  fake_gmail_t *fg = fg_start(GM_CLIENT_ID, GM_SECRET, GM_REFRESH);
  assert_non_null(fg);
  gm_seed(fg, 1, 4);
  co_ingest_gmail_conf_t conf = gm_conf(fg);
  co_ingest_gmail_t *g = co_ingest_gmail_new(&conf, err, sizeof(err));
  if (!g) fail_msg("%s", err);
  gm_rec_t rec = {0};
  co_ingest_gmail_cursor_t cur = {0}, from;
  co_ingest_gmail_sync_stats_t st;
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 4);

  gm_seed(fg, 5, 6);
  fg_lock(fg);
  fg->history_floor = fg->history_id; /* cursors before now have expired */
  fg_unlock(fg);
  memset(&rec, 0, sizeof(rec));
  from = cur;
  if (co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  if (rec.bad) fail_msg("%s", rec.why);
  assert_int_equal(st.history_expired, 1);
  assert_int_equal(st.full_sync, 1);
  assert_int_equal(rec.n, 6);
  for (int i = 0; i < 6; i++) assert_int_equal(rec.idx[i], i + 1);
  assert_int_equal(cur.history_id, fg->history_id);
  assert_int_equal(fg_count(fg, "history"), 1);

  gm_seed(fg, 7, 7);
  memset(&rec, 0, sizeof(rec));
  from = cur;
  if (co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(st.history_expired, 0);
  assert_int_equal(st.full_sync, 0);
  assert_int_equal(rec.n, 1);
  assert_int_equal(rec.idx[0], 7);

  co_ingest_gmail_destroy(g);
  fg_stop(fg);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(gmail_expired_history_falls_back_to_full_sync)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
