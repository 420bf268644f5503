/* co_classify_eval.c: scores a model on a labelled JSON-lines file.
 *
 * Reports the confusion matrix (rows gold, columns predicted), per-class
 * precision/recall/F1, macro-F1 over the classes that occur in the gold
 * labels (a class absent from the file says nothing about the model),
 * accuracy, the company exact-match rate over rows whose gold company is
 * non-empty (case-insensitive, whitespace collapsed), and throughput in
 * emails/s measured around co_classify_email() only. With options (see
 * co_classify_eval_opts_t) also the same figures per language, the
 * expected calibration error of the confidence, and the misclassified rows.
 * Bad lines are listed by number and skipped. Text for people, one JSON
 * object for machines. */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_classify_int.h"
#include "co_classify_lang.h"
#include "co_term.h"

#define EV_NLANG 8 /* the seven languages and "?" (unknown) */
#define EV_NBINS 10

static const char *const ev_langs[EV_NLANG] = {"en", "de", "es", "fr", "pt", "nl", "it", "?"};

typedef struct ev_counts_s {
  long cm[CO_CLASSIFY__N][CO_CLASSIFY__N]; /* gold x predicted */
  long co_eval, co_hit;                    /* company: rows with a gold company, exact matches */
} ev_counts_t;

typedef struct ev_fig_s {
  double prec[CO_CLASSIFY__N], rec[CO_CLASSIFY__N], f1[CO_CLASSIFY__N], macro, acc, co_rate;
  long sup[CO_CLASSIFY__N], n, correct;
  int ncls;
} ev_fig_t;

typedef struct ev_s {
  ev_counts_t all, lang[EV_NLANG];
  long bin_n[EV_NBINS], bin_ok[EV_NBINS];
  double bin_conf[EV_NBINS], secs;
  json_t *bad;    /* [{"line":N,"error":"..."}] */
  json_t *errors; /* [{"id","line","lang","gold","predicted","confidence","rule"}] */
  json_t *langs;  /* {"id": "lang"} from opts->langs, or NULL */
  co_classify_lang_t *detector;
  char detect_err[200]; /* why detection is unavailable, "" if it is (or was not needed) */
} ev_t;

static void on_bad(int line, const char *why, void *opaque) {
  ev_t *e = opaque;
  json_array_append_new(e->bad, json_pack("{s:i,s:s}", "line", line, "error", why));
}

static void norm(const char *s, char *out, size_t osz) {
  size_t o = 0;
  int sp = 0;
  for (; *s && o + 2 < osz; s++) {
    if (isspace((unsigned char)*s)) {
      sp = o > 0;
      continue;
    }
    if (sp) out[o++] = ' ';
    sp = 0;
    out[o++] = (char)tolower((unsigned char)*s);
  }
  out[o] = 0;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int lang_index(const char *code) {
  for (int i = 0; i < EV_NLANG - 1; i++)
    if (code && strcmp(code, ev_langs[i]) == 0) return i;
  return EV_NLANG - 1;
}

/* A row's language: the langs file, else its own field, else detected from
 * subject and body. The detector is opened on first need; if it cannot be,
 * rows without a stated language count as "?" and the report says why. */
static int row_lang(ev_t *e, const co_cls_row_t *r) {
  json_t *v = e->langs && r->id[0] ? json_object_get(e->langs, r->id) : NULL;
  if (json_is_string(v)) return lang_index(json_string_value(v));
  if (r->lang[0]) return lang_index(r->lang);
  if (!e->detector && !e->detect_err[0])
    e->detector = co_classify_lang_open(e->detect_err, sizeof(e->detect_err));
  if (!e->detector) return EV_NLANG - 1;
  size_t ls = strlen(r->subject), lb = strlen(r->body);
  char *t = malloc(ls + lb + 2);
  if (!t) return EV_NLANG - 1;
  memcpy(t, r->subject, ls);
  t[ls] = '\n';
  memcpy(t + ls + 1, r->body, lb + 1);
  int li = lang_index(co_classify_lang_detect(e->detector, t, ls + 1 + lb));
  free(t);
  return li;
}

static void count(ev_counts_t *c, int gold, int pred, const char *gold_co, const char *pred_co) {
  c->cm[gold][pred]++;
  if (!gold_co[0]) return;
  char g[256], p[256];
  norm(gold_co, g, sizeof(g));
  norm(pred_co, p, sizeof(p));
  c->co_eval++;
  c->co_hit += strcmp(g, p) == 0;
}

static void figures(const ev_counts_t *c, ev_fig_t *f) {
  memset(f, 0, sizeof(*f));
  for (int k = 0; k < CO_CLASSIFY__N; k++) {
    long tp = c->cm[k][k], pred = 0;
    for (int j = 0; j < CO_CLASSIFY__N; j++) pred += c->cm[j][k], f->sup[k] += c->cm[k][j];
    f->correct += tp;
    f->n += f->sup[k];
    f->prec[k] = pred ? (double)tp / pred : 0;
    f->rec[k] = f->sup[k] ? (double)tp / f->sup[k] : 0;
    f->f1[k] = f->prec[k] + f->rec[k] > 0 ? 2 * f->prec[k] * f->rec[k] / (f->prec[k] + f->rec[k]) : 0;
    if (f->sup[k]) f->macro += f->f1[k], f->ncls++;
  }
  f->macro = f->ncls ? f->macro / f->ncls : 0;
  f->acc = f->n ? (double)f->correct / f->n : 0;
  f->co_rate = c->co_eval ? (double)c->co_hit / c->co_eval : 0;
}

/* Expected calibration error: the mean gap between confidence and accuracy
 * over equal-width confidence bins, weighted by how many rows fall in each. */
static double ece(const ev_t *e, long n) {
  double s = 0;
  for (int b = 0; b < EV_NBINS; b++)
    if (e->bin_n[b]) s += fabs((double)e->bin_ok[b] / e->bin_n[b] - e->bin_conf[b] / e->bin_n[b]) * e->bin_n[b];
  return n ? s / n : 0;
}

static co_err_t score(ev_t *e, const co_classify_model_t *m, const co_cls_row_t *rows, size_t n, char *errstr,
                      size_t errstr_size) {
  for (size_t i = 0; i < n; i++) {
    const co_cls_row_t *r = &rows[i];
    co_classify_input_t in = {.subject = r->subject, .from = r->from, .body = r->body, .date = r->date};
    co_classify_result_t res;
    double t0 = now_s();
    co_err_t err = co_classify_email(m, &in, &res, errstr, errstr_size);
    e->secs += now_s() - t0;
    if (err != CO_OK) return err;
    int li = row_lang(e, r), b = (int)(res.confidence * EV_NBINS);
    count(&e->all, r->label, res.label, r->company, res.company);
    count(&e->lang[li], r->label, res.label, r->company, res.company);
    b = b < 0 ? 0 : b >= EV_NBINS ? EV_NBINS - 1 : b;
    e->bin_n[b]++;
    e->bin_ok[b] += r->label == (int)res.label;
    e->bin_conf[b] += res.confidence;
    if (e->errors && r->label != (int)res.label)
      json_array_append_new(e->errors, json_pack("{s:s,s:i,s:s,s:s,s:s,s:f,s:s?}", "id", r->id, "line", r->line, "lang",
                                                 ev_langs[li], "gold", co_classify_label_name(r->label), "predicted",
                                                 co_classify_label_name(res.label), "confidence", res.confidence,
                                                 "rule", res.rule));
  }
  return CO_OK;
}

static json_t *fig_json(const ev_fig_t *f, const ev_counts_t *c, int with_confusion) {
  json_t *per = json_object(), *o = json_object();
  for (int k = 0; k < CO_CLASSIFY__N; k++)
    json_object_set_new(per, co_classify_label_name(k),
                        json_pack("{s:f,s:f,s:f,s:I}", "precision", f->prec[k], "recall", f->rec[k], "f1", f->f1[k],
                                  "support", (json_int_t)f->sup[k]));
  if (with_confusion) {
    json_t *conf = json_array();
    for (int k = 0; k < CO_CLASSIFY__N; k++) {
      json_t *row = json_array();
      for (int j = 0; j < CO_CLASSIFY__N; j++) json_array_append_new(row, json_integer(c->cm[k][j]));
      json_array_append_new(conf, row);
    }
    json_object_set_new(o, "confusion", conf);
  }
  json_object_set_new(o, "n", json_integer(f->n));
  json_object_set_new(o, "per_class", per);
  json_object_set_new(o, "macro_f1", json_real(f->macro));
  json_object_set_new(o, "accuracy", json_real(f->acc));
  json_object_set_new(o, "company", json_pack("{s:I,s:I,s:f}", "evaluated", (json_int_t)c->co_eval, "exact",
                                              (json_int_t)c->co_hit, "rate", f->co_rate));
  return o;
}

static int report_json(const ev_t *e, const char *path, size_t n, FILE *out) {
  ev_fig_t f;
  figures(&e->all, &f);
  json_t *rep = json_object(), *labels = json_array(), *top = fig_json(&f, &e->all, 1), *langs = json_object(),
         *bins = json_array();
  for (int k = 0; k < CO_CLASSIFY__N; k++) json_array_append_new(labels, json_string(co_classify_label_name(k)));
  json_object_set_new(rep, "file", json_string(path));
  json_object_set_new(rep, "n", json_integer((json_int_t)n));
  json_object_set(rep, "skipped", e->bad);
  json_object_set_new(rep, "labels", labels);
  json_object_update(rep, top); /* confusion, per_class, macro_f1, accuracy, company */
  json_decref(top);
  json_object_set_new(rep, "throughput_eps", json_real(e->secs > 0 ? (double)n / e->secs : 0));
  for (int l = 0; l < EV_NLANG; l++) {
    ev_fig_t lf;
    figures(&e->lang[l], &lf);
    if (lf.n) json_object_set_new(langs, ev_langs[l], fig_json(&lf, &e->lang[l], 0));
  }
  json_object_set_new(rep, "languages", langs);
  if (e->detect_err[0]) json_object_set_new(rep, "language_detection_error", json_string(e->detect_err));
  for (int b = 0; b < EV_NBINS; b++)
    json_array_append_new(bins, json_pack("{s:f,s:f,s:I,s:f,s:f}", "from", (double)b / EV_NBINS, "to",
                                          (double)(b + 1) / EV_NBINS, "n", (json_int_t)e->bin_n[b], "accuracy",
                                          e->bin_n[b] ? (double)e->bin_ok[b] / e->bin_n[b] : 0.0, "confidence",
                                          e->bin_n[b] ? e->bin_conf[b] / e->bin_n[b] : 0.0));
  json_object_set_new(rep, "calibration", json_pack("{s:f,s:o}", "ece", ece(e, (long)n), "bins", bins));
  if (e->errors) json_object_set(rep, "errors", e->errors);
  int rc = json_dumpf(rep, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 || fputc('\n', out) == EOF;
  json_decref(rep);
  return rc;
}

static void report_text(const ev_t *e, const char *path, size_t n, FILE *out) {
  ev_fig_t f;
  figures(&e->all, &f);
  fprintf(out, "eval: ");
  co_term_fputs(out, path, 0);
  fprintf(out, ": %zu emails, %zu bad lines skipped\n", n, json_array_size(e->bad));
  for (size_t i = 0; i < json_array_size(e->bad); i++) {
    json_t *b = json_array_get(e->bad, i);
    co_term_printf(out, "  skipped line %d: %s\n", (int)json_integer_value(json_object_get(b, "line")),
                   json_string_value(json_object_get(b, "error")));
  }
  fprintf(out, "\nconfusion matrix (rows: gold, columns: predicted)\n%-10s", "");
  for (int j = 0; j < CO_CLASSIFY__N; j++) fprintf(out, " %9s", co_classify_label_name(j));
  fputc('\n', out);
  for (int k = 0; k < CO_CLASSIFY__N; k++) {
    fprintf(out, "%-10s", co_classify_label_name(k));
    for (int j = 0; j < CO_CLASSIFY__N; j++) fprintf(out, " %9ld", e->all.cm[k][j]);
    fputc('\n', out);
  }
  fprintf(out, "\n%-10s %9s %9s %9s %9s\n", "class", "precision", "recall", "f1", "support");
  for (int k = 0; k < CO_CLASSIFY__N; k++)
    fprintf(out, "%-10s %9.3f %9.3f %9.3f %9ld\n", co_classify_label_name(k), f.prec[k], f.rec[k], f.f1[k], f.sup[k]);
  fprintf(out, "\nmacro-F1 (over %d classes present): %.3f\naccuracy: %.3f\n", f.ncls, f.macro, f.acc);
  fprintf(out, "company exact-match: %.3f (%ld/%ld rows with a gold company)\n", f.co_rate, e->all.co_hit,
          e->all.co_eval);
  fprintf(out, "throughput: %.0f emails/s\n", e->secs > 0 ? (double)n / e->secs : 0);

  /* Per language: accuracy, company, and P/R of the three classes a job seeker acts on. */
  fprintf(out, "\nper language%s\n%-4s %5s %8s %8s %13s %13s %13s\n", e->detect_err[0] ? " (detection unavailable)" : "",
          "lang", "n", "accuracy", "company", "INTERVIEW P/R", "OFFER P/R", "REJECTION P/R");
  for (int l = 0; l < EV_NLANG; l++) {
    ev_fig_t lf;
    figures(&e->lang[l], &lf);
    if (!lf.n) continue;
    fprintf(out, "%-4s %5ld %8.3f %8.3f", ev_langs[l], lf.n, lf.acc, lf.co_rate);
    const co_classify_label_t ks[] = {CO_CLASSIFY_INTERVIEW, CO_CLASSIFY_OFFER, CO_CLASSIFY_REJECTION};
    for (size_t i = 0; i < sizeof(ks) / sizeof(ks[0]); i++) {
      if (lf.sup[ks[i]]) fprintf(out, "   %5.3f/%5.3f", lf.prec[ks[i]], lf.rec[ks[i]]);
      else fprintf(out, "   %11s", "-");
    }
    fputc('\n', out);
  }
  if (e->detect_err[0]) co_term_printf(out, "  (%s)\n", e->detect_err);

  fprintf(out, "\ncalibration: expected calibration error %.3f\n%-11s %5s %9s %11s\n", ece(e, (long)n), "confidence",
          "n", "accuracy", "confidence");
  for (int b = 0; b < EV_NBINS; b++)
    if (e->bin_n[b])
      fprintf(out, "%4.1f - %3.1f %5ld %9.3f %11.3f\n", (double)b / EV_NBINS, (double)(b + 1) / EV_NBINS, e->bin_n[b],
              (double)e->bin_ok[b] / e->bin_n[b], e->bin_conf[b] / e->bin_n[b]);

  if (!e->errors) return;
  fprintf(out, "\nerrors (%zu)\n%-16s %6s %-4s %-10s %-10s %10s  %s\n", json_array_size(e->errors), "id", "line", "lang",
          "gold", "predicted", "confidence", "rule");
  for (size_t i = 0; i < json_array_size(e->errors); i++) {
    json_t *x = json_array_get(e->errors, i);
    const char *rule = json_string_value(json_object_get(x, "rule"));
    co_term_cell(out, json_string_value(json_object_get(x, "id")), 16, 0);
    fprintf(out, " %6d %-4s %-10s %-10s %10.3f  %s\n", (int)json_integer_value(json_object_get(x, "line")),
            json_string_value(json_object_get(x, "lang")), json_string_value(json_object_get(x, "gold")),
            json_string_value(json_object_get(x, "predicted")), json_real_value(json_object_get(x, "confidence")),
            rule ? rule : "-");
  }
}

co_err_t co_classify_eval_opts(const char *jsonl_path, const co_classify_model_t *m, const co_classify_eval_opts_t *opts,
                               FILE *out, char *errstr, size_t errstr_size) {
  static const co_classify_eval_opts_t defaults = {0};
  co_cls_row_t *rows = NULL;
  size_t n = 0;
  co_err_t err;
  ev_t *e = calloc(1, sizeof(*e));
  if (!opts) opts = &defaults;
  if (!m || !out) {
    err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "eval: model and output required");
    goto err;
  }
  if (!e || !(e->bad = json_array()) || (opts->errors && !(e->errors = json_array()))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "eval: out of memory");
    goto err;
  }
  if (opts->langs) {
    json_error_t je;
    if (!(e->langs = json_load_file(opts->langs, 0, &je)) || !json_is_object(e->langs)) {
      err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "eval: languages file %s: %s", opts->langs,
                      e->langs ? "not a JSON object of id -> language" : je.text);
      goto err;
    }
  }
  if ((err = co_cls_read_jsonl(jsonl_path, &rows, &n, on_bad, e, errstr, errstr_size)) != CO_OK) goto err;
  if (n == 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "eval: %s has no usable line (%zu bad)", jsonl_path,
                    json_array_size(e->bad));
    goto err;
  }
  if ((err = score(e, m, rows, n, errstr, errstr_size)) != CO_OK) goto err;
  if (opts->json) {
    if (report_json(e, jsonl_path, n, out)) {
      err = co_seterr(errstr, errstr_size, CO_ERR_IO, "eval: write failed");
      goto err;
    }
  } else {
    report_text(e, jsonl_path, n, out);
    if (ferror(out)) {
      err = co_seterr(errstr, errstr_size, CO_ERR_IO, "eval: write failed");
      goto err;
    }
  }
  err = CO_OK;
err:
  if (e) {
    json_decref(e->bad);
    json_decref(e->errors);
    json_decref(e->langs);
    co_classify_lang_destroy(e->detector);
    free(e);
  }
  co_cls_rows_free(rows, n);
  return err;
}

co_err_t co_classify_eval(const char *jsonl_path, const co_classify_model_t *m, FILE *out, int json, char *errstr,
                          size_t errstr_size) {
  co_classify_eval_opts_t o = {.json = json};
  return co_classify_eval_opts(jsonl_path, m, &o, out, errstr, errstr_size);
}
