/* Proves a UIDVALIDITY change makes the next sync start over: after
 * co_th_imap_reset_uidvalidity, a waiting source is told (dovecot drops its
 * IDLE session with BYE; the source reconnects, sees the new UIDVALIDITY and
 * reports news), and the sync then reports a resync, delivers every
 * message again, and returns a cursor under the new UIDVALIDITY. The
 * re-delivered messages normalize to the same dedupe keys as before, so a
 * downstream dedupe admits nothing new: the resync is duplicate-free. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "ii_util.h"

#define USER "hana"
#define PASS "uidv-pass-55"
#define N 60

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void imap_uidvalidity_change_triggers_full_resync(void **state) {
  (void)state;
  char err[1024];
  uint32_t newv = 0;
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "INBOX", 1, N, err, sizeof(err))) fail_msg("%s", err);
  co_ingest_imap_conf_t conf = ii_conf(m, USER, PASS);
  co_ingest_imap_t *src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);

  ii_rec_t r1 = {.normalize = 1}, r2 = {.normalize = 1};
  co_ingest_imap_cursor_t c1, c2, c3;
  co_ingest_imap_sync_stats_t st;
  if (co_ingest_imap_sync(src, NULL, ii_record, &r1, &c1, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(r1.n, N);
  assert_int_equal(st.resync, 0);

  if (co_th_imap_reset_uidvalidity(m, "INBOX", &newv, err, sizeof(err))) fail_msg("%s", err);
  assert_int_not_equal(newv, c1.uidvalidity);

  /* the idling source loses its session and must come back with news */
  int64_t t0 = co_th_now_ms();
  if (co_ingest_imap_wait(src, 20000, err, sizeof(err))) fail_msg("wait after the reset: %s", err);
  printf("wait noticed the UIDVALIDITY change after %lld ms\n", (long long)(co_th_now_ms() - t0));
  if (co_ingest_imap_sync(src, &c1, ii_record, &r2, &c2, &st, err, sizeof(err))) fail_msg("%s", err);
  if (r1.bad || r2.bad) fail_msg("%s%s", r1.why, r2.why);
  assert_int_equal(st.resync, 1);
  assert_int_equal(st.uidvalidity, newv);
  assert_int_equal(r2.n, N);
  assert_int_equal(c2.uidvalidity, newv);
  assert_int_equal(c2.last_uid, r2.uids[N - 1]);

  /* downstream dedupe: the set of keys is unchanged, no key is new */
  qsort(r1.keys, r1.n, sizeof(char *), cmp_str);
  qsort(r2.keys, r2.n, sizeof(char *), cmp_str);
  for (size_t i = 0; i < N; i++) {
    assert_non_null(r1.keys[i]);
    assert_string_equal(r1.keys[i], r2.keys[i]);
    if (i) assert_string_not_equal(r1.keys[i], r1.keys[i - 1]); /* N distinct keys */
    assert_non_null(bsearch(&r2.keys[i], r1.keys, r1.n, sizeof(char *), cmp_str));
  }

  /* and from the new cursor, no more resync and nothing to deliver */
  ii_rec_t r3 = {0};
  if (co_ingest_imap_sync(src, &c2, ii_record, &r3, &c3, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(st.resync, 0);
  assert_int_equal(r3.n, 0);

  ii_rec_free(&r1);
  ii_rec_free(&r2);
  ii_rec_free(&r3);
  co_ingest_imap_destroy(src);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_uidvalidity_change_triggers_full_resync)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
