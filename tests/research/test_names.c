/* research_names_high_precision: names enter a briefing's "interviewers"
 * only from the company's own sender, a signature above a title line that
 * names the company, or "interview with NAME"-style phrases; the usual
 * look-alikes (role titles, team and ATS senders, closings, the candidate's
 * own signature, quoted text, dates, the company's name) never do. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_research_int.h"

static json_t *names(const char *from_name, const char *from_addr, const char *text) {
  json_t *n = json_array();
  co_research_names("Bluefin Analytics", from_name, from_addr, text, n);
  return n;
}

static void expect(json_t *got, const char *const *want) {
  size_t k = 0;
  for (; want[k]; k++) {
    if (k >= json_array_size(got)) fail_msg("missing %s", want[k]);
    assert_string_equal(json_string_value(json_array_get(got, k)), want[k]);
  }
  if (json_array_size(got) != k) fail_msg("unexpected %s", json_string_value(json_array_get(got, k)));
  json_decref(got);
}

static void names_high_precision(void **state) {
  (void)state;
  const char *none[] = {NULL};
  /* found */
  expect(names("Priya Natarajan", "priya.natarajan@bluefin-analytics.example", ""),
         (const char *[]){"Priya Natarajan", NULL});
  expect(names(NULL, NULL, "Your interview with Jane Doe is on Friday."), (const char *[]){"Jane Doe", NULL});
  expect(names(NULL, NULL, "You will meet with Jean-Luc Picard, our CTO, and speak with Ana María López."),
         (const char *[]){"Jean-Luc Picard", "Ana María López", NULL});
  expect(names(NULL, NULL, "Thanks,\nSam Lee\nEngineering Manager | Bluefin Analytics\n"),
         (const char *[]){"Sam Lee", NULL});
  expect(names("Priya Natarajan", "priya@bluefin.example", "Best,\nPriya Natarajan\nRecruiter, Bluefin Analytics"),
         (const char *[]){"Priya Natarajan", NULL}); /* once */

  /* look-alikes */
  expect(names("Riley Moss", "riley.moss@example.net", "Hi Priya,\n\nWorks for me.\n\nBest,\nRiley Moss\n"), none);
  expect(names("Bluefin Analytics Recruiting", "no-reply@us.greenhouse-mail.io", ""), none);
  expect(names("Priya Natarajan", "no-reply@us.greenhouse-mail.io", ""), none); /* ATS relay */
  expect(names("Hiring Team", "jobs@bluefin.example", ""), none);
  expect(names(NULL, NULL, "Best Regards,\nThe Bluefin Team\n"), none);
  expect(names(NULL, NULL, "an interview with the Data Engineering team"), none);
  expect(names(NULL, NULL, "Data Engineer\nBluefin Analytics\n"), none);
  expect(names(NULL, NULL, "Senior Recruiter\nBluefin Analytics\n"), none);
  expect(names(NULL, NULL, "> Sam Lee\n> Engineering Manager, Bluefin Analytics\n"), none);
  expect(names(NULL, NULL, "Thursday March\nBluefin Analytics office\n"), none);
  expect(names(NULL, NULL, "Thanks for your interview with Bluefin Analytics."), none);
  expect(names(NULL, NULL, "a call with JOHN SMITH tomorrow"), none);
  expect(names(NULL, NULL, ""), none);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(names_high_precision)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
