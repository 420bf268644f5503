/* Proves a reschedule replaces the time with the new one, not the old one
 * the email also mentions ("moved to", "instead of"), and that an
 * invitation that only offers to reschedule stays scheduled. */
#include "when_tu.h"

static void reschedule_replaces_time(void **state) {
  (void)state;
  co_classify_when_t w;
  const char *d = "Tue, 08 Dec 2026 12:00:00 -0800";
  when_of("Rescheduled: Interview with Acme",
          "Hi Sam,\n\nUnfortunately our hiring manager has a conflict. Your interview on Thursday, December 10 at 2:00 PM PT "
          "has been moved to Friday, December 11 at 11:00 AM PT. Same Zoom link: https://acme.zoom.us/j/5550001111",
          d, NULL, &w);
  assert_utc(&w, "2026-12-11T19:00:00Z");
  assert_string_equal(w.status, "rescheduled");
  when_of("New time for your interview",
          "The new time is Friday, December 11 at 11:00 AM PT (instead of Thursday, December 10 at 2:00 PM PT).", d, NULL,
          &w);
  assert_utc(&w, "2026-12-11T19:00:00Z");
  assert_string_equal(w.status, "rescheduled");
  when_of("Interview", "Your interview is on Thursday, December 10 at 2:00 PM PT. If you need to reschedule, just reply.",
          d, NULL, &w);
  assert_utc(&w, "2026-12-10T22:00:00Z");
  assert_string_equal(w.status, "scheduled");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(reschedule_replaces_time)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
