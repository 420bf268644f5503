/* co_time.c: see co_time.h. */
#include "co_time.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int64_t ms_of(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t co_time_mono_ms(void) { return ms_of(CLOCK_MONOTONIC); }

int64_t co_time_mono_coarse_ms(void) { return ms_of(CLOCK_MONOTONIC_COARSE); }

int64_t co_time_wall_ms(void) { return ms_of(CLOCK_REALTIME); }

/* ---- ISO-8601 ------------------------------------------------------------
 * Hand-written because the two forms read are narrow and libical's
 * icaltime_from_string reads neither offsets nor fractions; the calendar
 * arithmetic is timegm's. */

/* n digits at s into *v; 0 when they are all digits. */
static int digits(const char *s, int n, int *v) {
  *v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    *v = *v * 10 + (s[i] - '0');
  }
  return 0;
}

/* The zone suffix at p: Z, +HH:MM / -HH:MM, and when lenient also +HHMM,
 * +HH or nothing (floating). Seconds east of UTC into *off. */
static int zone(const char *p, int lenient, long *off) {
  int hh = 0, mm = 0;
  *off = 0;
  if (!*p) return lenient ? 0 : -1;
  if (*p == 'Z') return p[1] ? -1 : 0;
  if (*p != '+' && *p != '-') return -1;
  if (digits(p + 1, 2, &hh)) return -1;
  const char *q = p + 3;
  if (*q == ':') q++;
  else if (!lenient) return -1;
  if (*q && (digits(q, 2, &mm) || q[2])) return -1;
  if (!*q && !lenient) return -1;
  if (hh > 23 || mm > 59) return -1;
  *off = (*p == '+' ? 1 : -1) * (hh * 3600L + mm * 60L);
  return 0;
}

int co_time_parse_iso(const char *s, int lenient, time_t *out, int *date_only) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  long off = 0;
  if (date_only) *date_only = 0;
  if (!s || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' || digits(s + 8, 2, &d)) return -1;
  const char *p = s + 10;
  if (!*p) {
    if (!lenient) return -1;
    if (date_only) *date_only = 1;
  } else {
    if (*p != 'T' || digits(p + 1, 2, &h) || p[3] != ':' || digits(p + 4, 2, &mi)) return -1;
    p += 6;
    if (*p == ':') {
      if (digits(p + 1, 2, &sec)) return -1;
      p += 3;
      if (*p == '.') {
        if (p[1] < '0' || p[1] > '9') return -1;
        for (p++; *p >= '0' && *p <= '9'; p++) {}
      }
    } else if (!lenient) {
      return -1;
    }
    if (zone(p, lenient, &off)) return -1;
  }
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return -1;
  struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_sec = sec},
            back;
  time_t t = timegm(&tm); /* normalizes: 02-30 becomes 03-02, which the check below refuses */
  if (!gmtime_r(&t, &back) || back.tm_mday != d || back.tm_mon != mo - 1) return -1;
  *out = t - off;
  return 0;
}

void co_time_format_utc(time_t t, char *buf, size_t size) {
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
