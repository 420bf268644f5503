/* co_cache.h: a task's write cache: the latest encoded value (or delete)
 * per (store, key) written in the open transaction. Reads look here first;
 * RocksDB and the changelog see one write per key when the cache is flushed
 * (at commit, or when it grows past its bound), not one per record. The
 * same structure holds one record's writes until its callback succeeds. */
#ifndef CO_CACHE_H
#define CO_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_cache_ent_s {
  int store;
  void *key;
  size_t klen;
  void *enc; /* NULL: deleted */
  size_t enclen;
  uint64_t hash;
  int logged; /* the changelog already has this value (see co_task.c) */
} co_cache_ent_t;

typedef struct co_cache_s {
  co_cache_ent_t *ents;
  int cnt, cap;
  /* Open addressing over ents: 0 empty, else (hash >> 32) << 32 | (index + 1).
   * The hash bits let a probe skip other keys without touching ents (a
   * cache miss each): most lookups (a dedupe store's new ids) find nothing. */
  uint64_t *slots;
  int nslots; /* power of two */
} co_cache_t;

uint64_t co_cache_hash(int store, const void *key, size_t klen);
/* NULL if absent. Valid until the next set/clear. */
co_cache_ent_t *co_cache_find(co_cache_t *c, int store, const void *key, size_t klen);
/* The same with h = co_cache_hash(store, key, klen), for several caches. */
co_cache_ent_t *co_cache_find_h(co_cache_t *c, int store, const void *key, size_t klen, uint64_t h);
/* Copies key and enc (enc NULL records a delete). */
co_err_t co_cache_set(co_cache_t *c, int store, const void *key, size_t klen, const void *enc, size_t enclen);
/* Like co_cache_set but takes enc (malloc'd; freed by the cache, also on error). */
co_err_t co_cache_set_take(co_cache_t *c, int store, const void *key, size_t klen, void *enc, size_t enclen);
/* Moves every entry of src into dst (later writes win, keeping src's
 * logged flag) and empties src. on_new, if set, sees each entry of dst
 * whose key dst did not hold before (it may set x->logged); the first error
 * is returned, and the move still completes. */
co_err_t co_cache_move(co_cache_t *dst, co_cache_t *src, co_err_t (*on_new)(co_cache_ent_t *x, void *opaque),
                       void *opaque);
void co_cache_clear(co_cache_t *c);
void co_cache_free(co_cache_t *c);

#endif
