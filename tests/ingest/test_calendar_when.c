/* Proves an invitation's text/calendar part gives the interview's instant:
 * a TZID resolved with the part's VTIMEZONE (Outlook's Windows zone names)
 * or the system tz database, DTEND/DURATION as minutes, METHOD:CANCEL,
 * SEQUENCE, LOCATION/URL/DESCRIPTION; and that through ingest and the
 * extractor the part's instant wins over the text ("10:00 - 11:00 AM
 * Eastern" with a calendar part DTSTART:20261214T150000Z is 15:00 UTC, not
 * 10:00 UTC; a text that contradicts the part loses), and that the event
 * keeps the Date header's own offset ("date_zone"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"
#include "co_ingest.h"

json_t *co_ingest_calendar_json(const char *ics);

static const char *js(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void vtimezone_and_fields(void **state) {
  (void)state;
  const char *ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nMETHOD:REQUEST\r\n"
      "BEGIN:VTIMEZONE\r\nTZID:Eastern Standard Time\r\n"
      "BEGIN:STANDARD\r\nDTSTART:16011104T020000\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n"
      "BEGIN:DAYLIGHT\r\nDTSTART:16010311T020000\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\n"
      "END:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008@outlook\r\nSEQUENCE:2\r\nSUMMARY:Interview - SRE\r\n"
      "DTSTART;TZID=Eastern Standard Time:20261214T100000\r\nDTEND;TZID=Eastern Standard Time:20261214T110000\r\n"
      "LOCATION:Microsoft Teams Meeting\r\nDESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0\r\n"
      "STATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  json_t *c = co_ingest_calendar_json(ics);
  assert_non_null(c);
  assert_string_equal(js(c, "start_utc"), "2026-12-14T15:00:00Z");
  assert_string_equal(js(c, "dtstart"), "2026-12-14T10:00:00");
  assert_string_equal(js(c, "dtstart_tzid"), "Eastern Standard Time");
  assert_int_equal(json_integer_value(json_object_get(c, "duration_min")), 60);
  assert_int_equal(json_integer_value(json_object_get(c, "sequence")), 2);
  assert_string_equal(js(c, "status"), "CONFIRMED");
  assert_string_equal(js(c, "location"), "Microsoft Teams Meeting");
  assert_non_null(strstr(js(c, "description"), "https://teams.microsoft.com/"));
  co_classify_cal_t cal;
  assert_int_equal(co_classify_cal_from_json(c, &cal), 1);
  co_classify_input_t in = {.subject = "Updated: Interview", .body = "See the invite.", .date = "2026-12-07T15:00:00Z",
                            .calendar = &cal};
  co_classify_when_t w;
  co_classify_when_extract(&in, &w);
  assert_string_equal(w.at_utc, "2026-12-14T15:00:00Z");
  assert_int_equal(w.minutes, 60);
  assert_string_equal(w.status, "rescheduled");
  assert_string_equal(w.link_kind, "teams");
  json_decref(c);
}

static void system_tz_duration_and_cancel(void **state) {
  (void)state;
  const char *ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:a@b\r\n"
                    "SEQUENCE:1\r\nDTSTART;TZID=Europe/Berlin:20260330T100000\r\nDURATION:PT45M\r\nSTATUS:CANCELLED\r\n"
                    "URL:https://meet.google.com/abc-defg-hij\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  json_t *c = co_ingest_calendar_json(ics);
  assert_non_null(c);
  assert_string_equal(js(c, "method"), "CANCEL");
  assert_string_equal(js(c, "start_utc"), "2026-03-30T08:00:00Z"); /* CEST: the clocks changed on 29 March */
  assert_string_equal(js(c, "tzid"), "Europe/Berlin");
  assert_int_equal(json_integer_value(json_object_get(c, "duration_min")), 45);
  assert_string_equal(js(c, "url"), "https://meet.google.com/abc-defg-hij");
  co_classify_cal_t cal;
  co_classify_cal_from_json(c, &cal);
  co_classify_input_t in = {.subject = "Canceled event", .body = "", .calendar = &cal};
  co_classify_when_t w;
  co_classify_when_extract(&in, &w);
  assert_string_equal(w.status, "cancelled");
  assert_string_equal(w.zone, "Europe/Berlin");
  assert_string_equal(w.local, "2026-03-30T10:00:00+02:00");
  json_decref(c);
}

/* A whole message through ingest: the Eastern invitation. */
static void when_of_mail(const char *text, co_classify_when_t *w) {
  char raw[8192], *out = NULL, err[256];
  snprintf(raw, sizeof(raw),
           "From: Harbor Talent <talent@harbor.example>\r\nTo: riley@example.net\r\nSubject: Interview (EST) - Harbor\r\n"
           "Date: Mon, 07 Dec 2026 09:00:00 -0500\r\nMessage-ID: <inv-1@harbor.example>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "%s\r\n--b\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n"
           "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:inv-1\r\n"
           "DTSTART:20261214T150000Z\r\nDTEND:20261214T160000Z\r\nSUMMARY:Interview\r\n"
           "LOCATION:https://harbor.zoom.us/j/7778889990\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--b--\r\n",
           text);
  co_ingest_src_t src = {.account = "a", .cursor_json = "{\"kind\":\"file\",\"path\":\"x.eml\",\"offset\":0}"};
  assert_int_equal(co_ingest_normalize(raw, strlen(raw), &src, &out, err, sizeof(err)), CO_OK);
  json_t *ev = json_loads(out, 0, NULL);
  assert_non_null(ev);
  assert_string_equal(js(ev, "date"), "2026-12-07T14:00:00Z");
  assert_string_equal(js(ev, "date_zone"), "-05:00"); /* the sender's offset, which "date" drops */
  co_classify_cal_t cal;
  assert_int_equal(co_classify_cal_from_json(json_object_get(ev, "calendar"), &cal), 1);
  co_classify_input_t in = {.subject = js(ev, "subject"), .body = js(ev, "text"), .date = js(ev, "date"), .calendar = &cal};
  co_classify_when_extract(&in, w);
  printf("got %s %s %s %d %s\n", w->at_utc, w->local, w->zone, w->minutes, w->link);
  json_decref(ev);
  free(out);
}

static void eastern_invite_calendar_part_wins(void **state) {
  (void)state;
  co_classify_when_t w;
  when_of_mail("Hi Riley,\r\n\r\nYour interview is on Monday, December 14 from 10:00 - 11:00 AM Eastern.\r\n", &w);
  assert_string_equal(w.at_utc, "2026-12-14T15:00:00Z");
  assert_string_equal(w.zone, "America/New_York"); /* the text names the zone the instant is shown in */
  assert_string_equal(w.local, "2026-12-14T10:00:00-05:00");
  assert_int_equal(w.minutes, 60);
  assert_string_equal(w.link, "https://harbor.zoom.us/j/7778889990");
  /* a text that disagrees with the part loses */
  when_of_mail("Hi Riley, see you Monday, December 14 at 10:00 AM (our time, UTC).", &w);
  assert_string_equal(w.at_utc, "2026-12-14T15:00:00Z");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(vtimezone_and_fields), cmocka_unit_test(system_tz_duration_and_cancel),
                                     cmocka_unit_test(eastern_invite_calendar_part_wins)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
