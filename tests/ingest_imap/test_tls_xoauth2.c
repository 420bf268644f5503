/* imap_tls_xoauth2_and_reconnect_after_server_restart: against a real
 * dovecot serving imaps:// with a certificate made at test time,
 *  - the source logs in with SASL XOAUTH2 over TLS (ca_file trusts the
 *    test certificate; dovecot logs method=XOAUTH2 and TLS) and fetches
 *    every message;
 *  - without ca_file the same server is refused (verification stays on);
 *  - a wrong token is a clear login error that never contains the token;
 *  - with the source idling, dovecot is stopped and started again; a
 *    message delivered after the restart still arrives, through the
 *    source's reconnect with backoff. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "ii_util.h"

#define TOKEN "ya29.test-bearer-Q7xZ"

static co_ingest_imap_t *source(co_th_imap_t *m, const char *token, int with_ca) {
  char err[512];
  co_ingest_imap_conf_t c = {.url = co_th_imap_tls_url(m),
                             .user = "oauser",
                             .oauth_token = token,
                             .ca_file = with_ca ? co_th_imap_ca_file(m) : NULL,
                             .io_timeout_ms = 10000};
  co_ingest_imap_t *s = co_ingest_imap_new(&c, err, sizeof(err));
  if (!s) fail_msg("source: %s", err);
  return s;
}

static int count_cb(const char *raw, size_t len, uint32_t uidvalidity, uint32_t uid, void *opaque) {
  (void)raw;
  (void)len;
  (void)uidvalidity;
  (void)uid;
  ++*(int *)opaque;
  return 0;
}

/* wait + sync until one more message arrived (the source reconnects inside) */
static int got_new(co_ingest_imap_t *s, co_ingest_imap_cursor_t *cur, int *n) {
  char err[512];
  co_ingest_imap_cursor_t to;
  co_err_t w = co_ingest_imap_wait(s, 500, err, sizeof(err));
  if (w != CO_OK) return 0;
  if (co_ingest_imap_sync(s, cur, count_cb, n, &to, NULL, err, sizeof(err)) == CO_OK) *cur = to;
  else *cur = to;
  return *n > 0;
}

static void test_tls_xoauth2(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_opts_t o = {.tls = 1};
  co_th_imap_t *m = co_th_imap_start_opts("oauser", TOKEN, &o, err, sizeof(err));
  if (!m) fail_msg("dovecot: %s", err);
  assert_non_null(co_th_imap_tls_url(m));
  assert_int_equal(co_th_imap_seed(m, "INBOX", 1, 5, err, sizeof(err)), CO_OK);

  co_ingest_imap_t *s = source(m, TOKEN, 1);
  co_ingest_imap_cursor_t cur = {0, 0}, to;
  int n = 0;
  assert_int_equal(co_ingest_imap_sync(s, &cur, count_cb, &n, &to, NULL, err, sizeof(err)), CO_OK);
  assert_int_equal(n, 5);
  cur = to;
  char *log = co_th_read_file(co_th_imap_log_path(m), NULL);
  printf("dovecot log:\n%s\n", log ? log : "");
  assert_non_null(strstr(log, "method=XOAUTH2"));
  assert_non_null(strstr(log, "TLS"));
  free(log);

  /* no CA: the self-signed certificate is refused */
  co_ingest_imap_t *noca = source(m, TOKEN, 0);
  int n2 = 0;
  co_err_t rc = co_ingest_imap_sync(noca, NULL, count_cb, &n2, &to, NULL, err, sizeof(err));
  printf("without ca_file: %s\n", err);
  assert_int_equal(rc, CO_ERR_IO);
  assert_int_equal(n2, 0);
  co_ingest_imap_destroy(noca);

  /* wrong token: login refused, token not in the error */
  co_ingest_imap_t *bad = source(m, "ya29.wrong-token-K2", 1);
  rc = co_ingest_imap_sync(bad, NULL, count_cb, &n2, &to, NULL, err, sizeof(err));
  printf("wrong token: %s\n", err);
  assert_int_equal(rc, CO_ERR_CONFIG);
  assert_null(strstr(err, "wrong-token"));
  co_ingest_imap_destroy(bad);

  /* idle, restart the server, deliver: the message still arrives */
  assert_int_equal(co_ingest_imap_wait(s, 300, err, sizeof(err)), CO_ERR_TIMEOUT);
  assert_int_equal(co_th_imap_halt(m, err, sizeof(err)), CO_OK);
  /* the source notices the server is gone and starts backing off */
  int n3 = 0;
  for (int i = 0; i < 3; i++) got_new(s, &cur, &n3);
  assert_int_equal(co_th_imap_resume(m, err, sizeof(err)), CO_OK);
  assert_int_equal(co_th_imap_seed(m, "INBOX", 6, 1, err, sizeof(err)), CO_OK);
  int64_t t0 = co_th_now_ms();
  assert_true(CO_TH_WAIT_UNTIL(got_new(s, &cur, &n3), 60000));
  printf("after restart: %d new message(s) %lld ms after delivery\n", n3, (long long)(co_th_now_ms() - t0));
  assert_int_equal(n3, 1);
  assert_int_equal(cur.last_uid, 6);
  co_ingest_imap_destroy(s);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_tls_xoauth2)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
