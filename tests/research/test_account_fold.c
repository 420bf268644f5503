/* research_briefing_folds_only_the_task_account: a briefing is one
 * account's. Folding alice's task over bob's briefing of the same company
 * (what a store keyed by company alone did), even when both mailboxes hold
 * the same Message-ID, gives alice's step (not dropped as a duplicate of
 * bob's) and nothing of bob's: no history entry, subject, account,
 * interviewer or next interview of his, in any field or in the text. A
 * briefing that is alice's own keeps all of that across folds, and the news
 * (public research about the company) is carried over either way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_research.h"

static json_t *task(const char *account, const char *mid, const char *date, const char *subject, const char *from_name,
                    const char *interview_at) {
  return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:s, s:s?}", "company", "Acme Robotics", "account",
                   account, "role", "Data Engineer", "reason", "INTERVIEW", "message_id", mid, "date", date, "subject",
                   subject, "from", "name", from_name, "address", "recruiter@acmerobotics.example", "text",
                   "Let us schedule the interview.", "interview_at", interview_at);
}

static json_t *fold(json_t *t, json_t *prev) {
  char err[256];
  json_t *out = NULL;
  assert_int_equal(co_research_offline(NULL, t, prev, &out, err, sizeof(err)), CO_OK);
  json_decref(t);
  return out;
}

static void no_trace_of_bob(json_t *b) {
  char *s = json_dumps(b, 0);
  assert_non_null(s);
  if (strstr(s, "bob") || strstr(s, "Bob") || strstr(s, "Hannah") || strstr(s, "2030-"))
    fail_msg("alice's briefing holds bob's data: %s", s);
  free(s);
}

static void briefing_folds_only_the_task_account(void **state) {
  (void)state;
  /* bob's briefing, with news found by research */
  json_t *bob = fold(task("bob", "<shared-1@acme>", "2026-03-02T10:00:00Z", "Bob: onsite with the CTO", "Hannah Bobson",
                          "2030-01-05T09:00:00"),
                     NULL);
  json_object_set_new(bob, "news", json_pack("[{s:s, s:s, s:s}]", "title", "Acme raises a Series B", "url",
                                             "https://news.example/acme", "snippet", "Acme Robotics raised $40M."));
  assert_true(co_research_prev_is_own(bob, "bob"));
  assert_false(co_research_prev_is_own(bob, "alice"));
  /* alice's task with the same Message-ID, folded over bob's briefing */
  json_t *alice = fold(task("alice", "<shared-1@acme>", "2026-03-01T09:00:00Z", "Interview invitation: Data Engineer",
                            "Priya Natarajan", "2026-03-09T14:00:00"),
                       bob);
  json_t *h = json_object_get(alice, "history");
  assert_int_equal(json_array_size(h), 1);
  assert_string_equal(json_string_value(json_object_get(json_array_get(h, 0), "account")), "alice");
  assert_string_equal(json_string_value(json_object_get(json_array_get(h, 0), "subject")),
                      "Interview invitation: Data Engineer");
  assert_int_equal(json_array_size(json_object_get(alice, "accounts")), 1);
  assert_string_equal(json_string_value(json_array_get(json_object_get(alice, "accounts"), 0)), "alice");
  assert_string_equal(json_string_value(json_object_get(alice, "next_interview")), "2026-03-09T14:00:00");
  assert_int_equal(json_array_size(json_object_get(alice, "news")), 1); /* public research is shared */
  no_trace_of_bob(alice);

  /* an older version's briefing of both accounts: alice's entries only */
  json_t *mixed = json_deep_copy(bob);
  json_array_append(json_object_get(mixed, "history"), json_array_get(h, 0));
  json_array_append_new(json_object_get(mixed, "accounts"), json_string("alice"));
  assert_false(co_research_prev_is_own(mixed, "alice"));
  json_t *again = fold(task("alice", "<alice-2@acme>", "2026-03-10T09:00:00Z", "Next round", "Priya Natarajan", NULL),
                       mixed);
  assert_int_equal(json_array_size(json_object_get(again, "history")), 2);
  no_trace_of_bob(again);

  /* alice's own briefing keeps her interviewers and steps across folds */
  assert_true(co_research_prev_is_own(alice, "alice"));
  json_t *own = fold(task("alice", "<alice-3@acme>", "2026-03-11T09:00:00Z", "Offer call", "Someone Else", NULL), alice);
  assert_int_equal(json_array_size(json_object_get(own, "history")), 2);
  assert_int_equal(json_array_size(json_object_get(own, "news")), 1);
  char *s = json_dumps(json_object_get(own, "interviewers"), 0);
  assert_non_null(strstr(s, "Priya Natarajan"));
  free(s);
  no_trace_of_bob(own);

  /* folding bob's own task again over his briefing keeps his step once */
  json_t *bob2 = fold(task("bob", "<shared-1@acme>", "2026-03-02T10:00:00Z", "Bob: onsite with the CTO", "Hannah Bobson",
                           "2030-01-05T09:00:00"),
                      bob);
  assert_int_equal(json_array_size(json_object_get(bob2, "history")), 1);
  json_decref(bob2);
  json_decref(own);
  json_decref(again);
  json_decref(mixed);
  json_decref(alice);
  json_decref(bob);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(briefing_folds_only_the_task_account)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
