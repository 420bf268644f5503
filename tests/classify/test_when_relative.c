/* Proves relative dates resolve against the Date header: "tomorrow",
 * "next Tuesday", "Thursday the 10th", and their German, Spanish, French,
 * Portuguese, Dutch and Italian forms. */
#include "when_tu.h"

static void relative_dates(void **state) {
  (void)state;
  co_classify_when_t w;
  const char *mon = "Mon, 07 Dec 2026 09:00:00 -0500"; /* a Monday */
  when_of("Quick chat", "Are you free tomorrow at 3pm ET for a 30 minute call?", mon, NULL, &w);
  assert_utc(&w, "2026-12-08T20:00:00Z");
  assert_int_equal(w.minutes, 30);
  when_of("Interview", "Could we do next Tuesday at 10:30 AM Eastern?", mon, NULL, &w);
  assert_utc(&w, "2026-12-15T15:30:00Z");
  when_of("Interview", "How about Thursday the 10th at 1pm?", mon, NULL, &w);
  assert_utc(&w, "2026-12-10T18:00:00Z");
  const char *cet = "Mon, 07 Dec 2026 09:00:00 +0100";
  when_of("Gespräch", "Passt Ihnen morgen um 14 Uhr?", cet, NULL, &w);
  assert_utc(&w, "2026-12-08T13:00:00Z");
  when_of("Entrevista", "¿Le viene bien el próximo jueves a las 11:00?", cet, NULL, &w);
  assert_utc(&w, "2026-12-10T10:00:00Z");
  when_of("Entretien", "Seriez-vous disponible jeudi prochain à 9h30 ?", cet, NULL, &w);
  assert_utc(&w, "2026-12-10T08:30:00Z");
  when_of("Gesprek", "Kun je morgen om 15.00 uur?", cet, NULL, &w);
  assert_utc(&w, "2026-12-08T14:00:00Z");
  when_of("Colloquio", "Sarebbe disponibile domani alle 16:30?", cet, NULL, &w);
  assert_utc(&w, "2026-12-08T15:30:00Z");
  when_of("Entrevista", "Podemos conversar amanhã às 10h (horário de Brasília)?", "Mon, 07 Dec 2026 09:00:00 -0300",
          NULL, &w);
  assert_utc(&w, "2026-12-08T13:00:00Z");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(relative_dates)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
