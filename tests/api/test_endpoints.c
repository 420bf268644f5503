/* api_every_endpoint_answers_its_contract: over the sample inbox (accounts
 * alice and bob), with this run's session secret (loopback, no token), each endpoint
 * answers with the documented shape and with data that matches the
 * pipeline's own listing: applications, a company's timeline and an email of
 * it (read in place), interviews
 * (JSON and .ics), accounts, stats, DLQ list, dismiss and replay (each once), health,
 * ready, metrics, the OpenAPI document and the dashboard's index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <curl/curl.h>

#include "api_tu.h"
#include "co_th.h"

typedef struct apps_s {
  int n, interviews;
  char company[64];
} apps_t;

static int count_cb(const co_pipeline_app_t *a, void *opaque) {
  apps_t *x = opaque;
  x->n++;
  json_t *j = a->json ? json_loads(a->json, 0, NULL) : NULL, *iv = json_object_get(j, "interview");
  if (a->next_interview || json_is_string(json_object_get(iv, "utc")) || json_is_string(json_object_get(iv, "at")))
    x->interviews++; /* past and cancelled interviews are listed too */
  json_decref(j);
  if (!strcmp(a->stage, "OFFER") && !x->company[0]) snprintf(x->company, sizeof(x->company), "%s", a->company);
  return 0;
}

static void test_endpoints(void **state) {
  (void)state;
  api_tu_t t;
  api_resp_t r;
  apps_t truth = {0};
  char path[512], err[256];
  api_tu_start(&t, NULL);
  const char *tok = co_pipeline_api_session_secret(t.api); /* local-session: the operator's credential */
  assert_int_equal(co_pipeline_applications(t.p, "alice", count_cb, &truth, err, sizeof(err)), CO_OK);
  assert_true(truth.n >= 10);
  assert_true(truth.company[0]);

  api_req(t.base, "GET", "/health", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(json_string_value(json_object_get(r.json, "status")), "ok");
  assert_true(r.instance[0]); /* every response names its instance */
  api_resp_free(&r);

  api_req(t.base, "GET", "/ready", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_true(json_is_true(json_object_get(r.json, "ready")));
  api_resp_free(&r);

  api_req(t.base, "GET", "/openapi.json", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(json_string_value(json_object_get(r.json, "openapi")), "3.0.3");
  assert_non_null(json_object_get(json_object_get(r.json, "paths"), "/api/accounts/{account}/applications"));
  api_resp_free(&r);

  api_req(t.base, "GET", "/", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.ctype, "text/html"));
  api_resp_free(&r);
  api_req(t.base, "GET", "/assets/no-such-file.js", NULL, NULL, &r);
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);

  api_req(t.base, "GET", "/api/accounts", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  json_t *items = json_object_get(r.json, "items");
  assert_int_equal(json_array_size(items), 2);
  assert_string_equal(json_string_value(json_object_get(json_array_get(items, 0), "account")), "alice");
  assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 0), "applications")), truth.n);
  api_resp_free(&r);

  api_req(t.base, "GET", "/api/accounts/alice/applications?limit=200", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_int_equal(json_integer_value(json_object_get(r.json, "total")), truth.n);
  assert_true(json_is_null(json_object_get(r.json, "next_cursor")));
  json_t *app = json_array_get(json_object_get(r.json, "items"), 0);
  const char *fields[] = {"key", "account", "company", "role", "stage", "stages", "first_seen", "last_contact",
                          "next_interview", "emails"};
  for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
    if (!json_object_get(app, fields[i])) fail_msg("application without %s: %s", fields[i], r.body);
  assert_string_equal(json_string_value(json_object_get(app, "account")), "alice");
  api_resp_free(&r);

  /* a company's timeline: its applications and their events in time order */
  char *enc = curl_easy_escape(NULL, truth.company, 0);
  snprintf(path, sizeof(path), "/api/accounts/alice/companies/%s", enc);
  api_req(t.base, "GET", path, tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(json_string_value(json_object_get(r.json, "company")), truth.company);
  json_t *ev = json_object_get(r.json, "events");
  assert_true(json_array_size(ev) >= 2);
  for (size_t i = 1; i < json_array_size(ev); i++)
    assert_true(strcmp(json_string_value(json_object_get(json_array_get(ev, i - 1), "at")),
                       json_string_value(json_object_get(json_array_get(ev, i), "at"))) <= 0);
  assert_string_equal(json_string_value(json_object_get(json_array_get(ev, json_array_size(ev) - 1), "stage")),
                      "OFFER");
  /* the timeline's last email, read in place: the event's subject, its text and headers, no Gmail link for
   * mail imported from a file */
  json_t *last = json_array_get(ev, json_array_size(ev) - 1);
  char *mid = co_th_b64url(json_string_value(json_object_get(last, "message_id"))), *subj;
  assert_non_null(subj = strdup(json_string_value(json_object_get(last, "subject"))));
  api_resp_free(&r);
  snprintf(path, sizeof(path), "/api/accounts/alice/emails/%s", mid);
  api_req(t.base, "GET", path, tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(json_string_value(json_object_get(r.json, "id")), mid);
  assert_string_equal(json_string_value(json_object_get(r.json, "subject")), subj);
  assert_string_equal(json_string_value(json_object_get(r.json, "classified_as")), "OFFER");
  assert_string_equal(json_string_value(json_object_get(r.json, "source")), "file");
  assert_true(json_string_length(json_object_get(r.json, "text")) > 40);
  assert_true(json_is_string(json_object_get(json_object_get(r.json, "from"), "address")));
  assert_true(json_is_array(json_object_get(r.json, "attachments")));
  assert_true(json_is_string(json_object_get(r.json, "application")));
  assert_null(json_object_get(r.json, "gmail_url"));
  api_resp_free(&r);
  free(subj);
  free(mid);
  api_req(t.base, "GET", "/api/accounts/alice/emails/bm8tc3VjaC1pZEBleGFtcGxl", tok, NULL, &r); /* no-such-id@example */
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);
  api_req(t.base, "GET", "/api/accounts/alice/emails/%21%21", tok, NULL, &r); /* not base64 */
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);
  curl_free(enc);
  api_req(t.base, "GET", "/api/accounts/alice/companies/No%20Such%20Company", tok, NULL, &r);
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);

  api_req(t.base, "GET", "/api/accounts/alice/interviews", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_int_equal(json_array_size(json_object_get(r.json, "items")), truth.interviews);
  api_resp_free(&r);
  api_req(t.base, "GET", "/api/accounts/alice/interviews.ics", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.ctype, "text/calendar"));
  assert_true(!strncmp(r.body, "BEGIN:VCALENDAR\r\n", 17));
  int vevents = 0;
  for (const char *s = r.body; (s = strstr(s, "BEGIN:VEVENT")); s++) vevents++;
  assert_int_equal(vevents, truth.interviews);
  api_resp_free(&r);

  api_req(t.base, "GET", "/api/stats?account=alice", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  json_t *ps = json_object_get(r.json, "per_stage");
  json_int_t sum = 0;
  const char *stages[] = {"APPLIED", "INTERVIEW", "OFFER", "REJECTION"};
  for (int i = 0; i < 4; i++) sum += json_integer_value(json_object_get(ps, stages[i]));
  assert_int_equal(sum, truth.n);
  assert_true(json_array_size(json_object_get(r.json, "per_week")) >= 1);
  double rate = json_real_value(json_object_get(r.json, "response_rate"));
  assert_true(rate > 0 && rate <= 1);
  assert_true(json_is_real(json_object_get(r.json, "median_days_to_response")));
  api_resp_free(&r);
  api_req(t.base, "GET", "/api/stats", tok, NULL, &r); /* both accounts: twice the counts */
  assert_int_equal(r.status, 200);
  assert_int_equal(json_integer_value(json_object_get(r.json, "applications")), 2 * truth.n);
  api_resp_free(&r);

  api_req(t.base, "GET", "/api/version", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(json_string_value(json_object_get(r.json, "version")), CO_VERSION);
  assert_string_equal(json_string_value(json_object_get(r.json, "mode")), "embedded");
  api_resp_free(&r);
  api_req(t.base, "GET", "/api/version", NULL, NULL, &r); /* a token, like every /api read */
  api_expect_error(&r, 401, "unauthorized");
  api_resp_free(&r);

  /* the sample holds one message that is not mail: it is in the DLQ */
  api_req(t.base, "GET", "/api/dlq", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  json_t *dl = json_object_get(r.json, "items");
  assert_true(json_array_size(dl) >= 1);
  char id[128];
  snprintf(id, sizeof(id), "%s", json_string_value(json_object_get(json_array_get(dl, 0), "id")));
  assert_non_null(strstr(id, ":"));
  api_resp_free(&r);
  /* dismissed: listed with dismissed=true, once; a replay naming it still replays it */
  snprintf(path, sizeof(path), "/api/dlq/%s/dismiss", id);
  api_req(t.base, "POST", path, tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(json_string_value(json_object_get(r.json, "dismissed")), id);
  assert_true(json_is_false(json_object_get(r.json, "already")));
  api_resp_free(&r);
  api_req(t.base, "POST", path, tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_true(json_is_true(json_object_get(r.json, "already")));
  api_resp_free(&r);
  api_req(t.base, "GET", "/api/dlq", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_true(json_is_true(json_object_get(json_array_get(json_object_get(r.json, "items"), 0), "dismissed")));
  api_resp_free(&r);
  api_req(t.base, "POST", "/api/dlq/nope:0:0/dismiss", tok, NULL, &r);
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);
  snprintf(path, sizeof(path), "/api/dlq/%s/replay", id);
  api_req(t.base, "POST", path, tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(json_string_value(json_object_get(r.json, "replayed")), id);
  assert_true(json_is_false(json_object_get(r.json, "already")));
  api_resp_free(&r);
  api_req(t.base, "POST", path, tok, NULL, &r); /* once only */
  assert_int_equal(r.status, 200);
  assert_true(json_is_true(json_object_get(r.json, "already")));
  api_resp_free(&r);
  api_req(t.base, "POST", "/api/dlq/nope:0:0/replay", tok, NULL, &r);
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);

  api_req(t.base, "GET", "/metrics", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, "careerops_http_requests_total{route=\"/api/accounts\",code=\"200\"} 1"));
  assert_non_null(strstr(r.body, "careerops_records_in_total"));
  api_resp_free(&r);

  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_endpoints)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
