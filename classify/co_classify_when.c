/* co_classify_when.c: the Date header, and the interview date/time an email
 * proposes, as ISO-8601.
 *
 * The text is lexed into words, numbers, clock times and numeric dates, then
 * date forms ("April 15", "15th of April", "4/15", "2025-04-15", "tomorrow",
 * "this/next Friday", "Friday") and time forms ("3pm", "3:30 PM ET", "15:00",
 * "noon") are matched on the token stream. The first date that has a time in
 * the same sentence wins; otherwise the first date alone (date-only output).
 * Relative forms resolve against the Date header's local date. "next
 * Tuesday" means the Tuesday of the following week when this week's Tuesday
 * is still ahead (sent Monday: 8 days), else the coming Tuesday. A stated
 * zone ("ET", "PST", "CET") sets the offset, US generic zones follow US
 * daylight time; otherwise the Date header's offset is used. Numeric d/m vs
 * m/d: whichever is unambiguous, else m/d for senders west of UTC. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_int.h"

/* Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant. */
static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int weekday(long days) { return (int)(((days % 7) + 11) % 7); } /* 0 = Sunday */

static int days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}

static int valid_date(int y, int m, int d) { return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

static const char *const MONTHS[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const WDAYS[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

static int month_of(const char *w) {
  size_t n = strlen(w);
  if (n < 3) return 0;
  static const char *const FULL[] = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                                     "october", "november", "december"};
  for (int i = 0; i < 12; i++) {
    if (strcmp(w, FULL[i]) == 0 || (n == 3 && strcmp(w, MONTHS[i]) == 0)) return i + 1;
  }
  if (strcmp(w, "sept") == 0) return 9;
  return 0;
}

static int wday_of(const char *w) {
  for (int i = 0; i < 7; i++) {
    if (strcmp(w, WDAYS[i]) == 0) return i;
    if (strlen(w) == 3 && strncmp(w, WDAYS[i], 3) == 0) return i;
  }
  if (!strcmp(w, "tues")) return 2;
  if (!strcmp(w, "thurs")) return 4;
  return -1;
}

/* US daylight time: second Sunday of March to first Sunday of November. */
static int us_dst(int y, int m, int d) {
  long day = days_from_civil(y, m, d);
  long mar1 = days_from_civil(y, 3, 1), nov1 = days_from_civil(y, 11, 1);
  long start = mar1 + (7 - weekday(mar1)) % 7 + 7;
  long end = nov1 + (7 - weekday(nov1)) % 7;
  return day >= start && day < end;
}

/* Offset in minutes for a zone word, given the local date; 1 if known. */
static int zone_offset(const char *w, int y, int m, int d, int *off) {
  static const struct {
    const char *n;
    int off;
    int us; /* generic US zone: standard offset, +60 in daylight time */
  } Z[] = {{"et", -300, 1},   {"eastern", -300, 1}, {"est", -300, 0},  {"edt", -240, 0},  {"ct", -360, 1},
           {"central", -360, 1}, {"cst", -360, 0}, {"cdt", -300, 0},  {"mt", -420, 1},   {"mountain", -420, 1},
           {"mst", -420, 0},  {"mdt", -360, 0},     {"pt", -480, 1},   {"pacific", -480, 1}, {"pst", -480, 0},
           {"pdt", -420, 0},  {"gmt", 0, 0},        {"utc", 0, 0},     {"z", 0, 0},      {"bst", 60, 0},
           {"cet", 60, 0},    {"cest", 120, 0},     {"ist", 330, 0},   {"aest", 600, 0}, {"jst", 540, 0},
           {"sgt", 480, 0},   {"ut", 0, 0},         {NULL, 0, 0}};
  for (int i = 0; Z[i].n; i++)
    if (strcmp(w, Z[i].n) == 0) {
      *off = Z[i].off + (Z[i].us && us_dst(y, m, d) ? 60 : 0);
      return 1;
    }
  return 0;
}

int co_cls_parse_date_header(const char *s, co_cls_tm_t *t) {
  memset(t, 0, sizeof(*t));
  if (!s) return -1;
  while (isspace((unsigned char)*s)) s++;
  int n = 0;
  /* ISO-8601 / "YYYY-MM-DD HH:MM:SS" */
  if (sscanf(s, "%4d-%2d-%2d%n", &t->y, &t->mo, &t->d, &n) == 3 && n == 10) {
    const char *p = s + n;
    if ((*p == 'T' || *p == ' ') && sscanf(p + 1, "%2d:%2d%n", &t->h, &t->mi, &n) == 2) {
      t->has_time = 1;
      p += 1 + n;
      if (*p == ':' && sscanf(p + 1, "%2d%n", &t->s, &n) == 1) p += 1 + n;
      if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++) {
        }
      while (*p == ' ') p++;
      int hh, mm;
      if (*p == 'Z') {
        t->has_tz = 1;
      } else if ((*p == '+' || *p == '-') && (sscanf(p + 1, "%2d:%2d", &hh, &mm) == 2 || sscanf(p + 1, "%2d%2d", &hh, &mm) == 2)) {
        t->has_tz = 1;
        t->tz_min = (*p == '-' ? -1 : 1) * (hh * 60 + mm);
      }
    }
    return valid_date(t->y, t->mo, t->d) ? 0 : -1;
  }
  /* RFC 5322: [Day, ] D Mon YYYY HH:MM[:SS] zone */
  const char *comma = strchr(s, ',');
  if (comma && comma - s <= 10) s = comma + 1;
  char mon[16], zone[16] = "";
  int c = sscanf(s, " %d %15s %d %d:%d%n", &t->d, mon, &t->y, &t->h, &t->mi, &n);
  if (c < 3) return -1;
  for (char *p = mon; *p; p++) *p = (char)tolower((unsigned char)*p);
  mon[3] = 0;
  t->mo = month_of(mon);
  if (t->y < 100) t->y += t->y < 50 ? 2000 : 1900;
  if (!valid_date(t->y, t->mo, t->d)) return -1;
  if (c < 5) return 0;
  t->has_time = 1;
  const char *p = s + n;
  if (*p == ':') {
    int k;
    if (sscanf(p + 1, "%d%n", &t->s, &k) == 1) p += 1 + k;
  }
  if (sscanf(p, " %15s", zone) == 1) {
    int hh, mm;
    if ((zone[0] == '+' || zone[0] == '-') && strlen(zone) >= 5 && sscanf(zone + 1, "%2d%2d", &hh, &mm) == 2) {
      t->has_tz = 1;
      t->tz_min = (zone[0] == '-' ? -1 : 1) * (hh * 60 + mm);
    } else {
      for (char *q = zone; *q; q++) *q = (char)tolower((unsigned char)*q);
      if (zone_offset(zone, t->y, t->mo, t->d, &t->tz_min)) t->has_tz = 1;
    }
  }
  return 0;
}

/* ---------------------------------------------------------------- lexer */

enum { T_WORD, T_NUM, T_TIME, T_DATE, T_PUNCT };

typedef struct tk_s {
  int type;
  int a, b, c;   /* NUM: value, digits, ordinal; TIME: h, m, ampm(0/1/2); DATE: y|0, first, second */
  char w[16];
  int sent;
} tk_t;

#define MAXTK 1500

static int lex(const char *t, size_t len, tk_t *tk) {
  int n = 0, sent = 0;
  size_t i = 0;
  while (i < len && n < MAXTK) {
    unsigned char ch = (unsigned char)t[i];
    if (ch == '\n' || ch == '!' || ch == '?' || (ch == '.' && (i + 1 >= len || isspace((unsigned char)t[i + 1])))) {
      sent++;
      i++;
      continue;
    }
    if (isspace(ch)) {
      i++;
      continue;
    }
    tk_t *k = &tk[n];
    memset(k, 0, sizeof(*k));
    k->sent = sent;
    if (isdigit(ch)) {
      size_t st = i;
      long v = 0;
      while (i < len && isdigit((unsigned char)t[i]) && i - st < 9) v = v * 10 + (t[i++] - '0');
      int nd = (int)(i - st);
      int a2, b2, c2, used;
      if (nd == 4 && i + 5 < len && t[i] == '-' && sscanf(t + i, "-%2d-%2d%n", &b2, &c2, &used) == 2 && used == 6) {
        k->type = T_DATE;
        k->a = (int)v;
        k->b = b2;
        k->c = c2;
        i += (size_t)used;
      } else if (nd <= 2 && i + 1 < len && t[i] == ':' && isdigit((unsigned char)t[i + 1])) {
        k->type = T_TIME;
        k->a = (int)v;
        k->b = (int)strtol(t + i + 1, NULL, 10);
        i++;
        while (i < len && isdigit((unsigned char)t[i])) i++;
      } else if (nd <= 2 && i + 1 < len && t[i] == '/' && isdigit((unsigned char)t[i + 1])) {
        k->type = T_DATE;
        k->b = (int)v;
        used = 0;
        if (sscanf(t + i, "/%2d%n", &a2, &used) == 1) k->c = a2;
        i += (size_t)used;
        if (i + 1 < len && t[i] == '/' && sscanf(t + i, "/%4d%n", &a2, &used) == 1) {
          k->a = a2 < 100 ? a2 + 2000 : a2;
          i += (size_t)used;
        }
        k->a = k->a ? k->a : 0;
        k->a = -k->a - 1; /* negative marks a numeric d/m form; -1 = no year */
      } else {
        k->type = T_NUM;
        k->a = (int)v;
        k->b = nd;
      }
      /* attached suffixes: 3pm, 15th */
      if (k->type == T_NUM || k->type == T_TIME) {
        size_t j = i;
        while (j < len && t[j] == ' ') j++;
        if (j + 1 < len && (tolower((unsigned char)t[j]) == 'a' || tolower((unsigned char)t[j]) == 'p')) {
          int pm = tolower((unsigned char)t[j]) == 'p';
          size_t e = 0;
          if (tolower((unsigned char)t[j + 1]) == 'm' && (j + 2 >= len || !isalpha((unsigned char)t[j + 2])))
            e = j + 2;
          else if (j + 3 < len && t[j + 1] == '.' && tolower((unsigned char)t[j + 2]) == 'm' && t[j + 3] == '.')
            e = j + 4;
          if (e) {
            if (k->type == T_NUM) {
              k->type = T_TIME;
              k->b = 0;
              k->a = (int)v;
            }
            k->c = pm ? 2 : 1;
            i = e;
          }
        }
        if (k->type == T_NUM && i + 1 < len && isalpha((unsigned char)t[i])) {
          char s2[3] = {(char)tolower((unsigned char)t[i]), (char)tolower((unsigned char)t[i + 1]), 0};
          if (!strcmp(s2, "st") || !strcmp(s2, "nd") || !strcmp(s2, "rd") || !strcmp(s2, "th")) {
            k->c = 1;
            i += 2;
          }
        }
      }
      while (i < len && isalnum((unsigned char)t[i])) i++;
      n++;
      continue;
    }
    if (isalpha(ch)) {
      size_t wl = 0;
      while (i < len && isalpha((unsigned char)t[i])) {
        if (wl < sizeof(k->w) - 1) k->w[wl++] = (char)tolower((unsigned char)t[i]);
        i++;
      }
      k->type = T_WORD;
      n++;
      continue;
    }
    k->type = T_PUNCT;
    k->w[0] = (char)ch;
    i++;
    n++;
  }
  return n;
}

/* ---------------------------------------------------------------- match */

typedef struct hit_s {
  int ok, y, m, d, sent, at; /* at: token index after the match */
} dhit_t;

static int resolve_year(const co_cls_tm_t *ref, int m, int d) {
  if (!ref) return 0;
  int y = ref->y;
  if (days_from_civil(y, m, d) < days_from_civil(ref->y, ref->mo, ref->d) - 60) y++;
  return y;
}

static void set_rel(dhit_t *h, const co_cls_tm_t *ref, int add) {
  if (!ref) return;
  long z = days_from_civil(ref->y, ref->mo, ref->d) + add;
  civil_from_days(z, &h->y, &h->m, &h->d);
  h->ok = 1;
}

static int is_day_num(const tk_t *k) { return k->type == T_NUM && k->b <= 2 && k->a >= 1 && k->a <= 31; }

/* Tries every date form at token i. */
static dhit_t date_at(const tk_t *tk, int n, int i, const co_cls_tm_t *ref) {
  dhit_t h = {0};
  const tk_t *k = &tk[i];
  h.sent = k->sent;
  h.at = i + 1;
  if (k->type == T_DATE && k->a > 0) { /* ISO */
    if (valid_date(k->a, k->b, k->c)) h.ok = 1, h.y = k->a, h.m = k->b, h.d = k->c;
    return h;
  }
  if (k->type == T_DATE) { /* numeric a/b[/y] */
    int x = k->b, y2 = k->c, yr = -k->a - 1, m, d;
    if (x > 12) d = x, m = y2;
    else if (y2 > 12) m = x, d = y2;
    else if (ref && ref->has_tz && ref->tz_min < 0) m = x, d = y2;
    else d = x, m = y2;
    if (m < 1 || m > 12 || d < 1 || d > 31) return h;
    if (!yr) yr = resolve_year(ref, m, d);
    if (valid_date(yr, m, d)) h.ok = 1, h.y = yr, h.m = m, h.d = d;
    return h;
  }
  if (k->type != T_WORD) return h;
  int mo = month_of(k->w);
  if (mo && i + 1 < n && is_day_num(&tk[i + 1])) { /* April 15[, 2025] */
    int d = tk[i + 1].a, yr = 0, j = i + 2;
    if (j < n && tk[j].type == T_PUNCT && tk[j].w[0] == ',') j++;
    if (j < n && tk[j].type == T_NUM && tk[j].b == 4) yr = tk[j].a, h.at = j + 1;
    else h.at = i + 2;
    if (!yr) yr = resolve_year(ref, mo, d);
    if (valid_date(yr, mo, d)) h.ok = 1, h.y = yr, h.m = mo, h.d = d;
    return h;
  }
  if (!strcmp(k->w, "tomorrow")) return set_rel(&h, ref, 1), h;
  if (!strcmp(k->w, "today")) return set_rel(&h, ref, 0), h;
  int mode = 0; /* 0 bare, 1 this, 2 next */
  int wi = i;
  if ((!strcmp(k->w, "next") || !strcmp(k->w, "this") || !strcmp(k->w, "coming")) && i + 1 < n && tk[i + 1].type == T_WORD) {
    mode = k->w[0] == 'n' ? 2 : 1;
    wi = i + 1;
  }
  int wd = wday_of(tk[wi].w);
  if (wd < 0 || (mode == 0 && strlen(tk[wi].w) == 3 && !strcmp(tk[wi].w, "sun"))) return h;
  /* "Tuesday, April 15" / "Tuesday 15 April": the explicit date follows. */
  int j = wi + 1;
  if (j < n && tk[j].type == T_PUNCT && tk[j].w[0] == ',') j++;
  if (j < n && ((tk[j].type == T_WORD && month_of(tk[j].w)) || tk[j].type == T_DATE ||
                (is_day_num(&tk[j]) && j + 1 < n && tk[j + 1].type == T_WORD && month_of(tk[j + 1].w))))
    return h;
  if (!ref) return h;
  long z = days_from_civil(ref->y, ref->mo, ref->d);
  int cur = weekday(z);
  int add = (wd - cur + 7) % 7;
  if (mode == 0 && add == 0) add = 7;
  if (mode == 2) {
    if (add == 0) add = 7;
    int monidx = (cur + 6) % 7;
    if (add + monidx <= 6) add += 7; /* still this week: "next" means the following one */
  }
  h.at = wi + 1;
  set_rel(&h, ref, add);
  return h;
}

/* Day-number-first form: "15 April", "15th of April". */
static dhit_t date_dm_at(const tk_t *tk, int n, int i, const co_cls_tm_t *ref) {
  dhit_t h = {0};
  if (!is_day_num(&tk[i])) return h;
  int j = i + 1;
  if (j < n && tk[j].type == T_WORD && !strcmp(tk[j].w, "of")) j++;
  if (j >= n || tk[j].type != T_WORD) return h;
  int mo = month_of(tk[j].w);
  if (!mo) return h;
  int yr = 0;
  h.at = j + 1;
  if (j + 1 < n && tk[j + 1].type == T_NUM && tk[j + 1].b == 4) yr = tk[j + 1].a, h.at = j + 2;
  if (!yr) yr = resolve_year(ref, mo, tk[i].a);
  if (valid_date(yr, mo, tk[i].a)) h.ok = 1, h.y = yr, h.m = mo, h.d = tk[i].a;
  h.sent = tk[i].sent;
  return h;
}

typedef struct thit_s {
  int ok, h, m, sent, zone_ok, zone;
} thit_t;

static thit_t time_at(const tk_t *tk, int n, int i) {
  thit_t r = {0};
  const tk_t *k = &tk[i];
  r.sent = k->sent;
  if (k->type == T_WORD && !strcmp(k->w, "noon")) {
    r.ok = 1, r.h = 12;
  } else if (k->type == T_TIME) {
    int h = k->a, m = k->b;
    if (h > 23 || m > 59) return r;
    if (k->c == 1 && h == 12) h = 0;
    else if (k->c == 2 && h < 12) h += 12;
    else if (k->c == 0 && h >= 1 && h <= 7) h += 12; /* "2:30" in business hours means afternoon */
    if (k->c && k->a > 12) return r;
    r.ok = 1, r.h = h, r.m = m;
  } else {
    return r;
  }
  int j = i + 1;
  if (j < n && tk[j].type == T_PUNCT && tk[j].w[0] == '(') j++;
  if (j < n && tk[j].type == T_WORD) {
    r.zone_ok = 1;
    r.zone = j;
  }
  return r;
}

int co_cls_find_datetime(const char *text, size_t len, const co_cls_tm_t *ref, char *out, size_t out_size) {
  tk_t *tk = malloc(sizeof(*tk) * MAXTK);
  int rc = -1;
  if (!tk) return -1;
  int n = lex(text, len, tk);
  dhit_t first = {0};
  for (int i = 0; i < n; i++) {
    dhit_t d = date_at(tk, n, i, ref);
    if (!d.ok) d = date_dm_at(tk, n, i, ref);
    if (!d.ok) continue;
    if (!first.ok) first = d;
    /* a time in the same sentence, after the date or just before it */
    for (int j = (i > 6 ? i - 6 : 0); j < n && tk[j].sent <= d.sent + 0; j++) {
      if (tk[j].sent != d.sent || (j >= i && j < d.at)) continue;
      thit_t t = time_at(tk, n, j);
      if (!t.ok) continue;
      int off = 0, has_off = 0;
      if (t.zone_ok && zone_offset(tk[t.zone].w, d.y, d.m, d.d, &off)) has_off = 1;
      else if (ref && ref->has_tz) off = ref->tz_min, has_off = 1;
      if (has_off)
        snprintf(out, out_size, "%04d-%02d-%02dT%02d:%02d:00%c%02d:%02d", d.y, d.m, d.d, t.h, t.m, off < 0 ? '-' : '+',
                 abs(off) / 60, abs(off) % 60);
      else
        snprintf(out, out_size, "%04d-%02d-%02dT%02d:%02d:00", d.y, d.m, d.d, t.h, t.m);
      rc = 0;
      goto done;
    }
  }
  if (first.ok) {
    snprintf(out, out_size, "%04d-%02d-%02d", first.y, first.m, first.d);
    rc = 0;
  }
done:
  free(tk);
  return rc;
}
