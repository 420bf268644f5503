/* Proves the C MiniLM embedder reproduces sentence-transformers'
 * all-MiniLM-L6-v2 vectors: cosine >= 0.999 for each of the 50 reference
 * sentences, through both the single and the batch call (the batch packs
 * sentences of different lengths together, so this also proves one
 * sentence's tokens never attend to another's). Fails, never skips, when
 * the model is not installed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_vec_embed.h"
#include "vec_fixture.h"

#define DIM CO_VEC_MINILM_DIM

static double cosine(const float *a, const json_t *b) {
  double dot = 0, na = 0, nb = 0;
  for (size_t i = 0; i < DIM; i++) {
    double y = json_number_value(json_array_get(b, i));
    dot += a[i] * y;
    na += (double)a[i] * a[i];
    nb += y * y;
  }
  return dot / (sqrt(na) * sqrt(nb));
}

static void vectors_match_sentence_transformers(void **state) {
  (void)state;
  char dir[4096], err[256];
  json_t *doc = vec_fixture_load(), *items, *it;
  size_t i, n, bad = 0;
  co_vec_embedder_t *e;
  const char **texts;
  float *single, *batch;
  double worst = 1;

  assert_int_equal(vec_fixture_model_dir(dir, sizeof(dir)), 0);
  assert_non_null(doc);
  e = co_vec_embedder_open(NULL, err, sizeof(err));
  if (!e) fail_msg("open: %s", err);
  assert_string_equal(co_vec_embedder_id(e), "minilm-l6-v2");
  assert_int_equal(co_vec_embedder_dim(e), DIM);
  items = json_object_get(doc, "items");
  n = json_array_size(items);
  assert_int_equal(n, 50);
  texts = calloc(n, sizeof(*texts));
  single = calloc(n * DIM, sizeof(float));
  batch = calloc(n * DIM, sizeof(float));
  json_array_foreach(items, i, it) {
    texts[i] = json_string_value(json_object_get(it, "text"));
    assert_int_equal(co_vec_embed(e, texts[i], single + i * DIM, err, sizeof(err)), CO_OK);
  }
  assert_int_equal(co_vec_embed_batch(e, texts, n, batch, err, sizeof(err)), CO_OK);
  json_array_foreach(items, i, it) {
    json_t *want = json_object_get(it, "vector");
    double cs = cosine(single + i * DIM, want), cb = cosine(batch + i * DIM, want);
    if (cs < worst) worst = cs;
    if (cb < worst) worst = cb;
    if (cs < 0.999 || cb < 0.999) {
      bad++;
      fprintf(stderr, "sentence %zu: cosine single %.6f batch %.6f: %.60s\n", i, cs, cb, texts[i]);
    }
  }
  fprintf(stderr, "worst cosine over %zu sentences: 1 - %.3g\n", n, 1 - worst);
  assert_int_equal(bad, 0);
  free(texts);
  free(single);
  free(batch);
  json_decref(doc);
  co_vec_embedder_close(e);
}

static void refuses_bad_model_dir_and_utf8(void **state) {
  (void)state;
  char err[256];
  float v[DIM];
  co_vec_embedder_t *e;
  assert_null(co_vec_embedder_open("/nonexistent/model", err, sizeof(err)));
  assert_non_null(strstr(err, "/nonexistent/model"));
  e = co_vec_embedder_open(NULL, err, sizeof(err));
  if (!e) fail_msg("open: %s", err);
  assert_int_equal(co_vec_embed(e, "bad \xc3\x28", v, err, sizeof(err)), CO_ERR_INVALID_ARG);
  co_vec_embedder_close(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(vectors_match_sentence_transformers),
      cmocka_unit_test(refuses_bad_model_dir_and_utf8),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
