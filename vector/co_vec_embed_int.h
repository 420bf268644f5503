/* co_vec_embed_int.h: embedder internals shared by co_vec_embed.c,
 * co_vec_bert.c and co_vec_hash.c. Not part of the public API. */
#ifndef CO_VEC_EMBED_INT_H
#define CO_VEC_EMBED_INT_H

#include <stdint.h>

#include "co_vec_embed.h"
#include "co_vec_st.h"
#include "co_vec_tok.h"

#define CO_VEC_BERT_LAYERS 6
#define CO_VEC_BERT_HEADS 12
#define CO_VEC_BERT_HID 384
#define CO_VEC_BERT_FF 1536
#define CO_VEC_BERT_VOCAB 30522
#define CO_VEC_BERT_POS 512

typedef struct {
  float *wqkv, *bqkv; /* fused [3*HID, HID] and [3*HID]; owned */
  const float *wo, *bo, *ln1_g, *ln1_b;
  const float *wi, *bi, *wo2, *bo2, *ln2_g, *ln2_b;
} co_vec_bert_layer_t;

typedef struct {
  co_vec_st_t *st;
  const float *word, *pos, *type, *ln_g, *ln_b;
  co_vec_bert_layer_t layer[CO_VEC_BERT_LAYERS];
} co_vec_bert_t;

typedef enum { CO_VEC_KIND_MINILM, CO_VEC_KIND_HASH } co_vec_kind_t;

struct co_vec_embedder_s {
  co_vec_kind_t kind;
  size_t dim;
  char id[32];
  co_vec_tok_t *tok;  /* MINILM only */
  co_vec_bert_t bert; /* MINILM only */
};

/* Maps the weights from the safetensors file; fills b. */
co_err_t co_vec_bert_load(co_vec_bert_t *b, const char *path, char *errstr, size_t errstr_size);
void co_vec_bert_free(co_vec_bert_t *b);

/* Runs nseq token sequences (ids concatenated, lens[i] tokens each, all
 * <= CO_VEC_BERT_POS) and writes each one's mean-pooled, L2-normalized
 * embedding to out[i*HID..]. */
co_err_t co_vec_bert_forward(const co_vec_bert_t *b, const int32_t *ids, const size_t *lens, size_t nseq, float *out,
                             char *errstr, size_t errstr_size);

#endif
