/* Proves a Spanish invitation ("el jueves 10 de diciembre de 2026 a las
 * 10:00 (hora de España)", "de 4 a 5 de la tarde", "durará 45 minutos", a
 * Meet link) gives the right instant, duration and link. */
#include "when_tu.h"

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
  const struct CMUnitTest tests[] = {cmocka_unit_test(spanish_invite)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
