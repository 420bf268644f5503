/* Proves no secret leaks: with DEBUG logging on for everything, a refused
 * refresh token (whose error body echoes the submitted form, secrets and
 * all), a refused access token and a retried 5xx give errors that name the
 * cause ("invalid_grant", "401", "503") but contain neither the client
 * secret, the refresh token nor any access token the server issued; and no
 * log line contains them either. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "co_log.h"
#include "gm_util.h"

static void no_secret(const char *s, const char *access) {
  assert_null(strstr(s, GM_SECRET));
  assert_null(strstr(s, GM_REFRESH));
  assert_null(strstr(s, "rEfResh-T0ken")); /* nor URL-escaped ("1%2F%2F...") */
  if (access[0]) assert_null(strstr(s, access));
}

static void gmail_secrets_never_in_errors(void **state) {
  (void)state;
  char err[1024], *dir = co_th_tmpdir("gm-secrets"), logp[4096], access[64] = "";
  assert_non_null(dir);
  snprintf(logp, sizeof(logp), "%s/log.jsonl", dir);
  FILE *log = fopen(logp, "w");
  assert_non_null(log);
  co_log_setup(CO_LOG_DEBUG, CO_LOG_FMT_JSON, "all", log);

  fake_gmail_t *fg = fg_start(GM_CLIENT_ID, GM_SECRET, "1//another-refresh-token");
  assert_non_null(fg);
  gm_seed(fg, 1, 2);
  co_ingest_gmail_conf_t conf = gm_conf(fg);
  conf.max_retries = 1;
  co_ingest_gmail_t *g = co_ingest_gmail_new(&conf, err, sizeof(err));
  if (!g) fail_msg("%s", err);
  gm_rec_t rec = {0};
  co_ingest_gmail_cursor_t cur = {0};

  /* refused refresh token */
  err[0] = '\0';
  assert_int_equal(co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, NULL, err, sizeof(err)), CO_ERR_HTTP);
  printf("token error: %s\n", err);
  assert_non_null(strstr(err, "invalid_grant"));
  no_secret(err, access);
  co_ingest_gmail_destroy(g);

  /* accepted refresh token, then the access token refused */
  fg_lock(fg);
  fg->refresh_token = GM_REFRESH;
  fg_unlock(fg);
  g = co_ingest_gmail_new(&conf, err, sizeof(err));
  if (!g) fail_msg("%s", err);
  if (co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, NULL, err, sizeof(err))) fail_msg("%s", err);
  fg_lock(fg);
  snprintf(access, sizeof(access), "%s", fg->token);
  fg->always_401 = 1;
  fg_unlock(fg);
  assert_true(access[0]);
  err[0] = '\0';
  assert_int_equal(co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, NULL, err, sizeof(err)), CO_ERR_HTTP);
  printf("401 error: %s\n", err);
  assert_non_null(strstr(err, "401"));
  no_secret(err, access);
  fg_lock(fg);
  snprintf(access, sizeof(access), "%s", fg->token); /* the one issued for the retry */
  fg->always_401 = 0;
  fg->fail_n = 100;
  fg->fail_status = 503;
  fg_unlock(fg);
  no_secret(err, access);

  /* retries exhausted */
  err[0] = '\0';
  assert_int_equal(co_ingest_gmail_sync(g, NULL, gm_record, &rec, &cur, NULL, err, sizeof(err)), CO_ERR_HTTP);
  printf("503 error: %s\n", err);
  assert_non_null(strstr(err, "503"));
  no_secret(err, access);

  co_ingest_gmail_destroy(g);
  fg_stop(fg);
  fclose(log);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_AUTO, NULL, NULL);
  size_t len = 0;
  char *lines = co_th_read_file(logp, &len);
  assert_non_null(lines);
  assert_true(len > 0); /* the run did log (warnings for retries at least) */
  no_secret(lines, access);
  assert_null(strstr(lines, "ya29.fake-access"));
  free(lines);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(gmail_secrets_never_in_errors)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
