/* Proves a notification says what a person acts on, as the fake Slack and
 * the fake webhook receive it: the interview's local date, time and zone in
 * user.timezone (across a DST change), duration, the meeting link, links to
 * the application and briefing under api.public.url; Slack in Block Kit
 * blocks with buttons; the webhook with the API's application id and an ISO
 * instant, never the store key or its unit-separator byte; reschedule and
 * cancellation titled as such. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "co_notify.h"
#include "nt_util.h"

#define APP_KEY "me\x1fharbor logistics\x1fsite reliability engineer"
#define APP_ID "bWUfaGFyYm9yIGxvZ2lzdGljcx9zaXRlIHJlbGlhYmlsaXR5IGVuZ2luZWVy"

static json_t *invite(const char *mid, const char *utc, const char *status) {
  json_t *n = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:s, s:s}", "account", "me",
                        "kind", "interview", "company", "Harbor Logistics", "role", "Site Reliability Engineer",
                        "summary", "Harbor Logistics invites you to an interview. When: soon", "subject",
                        "Interview: Site Reliability Engineer (EST)", "message_id", mid, "interview_at",
                        "2026-12-14T10:00:00-05:00", "interview_utc", utc, "interview_zone", "America/New_York",
                        "interview_minutes", 60, "interview_link", "https://zoom.us/j/5550123", "interview_link_kind",
                        "zoom", "interview_status", status, "application", APP_KEY);
  assert_non_null(n);
  return n;
}

/* Sends note on ch and returns the parsed body the fake received (new ref). */
static json_t *deliver(co_notify_t *n, fh_t *fh, co_notify_ch_t ch, const char *route, const json_t *note) {
  char err[256], key[65];
  fh_req_t q;
  int before = fh_count(fh, route);
  co_notify_idem_key(note, ch, key);
  if (co_notify_send(n, ch, note, key, NULL, err, sizeof(err)) != CO_NOTIFY_OK) fail_msg("%s", err);
  assert_int_equal(fh_count(fh, route), before + 1);
  assert_int_equal(fh_get(fh, route, before, &q), 0);
  assert_null(memchr(q.body, '\x1f', strlen(q.body)));
  assert_null(strstr(q.body, "\\u001f"));
  json_t *b = json_loads(q.body, 0, NULL);
  assert_non_null(b);
  free(q.body);
  return b;
}

static int blocks_have(json_t *blocks, const char *needle) {
  char *s = json_dumps(blocks, 0);
  int r = s && strstr(s, needle);
  free(s);
  return r;
}

static void notify_message_local_time_link_and_api_id(void **state) {
  (void)state;
  char err[256];
  fh_t *fh = fh_start(NT_HMAC_KEY);
  const char *extra[] = {"user.timezone=America/Los_Angeles", "api.public.url=https://ops.example/", NULL};
  co_conf_t *conf = nt_conf(fh, NT_WA_TOKEN, extra);
  co_notify_t *n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);

  /* 15:00Z in December is 07:00 in Los Angeles (PST, UTC-8) */
  json_t *note = invite("<iv1@harbor.example>", "2026-12-14T15:00:00Z", "scheduled");
  json_t *slack = deliver(n, fh, CO_NOTIFY_SLACK, "slack", note);
  const char *text = json_string_value(json_object_get(slack, "text"));
  assert_non_null(text);
  printf("text:\n%s\n", text);
  assert_non_null(strstr(text, "Interview: Site Reliability Engineer at Harbor Logistics\n"));
  assert_non_null(strstr(text, "When: Mon 14 Dec 2026, 07:00-08:00 (America/Los_Angeles, UTC-08:00)"));
  assert_non_null(strstr(text, "Duration: 60 min"));
  assert_non_null(strstr(text, "Where: https://zoom.us/j/5550123"));
  assert_non_null(strstr(text, "Application: https://ops.example/#/company/Harbor%20Logistics?app=" APP_ID));
  assert_non_null(strstr(text, "Briefing: https://ops.example/#/company/Harbor%20Logistics\n"));
  assert_null(strstr(text, "When: soon")); /* the summary does not repeat the time */
  json_t *blocks = json_object_get(slack, "blocks");
  assert_true(json_is_array(blocks) && json_array_size(blocks) >= 3);
  assert_string_equal(json_string_value(json_object_get(json_array_get(blocks, 0), "type")), "header");
  assert_true(blocks_have(blocks, "07:00-08:00 (America/Los_Angeles, UTC-08:00)"));
  assert_true(blocks_have(blocks, "\"url\": \"https://zoom.us/j/5550123\""));
  assert_true(blocks_have(blocks, "?app=" APP_ID));
  json_decref(slack);

  json_t *hook = deliver(n, fh, CO_NOTIFY_WEBHOOK, "hook", note);
  json_t *sent = json_object_get(hook, "notification");
  assert_string_equal(json_string_value(json_object_get(sent, "application")), APP_ID);
  assert_string_equal(json_string_value(json_object_get(sent, "interview_utc")), "2026-12-14T15:00:00Z");
  assert_string_equal(json_string_value(json_object_get(sent, "local_time")),
                      "Mon 14 Dec 2026, 07:00-08:00 (America/Los_Angeles, UTC-08:00)");
  assert_string_equal(json_string_value(json_object_get(json_object_get(sent, "links"), "application")),
                      "https://ops.example/#/company/Harbor%20Logistics?app=" APP_ID);
  assert_non_null(strstr(json_string_value(json_object_get(hook, "text")), "07:00-08:00"));
  json_decref(hook);
  json_decref(note);

  /* a reschedule into summer time: 14:00Z in July is 07:00 PDT (UTC-7) */
  note = invite("<iv2@harbor.example>", "2027-07-14T14:00:00Z", "rescheduled");
  slack = deliver(n, fh, CO_NOTIFY_SLACK, "slack", note);
  text = json_string_value(json_object_get(slack, "text"));
  assert_non_null(strstr(text, "Interview rescheduled: Site Reliability Engineer at Harbor Logistics"));
  assert_non_null(strstr(text, "When: Wed 14 Jul 2027, 07:00-08:00 (America/Los_Angeles, UTC-07:00)"));
  json_decref(slack);
  json_decref(note);

  /* a cancellation: titled so, no button to join */
  note = invite("<iv3@harbor.example>", "2027-07-14T14:00:00Z", "cancelled");
  slack = deliver(n, fh, CO_NOTIFY_SLACK, "slack", note);
  text = json_string_value(json_object_get(slack, "text"));
  assert_non_null(strstr(text, "Interview cancelled: Site Reliability Engineer at Harbor Logistics"));
  assert_false(blocks_have(json_object_get(slack, "blocks"), "\"Join\""));
  json_decref(slack);
  json_decref(note);

  co_notify_destroy(n);
  co_conf_destroy(conf);

  /* another person's zone: the same December instant in Berlin (CET, UTC+1) */
  const char *berlin[] = {"user.timezone=Europe/Berlin", NULL};
  conf = nt_conf(fh, NT_WA_TOKEN, berlin);
  n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);
  note = invite("<iv4@harbor.example>", "2026-12-14T15:00:00Z", "scheduled");
  hook = deliver(n, fh, CO_NOTIFY_WEBHOOK, "hook", note);
  text = json_string_value(json_object_get(hook, "text"));
  assert_non_null(strstr(text, "When: Mon 14 Dec 2026, 16:00-17:00 (Europe/Berlin, UTC+01:00)"));
  assert_null(strstr(text, "Application:")); /* no api.public.url: no link */
  json_decref(hook);
  json_decref(note);
  co_notify_destroy(n);
  co_conf_destroy(conf);
  fh_stop(fh);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_message_local_time_link_and_api_id)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
