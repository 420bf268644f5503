/* Proves a cancellation is reported as cancelled, from the text and from a
 * calendar part (METHOD:CANCEL), and that an updated calendar invitation
 * (SEQUENCE > 0) is a reschedule with the part's new instant. */
#include "when_tu.h"

static void cancellation_cancels(void **state) {
  (void)state;
  co_classify_when_t w;
  const char *d = "Tue, 08 Dec 2026 12:00:00 -0800";
  when_of("Cancelled: Interview with Acme",
          "Hi Sam, we're sorry: your interview on Thursday, December 10 at 2:00 PM PT has been cancelled as the role was put on hold.",
          d, NULL, &w);
  assert_string_equal(w.status, "cancelled");
  co_classify_cal_t cal = {.method = "CANCEL", .start_utc = "2026-12-10T22:00:00Z", .sequence = 1};
  when_of("Interview with Acme", "This event has been removed from your calendar.", d, &cal, &w);
  assert_string_equal(w.status, "cancelled");
  co_classify_cal_t upd = {.method = "REQUEST", .start_utc = "2026-12-11T19:00:00Z", .sequence = 2, .minutes = 30};
  when_of("Updated invitation: Interview with Acme", "The event time changed.", d, &upd, &w);
  assert_string_equal(w.status, "rescheduled");
  assert_utc(&w, "2026-12-11T19:00:00Z");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cancellation_cancels)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
