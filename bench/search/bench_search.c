/* bench_search: the numbers issue 7 asks of search/.
 *
 * Part 1, the vector index at scale (default 100,000 chunks; --n 1000000 or
 * CO_BENCH_SEARCH_1M=1 for the million, opt-in because it takes minutes):
 * the "chunks" are hashed n-gram embeddings (384 dims, unit length) of
 * synthetic sentences drawn from a 3,000-word vocabulary, not MiniLM
 * vectors (embedding a million texts with MiniLM would take hours here).
 * It reports the HNSW build time, single-query search latency p50/p99
 * (one query at a time, as a user's search runs) and recall@10 of HNSW
 * against exact flat search over the same vectors in the same run; the
 * flat search latency is the baseline. M / efConstruction / efSearch come
 * from --m / --efc / --efs (defaults: the index defaults).
 *
 * Part 2, hybrid search on the labeled set (data/search, 600 briefings):
 * query latency p50/p99 per mode, including embedding the query, with
 * MiniLM when the model is installed (else the hash embedder, said so).
 * The index is cached in the build dir (co_search_save) so reruns skip the
 * three-minute MiniLM indexing.
 *
 * Output: human lines plus one JSON line per figure (prefix "json "). */
#include <jansson.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_search.h"
#include "co_vec_embed.h"
#include "co_vec_index.h"

#define DIM 384
#define K 10

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int dcmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p) {
  qsort(v, n, sizeof(double), dcmp);
  size_t i = (size_t)ceil(p * (double)n) - 1;
  return v[i < n ? i : n - 1];
}

/* A deterministic pseudo-word vocabulary and sentences over it. */
static uint64_t rng_state = 88172645463325252ull;
static uint64_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static char vocab[3000][12];
static void make_vocab(void) {
  static const char *syl[] = {"ka", "lo",  "mi", "ren", "tor", "sa",  "vel", "qui", "dra", "fen",
                              "ul", "bri", "zo", "nar", "pe",  "gal", "hex", "ion", "ar",  "tek"};
  for (int i = 0; i < 3000; i++) {
    vocab[i][0] = '\0';
    int ns = 2 + (int)(rnd() % 3);
    for (int j = 0; j < ns; j++) strcat(vocab[i], syl[rnd() % 20]);
  }
}

static void sentence(char *buf, size_t size) {
  /* Zipf-ish word choice: topics cluster around a few frequent words. */
  size_t n = 0;
  int topic = (int)(rnd() % 100);
  buf[0] = '\0';
  for (int w = 0; w < 14; w++) {
    int idx = rnd() % 2 ? topic * 30 + (int)(rnd() % 30) : (int)(rnd() % 3000);
    n += (size_t)snprintf(buf + n, size - n, "%s ", vocab[idx]);
  }
}

static float *embed_many(size_t n) {
  char err[256], buf[256];
  float *x = malloc(n * DIM * sizeof(float));
  for (size_t i = 0; i < n; i++) {
    sentence(buf, sizeof(buf));
    if (co_vec_hash_embed(buf, x + i * DIM, DIM, err, sizeof(err)) != CO_OK) {
      fprintf(stderr, "embed: %s\n", err);
      exit(1);
    }
  }
  return x;
}

static int index_part(size_t n, int m, int efc, int efs) {
  char err[256];
  size_t nq = 500;
  double t0 = now_ms();
  make_vocab();
  float *x = embed_many(n), *q = embed_many(nq);
  int64_t *ids = malloc(n * sizeof(int64_t));
  for (size_t i = 0; i < n; i++) ids[i] = (int64_t)i;
  printf("vectors: %zu hashed n-gram embeddings of synthetic sentences (dim %d) in %.1f s\n", n, DIM,
         (now_ms() - t0) / 1e3);
  co_vec_index_opts_t o;
  co_vec_index_opts_default(&o);
  if (m) o.hnsw_m = m;
  if (efc) o.ef_construction = efc;
  if (efs) o.ef_search = efs;
  o.hnsw_threshold = n; /* exactly n: HNSW */
  co_vec_index_t *flat = co_vec_index_new(DIM, "hash-ngram-384", 0, &o, err, sizeof(err));
  co_vec_index_t *hnsw = co_vec_index_new(DIM, "hash-ngram-384", n, &o, err, sizeof(err));
  if (!flat || !hnsw) {
    fprintf(stderr, "index: %s\n", err);
    return 1;
  }
  t0 = now_ms();
  co_vec_index_add(flat, n, x, ids, err, sizeof(err));
  double flat_build = now_ms() - t0;
  t0 = now_ms();
  if (co_vec_index_add(hnsw, n, x, ids, err, sizeof(err)) != CO_OK) {
    fprintf(stderr, "hnsw add: %s\n", err);
    return 1;
  }
  double hnsw_build = now_ms() - t0;
  float sc[K];
  int64_t *truth = malloc(nq * K * sizeof(int64_t)), got[K];
  double *lat_f = malloc(nq * sizeof(double)), *lat_h = malloc(nq * sizeof(double));
  for (size_t i = 0; i < nq; i++) {
    t0 = now_ms();
    co_vec_index_search(flat, 1, q + i * DIM, K, NULL, sc, truth + i * K, err, sizeof(err));
    lat_f[i] = now_ms() - t0;
  }
  size_t hits = 0;
  for (size_t i = 0; i < nq; i++) {
    t0 = now_ms();
    co_vec_index_search(hnsw, 1, q + i * DIM, K, NULL, sc, got, err, sizeof(err));
    lat_h[i] = now_ms() - t0;
    for (int a = 0; a < K; a++)
      for (int b = 0; b < K; b++) hits += got[a] == truth[i * K + b] && got[a] >= 0;
  }
  double recall = (double)hits / (double)(nq * K);
  /* FAISS wraps even a one-query search in an OpenMP region; on a busy
   * machine the team's start/barrier costs more than the search itself.
   * Measured again with one OpenMP thread (the caller's own thread). */
  int omp_default = omp_get_max_threads();
  double *lat_1 = malloc(nq * sizeof(double));
  omp_set_num_threads(1);
  for (size_t i = 0; i < nq; i++) {
    t0 = now_ms();
    co_vec_index_search(hnsw, 1, q + i * DIM, K, NULL, sc, got, err, sizeof(err));
    lat_1[i] = now_ms() - t0;
  }
  omp_set_num_threads(omp_default);
  double h1p50 = pct(lat_1, nq, .5), h1p99 = pct(lat_1, nq, .99);
  free(lat_1);
  double fp50 = pct(lat_f, nq, .5), fp99 = pct(lat_f, nq, .99), hp50 = pct(lat_h, nq, .5), hp99 = pct(lat_h, nq, .99);
  printf("n=%zu M=%d efConstruction=%d efSearch=%d\n", n, o.hnsw_m, o.ef_construction, o.ef_search);
  printf("  build: flat %.2f s, hnsw %.1f s\n", flat_build / 1e3, hnsw_build / 1e3);
  printf(
      "  search (1 query at a time, k=10, %zu queries): flat p50 %.2f ms p99 %.2f ms; hnsw p50 %.3f ms p99 %.3f ms"
      " (p50 speed-up x%.1f)\n",
      nq, fp50, fp99, hp50, hp99, fp50 / hp50);
  printf("  hnsw with 1 OpenMP thread (default %d): p50 %.3f ms p99 %.3f ms\n", omp_default, h1p50, h1p99);
  printf("  recall@10 hnsw vs exact flat: %.4f  [targets at 100k: p99 <= 10 ms, recall >= 0.95]\n", recall);
  printf(
      "json {\"bench\":\"search_index\",\"n\":%zu,\"m\":%d,\"ef_construction\":%d,\"ef_search\":%d,"
      "\"hnsw_build_s\":%.2f,\"flat_p50_ms\":%.3f,\"flat_p99_ms\":%.3f,\"hnsw_p50_ms\":%.3f,"
      "\"hnsw_p99_ms\":%.3f,\"hnsw_1thread_p50_ms\":%.3f,\"hnsw_1thread_p99_ms\":%.3f,\"recall_at_10\":%.4f}\n",
      n, o.hnsw_m, o.ef_construction, o.ef_search, hnsw_build / 1e3, fp50, fp99, hp50, hp99, h1p50, h1p99, recall);
  co_vec_index_destroy(flat);
  co_vec_index_destroy(hnsw);
  free(x);
  free(q);
  free(ids);
  free(truth);
  free(lat_f);
  free(lat_h);
  return 0;
}

static json_t *load_jsonl(const char *path) {
  char line[8192];
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  json_t *arr = json_array();
  while (fgets(line, sizeof(line), f)) {
    json_t *o = json_loads(line, 0, NULL);
    if (o) json_array_append_new(arr, o);
  }
  fclose(f);
  return arr;
}

static const char *str(json_t *o, const char *k) {
  return json_string_value(json_object_get(o, k));
}

static int hybrid_part(void) {
  char err[256], dir[4096], path[4200], cache[4200];
  const char *src = getenv("CO_SOURCE_DIR"), *bin = getenv("CO_BINARY_DIR");
  size_t i;
  json_t *o;
  snprintf(path, sizeof(path), "%s/data/search/briefings.jsonl", src ? src : ".");
  json_t *briefs = load_jsonl(path);
  snprintf(path, sizeof(path), "%s/data/search/queries.jsonl", src ? src : ".");
  json_t *queries = load_jsonl(path);
  if (!briefs || !queries) {
    fprintf(stderr, "labeled set not found under %s/data/search\n", src ? src : ".");
    return 1;
  }
  co_vec_embedder_t *e = NULL;
  if (co_vec_model_dir_default(dir, sizeof(dir), err, sizeof(err)) == CO_OK)
    e = co_vec_embedder_open(dir, err, sizeof(err));
  if (!e) {
    printf("MiniLM unavailable (%s): hybrid latency with the hash embedder\n", err);
    e = co_vec_embedder_open_hash(DIM, err, sizeof(err));
  }
  snprintf(cache, sizeof(cache), "%s/bench-search-%s.cos", bin ? bin : "/tmp", co_vec_embedder_id(e));
  uint64_t seq = 0;
  co_search_t *s = co_search_load(cache, e, &seq, err, sizeof(err));
  if (s && seq != json_array_size(briefs)) {
    co_search_destroy(s);
    s = NULL;
  }
  if (!s) {
    double t0 = now_ms();
    s = co_search_new(e, NULL, err, sizeof(err));
    json_array_foreach(briefs, i, o) {
      co_search_meta_t m = {str(o, "account"), str(o, "company"), str(o, "type"), str(o, "date")};
      if (co_search_upsert(s, str(o, "id"), &m, str(o, "text"), err, sizeof(err)) != CO_OK) {
        fprintf(stderr, "upsert: %s\n", err);
        return 1;
      }
    }
    printf("indexed %zu briefings (%zu chunks) with %s in %.1f s\n", co_search_docs(s), co_search_chunks(s),
           co_vec_embedder_id(e), (now_ms() - t0) / 1e3);
    co_search_save(s, cache, json_array_size(briefs), err, sizeof(err));
  } else {
    printf("loaded cached index %s (%zu briefings, %zu chunks)\n", cache, co_search_docs(s), co_search_chunks(s));
  }
  const co_search_mode_t modes[] = {CO_SEARCH_BM25, CO_SEARCH_VECTOR, CO_SEARCH_HYBRID};
  const char *names[] = {"bm25", "vector", "hybrid"};
  size_t nq = json_array_size(queries), reps = 3;
  double *lat = malloc(nq * reps * sizeof(double));
  for (int mi = 0; mi < 3; mi++) {
    size_t n = 0;
    for (size_t r = 0; r < reps; r++) json_array_foreach(queries, i, o) {
        co_search_query_t q = {.text = str(o, "text"), .k = 10, .mode = modes[mi]};
        co_search_result_t *res = NULL;
        double t0 = now_ms();
        if (co_search_query(s, &q, &res, err, sizeof(err)) != CO_OK) {
          fprintf(stderr, "query: %s\n", err);
          return 1;
        }
        lat[n++] = now_ms() - t0;
        co_search_result_free(res);
      }
    double p50 = pct(lat, n, .5), p99 = pct(lat, n, .99);
    printf("  %-6s query (k=10, %zu runs, embedder %s): p50 %.2f ms p99 %.2f ms\n", names[mi], n, co_vec_embedder_id(e),
           p50, p99);
    printf("json {\"bench\":\"search_labeled\",\"mode\":\"%s\",\"embedder\":\"%s\",\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n",
           names[mi], co_vec_embedder_id(e), p50, p99);
  }
  free(lat);
  co_search_destroy(s);
  co_vec_embedder_close(e);
  json_decref(briefs);
  json_decref(queries);
  return 0;
}

int main(int argc, char **argv) {
  size_t n = 100000;
  int m = 0, efc = 0, efs = 0, skip_index = 0, skip_hybrid = 0;
  const char *one_m = getenv("CO_BENCH_SEARCH_1M");
  setvbuf(stdout, NULL, _IOLBF, 0); /* long runs: show each figure as it comes */
  if (one_m && !strcmp(one_m, "1")) n = 1000000;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--n") && i + 1 < argc)
      n = (size_t)atol(argv[++i]);
    else if (!strcmp(argv[i], "--m") && i + 1 < argc)
      m = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--efc") && i + 1 < argc)
      efc = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--efs") && i + 1 < argc)
      efs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--no-index"))
      skip_index = 1;
    else if (!strcmp(argv[i], "--no-hybrid"))
      skip_hybrid = 1;
    else {
      fprintf(stderr, "usage: bench_search [--n N] [--m M] [--efc EF] [--efs EF] [--no-index] [--no-hybrid]\n");
      return 2;
    }
  }
  if (!skip_index && index_part(n, m, efc, efs) != 0) return 1;
  if (!skip_hybrid && hybrid_part() != 0) return 1;
  return 0;
}
