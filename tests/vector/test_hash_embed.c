/* Proves the hashed n-gram fallback embedder is deterministic, unit length,
 * ranks a paraphrase above an unrelated text, is insensitive to case and
 * Unicode normalization form, reports its id, and validates input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "co_vec_embed.h"

#define D 384

static double dot(const float *a, const float *b) {
  double s = 0;
  for (size_t i = 0; i < D; i++) s += (double)a[i] * b[i];
  return s;
}

static void hash_embedder_ranks_and_normalizes(void **state) {
  (void)state;
  char err[256];
  float a[D], b[D], c[D], a2[D], z[D];
  co_vec_embedder_t *e = co_vec_embedder_open_hash(D, err, sizeof(err));
  assert_non_null(e);
  assert_string_equal(co_vec_embedder_id(e), "hash-ngram-384");
  assert_int_equal(co_vec_embedder_dim(e), D);
  assert_int_equal(co_vec_embed(e, "Interview invitation for the backend engineer role", a, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_embed(e, "Invitation to interview: backend engineering position", b, err, sizeof(err)),
                   CO_OK);
  assert_int_equal(co_vec_embed(e, "Your weekly grocery discount coupons are here", c, err, sizeof(err)), CO_OK);
  assert_true(fabs(dot(a, a) - 1.0) < 1e-5);
  assert_true(dot(a, b) > dot(a, c) + 0.2);
  /* Same text, other case and NFD accents: same vector. */
  assert_int_equal(co_vec_embed(e, "Café résumé", a, err, sizeof(err)), CO_OK);
  assert_int_equal(co_vec_embed(e, "CAFE\xcc\x81 RE\xcc\x81SUME\xcc\x81", a2, err, sizeof(err)), CO_OK);
  assert_true(dot(a, a2) > 0.9999);
  /* Deterministic across the handle and the plain function. */
  assert_int_equal(co_vec_hash_embed("Café résumé", b, D, err, sizeof(err)), CO_OK);
  assert_memory_equal(a, b, sizeof(a));
  /* Nothing to hash: all zeros, not NaN. */
  assert_int_equal(co_vec_embed(e, "  ... !!", z, err, sizeof(err)), CO_OK);
  for (size_t i = 0; i < D; i++) assert_true(z[i] == 0.0f);
  /* Batch equals singles. */
  const char *texts[2] = {"Café résumé", "Your weekly grocery discount coupons are here"};
  float batch[2 * D];
  assert_int_equal(co_vec_embed_batch(e, texts, 2, batch, err, sizeof(err)), CO_OK);
  assert_memory_equal(batch, a, sizeof(a));
  assert_memory_equal(batch + D, c, sizeof(c));
  assert_int_equal(co_vec_embed(e, "\xff", a, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_null(co_vec_embedder_open_hash(3, err, sizeof(err)));
  co_vec_embedder_close(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(hash_embedder_ranks_and_normalizes)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
