/* Proves a sync stopped part way (the callback refuses the 201st message,
 * as when the consumer shuts down) returns a cursor from which a new
 * source (a restarted process) delivers exactly the remaining messages:
 * the union of both runs is all 500, each once, in UID order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "ii_util.h"

#define USER "gwen"
#define PASS "restart-pass-3"
#define N 500
#define STOP 200

static void imap_restart_mid_sync_loses_and_duplicates_nothing(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "INBOX", 1, N, err, sizeof(err))) fail_msg("%s", err);
  co_ingest_imap_conf_t conf = ii_conf(m, USER, PASS);

  co_ingest_imap_t *a = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!a) fail_msg("%s", err);
  ii_rec_t r1 = {.stop_after = STOP, .check_bytes = 1};
  co_ingest_imap_cursor_t mid, end;
  co_ingest_imap_sync_stats_t st;
  if (co_ingest_imap_sync(a, NULL, ii_record, &r1, &mid, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(r1.n, STOP);
  assert_int_equal(st.stopped, 1);
  assert_int_equal(st.delivered, STOP);
  assert_int_equal(mid.last_uid, r1.uids[STOP - 1]); /* not past the refused one */
  co_ingest_imap_destroy(a);                         /* "process exits" */

  co_ingest_imap_t *b = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!b) fail_msg("%s", err);
  ii_rec_t r2 = {.check_bytes = 1};
  if (co_ingest_imap_sync(b, &mid, ii_record, &r2, &end, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(st.resync, 0);
  assert_int_equal(r2.n, N - STOP);
  if (r1.bad || r2.bad) fail_msg("%s%s", r1.why, r2.why);

  int seen[N + 1] = {0};
  for (size_t i = 0; i < r1.n; i++) assert_in_range(r1.idx[i], 1, N), seen[r1.idx[i]]++;
  for (size_t i = 0; i < r2.n; i++) assert_in_range(r2.idx[i], 1, N), seen[r2.idx[i]]++;
  for (int i = 1; i <= N; i++)
    if (seen[i] != 1) fail_msg("message %d delivered %d times", i, seen[i]);
  assert_true(r2.uids[0] > r1.uids[STOP - 1]);
  assert_int_equal(end.last_uid, r2.uids[r2.n - 1]);

  ii_rec_free(&r1);
  ii_rec_free(&r2);
  co_ingest_imap_destroy(b);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_restart_mid_sync_loses_and_duplicates_nothing)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
