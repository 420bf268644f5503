/* Proves the polling fallback: with no_idle set (as for a server without
 * IDLE) co_ingest_imap_wait sends NOOP every poll interval and returns
 * CO_OK once a delivered message shows up, before its 30 s timeout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <pthread.h>

#include "ii_util.h"

#define USER "frank"
#define PASS "poll-pass-77"

typedef struct {
  co_ingest_imap_t *src;
  co_err_t rc;
  char err[512];
  volatile int done, started;
} waiter_t;

static void *waiter(void *arg) {
  waiter_t *w = arg;
  __atomic_store_n(&w->started, 1, __ATOMIC_RELEASE);
  w->rc = co_ingest_imap_wait(w->src, 30000, w->err, sizeof(w->err));
  __atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
  return NULL;
}

static void imap_poll_fallback_sees_new_mail(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "INBOX", 1, 2, err, sizeof(err))) fail_msg("%s", err);
  co_ingest_imap_conf_t conf = ii_conf(m, USER, PASS);
  conf.no_idle = 1;
  conf.poll_interval_ms = 200;
  co_ingest_imap_t *src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);
  ii_rec_t rec = {0};
  co_ingest_imap_cursor_t cur, next;
  if (co_ingest_imap_sync(src, NULL, ii_record, &rec, &cur, NULL, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 2);
  assert_false(co_ingest_imap_uses_idle(src));
  assert_int_equal(co_ingest_imap_wait(src, 500, err, sizeof(err)), CO_ERR_TIMEOUT);

  waiter_t w = {.src = src};
  pthread_t t;
  assert_int_equal(pthread_create(&t, NULL, waiter, &w), 0);
  assert_true(CO_TH_WAIT_UNTIL(__atomic_load_n(&w.started, __ATOMIC_ACQUIRE), 5000));
  int64_t t0 = co_th_now_ms();
  if (co_th_imap_seed(m, "INBOX", 3, 1, err, sizeof(err))) fail_msg("%s", err);
  assert_true(CO_TH_WAIT_UNTIL(__atomic_load_n(&w.done, __ATOMIC_ACQUIRE), 35000));
  pthread_join(t, NULL);
  if (w.rc != CO_OK) fail_msg("wait returned %s: %s", co_err2str(w.rc), w.err);
  printf("poll (200 ms interval) wake-up latency after delivery: %lld ms\n", (long long)(co_th_now_ms() - t0));

  ii_rec_free(&rec);
  if (co_ingest_imap_sync(src, &cur, ii_record, &rec, &next, NULL, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 1);
  assert_int_equal(rec.idx[0], 3);
  ii_rec_free(&rec);
  co_ingest_imap_destroy(src);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_poll_fallback_sees_new_mail)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
