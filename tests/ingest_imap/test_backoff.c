/* Proves co_ingest_imap_wait keeps trying to reconnect when the server goes
 * away, backing off instead of spinning: with dovecot stopped, a 2.5 s wait
 * returns CO_ERR_TIMEOUT naming the last connect error, after a handful of
 * attempts (backoff 0.25, 0.5, 1 s: about 4), not hundreds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "co_log.h"
#include "ii_util.h"

#define USER "jack"
#define PASS "backoff-pass-6"

static int count_in_file(const char *path, const char *needle) {
  char *s = co_th_read_file(path, NULL), *p = s;
  int n = 0;
  while (p && (p = strstr(p, needle))) n++, p++;
  free(s);
  return n;
}

static void imap_wait_backs_off_while_server_is_down(void **state) {
  (void)state;
  char err[1024], *dir = co_th_tmpdir("ii-backoff"), logp[4096];
  assert_non_null(dir);
  snprintf(logp, sizeof(logp), "%s/log.jsonl", dir);
  FILE *log = fopen(logp, "w");
  assert_non_null(log);
  setvbuf(log, NULL, _IOLBF, 0);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_JSON, NULL, log);

  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "INBOX", 1, 1, err, sizeof(err))) fail_msg("%s", err);
  co_ingest_imap_conf_t conf = ii_conf(m, USER, PASS);
  co_ingest_imap_t *src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);
  ii_rec_t rec = {0};
  co_ingest_imap_cursor_t cur;
  if (co_ingest_imap_sync(src, NULL, ii_record, &rec, &cur, NULL, err, sizeof(err))) fail_msg("%s", err);
  co_th_imap_stop(m); /* the server goes away under an open connection */

  assert_int_equal(co_ingest_imap_wait(src, 2500, err, sizeof(err)), CO_ERR_TIMEOUT);
  printf("wait: %s\n", err);
  assert_non_null(strstr(err, "connect failed"));
  assert_null(strstr(err, PASS));
  int attempts = count_in_file(logp, "imap connection failed; retrying");
  printf("reconnect attempts in 2.5 s: %d\n", attempts);
  assert_in_range(attempts, 2, 8);
  assert_int_equal(co_th_file_contains(logp, PASS), 0);

  ii_rec_free(&rec);
  co_ingest_imap_destroy(src);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_AUTO, NULL, NULL);
  fclose(log);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_wait_backs_off_while_server_is_down)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
