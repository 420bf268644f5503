/* Proves a German invitation ("Donnerstag, den 10. Dezember 2026 um 14:00
 * Uhr", "15.12.2026 von 9:30 bis 10:15 Uhr", "ca. 60 Minuten", a Teams link,
 * an "Adresse:") gives the right instant, duration and link. */
#include "when_tu.h"

static void german_invite(void **state) {
  (void)state;
  co_classify_when_t w;
  when_of("Einladung zum Vorstellungsgespräch",
          "Sehr geehrte Frau Weber,\n\nvielen Dank für Ihre Bewerbung. Wir möchten Sie gerne zu einem Gespräch am Donnerstag, "
          "den 10. Dezember 2026 um 14:00 Uhr einladen. Das Gespräch dauert ca. 60 Minuten und findet über Microsoft Teams statt:\n"
          "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc123%40thread.v2/0?context=%7b%7d\n\nMit freundlichen Grüßen",
          "Mon, 07 Dec 2026 08:30:00 +0100", NULL, &w);
  assert_utc(&w, "2026-12-10T13:00:00Z");
  assert_int_equal(w.minutes, 60);
  assert_string_equal(w.link_kind, "teams");
  assert_string_equal(w.zone, "Europe/Berlin");
  when_of("Terminbestätigung", "Wir bestätigen den Termin am 15.12.2026 von 9:30 bis 10:15 Uhr in unserem Büro, Adresse: "
                               "Friedrichstraße 123, 10117 Berlin.",
          "Mon, 07 Dec 2026 08:30:00 +0100", NULL, &w);
  assert_utc(&w, "2026-12-15T08:30:00Z");
  assert_int_equal(w.minutes, 45);
  assert_string_equal(w.link, "Friedrichstraße 123, 10117 Berlin");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(german_invite)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
