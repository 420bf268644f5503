/* Proves a calendar start is read in every form a feed writes it: with or
 * without seconds, in UTC or with an offset, and that a short or broken
 * value is ignored (the text decides) instead of being read past its end
 * (fuzz_when found the latter; run under ASan the suite would catch it). */
#include "when_tu.h"

static const char *at_utc_of(const char *start) {
  static co_classify_when_t w;
  co_classify_cal_t cal = {.method = "REQUEST", .start_utc = start, .minutes = 45};
  when_of("Interview", "See the invite.", "Mon, 07 Dec 2026 09:00:00 -0500", &cal, &w);
  return w.at_utc;
}

static void calendar_start_with_or_without_seconds_and_offset(void **state) {
  (void)state;
  assert_string_equal(at_utc_of("2026-12-14T15:00:00Z"), "2026-12-14T15:00:00Z");
  assert_string_equal(at_utc_of("2026-12-14T15:00Z"), "2026-12-14T15:00:00Z");
  assert_string_equal(at_utc_of("2026-12-14T16:30+01:00"), "2026-12-14T15:30:00Z");
  assert_string_equal(at_utc_of("2026-12-14T10:30:00-05:00"), "2026-12-14T15:30:00Z");
}

static void short_or_broken_calendar_start_is_ignored_safely(void **state) {
  (void)state;
  /* Short values (the old reader searched for 'Z' from column 16). */
  assert_string_equal(at_utc_of("2026-1-1T1:1"), "2026-01-01T01:01:00Z");
  assert_string_equal(at_utc_of("2026-12-14"), "");
  assert_string_equal(at_utc_of("T"), "");
  assert_string_equal(at_utc_of(""), "");
  assert_string_equal(at_utc_of("2026-02-30T10:00:00Z"), "");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(calendar_start_with_or_without_seconds_and_offset),
                                     cmocka_unit_test(short_or_broken_calendar_start_is_ignored_safely)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
