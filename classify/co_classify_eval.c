/* co_classify_eval.c: scores a model on a labelled JSON-lines file.
 *
 * Reports the confusion matrix (rows gold, columns predicted), per-class
 * precision/recall/F1, macro-F1 over the classes that occur in the gold
 * labels (a class absent from the file says nothing about the model),
 * accuracy, the company exact-match rate over rows whose gold company is
 * non-empty (case-insensitive, whitespace collapsed), and throughput in
 * emails/s measured around co_classify_email() only. Bad lines are listed
 * by number and skipped. Text for people, one JSON object for machines. */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_classify_int.h"

typedef struct bad_s {
  json_t *list; /* [{"line":N,"error":"..."}] */
} bad_t;

static void on_bad(int line, const char *why, void *opaque) {
  bad_t *b = opaque;
  json_array_append_new(b->list, json_pack("{s:i,s:s}", "line", line, "error", why));
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

co_err_t co_classify_eval(const char *jsonl_path, const co_classify_model_t *m, FILE *out, int json, char *errstr,
                          size_t errstr_size) {
  co_cls_row_t *rows = NULL;
  size_t n = 0;
  co_err_t err;
  bad_t bad = {json_array()};
  json_t *rep = NULL;
  if (!m || !out) {
    err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "eval: model and output required");
    goto err;
  }
  if (!bad.list) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "eval: out of memory");
    goto err;
  }
  if ((err = co_cls_read_jsonl(jsonl_path, &rows, &n, on_bad, &bad, errstr, errstr_size)) != CO_OK) goto err;
  if (n == 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "eval: %s has no usable line (%zu bad)", jsonl_path,
                    json_array_size(bad.list));
    goto err;
  }
  long cm[CO_CLASSIFY__N][CO_CLASSIFY__N] = {{0}};
  long co_eval = 0, co_hit = 0;
  double secs = 0;
  for (size_t i = 0; i < n; i++) {
    co_cls_row_t *r = &rows[i];
    co_classify_input_t in = {.subject = r->subject, .from = r->from, .body = r->body, .date = r->date};
    co_classify_result_t res;
    double t0 = now_s();
    err = co_classify_email(m, &in, &res, errstr, errstr_size);
    secs += now_s() - t0;
    if (err != CO_OK) goto err;
    cm[r->label][res.label]++;
    if (r->company[0]) {
      char g[256], p[256];
      norm(r->company, g, sizeof(g));
      norm(res.company, p, sizeof(p));
      co_eval++;
      co_hit += strcmp(g, p) == 0;
    }
  }
  double prec[CO_CLASSIFY__N], rec[CO_CLASSIFY__N], f1[CO_CLASSIFY__N], macro = 0;
  long sup[CO_CLASSIFY__N], correct = 0;
  int ncls = 0;
  for (int k = 0; k < CO_CLASSIFY__N; k++) {
    long tp = cm[k][k], pred = 0;
    sup[k] = 0;
    for (int j = 0; j < CO_CLASSIFY__N; j++) pred += cm[j][k], sup[k] += cm[k][j];
    correct += tp;
    prec[k] = pred ? (double)tp / pred : 0;
    rec[k] = sup[k] ? (double)tp / sup[k] : 0;
    f1[k] = prec[k] + rec[k] > 0 ? 2 * prec[k] * rec[k] / (prec[k] + rec[k]) : 0;
    if (sup[k]) macro += f1[k], ncls++;
  }
  macro = ncls ? macro / ncls : 0;
  double eps = secs > 0 ? (double)n / secs : 0;
  double co_rate = co_eval ? (double)co_hit / co_eval : 0;

  if (json) {
    json_t *conf = json_array(), *per = json_object(), *labels = json_array();
    rep = json_object();
    for (int k = 0; k < CO_CLASSIFY__N; k++) {
      json_t *row = json_array();
      for (int j = 0; j < CO_CLASSIFY__N; j++) json_array_append_new(row, json_integer(cm[k][j]));
      json_array_append_new(conf, row);
      json_array_append_new(labels, json_string(co_classify_label_name(k)));
      json_object_set_new(per, co_classify_label_name(k),
                          json_pack("{s:f,s:f,s:f,s:I}", "precision", prec[k], "recall", rec[k], "f1", f1[k], "support",
                                    (json_int_t)sup[k]));
    }
    json_object_set_new(rep, "file", json_string(jsonl_path));
    json_object_set_new(rep, "n", json_integer((json_int_t)n));
    json_object_set(rep, "skipped", bad.list);
    json_object_set_new(rep, "labels", labels);
    json_object_set_new(rep, "confusion", conf);
    json_object_set_new(rep, "per_class", per);
    json_object_set_new(rep, "macro_f1", json_real(macro));
    json_object_set_new(rep, "accuracy", json_real((double)correct / n));
    json_object_set_new(rep, "company", json_pack("{s:I,s:I,s:f}", "evaluated", (json_int_t)co_eval, "exact",
                                                   (json_int_t)co_hit, "rate", co_rate));
    json_object_set_new(rep, "throughput_eps", json_real(eps));
    if (json_dumpf(rep, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 || fputc('\n', out) == EOF) {
      err = co_seterr(errstr, errstr_size, CO_ERR_IO, "eval: write failed");
      goto err;
    }
  } else {
    fprintf(out, "eval: %s: %zu emails, %zu bad lines skipped\n", jsonl_path, n, json_array_size(bad.list));
    for (size_t i = 0; i < json_array_size(bad.list); i++) {
      json_t *b = json_array_get(bad.list, i);
      fprintf(out, "  skipped line %d: %s\n", (int)json_integer_value(json_object_get(b, "line")),
              json_string_value(json_object_get(b, "error")));
    }
    fprintf(out, "\nconfusion matrix (rows: gold, columns: predicted)\n%-10s", "");
    for (int j = 0; j < CO_CLASSIFY__N; j++) fprintf(out, " %9s", co_classify_label_name(j));
    fputc('\n', out);
    for (int k = 0; k < CO_CLASSIFY__N; k++) {
      fprintf(out, "%-10s", co_classify_label_name(k));
      for (int j = 0; j < CO_CLASSIFY__N; j++) fprintf(out, " %9ld", cm[k][j]);
      fputc('\n', out);
    }
    fprintf(out, "\n%-10s %9s %9s %9s %9s\n", "class", "precision", "recall", "f1", "support");
    for (int k = 0; k < CO_CLASSIFY__N; k++)
      fprintf(out, "%-10s %9.3f %9.3f %9.3f %9ld\n", co_classify_label_name(k), prec[k], rec[k], f1[k], sup[k]);
    fprintf(out, "\nmacro-F1 (over %d classes present): %.3f\naccuracy: %.3f\n", ncls, macro, (double)correct / n);
    fprintf(out, "company exact-match: %.3f (%ld/%ld rows with a gold company)\n", co_rate, co_hit, co_eval);
    fprintf(out, "throughput: %.0f emails/s\n", eps);
    if (ferror(out)) {
      err = co_seterr(errstr, errstr_size, CO_ERR_IO, "eval: write failed");
      goto err;
    }
  }
  err = CO_OK;
err:
  json_decref(rep);
  json_decref(bad.list);
  co_cls_rows_free(rows, n);
  return err;
}
