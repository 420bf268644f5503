/* co_classify_when_int.h: internals of the interview time/place extractor
 * (co_classify_when*.c). Not
 * installed; tests and the eval may use it. */
#ifndef CO_CLASSIFY_WHEN_INT_H
#define CO_CLASSIFY_WHEN_INT_H

#include <stddef.h>

#include "co_classify_int.h"
#include "co_classify_when.h"

/* ---- civil dates (co_classify_when_zone.c) ---- */
long co_cls_days_from_civil(int y, int m, int d);
void co_cls_civil_from_days(long z, int *y, int *m, int *d);
int co_cls_weekday(long days); /* 0 = Sunday */
int co_cls_valid_date(int y, int m, int d);

/* ---- zones (co_classify_when_zone.c) ---- */

/* A zone as stated: an IANA name (the tz database decides the offset for a
 * date), or a fixed offset (EST, CET, UTC+2), or both when a literal
 * abbreviation belongs to a zone (EST: -05:00, America/New_York). */
typedef struct co_cls_zone_s {
  char iana[48]; /* "" if none */
  int fixed;     /* minutes east of UTC, when has_fixed */
  int has_fixed;
} co_cls_zone_t;

/* 1 if name is an IANA zone the system tz database knows. */
int co_cls_zone_known(const char *iana);

/* Offset (minutes east of UTC) of z at local wall time y-m-d h:mi; 0 if the
 * zone cannot be read (*off untouched). */
int co_cls_zone_offset_local(const co_cls_zone_t *z, int y, int m, int d, int h, int mi, int *off);

/* Offset of an IANA zone at the UTC instant utc (seconds since the epoch). */
int co_cls_zone_offset_utc(const char *iana, long long utc, int *off);

/* Looks up a zone phrase of nw lower-case words ("pacific", "time").
 * Returns the words used (longest match) and fills *z; 0 if none. upper[i]
 * tells whether word i was all capitals in the source; abbreviations need
 * it ("ET" but not French "et", "IST" but not German "ist"). global != 0 asks
 * only for phrases that name a zone standing alone ("Eastern Time", "CET"),
 * not bare words like "eastern". */
int co_cls_zone_lookup(const char *const *words, const int *upper, int nw, int global, co_cls_zone_t *z);

/* Language of a text, by stop words: "en", "de", "es", "fr", "pt", "nl", "it". */
const char *co_cls_guess_lang(const char *text, size_t len);

/* The sender's likely zone from the Date header's offset at its instant and
 * the text's language (an offset alone does not say when DST changes). 0 if
 * no listed zone has that offset then. */
int co_cls_guess_zone(const co_cls_tm_t *ref, const char *lang, co_cls_zone_t *z);

/* ---- words and lexer (co_classify_when_lex.c) ---- */

enum { CO_TK_WORD, CO_TK_NUM, CO_TK_TIME, CO_TK_DATE, CO_TK_PUNCT };

typedef struct co_cls_tk_s {
  int type;
  int a, b, c;  /* NUM: value, digits, ordinal; TIME: h, m, meridiem 0/1 am/2 pm; DATE: year|0, first, second */
  int dayfirst; /* DATE: 1 for d.m., 2 for ISO, 0 for an ambiguous a/b */
  int lead0;    /* TIME: the hour was written with a leading zero ("08:00") */
  int upper;    /* WORD: all capitals in the source */
  int pos, end; /* byte range in the normalized text */
  int sent;
  char w[32];
} co_cls_tk_t;

#define CO_CLS_MAXTK 3000

/* 1..12 for a month name or abbreviation in en, de, es, fr, pt, nl, it; else 0. */
int co_cls_month_of(const char *w);
/* 0 (Sunday)..6 for a weekday name; -1 if none. *pt_ordinal is set for
 * the Portuguese ordinal names ("segunda"), which are weekdays only with
 * "-feira" or a date next to them. */
int co_cls_wday_of(const char *w, int *pt_ordinal);
/* Joins single line breaks into spaces (a blank line stays a break), maps
 * dashes, NBSPs and curly quotes to ASCII. Returns a malloc'd copy (caller
 * frees) and its length, or NULL. */
char *co_cls_when_normalize(const char *t, size_t len, size_t *out_len);
/* Lexes normalized text into at most CO_CLS_MAXTK tokens; returns the count. */
int co_cls_when_lex(const char *t, size_t len, co_cls_tk_t *tk);

/* ---- text matching (co_classify_when.c) ---- */

typedef struct co_cls_slot_s {
  int y, m, d, h, mi;      /* local wall time */
  int has_time;
  int minutes;             /* from a range, 0 if none */
  co_cls_zone_t zone;      /* as stated next to the time, else the text's, else guessed */
  int zone_stated;
  int pos;                 /* byte offset of the mention in the normalized text */
  int old;                 /* marked as the previous time ("instead of ...") */
} co_cls_slot_t;

typedef struct co_cls_found_s {
  co_cls_slot_t slot[8];
  int n;
  co_cls_slot_t date_only; /* first date without a time, when no slot */
  int has_date_only;
  int minutes;             /* a stated duration ("45 minutes"), 0 if none */
  int resched_pos[8];      /* byte offsets of reschedule cues, in text order */
  int n_resched;
  int cancelled;           /* a cancellation is stated */
} co_cls_found_t;

/* Normalizes text (joins hard-wrapped lines, dashes and NBSPs) and finds
 * every date+time slot, the stated duration and the status cues. ref may
 * be NULL (then only dates with a year resolve). */
void co_cls_find_slots(const char *text, size_t len, const co_cls_tm_t *ref, co_cls_found_t *f);

/* Instant of a slot: seconds since the epoch and the offset used. 0 if the
 * slot has no known offset. */
int co_cls_slot_instant(const co_cls_slot_t *s, long long *utc, int *off);

/* ---- links (co_classify_when_link.c) ---- */

/* The meeting link or place in text: the first Zoom, Meet, Teams or Webex
 * URL (kind "zoom", ...), else another video-call URL ("video"), else a
 * phone number next to a phone word ("phone", out "tel:+..."), else a street
 * address after "Address:" or "our office at" ("address"). 1 if found. */
int co_cls_extract_link(const char *text, size_t len, char *out, size_t out_size, char *kind, size_t kind_size);

#endif
