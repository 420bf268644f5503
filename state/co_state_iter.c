/* co_state_iter.c: ordered iteration over one store.
 *
 * With a batch, RocksDB's base-delta iterator merges the batch's pending
 * writes over a DB iterator (the base iterator is handed over to it), so a
 * scan inside a transaction sees its own puts and deletes. Expired TTL
 * entries are skipped here, at the same now_ms for the whole scan, so a
 * scan is consistent with co_state_get at that clock. */
#include <stdlib.h>

#include "co_state_int.h"

static void skip_expired(co_state_iter_t *it) {
  if (!co_state_is_ttl(it->s)) return;
  while (rocksdb_iter_valid(it->it)) {
    size_t vlen;
    const char *v = rocksdb_iter_value(it->it, &vlen);
    if (vlen >= CO_STATE_TTL_HDR && !co_state_expired(v, vlen, it->now_ms)) return;
    rocksdb_iter_next(it->it);
  }
}

co_state_iter_t *co_state_iter_new(co_state_batch_t *b, co_state_store_t *s, int64_t now_ms) {
  co_state_iter_t *it;
  rocksdb_iterator_t *base;
  if (!s || (b && (b->db != s->db || rocksdb_writebatch_count(b->plain))) || !(it = calloc(1, sizeof(*it))))
    return NULL;
  it->s = s;
  it->now_ms = now_ms;
  base = rocksdb_create_iterator_cf(s->db->rdb, s->db->ropts, s->cf);
  it->it = b ? rocksdb_writebatch_wi_create_iterator_with_base_cf(b->wb, base, s->cf) : base;
  co_state_iter_seek(it, NULL, 0);
  return it;
}

void co_state_iter_seek(co_state_iter_t *it, const void *key, size_t klen) {
  if (klen)
    rocksdb_iter_seek(it->it, key, klen);
  else
    rocksdb_iter_seek_to_first(it->it);
  skip_expired(it);
}

int co_state_iter_valid(co_state_iter_t *it) { return it && rocksdb_iter_valid(it->it); }

void co_state_iter_next(co_state_iter_t *it) {
  rocksdb_iter_next(it->it);
  skip_expired(it);
}

const void *co_state_iter_key(co_state_iter_t *it, size_t *klen) { return rocksdb_iter_key(it->it, klen); }

const void *co_state_iter_value(co_state_iter_t *it, size_t *vlen) {
  const char *v = rocksdb_iter_value(it->it, vlen);
  if (co_state_is_ttl(it->s)) { /* skip_expired guaranteed the header is there */
    *vlen -= CO_STATE_TTL_HDR;
    v += CO_STATE_TTL_HDR;
  }
  return v;
}

const void *co_state_iter_encoded(co_state_iter_t *it, size_t *enclen) { return rocksdb_iter_value(it->it, enclen); }

void co_state_iter_destroy(co_state_iter_t *it) {
  if (!it) return;
  rocksdb_iter_destroy(it->it);
  free(it);
}
