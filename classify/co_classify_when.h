/* co_classify_when.h: when and where an interview is, from an email's
 * text/calendar part and its text.
 *
 * The calendar part wins: its DTSTART is an instant (ingest resolves TZID
 * with the part's VTIMEZONE or the system tz database), its DTEND the
 * duration, METHOD/STATUS/SEQUENCE the status. The text gives what the part
 * lacks: time-zone names and abbreviations resolved with the system tz
 * database (through libical), ranges, relative dates against the Date
 * header, seven languages (en, de, es, fr, pt, nl, it), several proposed
 * slots, reschedules and cancellations, and the meeting link or place.
 *
 * Threads: every function here is reentrant; results go to caller buffers. */
#ifndef CO_CLASSIFY_WHEN_H
#define CO_CLASSIFY_WHEN_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "co_err.h"

#define CO_CLASSIFY_WHEN_SLOTS 4

/* A text/calendar part as ingest reports it (docs/event-schema.md,
 * "calendar"). Strings are borrowed; any may be NULL. */
typedef struct co_classify_cal_s {
  const char *method;      /* METHOD: "REQUEST", "CANCEL", ... */
  const char *start_utc;   /* DTSTART as an instant, "2026-12-14T15:00:00Z" */
  const char *start_date;  /* all-day DTSTART, "2026-12-14" */
  const char *tzid;        /* DTSTART's TZID, if any */
  int minutes;             /* DTEND - DTSTART, 0 if unknown */
  int sequence;            /* SEQUENCE, 0 if absent */
  const char *status;      /* VEVENT STATUS: "CONFIRMED", "CANCELLED", ... */
  const char *location, *url, *description;
} co_classify_cal_t;

/* Reads an event's "calendar" object into *cal (strings borrowed from it).
 * 1 if it held a usable part, 0 if cal is not an object. */
int co_classify_cal_from_json(json_t *calendar, co_classify_cal_t *cal);

/* Caller-owned, fixed buffers: nothing to free. Strings are "" when unknown. */
typedef struct co_classify_when_s {
  char at_utc[24];     /* the instant, "2026-12-14T15:00:00Z" */
  char local[32];      /* the same instant in its zone, "2026-12-14T10:00:00-05:00";
                          without any known zone a floating "2026-12-14T10:00:00" */
  char date[12];       /* the date alone when no time was found, "2026-12-10" */
  char zone[48];       /* the original zone: IANA name ("America/New_York") or offset ("+02:00") */
  int minutes;         /* duration, 0 if unknown */
  char link[512];      /* meeting URL, "tel:+14155550134", or a street address */
  char link_kind[12];  /* "zoom", "meet", "teams", "webex", "video", "phone", "address" or "" */
  char status[16];     /* "scheduled", "rescheduled", "cancelled" or "" */
  char source[12];     /* "calendar" or "text" (where the instant came from), or "" */
  int n_candidates;    /* proposed slots when the email offers several (incl. the first) */
  char candidates[CO_CLASSIFY_WHEN_SLOTS][24]; /* their instants, UTC, in text order */
} co_classify_when_t;

struct co_classify_input_s;

/* Extracts when/where from in (subject, body, date, calendar) into *out
 * (fully overwritten). Never fails; an email that states nothing leaves
 * every field empty. */
void co_classify_when_extract(const struct co_classify_input_s *in, co_classify_when_t *out);

/* The instant or date to show as interview_at: local if set, else date. */
const char *co_classify_when_iso(const co_classify_when_t *w);

/* Adds the fields of w to obj as "interview_utc", "interview_zone",
 * "interview_minutes", "interview_link", "interview_link_kind",
 * "interview_status", "interview_candidates" (null / [] when unknown).
 * 0 on success, -1 on allocation failure. */
int co_classify_when_to_json(const co_classify_when_t *w, json_t *obj);

/* ---- the extraction eval (co_classify_eval_when.c) ---- */

/* Counts of one run over an extraction set. A rate's denominator is the
 * rows whose gold has that field. */
typedef struct co_classify_when_eval_s {
  int rows;                 /* usable rows */
  int time_n, time_ok;      /* gold instant; same instant to the minute */
  int date_only;            /* of time_n: only a date was found */
  int dur_n, dur_ok;        /* gold duration; same minutes */
  int link_n, link_ok;      /* gold link; same URL, phone or address */
  int status_n, status_ok;  /* gold status */
  int cand_n, cand_ok;      /* gold candidates; the same instants */
} co_classify_when_eval_t;

/* Runs co_classify_when_extract() over a JSON-lines extraction set (fields
 * subject, from, date, body, calendar (an event's "calendar" object or
 * null), gold {utc, date, minutes, link, status, candidates}; others
 * ignored) and writes time exact-match, duration, link, status and
 * "date only" rates to out (text, or one JSON object when json != 0), with
 * the first misses when verbose. Fills *res when not NULL. Bad lines are
 * reported with their line number and skipped; fails only on I/O or when no
 * line is usable. */
co_err_t co_classify_eval_when(const char *jsonl_path, FILE *out, int json, int verbose, co_classify_when_eval_t *res,
                               char *errstr, size_t errstr_size);

#endif
