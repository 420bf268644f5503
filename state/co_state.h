/* co_state.h: CareerOps local state on RocksDB.
 *
 * Design (docs/state.md says why): ONE RocksDB instance per CareerOps
 * process, one column family per store per task ("dedupe.3", "applications.0"),
 * plus a "__meta" family for checkpoints and cursors. One instance gives one
 * block cache and one memtable budget for the whole process, and lets a
 * single write batch cover a task's store writes and its checkpoint (and, in
 * embedded mode, the local log's records and input cursor).
 *
 * Transactions: writes go to a co_state_batch_t (RocksDB write-batch-with-
 * index), never straight to the DB. Reads and iterators through the batch see
 * its pending writes on top of the DB. co_state_batch_commit() applies the
 * whole batch atomically; co_state_batch_clear() drops it (abort). So a crash
 * never leaves half a transaction on disk.
 *
 * TTL stores (CO_STATE_F_TTL) keep an 8-byte big-endian expiry (ms since the
 * epoch, 0 = never) in front of each value; reads hide expired values, and a
 * compaction filter drops them. The "encoded" value is what is stored and
 * what a changelog carries, so restore reproduces expiry exactly.
 *
 * Threading: a co_state_db_t may be used from several threads; a batch and
 * an iterator belong to one thread at a time.
 * This module knows nothing of Kafka or email. */
#ifndef CO_STATE_H
#define CO_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_state_db_s co_state_db_t;
typedef struct co_state_store_s co_state_store_t;
typedef struct co_state_batch_s co_state_batch_t;
typedef struct co_state_iter_s co_state_iter_t;

typedef struct co_state_opts_s {
  size_t cache_mb;        /* shared LRU block cache */
  size_t write_buffer_mb; /* total memtable budget (db_write_buffer_size) */
  int sync;               /* fsync the WAL on each commit */
  /* "rocksdb." pass-through options as name=value pairs (may be NULL):
   * applied with RocksDB's options-string parser; unknown names are errors. */
  const char *const *extra; /* NULL-terminated, alternating name, value */
  /* 1: a state that went backwards (below its committed-sequence marker) is
   * not refused but wiped, with a warning, and opened empty: for state that
   * is a cache of elsewhere (Kafka mode: the changelogs). */
  int rebuild_if_backwards;
} co_state_opts_t;

#define CO_STATE_F_TTL 0x1

/* Opens (creating if needed) the instance database in dir; reopens every
 * column family found there. Returns NULL with errstr on error. Caller closes
 * with co_state_db_close(). */
co_state_db_t *co_state_db_open(const char *dir, const co_state_opts_t *opts, char *errstr, size_t errstr_size);
/* Closes the DB and frees every store handle. Batches and iterators must be
 * destroyed first. */
void co_state_db_close(co_state_db_t *db);

/* Returns the store named name, creating its column family if absent.
 * flags: CO_STATE_F_TTL. The handle is owned by db (valid until close or
 * drop). Opening an existing store with different flags is an error. */
co_state_store_t *co_state_store_open(co_state_db_t *db, const char *name, int flags, char *errstr, size_t errstr_size);
/* Drops a store and all its data (task state wiped or moved away). */
co_err_t co_state_store_drop(co_state_db_t *db, const char *name, char *errstr, size_t errstr_size);
/* Lists store names (NULL-terminated, caller frees array and strings with co_state_names_free). */
char **co_state_store_names(co_state_db_t *db);
void co_state_names_free(char **names);
const char *co_state_store_name(const co_state_store_t *store);

/* Encodes a value as a store with these flags keeps it (prefixing expiry
 * for TTL stores). *out is malloc'd, caller frees. */
co_err_t co_state_encode(const co_state_store_t *store, const void *val, size_t vlen, int64_t expire_at_ms, void **out,
                         size_t *outlen);

/* Decodes an encoded value as co_state_get would return it: *val malloc'd
 * (NUL-terminated after *vlen), CO_ERR_NOT_FOUND if expired at now_ms. */
co_err_t co_state_decode(const co_state_store_t *store, const void *enc, size_t enclen, int64_t now_ms, void **val,
                         size_t *vlen);

/* A transaction's pending writes. Caller destroys. */
co_state_batch_t *co_state_batch_new(co_state_db_t *db);
void co_state_batch_destroy(co_state_batch_t *b);

/* Writes into the batch. put copies key and value. For TTL stores
 * expire_at_ms is the absolute expiry (0 = never); ignored otherwise. */
co_err_t co_state_put(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen, const void *val, size_t vlen,
                      int64_t expire_at_ms);
/* Writes an already-encoded value (as read from a changelog). */
co_err_t co_state_put_encoded(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen, const void *enc,
                              size_t enclen);
co_err_t co_state_delete(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen);

/* Reads key through the batch (b may be NULL: committed data only).
 * On CO_OK *val is malloc'd (caller frees) and NUL-terminated beyond *vlen;
 * CO_ERR_NOT_FOUND if absent or expired. now_ms is the clock for TTL. */
co_err_t co_state_get(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen, int64_t now_ms, void **val,
                      size_t *vlen, char *errstr, size_t errstr_size);

/* Meta entries (checkpoints, cursors) in the "__meta" family, written in
 * the same batch as the data they describe. */
co_err_t co_state_meta_put(co_state_batch_t *b, const char *key, int64_t value);
/* Committed value of a meta key (b NULL) or batch+committed; *value = -1 if absent. */
co_err_t co_state_meta_get(co_state_db_t *db, co_state_batch_t *b, const char *key, int64_t *value);

/* Applies the batch atomically to the DB and empties it for reuse. On error
 * nothing is applied and the batch keeps its writes. */
co_err_t co_state_batch_commit(co_state_batch_t *b, char *errstr, size_t errstr_size);
/* Drops every pending write (abort). */
void co_state_batch_clear(co_state_batch_t *b);
/* Marks the batch's current end; a later rollback drops every write made
 * after it (one record's writes when its processor fails). Savepoints nest. */
void co_state_batch_savepoint(co_state_batch_t *b);
/* Drops writes back to the latest savepoint and pops it; CO_ERR_NOT_FOUND
 * if there is none. */
co_err_t co_state_batch_rollback(co_state_batch_t *b);
/* Number of pending operations. */
int co_state_batch_count(const co_state_batch_t *b);
/* Until the next commit or clear, writes skip the batch's index: they cost
 * about what a plain RocksDB write batch costs, and reads or iterators
 * through b fail with CO_ERR_INVALID_ARG while such writes are pending. For
 * a transaction's last writes (cache flush, checkpoints) just before its
 * commit. Without effect while indexed writes are pending, so the batch
 * still commits as one atomic write. */
void co_state_batch_unindexed(co_state_batch_t *b);

/* Iterator over a store through the batch (b may be NULL). Keys in byte order;
 * expired TTL entries are skipped. Caller destroys. */
co_state_iter_t *co_state_iter_new(co_state_batch_t *b, co_state_store_t *s, int64_t now_ms);
void co_state_iter_seek(co_state_iter_t *it, const void *key, size_t klen); /* first key >= key; klen 0 = first */
int co_state_iter_valid(co_state_iter_t *it);
void co_state_iter_next(co_state_iter_t *it);
/* Valid until the next seek/next/destroy. value is decoded (no expiry prefix). */
const void *co_state_iter_key(co_state_iter_t *it, size_t *klen);
const void *co_state_iter_value(co_state_iter_t *it, size_t *vlen);
/* Encoded value (as stored) and expiry for TTL stores (0 otherwise). */
const void *co_state_iter_encoded(co_state_iter_t *it, size_t *enclen);
void co_state_iter_destroy(co_state_iter_t *it);

/* Approximate number of keys in a store (RocksDB estimate). */
uint64_t co_state_store_approx_count(co_state_store_t *s);

#endif
