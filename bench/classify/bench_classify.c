/* bench_classify: classifier throughput against plain tokenisation, both
 * measured in this run over the same emails (data/train, repeated), so the
 * ratio holds across machines. Also times featurisation alone, to show
 * where the cost goes, and classification from 2 threads on one model.
 * Usage: bench_classify [CORPUS.jsonl] [MODEL] [SECONDS_PER_PHASE] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_classify.h"
#include "co_classify_int.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static co_cls_row_t *rows;
static size_t nrows;
static const co_classify_model_t *model;
static double budget = 2.0;

static double run_tokenize(void) {
  size_t done = 0, words = 0;
  double t0 = now_s(), t;
  do {
    for (size_t i = 0; i < nrows; i++) words += co_cls_tokenize_only(rows[i].subject, rows[i].body);
    done += nrows;
  } while ((t = now_s() - t0) < budget);
  if (words == 0) printf("(no words)\n");
  return (double)done / t;
}

static double run_featurize(void) {
  co_cls_vec_t x = {0};
  size_t done = 0;
  double t0 = now_s(), t;
  do {
    for (size_t i = 0; i < nrows; i++) {
      co_classify_input_t in = {.subject = rows[i].subject, .from = rows[i].from, .body = rows[i].body};
      co_cls_featurize(&model->cfg, &in, &x);
    }
    done += nrows;
  } while ((t = now_s() - t0) < budget);
  co_cls_vec_free(&x);
  return (double)done / t;
}

static void *classify_loop(void *arg) {
  size_t *done = arg;
  co_classify_result_t r;
  char err[256];
  double t0 = now_s();
  do {
    for (size_t i = 0; i < nrows; i++) {
      co_classify_input_t in = {.subject = rows[i].subject, .from = rows[i].from, .body = rows[i].body, .date = rows[i].date};
      co_classify_email(model, &in, &r, err, sizeof(err));
    }
    *done += nrows;
  } while (now_s() - t0 < budget);
  return NULL;
}

static double run_classify(int threads) {
  pthread_t th[8];
  size_t done[8] = {0}, total = 0;
  double t0 = now_s();
  for (int i = 0; i < threads; i++) pthread_create(&th[i], NULL, classify_loop, &done[i]);
  for (int i = 0; i < threads; i++) pthread_join(th[i], NULL), total += done[i];
  return (double)total / (now_s() - t0);
}

int main(int argc, char **argv) {
  char err[512], corpus[1024];
  snprintf(corpus, sizeof(corpus), "%s", argc > 1 ? argv[1] : CO_BENCH_CORPUS);
  const char *mp = argc > 2 ? argv[2] : co_classify_default_model_path();
  if (argc > 3) budget = atof(argv[3]);
  if (co_cls_read_jsonl(corpus, &rows, &nrows, NULL, NULL, err, sizeof(err)) != CO_OK) {
    fprintf(stderr, "bench_classify: %s\n", err);
    return 1;
  }
  co_classify_model_t *m = co_classify_load(mp, err, sizeof(err));
  if (!m) {
    fprintf(stderr, "bench_classify: %s\n", err);
    return 1;
  }
  model = m;
  size_t bytes = 0;
  for (size_t i = 0; i < nrows; i++) bytes += strlen(rows[i].subject) + strlen(rows[i].body);
  printf("bench_classify: %zu emails (mean %.0f bytes), %.1f s per phase\n", nrows, (double)bytes / nrows, budget);
  double tok = run_tokenize();
  double feat = run_featurize();
  double cls1 = run_classify(1);
  double cls2 = run_classify(2);
  printf("baseline tokenize only : %10.0f emails/s\n", tok);
  printf("featurize (hash)       : %10.0f emails/s  (%.3fx baseline)\n", feat, feat / tok);
  printf("classify, 1 thread     : %10.0f emails/s  (%.3fx baseline)\n", cls1, cls1 / tok);
  printf("classify, 2 threads    : %10.0f emails/s  (%.2fx one thread)\n", cls2, cls2 / cls1);
  co_classify_destroy(m);
  co_cls_rows_free(rows, nrows);
  return 0;
}
