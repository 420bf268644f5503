/* co_search.c: the handle, and the write paths (upsert, remove, rebuild).
 *
 * Upsert does the slow part (chunking, embedding) before it takes the
 * write lock, then swaps the document's chunks in both indexes. New
 * vectors go into FAISS before the old ones leave, so a failed add leaves
 * the previous version searchable. Chunk ids come from a counter that
 * never reuses a value; the file format saves it.
 *
 * The FAISS kind is decided by size: once the live chunks reach the HNSW
 * threshold the flat index is rebuilt as HNSW from the kept vectors, and
 * an HNSW index whose dead slots (FAISS cannot delete from HNSW) outnumber
 * its live ones is rebuilt compact. */
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_search_int.h"

void co_search_opts_default(co_search_opts_t *o) {
  co_vec_index_opts_t v;
  co_vec_index_opts_default(&v);
  o->chunk_chars = 600;
  o->overlap_chars = 120;
  o->hnsw_threshold = v.hnsw_threshold;
  o->hnsw_m = v.hnsw_m;
  o->ef_construction = v.ef_construction;
  o->ef_search = v.ef_search;
}

void co_search_doc_free(co_search_doc_t *d) {
  if (!d) return;
  free(d->id);
  free(d->account);
  free(d->company);
  free(d->type);
  free(d->date);
  free(d->chunk_ids);
  free(d);
}

void co_search_chunk_free(co_search_chunk_t *c) {
  if (!c) return;
  free(c->text);
  free(c->vec);
  free(c);
}

char *co_search_index_text(const co_search_doc_t *d, const char *chunk) {
  size_t n = strlen(d->company) + strlen(chunk) + 4;
  char *t = malloc(n);
  if (t) snprintf(t, n, "%s%s%s", d->company, *d->company ? ". " : "", chunk);
  return t;
}

static co_vec_index_opts_t vec_opts(const co_search_t *s) {
  co_vec_index_opts_t v;
  co_vec_index_opts_default(&v);
  v.hnsw_threshold = s->opts.hnsw_threshold;
  v.hnsw_m = s->opts.hnsw_m;
  v.ef_construction = s->opts.ef_construction;
  v.ef_search = s->opts.ef_search;
  return v;
}

co_search_t *co_search_new(co_vec_embedder_t *emb, const co_search_opts_t *opts, char *errstr, size_t errstr_size) {
  co_search_t *s = NULL;
  if (!emb) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: no embedder");
    return NULL;
  }
  if (!(s = calloc(1, sizeof(*s)))) goto nomem;
  if (opts)
    s->opts = *opts;
  else
    co_search_opts_default(&s->opts);
  if (s->opts.chunk_chars < 64 || s->opts.overlap_chars >= s->opts.chunk_chars / 2) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: chunk_chars must be >= 64 and overlap < half of it");
    goto err;
  }
  s->emb = emb;
  s->dim = co_vec_embedder_dim(emb);
  /* glibc's default rwlock prefers readers: a steady stream of queries
   * would starve upserts forever (search_queries_concurrent_with_writes). */
  pthread_rwlockattr_t la;
  pthread_rwlockattr_init(&la);
  pthread_rwlockattr_setkind_np(&la, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
  pthread_rwlock_init(&s->lock, &la);
  pthread_rwlockattr_destroy(&la);
  s->docs = g_hash_table_new(g_str_hash, g_str_equal);
  s->chunks = g_hash_table_new(g_int64_hash, g_int64_equal);
  co_search_bm25_init(&s->bm25);
  s->bm25_acct = co_search_bm25_acct_new();
  co_vec_index_opts_t v = vec_opts(s);
  if (!(s->index = co_vec_index_new(s->dim, co_vec_embedder_id(emb), 0, &v, errstr, errstr_size))) goto err;
  return s;
nomem:
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search: out of memory");
err:
  co_search_destroy(s);
  return NULL;
}

void co_search_destroy(co_search_t *s) {
  if (!s) return;
  if (s->docs) {
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, s->docs);
    while (g_hash_table_iter_next(&it, &k, &v)) co_search_doc_free(v);
    g_hash_table_destroy(s->docs);
    g_hash_table_iter_init(&it, s->chunks);
    while (g_hash_table_iter_next(&it, &k, &v)) co_search_chunk_free(v);
    g_hash_table_destroy(s->chunks);
    co_search_bm25_clear(&s->bm25);
    g_hash_table_destroy(s->bm25_acct);
    pthread_rwlock_destroy(&s->lock);
  }
  co_vec_index_destroy(s->index);
  free(s);
}

static char *dup0(const char *v) {
  return strdup(v ? v : "");
}

co_err_t co_search_rebuild_index(co_search_t *s, char *errstr, size_t errstr_size) {
  size_t n = g_hash_table_size(s->chunks), i = 0;
  co_vec_index_opts_t v = vec_opts(s);
  co_err_t err = CO_OK;
  float *x = malloc((n ? n : 1) * s->dim * sizeof(float));
  int64_t *ids = malloc((n ? n : 1) * sizeof(int64_t));
  co_vec_index_t *idx = NULL;
  GHashTableIter it;
  gpointer k, val;
  if (!x || !ids) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search: out of memory");
    goto out;
  }
  g_hash_table_iter_init(&it, s->chunks);
  while (g_hash_table_iter_next(&it, &k, &val)) {
    co_search_chunk_t *c = val;
    ids[i] = c->id;
    memcpy(x + i * s->dim, c->vec, s->dim * sizeof(float));
    i++;
  }
  if (!(idx = co_vec_index_new(s->dim, co_vec_embedder_id(s->emb), n, &v, errstr, errstr_size))) {
    err = CO_ERR_STORE;
    goto out;
  }
  if (n && (err = co_vec_index_add(idx, n, x, ids, errstr, errstr_size)) != CO_OK) goto out;
  CO_DEBUG("search", "vector index rebuilt: %zu chunks, %s", n, co_vec_index_kind(idx));
  co_vec_index_destroy(s->index);
  s->index = idx;
  idx = NULL;
out:
  co_vec_index_destroy(idx);
  free(x);
  free(ids);
  return err;
}

void co_search_attach(co_search_t *s, co_search_doc_t *d, co_search_chunk_t **chunks) {
  co_search_bm25_t *acct = d->n_chunks ? co_search_bm25_acct(s->bm25_acct, d->account, 1) : NULL;
  g_hash_table_insert(s->docs, d->id, d);
  for (size_t i = 0; i < d->n_chunks; i++) {
    co_search_chunk_t *c = chunks[i];
    char *t = co_search_index_text(d, c->text);
    c->n_terms = co_search_bm25_add(&s->bm25, c->id, t ? t : c->text);
    co_search_bm25_add(acct, c->id, t ? t : c->text);
    free(t);
    g_hash_table_insert(s->chunks, &c->id, c);
  }
}

/* Drops a doc's chunks from the tables and BM25 and frees it. FAISS is the
 * caller's business (it removes the ids first). */
static void detach(co_search_t *s, co_search_doc_t *d) {
  co_search_bm25_t *acct = co_search_bm25_acct(s->bm25_acct, d->account, 0);
  for (size_t i = 0; i < d->n_chunks; i++) {
    co_search_chunk_t *c = g_hash_table_lookup(s->chunks, &d->chunk_ids[i]);
    if (!c) continue;
    char *t = co_search_index_text(d, c->text);
    co_search_bm25_remove(&s->bm25, c->id, t ? t : c->text, c->n_terms);
    if (acct) co_search_bm25_remove(acct, c->id, t ? t : c->text, c->n_terms);
    free(t);
    g_hash_table_remove(s->chunks, &c->id);
    co_search_chunk_free(c);
  }
  co_search_bm25_acct_gc(s->bm25_acct, d->account);
  g_hash_table_remove(s->docs, d->id);
  co_search_doc_free(d);
}

/* Rebuilds the vector index when its kind no longer fits its size. */
static void maybe_rebuild(co_search_t *s) {
  char err[256];
  size_t live = g_hash_table_size(s->chunks), total = co_vec_index_ntotal(s->index);
  int hnsw = !strcmp(co_vec_index_kind(s->index), "hnsw");
  int want_hnsw = live >= s->opts.hnsw_threshold;
  (void)total;
  if (hnsw == want_hnsw && !(hnsw && s->dead > live)) return;
  if (co_search_rebuild_index(s, err, sizeof(err)) != CO_OK)
    CO_WARN("search", "vector index rebuild failed (kept the old one): %s", err);
  else
    s->dead = 0;
}

static co_err_t remove_locked(co_search_t *s, co_search_doc_t *d, char *errstr, size_t errstr_size) {
  co_err_t err;
  size_t removed = 0;
  if (d->n_chunks &&
      (err = co_vec_index_remove(s->index, d->n_chunks, d->chunk_ids, &removed, errstr, errstr_size)) != CO_OK)
    return err;
  if (!strcmp(co_vec_index_kind(s->index), "hnsw")) s->dead += removed;
  detach(s, d);
  return CO_OK;
}

co_err_t co_search_upsert(co_search_t *s, const char *doc_id, const co_search_meta_t *meta, const char *text,
                          char *errstr, size_t errstr_size) {
  co_search_meta_t m0 = {0};
  co_search_doc_t *d = NULL;
  co_search_chunk_t **chunks = NULL;
  char **itexts = NULL;
  size_t *starts = NULL, *lens = NULL, n = 0, i;
  float *vecs = NULL;
  int locked = 0;
  co_err_t err = CO_OK;
  if (!s || !doc_id || !*doc_id || !text)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search upsert: NULL or empty argument");
  if (!meta) meta = &m0;
  if (!(d = calloc(1, sizeof(*d))) || !(d->id = strdup(doc_id)) || !(d->account = dup0(meta->account)) ||
      !(d->company = dup0(meta->company)) || !(d->type = dup0(meta->type)) || !(d->date = dup0(meta->date)))
    goto nomem;
  n = co_search_chunk_spans(text, s->opts.chunk_chars, s->opts.overlap_chars, NULL, NULL, 0);
  if (!(starts = calloc(n + 1, sizeof(size_t))) || !(lens = calloc(n + 1, sizeof(size_t))) ||
      !(chunks = calloc(n + 1, sizeof(*chunks))) || !(itexts = calloc(n + 1, sizeof(char *))) ||
      !(d->chunk_ids = calloc(n + 1, sizeof(int64_t))) || !(vecs = malloc((n + 1) * s->dim * sizeof(float))))
    goto nomem;
  co_search_chunk_spans(text, s->opts.chunk_chars, s->opts.overlap_chars, starts, lens, n);
  for (i = 0; i < n; i++) {
    if (!(chunks[i] = calloc(1, sizeof(**chunks))) || !(chunks[i]->text = strndup(text + starts[i], lens[i])) ||
        !(chunks[i]->vec = malloc(s->dim * sizeof(float))) || !(itexts[i] = co_search_index_text(d, chunks[i]->text)))
      goto nomem;
  }
  if (n && (err = co_vec_embed_batch(s->emb, (const char *const *)itexts, n, vecs, errstr, errstr_size)) != CO_OK)
    goto out;

  pthread_rwlock_wrlock(&s->lock);
  locked = 1;
  for (i = 0; i < n; i++) {
    chunks[i]->id = d->chunk_ids[i] = s->next_chunk_id + (int64_t)i;
    chunks[i]->doc = d;
    memcpy(chunks[i]->vec, vecs + i * s->dim, s->dim * sizeof(float));
  }
  d->n_chunks = n;
  if (n && (err = co_vec_index_add(s->index, n, vecs, d->chunk_ids, errstr, errstr_size)) != CO_OK) goto out;
  s->next_chunk_id += (int64_t)n;
  co_search_doc_t *old = g_hash_table_lookup(s->docs, doc_id);
  if (old && (err = remove_locked(s, old, errstr, errstr_size)) != CO_OK) {
    /* Both versions' vectors are in FAISS now; take the new ones back out. */
    co_vec_index_remove(s->index, n, d->chunk_ids, NULL, NULL, 0);
    goto out;
  }
  co_search_attach(s, d, chunks);
  d = NULL; /* owned by the handle, chunks too */
  for (i = 0; i < n; i++) chunks[i] = NULL;
  maybe_rebuild(s);
  goto out;
nomem:
  err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search upsert: out of memory");
out:
  if (locked) pthread_rwlock_unlock(&s->lock);
  for (i = 0; chunks && i < n; i++) co_search_chunk_free(chunks[i]);
  for (i = 0; itexts && i < n; i++) free(itexts[i]);
  free(chunks);
  free(itexts);
  free(starts);
  free(lens);
  free(vecs);
  co_search_doc_free(d);
  return err;
}

co_err_t co_search_remove(co_search_t *s, const char *doc_id, char *errstr, size_t errstr_size) {
  co_err_t err;
  if (!s || !doc_id) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search remove: NULL argument");
  pthread_rwlock_wrlock(&s->lock);
  co_search_doc_t *d = g_hash_table_lookup(s->docs, doc_id);
  if (!d)
    err = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "search remove: no document %s", doc_id);
  else if ((err = remove_locked(s, d, errstr, errstr_size)) == CO_OK)
    maybe_rebuild(s);
  pthread_rwlock_unlock(&s->lock);
  return err;
}

size_t co_search_docs(co_search_t *s) {
  pthread_rwlock_rdlock(&s->lock);
  size_t n = g_hash_table_size(s->docs);
  pthread_rwlock_unlock(&s->lock);
  return n;
}

size_t co_search_chunks(co_search_t *s) {
  pthread_rwlock_rdlock(&s->lock);
  size_t n = g_hash_table_size(s->chunks);
  pthread_rwlock_unlock(&s->lock);
  return n;
}

const char *co_search_index_kind(co_search_t *s) {
  pthread_rwlock_rdlock(&s->lock);
  const char *k = co_vec_index_kind(s->index);
  pthread_rwlock_unlock(&s->lock);
  return k;
}
