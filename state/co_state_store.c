/* co_state_store.c: stores (one column family each), their persisted
 * flags, and the TTL compaction filter.
 *
 * A store's flags are written to __meta ("f" + name, synced) BEFORE its
 * column family is created and deleted AFTER it is dropped. So after any
 * crash, a family always has its flags record; a stray record without a
 * family describes an empty store and is simply overwritten by the next
 * open. Reopening with other flags is refused: a TTL store read as plain
 * would hand out expiry prefixes as data, and the reverse would eat bytes.
 *
 * The compaction filter drops TTL values whose expiry (wall clock) has
 * passed. A removed value becomes a deletion marker, so an older version
 * in a lower level cannot resurface. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_log.h"
#include "co_state_int.h"
#include "co_time.h"

static void ttlf_destroy(void *st) { free(st); }
static const char *ttlf_name(void *st) {
  (void)st;
  return "co_state.ttl";
}

static unsigned char ttlf_filter(void *st, int level, const char *key, size_t klen, const char *val, size_t vlen,
                                 char **nval, size_t *nvlen, unsigned char *changed) {
  co_state_ttlf_t *f = st;
  (void)level, (void)key, (void)klen, (void)nval, (void)nvlen;
  *changed = 0;
  if (!atomic_load(&f->ttl)) return 0;
  return (unsigned char)co_state_expired(val, vlen, co_time_wall_ms());
}

rocksdb_options_t *co_state_cf_options(co_state_db_t *db, co_state_ttlf_t **ttlfp) {
  co_state_ttlf_t *f = calloc(1, sizeof(*f));
  rocksdb_compactionfilter_t *cf;
  rocksdb_options_t *o;
  if (!f) return NULL;
  if (db->nfilters == db->filters_cap) {
    int cap = db->filters_cap ? db->filters_cap * 2 : 16;
    void *p = realloc(db->filters, (size_t)cap * sizeof(*db->filters));
    if (!p) {
      free(f);
      return NULL;
    }
    db->filters = p;
    db->filters_cap = cap;
  }
  atomic_init(&f->ttl, 0);
  cf = rocksdb_compactionfilter_create(f, ttlf_destroy, ttlf_filter, ttlf_name);
  rocksdb_compactionfilter_set_ignore_snapshots(cf, 1);
  db->filters[db->nfilters++] = cf;
  o = rocksdb_options_create_copy(db->opts);
  rocksdb_options_set_compaction_filter(o, cf);
  *ttlfp = f;
  return o;
}

int co_state_flags_read(co_state_db_t *db, const char *name) {
  size_t klen, vlen = 0;
  char *rerr = NULL, *k = co_state_meta_key(CO_STATE_META_FLAGS, name, &klen), *v;
  int flags = -1;
  if (!k) return -1;
  v = rocksdb_get_cf(db->rdb, db->ropts, db->meta_cf, k, klen, &vlen, &rerr);
  if (v && vlen == 8) flags = (int)co_state_be64_get((const unsigned char *)v);
  if (rerr) rocksdb_free(rerr);
  rocksdb_free(v);
  free(k);
  return flags;
}

static co_err_t flags_write(co_state_db_t *db, const char *name, int flags, int del, char *errstr, size_t errstr_size) {
  size_t klen;
  char *rerr = NULL, *k = co_state_meta_key(CO_STATE_META_FLAGS, name, &klen);
  unsigned char v[8];
  co_err_t err = CO_OK;
  if (!k) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
  co_state_be64_put(v, flags);
  if (del)
    rocksdb_delete_cf(db->rdb, db->wopts_sync, db->meta_cf, k, klen, &rerr);
  else
    rocksdb_put_cf(db->rdb, db->wopts_sync, db->meta_cf, k, klen, (const char *)v, sizeof(v), &rerr);
  if (rerr) {
    err = co_state_rerr(db, "store flags record", rerr, errstr, errstr_size);
    rocksdb_free(rerr);
  }
  free(k);
  return err;
}

void co_state_store_free(co_state_store_t *s) {
  if (!s) return;
  if (s->cf) rocksdb_column_family_handle_destroy(s->cf);
  free(s->name);
  free(s);
}

static co_state_store_t *find_locked(co_state_db_t *db, const char *name, co_state_store_t ***prevp) {
  co_state_store_t **pp = &db->stores;
  for (; *pp; pp = &(*pp)->next)
    if (!strcmp((*pp)->name, name)) break;
  if (prevp) *prevp = pp;
  return *pp;
}

static int name_ok(const char *name) {
  return name && *name && strcmp(name, "default") && strncmp(name, "__", 2);
}

co_state_store_t *co_state_store_open(co_state_db_t *db, const char *name, int flags, char *errstr,
                                      size_t errstr_size) {
  co_state_store_t *s = NULL, *fresh = NULL;
  rocksdb_options_t *o = NULL;
  char *rerr = NULL;

  if (!db || !name_ok(name) || (flags & ~CO_STATE_F_TTL)) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "state: bad store name '%s' or flags 0x%x",
              name ? name : "(null)", (unsigned)flags);
    return NULL;
  }
  pthread_mutex_lock(&db->lock);
  if ((s = find_locked(db, name, NULL))) {
    if (s->flags < 0) { /* family without flags record: adopt the caller's */
      if (flags_write(db, name, flags, 0, errstr, errstr_size) != CO_OK) goto fail;
      s->flags = flags;
      atomic_store(&s->ttlf->ttl, !!(flags & CO_STATE_F_TTL));
    } else if (s->flags != flags) {
      co_seterr(errstr, errstr_size, CO_ERR_STATE, "state: store %s exists with flags 0x%x, opened with 0x%x", name,
                (unsigned)s->flags, (unsigned)flags);
      goto fail;
    }
    goto out;
  }

  if (!(fresh = calloc(1, sizeof(*fresh))) || !(fresh->name = strdup(name)) ||
      !(o = co_state_cf_options(db, &fresh->ttlf))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto fail;
  }
  fresh->db = db;
  fresh->flags = flags;
  atomic_store(&fresh->ttlf->ttl, !!(flags & CO_STATE_F_TTL));
  if (flags_write(db, name, flags, 0, errstr, errstr_size) != CO_OK) goto fail;
  fresh->cf = rocksdb_create_column_family(db->rdb, o, name, &rerr);
  if (rerr) {
    co_state_rerr(db, "create store", rerr, errstr, errstr_size);
    rocksdb_free(rerr);
    fresh->cf = NULL;
    goto fail;
  }
  fresh->next = db->stores;
  db->stores = s = fresh;
  CO_LOGKV(CO_LOG_DEBUG, "state", "created store", "store", name, "ttl", flags & CO_STATE_F_TTL ? "true" : "false");
  goto out;

fail:
  co_state_store_free(fresh);
  s = NULL;
out:
  pthread_mutex_unlock(&db->lock);
  if (o) rocksdb_options_destroy(o);
  return s;
}

co_err_t co_state_store_drop(co_state_db_t *db, const char *name, char *errstr, size_t errstr_size) {
  co_state_store_t *s, **pp;
  char *rerr = NULL;
  co_err_t err = CO_OK;
  if (!db || !name) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "state: no store name");
  pthread_mutex_lock(&db->lock);
  if (!(s = find_locked(db, name, &pp))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "state: no store %s", name);
    goto out;
  }
  rocksdb_drop_column_family(db->rdb, s->cf, &rerr);
  if (rerr) {
    err = co_state_rerr(db, "drop store", rerr, errstr, errstr_size);
    rocksdb_free(rerr);
    goto out;
  }
  *pp = s->next;
  co_state_store_free(s);
  err = flags_write(db, name, 0, 1, errstr, errstr_size);
  CO_LOGKV(CO_LOG_INFO, "state", "dropped store", "store", name);
out:
  pthread_mutex_unlock(&db->lock);
  return err;
}

char **co_state_store_names(co_state_db_t *db) {
  char **names = NULL;
  int n = 0, i = 0;
  if (!db) return NULL;
  pthread_mutex_lock(&db->lock);
  for (co_state_store_t *s = db->stores; s; s = s->next) n++;
  if (!(names = calloc((size_t)n + 1, sizeof(*names)))) goto out;
  for (co_state_store_t *s = db->stores; s; s = s->next)
    if (!(names[i++] = strdup(s->name))) {
      co_state_names_free(names);
      names = NULL;
      goto out;
    }
out:
  pthread_mutex_unlock(&db->lock);
  return names;
}

void co_state_names_free(char **names) {
  if (!names) return;
  for (int i = 0; names[i]; i++) free(names[i]);
  free(names);
}

const char *co_state_store_name(const co_state_store_t *store) { return store ? store->name : NULL; }

uint64_t co_state_store_approx_count(co_state_store_t *s) {
  uint64_t v = 0;
  if (!s || rocksdb_property_int_cf(s->db->rdb, s->cf, "rocksdb.estimate-num-keys", &v) != 0) return 0;
  return v;
}
