/* Proves filtered search returns the exact top-k among allowed ids only
 * (allow list, callback, and both), and range search returns exactly the
 * vectors at or above the score threshold, best first, on the flat index;
 * on HNSW (small, high ef, so near exact) filters and dead slots are
 * honoured and range results are all above the threshold with high recall. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "co_vec_index.h"
#include "vec_rand.h"

#define N 2000
#define D 32
#define K 10
#define NQ 10

static int is_even_id(int64_t id, void *opaque) {
  (void)opaque;
  return id % 2 == 0;
}

static co_vec_index_t *build(size_t threshold, float *x, int64_t *ids_of) {
  char err[256];
  co_vec_index_opts_t o;
  co_vec_index_opts_default(&o);
  o.hnsw_threshold = threshold;
  o.ef_search = 256;
  co_vec_index_t *idx = co_vec_index_new(D, "minilm-l6-v2", N, &o, err, sizeof(err));
  assert_non_null(idx);
  assert_int_equal(co_vec_index_add(idx, N, x, ids_of, err, sizeof(err)), CO_OK);
  return idx;
}

/* For each query: exact top-k among keep[] vs the index with filter f. */
static size_t filtered_hits(co_vec_index_t *idx, const float *x, const int64_t *ids_of, const char *keep,
                            const float *q, const co_vec_filter_t *f, int exact) {
  char err[256];
  size_t hits = 0;
  for (size_t i = 0; i < NQ; i++) {
    float sc[K];
    int64_t got[K], want[K];
    double wsc[K];
    assert_int_equal(co_vec_index_search(idx, 1, q + i * D, K, f, sc, got, err, sizeof(err)), CO_OK);
    vr_topk(x, ids_of, keep, N, D, q + i * D, K, want, wsc);
    for (size_t j = 0; j < K; j++) {
      assert_true(got[j] >= 0);
      assert_true(keep[got[j]]); /* ids_of[i] == i here */
      if (exact) assert_int_equal(got[j], want[j]);
      for (size_t m = 0; m < K; m++) hits += got[j] == want[m];
    }
  }
  return hits;
}

static void check_filters(co_vec_index_t *idx, float *x, int64_t *ids_of, const float *q, int exact) {
  char keep[N];
  int64_t allow[N];
  size_t na = 0;
  /* Allow list: ids divisible by 3. */
  for (size_t i = 0; i < N; i++) {
    keep[i] = i % 3 == 0;
    if (keep[i]) allow[na++] = (int64_t)i;
  }
  co_vec_filter_t f = {allow, na, NULL, NULL};
  size_t h = filtered_hits(idx, x, ids_of, keep, q, &f, exact);
  assert_true(h >= (size_t)(0.95 * NQ * K));
  /* Callback: even ids. */
  for (size_t i = 0; i < N; i++) keep[i] = i % 2 == 0;
  co_vec_filter_t g = {NULL, 0, is_even_id, NULL};
  h = filtered_hits(idx, x, ids_of, keep, q, &g, exact);
  assert_true(h >= (size_t)(0.95 * NQ * K));
  /* Both: divisible by 6. */
  for (size_t i = 0; i < N; i++) keep[i] = i % 6 == 0;
  co_vec_filter_t both = {allow, na, is_even_id, NULL};
  h = filtered_hits(idx, x, ids_of, keep, q, &both, exact);
  assert_true(h >= (size_t)(0.95 * NQ * K));
}

static void check_range(co_vec_index_t *idx, const float *x, const float *q, const char *alive, int exact) {
  char err[256];
  const float thr = 0.45f;
  for (size_t i = 0; i < NQ; i++) {
    int64_t *ids;
    float *sc;
    size_t n, want = 0, found = 0;
    assert_int_equal(co_vec_index_range_search(idx, q + i * D, thr, NULL, &ids, &sc, &n, err, sizeof(err)), CO_OK);
    for (size_t r = 0; r < N; r++)
      if (alive[r] && vr_dot(x + r * D, q + i * D, D) >= thr) want++;
    for (size_t j = 0; j < n; j++) {
      assert_true(sc[j] >= thr);
      assert_true(alive[ids[j]]);
      if (j) assert_true(sc[j - 1] >= sc[j]);
      assert_true(fabs(sc[j] - vr_dot(x + ids[j] * D, q + i * D, D)) < 1e-4);
      found++;
    }
    if (exact)
      assert_int_equal(found, want);
    else
      assert_true(found >= (size_t)(0.9 * want));
    free(ids);
    free(sc);
  }
  /* A threshold above every score: nothing, NULL arrays. */
  int64_t *ids;
  float *sc;
  size_t n;
  assert_int_equal(co_vec_index_range_search(idx, q, 1.5f, NULL, &ids, &sc, &n, err, sizeof(err)), CO_OK);
  assert_int_equal(n, 0);
  assert_null(ids);
  assert_null(sc);
}

static void filter_and_range(void **state) {
  (void)state;
  char err[256], alive[N];
  float *x = vr_unit_vectors(N, D, 11), *q = vr_unit_vectors(NQ, D, 12);
  int64_t ids_of[N];
  for (size_t i = 0; i < N; i++) {
    ids_of[i] = (int64_t)i;
    alive[i] = 1;
  }
  co_vec_index_t *flat = build(N + 1, x, ids_of);
  assert_string_equal(co_vec_index_kind(flat), "flat");
  check_filters(flat, x, ids_of, q, 1);
  check_range(flat, x, q, alive, 1);

  co_vec_index_t *hnsw = build(0, x, ids_of);
  assert_string_equal(co_vec_index_kind(hnsw), "hnsw");
  check_filters(hnsw, x, ids_of, q, 0);
  check_range(hnsw, x, q, alive, 0);
  /* Dead HNSW slots vanish from results, filters and ranges. */
  int64_t rm[N / 5];
  size_t nrm = 0, removed;
  for (size_t i = 0; i < N; i += 5) {
    rm[nrm++] = (int64_t)i;
    alive[i] = 0;
  }
  assert_int_equal(co_vec_index_remove(hnsw, nrm, rm, &removed, err, sizeof(err)), CO_OK);
  assert_int_equal(removed, nrm);
  assert_int_equal(co_vec_index_ntotal(hnsw), N - nrm);
  check_range(hnsw, x, q, alive, 0);
  for (size_t i = 0; i < NQ; i++) {
    float sc[K];
    int64_t got[K];
    assert_int_equal(co_vec_index_search(hnsw, 1, q + i * D, K, NULL, sc, got, err, sizeof(err)), CO_OK);
    for (size_t j = 0; j < K; j++) assert_true(got[j] >= 0 && alive[got[j]]);
  }
  co_vec_index_destroy(flat);
  co_vec_index_destroy(hnsw);
  free(x);
  free(q);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(filter_and_range)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
