/* Proves interview dates resolve: absolute forms, relative forms against
 * the Date header's date and zone, stated zones, and the full path filling
 * interview_at only for INTERVIEW. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_classify.h"
#include "co_classify_int.h"

static void check(const char *date_hdr, const char *text, const char *want) {
  co_cls_tm_t ref;
  char out[64] = "";
  int have = date_hdr && co_cls_parse_date_header(date_hdr, &ref) == 0;
  int rc = co_cls_find_datetime(text, strlen(text), have ? &ref : NULL, out, sizeof(out));
  if (!want) {
    if (rc == 0) printf("'%s': want none, got %s\n", text, out);
    assert_int_equal(rc, -1);
    return;
  }
  if (rc != 0 || strcmp(out, want) != 0) printf("'%s': want %s, got %s\n", text, want, rc ? "(none)" : out);
  assert_int_equal(rc, 0);
  assert_string_equal(out, want);
}

static void date_headers_parse(void **state) {
  (void)state;
  co_cls_tm_t t;
  assert_int_equal(co_cls_parse_date_header("Mon, 7 Apr 2025 09:15:00 -0400", &t), 0);
  assert_int_equal(t.y, 2025);
  assert_int_equal(t.mo, 4);
  assert_int_equal(t.d, 7);
  assert_int_equal(t.tz_min, -240);
  assert_int_equal(co_cls_parse_date_header("2025-04-07T09:15:00+05:30", &t), 0);
  assert_int_equal(t.tz_min, 330);
  assert_int_equal(co_cls_parse_date_header("2025-04-07 09:15:00", &t), 0);
  assert_int_equal(t.has_tz, 0);
  assert_int_equal(co_cls_parse_date_header("not a date", &t), -1);
  assert_int_equal(co_cls_parse_date_header("31 Feb 2025 10:00 +0000", &t), -1);
}

static void absolute_forms(void **state) {
  (void)state;
  const char *hdr = "Mon, 7 Apr 2025 09:15:00 -0400";
  check(hdr, "Are you free on Thursday, April 17 at 2:30 PM ET?", "2025-04-17T14:30:00-04:00");
  check(hdr, "Your interview is on April 17th, 2025 at 10am PT.", "2025-04-17T10:00:00-07:00");
  check(hdr, "We have you down for 22 April at 15:00.", "2025-04-22T15:00:00-04:00");
  check(hdr, "Confirmed for 2025-05-02 at 9:00 am CET.", "2025-05-02T09:00:00+01:00");
  check(hdr, "How about 4/21 at noon?", "2025-04-21T12:00:00-04:00");
  check(hdr, "The onsite is on the 3rd of May at 11 a.m. EST.", "2025-05-03T11:00:00-05:00");
  /* a year-less date far in the past means next year; the sender's zone
   * (-0400 in April: America/New_York) is in standard time in January */
  check(hdr, "Would January 9 at 10am work?", "2026-01-09T10:00:00-05:00");
  /* date without a time */
  check(hdr, "The panel is on April 30.", "2025-04-30");
  check(hdr, "Thanks for applying. We will review it in 60 minutes or 5 days.", NULL);
}

static void relative_forms(void **state) {
  (void)state;
  const char *mon = "Mon, 7 Apr 2025 09:15:00 -0400"; /* a Monday */
  check(mon, "Can we talk tomorrow at 3pm?", "2025-04-08T15:00:00-04:00");
  check(mon, "Does next Tuesday at 3pm work?", "2025-04-15T15:00:00-04:00");
  check(mon, "Does this Thursday at 11:30 AM work?", "2025-04-10T11:30:00-04:00");
  check(mon, "I can do Friday at 4:00 PM PT.", "2025-04-11T16:00:00-07:00");
  const char *fri = "Fri, 11 Apr 2025 16:00:00 +0100"; /* a Friday, UK */
  check(fri, "Let's speak next Tuesday at 3pm.", "2025-04-15T15:00:00+01:00");
  check(fri, "Is Monday at 10:00 good for you?", "2025-04-14T10:00:00+01:00");
  check(fri, "Would 5/6 at 2pm suit?", "2025-06-05T14:00:00+01:00"); /* d/m east of UTC */
  /* no Date header: relative forms cannot resolve */
  check(NULL, "Does next Tuesday at 3pm work?", NULL);
  check(NULL, "Is April 17, 2025 at 9am ok?", "2025-04-17T09:00:00");
}

static void full_path_sets_interview_at(void **state) {
  (void)state;
  char err[512];
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  co_classify_input_t in = {
      .subject = "Interview invitation: Data Engineer at Larchmont",
      .from = "Pat Quinn <pat.quinn@larchmont.com>",
      .body = "Hi Jo,\n\nThanks for applying. We'd like to invite you to a phone screen for the Data Engineer role. "
              "Would next Tuesday at 3pm work for you? The call will take 30 minutes.\n\nBest,\nPat Quinn\nRecruiter, Larchmont",
      .date = "Wed, 9 Apr 2025 08:00:00 -0700"};
  co_classify_result_t r;
  assert_int_equal(co_classify_email(m, &in, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r.label, CO_CLASSIFY_INTERVIEW);
  assert_string_equal(r.interview_at, "2025-04-15T15:00:00-07:00");
  assert_string_equal(r.company, "Larchmont");
  assert_non_null(strstr(r.summary, "2025-04-15T15:00:00-07:00"));
  co_classify_destroy(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(date_headers_parse), cmocka_unit_test(absolute_forms),
                                     cmocka_unit_test(relative_forms), cmocka_unit_test(full_path_sets_interview_at)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
