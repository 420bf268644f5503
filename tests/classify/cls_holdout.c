/* cls_holdout.c: corpus folds for the classifier's hold-out tests (see
 * cls_holdout.h). Test code: any failure fails the running cmocka test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cls_holdout.h"
#include "co_classify_int.h"
#include "co_th.h"

struct cls_ho_corpus_s {
  char *dir;
  char corpus[600], cache[600];
  int embed;
  size_t n;
  char **lines;
  json_t **rows;
  float *emb; /* n x dim when embed */
  uint32_t dim;
  co_cls_featcfg_t cfg;
  co_cls_vec_t *xs; /* every row featurised once, as the trainer does */
  int *ys;
};

static const char *str(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  assert_non_null(out);
  if (in) { /* no cache yet: the rows are embedded (slowly) instead */
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof(buf), in)) > 0) assert_int_equal(fwrite(buf, 1, k, out), k);
    fclose(in);
  }
  fclose(out);
}

cls_ho_corpus_t *cls_ho_open(const char *name, int embed) {
  cls_ho_corpus_t *c = calloc(1, sizeof(*c));
  assert_non_null(c);
  c->dir = co_th_tmpdir(name);
  assert_non_null(c->dir);
  c->embed = embed;
  snprintf(c->corpus, sizeof(c->corpus), "%s/data/train/emails.jsonl", getenv("CO_SOURCE_DIR"));
  FILE *in = fopen(c->corpus, "r");
  assert_non_null(in);
  char *line = NULL;
  size_t cap = 0, alloc = 0;
  while (getline(&line, &cap, in) > 0) {
    if (c->n == alloc) {
      alloc = alloc ? alloc * 2 : 1024;
      c->lines = realloc(c->lines, alloc * sizeof(*c->lines));
      c->rows = realloc(c->rows, alloc * sizeof(*c->rows));
      assert_true(c->lines && c->rows);
    }
    c->rows[c->n] = json_loads(line, 0, NULL);
    assert_non_null(c->rows[c->n]);
    c->lines[c->n] = strdup(line);
    assert_non_null(c->lines[c->n]);
    c->n++;
  }
  free(line);
  fclose(in);
  char err[512];
  co_classify_input_t *ins = calloc(c->n, sizeof(*ins));
  c->xs = calloc(c->n, sizeof(*c->xs));
  c->ys = calloc(c->n, sizeof(*c->ys));
  assert_true(ins && c->xs && c->ys);
  for (size_t i = 0; i < c->n; i++) {
    ins[i] = (co_classify_input_t){.subject = str(c->rows[i], "subject"), .from = str(c->rows[i], "from"),
                                   .body = str(c->rows[i], "body")};
    c->ys[i] = co_classify_label_parse(str(c->rows[i], "label"));
    assert_true(c->ys[i] >= 0);
  }
  if (embed) {
    char build_cache[600];
    co_cls_featcfg_default_embed(&c->cfg);
    c->dim = c->cfg.embed_dim;
    snprintf(build_cache, sizeof(build_cache), "%s/classify/model/embed-cache.bin", getenv("CO_BINARY_DIR"));
    snprintf(c->cache, sizeof(c->cache), "%s/embed-cache.bin", c->dir);
    copy_file(build_cache, c->cache);
    c->emb = malloc(c->n * c->dim * sizeof(float));
    assert_non_null(c->emb);
    co_err_t e = co_cls_embed_rows(&c->cfg, NULL, ins, c->n, c->cache, c->emb, err, sizeof(err));
    if (e != CO_OK) fprintf(stderr, "embed: %s\n", err);
    assert_int_equal(e, CO_OK);
    for (size_t i = 0; i < c->n; i++) {
      ins[i].embedding = c->emb + i * c->dim;
      ins[i].embedding_dim = c->dim;
    }
  } else {
    co_cls_featcfg_default(&c->cfg);
  }
  for (size_t i = 0; i < c->n; i++) assert_int_equal(co_cls_featurize(&c->cfg, &ins[i], &c->xs[i]), CO_OK);
  free(ins);
  return c;
}

void cls_ho_close(cls_ho_corpus_t *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) {
    json_decref(c->rows[i]);
    free(c->lines[i]);
  }
  if (c->xs)
    for (size_t i = 0; i < c->n; i++) co_cls_vec_free(&c->xs[i]);
  free(c->xs);
  free(c->ys);
  free(c->rows);
  free(c->lines);
  free(c->emb);
  co_th_rm_rf(c->dir);
  free(c->dir);
  free(c);
}

size_t cls_ho_rows(const cls_ho_corpus_t *c) {
  return c->n;
}

const char *cls_ho_field(const cls_ho_corpus_t *c, size_t i, const char *key) {
  return str(c->rows[i], key);
}

int cls_ho_group(const cls_ho_report_t *rep, const char *name) {
  for (int g = 0; g < rep->ngroups; g++)
    if (strcmp(rep->name[g], name) == 0) return g;
  return -1;
}

static int group_of(cls_ho_report_t *rep, const char *name) {
  int g = cls_ho_group(rep, name);
  if (g < 0) {
    assert_true(rep->ngroups < CLS_HO_GROUPS);
    g = rep->ngroups++;
    snprintf(rep->name[g], sizeof(rep->name[g]), "%s", name);
  }
  return g;
}

/* Case-insensitive (ASCII), runs of spaces folded, ends trimmed. */
static int same_company(const char *a, const char *b) {
  for (;;) {
    while (*a == ' ' && (a[1] == ' ' || a[1] == 0)) a++;
    while (*b == ' ' && (b[1] == ' ' || b[1] == 0)) b++;
    if (!*a || !*b) return !*a && !*b;
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
    a++, b++;
  }
}

static void tally_company(cls_ho_tally_t *t, const char *gold, const char *got) {
  while (*gold == ' ') gold++;
  while (*got == ' ') got++;
  if (!*gold) return;
  t->co_n++;
  t->co_ok += same_company(gold, got);
}

static void tally(cls_ho_tally_t *t, int gold, int pred) {
  t->n++;
  t->ok += gold == pred;
  if (gold == pred) t->tp[gold]++;
  else {
    t->fn[gold]++;
    t->fp[pred]++;
  }
}

long cls_ho_fold(cls_ho_corpus_t *c, cls_ho_pick_fn *pick, void *opaque, const char *group_by, cls_ho_report_t *rep) {
  char err[512];
  char *held = calloc(c->n, 1);
  co_cls_vec_t *xs = calloc(c->n, sizeof(*xs)); /* shallow copies of the kept rows' vectors */
  int *ys = calloc(c->n, sizeof(*ys));
  assert_true(held && xs && ys);
  long nheld = 0;
  size_t ntr = 0;
  for (size_t i = 0; i < c->n; i++) {
    held[i] = (char)(pick(c, i, opaque) != 0);
    nheld += held[i];
    if (!held[i]) xs[ntr] = c->xs[i], ys[ntr++] = c->ys[i];
  }
  /* The trainer's own training (co_cls_train_file) minus the temperature
   * calibration, which rescales probabilities but never changes a label. */
  co_cls_trainopt_t opt;
  co_cls_trainopt_default(&opt);
  co_classify_model_t *m = co_cls_train_vecs(&c->cfg, &opt, xs, ys, ntr);
  assert_non_null(m);
  free(xs);
  free(ys);
  co_classify_result_t *r = malloc(sizeof(*r));
  assert_non_null(r);
  for (size_t i = 0; i < c->n; i++) {
    if (!held[i]) continue;
    json_t *o = c->rows[i];
    co_classify_input_t in = {.subject = str(o, "subject"), .from = str(o, "from"), .body = str(o, "body"),
                              .date = str(o, "date")};
    if (c->embed) {
      in.embedding = c->emb + i * c->dim;
      in.embedding_dim = c->dim;
    }
    int gold = co_classify_label_parse(str(o, "label"));
    assert_true(gold >= 0);
    assert_int_equal(co_classify_email(m, &in, r, err, sizeof(err)), CO_OK);
    int best = 0, g = group_of(rep, str(o, group_by));
    for (int k = 1; k < CO_CLASSIFY__N; k++)
      if (r->probs[k] > r->probs[best]) best = k;
    tally(&rep->all, gold, (int)r->label);
    tally(&rep->group[g], gold, (int)r->label);
    tally_company(&rep->all, str(o, "company"), r->company);
    tally_company(&rep->group[g], str(o, "company"), r->company);
    tally(&rep->model_all, gold, best);
    tally(&rep->model_group[g], gold, best);
  }
  free(r);
  free(held);
  co_classify_destroy(m);
  return nheld;
}

double cls_ho_accuracy(const cls_ho_tally_t *t) {
  return t->n ? (double)t->ok / (double)t->n : 0;
}

double cls_ho_precision(const cls_ho_tally_t *t, int k) {
  long d = t->tp[k] + t->fp[k];
  return d ? (double)t->tp[k] / (double)d : 1.0;
}

double cls_ho_recall(const cls_ho_tally_t *t, int k) {
  long d = t->tp[k] + t->fn[k];
  return d ? (double)t->tp[k] / (double)d : 1.0;
}

double cls_ho_macro_f1(const cls_ho_tally_t *t) {
  double sum = 0;
  int k, m = 0;
  for (k = 0; k < CO_CLASSIFY__N; k++) {
    if (t->tp[k] + t->fn[k] == 0) continue;
    double p = cls_ho_precision(t, k), r = cls_ho_recall(t, k);
    sum += p + r > 0 ? 2 * p * r / (p + r) : 0;
    m++;
  }
  return m ? sum / m : 0;
}

double cls_ho_company(const cls_ho_tally_t *t) {
  return t->co_n ? (double)t->co_ok / (double)t->co_n : 1.0;
}

double cls_ho_majority(const cls_ho_tally_t *t) {
  long best = 0;
  for (int k = 0; k < CO_CLASSIFY__N; k++)
    if (t->tp[k] + t->fn[k] > best) best = t->tp[k] + t->fn[k];
  return t->n ? (double)best / (double)t->n : 0;
}

static void line(const char *name, const cls_ho_tally_t *t, const cls_ho_tally_t *model) {
  printf("  %-14s %5ld  acc %.3f (model alone %.3f, majority %.3f)  INTERVIEW P/R %.3f/%.3f  OFFER P/R %.3f/%.3f  "
         "REJECTION P/R %.3f/%.3f  company %.3f\n",
         name, t->n, cls_ho_accuracy(t), cls_ho_accuracy(model), cls_ho_majority(t), cls_ho_precision(t, CO_CLASSIFY_INTERVIEW),
         cls_ho_recall(t, CO_CLASSIFY_INTERVIEW), cls_ho_precision(t, CO_CLASSIFY_OFFER), cls_ho_recall(t, CO_CLASSIFY_OFFER),
         cls_ho_precision(t, CO_CLASSIFY_REJECTION), cls_ho_recall(t, CO_CLASSIFY_REJECTION), cls_ho_company(t));
}

void cls_ho_print(const cls_ho_report_t *rep, const char *title) {
  printf("%s\n", title);
  for (int g = 0; g < rep->ngroups; g++) line(rep->name[g], &rep->group[g], &rep->model_group[g]);
  line("all", &rep->all, &rep->model_all);
  fflush(stdout);
}
