/* co_state_int.h: co_state internals shared by the state/ sources.
 *
 * The DB keeps its stores in a short list under one mutex: stores are
 * opened once per task assignment, so a list is cheaper to reason about
 * than a hash table and lookups are off the per-record path (callers keep
 * the co_state_store_t handle). */
#ifndef CO_STATE_INT_H
#define CO_STATE_INT_H

#include <pthread.h>
#include <rocksdb/c.h>
#include <stdatomic.h>

#include "co_state.h"

#define CO_STATE_META_CF "__meta"
/* __meta key spaces: user meta entries and persisted store flags never collide. */
#define CO_STATE_META_USER 'm'
#define CO_STATE_META_FLAGS 'f'
#define CO_STATE_TTL_HDR 8 /* big-endian expiry in front of TTL values */

/* State of one store's compaction filter. RocksDB needs the filter when the
 * column family is opened, before __meta can be read to learn the store's
 * flags, so every store gets a filter that starts disabled and is switched
 * on once the flags are known. Owned by the filter (freed by its destructor). */
typedef struct co_state_ttlf_s {
  atomic_int ttl;
} co_state_ttlf_t;

struct co_state_store_s {
  co_state_db_t *db;
  char *name;
  int flags; /* CO_STATE_F_*; -1 if no flags record was found at open */
  rocksdb_column_family_handle_t *cf;
  co_state_ttlf_t *ttlf; /* owned by its filter in db->filters */
  co_state_store_t *next;
};

struct co_state_db_s {
  char *dir;
  rocksdb_t *rdb;
  rocksdb_options_t *opts; /* DB + base CF options, pass-through applied */
  rocksdb_block_based_table_options_t *bbto;
  rocksdb_cache_t *cache;
  rocksdb_readoptions_t *ropts;
  rocksdb_writeoptions_t *wopts;      /* commits: sync per co_state_opts_t */
  rocksdb_writeoptions_t *wopts_sync; /* store flag records: always synced */
  rocksdb_column_family_handle_t *default_cf, *meta_cf;

  /* co_state_guard.c: the committed-sequence marker outside RocksDB */
  char *mark_path;             /* "<dir>.committed-seq" */
  int sync;                    /* commits fsync the WAL themselves */
  pthread_mutex_t mark_lock;   /* one marker writer at a time */
  _Atomic int64_t mark_ms;     /* monotonic time of the last marker attempt */
  _Atomic uint64_t mark_seq;   /* sequence the marker holds */
  atomic_int write_failed;     /* a write failed: RocksDB is in its error state */

  pthread_mutex_t lock; /* guards stores, filters and CF create/drop */
  co_state_store_t *stores;
  /* Filters must outlive rocksdb_close(), even for dropped stores. */
  rocksdb_compactionfilter_t **filters;
  int nfilters, filters_cap;
};

struct co_state_batch_s {
  co_state_db_t *db;
  rocksdb_writebatch_wi_t *wb;
  rocksdb_writebatch_t *plain; /* unindexed writes (co_state_batch_unindexed) */
  int unindexed;
};

struct co_state_iter_s {
  co_state_store_t *s;
  rocksdb_iterator_t *it;
  int64_t now_ms;
};

/* co_state_store.c */
/* Creates a column-family options copy with a (disabled) TTL filter whose
 * state is returned in *ttlfp; registers the filter with db. Caller holds
 * db->lock or is single-threaded (open). Caller destroys the options. */
rocksdb_options_t *co_state_cf_options(co_state_db_t *db, co_state_ttlf_t **ttlfp);
/* Reads a store's persisted flags from __meta; -1 if none. */
int co_state_flags_read(co_state_db_t *db, const char *name);
void co_state_store_free(co_state_store_t *s);

/* co_state_guard.c */
/* 1 if a RocksDB error text means the disk is full. */
int co_state_is_nospace(const char *msg);
/* Fills errstr for a failed RocksDB call (what: "commit", ...): "disk full:
 * ... <dir> ..." for ENOSPC, "state: what: rerr" otherwise. */
co_err_t co_state_rerr(co_state_db_t *db, const char *what, const char *rerr, char *errstr, size_t errstr_size);
/* At open: refuses a DB whose latest sequence is below the marker. */
co_err_t co_state_mark_check(co_state_db_t *db, char *errstr, size_t errstr_size);
/* After a commit (at most once a second) or at close (force): syncs the WAL
 * and records the latest sequence in the marker. Thread-safe. */
void co_state_mark_maybe(co_state_db_t *db, int force);

/* co_state_batch.c */
/* A __meta key: the key-space byte (CO_STATE_META_*) then name. malloc'd, caller frees. */
char *co_state_meta_key(char space, const char *name, size_t *klen);
static inline void co_state_be64_put(unsigned char *p, int64_t v) {
  uint64_t u = (uint64_t)v;
  for (int i = 7; i >= 0; i--, u >>= 8) p[i] = (unsigned char)(u & 0xff);
}
static inline int64_t co_state_be64_get(const unsigned char *p) {
  uint64_t u = 0;
  for (int i = 0; i < 8; i++) u = (u << 8) | p[i];
  return (int64_t)u;
}
static inline int co_state_is_ttl(const co_state_store_t *s) { return s->flags > 0 && (s->flags & CO_STATE_F_TTL); }
/* 1 if an encoded TTL value has expired at now_ms (0 expiry = never). */
static inline int co_state_expired(const void *enc, size_t enclen, int64_t now_ms) {
  if (enclen < CO_STATE_TTL_HDR) return 0;
  int64_t exp = co_state_be64_get(enc);
  return exp != 0 && exp <= now_ms;
}

#endif
