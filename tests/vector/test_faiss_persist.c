/* Proves an index written to disk reads back with the same kind, embedder
 * id, count and search results, for flat and for HNSW with removed (dead)
 * ids, which stay removed; and that missing or corrupt files are refused
 * with the right error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_th.h"
#include "co_vec_index.h"
#include "vec_rand.h"

#define N 1500
#define D 48
#define K 8
#define NQ 12

static void roundtrip(size_t threshold, const char *dir, const char *name) {
  char err[256], path[1024];
  float *x = vr_unit_vectors(N, D, 21), *q = vr_unit_vectors(NQ, D, 22);
  int64_t ids_of[N], rm[N / 4];
  size_t nrm = 0;
  co_vec_index_opts_t o;
  co_vec_index_opts_default(&o);
  o.hnsw_threshold = threshold;
  o.ef_search = 100;
  for (size_t i = 0; i < N; i++) ids_of[i] = 5000 + (int64_t)i;
  for (size_t i = 0; i < N; i += 4) rm[nrm++] = ids_of[i];
  co_vec_index_t *a = co_vec_index_new(D, "hash-ngram-48", N, &o, err, sizeof(err));
  assert_non_null(a);
  assert_int_equal(co_vec_index_add(a, N, x, ids_of, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_remove(a, nrm, rm, NULL, err, sizeof(err)), CO_OK);
  snprintf(path, sizeof(path), "%s/%s.covi", dir, name);
  assert_int_equal(co_vec_index_write(a, path, err, sizeof(err)), CO_OK);

  co_vec_index_t *b = co_vec_index_read(path, err, sizeof(err));
  if (!b) fail_msg("read: %s", err);
  assert_string_equal(co_vec_index_kind(b), co_vec_index_kind(a));
  assert_string_equal(co_vec_index_embedder(b), "hash-ngram-48");
  assert_int_equal(co_vec_index_dim(b), D);
  assert_int_equal(co_vec_index_ntotal(b), N - nrm);
  float sa[NQ * K], sb[NQ * K];
  int64_t ia[NQ * K], ib[NQ * K];
  assert_int_equal(co_vec_index_search(a, NQ, q, K, NULL, sa, ia, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_search(b, NQ, q, K, NULL, sb, ib, err, sizeof(err)), CO_OK);
  for (size_t i = 0; i < NQ * K; i++) {
    assert_int_equal(ia[i], ib[i]);
    assert_true(fabs(sa[i] - sb[i]) < 1e-6);
    assert_true(ib[i] >= 5000 && (ib[i] - 5000) % 4 != 0); /* removed stay removed */
  }
  /* The read index keeps working: removing and re-adding. */
  size_t removed = 0;
  assert_int_equal(co_vec_index_remove(b, 1, &ia[0], &removed, err, sizeof(err)), CO_OK);
  assert_int_equal(removed, 1);
  assert_int_equal(co_vec_index_remove(b, 1, &rm[1], &removed, err, sizeof(err)), CO_OK);
  assert_int_equal(removed, 0);
  assert_int_equal(co_vec_index_add(b, 1, q, &rm[1], err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_index_ntotal(b), N - nrm);
  float s1;
  int64_t i1;
  assert_int_equal(co_vec_index_search(b, 1, q, 1, NULL, &s1, &i1, err, sizeof(err)), CO_OK);
  assert_int_equal(i1, rm[1]);
  co_vec_index_destroy(a);
  co_vec_index_destroy(b);
  free(x);
  free(q);
}

static void persist_roundtrip(void **state) {
  (void)state;
  char err[256], path[1024];
  char *dir = co_th_tmpdir("vector_persist");
  assert_non_null(dir);
  roundtrip(1u << 30, dir, "flat");
  roundtrip(0, dir, "hnsw");

  snprintf(path, sizeof(path), "%s/absent.covi", dir);
  assert_null(co_vec_index_read(path, err, sizeof(err)));
  assert_non_null(strstr(err, "absent.covi"));
  snprintf(path, sizeof(path), "%s/garbage.covi", dir);
  assert_int_equal(co_th_write_file(path, "not an index at all, not at all", 31), 0);
  assert_null(co_vec_index_read(path, err, sizeof(err)));
  assert_non_null(strstr(err, "not a CareerOps vector index"));
  /* Right header, truncated or damaged body: caught before FAISS parses. */
  size_t len = 0;
  char src[1024];
  snprintf(src, sizeof(src), "%s/flat.covi", dir);
  char *data = co_th_read_file(src, &len);
  assert_non_null(data);
  snprintf(path, sizeof(path), "%s/truncated.covi", dir);
  assert_int_equal(co_th_write_file(path, data, len / 2), 0);
  assert_null(co_vec_index_read(path, err, sizeof(err)));
  assert_non_null(strstr(err, "truncated"));
  data[len - 100] ^= 0x5a;
  assert_int_equal(co_th_write_file(path, data, len), 0);
  assert_null(co_vec_index_read(path, err, sizeof(err)));
  assert_non_null(strstr(err, "checksum"));
  free(data);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(persist_roundtrip)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
