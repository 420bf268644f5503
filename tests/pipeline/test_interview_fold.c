/* Proves a classified event's interview fields reach its application: an
 * INTERVIEW sets "interview" (instant, zone, minutes, link, status), a
 * reschedule replaces it (keeping the link it does not restate), and a cancellation of that interview clears
 * next_interview and marks it cancelled, while a cancellation naming another
 * interview of the application leaves it alone. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "co_pipeline_int.h"

/* co_pl_apps_update has just set next_interview from the INTERVIEW event's
 * interview_at (its own, older rule); then it calls co_pl_apps_interview. */
static void fold(json_t *app, const char *label, json_t *ev) {
  json_object_set(app, "next_interview", json_object_get(ev, "interview_at"));
  co_pl_apps_interview(app, label, ev);
}

static const char *s(json_t *o, const char *path1, const char *path2) {
  json_t *v = json_object_get(o, path1);
  if (path2) v = json_object_get(v, path2);
  return json_string_value(v) ? json_string_value(v) : "(null)";
}

static void interview_fields_fold_into_application(void **state) {
  (void)state;
  json_t *app = json_pack("{s:s, s:n}", "company", "Harbor", "next_interview");
  json_t *ev = json_pack("{s:s, s:s, s:s, s:i, s:s, s:s, s:s, s:[]}", "interview_at", "2026-12-14T10:00:00-05:00",
                         "interview_utc", "2026-12-14T15:00:00Z", "interview_zone", "America/New_York",
                         "interview_minutes", 60, "interview_link", "https://harbor.zoom.us/j/1", "interview_link_kind",
                         "zoom", "interview_status", "scheduled", "interview_candidates");
  fold(app, "INTERVIEW", ev);
  assert_string_equal(s(app, "next_interview", NULL), "2026-12-14T10:00:00-05:00");
  assert_string_equal(s(app, "interview", "utc"), "2026-12-14T15:00:00Z");
  assert_string_equal(s(app, "interview", "zone"), "America/New_York");
  assert_int_equal(json_integer_value(json_object_get(json_object_get(app, "interview"), "minutes")), 60);
  assert_string_equal(s(app, "interview", "link"), "https://harbor.zoom.us/j/1");
  json_decref(ev);

  ev = json_pack("{s:s, s:s, s:s}", "interview_at", "2026-12-15T11:00:00-05:00", "interview_utc",
                 "2026-12-15T16:00:00Z", "interview_status", "rescheduled");
  fold(app, "INTERVIEW", ev);
  assert_string_equal(s(app, "next_interview", NULL), "2026-12-15T11:00:00-05:00");
  assert_string_equal(s(app, "interview", "status"), "rescheduled");
  assert_string_equal(s(app, "interview", "link"), "https://harbor.zoom.us/j/1"); /* kept: the reschedule names none */
  json_decref(ev);

  ev = json_pack("{s:s, s:s, s:s}", "interview_at", "2026-12-20T11:00:00-05:00", "interview_utc",
                 "2026-12-20T16:00:00Z", "interview_status", "cancelled");
  fold(app, "INTERVIEW", ev); /* another interview's cancellation */
  assert_string_equal(s(app, "interview", "status"), "rescheduled");
  json_decref(ev);

  ev = json_pack("{s:s, s:s, s:s}", "interview_at", "2026-12-15T11:00:00-05:00", "interview_utc",
                 "2026-12-15T16:00:00Z", "interview_status", "cancelled");
  fold(app, "INTERVIEW", ev);
  assert_true(json_is_null(json_object_get(app, "next_interview")));
  assert_string_equal(s(app, "interview", "status"), "cancelled");
  json_decref(ev);
  json_decref(app);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(interview_fields_fold_into_application)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
