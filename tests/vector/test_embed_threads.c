/* Proves what co_vec_embed.h promises about threads: 4 threads embedding
 * the 50 reference sentences at once through one MiniLM handle get
 * the vectors a single thread gets (to 1e-6: OpenBLAS may split a product
 * differently when its threads are busy, which is not what this checks). Run under ASan in CI, this
 * also checks the per-call scratch for overlap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_vec_embed.h"
#include "vec_fixture.h"

#define DIM CO_VEC_MINILM_DIM
#define THREADS 4

static co_vec_embedder_t *emb;
static const char *texts[50];
static size_t ntexts;

typedef struct {
  int id;
  float *out;
  co_err_t err;
} job_t;

static void *worker(void *arg) {
  job_t *j = arg;
  char err[256];
  /* Different threads start at different sentences so calls overlap on
   * different lengths; odd threads use the batch call. */
  for (size_t k = 0; k < ntexts && j->err == CO_OK; k++) {
    size_t i = (k + (size_t)j->id * 13) % ntexts;
    if (j->id % 2)
      j->err = co_vec_embed_batch(emb, &texts[i], 1, j->out + i * DIM, err, sizeof(err));
    else
      j->err = co_vec_embed(emb, texts[i], j->out + i * DIM, err, sizeof(err));
  }
  return NULL;
}

static void concurrent_calls_agree(void **state) {
  (void)state;
  char dir[4096], err[256];
  json_t *doc = vec_fixture_load(), *it;
  size_t i;
  assert_int_equal(vec_fixture_model_dir(dir, sizeof(dir)), 0);
  assert_non_null(doc);
  emb = co_vec_embedder_open(NULL, err, sizeof(err));
  if (!emb) fail_msg("open: %s", err);
  json_array_foreach(json_object_get(doc, "items"), i, it) texts[i] = json_string_value(json_object_get(it, "text"));
  ntexts = i;
  assert_int_equal(ntexts, 50);
  float *ref = calloc(ntexts * DIM, sizeof(float));
  for (i = 0; i < ntexts; i++) assert_int_equal(co_vec_embed(emb, texts[i], ref + i * DIM, err, sizeof(err)), CO_OK);
  pthread_t th[THREADS];
  job_t jobs[THREADS];
  for (int t = 0; t < THREADS; t++) {
    jobs[t] = (job_t){t, calloc(ntexts * DIM, sizeof(float)), CO_OK};
    assert_int_equal(pthread_create(&th[t], NULL, worker, &jobs[t]), 0);
  }
  for (int t = 0; t < THREADS; t++) {
    pthread_join(th[t], NULL);
    assert_int_equal(jobs[t].err, CO_OK);
    for (i = 0; i < ntexts * DIM; i++)
      if (fabsf(jobs[t].out[i] - ref[i]) > 1e-6f) fail_msg("thread %d, sentence %zu differs", t, i / DIM);
    free(jobs[t].out);
  }
  free(ref);
  json_decref(doc);
  co_vec_embedder_close(emb);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(concurrent_calls_agree)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
