/* co_search_persist.c: the save file.
 *
 * One file holds everything a restart needs, so one rename publishes it
 * atomically: header (magic, version, the caller's seq, embedder id, dim,
 * options, next chunk id), the documents with their chunks' texts and
 * vectors, the FAISS index as written by co_vec_index_write(), and an
 * XXH64 of all of that. Integers are host byte order (the file is a local
 * cache of derived state, rebuilt from the store if unreadable). BM25 is
 * not stored: re-tokenizing the chunk texts on load is fast. The vectors are
 * stored beside FAISS's copy because the handle keeps them to rebuild the
 * index (flat to HNSW, compaction).
 *
 * Save: serialize under the read lock (queries continue, writes wait),
 * write "<path>.tmp.<pid>", fsync, rename over path, fsync the directory. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "co_search_int.h"

#define MAGIC "COSEARCH"
#define VERSION 1u

static void put(GByteArray *b, const void *p, size_t n) {
  g_byte_array_append(b, p, (guint)n);
}
static void put_u64(GByteArray *b, uint64_t v) {
  put(b, &v, 8);
}
static void put_str(GByteArray *b, const char *s) {
  uint32_t n = (uint32_t)strlen(s);
  put(b, &n, 4);
  put(b, s, n);
}

static co_err_t write_all(const char *path, const void *p, size_t n, char *errstr, size_t errstr_size) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const char *c = p;
  if (fd < 0) return co_seterr(errstr, errstr_size, CO_ERR_IO, "search save: %s: %s", path, strerror(errno));
  while (n > 0) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) goto err;
    c += w;
    n -= (size_t)w;
  }
  if (fsync(fd) != 0) goto err;
  if (close(fd) != 0) return co_seterr(errstr, errstr_size, CO_ERR_IO, "search save: %s: %s", path, strerror(errno));
  return CO_OK;
err:
  co_seterr(errstr, errstr_size, CO_ERR_IO, "search save: %s: %s", path, strerror(errno));
  close(fd);
  return CO_ERR_IO;
}

/* The FAISS index as bytes (via a temp file: the shim writes paths). */
static co_err_t faiss_bytes(co_vec_index_t *idx, const char *path, gchar **data, gsize *len, char *errstr,
                            size_t errstr_size) {
  char *tmp = g_strdup_printf("%s.faiss.%d", path, (int)getpid());
  GError *ge = NULL;
  co_err_t err = co_vec_index_write(idx, tmp, errstr, errstr_size);
  if (err == CO_OK && !g_file_get_contents(tmp, data, len, &ge)) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "search save: %s", ge->message);
    g_error_free(ge);
  }
  unlink(tmp);
  g_free(tmp);
  return err;
}

co_err_t co_search_save(co_search_t *s, const char *path, uint64_t seq, char *errstr, size_t errstr_size) {
  GByteArray *b = g_byte_array_new();
  gchar *fb = NULL;
  gsize fb_len = 0;
  char *tmp = NULL, *dcopy = NULL;
  co_err_t err;
  GHashTableIter it;
  gpointer k, v;
  if (!s || !path) {
    g_byte_array_unref(b);
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search save: NULL argument");
  }
  pthread_rwlock_rdlock(&s->lock);
  uint32_t ver = VERSION;
  int32_t hp[3] = {s->opts.hnsw_m, s->opts.ef_construction, s->opts.ef_search};
  put(b, MAGIC, 8);
  put(b, &ver, 4);
  put_u64(b, seq);
  put_str(b, co_vec_embedder_id(s->emb));
  put_u64(b, s->dim);
  put_u64(b, s->opts.chunk_chars);
  put_u64(b, s->opts.overlap_chars);
  put_u64(b, s->opts.hnsw_threshold);
  put(b, hp, sizeof(hp));
  put_u64(b, (uint64_t)s->next_chunk_id);
  put_u64(b, g_hash_table_size(s->docs));
  g_hash_table_iter_init(&it, s->docs);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    co_search_doc_t *d = v;
    put_str(b, d->id);
    put_str(b, d->account);
    put_str(b, d->company);
    put_str(b, d->type);
    put_str(b, d->date);
    put_u64(b, d->n_chunks);
    for (size_t i = 0; i < d->n_chunks; i++) {
      co_search_chunk_t *c = g_hash_table_lookup(s->chunks, &d->chunk_ids[i]);
      put_u64(b, (uint64_t)c->id);
      put_str(b, c->text);
      put(b, c->vec, s->dim * sizeof(float));
    }
  }
  err = faiss_bytes(s->index, path, &fb, &fb_len, errstr, errstr_size);
  pthread_rwlock_unlock(&s->lock);
  if (err != CO_OK) goto out;
  put_u64(b, fb_len);
  put(b, fb, fb_len);
  put_u64(b, XXH64(b->data, b->len, 0));

  tmp = g_strdup_printf("%s.tmp.%d", path, (int)getpid());
  if ((err = write_all(tmp, b->data, b->len, errstr, errstr_size)) != CO_OK) goto out;
  if (rename(tmp, path) != 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "search save: rename to %s: %s", path, strerror(errno));
    goto out;
  }
  dcopy = strdup(path);
  int dfd = dcopy ? open(dirname(dcopy), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  if (dfd >= 0) {
    fsync(dfd); /* makes the rename durable */
    close(dfd);
  }
out:
  if (err != CO_OK && tmp) unlink(tmp);
  g_free(tmp);
  free(dcopy);
  g_free(fb);
  g_byte_array_unref(b);
  return err;
}

typedef struct {
  const uint8_t *p, *end;
  int bad;
} rd_t;

static const void *take(rd_t *r, size_t n) {
  if (r->bad || (size_t)(r->end - r->p) < n) {
    r->bad = 1;
    return NULL;
  }
  const void *p = r->p;
  r->p += n;
  return p;
}
static uint64_t get_u64(rd_t *r) {
  uint64_t v = 0;
  const void *p = take(r, 8);
  if (p) memcpy(&v, p, 8);
  return v;
}
static char *get_str(rd_t *r) {
  uint32_t n = 0;
  const void *p = take(r, 4);
  if (p) memcpy(&n, p, 4);
  const char *s = take(r, n);
  return s ? strndup(s, n) : NULL;
}

co_search_t *co_search_load(const char *path, co_vec_embedder_t *emb, uint64_t *seq, char *errstr, size_t errstr_size) {
  gchar *data = NULL, *tmp = NULL;
  gsize len = 0;
  GError *ge = NULL;
  co_search_t *s = NULL;
  co_search_doc_t *d = NULL;
  co_search_chunk_t **chunks = NULL;
  char *emb_id = NULL;
  co_vec_index_t *idx = NULL;
  size_t nc = 0, i;
  if (!path || !emb) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search load: NULL argument");
    return NULL;
  }
  if (!g_file_get_contents(path, &data, &len, &ge)) {
    int missing = g_error_matches(ge, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    co_seterr(errstr, errstr_size, missing ? CO_ERR_NOT_FOUND : CO_ERR_IO, "search load: %s", ge->message);
    g_error_free(ge);
    errno = missing ? ENOENT : EIO;
    return NULL;
  }
  rd_t r = {(const uint8_t *)data, (const uint8_t *)data + len, 0};
  uint64_t sum;
  if (len < 8 + 4 + 8 || memcmp(data, MAGIC, 8) != 0) goto bad;
  memcpy(&sum, data + len - 8, 8);
  if (XXH64(data, len - 8, 0) != sum) goto bad;
  r.end -= 8;
  take(&r, 8);
  const void *vp = take(&r, 4);
  uint32_t ver = 0;
  if (vp) memcpy(&ver, vp, 4); /* fields are unaligned in the file: memcpy, never cast */
  if (ver != VERSION) goto bad;
  uint64_t file_seq = get_u64(&r);
  if (!(emb_id = get_str(&r))) goto bad;
  if (strcmp(emb_id, co_vec_embedder_id(emb)) != 0) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "search load: %s was built by embedder %s, not %s", path, emb_id,
              co_vec_embedder_id(emb));
    goto err;
  }
  co_search_opts_t o;
  uint64_t dim = get_u64(&r);
  o.chunk_chars = get_u64(&r);
  o.overlap_chars = get_u64(&r);
  o.hnsw_threshold = get_u64(&r);
  const void *hpp = take(&r, 12);
  int32_t hp[3];
  if (r.bad || dim != co_vec_embedder_dim(emb)) goto bad;
  memcpy(hp, hpp, sizeof(hp));
  o.hnsw_m = hp[0];
  o.ef_construction = hp[1];
  o.ef_search = hp[2];
  if (!(s = co_search_new(emb, &o, errstr, errstr_size))) goto err;
  s->next_chunk_id = (int64_t)get_u64(&r);
  uint64_t ndocs = get_u64(&r);
  for (uint64_t di = 0; di < ndocs && !r.bad; di++) {
    if (!(d = calloc(1, sizeof(*d)))) goto nomem;
    d->id = get_str(&r);
    d->account = get_str(&r);
    d->company = get_str(&r);
    d->type = get_str(&r);
    d->date = get_str(&r);
    nc = get_u64(&r);
    if (r.bad || nc > len || !(d->chunk_ids = calloc(nc + 1, sizeof(int64_t))) ||
        !(chunks = calloc(nc + 1, sizeof(*chunks))))
      goto bad;
    for (i = 0; i < nc; i++) {
      const void *vec;
      if (!(chunks[i] = calloc(1, sizeof(**chunks)))) goto nomem;
      chunks[i]->id = d->chunk_ids[i] = (int64_t)get_u64(&r);
      chunks[i]->text = get_str(&r);
      chunks[i]->doc = d;
      if (!(vec = take(&r, dim * sizeof(float))) || !chunks[i]->text || !(chunks[i]->vec = malloc(dim * sizeof(float))))
        goto bad;
      memcpy(chunks[i]->vec, vec, dim * sizeof(float));
    }
    d->n_chunks = nc;
    if (!d->id || !d->account || !d->company || !d->type || !d->date) goto bad;
    co_search_attach(s, d, chunks);
    d = NULL;
    free(chunks);
    chunks = NULL;
    nc = 0;
  }
  uint64_t flen = get_u64(&r);
  const void *fb = take(&r, flen);
  if (!fb || r.p != r.end) goto bad;
  tmp = g_strdup_printf("%s.faiss-load.%d", path, (int)getpid());
  if (!g_file_set_contents(tmp, fb, (gssize)flen, &ge)) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "search load: %s", ge->message);
    g_error_free(ge);
    goto err;
  }
  idx = co_vec_index_read(tmp, errstr, errstr_size);
  unlink(tmp);
  if (!idx || co_vec_index_check_embedder(idx, co_vec_embedder_id(emb), errstr, errstr_size) != CO_OK) goto err;
  if (co_vec_index_ntotal(idx) != g_hash_table_size(s->chunks)) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "search load: %s: index holds %zu vectors for %u chunks", path,
              co_vec_index_ntotal(idx), g_hash_table_size(s->chunks));
    goto err;
  }
  co_vec_index_destroy(s->index);
  s->index = idx;
  idx = NULL;
  if (seq) *seq = file_seq;
  goto out;
nomem:
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search load: out of memory");
  goto err;
bad:
  co_seterr(errstr, errstr_size, CO_ERR_PARSE, "search load: %s is damaged or not a search index", path);
err:
  co_search_destroy(s);
  s = NULL;
out:
  for (i = 0; chunks && i < nc; i++) co_search_chunk_free(chunks[i]);
  free(chunks);
  co_search_doc_free(d);
  co_vec_index_destroy(idx);
  free(emb_id);
  g_free(tmp);
  g_free(data);
  return s;
}
