/* bench_classify: classifier throughput, all figures from one run over the
 * same emails (data/train, cycled), so the ratios hold across machines:
 *   - plain tokenisation (baseline), featurisation, and the n-gram-only
 *     model (today's figure before the embedding block), 1 and 2 threads;
 *   - the shipped model with the multilingual-e5-small block, one email at
 *     a time on one core (OMP_NUM_THREADS=1: the bench re-executes itself
 *     with it unless it is set), which includes embedding the email;
 *   - the levers: embedding alone at byte caps of 512/256/128 (about
 *     128/64/32 tokens, measured mean printed) and batches of 16;
 *   - model load time and resident memory (VmRSS) after each load and
 *     after classifying (the e5 weights are mmap'd: pages count once used).
 * Single-thread rates are per CPU-second of the measuring thread (the
 * machine may be shared); the two-thread rate is per wall second.
 * Usage: bench_classify [CORPUS.jsonl] [MODEL] [SECONDS_PER_PHASE] [NGRAM_MODEL] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "co_classify.h"
#include "co_classify_int.h"
#include "co_vec_e5.h"

/* Single-thread phases are timed on the calling thread's CPU clock: the
 * machine is shared (other builds and tests), and emails per CPU-second on
 * one core is the figure asked for. The two-thread phase uses wall time. */
static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static co_cls_row_t *rows;
static size_t nrows;
static const co_classify_model_t *model;
static double budget = 2.0;

/* VmRSS or VmHWM of this process in MB. */
static double rss_mb(const char *key) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  double kb = 0;
  size_t kl = strlen(key);
  if (!f) return 0;
  while (fgets(line, sizeof(line), f))
    if (strncmp(line, key, kl) == 0 && line[kl] == ':') kb = atof(line + kl + 1);
  fclose(f);
  return kb / 1024.0;
}

static co_classify_input_t input_of(size_t i) {
  return (co_classify_input_t){
      .subject = rows[i].subject, .from = rows[i].from, .body = rows[i].body, .date = rows[i].date};
}

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
      co_classify_input_t in = input_of(i);
      co_cls_featurize(&model->cfg, &in, &x);
    }
    done += nrows;
  } while ((t = now_s() - t0) < budget);
  co_cls_vec_free(&x);
  return (double)done / t;
}

/* Classifies rows in order until the budget is spent (checked per email,
 * so a slow model still stops on time). */
static void *classify_loop(void *arg) {
  size_t *done = arg;
  co_classify_result_t r;
  char err[256];
  double t0 = now_s();
  size_t i = 0;
  do {
    co_classify_input_t in = input_of(i);
    if (co_classify_email(model, &in, &r, err, sizeof(err)) != CO_OK) {
      fprintf(stderr, "bench_classify: %s\n", err);
      exit(1);
    }
    i = (i + 1) % nrows;
    ++*done;
  } while (now_s() - t0 < budget);
  return NULL;
}

static double run_classify(int threads) {
  pthread_t th[8];
  size_t done[8] = {0}, total = 0;
  if (threads == 1) { /* on this thread: its CPU clock */
    double t0 = now_s();
    classify_loop(&done[0]);
    return (double)done[0] / (now_s() - t0);
  }
  double t0 = wall_s();
  for (int i = 0; i < threads; i++) pthread_create(&th[i], NULL, classify_loop, &done[i]);
  for (int i = 0; i < threads; i++) pthread_join(th[i], NULL), total += done[i];
  return (double)total / (wall_s() - t0);
}

/* Embedding alone at a byte cap, batch texts per call; *tokens gets the
 * mean token count of the embedded texts. */
static double run_embed(co_vec_e5_t *e, uint32_t cap, size_t batch, double *tokens) {
  co_cls_featcfg_t cfg = model->cfg;
  cfg.embed_bytes = cap;
  char *texts[16];
  float out[16 * CO_VEC_E5_DIM];
  char err[256];
  size_t done = 0, i = 0, ntok = 0;
  for (size_t b = 0; b < batch; b++) texts[b] = malloc(cap + 1);
  double t0 = now_s(), t;
  do {
    for (size_t b = 0; b < batch; b++, i = (i + 1) % nrows) {
      co_classify_input_t in = input_of(i);
      co_cls_embed_text(&cfg, &in, texts[b], cap + 1);
    }
    if (co_vec_e5_embed_batch(e, (const char *const *)texts, batch, 0, (co_vec_e5_kind_t)cfg.embed_kind, out, err,
                              sizeof(err)) != CO_OK) {
      fprintf(stderr, "bench_classify: %s\n", err);
      exit(1);
    }
    done += batch;
  } while ((t = now_s() - t0) < budget);
  for (size_t k = 0; k < 200 && k < nrows; k++) { /* token counts outside the timing */
    co_classify_input_t in = input_of(k);
    co_cls_embed_text(&cfg, &in, texts[0], cap + 1);
    ntok += (size_t)co_vec_e5_token_count(e, texts[0], 0, (co_vec_e5_kind_t)cfg.embed_kind);
  }
  *tokens = (double)ntok / (double)(nrows < 200 ? nrows : 200);
  for (size_t b = 0; b < batch; b++) free(texts[b]);
  return (double)done / t;
}

static co_classify_model_t *load_timed(const char *path, double *secs, double *rss_after) {
  char err[512];
  double t0 = wall_s();
  co_classify_model_t *m = co_classify_load(path, err, sizeof(err));
  *secs = wall_s() - t0;
  *rss_after = rss_mb("VmRSS");
  if (!m) {
    fprintf(stderr, "bench_classify: %s\n", err);
    exit(1);
  }
  return m;
}

int main(int argc, char **argv) {
  char err[512], corpus[1024];
  if (!getenv("OMP_NUM_THREADS")) { /* one core: libgomp reads this when it loads, so re-execute */
    setenv("OMP_NUM_THREADS", "1", 1);
    setenv("OPENBLAS_NUM_THREADS", "1", 1);
    execv("/proc/self/exe", argv);
    perror("bench_classify: re-exec");
    return 1;
  }
  snprintf(corpus, sizeof(corpus), "%s", argc > 1 ? argv[1] : CO_BENCH_CORPUS);
  const char *mp = argc > 2 ? argv[2] : co_classify_default_model_path();
  if (argc > 3) budget = atof(argv[3]);
  const char *np = argc > 4 ? argv[4] : CO_BENCH_NGRAM_MODEL;
  if (co_cls_read_jsonl(corpus, &rows, &nrows, NULL, NULL, err, sizeof(err)) != CO_OK) {
    fprintf(stderr, "bench_classify: %s\n", err);
    return 1;
  }
  size_t bytes = 0;
  for (size_t i = 0; i < nrows; i++) bytes += strlen(rows[i].subject) + strlen(rows[i].body);
  printf("bench_classify: %zu emails (mean %.0f bytes), %.1f s per phase, OMP_NUM_THREADS=%s\n", nrows,
         (double)bytes / nrows, budget, getenv("OMP_NUM_THREADS"));
  double rss0 = rss_mb("VmRSS"), ld_ng, rss_ng, ld_em, rss_em;

  co_classify_model_t *ng = load_timed(np, &ld_ng, &rss_ng);
  model = ng;
  double tok = run_tokenize();
  double feat = run_featurize();
  double cls1 = run_classify(1);
  double cls2 = run_classify(2);
  co_classify_destroy(ng);

  double rss_before_em = rss_mb("VmRSS");
  co_classify_model_t *em = load_timed(mp, &ld_em, &rss_em);
  if (!em->cfg.embed_dim) {
    fprintf(stderr, "bench_classify: %s has no embedding block\n", mp);
    return 1;
  }
  model = em;
  double emb1 = run_classify(1);
  double rss_used = rss_mb("VmRSS");
  double t512, t256, t128, e512 = run_embed(em->e5, 512, 1, &t512), e256 = run_embed(em->e5, 256, 1, &t256);
  double e128 = run_embed(em->e5, 128, 1, &t128), b512 = run_embed(em->e5, em->cfg.embed_bytes, 16, &t512);

  printf("baseline tokenize only          : %9.0f emails/s\n", tok);
  printf("featurize (hash)                : %9.0f emails/s  (%.3fx baseline)\n", feat, feat / tok);
  printf("n-gram only, 1 thread           : %9.0f emails/s  (%.3fx baseline)\n", cls1, cls1 / tok);
  printf("n-gram only, 2 threads (wall)   : %9.0f emails/s  (%.2fx one thread)\n", cls2, cls2 / cls1);
  printf("n-gram + e5 (%u B), 1 core      : %9.1f emails/s  (%.4fx n-gram only)\n", em->cfg.embed_bytes, emb1,
         emb1 / cls1);
  printf("  e5 embed alone, 512 B (%3.0f tok): %9.1f emails/s\n", t512, e512);
  printf("  e5 embed alone, 256 B (%3.0f tok): %9.1f emails/s  (%.2fx 512 B)\n", t256, e256, e256 / e512);
  printf("  e5 embed alone, 128 B (%3.0f tok): %9.1f emails/s  (%.2fx 512 B)\n", t128, e128, e128 / e512);
  printf("  e5 embed, batches of 16, %u B : %9.1f emails/s  (%.2fx one at a time)\n", em->cfg.embed_bytes, b512,
         b512 / e512);
  printf("load n-gram model               : %9.3f s, RSS %+.0f MB\n", ld_ng, rss_ng - rss0);
  printf("load n-gram + e5 model          : %9.3f s, RSS %+.0f MB at load, %+.0f MB after classifying (peak %.0f MB)\n",
         ld_em, rss_em - rss_before_em, rss_used - rss_before_em, rss_mb("VmHWM"));
  co_classify_destroy(em);
  co_cls_rows_free(rows, nrows);
  return 0;
}
