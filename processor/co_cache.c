/* co_cache.c: see co_cache.h. Open addressing with xxHash; entries are
 * kept in insertion order so a flush writes them in a stable order. */
#include "co_cache.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define CO_SLOT_TAG(h) ((h)&0xffffffff00000000ULL)

uint64_t co_cache_hash(int store, const void *key, size_t klen) {
  return XXH3_64bits_withSeed(key, klen, (uint64_t)store + 1);
}

/* The slot holding the key, or the empty slot where it would go. */
static int co_cache_slot(const co_cache_t *c, int store, const void *key, size_t klen, uint64_t h) {
  int mask = c->nslots - 1;
  uint64_t tag = CO_SLOT_TAG(h);
  for (int i = (int)(h & (uint64_t)mask);; i = (i + 1) & mask) {
    uint64_t s = c->slots[i];
    if (!s) return i;
    if (CO_SLOT_TAG(s) != tag) continue;
    const co_cache_ent_t *x = &c->ents[(uint32_t)s - 1];
    if (x->hash == h && x->store == store && x->klen == klen && !memcmp(x->key, key, klen)) return i;
  }
}

static void co_cache_link(co_cache_t *c, int slot, int e) {
  c->slots[slot] = CO_SLOT_TAG(c->ents[e].hash) | (uint64_t)(e + 1);
}

static int co_cache_grow(co_cache_t *c) {
  int n = c->nslots ? c->nslots * 2 : 64;
  uint64_t *s = calloc((size_t)n, sizeof(*s));
  if (!s) return -1;
  free(c->slots);
  c->slots = s;
  c->nslots = n;
  for (int e = 0; e < c->cnt; e++) {
    const co_cache_ent_t *x = &c->ents[e];
    co_cache_link(c, co_cache_slot(c, x->store, x->key, x->klen, x->hash), e);
  }
  return 0;
}

co_cache_ent_t *co_cache_find_h(co_cache_t *c, int store, const void *key, size_t klen, uint64_t h) {
  if (!c->cnt) return NULL;
  uint64_t s = c->slots[co_cache_slot(c, store, key, klen, h)];
  return s ? &c->ents[(uint32_t)s - 1] : NULL;
}

co_cache_ent_t *co_cache_find(co_cache_t *c, int store, const void *key, size_t klen) {
  return c->cnt ? co_cache_find_h(c, store, key, klen, co_cache_hash(store, key, klen)) : NULL;
}

/* Stores v (owned, NULL = delete) under key; copies key unless key_owned,
 * in which case the cache takes it (or frees it when the key is present).
 * *isnew, if set, is 1 when the key was absent (then *out gets its entry). */
static co_err_t co_cache_put(co_cache_t *c, int store, void *key, int key_owned, size_t klen, void *v, size_t enclen,
                             uint64_t h, int logged, int *isnew, co_cache_ent_t **out) {
  if ((c->cnt + 1) * 2 > c->nslots && co_cache_grow(c)) {
    free(v);
    if (key_owned) free(key);
    return CO_ERR_NOMEM;
  }
  int slot = co_cache_slot(c, store, key, klen, h);
  if (c->slots[slot]) {
    co_cache_ent_t *x = &c->ents[(uint32_t)c->slots[slot] - 1];
    free(x->enc);
    x->enc = v;
    x->enclen = enclen;
    x->logged = logged;
    if (key_owned) free(key);
    if (isnew) *isnew = 0;
    return CO_OK;
  }
  if (c->cnt == c->cap) {
    int cap = c->cap ? c->cap * 2 : 64;
    co_cache_ent_t *n = realloc(c->ents, sizeof(*n) * (size_t)cap);
    if (!n) {
      free(v);
      if (key_owned) free(key);
      return CO_ERR_NOMEM;
    }
    c->ents = n;
    c->cap = cap;
  }
  co_cache_ent_t *x = &c->ents[c->cnt];
  if (key_owned) {
    x->key = key;
  } else if ((x->key = malloc(klen ? klen : 1))) {
    memcpy(x->key, key, klen);
  } else {
    free(v);
    return CO_ERR_NOMEM;
  }
  x->klen = klen;
  x->enc = v;
  x->enclen = enclen;
  x->store = store;
  x->hash = h;
  x->logged = logged;
  co_cache_link(c, slot, c->cnt++);
  if (isnew) *isnew = 1, *out = x;
  return CO_OK;
}

co_err_t co_cache_set(co_cache_t *c, int store, const void *key, size_t klen, const void *enc, size_t enclen) {
  void *v = NULL;
  if (enc && !(v = malloc(enclen ? enclen : 1))) return CO_ERR_NOMEM;
  if (enc && enclen) memcpy(v, enc, enclen);
  return co_cache_put(c, store, (void *)key, 0, klen, v, enclen, co_cache_hash(store, key, klen), 0, NULL, NULL);
}

co_err_t co_cache_set_take(co_cache_t *c, int store, const void *key, size_t klen, void *enc, size_t enclen) {
  return co_cache_put(c, store, (void *)key, 0, klen, enc, enclen, co_cache_hash(store, key, klen), 0, NULL, NULL);
}

co_err_t co_cache_move(co_cache_t *dst, co_cache_t *src, co_err_t (*on_new)(co_cache_ent_t *x, void *opaque),
                       void *opaque) {
  co_err_t err = CO_OK;
  for (int e = 0; e < src->cnt; e++) {
    co_cache_ent_t *x = &src->ents[e], *nx = NULL;
    int isnew = 0;
    co_err_t r = co_cache_put(dst, x->store, x->key, 1, x->klen, x->enc, x->enclen, x->hash, x->logged, &isnew, &nx);
    if (!r && isnew && on_new) r = on_new(nx, opaque);
    if (r && !err) err = r; /* put freed what it could not keep */
  }
  if (src->cnt && src->slots) memset(src->slots, 0, sizeof(*src->slots) * (size_t)src->nslots);
  src->cnt = 0;
  return err;
}

void co_cache_clear(co_cache_t *c) {
  for (int e = 0; e < c->cnt; e++) {
    free(c->ents[e].key);
    free(c->ents[e].enc);
  }
  if (c->cnt && c->slots) memset(c->slots, 0, sizeof(*c->slots) * (size_t)c->nslots);
  c->cnt = 0;
}

void co_cache_free(co_cache_t *c) {
  co_cache_clear(c);
  free(c->ents);
  free(c->slots);
  memset(c, 0, sizeof(*c));
}
