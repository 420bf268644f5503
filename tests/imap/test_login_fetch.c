/* Proves the harness dovecot is a working IMAP server for libcurl: a user
 * logs in with its password, finds a delivered message with UID SEARCH, and
 * UID FETCH returns exactly the delivered bytes, in INBOX and in a subfolder;
 * a wrong password or unknown user is refused as a login failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_th_imap.h"
#include "imap_test.h"

#define USER "alice"
#define PASS "s3cret-Pw.42"

static char *url_for(co_th_imap_t *m, const char *path) {
  char *u = NULL;
  assert_true(asprintf(&u, "%s%s", co_th_imap_url(m), path) > 0);
  return u;
}

/* UID SEARCH by Message-ID, then UID FETCH, comparing bytes with raw. */
static void find_and_fetch(co_th_imap_t *m, const char *folder, int i, const char *raw, size_t len) {
  char id[64], cmd[128], *out = NULL, *u = url_for(m, folder), *fu;
  unsigned long uid = 0;
  size_t outlen = 0;
  snprintf(cmd, sizeof(cmd), "UID SEARCH HEADER Message-ID \"%s\"", co_th_imap_message_id(i, id, sizeof(id)));
  assert_int_equal(co_th_imap_curl(u, USER, PASS, cmd, &out, NULL), CURLE_OK);
  assert_int_equal(imap_test_search_count(out, &uid), 1);
  free(out);
  assert_true(asprintf(&fu, "%s;UID=%lu", u, uid) > 0);
  assert_int_equal(co_th_imap_curl(fu, USER, PASS, NULL, &out, &outlen), CURLE_OK);
  assert_int_equal(outlen, len);
  assert_memory_equal(out, raw, len);
  free(out);
  free(fu);
  free(u);
}

static void login_and_fetch(void **state) {
  (void)state;
  char err[1024], *raws[4], *out = NULL, *u;
  size_t lens[4];
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  printf("dovecot start-up: %lld ms, %s\n", (long long)co_th_imap_startup_ms(m), co_th_imap_url(m));

  for (int i = 0; i < 4; i++) {
    raws[i] = co_th_imap_make_message(i + 1, i == 2 ? "Interview: C engineer, Berlin" : NULL, NULL, &lens[i]);
    assert_non_null(raws[i]);
  }
  if (co_th_imap_deliver_many(m, "INBOX", (const char *const *)raws, lens, 3, err, sizeof(err))) fail_msg("%s", err);
  if (co_th_imap_deliver(m, "Jobs", raws[3], lens[3], err, sizeof(err))) fail_msg("%s", err);

  u = url_for(m, "INBOX");
  assert_int_equal(co_th_imap_curl(u, USER, PASS, "UID SEARCH ALL", &out, NULL), CURLE_OK);
  assert_int_equal(imap_test_search_count(out, NULL), 3);
  free(out);
  find_and_fetch(m, "INBOX", 3, raws[2], lens[2]);
  find_and_fetch(m, "INBOX", 1, raws[0], lens[0]);
  find_and_fetch(m, "Jobs", 4, raws[3], lens[3]);

  /* Wrong password and unknown user: refused at login, nothing returned. */
  out = NULL;
  assert_int_equal(co_th_imap_curl(u, USER, "wrong-password", "UID SEARCH ALL", &out, NULL), CURLE_LOGIN_DENIED);
  assert_null(strstr(out ? out : "", "SEARCH"));
  free(out);
  assert_int_equal(co_th_imap_curl(u, "mallory", PASS, "UID SEARCH ALL", NULL, NULL), CURLE_LOGIN_DENIED);
  /* ... and the right password still works afterwards. */
  assert_int_equal(co_th_imap_curl(u, USER, PASS, "UID SEARCH ALL", NULL, NULL), CURLE_OK);

  free(u);
  for (int i = 0; i < 4; i++) free(raws[i]);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(login_and_fetch)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
