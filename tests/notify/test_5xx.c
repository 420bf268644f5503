/* Proves 5xx answers are retried inside the budget with the same
 * Idempotency-Key and the message is delivered once; that an exhausted
 * budget is RETRYABLE (the caller keeps the message) without pausing the
 * channel; and that a refused connection is RETRYABLE too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "co_notify.h"
#include "co_th.h"
#include "nt_util.h"

static void notify_5xx_retried_then_delivered_once(void **state) {
  (void)state;
  char err[256], key[65];
  fh_t *fh = fh_start(NT_HMAC_KEY);
  co_conf_t *conf = nt_conf(fh, NT_WA_TOKEN, (const char *const[]){"notify.retry.max=4", NULL});
  co_notify_t *n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);
  json_t *note = nt_note("<m5xx@orchard.example>");
  co_notify_idem_key(note, CO_NOTIFY_WEBHOOK, key);

  fh_script(fh, "hook", 500, -1);
  fh_script(fh, "hook", 503, -1);
  int attempts = 0;
  co_notify_res_t r = co_notify_send(n, CO_NOTIFY_WEBHOOK, note, key, &attempts, err, sizeof(err));
  if (r != CO_NOTIFY_OK) fail_msg("%s", err);
  assert_int_equal(attempts, 3);
  assert_int_equal(fh_count(fh, "hook"), 3);
  assert_int_equal(fh_count_key(fh, "hook", key), 3); /* same key every time */
  assert_int_equal(fh_ok_count_key(fh, "hook", key), 1);

  /* budget exhausted: four 502s */
  for (int i = 0; i < 4; i++) fh_script(fh, "slack", 502, -1);
  co_notify_idem_key(note, CO_NOTIFY_SLACK, key);
  r = co_notify_send(n, CO_NOTIFY_SLACK, note, key, &attempts, err, sizeof(err));
  assert_int_equal(r, CO_NOTIFY_RETRYABLE);
  assert_int_equal(attempts, 4);
  assert_non_null(strstr(err, "HTTP 502"));
  assert_false(co_notify_paused(n, CO_NOTIFY_SLACK));
  assert_int_equal(fh_ok_count_key(fh, "slack", key), 0);
  /* the next try (the caller's retry) succeeds */
  r = co_notify_send(n, CO_NOTIFY_SLACK, note, key, &attempts, err, sizeof(err));
  assert_int_equal(r, CO_NOTIFY_OK);
  assert_int_equal(fh_ok_count_key(fh, "slack", key), 1);

  /* PERMANENT: a 400 is not retried and does not pause */
  fh_script(fh, "hook", 400, -1);
  co_notify_idem_key(note, CO_NOTIFY_WEBHOOK, key);
  int before = fh_count(fh, "hook");
  r = co_notify_send(n, CO_NOTIFY_WEBHOOK, note, key, &attempts, err, sizeof(err));
  assert_int_equal(r, CO_NOTIFY_PERMANENT);
  assert_int_equal(attempts, 1);
  assert_int_equal(fh_count(fh, "hook"), before + 1);
  assert_false(co_notify_paused(n, CO_NOTIFY_WEBHOOK));
  co_notify_destroy(n);
  co_conf_destroy(conf);

  /* connection refused: nothing listens on the port */
  char url[128], e2[256];
  snprintf(url, sizeof(url), "webhook.url=http://127.0.0.1:%d/hook", co_th_free_port());
  conf = nt_conf(fh, NT_WA_TOKEN, (const char *const[]){"notify.retry.max=2", url, NULL});
  n = co_notify_new(conf, err, sizeof(err));
  assert_non_null(n);
  r = co_notify_send(n, CO_NOTIFY_WEBHOOK, note, key, &attempts, e2, sizeof(e2));
  printf("refused: %s\n", e2);
  assert_int_equal(r, CO_NOTIFY_RETRYABLE);
  assert_int_equal(attempts, 2);

  json_decref(note);
  co_notify_destroy(n);
  co_conf_destroy(conf);
  fh_stop(fh);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_5xx_retried_then_delivered_once)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
