/* Proves the meeting link or place is found: Zoom, Google Meet (with or
 * without a scheme), Teams and Webex URLs, a phone number, a street
 * address; a careers-page URL is not a meeting link. */
#include "when_tu.h"

static void check_link(const char *body, const char *want, const char *kind) {
  co_classify_when_t w;
  when_of("Interview", body, "Mon, 07 Dec 2026 09:00:00 -0500", NULL, &w);
  assert_string_equal(w.link, want);
  assert_string_equal(w.link_kind, kind);
}

static void meeting_links(void **state) {
  (void)state;
  check_link("Apply history: https://careers.acme.example/jobs/123. Join on Zoom: https://us02web.zoom.us/j/85512345678?pwd=abcDEF12.",
             "https://us02web.zoom.us/j/85512345678?pwd=abcDEF12", "zoom");
  check_link("Video call link: meet.google.com/xyz-abcd-efg\nOr dial: (US) +1 402-555-0199 PIN: 123 456 789#",
             "https://meet.google.com/xyz-abcd-efg", "meet");
  check_link("Click here to join the meeting <https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE%40thread.v2/0?context=%7b%22Tid%22%7d>",
             "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE%40thread.v2/0?context=%7b%22Tid%22%7d", "teams");
  check_link("Webex: https://acme.webex.com/acme/j.php?MTID=m1234abcd (meeting number 2634 123 4567)",
             "https://acme.webex.com/acme/j.php?MTID=m1234abcd", "webex");
  check_link("Our recruiter will call you at +1 (415) 555-0134 on Tuesday at 10am.", "tel:+14155550134", "phone");
  check_link("Please come to our office.\nAddress: 500 Market Street, Floor 4, San Francisco, CA 94105\nAsk for Dana.",
             "500 Market Street, Floor 4, San Francisco, CA 94105", "address");
}

static void calendar_url_wins(void **state) {
  (void)state;
  co_classify_when_t w;
  co_classify_cal_t cal = {.method = "REQUEST", .start_utc = "2026-12-14T15:00:00Z", .minutes = 60,
                           .location = "Google Meet", .description = "Join with Google Meet: https://meet.google.com/qqq-wwww-eee"};
  when_of("Interview", "See invite. Our site: https://acme.example/careers", "Mon, 07 Dec 2026 09:00:00 -0500", &cal, &w);
  assert_string_equal(w.link, "https://meet.google.com/qqq-wwww-eee");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(meeting_links), cmocka_unit_test(calendar_url_wins)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
