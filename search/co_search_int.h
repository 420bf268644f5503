/* co_search_int.h: struct bodies shared by the search/ files.
 *
 * Ownership: the handle owns every doc and chunk. A doc lists its chunk ids;
 * chunks are found by id through one hash table (ids are never reused, so
 * a stale id in a FAISS or BM25 result simply fails the lookup). Vectors
 * are kept beside the FAISS index so it can be rebuilt as HNSW when it
 * grows past the threshold, or compacted when HNSW's dead slots pile up. */
#ifndef CO_SEARCH_INT_H
#define CO_SEARCH_INT_H

#include <glib.h>
#include <pthread.h>

#include "co_search.h"
#include "co_vec_index.h"

typedef struct co_search_doc_s {
  char *id;
  char *account, *company, *type, *date;
  int64_t *chunk_ids;
  size_t n_chunks;
} co_search_doc_t;

typedef struct {
  int64_t id;
  co_search_doc_t *doc; /* not owned */
  char *text;           /* the chunk as shown in snippets */
  float *vec;           /* dim floats */
  uint32_t n_terms;     /* BM25 document length */
} co_search_chunk_t;

/* BM25 over chunks: term -> postings, sorted by chunk id. */
typedef struct {
  int64_t chunk_id;
  uint32_t tf;
} co_search_posting_t;

typedef struct {
  GHashTable *terms; /* char* term (owned) -> GArray of co_search_posting_t (owned) */
  size_t n_chunks;
  uint64_t total_terms;
} co_search_bm25_t;

struct co_search_s {
  pthread_rwlock_t lock;
  co_vec_embedder_t *emb; /* not owned */
  size_t dim;
  co_search_opts_t opts;
  co_vec_index_t *index;
  GHashTable *docs;   /* char* id -> co_search_doc_t* (both owned via the doc) */
  GHashTable *chunks; /* int64* id (inside the chunk) -> co_search_chunk_t* (owned) */
  co_search_bm25_t bm25; /* every chunk: queries with no account filter (admin) */
  /* char* account (owned) -> co_search_bm25_t* (owned): the same chunks per
   * account, so a query with an account filter ranks that account's chunks
   * by that account's own statistics (N, df, average length): no other
   * account's documents are scored, and none move its scores. */
  GHashTable *bm25_acct;
  int64_t next_chunk_id;
  size_t dead; /* chunks removed from an HNSW index since it was built */
};

/* co_search_bm25.c */
void co_search_bm25_init(co_search_bm25_t *b);
void co_search_bm25_clear(co_search_bm25_t *b);
/* A table for s->bm25_acct (keys and values owned). */
GHashTable *co_search_bm25_acct_new(void);
/* The account's BM25 (created when create is set; NULL when absent). */
co_search_bm25_t *co_search_bm25_acct(GHashTable *acct, const char *account, int create);
/* Drops the account's BM25 once it holds no chunk. */
void co_search_bm25_acct_gc(GHashTable *acct, const char *account);
/* Adds a chunk's terms; returns its term count. */
uint32_t co_search_bm25_add(co_search_bm25_t *b, int64_t chunk_id, const char *text);
void co_search_bm25_remove(co_search_bm25_t *b, int64_t chunk_id, const char *text, uint32_t n_terms);
/* Scores every chunk containing a query term: a table int64* -> float*
 * (the BM25 score first; caller g_hash_table_destroy()s; keys/values owned
 * by the table). chunks is the handle's chunk table, for chunk lengths.
 * min_coverage > 0 keeps only chunks holding at least that share of the
 * query's distinct terms (stop words aside). */
GHashTable *co_search_bm25_score_chunks(const co_search_bm25_t *b, GHashTable *chunks, const char *query,
                                        float min_coverage);

/* Lower-cased terms of text (stop words dropped, plural s stripped):
 * calls fn for each; the term buffer is only valid during the call. */
void co_search_terms(const char *text, void (*fn)(const char *term, size_t len, void *opaque), void *opaque);

/* co_search_snippet.c: a malloc'd snippet of chunk around the first term of
 * query found in it, about max bytes, on word boundaries. */
char *co_search_snippet(const char *chunk, const char *query, size_t max);

/* co_search.c: the text a chunk is indexed under on both sides (the
 * company name as a heading, then the chunk); malloc'd. */
char *co_search_index_text(const co_search_doc_t *d, const char *chunk);
/* Makes s->index hold exactly the live chunks' vectors as a flat or HNSW
 * index by size. Caller holds the write lock (or owns s alone). */
co_err_t co_search_rebuild_index(co_search_t *s, char *errstr, size_t errstr_size);
/* Inserts an already-built doc with its chunks (owned from now on) into
 * the tables and BM25, not FAISS. */
void co_search_attach(co_search_t *s, co_search_doc_t *d, co_search_chunk_t **chunks);
void co_search_doc_free(co_search_doc_t *d);
void co_search_chunk_free(co_search_chunk_t *c);

#endif
