/* Proves the webhook signature is HMAC-SHA256 of the exact body with
 * webhook.secret: a fake holding the same key verifies it, a fake holding
 * another key does not (so the check is real), and without webhook.secret
 * no signature header is sent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>

#include "co_notify.h"
#include "nt_util.h"

static int send_hook(fh_t *fh, const char *const *extra, fh_req_t *q) {
  char err[256], key[65];
  co_conf_t *conf = nt_conf(fh, NT_WA_TOKEN, extra);
  co_notify_t *n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);
  json_t *note = nt_note("<sig@x>");
  co_notify_idem_key(note, CO_NOTIFY_WEBHOOK, key);
  co_notify_res_t r = co_notify_send(n, CO_NOTIFY_WEBHOOK, note, key, NULL, err, sizeof(err));
  int idx = fh_count(fh, "hook") - 1;
  assert_int_equal(fh_get(fh, "hook", idx, q), 0);
  json_decref(note);
  co_notify_destroy(n);
  co_conf_destroy(conf);
  return r;
}

static void notify_webhook_hmac_signature_verified(void **state) {
  (void)state;
  fh_req_t q;
  fh_t *fh = fh_start(NT_HMAC_KEY);
  assert_int_equal(send_hook(fh, NULL, &q), CO_NOTIFY_OK);
  assert_true(q.has_sig);
  assert_true(q.sig_ok);
  free(q.body);
  fh_stop(fh);

  fh = fh_start("some-other-key");
  assert_int_equal(send_hook(fh, NULL, &q), CO_NOTIFY_OK);
  assert_true(q.has_sig);
  assert_false(q.sig_ok);
  free(q.body);

  assert_int_equal(send_hook(fh, (const char *const[]){"webhook.secret=", NULL}, &q), CO_NOTIFY_OK);
  assert_false(q.has_sig);
  free(q.body);
  fh_stop(fh);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_webhook_hmac_signature_verified)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
