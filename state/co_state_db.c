/* co_state_db.c: opening and closing the process's one RocksDB instance.
 *
 * One instance, many column families: the block cache (LRU, cache_mb) and
 * the memtable budget (db_write_buffer_size) are shared by every store, so
 * memory is bounded per process rather than per store, and one write batch
 * can span every store plus __meta. "rocksdb." pass-through settings are
 * applied last, one at a time with RocksDB's own options-string parser, so
 * an operator can override our defaults and an unknown name is reported by
 * name. Store handling lives in co_state_store.c.
 *
 * A state that went backwards (co_state_guard.c) is refused, unless the
 * caller says the state is a cache of elsewhere (rebuild_if_backwards:
 * Kafka mode, where every store has a changelog): then the directory and
 * its marker are wiped with a warning and it opens empty, and the runtime
 * restores every store from its changelog as for a fresh state dir. */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "co_log.h"
#include "co_state_int.h"

#define CO_STATE_DEF_CACHE_MB 64
#define CO_STATE_DEF_WBUF_MB 64

/* Applies the NULL-terminated name/value list to db->opts. Names may carry
 * the "rocksdb." prefix or not. */
static co_err_t apply_extra(co_state_db_t *db, const char *const *extra, char *errstr, size_t errstr_size) {
  for (int i = 0; extra && extra[i]; i += 2) {
    const char *name = extra[i], *value = extra[i + 1];
    char *str = NULL, *rerr = NULL;
    if (!value) return co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "rocksdb.%s: missing value", name);
    if (!strncmp(name, "rocksdb.", 8)) name += 8;
    if (asprintf(&str, "%s=%s", name, value) < 0) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    rocksdb_options_t *next = rocksdb_options_create();
    rocksdb_get_options_from_string(db->opts, str, next, &rerr);
    free(str);
    if (rerr) {
      co_err_t err = co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "rocksdb.%s=%s rejected: %s", name, value, rerr);
      rocksdb_free(rerr);
      rocksdb_options_destroy(next);
      return err;
    }
    rocksdb_options_destroy(db->opts);
    db->opts = next;
  }
  return CO_OK;
}

static co_err_t build_options(co_state_db_t *db, const co_state_opts_t *opts, char *errstr, size_t errstr_size) {
  size_t cache_mb = opts && opts->cache_mb ? opts->cache_mb : CO_STATE_DEF_CACHE_MB;
  size_t wbuf_mb = opts && opts->write_buffer_mb ? opts->write_buffer_mb : CO_STATE_DEF_WBUF_MB;

  db->cache = rocksdb_cache_create_lru(cache_mb << 20);
  db->bbto = rocksdb_block_based_options_create();
  rocksdb_block_based_options_set_block_cache(db->bbto, db->cache);
  /* Bloom filters keep point gets (dedupe) cheap. Index and filter blocks
   * stay outside the cache (about 1.3 bytes per key): charging them to it
   * made gets ~10x slower at 1M keys with 64 MB (bench/state), even at high
   * priority, as data blocks kept evicting them. */
  rocksdb_block_based_options_set_filter_policy(db->bbto, rocksdb_filterpolicy_create_bloom_full(10));

  db->opts = rocksdb_options_create();
  rocksdb_options_set_create_if_missing(db->opts, 1);
  rocksdb_options_set_create_missing_column_families(db->opts, 1);
  rocksdb_options_set_block_based_table_factory(db->opts, db->bbto);
  rocksdb_options_set_db_write_buffer_size(db->opts, wbuf_mb << 20);
  /* A single store's memtable should not take the whole budget. */
  rocksdb_options_set_write_buffer_size(db->opts, (wbuf_mb << 20) / 4 > (4u << 20) ? (wbuf_mb << 20) / 4 : (4u << 20));
  rocksdb_options_set_keep_log_file_num(db->opts, 4);
  /* A memtable bloom filter (2% of the memtable) lets a get of an absent
   * key (every new Message-ID the dedupe store sees) skip the memtable's
   * skiplist search, the largest cost of such a get (bench/processor). */
  rocksdb_options_set_memtable_prefix_bloom_size_ratio(db->opts, 0.02);
  rocksdb_options_set_memtable_whole_key_filtering(db->opts, 1);
  /* Every read checks block checksums and the open checks every file, so
   * damage is an error rather than silently older or missing data. */
  rocksdb_options_set_paranoid_checks(db->opts, 1);
  /* RocksDB's LOG at header level only: after a LOG write failed with
   * ENOSPC, the next one tripped an assertion in librocksdb (SIGABRT)
   * instead of the error being returned (co_state_guard.c). */
  rocksdb_options_set_info_log_level(db->opts, 5 /* HEADER_LEVEL */);

  db->ropts = rocksdb_readoptions_create();
  db->wopts = rocksdb_writeoptions_create();
  rocksdb_writeoptions_set_sync(db->wopts, opts && opts->sync);
  db->wopts_sync = rocksdb_writeoptions_create();
  rocksdb_writeoptions_set_sync(db->wopts_sync, 1);

  return apply_extra(db, opts ? opts->extra : NULL, errstr, errstr_size);
}

static void free_names(char **names, size_t n) {
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
}

/* Opens dir; *backwards is set when it opened but is below its marker
 * (then NULL is returned, errstr says so). */
static co_state_db_t *co_state_db_open_once(const char *dir, const co_state_opts_t *opts, int *backwards, char *errstr,
                                            size_t errstr_size) {
  co_state_db_t *db = NULL;
  char **names = NULL, **found = NULL, *rerr = NULL;
  size_t ncf = 0, nfound = 0, n = 0;
  int have_meta = 0;
  rocksdb_options_t **cfopts = NULL;
  rocksdb_column_family_handle_t **handles = NULL;
  co_state_ttlf_t **ttlfs = NULL;

  if (!dir || !*dir) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "state: no directory given");
    return NULL;
  }
  if (!(db = calloc(1, sizeof(*db)))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  pthread_mutex_init(&db->lock, NULL);
  pthread_mutex_init(&db->mark_lock, NULL);
  db->sync = opts && opts->sync;
  if (!(db->dir = strdup(dir))) goto nomem;
  size_t dl = strlen(dir);
  while (dl > 1 && dir[dl - 1] == '/') dl--;
  if (asprintf(&db->mark_path, "%.*s.committed-seq", (int)dl, dir) < 0) {
    db->mark_path = NULL;
    goto nomem;
  }
  if (build_options(db, opts, errstr, errstr_size) != CO_OK) goto err;

  /* Existing families, or a fresh DB with just default and __meta. */
  found = rocksdb_list_column_families(db->opts, dir, &nfound, &rerr);
  if (rerr) { /* no DB there yet; the (empty) list is still allocated */
    rocksdb_free(rerr);
    rerr = NULL;
    if (found) rocksdb_list_column_families_destroy(found, 0);
    found = NULL;
    nfound = 0;
  }
  if (!(names = calloc(nfound + 2, sizeof(*names)))) goto nomem;
  ncf = nfound + 2; /* names[] is NULL-padded: free_names copes */
  for (size_t i = 0; i < nfound; i++) {
    if (!strcmp(found[i], CO_STATE_META_CF)) have_meta = 1;
    if (!(names[n++] = strdup(found[i]))) goto nomem;
  }
  if (!n && !(names[n++] = strdup("default"))) goto nomem;
  if (!have_meta && !(names[n++] = strdup(CO_STATE_META_CF))) goto nomem;
  ncf = n;

  cfopts = calloc(ncf, sizeof(*cfopts));
  handles = calloc(ncf, sizeof(*handles));
  ttlfs = calloc(ncf, sizeof(*ttlfs));
  if (!cfopts || !handles || !ttlfs) goto nomem;
  for (size_t i = 0; i < ncf; i++) {
    if (!strcmp(names[i], "default") || !strcmp(names[i], CO_STATE_META_CF))
      cfopts[i] = rocksdb_options_create_copy(db->opts);
    else
      cfopts[i] = co_state_cf_options(db, &ttlfs[i]);
    if (!cfopts[i]) goto nomem;
  }

  db->rdb = rocksdb_open_column_families(db->opts, dir, (int)ncf, (const char *const *)names,
                                         (const rocksdb_options_t *const *)cfopts, handles, &rerr);
  if (rerr) {
    if (co_state_is_nospace(rerr))
      co_seterr(errstr, errstr_size, CO_ERR_IO, "disk full: cannot open the state in %s: %s", dir, rerr);
    else
      co_seterr(errstr, errstr_size, CO_ERR_STORE, "state: cannot open %s: %s", dir, rerr);
    goto err;
  }

  for (size_t i = 0; i < ncf; i++) {
    if (!strcmp(names[i], "default")) {
      db->default_cf = handles[i];
    } else if (!strcmp(names[i], CO_STATE_META_CF)) {
      db->meta_cf = handles[i];
    } else {
      co_state_store_t *s = calloc(1, sizeof(*s));
      if (!s) goto nomem;
      s->db = db;
      s->cf = handles[i];
      s->ttlf = ttlfs[i];
      s->name = names[i];
      names[i] = NULL;
      s->next = db->stores;
      db->stores = s;
    }
    handles[i] = NULL;
  }
  /* Flags are known only now; until here each TTL filter kept everything. */
  for (co_state_store_t *s = db->stores; s; s = s->next) {
    s->flags = co_state_flags_read(db, s->name);
    atomic_store(&s->ttlf->ttl, s->flags > 0 && (s->flags & CO_STATE_F_TTL));
  }

  if (co_state_mark_check(db, errstr, errstr_size)) {
    *backwards = 1;
    goto err;
  }

  CO_LOGKV(CO_LOG_INFO, "state", "opened state db", "dir", dir);
  goto out;

nomem:
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
err:
  if (db && handles)
    for (size_t i = 0; i < ncf; i++)
      if (handles[i]) rocksdb_column_family_handle_destroy(handles[i]);
  co_state_db_close(db);
  db = NULL;
out:
  if (cfopts)
    for (size_t i = 0; i < ncf; i++)
      if (cfopts[i]) rocksdb_options_destroy(cfopts[i]);
  free(cfopts);
  free(handles);
  free(ttlfs);
  if (rerr) rocksdb_free(rerr);
  if (found) rocksdb_list_column_families_destroy(found, nfound);
  if (names) free_names(names, ncf);
  return db;
}

static int co_state_rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

/* Removes dir (recursively) and its marker "<dir>.committed-seq". */
static co_err_t co_state_wipe(const char *dir, char *errstr, size_t errstr_size) {
  char mark[4200];
  size_t dl = strlen(dir);
  while (dl > 1 && dir[dl - 1] == '/') dl--;
  snprintf(mark, sizeof(mark), "%.*s.committed-seq", (int)dl, dir);
  if ((nftw(dir, co_state_rm_entry, 16, FTW_DEPTH | FTW_PHYS) && errno != ENOENT) || (unlink(mark) && errno != ENOENT))
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "state: cannot wipe %s to rebuild it: %s", dir, strerror(errno));
  return CO_OK;
}

co_state_db_t *co_state_db_open(const char *dir, const co_state_opts_t *opts, char *errstr, size_t errstr_size) {
  int backwards = 0;
  co_state_db_t *db = co_state_db_open_once(dir, opts, &backwards, errstr, errstr_size);
  if (db || !backwards || !opts || !opts->rebuild_if_backwards) return db;
  CO_LOGKV(CO_LOG_WARN, "state", "state went backwards: wiping it, every store is restored from its changelog", "dir",
           dir, "cause", errstr);
  if (co_state_wipe(dir, errstr, errstr_size)) return NULL;
  backwards = 0;
  return co_state_db_open_once(dir, opts, &backwards, errstr, errstr_size);
}

void co_state_db_close(co_state_db_t *db) {
  if (!db) return;
  while (db->stores) {
    co_state_store_t *s = db->stores;
    db->stores = s->next;
    co_state_store_free(s);
  }
  if (db->rdb && db->mark_path) co_state_mark_maybe(db, 1); /* never lowers it */
  if (db->default_cf) rocksdb_column_family_handle_destroy(db->default_cf);
  if (db->meta_cf) rocksdb_column_family_handle_destroy(db->meta_cf);
  if (db->rdb) rocksdb_close(db->rdb);
  for (int i = 0; i < db->nfilters; i++) rocksdb_compactionfilter_destroy(db->filters[i]);
  free(db->filters);
  if (db->opts) rocksdb_options_destroy(db->opts);
  if (db->bbto) rocksdb_block_based_options_destroy(db->bbto);
  if (db->cache) rocksdb_cache_destroy(db->cache);
  if (db->ropts) rocksdb_readoptions_destroy(db->ropts);
  if (db->wopts) rocksdb_writeoptions_destroy(db->wopts);
  if (db->wopts_sync) rocksdb_writeoptions_destroy(db->wopts_sync);
  pthread_mutex_destroy(&db->lock);
  pthread_mutex_destroy(&db->mark_lock);
  free(db->mark_path);
  free(db->dir);
  free(db);
}
