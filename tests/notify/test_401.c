/* Proves a 401 from WhatsApp (expired token) pauses that channel at once
 * (no retries), marks health degraded with the reason, makes later sends
 * PAUSED without any request (the caller keeps them), leaves the other
 * channels working, and that co_notify_resume with a new token delivers
 * the kept messages. A 403 pauses the same way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "co_notify.h"
#include "nt_util.h"

static const char *wa_state(co_notify_t *n, const char **reason, const char **status) {
  static char st[32], rs[256], top[32];
  json_t *h = NULL;
  assert_int_equal(co_notify_health(n, &h), CO_OK);
  json_t *wa = json_object_get(json_object_get(h, "channels"), "whatsapp");
  snprintf(st, sizeof(st), "%s", json_string_value(json_object_get(wa, "state")));
  const char *r = json_string_value(json_object_get(wa, "reason"));
  snprintf(rs, sizeof(rs), "%s", r ? r : "");
  snprintf(top, sizeof(top), "%s", json_string_value(json_object_get(h, "status")));
  json_decref(h);
  *reason = rs;
  *status = top;
  return st;
}

static void notify_401_pauses_whatsapp_without_loss(void **state) {
  (void)state;
  char err[256], key[3][65];
  const char *reason, *status;
  fh_t *fh = fh_start(NT_HMAC_KEY);
  fh_set_wa_token(fh, NT_WA_TOKEN);
  co_conf_t *conf = nt_conf(fh, NT_WA_BAD_TOKEN, NULL);
  co_notify_t *n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);
  json_t *notes[3] = {nt_note("<a@x>"), nt_note("<b@x>"), nt_note("<c@x>")};
  for (int i = 0; i < 3; i++) co_notify_idem_key(notes[i], CO_NOTIFY_WHATSAPP, key[i]);

  int attempts = 0;
  co_notify_res_t r = co_notify_send(n, CO_NOTIFY_WHATSAPP, notes[0], key[0], &attempts, err, sizeof(err));
  assert_int_equal(r, CO_NOTIFY_AUTH);
  assert_int_equal(attempts, 1);
  assert_true(co_notify_paused(n, CO_NOTIFY_WHATSAPP));
  assert_string_equal(wa_state(n, &reason, &status), "paused");
  assert_string_equal(status, "degraded");
  printf("reason: %s\n", reason);
  assert_non_null(strstr(reason, "401"));

  /* paused: no request at all */
  r = co_notify_send(n, CO_NOTIFY_WHATSAPP, notes[1], key[1], &attempts, err, sizeof(err));
  assert_int_equal(r, CO_NOTIFY_PAUSED);
  assert_int_equal(attempts, 0);
  assert_int_equal(fh_count(fh, "wa"), 1);
  /* other channels unaffected */
  char sk[65];
  co_notify_idem_key(notes[1], CO_NOTIFY_SLACK, sk);
  assert_int_equal(co_notify_send(n, CO_NOTIFY_SLACK, notes[1], sk, NULL, err, sizeof(err)), CO_NOTIFY_OK);

  /* new token: resume, and the kept messages go out */
  co_notify_resume(n, CO_NOTIFY_WHATSAPP, NT_WA_TOKEN);
  assert_string_equal(wa_state(n, &reason, &status), "ok");
  assert_string_equal(status, "ok");
  for (int i = 0; i < 3; i++) {
    r = co_notify_send(n, CO_NOTIFY_WHATSAPP, notes[i], key[i], NULL, err, sizeof(err));
    if (r != CO_NOTIFY_OK) fail_msg("%s", err);
    assert_int_equal(fh_ok_count_key(fh, "wa", key[i]), 1);
  }

  /* 403 pauses too; resume without a new secret keeps the token */
  fh_script(fh, "wa", 403, -1);
  r = co_notify_send(n, CO_NOTIFY_WHATSAPP, notes[0], key[0], NULL, err, sizeof(err));
  assert_int_equal(r, CO_NOTIFY_AUTH);
  assert_true(co_notify_paused(n, CO_NOTIFY_WHATSAPP));
  co_notify_resume(n, CO_NOTIFY_WHATSAPP, NULL);
  assert_int_equal(co_notify_send(n, CO_NOTIFY_WHATSAPP, notes[0], key[0], NULL, err, sizeof(err)), CO_NOTIFY_OK);

  for (int i = 0; i < 3; i++) json_decref(notes[i]);
  co_notify_destroy(n);
  co_conf_destroy(conf);
  fh_stop(fh);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_401_pauses_whatsapp_without_loss)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
