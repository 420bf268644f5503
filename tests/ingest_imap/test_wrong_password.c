/* Proves a refused login is a clear CO_ERR_CONFIG error ("login failed",
 * naming the user) from both sync and wait (wait does not retry forever on
 * credentials the server refused), and that neither the wrong password nor
 * the right one appears in the error text or in any log line, even with
 * DEBUG logging on. Also that credentials in the URL are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "co_log.h"
#include "ii_util.h"

#define USER "ivan"
#define PASS "right-pass-8130"
#define WRONG "Wr0ng-Secret-5521"

static void imap_wrong_password_is_clear_error_without_secret(void **state) {
  (void)state;
  char err[1024], *dir = co_th_tmpdir("ii-wrongpw"), logp[4096];
  assert_non_null(dir);
  snprintf(logp, sizeof(logp), "%s/log.jsonl", dir);
  FILE *log = fopen(logp, "w");
  assert_non_null(log);
  co_log_setup(CO_LOG_DEBUG, CO_LOG_FMT_JSON, "all", log);

  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "INBOX", 1, 2, err, sizeof(err))) fail_msg("%s", err);
  co_ingest_imap_conf_t conf = ii_conf(m, USER, WRONG);
  co_ingest_imap_t *src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);

  ii_rec_t rec = {0};
  co_ingest_imap_cursor_t to = {1, 1};
  err[0] = '\0';
  assert_int_equal(co_ingest_imap_sync(src, NULL, ii_record, &rec, &to, NULL, err, sizeof(err)), CO_ERR_CONFIG);
  printf("sync error: %s\n", err);
  assert_non_null(strstr(err, "login failed"));
  assert_non_null(strstr(err, USER));
  assert_null(strstr(err, WRONG));
  assert_null(strstr(err, PASS));
  assert_int_equal(rec.n, 0);
  assert_int_equal(to.uidvalidity, 0); /* cursor unchanged (from NULL) */

  err[0] = '\0';
  assert_int_equal(co_ingest_imap_wait(src, 10000, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "login failed"));
  assert_null(strstr(err, WRONG));
  co_ingest_imap_destroy(src);

  /* the right password works on the same server (the failure was the password) */
  conf.password = PASS;
  src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);
  if (co_ingest_imap_sync(src, NULL, ii_record, &rec, &to, NULL, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 2);
  co_ingest_imap_destroy(src);

  /* credentials embedded in the URL are refused, without echoing them */
  char url[256];
  snprintf(url, sizeof(url), "imap://%s:%s@127.0.0.1:%d/", USER, WRONG, co_th_imap_port(m));
  conf.url = url;
  assert_null(co_ingest_imap_new(&conf, err, sizeof(err)));
  assert_non_null(strstr(err, "url"));
  assert_null(strstr(err, WRONG));

  fflush(log);
  assert_false(co_th_file_contains(logp, WRONG));
  assert_false(co_th_file_contains(logp, PASS));
  assert_true(co_th_file_contains(logp, "imap connected")); /* the log was written to */

  ii_rec_free(&rec);
  co_th_imap_stop(m);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_AUTO, NULL, NULL);
  fclose(log);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_wrong_password_is_clear_error_without_secret)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
