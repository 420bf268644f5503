/* research_offline_briefing_from_mail_history: the Bluefin Analytics journey
 * of the shipped sample inbox (application confirmation, phone-screen
 * invitation, technical interview, offer), normalized by ingest and labelled
 * by the offline classifier, becomes research tasks; folding them one after
 * the other (prev = the last briefing) gives a briefing whose history holds
 * the stages in date order, names the recruiter who signs the mails, and
 * whose text mentions the company and the role. Folding the last task again
 * changes nothing in the history: the fold is idempotent. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_research.h"
#include "rs_journey.h"

static int has_string(json_t *arr, const char *s) {
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) if (!strcmp(json_string_value(v), s)) return 1;
  return 0;
}

static void offline_briefing_from_mail_history(void **state) {
  (void)state;
  char err[512];
  json_t *tasks = rs_journey_tasks("Bluefin Analytics"), *prev = NULL, *b = NULL, *t;
  size_t i;
  /* invitation, possibly the confirmation reply, technical interview, offer */
  assert_true(json_array_size(tasks) >= 3);
  json_array_foreach(tasks, i, t) {
    assert_int_equal(co_research_offline(NULL, t, prev, &b, err, sizeof(err)), CO_OK);
    json_decref(prev);
    prev = b;
    if (!strcmp(json_string_value(json_object_get(t, "reason")), "INTERVIEW"))
      assert_true(json_is_string(json_object_get(b, "next_interview")));
  }
  printf("%s\n", json_string_value(json_object_get(b, "text")));

  assert_string_equal(json_string_value(json_object_get(b, "company")), "Bluefin Analytics");
  assert_string_equal(json_string_value(json_object_get(b, "source")), "offline");
  assert_true(json_is_null(json_object_get(b, "next_interview"))); /* the offer came last */
  json_t *hist = json_object_get(b, "history"), *e;
  const char *want[] = {"APPLIED", "INTERVIEW", "OFFER"};
  size_t w = 0;
  const char *last_at = "";
  int interviews = 0;
  json_array_foreach(hist, i, e) {
    const char *stage = json_string_value(json_object_get(e, "stage"));
    const char *at = json_string_value(json_object_get(e, "at"));
    assert_true(strcmp(last_at, at) <= 0);
    last_at = at;
    if (w < 3 && !strcmp(stage, want[w])) w++;
    interviews += !strcmp(stage, "INTERVIEW");
    assert_string_equal(json_string_value(json_object_get(e, "account")), "me");
    assert_string_equal(json_string_value(json_object_get(e, "role")), "Data Engineer");
  }
  assert_int_equal(w, 3);       /* APPLIED, then INTERVIEW, then OFFER, in date order */
  assert_true(interviews >= 2); /* phone screen and technical interview are both there */
  assert_string_equal(json_string_value(json_object_get(json_array_get(hist, json_array_size(hist) - 1), "stage")),
                      "OFFER");
  assert_true(has_string(json_object_get(b, "interviewers"), "Priya Natarajan"));
  assert_int_equal(json_array_size(json_object_get(b, "interviewers")), 1);
  assert_true(has_string(json_object_get(b, "accounts"), "me"));
  const char *text = json_string_value(json_object_get(b, "text"));
  assert_non_null(strstr(text, "Bluefin Analytics"));
  assert_non_null(strstr(text, "Data Engineer"));
  assert_non_null(strstr(text, "Priya Natarajan"));
  assert_non_null(strstr(text, "OFFER"));

  size_t n = json_array_size(hist);
  json_t *again = NULL;
  assert_int_equal(
      co_research_offline(NULL, json_array_get(tasks, json_array_size(tasks) - 1), b, &again, err, sizeof(err)), CO_OK);
  assert_int_equal(json_array_size(json_object_get(again, "history")), n);
  json_decref(again);
  json_decref(b);
  json_decref(tasks);
}

/* Without the application object, the task alone still yields a briefing,
 * and news found earlier survives an offline fold, while another account's
 * interviewers and account list do not (per-account briefings, issue 15). */
static void offline_keeps_prev_news(void **state) {
  (void)state;
  char err[512];
  json_t *prev = json_pack("{s:s, s:s, s:s, s:[{s:s, s:s, s:s, s:n}], s:[s], s:[s]}", "company", "Acme", "updated_at",
                           "2025-01-01T00:00:00Z", "source", "tavily", "news", "title", "Acme raises a Series B", "url",
                           "https://news.example/acme", "snippet", "Acme raised money.", "published", "interviewers",
                           "Jane Doe", "accounts", "work");
  json_t *task = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:s, s:s}", "company", "Acme", "role",
                           "SRE", "account", "me", "reason", "INTERVIEW", "message_id", "m1@acme.example",
                           "interview_at", "2025-02-03T15:00:00", "subject", "Interview with Acme", "from", "name",
                           "Acme Talent", "address", "talent@acme.example", "text",
                           "Hi,\n\nYou will have a technical interview with Sam O'Neil and the platform team.\n",
                           "date", "2025-01-20T10:00:00Z");
  json_t *b = NULL;
  assert_int_equal(co_research_offline(NULL, task, prev, &b, err, sizeof(err)), CO_OK);
  /* prev is another account's ("work") briefing: its public news carries
   * over, its person-derived parts (interviewers, accounts) never do */
  assert_int_equal(json_array_size(json_object_get(b, "news")), 1);
  assert_false(has_string(json_object_get(b, "interviewers"), "Jane Doe"));
  assert_true(has_string(json_object_get(b, "interviewers"), "Sam O'Neil"));
  assert_int_equal(json_array_size(json_object_get(b, "interviewers")), 1); /* not "Acme Talent" */
  assert_false(has_string(json_object_get(b, "accounts"), "work"));
  assert_true(has_string(json_object_get(b, "accounts"), "me"));
  assert_string_equal(json_string_value(json_object_get(b, "next_interview")), "2025-02-03T15:00:00");
  assert_non_null(strstr(json_string_value(json_object_get(b, "text")), "Acme raises a Series B"));

  /* staleness is measured from updated_at */
  assert_true(co_research_is_stale(prev, 1735689600000LL + 8 * 86400000LL, 7 * 86400));
  assert_false(co_research_is_stale(prev, 1735689600000LL + 6 * 86400000LL, 7 * 86400));
  assert_true(co_research_is_stale(NULL, 0, 7 * 86400));
  int64_t now_ms = (int64_t)time(NULL) * 1000;
  assert_false(co_research_is_stale(b, now_ms + 60000, 7 * 86400)); /* just built */
  assert_true(co_research_is_stale(b, now_ms + 8 * 86400000LL, 7 * 86400));

  /* a task without a company is refused, with nothing allocated */
  json_t *bad = json_pack("{s:s}", "role", "SRE"), *none = (json_t *)0x1;
  assert_int_equal(co_research_offline(NULL, bad, NULL, &none, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_null(none);
  json_decref(bad);
  json_decref(b);
  json_decref(task);
  json_decref(prev);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(offline_briefing_from_mail_history),
                                     cmocka_unit_test(offline_keeps_prev_news)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
