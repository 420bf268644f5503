/* Proves the Gmail source's two sync modes against the fake server, whose
 * pages hold 2 entries so both listings page: a first sync (no cursor) lists
 * the whole mailbox over several messages.list pages and delivers every
 * message, byte-exact, oldest first, normalizable by co_ingest_normalize,
 * ending at the profile's historyId; a sync from that cursor pages through
 * users.history.list and delivers exactly the new messages; a callback that
 * refuses a message keeps the cursor before it, and the next sync delivers
 * exactly that rest; a message deleted between history and fetch (404)
 * is skipped without stalling the cursor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "gm_util.h"

static void gmail_full_sync_then_incremental_history(void **state) {
  (void)state;
  char err[512];
  fake_gmail_t *fg = fg_start(GM_CLIENT_ID, GM_SECRET, GM_REFRESH);
  assert_non_null(fg);
  gm_seed(fg, 1, 5);
  co_ingest_gmail_conf_t conf = gm_conf(fg);
  co_ingest_gmail_t *g = co_ingest_gmail_new(&conf, err, sizeof(err));
  if (!g) fail_msg("%s", err);

  /* full */
  gm_rec_t rec = {.normalize = 1};
  co_ingest_gmail_cursor_t cur = {0};
  co_ingest_gmail_sync_stats_t st;
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  if (rec.bad) fail_msg("%s", rec.why);
  assert_int_equal(rec.n, 5);
  for (int i = 0; i < 5; i++) assert_int_equal(rec.idx[i], i + 1); /* oldest first */
  assert_int_equal(st.full_sync, 1);
  assert_int_equal(st.found, 5);
  assert_int_equal(st.delivered, 5);
  assert_int_equal(cur.history_id, fg->history_id);
  assert_int_equal(fg_count(fg, "list"), 3); /* 2 + 2 + 1 */
  assert_int_equal(fg_count(fg, "get"), 5);
  assert_int_equal(fg_count(fg, "history"), 0);

  /* incremental: 3 new over 2 history pages */
  gm_seed(fg, 6, 8);
  memset(&rec, 0, sizeof(rec));
  rec.normalize = 1;
  co_ingest_gmail_cursor_t from = cur;
  if (co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  if (rec.bad) fail_msg("%s", rec.why);
  assert_int_equal(rec.n, 3);
  for (int i = 0; i < 3; i++) assert_int_equal(rec.idx[i], 6 + i);
  assert_int_equal(st.full_sync, 0);
  assert_int_equal(st.history_expired, 0);
  assert_int_equal(cur.history_id, fg->history_id);
  assert_int_equal(fg_count(fg, "history"), 2);
  assert_int_equal(fg_count(fg, "list"), 3); /* no new full listing */

  /* a message deleted after it was added: skipped, the cursor moves on */
  gm_seed(fg, 11, 12);
  fg_lock(fg);
  fg->msgs[fg->n - 2].gone = 1; /* message 11 */
  fg_unlock(fg);
  memset(&rec, 0, sizeof(rec));
  from = cur;
  if (co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(st.found, 2);
  assert_int_equal(rec.n, 1);
  assert_int_equal(rec.idx[0], 12);
  assert_int_equal(cur.history_id, fg->history_id);

  /* nothing new: nothing delivered, cursor stays */
  memset(&rec, 0, sizeof(rec));
  from = cur;
  if (co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 0);
  assert_int_equal(cur.history_id, from.history_id);

  /* a refused message keeps the cursor before it */
  char *m9 = fg_make_message(9);
  uint64_t h9 = fg_add(fg, m9);
  free(m9);
  gm_seed(fg, 10, 10);
  memset(&rec, 0, sizeof(rec));
  rec.stop_at = 2;
  from = cur;
  if (co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(st.stopped, 1);
  assert_int_equal(rec.n, 1);
  assert_int_equal(rec.idx[0], 9);
  assert_int_equal(cur.history_id, h9); /* past 9, not past 10 */
  memset(&rec, 0, sizeof(rec));
  from = cur;
  if (co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 1);
  assert_int_equal(rec.idx[0], 10);
  assert_int_equal(cur.history_id, fg->history_id);

  co_ingest_gmail_destroy(g);
  fg_stop(fg);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(gmail_full_sync_then_incremental_history)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
