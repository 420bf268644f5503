/* co_search.h: hybrid semantic search over documents (research briefings).
 *
 * A leaf library: it knows documents (an id, a little metadata, a text),
 * not mail, Kafka or RocksDB. The caller keeps the documents in its own
 * store (the source of truth), upserts them here and saves the index with
 * the store sequence it reflects; after a restart it loads the file and
 * re-upserts whatever is newer than that sequence.
 *
 * Each text is cut into overlapping chunks on sentence (else word)
 * boundaries. Every chunk is embedded and put into a FAISS index (vector
 * side, co_vec_index: exact flat while small, HNSW from a threshold on) and
 * into a BM25 inverted index (keyword side) over the same chunk texts.
 * A query ranks chunks on one or both sides, keeps each document's best
 * chunk, and for HYBRID fuses the two document rankings by reciprocal rank
 * fusion (score = sum over sides of 1 / (c + rank), c = 10 by default). Metadata filters run
 * inside the FAISS search as an id selector and on BM25 candidates alike,
 * so a filter never empties a top-k that had matching documents further
 * down. Accounts are kept apart inside the index: a query with an account
 * filter scores BM25 over that account's own postings and statistics (no
 * other account's documents are scored or move its scores), and a filter
 * that leaves fewer chunks than the HNSW threshold is searched exactly
 * over those chunks' vectors (HNSW with a selective filter loses recall).
 *
 * Threads: queries, co_search_docs() and co_search_save() may run
 * concurrently with each other; upsert and remove take the handle
 * exclusively (a rwlock). Embedding in upsert happens before the lock, so
 * queries do not wait for the model. */
#ifndef CO_SEARCH_H
#define CO_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"
#include "co_vec_embed.h"

typedef struct co_search_s co_search_t;

typedef struct {
  size_t chunk_chars;    /* target chunk length in bytes (default 600, >= 64) */
  size_t overlap_chars;  /* overlap between neighbouring chunks (default 120, < chunk_chars / 2) */
  size_t hnsw_threshold; /* live chunks at which the vector index becomes HNSW (default 20000,
                          * as config vector.hnsw.threshold) */
  int hnsw_m;            /* HNSW links per node (default 32) */
  int ef_construction;   /* HNSW build breadth (default 80) */
  int ef_search;         /* HNSW search breadth (default 128) */
} co_search_opts_t;

/* Fills opts with the defaults above. */
void co_search_opts_default(co_search_opts_t *opts);

/* Document metadata; every field may be NULL (stored as ""). date is
 * ISO-8601 ("2026-03-14" or "2026-03-14T09:30:00Z"); date filters compare
 * strings, so use one form throughout. */
typedef struct {
  const char *account; /* mailbox the document belongs to */
  const char *company;
  const char *type; /* event type: "INTERVIEW", "OFFER", ... */
  const char *date;
} co_search_meta_t;

typedef enum {
  CO_SEARCH_HYBRID = 0, /* vector + BM25 fused by reciprocal rank (default) */
  CO_SEARCH_VECTOR,
  CO_SEARCH_BM25,
} co_search_mode_t;

typedef struct {
  const char *text; /* the query (required, non-empty) */
  size_t k;         /* documents wanted (0 = 10) */
  co_search_mode_t mode;
  float min_score; /* vector side: only chunks with cosine >= min_score (range search);
                    * ignored unless use_min_score is set */
  int use_min_score;
  float bm25_min_coverage; /* BM25 side: only chunks holding at least this share of the query's distinct
                            * terms (stop words aside), so one common word of an off-topic query finds
                            * nothing; 0 = any term */
  float rrf_k; /* HYBRID: the c in 1/(c + rank); 0 = 10 */
  const float *vector; /* the text's embedding by this index's embedder, when the caller has it
                        * (one query over several indexes embeds once); NULL = embed text */
  /* Filters: NULL = any. Exact, case-sensitive matches; dates compare as
   * strings, both bounds inclusive (a date_to of "2026-03-31" also admits
   * "2026-03-31T..." timestamps). */
  const char *account, *company, *type, *date_from, *date_to;
} co_search_query_t;

typedef struct {
  char *doc_id;
  char *account, *company, *type, *date;
  float score;        /* VECTOR: cosine of the best chunk; BM25: its BM25 score; HYBRID: RRF sum */
  float vector_score; /* the best chunk's cosine, or NaN if the vector side did not rank it */
  float bm25_score;   /* the best chunk's BM25 score, or 0 if the keyword side did not rank it */
  char *snippet;      /* the best chunk, trimmed to about 240 bytes around the first query term */
} co_search_hit_t;

typedef struct {
  size_t n;
  co_search_hit_t *hits; /* best first */
} co_search_result_t;

/* Creates an empty index whose vectors come from emb (not owned; must
 * outlive the handle). opts NULL = defaults. Caller frees with
 * co_search_destroy(). NULL + errstr on failure. */
co_search_t *co_search_new(co_vec_embedder_t *emb, const co_search_opts_t *opts, char *errstr, size_t errstr_size);
void co_search_destroy(co_search_t *s);

/* Chunks text, embeds the chunks and replaces every earlier chunk of doc_id
 * (in both indexes) with them. All strings are copied. An empty text
 * indexes the document with no chunks (it can be found by neither side).
 * On failure the previous version of the document is left in place. */
co_err_t co_search_upsert(co_search_t *s, const char *doc_id, const co_search_meta_t *meta, const char *text,
                          char *errstr, size_t errstr_size);

/* Removes doc_id; CO_ERR_NOT_FOUND if it was absent. */
co_err_t co_search_remove(co_search_t *s, const char *doc_id, char *errstr, size_t errstr_size);

/* Runs q. On CO_OK *res is set (possibly with n == 0); the caller frees it
 * with co_search_result_free(). */
co_err_t co_search_query(co_search_t *s, const co_search_query_t *q, co_search_result_t **res, char *errstr,
                         size_t errstr_size);
void co_search_result_free(co_search_result_t *res);

/* Documents and live chunks currently indexed. */
size_t co_search_docs(co_search_t *s);
size_t co_search_chunks(co_search_t *s);
/* "flat" or "hnsw". */
const char *co_search_index_kind(co_search_t *s);

/* Writes documents, chunks, vectors and the FAISS index with seq (the
 * caller's store sequence the index reflects) to path, atomically: a temp
 * file in the same directory, fsync, rename, fsync of the directory. A
 * reader sees the old file or the new one, never a mix. The BM25 index is
 * rebuilt from the chunk texts on load. */
co_err_t co_search_save(co_search_t *s, const char *path, uint64_t seq, char *errstr, size_t errstr_size);

/* Loads a file written by co_search_save(); *seq (may be NULL) gets its
 * sequence. Refuses (CO_ERR_CONFIG) a file built by another embedder than
 * emb, and (CO_ERR_PARSE) a damaged file. emb is not owned. Caller frees
 * with co_search_destroy(). NULL + errstr on failure; CO_ERR_NOT_FOUND
 * text when path does not exist is distinguishable by errno == ENOENT. */
co_search_t *co_search_load(const char *path, co_vec_embedder_t *emb, uint64_t *seq, char *errstr, size_t errstr_size);

/* Cuts text into chunks as upsert does: spans [start, start+len) in
 * starts[]/lens[] (caller's arrays of room entries). Returns the number of
 * chunks (which may exceed room; only room are written). Exposed for tests
 * and tools. */
size_t co_search_chunk_spans(const char *text, size_t chunk_chars, size_t overlap_chars, size_t *starts, size_t *lens,
                             size_t room);

#endif
