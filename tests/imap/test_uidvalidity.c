/* Proves co_th_imap_reset_uidvalidity() gives a folder a new UIDVALIDITY as
 * an IMAP client sees it (EXAMINE), that the messages survive it, and that
 * other folders keep theirs. */
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

#define USER "bob"
#define PASS "uidv-pass-1"

/* EXAMINE folder; returns the output (caller frees). */
static char *examine(co_th_imap_t *m, const char *folder) {
  char cmd[64], *out = NULL;
  snprintf(cmd, sizeof(cmd), "EXAMINE %s", folder);
  assert_int_equal(co_th_imap_curl(co_th_imap_url(m), USER, PASS, cmd, &out, NULL), CURLE_OK);
  assert_non_null(out);
  return out;
}

static void uidvalidity_reset(void **state) {
  (void)state;
  char err[1024], *out, *u = NULL, id[64];
  unsigned long v1, v2, jobs1, jobs2;
  uint32_t reported = 0;
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  printf("dovecot start-up: %lld ms\n", (long long)co_th_imap_startup_ms(m));
  if (co_th_imap_seed(m, "INBOX", 1, 5, err, sizeof(err))) fail_msg("%s", err);
  if (co_th_imap_seed(m, "Jobs", 100, 2, err, sizeof(err))) fail_msg("%s", err);

  out = examine(m, "INBOX");
  v1 = imap_test_after(out, "[UIDVALIDITY ");
  assert_int_not_equal(v1, 0);
  assert_int_equal(imap_test_exists(out), 5);
  free(out);
  out = examine(m, "Jobs");
  jobs1 = imap_test_after(out, "[UIDVALIDITY ");
  free(out);

  if (co_th_imap_reset_uidvalidity(m, "INBOX", &reported, err, sizeof(err))) fail_msg("%s", err);

  out = examine(m, "INBOX");
  v2 = imap_test_after(out, "[UIDVALIDITY ");
  printf("UIDVALIDITY %lu -> %lu\n", v1, v2);
  assert_int_not_equal(v2, v1);
  assert_int_equal(v2, reported);
  assert_int_equal(imap_test_exists(out), 5);
  free(out);
  out = examine(m, "Jobs");
  jobs2 = imap_test_after(out, "[UIDVALIDITY ");
  assert_int_equal(jobs2, jobs1);
  free(out);

  /* The messages are still readable: message 5 is the last UID. */
  assert_true(asprintf(&u, "%sINBOX", co_th_imap_url(m)) > 0);
  assert_int_equal(co_th_imap_curl(u, USER, PASS, "UID SEARCH ALL", &out, NULL), CURLE_OK);
  unsigned long last = 0;
  assert_int_equal(imap_test_search_count(out, &last), 5);
  free(out);
  free(u);
  assert_true(asprintf(&u, "%sINBOX;UID=%lu", co_th_imap_url(m), last) > 0);
  assert_int_equal(co_th_imap_curl(u, USER, PASS, NULL, &out, NULL), CURLE_OK);
  assert_non_null(strstr(out, co_th_imap_message_id(5, id, sizeof(id))));
  free(out);
  free(u);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(uidvalidity_reset)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
