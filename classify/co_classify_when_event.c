/* co_classify_when_event.c: one email's interview time, zone, duration,
 * link or place, status and candidate slots, from its calendar part and
 * its text (co_classify_when.h).
 *
 * Order: the calendar part's instant, duration and status win; the text
 * fills what the part lacks. Among text slots, one marked as the previous
 * time ("instead of ...") is dropped; the first slot after the latest
 * reschedule cue that has a slot after it is the new time (a cue with no
 * time after it, "we'll propose a new time", announces nothing yet);
 * otherwise the first slot is the time and every distinct slot a candidate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_when_int.h"

int co_classify_cal_from_json(json_t *c, co_classify_cal_t *cal) {
  memset(cal, 0, sizeof(*cal));
  if (!json_is_object(c)) return 0;
  cal->method = json_string_value(json_object_get(c, "method"));
  cal->start_utc = json_string_value(json_object_get(c, "start_utc"));
  const char *ds = json_string_value(json_object_get(c, "dtstart"));
  if (ds && strlen(ds) == 10) cal->start_date = ds;
  if (!cal->start_utc && ds && strlen(ds) == 20 && ds[19] == 'Z') cal->start_utc = ds;
  cal->tzid = json_string_value(json_object_get(c, "tzid"));
  if (!cal->tzid) cal->tzid = json_string_value(json_object_get(c, "dtstart_tzid"));
  cal->minutes = (int)json_integer_value(json_object_get(c, "duration_min"));
  cal->sequence = (int)json_integer_value(json_object_get(c, "sequence"));
  cal->status = json_string_value(json_object_get(c, "status"));
  cal->location = json_string_value(json_object_get(c, "location"));
  cal->url = json_string_value(json_object_get(c, "url"));
  cal->description = json_string_value(json_object_get(c, "description"));
  return 1;
}

static void put(char *out, size_t sz, const char *tmp) {
  size_t n = strlen(tmp);
  if (n >= sz) n = sz - 1;
  memcpy(out, tmp, n);
  out[n] = 0;
}

static void fmt_utc(long long utc, char *out, size_t sz) {
  long long days = utc >= 0 ? utc / 86400 : -((-utc + 86399) / 86400);
  long long sec = utc - days * 86400;
  int y, m, d;
  co_cls_civil_from_days((long)days, &y, &m, &d);
  char tmp[96];
  snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(sec / 3600), (int)(sec / 60 % 60),
           (int)(sec % 60));
  put(out, sz, tmp);
}

static void fmt_local(long long utc, int off, char *out, size_t sz) {
  long long l = utc + off * 60LL;
  long long days = l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
  long long sec = l - days * 86400;
  int y, m, d;
  co_cls_civil_from_days((long)days, &y, &m, &d);
  char tmp[96];
  snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d, (int)(sec / 3600),
           (int)(sec / 60 % 60), (int)(sec % 60), off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60);
  put(out, sz, tmp);
}

static void fmt_offset(int off, char *out, size_t sz) { snprintf(out, sz, "%c%02d:%02d", off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60); }

/* "2026-12-14T15:00:00Z" (or with an offset) to seconds since the epoch. */
static int parse_instant(const char *s, long long *utc) {
  int y, mo, d, h, mi, sec = 0, n = 0, n_min = 0;
  /* %n after the minutes too: without seconds the zone starts there (a
   * search from a fixed column would run past the end of a short value). */
  if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d%n:%2d%n", &y, &mo, &d, &h, &mi, &n_min, &sec, &n) < 5) return 0;
  if (!co_cls_valid_date(y, mo, d)) return 0;
  *utc = (long long)co_cls_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
  const char *z = s + (n ? n : n_min);
  int hh, mm;
  if ((*z == '+' || *z == '-') && sscanf(z + 1, "%2d:%2d", &hh, &mm) == 2)
    *utc -= (*z == '-' ? -1 : 1) * (hh * 3600LL + mm * 60LL);
  return 1;
}

/* The zone to report for a slot: the IANA name when its offset agrees. */
static void zone_name(const co_cls_zone_t *z, long long utc, int off, char *out, size_t sz) {
  int zo;
  if (z->iana[0] && (!z->has_fixed || (co_cls_zone_offset_utc(z->iana, utc, &zo) && zo == off)))
    snprintf(out, sz, "%s", z->iana);
  else
    fmt_offset(off, out, sz);
}

static void from_calendar(const co_classify_cal_t *cal, co_classify_when_t *w) {
  long long utc;
  if (cal->start_utc && parse_instant(cal->start_utc, &utc)) {
    int off = 0;
    const char *tz = cal->tzid && co_cls_zone_known(cal->tzid) ? cal->tzid : NULL;
    if (tz) co_cls_zone_offset_utc(tz, utc, &off);
    fmt_utc(utc, w->at_utc, sizeof(w->at_utc));
    fmt_local(utc, off, w->local, sizeof(w->local));
    snprintf(w->zone, sizeof(w->zone), "%s", tz ? tz : "UTC");
    snprintf(w->source, sizeof(w->source), "calendar");
  } else if (cal->start_date) {
    snprintf(w->date, sizeof(w->date), "%.10s", cal->start_date);
    snprintf(w->source, sizeof(w->source), "calendar");
  }
  if (cal->minutes > 0 && cal->minutes <= 24 * 60) w->minutes = cal->minutes;
  int cancel = (cal->method && !strcasecmp(cal->method, "CANCEL")) || (cal->status && !strcasecmp(cal->status, "CANCELLED"));
  if (cancel) snprintf(w->status, sizeof(w->status), "cancelled");
  else if (cal->sequence > 0) snprintf(w->status, sizeof(w->status), "rescheduled");
  else if (w->source[0]) snprintf(w->status, sizeof(w->status), "scheduled");
  /* the link: URL, then a meeting URL in LOCATION or DESCRIPTION, then the place */
  const char *srcs[] = {cal->url, cal->location, cal->description};
  for (int i = 0; i < 3 && !w->link[0]; i++)
    if (srcs[i]) {
      char out[512], kind[12];
      if (co_cls_extract_link(srcs[i], strlen(srcs[i]), out, sizeof(out), kind, sizeof(kind)) && strcmp(kind, "address"))
        snprintf(w->link, sizeof(w->link), "%s", out), snprintf(w->link_kind, sizeof(w->link_kind), "%s", kind);
    }
  if (!w->link[0] && cal->location && strlen(cal->location) >= 6) {
    snprintf(w->link, sizeof(w->link), "%s", cal->location);
    snprintf(w->link_kind, sizeof(w->link_kind), "address");
  }
}

/* Fills what the calendar left empty from the text's slots. */
static void from_text(const co_cls_found_t *f, co_classify_when_t *w) {
  /* a reschedule: the first slot after the latest cue that has one after it
   * ("moved to Friday at 11"); a cue with no slot after it ("we'll propose a
   * new time") announces nothing yet */
  int first = -1, resched = 0;
  for (int c = f->n_resched - 1; c >= 0 && first < 0; c--)
    for (int i = 0; i < f->n && first < 0; i++)
      if (!f->slot[i].old && f->slot[i].pos > f->resched_pos[c]) first = i, resched = 1;
  for (int i = 0; i < f->n && first < 0; i++)
    if (!f->slot[i].old) first = i;
  if (!strcmp(w->source, "calendar") && !strcmp(w->zone, "UTC") && first >= 0) {
    /* a UTC DTSTART: show it in the zone the text names, when the text agrees */
    long long utc, cal;
    int off;
    if (co_cls_slot_instant(&f->slot[first], &utc, &off) && parse_instant(w->at_utc, &cal) && utc / 60 == cal / 60) {
      fmt_local(utc, off, w->local, sizeof(w->local));
      zone_name(&f->slot[first].zone, utc, off, w->zone, sizeof(w->zone));
    }
  }
  if (!w->source[0] && first >= 0) {
    const co_cls_slot_t *s = &f->slot[first];
    long long utc;
    int off;
    if (co_cls_slot_instant(s, &utc, &off)) {
      fmt_utc(utc, w->at_utc, sizeof(w->at_utc));
      fmt_local(utc, off, w->local, sizeof(w->local));
      zone_name(&s->zone, utc, off, w->zone, sizeof(w->zone));
    } else {
    {
      char tmp[96];
      snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02d:00", s->y, s->m, s->d, s->h, s->mi);
      put(w->local, sizeof(w->local), tmp);
    }
    }
    snprintf(w->source, sizeof(w->source), "text");
    if (!resched) /* several proposed slots: candidates */
      for (int i = 0; i < f->n && w->n_candidates < CO_CLASSIFY_WHEN_SLOTS; i++) {
        if (f->slot[i].old) continue;
        if (co_cls_slot_instant(&f->slot[i], &utc, &off))
          fmt_utc(utc, w->candidates[w->n_candidates++], sizeof(w->candidates[0]));
      }
    if (w->n_candidates < 2) w->n_candidates = 0;
  } else if (!w->source[0] && f->has_date_only) {
    char tmp[96];
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", f->date_only.y, f->date_only.m, f->date_only.d);
    put(w->date, sizeof(w->date), tmp);
    snprintf(w->source, sizeof(w->source), "text");
  }
  if (!w->minutes) {
    if (first >= 0 && f->slot[first].minutes) w->minutes = f->slot[first].minutes;
    else if (f->minutes) w->minutes = f->minutes;
  }
  if (!w->status[0] || !strcmp(w->status, "scheduled")) {
    if (f->cancelled && !resched) snprintf(w->status, sizeof(w->status), "cancelled");
    else if (resched) snprintf(w->status, sizeof(w->status), "rescheduled");
    else if (w->source[0]) snprintf(w->status, sizeof(w->status), "scheduled");
  }
}

void co_classify_when_extract(const co_classify_input_t *in, co_classify_when_t *out) {
  memset(out, 0, sizeof(*out));
  if (!in) return;
  const char *subj = in->subject ? in->subject : "", *body = in->body ? in->body : "";
  size_t sl = strlen(subj), bl = co_cls_unquoted_len(body);
  char *text = malloc(sl + bl + 3);
  co_cls_found_t *f = malloc(sizeof(*f));
  if (!text || !f) goto out;
  memcpy(text, subj, sl);
  memcpy(text + sl, "\n\n", 2);
  memcpy(text + sl + 2, body, bl);
  text[sl + 2 + bl] = 0;
  if (in->calendar) from_calendar(in->calendar, out);
  co_cls_tm_t ref;
  int have_ref = co_cls_parse_date_header(in->date, &ref) == 0;
  co_cls_find_slots(text, sl + 2 + bl, have_ref ? &ref : NULL, f);
  from_text(f, out);
  if (!out->link[0]) co_cls_extract_link(text, sl + 2 + bl, out->link, sizeof(out->link), out->link_kind, sizeof(out->link_kind));
out:
  free(f);
  free(text);
}

const char *co_classify_when_iso(const co_classify_when_t *w) { return w->local[0] ? w->local : w->date; }

static json_t *str_or_null(const char *s) { return s && *s ? json_string(s) : json_null(); }

int co_classify_when_to_json(const co_classify_when_t *w, json_t *o) {
  json_t *c = json_array();
  if (!c) return -1;
  for (int i = 0; i < w->n_candidates; i++) json_array_append_new(c, json_string(w->candidates[i]));
  int rc = json_object_set_new(o, "interview_utc", str_or_null(w->at_utc)) ||
           json_object_set_new(o, "interview_zone", str_or_null(w->zone)) ||
           json_object_set_new(o, "interview_minutes", w->minutes ? json_integer(w->minutes) : json_null()) ||
           json_object_set_new(o, "interview_link", str_or_null(w->link)) ||
           json_object_set_new(o, "interview_link_kind", str_or_null(w->link_kind)) ||
           json_object_set_new(o, "interview_status", str_or_null(w->status));
  if (rc) json_decref(c); /* not handed over: an earlier field failed (not UTF-8) */
  else rc = json_object_set_new(o, "interview_candidates", c);
  return rc ? -1 : 0;
}
