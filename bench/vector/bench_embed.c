/* bench_embed: sentence embedding throughput of the C MiniLM embedder
 * (single calls and batches) and of the hashed fallback, over the 30
 * job-mail sentences of tests/vector/fixtures/minilm_reference.json, the
 * same texts tools/embed_reference.py --bench times in Python; run_bench.sh
 * runs both in one go and prints C / Python. With --index it also times
 * exact flat search against HNSW on the same random unit vectors (uniform
 * in a cube, then normalized: a hard case for HNSW, so recall here is a
 * floor, not what clustered real embeddings get).
 * Output: one JSON object per line on stdout.
 * Usage: bench_embed [--n TEXTS] [--batch B] [--index N] */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_vec_embed.h"
#include "co_vec_index.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double embed_rate(co_vec_embedder_t *e, const char **texts, size_t n, size_t batch) {
  char err[256];
  size_t dim = co_vec_embedder_dim(e);
  float *out = malloc(batch * dim * sizeof(float));
  double t0 = now_s();
  for (size_t i = 0; i < n; i += batch) {
    size_t m = n - i < batch ? n - i : batch;
    if (co_vec_embed_batch(e, texts + i, m, out, err, sizeof(err)) != CO_OK) {
      fprintf(stderr, "bench_embed: %s\n", err);
      exit(1);
    }
  }
  double dt = now_s() - t0;
  free(out);
  return (double)n / dt;
}

static void bench_index(size_t n) {
  char err[256];
  const size_t d = CO_VEC_MINILM_DIM, nq = 200, k = 10;
  float *x = malloc(n * d * sizeof(float)), *q = malloc(nq * d * sizeof(float));
  int64_t *ids = malloc(n * sizeof(int64_t)), *rf = malloc(nq * k * 8), *rh = malloc(nq * k * 8);
  float *sf = malloc(nq * k * 4), *sh = malloc(nq * k * 4);
  unsigned s = 7;
  for (size_t i = 0; i < n * d; i++) x[i] = (float)rand_r(&s) / RAND_MAX - 0.5f;
  for (size_t i = 0; i < nq * d; i++) q[i] = (float)rand_r(&s) / RAND_MAX - 0.5f;
  for (size_t i = 0; i < n + nq; i++) { /* unit length, like embeddings */
    float *v = i < n ? x + i * d : q + (i - n) * d, s2 = 0;
    for (size_t j = 0; j < d; j++) s2 += v[j] * v[j];
    for (size_t j = 0; j < d; j++) v[j] /= sqrtf(s2);
  }
  for (size_t i = 0; i < n; i++) ids[i] = (int64_t)i;
  co_vec_index_opts_t o;
  co_vec_index_opts_default(&o);
  o.hnsw_threshold = n;
  co_vec_index_t *flat = co_vec_index_new(d, "bench", 0, &o, err, sizeof(err));
  co_vec_index_t *hnsw = co_vec_index_new(d, "bench", n, &o, err, sizeof(err));
  co_vec_index_add(flat, n, x, ids, err, sizeof(err));
  double t0 = now_s();
  co_vec_index_add(hnsw, n, x, ids, err, sizeof(err));
  double build = now_s() - t0;
  t0 = now_s();
  for (size_t i = 0; i < nq; i++)
    co_vec_index_search(flat, 1, q + i * d, k, NULL, sf + i * k, rf + i * k, err, sizeof(err));
  double tf = now_s() - t0;
  t0 = now_s();
  for (size_t i = 0; i < nq; i++)
    co_vec_index_search(hnsw, 1, q + i * d, k, NULL, sh + i * k, rh + i * k, err, sizeof(err));
  double th = now_s() - t0;
  size_t hits = 0;
  for (size_t i = 0; i < nq; i++)
    for (size_t j = 0; j < k; j++)
      for (size_t m = 0; m < k; m++) hits += rh[i * k + j] == rf[i * k + m];
  printf(
      "{\"impl\":\"index\",\"vectors\":%zu,\"dim\":%zu,\"flat_qps\":%.1f,\"hnsw_qps\":%.1f,"
      "\"hnsw_over_flat\":%.2f,\"hnsw_recall_at_10\":%.3f,\"hnsw_build_s\":%.1f}\n",
      n, d, nq / tf, nq / th, tf / th, (double)hits / (nq * k), build);
  co_vec_index_destroy(flat);
  co_vec_index_destroy(hnsw);
  free(x), free(q), free(ids), free(rf), free(rh), free(sf), free(sh);
}

int main(int argc, char **argv) {
  size_t n = 256, batch = 32, index_n = 0;
  char path[4096], err[256];
  const char *src = getenv("CO_SOURCE_DIR");
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--n"))
      n = strtoul(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--batch"))
      batch = strtoul(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--index"))
      index_n = strtoul(argv[i + 1], NULL, 10);
  }
  if (!n || !batch) return 2;
  snprintf(path, sizeof(path), "%s/tests/vector/fixtures/minilm_reference.json", src ? src : CO_BENCH_SOURCE_DIR);
  json_error_t jerr;
  json_t *doc = json_load_file(path, 0, &jerr);
  if (!doc) {
    fprintf(stderr, "bench_embed: %s: %s\n", path, jerr.text);
    return 1;
  }
  json_t *items = json_object_get(doc, "items");
  const char **texts = malloc(n * sizeof(*texts));
  for (size_t i = 0; i < n; i++) texts[i] = json_string_value(json_object_get(json_array_get(items, i % 30), "text"));

  co_vec_embedder_t *e = co_vec_embedder_open(NULL, err, sizeof(err));
  if (!e) {
    fprintf(stderr, "bench_embed: %s (run scripts/install-model.sh)\n", err);
    return 1;
  }
  embed_rate(e, texts, batch < n ? batch : n, batch); /* warm-up: page in the weights */
  double single = embed_rate(e, texts, n, 1), batched = embed_rate(e, texts, n, batch);
  co_vec_embedder_t *h = co_vec_embedder_open_hash(CO_VEC_MINILM_DIM, err, sizeof(err));
  double hash = embed_rate(h, texts, n, batch);
  printf("{\"impl\":\"c-minilm\",\"texts\":%zu,\"batch\":%zu,\"single_per_s\":%.1f,\"per_s\":%.1f}\n", n, batch, single,
         batched);
  printf("{\"impl\":\"c-hash-ngram\",\"texts\":%zu,\"per_s\":%.1f,\"over_minilm\":%.1f}\n", n, hash, hash / batched);
  if (index_n) bench_index(index_n);
  co_vec_embedder_close(e);
  co_vec_embedder_close(h);
  free(texts);
  json_decref(doc);
  return 0;
}
