/* Proves a 429 with "Retry-After: 1" is retried, and not before the server
 * said: the fake's own arrival times of the refused request and of the
 * retry are at least 1000 ms apart, although the backoff alone (10 ms)
 * would retry at once. An ordering check on the server's clock, not a
 * speed measurement. Also: a Retry-After above notify.backoff.max.ms is
 * capped, so one receiver cannot stall the pipeline for an hour. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "co_notify.h"
#include "nt_util.h"

static void notify_429_retry_after_honored(void **state) {
  (void)state;
  char err[256], key[65];
  fh_t *fh = fh_start(NT_HMAC_KEY);
  co_conf_t *conf = nt_conf(fh, NT_WA_TOKEN, (const char *const[]){"notify.backoff.max.ms=2000", NULL});
  co_notify_t *n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);
  json_t *note = nt_note("<ra@x>");
  co_notify_idem_key(note, CO_NOTIFY_SLACK, key);

  fh_script(fh, "slack", 429, 1);
  int attempts = 0;
  if (co_notify_send(n, CO_NOTIFY_SLACK, note, key, &attempts, err, sizeof(err)) != CO_NOTIFY_OK) fail_msg("%s", err);
  assert_int_equal(attempts, 2);
  fh_req_t a, b;
  assert_int_equal(fh_get(fh, "slack", 0, &a), 0);
  assert_int_equal(fh_get(fh, "slack", 1, &b), 0);
  assert_int_equal(a.status, 429);
  assert_int_equal(b.status, 200);
  printf("429 then retry %lld ms later\n", (long long)(b.t_ms - a.t_ms));
  assert_true(b.t_ms - a.t_ms >= 1000);
  free(a.body);
  free(b.body);

  /* Retry-After: 3600 is capped at notify.backoff.max.ms (2000): the retry
   * comes (the test would time out otherwise) and the message is delivered once. */
  fh_script(fh, "slack", 429, 3600);
  if (co_notify_send(n, CO_NOTIFY_SLACK, note, key, &attempts, err, sizeof(err)) != CO_NOTIFY_OK) fail_msg("%s", err);
  assert_int_equal(attempts, 2);
  assert_int_equal(fh_ok_count_key(fh, "slack", key), 2); /* once per send call */

  json_decref(note);
  co_notify_destroy(n);
  co_conf_destroy(conf);
  fh_stop(fh);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_429_retry_after_honored)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
