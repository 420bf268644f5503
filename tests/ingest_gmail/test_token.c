/* Proves the OAuth2 handling: one access token serves many calls while it
 * lives; a token the server revoked (401) is replaced once and the call
 * succeeds; a token past its expires_in is replaced *before* use (the server,
 * which enforces expiry on its own clock, sees no 401); and a server that
 * refuses even a fresh token gives a clear error after exactly one extra
 * token request, not a loop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "gm_util.h"

static void gmail_token_refresh_on_expiry_and_401(void **state) {
  (void)state;
  char err[512];
  fake_gmail_t *fg = fg_start(GM_CLIENT_ID, GM_SECRET, GM_REFRESH);
  assert_non_null(fg);
  gm_seed(fg, 1, 3);
  co_ingest_gmail_conf_t conf = gm_conf(fg);
  co_ingest_gmail_t *g = co_ingest_gmail_new(&conf, err, sizeof(err));
  if (!g) fail_msg("%s", err);
  gm_rec_t rec = {0};
  co_ingest_gmail_cursor_t cur = {0};
  co_ingest_gmail_sync_stats_t st;

  /* long-lived token: two syncs, one token request */
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(st.token_refreshes, 1);
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(st.token_refreshes, 0);
  assert_int_equal(fg->n_token, 1);
  assert_int_equal(fg->n_401, 0);
  assert_int_equal(rec.n, 6);

  /* revoked: the server forgets the token; next token lives 1 s */
  fg_lock(fg);
  fg->token[0] = '\0';
  fg->expires_in = 1;
  fg_unlock(fg);
  rec.n = 0;
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 3);
  assert_int_equal(fg->n_401, 1);
  assert_int_equal(fg->n_token, 2);
  assert_int_equal(st.token_refreshes, 1);

  /* expired on both clocks: refreshed before use, no 401 */
  int64_t issued = co_th_now_ms();
  assert_true(CO_TH_WAIT_UNTIL(co_th_now_ms() >= issued + 1200, 5000));
  fg_lock(fg);
  fg->expires_in = 3600;
  fg_unlock(fg);
  rec.n = 0;
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 3);
  assert_int_equal(fg->n_token, 3);
  assert_int_equal(fg->n_401, 1);

  /* refused even when fresh: clear error, one more token request */
  fg_lock(fg);
  fg->always_401 = 1;
  fg_unlock(fg);
  co_ingest_gmail_cursor_t from = cur;
  err[0] = '\0';
  assert_int_equal(co_ingest_gmail_sync(g, &from, gm_record, &rec, &cur, &st, err, sizeof(err)), CO_ERR_HTTP);
  printf("error: %s\n", err);
  assert_non_null(strstr(err, "401"));
  assert_int_equal(fg->n_token, 4);
  assert_int_equal(cur.history_id, from.history_id);

  co_ingest_gmail_destroy(g);
  fg_stop(fg);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(gmail_token_refresh_on_expiry_and_401)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
