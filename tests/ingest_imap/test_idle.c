/* Proves co_ingest_imap_wait wakes up for new mail pushed by the server:
 * a thread waits (IDLE on dovecot, which offers it), the test delivers one
 * message once the source is idling, and the wait returns CO_OK (new mail)
 * long before its generous 30 s timeout; the next sync fetches exactly that
 * message. Also: with nothing delivered, a short wait returns
 * CO_ERR_TIMEOUT. The latency is printed, not asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <pthread.h>

#include "co_log.h"
#include "ii_util.h"

#define USER "erin"
#define PASS "idle-pass-42"
#define WAIT_MS 30000

typedef struct {
  co_ingest_imap_t *src;
  co_err_t rc;
  char err[512];
  int64_t returned_ms;
  volatile int done;
} waiter_t;

static int count_in_file(const char *path, const char *needle) {
  char *s = co_th_read_file(path, NULL), *p = s;
  int n = 0;
  while (p && (p = strstr(p, needle))) n++, p++;
  free(s);
  return n;
}

static void *waiter(void *arg) {
  waiter_t *w = arg;
  w->rc = co_ingest_imap_wait(w->src, WAIT_MS, w->err, sizeof(w->err));
  w->returned_ms = co_th_now_ms();
  __atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
  return NULL;
}

static void imap_idle_sees_new_mail_within_5s(void **state) {
  (void)state;
  char err[1024], *dir = co_th_tmpdir("ii-idle"), logp[4096];
  assert_non_null(dir);
  snprintf(logp, sizeof(logp), "%s/log.jsonl", dir);
  FILE *log = fopen(logp, "w");
  assert_non_null(log);
  setvbuf(log, NULL, _IOLBF, 0);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_JSON, "ingest", log); /* "imap idling" is a DEBUG line */

  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "INBOX", 1, 3, err, sizeof(err))) fail_msg("%s", err);
  co_ingest_imap_conf_t conf = ii_conf(m, USER, PASS);
  co_ingest_imap_t *src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);
  ii_rec_t rec = {.check_bytes = 1};
  co_ingest_imap_cursor_t cur, next;
  co_ingest_imap_sync_stats_t st;
  if (co_ingest_imap_sync(src, NULL, ii_record, &rec, &cur, &st, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 3);
  assert_true(co_ingest_imap_uses_idle(src));

  /* nothing new: a short wait times out */
  assert_int_equal(co_ingest_imap_wait(src, 300, err, sizeof(err)), CO_ERR_TIMEOUT);

  waiter_t w = {.src = src};
  pthread_t t;
  assert_int_equal(pthread_create(&t, NULL, waiter, &w), 0);
  /* deliver only once the server has accepted IDLE, so the push is what
   * wakes the waiter (not the EXAMINE count of a later connect) */
  if (!CO_TH_WAIT_UNTIL(count_in_file(logp, "imap idling") >= 2, 10000)) {
    /* the first "imap idling" came from the 300 ms wait above */
    fail_msg("source never reached IDLE");
  }
  int64_t t0 = co_th_now_ms();
  if (co_th_imap_seed(m, "INBOX", 4, 1, err, sizeof(err))) fail_msg("%s", err);
  assert_true(CO_TH_WAIT_UNTIL(__atomic_load_n(&w.done, __ATOMIC_ACQUIRE), WAIT_MS + 5000));
  pthread_join(t, NULL);
  if (w.rc != CO_OK) fail_msg("wait returned %s: %s", co_err2str(w.rc), w.err);
  printf("IDLE wake-up latency after delivery: %lld ms\n", (long long)(w.returned_ms - t0));

  ii_rec_free(&rec);
  rec = (ii_rec_t){.check_bytes = 1};
  if (co_ingest_imap_sync(src, &cur, ii_record, &rec, &next, &st, err, sizeof(err))) fail_msg("%s", err);
  if (rec.bad) fail_msg("%s", rec.why);
  assert_int_equal(rec.n, 1);
  assert_int_equal(rec.idx[0], 4);
  assert_true(next.last_uid > cur.last_uid);

  ii_rec_free(&rec);
  co_ingest_imap_destroy(src);
  co_th_imap_stop(m);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_AUTO, NULL, NULL);
  fclose(log);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_idle_sees_new_mail_within_5s)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
