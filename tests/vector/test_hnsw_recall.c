/* Proves the HNSW index (default M and efSearch) finds at least 90% of the
 * exact top-10 of a flat index over 20,000 random 64-d unit vectors, a
 * correctness floor for the approximate path (speed is in bench/vector). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_vec_index.h"
#include "vec_rand.h"

#define N 20000
#define D 64
#define K 10
#define NQ 200

static void hnsw_recall_vs_flat(void **state) {
  (void)state;
  char err[256];
  float *x = vr_unit_vectors(N, D, 31), *q = vr_unit_vectors(NQ, D, 32);
  int64_t *ids = malloc(N * sizeof(int64_t));
  for (size_t i = 0; i < N; i++) ids[i] = (int64_t)i * 3 + 1;
  co_vec_index_opts_t o;
  co_vec_index_opts_default(&o);
  o.hnsw_threshold = N / 2;
  co_vec_index_t *flat = co_vec_index_new(D, "t", N / 4, &o, err, sizeof(err));
  co_vec_index_t *hnsw = co_vec_index_new(D, "t", N, &o, err, sizeof(err));
  assert_string_equal(co_vec_index_kind(flat), "flat");
  assert_string_equal(co_vec_index_kind(hnsw), "hnsw");
  assert_int_equal(co_vec_index_add(flat, N, x, ids, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_add(hnsw, N, x, ids, err, sizeof(err)), CO_OK);
  float *sf = malloc(NQ * K * sizeof(float)), *sh = malloc(NQ * K * sizeof(float));
  int64_t *idf = malloc(NQ * K * sizeof(int64_t)), *idh = malloc(NQ * K * sizeof(int64_t));
  assert_int_equal(co_vec_index_search(flat, NQ, q, K, NULL, sf, idf, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_search(hnsw, NQ, q, K, NULL, sh, idh, err, sizeof(err)), CO_OK);
  size_t hits = 0;
  for (size_t i = 0; i < NQ; i++)
    for (size_t j = 0; j < K; j++)
      for (size_t m = 0; m < K; m++) hits += idh[i * K + j] == idf[i * K + m];
  double recall = (double)hits / (NQ * K);
  fprintf(stderr, "HNSW recall@%d over %d queries, %d vectors: %.3f\n", K, NQ, N, recall);
  assert_true(recall >= 0.9);
  co_vec_index_destroy(flat);
  co_vec_index_destroy(hnsw);
  free(x);
  free(q);
  free(ids);
  free(sf);
  free(sh);
  free(idf);
  free(idh);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(hnsw_recall_vs_flat)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
