/* co_vec_bert.c: the BERT encoder forward pass of all-MiniLM-L6-v2.
 *
 * Position-wise layers (projections, FFN, LayerNorm) see every token of the
 * whole batch as one [T x 384] matrix, so a batch costs one sgemm per weight
 * matrix with no padding. Only attention mixes tokens, and it runs per
 * sequence on that sequence's rows: this block-diagonal layout is the
 * attention mask (no token sees another sentence or padding), and mean
 * pooling then covers exactly the real tokens. Q, K and V are one fused
 * [1152 x 384] weight so the three projections are one sgemm.
 *
 * Reductions (LayerNorm moments, pooling, norms) accumulate in double; the
 * rest is float like the PyTorch reference. */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_vec_embed_int.h"

#define HID CO_VEC_BERT_HID
#define FF CO_VEC_BERT_FF
#define HEADS CO_VEC_BERT_HEADS
#define DH (HID / HEADS)
#define LN_EPS 1e-12

co_err_t co_vec_bert_load(co_vec_bert_t *b, const char *path, char *errstr, size_t errstr_size) {
  char name[128];
  const int64_t s_hid[] = {HID}, s_hh[] = {HID, HID}, s_ff[] = {FF}, s_fh[] = {FF, HID}, s_hf[] = {HID, FF};
  co_err_t err = CO_ERR_PARSE; /* a missing or misshapen tensor, unless set otherwise */
  const int64_t s_word[] = {CO_VEC_BERT_VOCAB, HID}, s_pos[] = {CO_VEC_BERT_POS, HID}, s_type[] = {2, HID};

  memset(b, 0, sizeof(*b));
  if (!(b->st = co_vec_st_open(path, errstr, errstr_size))) return CO_ERR_NOT_FOUND;
#define GET(dst, nm, shp)                                                                                         \
  do {                                                                                                            \
    if (!((dst) = co_vec_st_f32(b->st, (nm), (shp), (int)(sizeof(shp) / sizeof((shp)[0])), errstr, errstr_size))) \
      goto err;                                                                                                   \
  } while (0)
  GET(b->word, "embeddings.word_embeddings.weight", s_word);
  GET(b->pos, "embeddings.position_embeddings.weight", s_pos);
  GET(b->type, "embeddings.token_type_embeddings.weight", s_type);
  GET(b->ln_g, "embeddings.LayerNorm.weight", s_hid);
  GET(b->ln_b, "embeddings.LayerNorm.bias", s_hid);
  for (int l = 0; l < CO_VEC_BERT_LAYERS; l++) {
    co_vec_bert_layer_t *L = &b->layer[l];
    static const char *qkv[3] = {"query", "key", "value"};
#define LGET(dst, suffix, shp)                                      \
  do {                                                              \
    snprintf(name, sizeof(name), "encoder.layer.%d.%s", l, suffix); \
    GET(dst, name, shp);                                            \
  } while (0)
    if (!(L->wqkv = malloc(3 * HID * HID * sizeof(float))) || !(L->bqkv = malloc(3 * HID * sizeof(float)))) {
      err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
      goto err;
    }
    for (int i = 0; i < 3; i++) {
      const float *w, *bb;
      char sfx[64];
      snprintf(sfx, sizeof(sfx), "attention.self.%s.weight", qkv[i]);
      LGET(w, sfx, s_hh);
      snprintf(sfx, sizeof(sfx), "attention.self.%s.bias", qkv[i]);
      LGET(bb, sfx, s_hid);
      memcpy(L->wqkv + (size_t)i * HID * HID, w, HID * HID * sizeof(float));
      memcpy(L->bqkv + (size_t)i * HID, bb, HID * sizeof(float));
    }
    LGET(L->wo, "attention.output.dense.weight", s_hh);
    LGET(L->bo, "attention.output.dense.bias", s_hid);
    LGET(L->ln1_g, "attention.output.LayerNorm.weight", s_hid);
    LGET(L->ln1_b, "attention.output.LayerNorm.bias", s_hid);
    LGET(L->wi, "intermediate.dense.weight", s_fh);
    LGET(L->bi, "intermediate.dense.bias", s_ff);
    LGET(L->wo2, "output.dense.weight", s_hf);
    LGET(L->bo2, "output.dense.bias", s_hid);
    LGET(L->ln2_g, "output.LayerNorm.weight", s_hid);
    LGET(L->ln2_b, "output.LayerNorm.bias", s_hid);
#undef LGET
  }
#undef GET
  return CO_OK;
err:
  co_vec_bert_free(b);
  return err;
}

void co_vec_bert_free(co_vec_bert_t *b) {
  for (int l = 0; l < CO_VEC_BERT_LAYERS; l++) {
    free(b->layer[l].wqkv);
    free(b->layer[l].bqkv);
  }
  co_vec_st_close(b->st);
  memset(b, 0, sizeof(*b));
}

/* Y[n x out] = X[n x in] W^T + bias, W in PyTorch's [out x in] layout. */
static void linear(const float *X, size_t n, int in, const float *W, const float *bias, int out, float *Y) {
  for (size_t r = 0; r < n; r++) memcpy(Y + r * (size_t)out, bias, (size_t)out * sizeof(float));
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)n, out, in, 1.0f, X, in, W, in, 1.0f, Y, out);
}

/* x = LayerNorm(x + add) row by row (add may be NULL). */
static void add_layernorm(float *x, const float *add, size_t n, const float *g, const float *b) {
  for (size_t r = 0; r < n; r++) {
    float *row = x + r * HID;
    double mean = 0, var = 0;
    if (add)
      for (int i = 0; i < HID; i++) row[i] += add[r * HID + i];
    for (int i = 0; i < HID; i++) mean += row[i];
    mean /= HID;
    for (int i = 0; i < HID; i++) var += (row[i] - mean) * (row[i] - mean);
    var /= HID;
    double inv = 1.0 / sqrt(var + LN_EPS);
    for (int i = 0; i < HID; i++) row[i] = (float)((row[i] - mean) * inv) * g[i] + b[i];
  }
}

static void softmax_rows(float *s, size_t n) {
  for (size_t r = 0; r < n; r++) {
    float *row = s + r * n, mx = row[0];
    double sum = 0;
    for (size_t i = 1; i < n; i++)
      if (row[i] > mx) mx = row[i];
    for (size_t i = 0; i < n; i++) sum += (row[i] = expf(row[i] - mx));
    float inv = (float)(1.0 / sum);
    for (size_t i = 0; i < n; i++) row[i] *= inv;
  }
}

/* ctx[T x HID] = per-sequence, per-head softmax(Q K^T / sqrt(DH)) V. */
static void attention(const float *qkv, const size_t *lens, size_t nseq, float *scores, float *ctx) {
  const float scale = 1.0f / sqrtf((float)DH);
  size_t o = 0;
  for (size_t s = 0; s < nseq; o += lens[s], s++) {
    int L = (int)lens[s];
    for (int h = 0; h < HEADS; h++) {
      const float *Q = qkv + o * 3 * HID + h * DH, *K = Q + HID, *V = Q + 2 * HID;
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, L, L, DH, scale, Q, 3 * HID, K, 3 * HID, 0.0f, scores, L);
      softmax_rows(scores, (size_t)L);
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, L, DH, L, 1.0f, scores, L, V, 3 * HID, 0.0f,
                  ctx + o * HID + h * DH, HID);
    }
  }
}

static void gelu(float *x, size_t n) {
  for (size_t i = 0; i < n; i++) x[i] = 0.5f * x[i] * (1.0f + erff(x[i] * (float)M_SQRT1_2));
}

co_err_t co_vec_bert_forward(const co_vec_bert_t *b, const int32_t *ids, const size_t *lens, size_t nseq, float *out,
                             char *errstr, size_t errstr_size) {
  size_t T = 0, Lmax = 0;
  float *h = NULL, *qkv = NULL, *ctx = NULL, *tmp = NULL, *inter = NULL, *scores = NULL;
  co_err_t err = CO_OK;

  for (size_t s = 0; s < nseq; s++) {
    if (lens[s] == 0 || lens[s] > CO_VEC_BERT_POS)
      return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "sequence of %zu tokens", lens[s]);
    T += lens[s];
    if (lens[s] > Lmax) Lmax = lens[s];
  }
  if (nseq == 0) return CO_OK;
  h = malloc(T * HID * sizeof(float));
  qkv = malloc(T * 3 * HID * sizeof(float));
  ctx = malloc(T * HID * sizeof(float));
  tmp = malloc(T * HID * sizeof(float));
  inter = malloc(T * FF * sizeof(float));
  scores = malloc(Lmax * Lmax * sizeof(float));
  if (!h || !qkv || !ctx || !tmp || !inter || !scores) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory for %zu tokens", T);
    goto done;
  }

  /* Embeddings: word + position (restarting per sequence) + token type 0. */
  for (size_t s = 0, t = 0; s < nseq; s++) {
    for (size_t p = 0; p < lens[s]; p++, t++) {
      int32_t id = ids[t];
      if (id < 0 || id >= CO_VEC_BERT_VOCAB) {
        err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "token id %d out of range", id);
        goto done;
      }
      const float *w = b->word + (size_t)id * HID, *ps = b->pos + p * HID;
      for (int i = 0; i < HID; i++) h[t * HID + i] = w[i] + ps[i] + b->type[i];
    }
  }
  add_layernorm(h, NULL, T, b->ln_g, b->ln_b);

  for (int l = 0; l < CO_VEC_BERT_LAYERS; l++) {
    const co_vec_bert_layer_t *L = &b->layer[l];
    linear(h, T, HID, L->wqkv, L->bqkv, 3 * HID, qkv);
    attention(qkv, lens, nseq, scores, ctx);
    linear(ctx, T, HID, L->wo, L->bo, HID, tmp);
    add_layernorm(h, tmp, T, L->ln1_g, L->ln1_b);
    linear(h, T, HID, L->wi, L->bi, FF, inter);
    gelu(inter, T * FF);
    linear(inter, T, FF, L->wo2, L->bo2, HID, tmp);
    add_layernorm(h, tmp, T, L->ln2_g, L->ln2_b);
  }

  /* Mean pooling over each sequence's tokens, then L2 normalization. */
  for (size_t s = 0, t = 0; s < nseq; s++) {
    double acc[HID] = {0}, norm = 0;
    for (size_t p = 0; p < lens[s]; p++, t++)
      for (int i = 0; i < HID; i++) acc[i] += h[t * HID + i];
    for (int i = 0; i < HID; i++) {
      acc[i] /= (double)lens[s];
      norm += acc[i] * acc[i];
    }
    norm = sqrt(norm);
    if (norm < 1e-12) norm = 1e-12;
    for (int i = 0; i < HID; i++) out[s * HID + i] = (float)(acc[i] / norm);
  }
done:
  free(h);
  free(qkv);
  free(ctx);
  free(tmp);
  free(inter);
  free(scores);
  return err;
}
