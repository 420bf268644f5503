/* Proves a date and its time hard-wrapped over two lines are one
 * interview time: "Thursday, December 10, 2026" / "at 2:30 PM Pacific
 * Time" is 22:30 UTC (PST), not the date alone; the same on one line and
 * in an HTML-flattened table agree. */
#include "when_tu.h"

static void wrapped_pacific_is_full_instant(void **state) {
  (void)state;
  co_classify_when_t w;
  when_of("Interview invitation - Harbor Logistics",
          "Hi Riley,\n\nWe'd love to have you meet the team. Your video interview is scheduled for Thursday, December 10, 2026\n"
          "at 2:30 PM Pacific Time with our hiring manager. The conversation will last 45 minutes.\n\n"
          "Join here: https://harbor.zoom.us/j/81234567890\n\nBest,\nDevon",
          "Mon, 07 Dec 2026 16:12:00 -0800", NULL, &w);
  assert_utc(&w, "2026-12-10T22:30:00Z");
  assert_string_equal(w.zone, "America/Los_Angeles");
  assert_string_equal(w.local, "2026-12-10T14:30:00-08:00");
  assert_int_equal(w.minutes, 45);
  assert_string_equal(w.link, "https://harbor.zoom.us/j/81234567890");
  assert_string_equal(w.date, "");
}

static void html_flattened_table_is_full_instant(void **state) {
  (void)state;
  co_classify_when_t w;
  when_of("Your interview with Harbor",
          "Interview details\n\nDate\nThursday, December 10, 2026\nTime\n2:30 PM - 3:15 PM\nTime zone\nPacific Time (US & Canada)\n\n"
          "Join Zoom Meeting (https://harbor.zoom.us/j/81234567890)",
          "2026-12-08T00:12:00Z", NULL, &w);
  assert_utc(&w, "2026-12-10T22:30:00Z");
  assert_int_equal(w.minutes, 45);
  assert_string_equal(w.link_kind, "zoom");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(wrapped_pacific_is_full_instant),
                                     cmocka_unit_test(html_flattened_table_is_full_instant)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
