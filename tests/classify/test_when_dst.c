/* Proves zones come from the tz database for the interview's own date: an
 * invitation sent in CET for a date after the change to summer time is
 * +02:00, and one sent in CEST for a date after the change back is +01:00;
 * "Central European Time", "Europe/Berlin" and the sender's zone guessed
 * from the Date header agree; the US change (second Sunday of March) too. */
#include "when_tu.h"

static void europe_spring_forward(void **state) {
  (void)state;
  co_classify_when_t w;
  /* Sent Friday 20 March 2026 (CET, +01:00); the clocks go forward on 29 March. */
  when_of("Interview", "We would like to invite you on Monday, 30 March 2026 at 10:00 (Central European Time).",
          "Fri, 20 Mar 2026 09:00:00 +0100", NULL, &w);
  assert_utc(&w, "2026-03-30T08:00:00Z");
  assert_string_equal(w.zone, "Europe/Berlin");
  when_of("Interview", "Would Monday 30 March at 10:00 (Europe/Berlin) work for you?", "Fri, 20 Mar 2026 09:00:00 +0100",
          NULL, &w);
  assert_utc(&w, "2026-03-30T08:00:00Z");
  /* no zone stated: the sender's (German text, +0100 in March is Europe/Berlin) */
  when_of("Einladung zum Gespräch", "Wir laden Sie am Montag, 30. März 2026 um 10:00 Uhr zu einem Gespräch ein.",
          "Fri, 20 Mar 2026 09:00:00 +0100", NULL, &w);
  assert_utc(&w, "2026-03-30T08:00:00Z");
  /* a literal abbreviation is the offset it names */
  when_of("Interview", "Monday 30 March 2026, 10:00 CEST", "Fri, 20 Mar 2026 09:00:00 +0100", NULL, &w);
  assert_utc(&w, "2026-03-30T08:00:00Z");
}

static void europe_fall_back(void **state) {
  (void)state;
  co_classify_when_t w;
  /* Sent 20 October 2026 (CEST, +02:00); the clocks go back on 25 October. */
  when_of("Interview", "Can you do Tuesday, October 27 at 14:00 CET?", "Tue, 20 Oct 2026 11:00:00 +0200", NULL, &w);
  assert_utc(&w, "2026-10-27T13:00:00Z");
  when_of("Entretien", "Nous vous proposons un entretien le mardi 27 octobre 2026 à 14h00.",
          "Tue, 20 Oct 2026 11:00:00 +0200", NULL, &w);
  assert_utc(&w, "2026-10-27T13:00:00Z");
  assert_string_equal(w.zone, "Europe/Paris");
}

static void us_spring_forward(void **state) {
  (void)state;
  co_classify_when_t w;
  /* Sent 5 March 2026 (EST); US daylight time starts 8 March. */
  when_of("Phone screen", "Does Tuesday, March 10 at 11:00 AM ET work?", "Thu, 05 Mar 2026 10:00:00 -0500", NULL, &w);
  assert_utc(&w, "2026-03-10T15:00:00Z");
  assert_string_equal(w.local, "2026-03-10T11:00:00-04:00");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(europe_spring_forward), cmocka_unit_test(europe_fall_back),
                                     cmocka_unit_test(us_spring_forward)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
