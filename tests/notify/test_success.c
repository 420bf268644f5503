/* Proves each channel delivers a readable message once, in its API's
 * format: Slack gets {"text"} on the webhook path; WhatsApp a text message
 * to whatsapp.to on /<phone id>/messages with the bearer token; the webhook
 * the notification, signed, with the Idempotency-Key of (event, channel). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "co_notify.h"
#include "nt_util.h"

static void notify_channels_deliver_once_on_success(void **state) {
  (void)state;
  char err[256];
  fh_t *fh = fh_start(NT_HMAC_KEY);
  co_conf_t *conf = nt_conf(fh, NT_WA_TOKEN, NULL);
  co_notify_t *n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);
  json_t *note = nt_note("<m1@orchard.example>");

  char *text = co_notify_text(note);
  assert_non_null(text);
  printf("text:\n%s\n", text);
  assert_non_null(strstr(text, "Interview: Backend Engineer at Orchard Labs"));
  assert_non_null(strstr(text, "When: Thu 12 Mar 2026, 15:00 (time zone not given)"));

  char keys[CO_NOTIFY__CH_CNT][65];
  for (int ch = 0; ch < CO_NOTIFY__CH_CNT; ch++) {
    assert_true(co_notify_enabled(n, ch));
    co_notify_idem_key(note, ch, keys[ch]);
    int attempts = 0;
    co_notify_res_t r = co_notify_send(n, ch, note, keys[ch], &attempts, err, sizeof(err));
    if (r != CO_NOTIFY_OK) fail_msg("%s: %s", co_notify_ch_name(ch), err);
    assert_int_equal(attempts, 1);
  }
  /* keys differ per channel, are stable, and depend on the event */
  assert_string_not_equal(keys[0], keys[1]);
  assert_string_not_equal(keys[1], keys[2]);
  char again[65], other[65];
  co_notify_idem_key(note, CO_NOTIFY_WEBHOOK, again);
  assert_string_equal(again, keys[CO_NOTIFY_WEBHOOK]);
  json_t *note2 = nt_note("<m2@orchard.example>");
  co_notify_idem_key(note2, CO_NOTIFY_WEBHOOK, other);
  assert_string_not_equal(other, keys[CO_NOTIFY_WEBHOOK]);

  fh_req_t q;
  assert_int_equal(fh_count(fh, "slack"), 1);
  assert_int_equal(fh_get(fh, "slack", 0, &q), 0);
  assert_string_equal(q.path, "/slack/" NT_SLACK_SECRET);
  json_t *b = json_loads(q.body, 0, NULL);
  assert_non_null(b);
  assert_string_equal(json_string_value(json_object_get(b, "text")), text);
  json_decref(b);
  free(q.body);

  assert_int_equal(fh_count(fh, "wa"), 1);
  assert_int_equal(fh_get(fh, "wa", 0, &q), 0);
  assert_string_equal(q.path, "/wa/v19.0/" NT_PHONE "/messages");
  assert_string_equal(q.bearer, NT_WA_TOKEN);
  b = json_loads(q.body, 0, NULL);
  assert_non_null(b);
  assert_string_equal(json_string_value(json_object_get(b, "messaging_product")), "whatsapp");
  assert_string_equal(json_string_value(json_object_get(b, "to")), NT_TO);
  assert_string_equal(json_string_value(json_object_get(b, "type")), "text");
  assert_string_equal(json_string_value(json_object_get(json_object_get(b, "text"), "body")), text);
  json_decref(b);
  free(q.body);

  assert_int_equal(fh_count(fh, "hook"), 1);
  assert_int_equal(fh_get(fh, "hook", 0, &q), 0);
  assert_string_equal(q.idem, keys[CO_NOTIFY_WEBHOOK]);
  assert_true(q.has_sig && q.sig_ok);
  b = json_loads(q.body, 0, NULL);
  assert_non_null(b);
  assert_string_equal(json_string_value(json_object_get(b, "idempotency_key")), keys[CO_NOTIFY_WEBHOOK]);
  json_t *sent = json_object_get(b, "notification");
  assert_string_equal(json_string_value(json_object_get(sent, "message_id")), "<m1@orchard.example>");
  /* the API's application id, not the store key */
  assert_string_equal(json_string_value(json_object_get(sent, "application")),
                      "bWUfb3JjaGFyZCBsYWJzH2JhY2tlbmQgZW5naW5lZXI");
  json_decref(b);
  free(q.body);

  json_t *h = NULL;
  assert_int_equal(co_notify_health(n, &h), CO_OK);
  assert_string_equal(json_string_value(json_object_get(h, "status")), "ok");
  assert_int_equal(
      json_integer_value(json_object_get(json_object_get(json_object_get(h, "channels"), "slack"), "delivered")), 1);
  json_decref(h);

  free(text);
  json_decref(note);
  json_decref(note2);
  co_notify_destroy(n);
  co_conf_destroy(conf);
  fh_stop(fh);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_channels_deliver_once_on_success)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
