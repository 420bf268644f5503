/* Proves the flat index is exact: top-k ids and scores equal a brute-force
 * scan, before and after removals and upserts; and that an index refuses a
 * different embedder's id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "co_vec_index.h"
#include "vec_rand.h"

#define N 3000
#define D 64
#define K 10
#define NQ 25

static void check_exact(co_vec_index_t *idx, const float *x, const int64_t *ids_of, const char *keep, const float *q) {
  char err[256];
  float sc[NQ * K];
  int64_t got[NQ * K], want[K];
  double wsc[K];
  assert_int_equal(co_vec_index_search(idx, NQ, q, K, NULL, sc, got, err, sizeof(err)), CO_OK);
  for (size_t i = 0; i < NQ; i++) {
    vr_topk(x, ids_of, keep, N, D, q + i * D, K, want, wsc);
    for (size_t j = 0; j < K; j++) {
      assert_int_equal(got[i * K + j], want[j]);
      assert_true(fabs(sc[i * K + j] - wsc[j]) < 1e-4);
    }
  }
}

static void flat_topk_is_exact(void **state) {
  (void)state;
  char err[256];
  float *x = vr_unit_vectors(N, D, 1), *q = vr_unit_vectors(NQ, D, 2);
  int64_t ids_of[N];
  char keep[N];
  for (size_t i = 0; i < N; i++) {
    ids_of[i] = 1000000 + (int64_t)i * 7; /* sparse, non-positional ids */
    keep[i] = 1;
  }
  co_vec_index_t *idx = co_vec_index_new(D, "hash-ngram-64", N, NULL, err, sizeof(err));
  assert_non_null(idx);
  assert_string_equal(co_vec_index_kind(idx), "flat");
  assert_int_equal(co_vec_index_add(idx, N, x, ids_of, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_ntotal(idx), N);
  check_exact(idx, x, ids_of, NULL, q);

  /* Remove every third id (plus one unknown id): results skip them. */
  int64_t rm[N / 3 + 1];
  size_t nrm = 0, removed = 0;
  for (size_t i = 0; i < N; i += 3) {
    rm[nrm++] = ids_of[i];
    keep[i] = 0;
  }
  rm[nrm++] = 42;
  assert_int_equal(co_vec_index_remove(idx, nrm, rm, &removed, err, sizeof(err)), CO_OK);
  assert_int_equal(removed, nrm - 1);
  assert_int_equal(co_vec_index_ntotal(idx), N - (nrm - 1));
  check_exact(idx, x, ids_of, keep, q);

  /* Upsert: re-adding an id replaces its vector; the count stays. */
  float *nv = vr_unit_vectors(1, D, 3);
  memcpy(x + 1 * D, nv, D * sizeof(float));
  assert_int_equal(co_vec_index_add(idx, 1, nv, &ids_of[1], err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_ntotal(idx), N - (nrm - 1));
  check_exact(idx, x, ids_of, keep, q);
  float s1;
  int64_t i1;
  assert_int_equal(co_vec_index_search(idx, 1, nv, 1, NULL, &s1, &i1, err, sizeof(err)), CO_OK);
  assert_int_equal(i1, ids_of[1]);
  assert_true(fabs(s1 - 1.0) < 1e-5);

  /* Bad input is refused with a reason. */
  int64_t dup[2] = {5, 5};
  assert_int_equal(co_vec_index_add(idx, 2, x, dup, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_non_null(strstr(err, "repeated"));
  int64_t neg = -3;
  assert_int_equal(co_vec_index_add(idx, 1, x, &neg, err, sizeof(err)), CO_ERR_INVALID_ARG);

  /* k beyond the live count pads with -1. */
  co_vec_index_t *small = co_vec_index_new(D, "hash-ngram-64", 0, NULL, err, sizeof(err));
  int64_t two[2] = {1, 2}, out[5];
  float osc[5];
  assert_int_equal(co_vec_index_add(small, 2, x, two, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_search(small, 1, q, 5, NULL, osc, out, err, sizeof(err)), CO_OK);
  assert_true(out[0] >= 1 && out[1] >= 1 && out[2] == -1 && out[4] == -1);
  assert_true(isinf(osc[4]) && osc[4] < 0);
  co_vec_index_destroy(small);

  assert_int_equal(co_vec_index_check_embedder(idx, "hash-ngram-64", err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_check_embedder(idx, "minilm-l6-v2", err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "minilm-l6-v2"));
  co_vec_index_destroy(idx);
  free(nv);
  free(x);
  free(q);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(flat_topk_is_exact)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
