/* sample_shift.c: the shipped sample inbox moved to today. `careerops run`
 * imports a copy whose dates are shifted by a whole number of weeks, so the
 * latest sample mail is 1 to 7 days old and every weekday stays true:
 * Date headers ("Mon, 07 Apr 2025 16:23:00 -0500", offset kept), mbox "From "
 * separator lines, and dates written in bodies as "Weekday, Month D"
 * (the year taken from the mail's own Date, as a reader would). Times of
 * day and zones are unchanged, so every interview keeps its wall clock. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sample_shift.h"

#define WEEK (7 * 86400L)

static const char *const MONTHS[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

/* A Date header's wall clock as if UTC (its own offset ignored: a shift by
 * whole days keeps it right), or -1. */
static time_t date_header(const char *line, int *year) {
  struct tm tm = {0};
  const char *v = line + 5;
  while (*v == ' ') v++;
  if (!strptime(v, "%a, %d %b %Y %H:%M:%S", &tm) && !strptime(v, "%d %b %Y %H:%M:%S", &tm)) return -1;
  if (year) *year = tm.tm_year + 1900;
  return timegm(&tm);
}

static void shift_date_line(FILE *out, const char *line, long secs) {
  struct tm tm = {0};
  const char *v = line + 5;
  while (*v == ' ') v++;
  const char *rest = strptime(v, "%a, %d %b %Y %H:%M:%S", &tm);
  if (!rest) {
    fputs(line, out);
    return;
  }
  time_t t = timegm(&tm) + secs;
  char buf[64];
  gmtime_r(&t, &tm);
  strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S", &tm);
  fprintf(out, "Date: %s%s", buf, rest); /* the offset and line end as written */
}

static void shift_from_line(FILE *out, const char *line, long secs) {
  /* "From addr Mon Mar 03 14:12:00 2025" */
  const char *sp = strchr(line + 5, ' ');
  struct tm tm = {0};
  const char *rest = sp ? strptime(sp + 1, "%a %b %d %H:%M:%S %Y", &tm) : NULL;
  if (!rest) {
    fputs(line, out);
    return;
  }
  time_t t = timegm(&tm) + secs;
  char buf[64];
  gmtime_r(&t, &tm);
  strftime(buf, sizeof(buf), "%a %b %d %H:%M:%S %Y", &tm);
  fprintf(out, "%.*s %s%s", (int)(sp - line), line, buf, rest);
}

/* Body line: every "Weekday, Month D" moved by secs (weekday unchanged). */
static void shift_body_line(FILE *out, const char *line, long secs, int year, const regex_t *re) {
  regmatch_t m[4];
  const char *p = line;
  while (!regexec(re, p, 4, m, p == line ? 0 : REG_NOTBOL)) {
    int mon = -1, day = atoi(p + m[3].rm_so);
    for (int i = 0; i < 12; i++)
      if ((size_t)(m[2].rm_eo - m[2].rm_so) == strlen(MONTHS[i]) && !strncmp(p + m[2].rm_so, MONTHS[i], strlen(MONTHS[i])))
        mon = i;
    fwrite(p, 1, (size_t)m[2].rm_so, out);
    if (mon < 0 || day < 1 || day > 31) {
      fwrite(p + m[2].rm_so, 1, (size_t)(m[0].rm_eo - m[2].rm_so), out);
    } else {
      struct tm tm = {.tm_year = year - 1900, .tm_mon = mon, .tm_mday = day, .tm_hour = 12};
      time_t t = timegm(&tm) + secs;
      gmtime_r(&t, &tm);
      fprintf(out, "%s %d", MONTHS[tm.tm_mon], tm.tm_mday);
    }
    p += m[0].rm_eo;
  }
  fputs(p, out);
}

co_err_t co_cli_sample_shift(const char *src, const char *dst, time_t now, int *weeks_out, char *errstr,
                             size_t errstr_size) {
  FILE *in = fopen(src, "r"), *out = NULL;
  char *line = NULL;
  size_t cap = 0;
  time_t latest = -1;
  regex_t re;
  co_err_t rc = CO_OK;
  if (!in) return co_seterr(errstr, errstr_size, CO_ERR_IO, "sample %s: cannot read it", src);
  while (getline(&line, &cap, in) > 0)
    if (!strncmp(line, "Date:", 5)) {
      time_t t = date_header(line, NULL);
      if (t > latest) latest = t;
    }
  long weeks = 0;
  if (latest > 0) {
    long gap = (long)(now - 86400 - latest); /* the latest mail lands 1 to 7 days ago */
    weeks = gap >= 0 ? gap / WEEK : -((-gap + WEEK - 1) / WEEK);
  }
  long secs = weeks * WEEK;
  if (weeks_out) *weeks_out = (int)weeks;
  if (regcomp(&re, "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ([A-Z][a-z]+) ([0-9]{1,2})\\b",
              REG_EXTENDED)) {
    rc = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "sample: regex");
    goto out;
  }
  if (!(out = fopen(dst, "w"))) {
    regfree(&re);
    rc = co_seterr(errstr, errstr_size, CO_ERR_IO, "sample copy %s: cannot write it", dst);
    goto out;
  }
  rewind(in);
  int year = 1970, in_header = 0;
  while (getline(&line, &cap, in) > 0) {
    if (!strncmp(line, "From ", 5)) {
      in_header = 1;
      shift_from_line(out, line, secs);
      continue;
    }
    if (in_header && (!strcmp(line, "\n") || !strcmp(line, "\r\n"))) in_header = 0;
    if (in_header && !strncmp(line, "Date:", 5)) {
      date_header(line, &year);
      shift_date_line(out, line, secs);
    } else if (!in_header) {
      shift_body_line(out, line, secs, year, &re);
    } else {
      fputs(line, out);
    }
  }
  regfree(&re);
  if (fclose(out)) rc = co_seterr(errstr, errstr_size, CO_ERR_IO, "sample copy %s: write failed", dst);
out:
  free(line);
  fclose(in);
  return rc;
}
