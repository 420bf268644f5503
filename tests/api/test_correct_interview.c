/* api_correction_sets_interview_time_place_and_notes (issue 19 item 4): a
 * person fixes what the mail got wrong or never said, through the
 * corrections endpoint:
 *  - set.interview {at with its zone, minutes, link, location} and
 *    set.notes are accepted (202); the application then shows the notes,
 *    the interview in UTC with the zone it was given, its length, link and
 *    place, and next_interview; the interviews list has it upcoming; the
 *    .ics event has that DTSTART, DURATION, LOCATION and URL;
 *  - moving it to a date alone keeps the calendar event's UID and raises
 *    its SEQUENCE (a calendar app updates the event, never adds a second);
 *  - null clears the notes and the interview correction;
 *  - bad values get 400 naming the field: a time without zone, a length
 *    of 1000 minutes, a javascript: link, an unknown interview field, notes
 *    over 4000 bytes, an interview that is not an object. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_json.h"

static void post(api_tu_t *t, const char *token, const char *key, const char *body, api_resp_t *r) {
  char path[1024];
  snprintf(path, sizeof(path), "/api/accounts/alice/applications/%s/corrections", key);
  api_req_h(t->base, "POST", path, token, body, "Content-Type: application/json", r);
}

static void expect_400(api_tu_t *t, const char *token, const char *key, const char *body, const char *what) {
  api_resp_t r;
  post(t, token, key, body, &r);
  api_expect_error(&r, 400, "bad_request");
  const char *msg = co_json_str(json_object_get(r.json, "error"), "message");
  if (!strstr(msg, what)) fail_msg("400 for %.80s should name %s: %s", body, what, msg);
  api_resp_free(&r);
}

static void accepted(api_tu_t *t, const char *token, const char *key, const char *body) {
  char err[256];
  api_resp_t r;
  post(t, token, key, body, &r);
  if (r.status != 202) fail_msg("%s: %ld %s", body, r.status, r.body);
  api_resp_free(&r);
  if (co_pipeline_run_until_idle(t->p, err, sizeof(err))) fail_msg("run: %s", err);
}

/* The application with key (a new reference). */
static json_t *app_of(api_tu_t *t, const char *token, const char *key) {
  api_resp_t r;
  json_t *it, *out = NULL;
  size_t i;
  api_req(t->base, "GET", "/api/accounts/alice/applications?limit=200", token, NULL, &r);
  assert_int_equal(r.status, 200);
  json_array_foreach(json_object_get(r.json, "items"), i, it) if (!strcmp(co_json_str(it, "key"), key)) out = json_incref(it);
  api_resp_free(&r);
  assert_non_null(out);
  return out;
}

/* The .ics VEVENT of the application's company (malloc'd text of it). */
static char *vevent_of(api_tu_t *t, const char *token, const char *company) {
  api_resp_t r;
  api_req(t->base, "GET", "/api/accounts/alice/interviews.ics", token, NULL, &r);
  assert_int_equal(r.status, 200);
  char *out = NULL;
  for (char *s = r.body; (s = strstr(s, "BEGIN:VEVENT")); s++) {
    char *e = strstr(s, "END:VEVENT");
    assert_non_null(e);
    char *ev = strndup(s, (size_t)(e - s));
    /* SUMMARY may be folded at 75 octets: compare the unfolded text */
    char *u = ev, *w = ev;
    for (; *u; u++) {
      if (u[0] == '\r' && u[1] == '\n' && u[2] == ' ') {
        u += 2;
        continue;
      }
      *w++ = *u;
    }
    *w = 0;
    if (strstr(ev, company)) {
      out = ev;
      break;
    }
    free(ev);
  }
  api_resp_free(&r);
  assert_non_null(out);
  return out;
}

static void line_of(const char *ev, const char *name, char *out, size_t size) {
  const char *p = strstr(ev, name);
  assert_non_null(p);
  size_t n = strcspn(p, "\r\n");
  snprintf(out, size, "%.*s", (int)n, p);
}

static void interview_and_notes(void **state) {
  (void)state;
  api_tu_t t;
  api_resp_t r;
  char tok[64], key[512], company[256];
  const char *extra[] = {"log.level", "warn", NULL};
  api_tu_start(&t, extra);
  api_tu_token(t.conf, "alice", 0, tok);
  api_req(t.base, "GET", "/api/accounts/alice/applications?limit=200&stage=APPLIED", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  json_t *a = json_array_get(json_object_get(r.json, "items"), 0);
  assert_non_null(a);
  snprintf(key, sizeof(key), "%s", co_json_str(a, "key"));
  snprintf(company, sizeof(company), "%s", co_json_str(a, "company"));
  api_resp_free(&r);

  expect_400(&t, tok, key, "{\"set\":{\"interview\":{\"at\":\"2031-03-14T10:00:00\"}}}", "set.interview.at");
  expect_400(&t, tok, key, "{\"set\":{\"interview\":{\"at\":\"next Tuesday\"}}}", "set.interview.at");
  expect_400(&t, tok, key, "{\"set\":{\"interview\":{\"at\":\"2031-03-14T10:00:00Z\",\"minutes\":1000}}}",
             "set.interview.minutes");
  expect_400(&t, tok, key, "{\"set\":{\"interview\":{\"at\":\"2031-03-14T10:00:00Z\",\"link\":\"javascript:alert(1)\"}}}",
             "set.interview.link");
  expect_400(&t, tok, key, "{\"set\":{\"interview\":{\"at\":\"2031-03-14T10:00:00Z\",\"colour\":\"red\"}}}", "colour");
  expect_400(&t, tok, key, "{\"set\":{\"interview\":\"tomorrow\"}}", "set.interview");
  char *big = malloc(4200);
  assert_non_null(big);
  int n = snprintf(big, 4200, "{\"set\":{\"notes\":\"");
  memset(big + n, 'x', 4001);
  snprintf(big + n + 4001, 4200 - (size_t)n - 4001, "\"}}");
  expect_400(&t, tok, key, big, "set.notes");
  free(big);

  accepted(&t, tok, key,
           "{\"set\":{\"notes\":\"Ask about on-call.\\nBring the portfolio.\",\"interview\":{\"at\":\"2031-03-14T10:00:00-05:00\","
           "\"minutes\":45,\"link\":\"https://meet.example/abc-defg\",\"location\":\"Room 4, 1 Main St\"}}}");
  a = app_of(&t, tok, key);
  json_t *iv = json_object_get(a, "interview");
  assert_string_equal(co_json_str(a, "notes"), "Ask about on-call.\nBring the portfolio.");
  assert_string_equal(co_json_str(iv, "utc"), "2031-03-14T15:00:00Z");
  assert_string_equal(co_json_str(iv, "zone"), "-05:00");
  assert_int_equal(json_integer_value(json_object_get(iv, "minutes")), 45);
  assert_string_equal(co_json_str(iv, "link"), "https://meet.example/abc-defg");
  assert_string_equal(co_json_str(iv, "location"), "Room 4, 1 Main St");
  assert_string_equal(co_json_str(a, "next_interview"), "2031-03-14T15:00:00Z");
  assert_true(json_is_true(json_object_get(a, "corrected")));
  json_decref(a);

  api_req(t.base, "GET", "/api/accounts/alice/interviews", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  json_t *it, *mine = NULL;
  size_t i;
  json_array_foreach(json_object_get(r.json, "items"), i, it) if (!strcmp(co_json_str(it, "application"), key)) mine = it;
  assert_non_null(mine);
  assert_true(json_is_true(json_object_get(mine, "upcoming")));
  assert_string_equal(co_json_str(mine, "utc"), "2031-03-14T15:00:00Z");
  assert_string_equal(co_json_str(mine, "location"), "Room 4, 1 Main St");
  api_resp_free(&r);

  char *ev = vevent_of(&t, tok, company), uid[200], seq[64];
  assert_non_null(strstr(ev, "DTSTART:20310314T150000Z"));
  assert_non_null(strstr(ev, "DURATION:PT45M"));
  assert_non_null(strstr(ev, "LOCATION:Room 4\\, 1 Main St"));
  assert_non_null(strstr(ev, "URL:https://meet.example/abc-defg"));
  line_of(ev, "UID:", uid, sizeof(uid));
  line_of(ev, "SEQUENCE:", seq, sizeof(seq));
  free(ev);

  /* moved to a day without a time: the same calendar event, one revision later */
  accepted(&t, tok, key, "{\"set\":{\"interview\":{\"at\":\"2031-03-21\"}}}");
  a = app_of(&t, tok, key);
  assert_string_equal(co_json_str(json_object_get(a, "interview"), "at"), "2031-03-21");
  assert_string_equal(co_json_str(a, "next_interview"), "2031-03-21");
  json_decref(a);
  ev = vevent_of(&t, tok, company);
  char uid2[200], seq2[64];
  line_of(ev, "UID:", uid2, sizeof(uid2));
  line_of(ev, "SEQUENCE:", seq2, sizeof(seq2));
  assert_non_null(strstr(ev, "DTSTART;VALUE=DATE:20310321"));
  printf("calendar event %s: %s -> %s\n", uid, seq, seq2);
  assert_string_equal(uid, uid2);
  assert_true(atoi(seq2 + 9) > atoi(seq + 9));
  free(ev);

  /* null clears both corrections */
  accepted(&t, tok, key, "{\"set\":{\"notes\":null,\"interview\":null}}");
  a = app_of(&t, tok, key);
  assert_null(json_object_get(a, "notes"));
  assert_false(json_is_true(json_object_get(json_object_get(a, "interview"), "corrected")));
  json_decref(a);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(interview_and_notes)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
