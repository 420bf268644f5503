/* Proves a German and a Spanish invitation (month and weekday names, "um
 * 14:00 Uhr", "a las 10:00", ranges, durations) give the right instant,
 * duration and link. */
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

static void spanish_invite(void **state) {
  (void)state;
  co_classify_when_t w;
  when_of("Invitación a entrevista",
          "Hola Lucía:\n\nNos gustaría invitarte a una entrevista el jueves 10 de diciembre de 2026 a las 10:00 (hora de España). "
          "La entrevista durará 45 minutos y será por Google Meet: https://meet.google.com/abc-defg-hij\n\nUn saludo",
          "Mon, 07 Dec 2026 08:30:00 +0100", NULL, &w);
  assert_utc(&w, "2026-12-10T09:00:00Z");
  assert_int_equal(w.minutes, 45);
  assert_string_equal(w.link, "https://meet.google.com/abc-defg-hij");
  assert_string_equal(w.zone, "Europe/Madrid");
  when_of("Entrevista", "Te proponemos el martes 15 de diciembre, de 4 a 5 de la tarde, hora de Ciudad de México.",
          "Mon, 07 Dec 2026 08:30:00 -0600", NULL, &w);
  assert_utc(&w, "2026-12-15T22:00:00Z");
  assert_int_equal(w.minutes, 60);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(german_invite), cmocka_unit_test(spanish_invite)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
