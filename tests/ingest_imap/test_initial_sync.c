/* Proves a first sync of a 500-message folder hands every message to the
 * callback once, in UID order, byte for byte as delivered; that each one
 * normalizes to an event whose dedupe key is its Message-ID; that the
 * returned cursor stands at the folder's last UID under its UIDVALIDITY (so
 * a second sync delivers nothing); and that reading left no \Seen flags
 * (EXAMINE + BODY.PEEK[] never touch the user's mailbox). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "../imap/imap_test.h"
#include "ii_util.h"

#define USER "dana"
#define PASS "initial-sync-pass-9"
#define N 500

static void imap_initial_sync_500_messages(void **state) {
  (void)state;
  char err[1024], *out = NULL, *url = NULL, mid[64], want[80];
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "INBOX", 1, N, err, sizeof(err))) fail_msg("%s", err);

  /* ground truth from an independent client: UIDVALIDITY and the UIDs */
  assert_int_equal(co_th_imap_curl(co_th_imap_url(m), USER, PASS, "EXAMINE INBOX", &out, NULL), 0);
  unsigned long uidv = imap_test_after(out, "[UIDVALIDITY "), last = 0;
  free(out);
  assert_true(asprintf(&url, "%sINBOX", co_th_imap_url(m)) > 0);
  assert_int_equal(co_th_imap_curl(url, USER, PASS, "UID SEARCH ALL", &out, NULL), 0);
  assert_int_equal(imap_test_search_count(out, &last), N);
  free(out);

  co_ingest_imap_conf_t conf = ii_conf(m, USER, PASS);
  co_ingest_imap_t *src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);
  ii_rec_t rec = {.normalize = 1, .check_bytes = 1};
  co_ingest_imap_cursor_t to;
  co_ingest_imap_sync_stats_t st;
  int64_t t0 = co_th_now_ms();
  if (co_ingest_imap_sync(src, NULL, ii_record, &rec, &to, &st, err, sizeof(err))) fail_msg("%s", err);
  int64_t ms = co_th_now_ms() - t0;
  printf("synced %zu messages in %lld ms\n", rec.n, (long long)ms);
  if (rec.bad) fail_msg("%d bad messages; last: %s", rec.bad, rec.why);

  assert_int_equal(rec.n, N);
  assert_int_equal(st.delivered, N);
  assert_int_equal(st.found, N);
  assert_int_equal(st.resync, 0);
  assert_int_equal(st.stopped, 0);
  for (size_t i = 0; i < rec.n; i++) {
    assert_int_equal(rec.idx[i], (int)i + 1); /* delivery order == UID order */
    if (i) assert_true(rec.uids[i] > rec.uids[i - 1]);
    /* the dedupe key is the Message-ID (compared without angle brackets) */
    co_th_imap_message_id((int)i + 1, mid, sizeof(mid));
    snprintf(want, sizeof(want), "%.*s", (int)strcspn(mid + (mid[0] == '<'), ">"), mid + (mid[0] == '<'));
    assert_non_null(rec.keys[i]);
    assert_int_equal(strncmp(rec.keys[i], "mid:", 4), 0);
    assert_non_null(strstr(rec.keys[i], want));
  }
  assert_int_equal(to.uidvalidity, uidv);
  assert_int_equal(to.last_uid, last);
  assert_int_equal(rec.uids[N - 1], last);

  /* nothing new: a second sync from the cursor delivers nothing */
  ii_rec_t again = {0};
  co_ingest_imap_cursor_t to2;
  if (co_ingest_imap_sync(src, &to, ii_record, &again, &to2, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(again.n, 0);
  assert_int_equal(st.found, 0);
  assert_memory_equal(&to, &to2, sizeof(to));
  ii_rec_free(&again);

  /* read-only: no message got \Seen */
  assert_int_equal(co_th_imap_curl(url, USER, PASS, "UID SEARCH SEEN", &out, NULL), 0);
  assert_int_equal(imap_test_search_count(out, NULL), 0);
  free(out);

  ii_rec_free(&rec);
  co_ingest_imap_destroy(src);
  free(url);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_initial_sync_500_messages)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
