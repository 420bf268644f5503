/* co_state_batch.c: transactions (write batch with index), reads through
 * them, value encoding and __meta checkpoints.
 *
 * Every write lands in a RocksDB write-batch-with-index first. The index
 * lets reads and iterators see the transaction's own pending writes over
 * the committed DB, and rocksdb_write_writebatch_wi() applies the batch as
 * one WAL record: data in every store and the checkpoint in __meta become
 * visible, and durable, together or not at all. The batch is built with
 * overwrite_keys so a key written twice reads as its latest write.
 *
 * Indexing costs a skiplist insert per write (as much as the memtable insert
 * of the commit). Writes nothing will read before the commit (the runtime's
 * flush at commit, a restore's changelog records) go to a plain write batch
 * instead, when the indexed one is empty, so one atomic write remains. */
#include <stdlib.h>
#include <string.h>

#include "co_state_int.h"

co_err_t co_state_encode(const co_state_store_t *store, const void *val, size_t vlen, int64_t expire_at_ms, void **out,
                         size_t *outlen) {
  size_t hdr;
  unsigned char *p;
  if (!store || !out || !outlen || (vlen && !val)) return CO_ERR_INVALID_ARG;
  hdr = co_state_is_ttl(store) ? CO_STATE_TTL_HDR : 0;
  if (hdr && expire_at_ms < 0) return CO_ERR_INVALID_ARG;
  if (!(p = malloc(hdr + vlen + 1))) return CO_ERR_NOMEM;
  if (hdr) co_state_be64_put(p, expire_at_ms);
  if (vlen) memcpy(p + hdr, val, vlen);
  p[hdr + vlen] = '\0';
  *out = p;
  *outlen = hdr + vlen;
  return CO_OK;
}

co_state_batch_t *co_state_batch_new(co_state_db_t *db) {
  co_state_batch_t *b;
  if (!db || !(b = calloc(1, sizeof(*b)))) return NULL;
  b->db = db;
  b->wb = rocksdb_writebatch_wi_create(0, 1);
  b->plain = rocksdb_writebatch_create();
  return b;
}

void co_state_batch_destroy(co_state_batch_t *b) {
  if (!b) return;
  rocksdb_writebatch_wi_destroy(b->wb);
  rocksdb_writebatch_destroy(b->plain);
  free(b);
}

void co_state_batch_unindexed(co_state_batch_t *b) {
  if (b && !rocksdb_writebatch_wi_count(b->wb)) b->unindexed = 1;
}

static void batch_put(co_state_batch_t *b, rocksdb_column_family_handle_t *cf, const void *key, size_t klen,
                      const void *val, size_t vlen) {
  if (b->unindexed)
    rocksdb_writebatch_put_cf(b->plain, cf, key, klen, val, vlen);
  else
    rocksdb_writebatch_wi_put_cf(b->wb, cf, key, klen, val, vlen);
}

co_err_t co_state_put(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen, const void *val, size_t vlen,
                      int64_t expire_at_ms) {
  unsigned char stackbuf[256], *buf = stackbuf;
  if (!b || !s || !key || (vlen && !val)) return CO_ERR_INVALID_ARG;
  if (!co_state_is_ttl(s)) {
    batch_put(b, s->cf, key, klen, vlen ? val : "", vlen);
    return CO_OK;
  }
  if (expire_at_ms < 0) return CO_ERR_INVALID_ARG;
  /* put copies, so the encoded value can live on the stack when small. */
  if (vlen + CO_STATE_TTL_HDR > sizeof(stackbuf) && !(buf = malloc(vlen + CO_STATE_TTL_HDR))) return CO_ERR_NOMEM;
  co_state_be64_put(buf, expire_at_ms);
  if (vlen) memcpy(buf + CO_STATE_TTL_HDR, val, vlen);
  batch_put(b, s->cf, key, klen, buf, vlen + CO_STATE_TTL_HDR);
  if (buf != stackbuf) free(buf);
  return CO_OK;
}

co_err_t co_state_put_encoded(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen, const void *enc,
                              size_t enclen) {
  if (!b || !s || !key || (enclen && !enc)) return CO_ERR_INVALID_ARG;
  if (co_state_is_ttl(s) && enclen < CO_STATE_TTL_HDR) return CO_ERR_INVALID_ARG;
  batch_put(b, s->cf, key, klen, enclen ? enc : "", enclen);
  return CO_OK;
}

co_err_t co_state_delete(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen) {
  if (!b || !s || !key) return CO_ERR_INVALID_ARG;
  if (b->unindexed)
    rocksdb_writebatch_delete_cf(b->plain, s->cf, key, klen);
  else
    rocksdb_writebatch_wi_delete_cf(b->wb, s->cf, key, klen);
  return CO_OK;
}

/* Raw (encoded) read through the batch or from the DB. *out is malloc'd by
 * RocksDB (free with rocksdb_free), NULL if absent. */
static co_err_t raw_get(co_state_db_t *db, co_state_batch_t *b, rocksdb_column_family_handle_t *cf, const void *key,
                        size_t klen, char **out, size_t *outlen, char *errstr, size_t errstr_size) {
  char *rerr = NULL;
  *outlen = 0;
  *out = NULL;
  if (b && rocksdb_writebatch_count(b->plain))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "state: read through a batch with unindexed writes");
  if (b)
    *out = rocksdb_writebatch_wi_get_from_batch_and_db_cf(b->wb, db->rdb, db->ropts, cf, key, klen, outlen, &rerr);
  else
    *out = rocksdb_get_cf(db->rdb, db->ropts, cf, key, klen, outlen, &rerr);
  if (rerr) {
    co_err_t err = co_seterr(errstr, errstr_size, CO_ERR_STORE, "state: read: %s", rerr);
    rocksdb_free(rerr);
    rocksdb_free(*out);
    *out = NULL;
    return err;
  }
  return CO_OK;
}

co_err_t co_state_get(co_state_batch_t *b, co_state_store_t *s, const void *key, size_t klen, int64_t now_ms, void **val,
                      size_t *vlen, char *errstr, size_t errstr_size) {
  char *raw = NULL;
  size_t rawlen, hdr;
  unsigned char *copy = NULL;
  co_err_t err;
  if (!s || !key || !val || !vlen || (b && b->db != s->db))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "state: get: bad arguments");
  if ((err = raw_get(s->db, b, s->cf, key, klen, &raw, &rawlen, errstr, errstr_size)) != CO_OK) return err;
  if (!raw) return CO_ERR_NOT_FOUND;
  hdr = co_state_is_ttl(s) ? CO_STATE_TTL_HDR : 0;
  if (hdr && (rawlen < hdr || co_state_expired(raw, rawlen, now_ms))) {
    err = rawlen < hdr ? co_seterr(errstr, errstr_size, CO_ERR_STORE, "state: %s: short TTL value", s->name)
                       : CO_ERR_NOT_FOUND;
    goto done;
  }
  if (!(copy = malloc(rawlen - hdr + 1))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto done;
  }
  memcpy(copy, raw + hdr, rawlen - hdr);
  copy[rawlen - hdr] = '\0';
  *val = copy;
  *vlen = rawlen - hdr;
done:
  rocksdb_free(raw);
  return err;
}

char *co_state_meta_key(char space, const char *name, size_t *klen) {
  size_t n = strlen(name);
  char *k = malloc(n + 1);
  if (!k) return NULL;
  k[0] = space;
  memcpy(k + 1, name, n);
  *klen = n + 1;
  return k;
}

co_err_t co_state_meta_put(co_state_batch_t *b, const char *key, int64_t value) {
  size_t klen;
  unsigned char v[8];
  char *k;
  if (!b || !key) return CO_ERR_INVALID_ARG;
  if (!(k = co_state_meta_key(CO_STATE_META_USER, key, &klen))) return CO_ERR_NOMEM;
  co_state_be64_put(v, value);
  batch_put(b, b->db->meta_cf, k, klen, v, sizeof(v));
  free(k);
  return CO_OK;
}

co_err_t co_state_meta_get(co_state_db_t *db, co_state_batch_t *b, const char *key, int64_t *value) {
  size_t klen, vlen;
  char *k, *raw = NULL;
  co_err_t err;
  if (!db || !key || !value || (b && b->db != db)) return CO_ERR_INVALID_ARG;
  *value = -1;
  if (!(k = co_state_meta_key(CO_STATE_META_USER, key, &klen))) return CO_ERR_NOMEM;
  err = raw_get(db, b, db->meta_cf, k, klen, &raw, &vlen, NULL, 0);
  free(k);
  if (err != CO_OK) return err;
  if (raw && vlen != 8) err = CO_ERR_STORE;
  else if (raw) *value = co_state_be64_get((const unsigned char *)raw);
  rocksdb_free(raw);
  return err;
}

co_err_t co_state_batch_commit(co_state_batch_t *b, char *errstr, size_t errstr_size) {
  char *rerr = NULL;
  if (!b) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "state: commit: no batch");
  /* At most one of the two holds writes (co_state_batch_unindexed). */
  if (rocksdb_writebatch_count(b->plain))
    rocksdb_write(b->db->rdb, b->db->wopts, b->plain, &rerr);
  else
    rocksdb_write_writebatch_wi(b->db->rdb, b->db->wopts, b->wb, &rerr);
  if (rerr) {
    co_err_t err = co_state_rerr(b->db, "commit", rerr, errstr, errstr_size);
    rocksdb_free(rerr);
    return err;
  }
  co_state_batch_clear(b);
  co_state_mark_maybe(b->db, 0);
  return CO_OK;
}

void co_state_batch_clear(co_state_batch_t *b) {
  if (!b) return;
  rocksdb_writebatch_wi_clear(b->wb);
  rocksdb_writebatch_clear(b->plain);
  b->unindexed = 0;
}

int co_state_batch_count(const co_state_batch_t *b) {
  return b ? rocksdb_writebatch_wi_count(b->wb) + rocksdb_writebatch_count(b->plain) : 0;
}
