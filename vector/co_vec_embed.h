/* co_vec_embed.h: sentence embedders for CareerOps.
 *
 * Two kinds behind one handle:
 *  - "minilm-l6-v2": all-MiniLM-L6-v2 (BERT, 6 layers, 384 dims) run in C on
 *    OpenBLAS, matching sentence-transformers' output (WordPiece, max 256
 *    tokens, mean pooling over tokens, L2-normalized).
 *  - "hash-ngram-<dim>": hashed character 3-5 grams + word unigrams/bigrams,
 *    L2-normalized. No model files; the fallback when the model is absent.
 *
 * Vectors from different embedders are not comparable: store the id with an
 * index and refuse to mix (co_vec_embedder_id()).
 *
 * Threads: a handle is read-only after open. co_vec_embed() and
 * co_vec_embed_batch() may run concurrently on one handle from any number of
 * threads (each call allocates its own scratch). open/close must not race
 * with other calls on the same handle. */
#ifndef CO_VEC_EMBED_H
#define CO_VEC_EMBED_H

#include <stddef.h>

#include "co_err.h"

#define CO_VEC_MINILM_DIM 384
#define CO_VEC_MINILM_MAX_TOKENS 256
#define CO_VEC_MINILM_ID "minilm-l6-v2"

typedef struct co_vec_embedder_s co_vec_embedder_t;

/* Writes the model directory used when the caller passes none: $CO_MODEL_DIR,
 * else ${CO_CACHE_DIR:-$HOME/.cache/careerops}/minilm/model (where
 * scripts/install-model.sh puts it). */
co_err_t co_vec_model_dir_default(char *buf, size_t buf_size, char *errstr, size_t errstr_size);

/* Opens the MiniLM embedder from model_dir (config "embed.model.dir"; NULL or
 * "" means co_vec_model_dir_default()), which must hold model.safetensors,
 * vocab.txt and config.json. Returns a handle the caller frees with
 * co_vec_embedder_close(), or NULL with errstr set. The weights are mmap'd,
 * not copied, except the fused Q/K/V matrices (3.5 MB). */
co_vec_embedder_t *co_vec_embedder_open(const char *model_dir, char *errstr, size_t errstr_size);

/* Opens the hashed n-gram embedder with dim dimensions (16..65536). */
co_vec_embedder_t *co_vec_embedder_open_hash(size_t dim, char *errstr, size_t errstr_size);

void co_vec_embedder_close(co_vec_embedder_t *e);

/* "minilm-l6-v2" or "hash-ngram-<dim>"; owned by the handle. */
const char *co_vec_embedder_id(const co_vec_embedder_t *e);
size_t co_vec_embedder_dim(const co_vec_embedder_t *e);

/* Embeds UTF-8 text into out[0..dim) (caller's buffer), unit length (an
 * empty text gives the model's vector for "" — never NaN). Invalid UTF-8 is
 * CO_ERR_INVALID_ARG. */
co_err_t co_vec_embed(co_vec_embedder_t *e, const char *text, float *out, char *errstr, size_t errstr_size);

/* Embeds n texts into out[0..n*dim), row i for texts[i]. Faster per text
 * than n single calls (one matrix product per layer for the whole batch).
 * On failure out's contents are unspecified. */
co_err_t co_vec_embed_batch(co_vec_embedder_t *e, const char *const *texts, size_t n, float *out, char *errstr,
                            size_t errstr_size);

/* The hashed n-gram embedding of text into out[0..dim), without a handle. */
co_err_t co_vec_hash_embed(const char *text, float *out, size_t dim, char *errstr, size_t errstr_size);

#endif
