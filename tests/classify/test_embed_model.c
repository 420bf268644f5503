/* Proves the embedding block survives the model file: a model trained with
 * multilingual-e5-small vectors, saved and loaded, has the same
 * configuration and weights, opens its embedder, embeds an email itself
 * (the vector it returns is the embedder's vector of subject + unquoted
 * body) and gives the same probabilities as the in-memory model given that
 * vector. Also: an old version-1 model file (no embedder fields) still loads
 * and classifies without any embedder. The training rows are written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "co_classify.h"
#include "co_classify_int.h"
#include "co_th.h"
#include "co_vec_e5.h"

static const struct {
  const char *subject, *body;
  int label;
} ROWS[] = {
    {"Application received", "Thanks for applying to Norda. We have received your application for the Analyst role.",
     CO_CLASSIFY_APPLIED},
    {"We got your application", "Your application to Pellow Labs is in. Our team reviews every application.",
     CO_CLASSIFY_APPLIED},
    {"Interview invitation", "We would like to invite you to a video interview next week. Please pick a time.",
     CO_CLASSIFY_INTERVIEW},
    {"Let's talk", "Could we schedule a 30 minute call with the hiring manager on Thursday?", CO_CLASSIFY_INTERVIEW},
    {"Your offer", "We are delighted to offer you the position. The offer letter is attached.", CO_CLASSIFY_OFFER},
    {"Offer of employment", "Please find your offer of employment; we hope you accept by Friday.", CO_CLASSIFY_OFFER},
    {"Your application", "We have decided not to move forward with your application.", CO_CLASSIFY_REJECTION},
    {"Update", "Unfortunately the position has been filled by another candidate.", CO_CLASSIFY_REJECTION},
    {"Weekly newsletter", "Ten tips for a tidy garden, and our spring sale.", CO_CLASSIFY_OTHER},
    {"Password reset", "Click the link to reset your account password.", CO_CLASSIFY_OTHER},
};
#define NROWS (sizeof(ROWS) / sizeof(ROWS[0]))

static co_classify_model_t *train_small(co_vec_e5_t *e5, co_cls_featcfg_t *cfg) {
  co_classify_input_t in[NROWS];
  float emb[NROWS * CO_VEC_E5_DIM];
  co_cls_vec_t xs[NROWS];
  int ys[NROWS];
  char err[512];
  co_cls_featcfg_default_embed(cfg);
  memset(xs, 0, sizeof(xs));
  for (size_t i = 0; i < NROWS; i++) in[i] = (co_classify_input_t){.subject = ROWS[i].subject, .body = ROWS[i].body};
  assert_int_equal(co_cls_embed_rows(cfg, e5, in, NROWS, NULL, emb, err, sizeof(err)), CO_OK);
  for (size_t i = 0; i < NROWS; i++) {
    in[i].embedding = emb + i * CO_VEC_E5_DIM;
    in[i].embedding_dim = CO_VEC_E5_DIM;
    assert_int_equal(co_cls_featurize(cfg, &in[i], &xs[i]), CO_OK);
    ys[i] = ROWS[i].label;
  }
  co_cls_trainopt_t o;
  co_cls_trainopt_default(&o);
  co_classify_model_t *m = co_cls_train_vecs(cfg, &o, xs, ys, NROWS);
  for (size_t i = 0; i < NROWS; i++) co_cls_vec_free(&xs[i]);
  assert_non_null(m);
  return m;
}

static void embedding_block_round_trips(void **state) {
  (void)state;
  char err[512], path[600];
  char *dir = co_th_tmpdir("cls-emb-rt");
  assert_non_null(dir);
  co_vec_e5_t *e5 = co_vec_e5_open(NULL, err, sizeof(err));
  assert_non_null(e5);
  co_cls_featcfg_t cfg;
  co_classify_model_t *m1 = train_small(e5, &cfg);
  snprintf(path, sizeof(path), "%s/emb.bin", dir);
  assert_int_equal(co_cls_model_save(m1, path, err, sizeof(err)), CO_OK);
  co_classify_model_t *m2 = co_classify_load(path, err, sizeof(err));
  assert_non_null(m2);
  assert_non_null(m2->e5);
  assert_string_equal(co_classify_embedder_id(m2), CO_VEC_E5_ID);
  assert_int_equal(m2->cfg.embed_dim, CO_VEC_E5_DIM);
  assert_int_equal(m2->cfg.embed_bytes, cfg.embed_bytes);
  assert_int_equal(m2->cfg.embed_kind, cfg.embed_kind);
  assert_true(m2->cfg.embed_scale == cfg.embed_scale);
  assert_int_equal(m2->dim, m1->dim);
  assert_memory_equal(m2->bias, m1->bias, CO_CLASSIFY__N * sizeof(float));
  assert_memory_equal(m2->w, m1->w, (size_t)m1->dim * CO_CLASSIFY__N * sizeof(float));

  /* A German invitation, not in the training rows: the loaded model embeds
   * it itself; the in-memory model is given the embedder's vector. */
  co_classify_input_t in = {.subject = "Einladung zum Vorstellungsgespräch",
                            .from = "Jana Roth <jana.roth@norda.de>",
                            .body = "Hallo, wir möchten Sie gerne zu einem Gespräch per Video einladen. Passt Ihnen "
                                    "Dienstag um 10 Uhr?\n\n> On Monday you wrote:\n> Thanks"};
  char text[1024];
  float want[CO_VEC_E5_DIM];
  co_cls_embed_text(&cfg, &in, text, sizeof(text));
  assert_null(strstr(text, "you wrote")); /* the quoted reply is not embedded */
  assert_int_equal(co_vec_e5_embed(e5, text, 0, (co_vec_e5_kind_t)cfg.embed_kind, want, err, sizeof(err)), CO_OK);
  co_classify_result_t r2, r1;
  assert_int_equal(co_classify_email(m2, &in, &r2, err, sizeof(err)), CO_OK);
  assert_int_equal(r2.embedding_dim, CO_VEC_E5_DIM);
  double dot = 0, nn = 0;
  for (int i = 0; i < CO_VEC_E5_DIM; i++) dot += (double)r2.embedding[i] * want[i], nn += (double)r2.embedding[i] * r2.embedding[i];
  assert_true(fabs(nn - 1.0) < 1e-4);
  assert_true(dot > 0.99999);
  co_classify_input_t given = in;
  given.embedding = want;
  given.embedding_dim = CO_VEC_E5_DIM;
  assert_int_equal(co_classify_email(m1, &given, &r1, err, sizeof(err)), CO_OK);
  for (int k = 0; k < CO_CLASSIFY__N; k++) assert_true(fabsf(r1.probs[k] - r2.probs[k]) < 1e-5f);
  assert_int_equal(r1.label, r2.label);
  /* the in-memory model has no embedder: without a vector it is an error, not a guess */
  co_classify_result_t r3;
  assert_int_equal(co_classify_email(m1, &in, &r3, err, sizeof(err)), CO_ERR_INVALID_ARG);
  given.embedding_dim = 12;
  assert_int_equal(co_classify_email(m2, &given, &r3, err, sizeof(err)), CO_ERR_INVALID_ARG);

  co_classify_destroy(m1);
  co_classify_destroy(m2);
  co_vec_e5_close(e5);
  free(dir);
}

/* Rewrites an n-gram model file (version 2, embed_dim 0) in the version-1
 * layout: no embedder fields, version 1, checksum recomputed. */
static void write_v1(const char *v2path, const char *v1path) {
  size_t n;
  unsigned char *b = (unsigned char *)co_th_read_file(v2path, &n);
  assert_non_null(b);
  const size_t v1hdr = 8 + 4 * 3 + 4 * 6 + 8, ext = 16 + 4 * 3;
  uint32_t ver = 1, ed;
  memcpy(&ed, b + 8 + 4 * 3 + 4 * 5, 4);
  assert_int_equal(ed, 0);
  memcpy(b + 8, &ver, 4);
  memmove(b + v1hdr, b + v1hdr + ext, n - v1hdr - ext);
  n -= ext;
  uint64_t h = XXH3_64bits(b, n - 8);
  memcpy(b + n - 8, &h, 8);
  FILE *f = fopen(v1path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(b, 1, n, f), n);
  fclose(f);
  free(b);
}

static void version1_model_loads_without_embedder(void **state) {
  (void)state;
  char err[512], v2[600], v1[600];
  char *dir = co_th_tmpdir("cls-emb-v1");
  assert_non_null(dir);
  snprintf(v2, sizeof(v2), "%s/ngram.bin", dir);
  snprintf(v1, sizeof(v1), "%s/ngram-v1.bin", dir);
  co_cls_featcfg_t cfg;
  co_cls_featcfg_default(&cfg);
  co_cls_vec_t xs[NROWS];
  int ys[NROWS];
  memset(xs, 0, sizeof(xs));
  for (size_t i = 0; i < NROWS; i++) {
    co_classify_input_t in = {.subject = ROWS[i].subject, .body = ROWS[i].body};
    assert_int_equal(co_cls_featurize(&cfg, &in, &xs[i]), CO_OK);
    ys[i] = ROWS[i].label;
  }
  co_cls_trainopt_t o;
  co_cls_trainopt_default(&o);
  co_classify_model_t *m = co_cls_train_vecs(&cfg, &o, xs, ys, NROWS);
  assert_non_null(m);
  assert_int_equal(co_cls_model_save(m, v2, err, sizeof(err)), CO_OK);
  write_v1(v2, v1);
  setenv("CO_E5_MODEL", "/nonexistent/e5-small-q4.bin", 1); /* no embedder on this "machine" */
  co_classify_model_t *old = co_classify_load(v1, err, sizeof(err));
  assert_non_null(old);
  assert_null(co_classify_embedder_id(old));
  assert_null(old->e5);
  assert_memory_equal(old->w, m->w, (size_t)m->dim * CO_CLASSIFY__N * sizeof(float));
  co_classify_input_t in = {.subject = "Interview invitation", .body = "We would like to invite you to an interview."};
  co_classify_result_t r;
  assert_int_equal(co_classify_email(old, &in, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r.embedding_dim, 0);
  assert_int_equal(r.label, CO_CLASSIFY_INTERVIEW);
  for (size_t i = 0; i < NROWS; i++) co_cls_vec_free(&xs[i]);
  co_classify_destroy(old);
  co_classify_destroy(m);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(embedding_block_round_trips),
                                     cmocka_unit_test(version1_model_loads_without_embedder)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
