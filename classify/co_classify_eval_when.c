/* co_classify_eval_when.c: `careerops eval --extract FILE`: how well the
 * interview extractor (co_classify_when.h) reads an extraction set.
 *
 * Each row is an email with gold values; the extractor runs as it does for
 * an INTERVIEW (no model involved). Time exact-match compares instants to
 * the minute (a date-only answer is a miss, counted apart as "date only");
 * links compare case-insensitively without a trailing slash or punctuation;
 * a gold date without a time compares dates. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify.h"
#include "co_classify_when.h"

static const char *js(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

/* Lower-case, whitespace collapsed, edge punctuation and a trailing '/' dropped. */
static void norm_link(const char *s, char *out, size_t sz) {
  size_t o = 0;
  int sp = 0;
  for (; *s && o + 1 < sz; s++) {
    if (isspace((unsigned char)*s)) {
      sp = o > 0;
      continue;
    }
    if (sp && o + 2 < sz) out[o++] = ' ';
    sp = 0;
    out[o++] = (char)tolower((unsigned char)*s);
  }
  while (o && strchr("/.,;: ", out[o - 1])) o--;
  out[o] = 0;
}

static int same_minute(const char *a, const char *b) { return strlen(a) >= 16 && strlen(b) >= 16 && !strncmp(a, b, 16); }

static int same_candidates(json_t *gold, const co_classify_when_t *w) {
  if ((size_t)w->n_candidates != json_array_size(gold)) return 0;
  for (int i = 0; i < w->n_candidates; i++)
    if (!same_minute(json_string_value(json_array_get(gold, (size_t)i)) ? json_string_value(json_array_get(gold, (size_t)i)) : "",
                     w->candidates[i]))
      return 0;
  return 1;
}

static double rate(int ok, int n) { return n ? (double)ok / n : 0.0; }

co_err_t co_classify_eval_when(const char *path, FILE *out, int json, int verbose, co_classify_when_eval_t *res,
                               char *errstr, size_t errstr_size) {
  co_classify_when_eval_t r = {0};
  FILE *f = fopen(path, "r");
  if (!f) return co_seterr(errstr, errstr_size, CO_ERR_IO, "cannot read %s: %s", path, strerror(errno));
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  int lineno = 0, shown = 0;
  while ((len = getline(&line, &cap, f)) > 0) {
    lineno++;
    json_error_t je;
    json_t *row = json_loadb(line, (size_t)len, 0, &je);
    if (!row || !json_is_object(row)) {
      if (len > 1) fprintf(stderr, "eval --extract: %s:%d: %s\n", path, lineno, row ? "not an object" : je.text);
      json_decref(row);
      continue;
    }
    json_t *gold = json_object_get(row, "gold");
    if (!json_is_object(gold)) {
      fprintf(stderr, "eval --extract: %s:%d: no \"gold\" object\n", path, lineno);
      json_decref(row);
      continue;
    }
    co_classify_cal_t cal;
    int has_cal = co_classify_cal_from_json(json_object_get(row, "calendar"), &cal);
    co_classify_input_t in = {.subject = js(row, "subject"), .from = js(row, "from"), .body = js(row, "body"),
                              .date = js(row, "date"), .calendar = has_cal ? &cal : NULL};
    co_classify_when_t w;
    co_classify_when_extract(&in, &w);
    r.rows++;
    int miss = 0;
    const char *gutc = js(gold, "utc"), *gdate = js(gold, "date");
    if (*gutc) {
      r.time_n++;
      if (same_minute(gutc, w.at_utc)) r.time_ok++;
      else miss |= 1;
      if (!w.at_utc[0] && w.date[0]) r.date_only++;
    } else if (*gdate) {
      r.time_n++;
      if (!w.at_utc[0] && !strcmp(gdate, w.date)) r.time_ok++;
      else miss |= 1;
    }
    json_t *gm = json_object_get(gold, "minutes");
    if (json_is_integer(gm)) {
      r.dur_n++;
      if (json_integer_value(gm) == w.minutes) r.dur_ok++;
      else miss |= 2;
    }
    const char *glink = js(gold, "link");
    if (*glink) {
      char a[600], b[600];
      norm_link(glink, a, sizeof(a));
      norm_link(w.link, b, sizeof(b));
      r.link_n++;
      if (!strcmp(a, b)) r.link_ok++;
      else miss |= 4;
    }
    const char *gst = js(gold, "status");
    if (*gst) {
      r.status_n++;
      if (!strcmp(gst, w.status)) r.status_ok++;
      else miss |= 8;
    }
    json_t *gc = json_object_get(gold, "candidates");
    if (json_array_size(gc) > 1) {
      r.cand_n++;
      if (same_candidates(gc, &w)) r.cand_ok++;
      else miss |= 16;
    }
    if (miss && verbose && shown++ < 40)
      fprintf(out, "miss %s [%s%s%s%s%s]: got %s %s %dmin %s %s; gold %s%s %lldmin %s %s\n", js(row, "id"),
              miss & 1 ? "time " : "", miss & 2 ? "duration " : "", miss & 4 ? "link " : "", miss & 8 ? "status " : "",
              miss & 16 ? "candidates" : "", w.at_utc[0] ? w.at_utc : w.date[0] ? w.date : "-", w.zone, w.minutes,
              w.link[0] ? w.link : "-", w.status, gutc, gdate, (long long)json_integer_value(gm), glink, gst);
    json_decref(row);
  }
  free(line);
  int ioerr = ferror(f);
  fclose(f);
  if (ioerr) return co_seterr(errstr, errstr_size, CO_ERR_IO, "read error on %s", path);
  if (!r.rows) return co_seterr(errstr, errstr_size, CO_ERR_PARSE, "%s: no usable row", path);
  if (json) {
    json_t *o = json_pack("{s:i, s:f, s:f, s:f, s:f, s:f, s:f, s:i, s:i, s:i, s:i}", "rows", r.rows, "time_exact",
                          rate(r.time_ok, r.time_n), "date_only", rate(r.date_only, r.time_n), "duration",
                          rate(r.dur_ok, r.dur_n), "link", rate(r.link_ok, r.link_n), "status",
                          rate(r.status_ok, r.status_n), "candidates", rate(r.cand_ok, r.cand_n), "time_n", r.time_n,
                          "duration_n", r.dur_n, "link_n", r.link_n, "status_n", r.status_n);
    if (o) json_dumpf(o, out, JSON_COMPACT), fputc('\n', out);
    json_decref(o);
  } else {
    fprintf(out, "extraction set: %s (%d rows)\n", path, r.rows);
    fprintf(out, "  time exact-match  %.3f  (%d/%d)\n", rate(r.time_ok, r.time_n), r.time_ok, r.time_n);
    fprintf(out, "  date only         %.3f  (%d/%d)\n", rate(r.date_only, r.time_n), r.date_only, r.time_n);
    fprintf(out, "  duration          %.3f  (%d/%d)\n", rate(r.dur_ok, r.dur_n), r.dur_ok, r.dur_n);
    fprintf(out, "  link              %.3f  (%d/%d)\n", rate(r.link_ok, r.link_n), r.link_ok, r.link_n);
    fprintf(out, "  status            %.3f  (%d/%d)\n", rate(r.status_ok, r.status_n), r.status_ok, r.status_n);
    fprintf(out, "  candidates        %.3f  (%d/%d)\n", rate(r.cand_ok, r.cand_n), r.cand_ok, r.cand_n);
  }
  if (res) *res = r;
  return CO_OK;
}
