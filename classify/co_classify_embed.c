/* co_classify_embed.c: sentence embeddings of corpus rows for training,
 * with a cache file so a rebuild does not re-embed unchanged rows.
 *
 * Embedding the corpus is the slow part of training (multilingual-e5-small
 * runs at tens of emails per second per core), so vectors are kept in a
 * cache keyed by an xxHash3 of what decides them: the embedder id, the
 * prefix kind, the byte cap and the text itself. The build keeps the cache
 * in its build dir; only rows whose text changed are embedded again.
 *
 * Cache file: "COCLSEMB" | u32 dim | u32 count | count x (u64 key, f32[dim])
 * | u64 xxh3 of all bytes before. A cache that does not parse is ignored
 * (rebuilt), never an error. It is rewritten (temp file + rename) with
 * exactly the vectors of this corpus, so it does not grow without bound. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "co_classify_int.h"
#include "co_log.h"
#include "co_vec_e5.h"

#define CACHE_MAGIC "COCLSEMB"
#define TEXT_MAX 8192
#define BATCH 16

typedef struct {
  uint64_t key;
  const float *v;
} ent_t;

static int ent_cmp(const void *a, const void *b) {
  uint64_t x = ((const ent_t *)a)->key, y = ((const ent_t *)b)->key;
  return x < y ? -1 : x > y;
}

/* Reads the cache into *buf (owned by the caller) and a sorted index. */
static size_t cache_read(const char *path, uint32_t dim, unsigned char **buf, ent_t **idx) {
  FILE *f = fopen(path, "rb");
  long sz;
  size_t n = 0;
  *buf = NULL;
  *idx = NULL;
  if (!f) return 0;
  if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 24 || fseek(f, 0, SEEK_SET) != 0) goto out;
  if (!(*buf = malloc((size_t)sz)) || fread(*buf, 1, (size_t)sz, f) != (size_t)sz) goto bad;
  uint32_t d, cnt;
  memcpy(&d, *buf + 8, 4);
  memcpy(&cnt, *buf + 12, 4);
  size_t rec = 8 + (size_t)d * 4;
  uint64_t h;
  if (memcmp(*buf, CACHE_MAGIC, 8) != 0 || d != dim || (size_t)sz != 16 + cnt * rec + 8) goto bad;
  memcpy(&h, *buf + sz - 8, 8);
  if (h != XXH3_64bits(*buf, (size_t)sz - 8) || !(*idx = calloc(cnt ? cnt : 1, sizeof(**idx)))) goto bad;
  for (n = 0; n < cnt; n++) {
    memcpy(&(*idx)[n].key, *buf + 16 + n * rec, 8);
    (*idx)[n].v = (const float *)(const void *)(*buf + 16 + n * rec + 8); /* 4-aligned: 16 + n*(8+4d) */
  }
  qsort(*idx, n, sizeof(**idx), ent_cmp);
  goto out;
bad:
  free(*buf);
  *buf = NULL;
  n = 0;
out:
  fclose(f);
  return n;
}

static co_err_t cache_write(const char *path, uint32_t dim, const uint64_t *keys, const float *vecs, size_t n,
                            char *errstr, size_t errstr_size) {
  char tmp[4096];
  uint32_t cnt = (uint32_t)n;
  FILE *f;
  if (snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid()) >= (int)sizeof(tmp))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "embedding cache path too long");
  XXH3_state_t *st = XXH3_createState();
  if (!st) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
  XXH3_64bits_reset(st);
  int ok = (f = fopen(tmp, "wb")) != NULL;
#define PUT(p, len) \
  do { \
    if (ok && fwrite((p), 1, (len), f) != (len)) ok = 0; \
    XXH3_64bits_update(st, (p), (len)); \
  } while (0)
  PUT(CACHE_MAGIC, 8);
  PUT(&dim, 4);
  PUT(&cnt, 4);
  for (size_t i = 0; i < n; i++) {
    PUT(&keys[i], 8);
    PUT(vecs + i * dim, (size_t)dim * 4);
  }
#undef PUT
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  if (ok && fwrite(&h, 1, 8, f) != 8) ok = 0;
  if (f && fclose(f) != 0) ok = 0;
  if (!ok || rename(tmp, path) != 0) {
    co_err_t err = co_seterr(errstr, errstr_size, CO_ERR_IO, "write embedding cache %s: %s", path, strerror(errno));
    unlink(tmp);
    return err;
  }
  return CO_OK;
}

co_err_t co_cls_embed_rows(const co_cls_featcfg_t *cfg, struct co_vec_e5_s *e, const co_classify_input_t *ins, size_t n,
                           const char *cache_path, float *out, char *errstr, size_t errstr_size) {
  co_err_t err = CO_OK;
  uint32_t dim = cfg->embed_dim;
  co_vec_e5_t *own = NULL;
  unsigned char *cbuf = NULL;
  ent_t *cidx = NULL;
  size_t ncache = cache_path ? cache_read(cache_path, dim, &cbuf, &cidx) : 0, hits = 0;
  uint64_t *keys = calloc(n ? n : 1, sizeof(*keys));
  char **texts = calloc(BATCH, sizeof(*texts));
  size_t *slot = calloc(BATCH, sizeof(*slot));
  if (!keys || !texts || !slot) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "embed: out of memory");
    goto out;
  }
  if (strcmp(cfg->embed_id, CO_VEC_E5_ID) != 0 || dim != CO_VEC_E5_DIM) {
    err = co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "embed: unknown embedder \"%s\" (%u dims)", cfg->embed_id, dim);
    goto out;
  }
  for (size_t b = 0; b < BATCH; b++)
    if (!(texts[b] = malloc(TEXT_MAX))) {
      err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "embed: out of memory");
      goto out;
    }
  /* what decides a vector besides the text: embedder, prefix, byte cap */
  unsigned char what[24];
  memcpy(what, cfg->embed_id, 16);
  memcpy(what + 16, &cfg->embed_kind, 4);
  memcpy(what + 20, &cfg->embed_bytes, 4);
  uint64_t seed = XXH3_64bits(what, sizeof(what));
  size_t nb = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i < n) {
      char *t = texts[nb];
      co_cls_embed_text(cfg, &ins[i], t, TEXT_MAX);
      keys[i] = XXH3_64bits_withSeed(t, strlen(t), seed);
      ent_t k = {.key = keys[i]}, *hit = ncache ? bsearch(&k, cidx, ncache, sizeof(k), ent_cmp) : NULL;
      if (hit) {
        memcpy(out + i * dim, hit->v, (size_t)dim * 4);
        hits++;
        continue;
      }
      slot[nb++] = i;
    }
    if (nb == BATCH || (i == n && nb)) {
      if (!e && !(e = own = co_vec_e5_open(NULL, errstr, errstr_size))) {
        err = CO_ERR_NOT_FOUND;
        goto out;
      }
      float vec[BATCH * CO_VEC_E5_DIM];
      if ((err = co_vec_e5_embed_batch(e, (const char *const *)texts, nb, 0, (co_vec_e5_kind_t)cfg->embed_kind, vec,
                                       errstr, errstr_size)) != CO_OK)
        goto out;
      for (size_t b = 0; b < nb; b++) memcpy(out + slot[b] * dim, vec + b * dim, (size_t)dim * 4);
      nb = 0;
    }
  }
  CO_INFO("classify", "embedded %zu emails (%zu from the cache)", n, hits);
  if (cache_path && hits < n) { /* a cache that cannot be written costs time next run, not this one */
    char werr[512];
    if (cache_write(cache_path, dim, keys, out, n, werr, sizeof(werr)) != CO_OK) CO_WARN("classify", "%s", werr);
  }
out:
  co_vec_e5_close(own);
  if (texts)
    for (size_t b = 0; b < BATCH; b++) free(texts[b]);
  free(texts);
  free(slot);
  free(keys);
  free(cidx);
  free(cbuf);
  return err;
}
