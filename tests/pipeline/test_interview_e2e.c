/* Proves the interview time and place reach the application through the
 * real pipeline (ingest, classify, applications store): issue 18's two
 * invitations, "10:00 - 11:00 AM Eastern" with a text/calendar part
 * (DTSTART:20261214T150000Z) and a date and time hard-wrapped over two lines
 * ("... Thursday, December 10, 2026" / "at 2:30 PM Pacific Time"), are
 * stored as 10:00-05:00 and 14:30-08:00 with zone, duration and link; a
 * later cancellation in the first thread clears its next interview. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "pl_tu.h"

static const char MBOX[] =
    "From hr@harbor.example Mon Dec  7 09:00:00 2026\n"
    "From: Harbor Talent <talent@harborlogistics.example>\n"
    "To: riley@example.net\n"
    "Subject: Interview invitation (EST) - Site Reliability Engineer at Harbor Logistics\n"
    "Date: Mon, 07 Dec 2026 09:00:00 -0500\n"
    "Message-ID: <inv-1@harborlogistics.example>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/alternative; boundary=\"b\"\n\n"
    "--b\nContent-Type: text/plain; charset=utf-8\n\n"
    "Hi Riley,\n\nThanks for applying to the Site Reliability Engineer role at Harbor Logistics. We'd like to invite "
    "you to an interview on Monday, December 14 from 10:00 - 11:00 AM Eastern.\n\nBest,\nDevon\n"
    "--b\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\n\n"
    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:inv-1\n"
    "DTSTART:20261214T150000Z\nDTEND:20261214T160000Z\nSUMMARY:Interview\n"
    "LOCATION:https://harbor.zoom.us/j/7778889990\nEND:VEVENT\nEND:VCALENDAR\n--b--\n\n"
    "From hr@quill.example Mon Dec  7 16:12:00 2026\n"
    "From: Dana <dana@quillanalytics.example>\n"
    "To: riley@example.net\n"
    "Subject: Interview with Quill Analytics - Data Engineer\n"
    "Date: Mon, 07 Dec 2026 16:12:00 -0800\n"
    "Message-ID: <inv-2@quillanalytics.example>\n\n"
    "Hi Riley,\n\nWe'd love to have you interview for the Data Engineer role. Your video interview is scheduled for "
    "Thursday, December 10, 2026\nat 2:30 PM Pacific Time with our hiring manager. It will take 45 minutes.\n\n"
    "Join: https://meet.google.com/abc-defg-hij\n\nDana\nRecruiter, Quill Analytics\n\n"
    "From hr@harbor.example Wed Dec  9 09:00:00 2026\n"
    "From: Harbor Talent <talent@harborlogistics.example>\n"
    "To: riley@example.net\n"
    "Subject: Re: Interview invitation (EST) - Site Reliability Engineer at Harbor Logistics\n"
    "Date: Wed, 09 Dec 2026 09:00:00 -0500\n"
    "Message-ID: <inv-3@harborlogistics.example>\n"
    "In-Reply-To: <inv-1@harborlogistics.example>\n\n"
    "Hi Riley,\n\nI'm sorry: your interview on Monday, December 14 at 10:00 AM ET has been cancelled, as the "
    "hiring manager is out. We'll be in touch about a new time.\n\nDevon\n";

typedef struct found_s {
  json_t *harbor, *quill;
} found_t;

static int cb(const co_pipeline_app_t *a, void *opaque) {
  found_t *f = opaque;
  json_t *j = json_loads(a->json, 0, NULL);
  if (strstr(a->company, "Harbor")) f->harbor = j;
  else if (strstr(a->company, "Quill")) f->quill = j;
  else json_decref(j);
  return 0;
}

static const char *js(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "(null)";
}

static void interview_time_and_link_reach_application(void **state) {
  (void)state;
  char err[512], path[4096];
  char *dir = co_th_tmpdir("pl-interview");
  snprintf(path, sizeof(path), "%s/inbox.mbox", dir);
  assert_int_equal(co_th_write_file(path, MBOX, strlen(MBOX)), 0);
  co_conf_t *conf = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_import_stats_t st;
  if (co_pipeline_import_mbox(p, path, NULL, &st, err, sizeof(err))) fail_msg("import: %s", err);
  assert_int_equal(st.appended, 3);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
  found_t f = {0};
  assert_int_equal(co_pipeline_applications(p, NULL, cb, &f, err, sizeof(err)), CO_OK);
  assert_non_null(f.harbor);
  assert_non_null(f.quill);
  char *h = json_dumps(f.harbor, JSON_COMPACT), *q = json_dumps(f.quill, JSON_COMPACT);
  printf("harbor %s\nquill %s\n", h, q);
  free(h);
  free(q);

  json_t *qi = json_object_get(f.quill, "interview");
  assert_string_equal(js(f.quill, "next_interview"), "2026-12-10T14:30:00-08:00");
  assert_string_equal(js(qi, "utc"), "2026-12-10T22:30:00Z");
  assert_string_equal(js(qi, "zone"), "America/Los_Angeles");
  assert_int_equal(json_integer_value(json_object_get(qi, "minutes")), 45);
  assert_string_equal(js(qi, "link"), "https://meet.google.com/abc-defg-hij");

  json_t *hi = json_object_get(f.harbor, "interview");
  assert_string_equal(js(hi, "utc"), "2026-12-14T15:00:00Z"); /* the calendar part's instant */
  assert_string_equal(js(hi, "zone"), "America/New_York");
  assert_int_equal(json_integer_value(json_object_get(hi, "minutes")), 60);
  assert_string_equal(js(hi, "link"), "https://harbor.zoom.us/j/7778889990");
  assert_string_equal(js(hi, "status"), "cancelled"); /* the reply in its thread */
  assert_true(json_is_null(json_object_get(f.harbor, "next_interview")));

  json_decref(f.harbor);
  json_decref(f.quill);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(interview_time_and_link_reach_application)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
