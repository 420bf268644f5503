/* co_vec_index.h: a vector index over FAISS (C API for C callers).
 *
 * Scores are inner products: with the unit-length vectors our embedders
 * produce, that is cosine similarity, higher is closer. Each vector carries
 * a caller-chosen int64 id (>= 0); adding an id that is already present
 * replaces its vector.
 *
 * Two kinds, picked at creation by the expected size: below
 * hnsw_threshold an exact flat index (every search scans all vectors),
 * at or above it HNSW (approximate, sub-linear). Both sit under an id map.
 * HNSW cannot delete in FAISS, so removal there marks the slot dead: it no
 * longer shows in results or counts, but keeps its memory until the index
 * is rebuilt.
 *
 * Each index records the id of the embedder that made its vectors
 * ("minilm-l6-v2", "hash-ngram-384"...); co_vec_index_check_embedder()
 * refuses a mismatch, so vectors from different models never mix.
 *
 * Threads: searches may run concurrently with each other; add, remove and
 * write take an exclusive lock, so any mix of calls on one handle is safe.
 * FAISS may use OpenMP threads inside one call. */
#ifndef CO_VEC_INDEX_H
#define CO_VEC_INDEX_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "co_err.h" /* a C header without its own extern "C" guard */

typedef struct co_vec_index_s co_vec_index_t;

typedef struct {
  size_t hnsw_threshold; /* expected_n at or above which HNSW is used (default 20000, as config
                          * vector.hnsw.threshold; 0 = always HNSW) */
  int hnsw_m;            /* HNSW links per node (default 32) */
  int ef_construction;   /* HNSW build breadth (default 80) */
  int ef_search;         /* HNSW search breadth (default 128; raised to k when k is larger) */
} co_vec_index_opts_t;

/* Fills opts with the defaults above. */
void co_vec_index_opts_default(co_vec_index_opts_t *opts);

/* An optional filter for searches: a vector is a candidate only if its id is
 * in allow[0..n_allow) (when allow is non-NULL) and fn(id, opaque) returns
 * non-zero (when fn is non-NULL). fn may be called from several threads at
 * once and must not call back into the index. */
typedef struct {
  const int64_t *allow;
  size_t n_allow;
  int (*fn)(int64_t id, void *opaque);
  void *opaque;
} co_vec_filter_t;

/* Creates an empty index for dim-dimensional vectors from embedder_id
 * (copied; at most 63 bytes). opts may be NULL for defaults. Caller frees
 * with co_vec_index_destroy(). NULL + errstr on failure. */
co_vec_index_t *co_vec_index_new(size_t dim, const char *embedder_id, size_t expected_n,
                                 const co_vec_index_opts_t *opts, char *errstr, size_t errstr_size);
void co_vec_index_destroy(co_vec_index_t *idx);

/* "flat" or "hnsw"; the embedder id; the dimension; live vector count. */
const char *co_vec_index_kind(const co_vec_index_t *idx);
const char *co_vec_index_embedder(const co_vec_index_t *idx);
size_t co_vec_index_dim(const co_vec_index_t *idx);
size_t co_vec_index_ntotal(co_vec_index_t *idx);

/* CO_ERR_CONFIG, naming both, unless the index was built by embedder_id. */
co_err_t co_vec_index_check_embedder(const co_vec_index_t *idx, const char *embedder_id, char *errstr,
                                     size_t errstr_size);

/* Adds n vectors x[n*dim] with ids[n] (each >= 0, no repeats within the
 * call); an id already in the index has its vector replaced. The arrays
 * are copied. */
co_err_t co_vec_index_add(co_vec_index_t *idx, size_t n, const float *x, const int64_t *ids, char *errstr,
                          size_t errstr_size);

/* Removes the given ids; absent ids are ignored. *n_removed (may be NULL)
 * gets how many were present. */
co_err_t co_vec_index_remove(co_vec_index_t *idx, size_t n, const int64_t *ids, size_t *n_removed, char *errstr,
                             size_t errstr_size);

/* For each of nq queries q[nq*dim], the k best vectors passing filter (NULL
 * for none), best first: ids[nq*k] and scores[nq*k] (caller's arrays).
 * Slots past the last match get id -1 and score -INFINITY. */
co_err_t co_vec_index_search(co_vec_index_t *idx, size_t nq, const float *q, size_t k, const co_vec_filter_t *filter,
                             float *scores, int64_t *ids, char *errstr, size_t errstr_size);

/* All vectors with score >= min_score passing filter, for one query q[dim],
 * best first. *ids and *scores are malloc'd (caller free()s both; NULL when
 * *n is 0). Exact on a flat index; on HNSW, found by widening top-k
 * searches, so as approximate as HNSW itself. */
co_err_t co_vec_index_range_search(co_vec_index_t *idx, const float *q, float min_score, const co_vec_filter_t *filter,
                                   int64_t **ids, float **scores, size_t *n, char *errstr, size_t errstr_size);

/* Writes the index to path atomically (temp file, fsync, rename). */
co_err_t co_vec_index_write(co_vec_index_t *idx, const char *path, char *errstr, size_t errstr_size);

/* Reads an index written by co_vec_index_write(). Caller destroys it. */
co_vec_index_t *co_vec_index_read(const char *path, char *errstr, size_t errstr_size);

#ifdef __cplusplus
}
#endif

#endif
