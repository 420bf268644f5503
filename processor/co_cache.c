/* co_cache.c: see co_cache.h. Open addressing with xxHash; entries are
 * kept in insertion order so a flush writes them in a stable order. */
#include "co_cache.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static uint64_t co_cache_hash(int store, const void *key, size_t klen) {
  return XXH3_64bits_withSeed(key, klen, (uint64_t)store + 1);
}

static int co_cache_slot(const co_cache_t *c, int store, const void *key, size_t klen, uint64_t h) {
  int mask = c->nslots - 1;
  for (int i = (int)(h & (uint64_t)mask);; i = (i + 1) & mask) {
    int e = c->slots[i];
    if (e < 0) return i;
    const co_cache_ent_t *x = &c->ents[e];
    if (x->hash == h && x->store == store && x->klen == klen && !memcmp(x->key, key, klen)) return i;
  }
}

static int co_cache_grow(co_cache_t *c) {
  int n = c->nslots ? c->nslots * 2 : 64;
  int *s = malloc(sizeof(*s) * (size_t)n);
  if (!s) return -1;
  memset(s, 0xff, sizeof(*s) * (size_t)n);
  free(c->slots);
  c->slots = s;
  c->nslots = n;
  for (int e = 0; e < c->cnt; e++) {
    const co_cache_ent_t *x = &c->ents[e];
    c->slots[co_cache_slot(c, x->store, x->key, x->klen, x->hash)] = e;
  }
  return 0;
}

co_cache_ent_t *co_cache_find(co_cache_t *c, int store, const void *key, size_t klen) {
  if (!c->cnt) return NULL;
  int e = c->slots[co_cache_slot(c, store, key, klen, co_cache_hash(store, key, klen))];
  return e < 0 ? NULL : &c->ents[e];
}

co_err_t co_cache_set(co_cache_t *c, int store, const void *key, size_t klen, const void *enc, size_t enclen) {
  if ((c->cnt + 1) * 2 > c->nslots && co_cache_grow(c)) return CO_ERR_NOMEM;
  uint64_t h = co_cache_hash(store, key, klen);
  int slot = co_cache_slot(c, store, key, klen, h);
  void *v = NULL;
  if (enc && !(v = malloc(enclen ? enclen : 1))) return CO_ERR_NOMEM;
  if (enc && enclen) memcpy(v, enc, enclen);
  if (c->slots[slot] >= 0) {
    co_cache_ent_t *x = &c->ents[c->slots[slot]];
    free(x->enc);
    x->enc = v;
    x->enclen = enclen;
    return CO_OK;
  }
  if (c->cnt == c->cap) {
    int cap = c->cap ? c->cap * 2 : 64;
    co_cache_ent_t *n = realloc(c->ents, sizeof(*n) * (size_t)cap);
    if (!n) {
      free(v);
      return CO_ERR_NOMEM;
    }
    c->ents = n;
    c->cap = cap;
  }
  co_cache_ent_t *x = &c->ents[c->cnt];
  if (!(x->key = malloc(klen ? klen : 1))) {
    free(v);
    return CO_ERR_NOMEM;
  }
  memcpy(x->key, key, klen);
  x->klen = klen;
  x->enc = v;
  x->enclen = enclen;
  x->store = store;
  x->hash = h;
  c->slots[slot] = c->cnt++;
  return CO_OK;
}

void co_cache_clear(co_cache_t *c) {
  for (int e = 0; e < c->cnt; e++) {
    free(c->ents[e].key);
    free(c->ents[e].enc);
  }
  if (c->cnt && c->slots) memset(c->slots, 0xff, sizeof(*c->slots) * (size_t)c->nslots);
  c->cnt = 0;
}

void co_cache_free(co_cache_t *c) {
  co_cache_clear(c);
  free(c->ents);
  free(c->slots);
  memset(c, 0, sizeof(*c));
}
