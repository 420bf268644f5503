/* co_search_query.c: ranking, filters, per-document grouping, fusion.
 *
 * Each side ranks chunks, then keeps a document at the rank of its best
 * chunk. The vector side asks FAISS for more chunks than documents wanted
 * (documents have several chunks) and widens until it has enough
 * documents or has seen every chunk. HYBRID takes the top max(2k, 50)
 * documents of each side and scores each document
 * 1/(c + vector rank) + 1/(c + BM25 rank) (reciprocal rank fusion,
 * Cormack et al. 2009; a side that did not rank it adds nothing): ranks
 * need no score calibration between cosine and BM25. c defaults to 10,
 * not the paper's 60: with one side often pure noise (names for the
 * vectors, paraphrases for BM25) a small c lets a side's confident top
 * ranks outweigh a document that is mediocre on both; on the labeled set
 * c = 60 left hybrid barely above BM25 (docs/search.md has the sweep). The snippet comes from
 * the best chunk of whichever side ranked the document higher. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "co_search_int.h"

#define RRF_K_DEFAULT 10.0
#define FUSE_DEPTH 50
#define SNIPPET_MAX 240
#define K_MAX 1000

typedef struct {
  co_search_doc_t *doc;
  size_t vrank, brank; /* 1-based; 0 = not ranked by that side */
  float vscore, bscore, score;
  co_search_chunk_t *vchunk, *bchunk;
} cand_t;

typedef struct {
  const co_search_query_t *q;
  GHashTable *chunks;
} filter_ctx_t;

static int doc_passes(const co_search_doc_t *d, const co_search_query_t *q) {
  if (q->account && strcmp(d->account, q->account)) return 0;
  if (q->company && strcmp(d->company, q->company)) return 0;
  if (q->type && strcmp(d->type, q->type)) return 0;
  if (q->date_from && strcmp(d->date, q->date_from) < 0) return 0;
  /* date_to admits timestamps on that day: compare only its length. */
  if (q->date_to && strncmp(d->date, q->date_to, strlen(q->date_to)) > 0) return 0;
  return 1;
}

static int has_filter(const co_search_query_t *q) {
  return q->account || q->company || q->type || q->date_from || q->date_to;
}

static int chunk_passes(int64_t id, void *opaque) {
  filter_ctx_t *f = opaque;
  co_search_chunk_t *c = g_hash_table_lookup(f->chunks, &id);
  return c && doc_passes(c->doc, f->q);
}

static cand_t *cand_get(GHashTable *cands, co_search_doc_t *d) {
  cand_t *c = g_hash_table_lookup(cands, d);
  if (!c) {
    c = g_new0(cand_t, 1);
    c->doc = d;
    c->vscore = NAN;
    g_hash_table_insert(cands, d, c);
  }
  return c;
}

typedef struct {
  int64_t id;
  float score;
} scored_t;

static int scored_cmp(const void *a, const void *b) {
  const scored_t *x = a, *y = b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* The filtered chunks, scored exactly from their kept vectors, when they
 * are fewer than the HNSW threshold: then the filtered set is searched as a
 * flat index holding only it would be. HNSW's graph walk with a selective
 * id filter (one account's chunks among many accounts') misses neighbours
 * (search_account_query_ranks_only_that_accounts_documents saw it). On
 * CO_OK *out (malloc'd, best first) and *n are set, or *out is NULL when
 * the filter passes too many chunks for this. */
static co_err_t vector_exact(co_search_t *s, const float *qv, filter_ctx_t *fc, scored_t **out, size_t *n) {
  size_t cap = 64, m = 0;
  scored_t *v = malloc(cap * sizeof(*v));
  GHashTableIter it;
  gpointer k, val;
  *out = NULL;
  if (!v) return CO_ERR_NOMEM;
  g_hash_table_iter_init(&it, s->chunks);
  while (g_hash_table_iter_next(&it, &k, &val)) {
    co_search_chunk_t *c = val;
    if (!doc_passes(c->doc, fc->q)) continue;
    if (m >= s->opts.hnsw_threshold) {
      free(v);
      return CO_OK;
    }
    if (m == cap) {
      scored_t *w = realloc(v, (cap *= 2) * sizeof(*v));
      if (!w) {
        free(v);
        return CO_ERR_NOMEM;
      }
      v = w;
    }
    float dot = 0;
    for (size_t d = 0; d < s->dim; d++) dot += c->vec[d] * qv[d];
    v[m].id = c->id;
    v[m++].score = dot;
  }
  qsort(v, m, sizeof(*v), scored_cmp);
  *out = v;
  *n = m;
  return CO_OK;
}

/* Vector side: ranks up to depth documents into cands. */
static co_err_t vector_side(co_search_t *s, const co_search_query_t *q, const float *qv, size_t depth,
                            const co_vec_filter_t *filter, GHashTable *cands, char *errstr, size_t errstr_size) {
  size_t live = g_hash_table_size(s->chunks), kc = depth * 3 + 16, n = 0, ranked = 0;
  int64_t *ids = NULL;
  float *scores = NULL;
  co_err_t err = CO_OK;
  if (live == 0) return CO_OK;
  if (filter) {
    scored_t *ex = NULL;
    if (vector_exact(s, qv, filter->opaque, &ex, &n) != CO_OK)
      return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search: out of memory");
    if (ex) {
      for (size_t i = 0; i < n && ranked < depth; i++) {
        if (q->use_min_score && ex[i].score < q->min_score) break;
        co_search_chunk_t *ch = g_hash_table_lookup(s->chunks, &ex[i].id);
        cand_t *c = cand_get(cands, ch->doc);
        if (c->vrank) continue;
        c->vrank = ++ranked;
        c->vscore = ex[i].score;
        c->vchunk = ch;
      }
      free(ex);
      return CO_OK;
    }
  }
  for (;;) {
    free(ids);
    free(scores);
    ids = NULL;
    scores = NULL;
    if (q->use_min_score) {
      err = co_vec_index_range_search(s->index, qv, q->min_score, filter, &ids, &scores, &n, errstr, errstr_size);
      if (err != CO_OK) goto out;
    } else {
      if (kc > live) kc = live;
      if (!(ids = malloc(kc * sizeof(*ids))) || !(scores = malloc(kc * sizeof(*scores)))) {
        err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search: out of memory");
        goto out;
      }
      if ((err = co_vec_index_search(s->index, 1, qv, kc, filter, scores, ids, errstr, errstr_size)) != CO_OK) goto out;
      n = kc;
    }
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (size_t i = 0; i < n && g_hash_table_size(seen) < depth; i++) {
      co_search_chunk_t *c = ids[i] >= 0 ? g_hash_table_lookup(s->chunks, &ids[i]) : NULL;
      if (c) g_hash_table_add(seen, c->doc);
    }
    ranked = g_hash_table_size(seen);
    g_hash_table_destroy(seen);
    if (q->use_min_score || ranked >= depth || kc >= live) break;
    kc *= 4;
  }
  ranked = 0;
  for (size_t i = 0; i < n && ranked < depth; i++) {
    co_search_chunk_t *ch = ids[i] >= 0 ? g_hash_table_lookup(s->chunks, &ids[i]) : NULL;
    if (!ch) continue;
    cand_t *c = cand_get(cands, ch->doc);
    if (c->vrank) continue;
    c->vrank = ++ranked;
    c->vscore = scores[i];
    c->vchunk = ch;
  }
out:
  free(ids);
  free(scores);
  return err;
}

/* Keyword side: ranks up to depth documents into cands. */
static co_err_t bm25_side(co_search_t *s, const co_search_query_t *q, size_t depth, GHashTable *cands, char *errstr,
                          size_t errstr_size) {
  /* An account filter scores only that account's postings, by its own
   * statistics; the other filters then apply to its candidates. */
  const co_search_bm25_t *b = q->account ? co_search_bm25_acct(s->bm25_acct, q->account, 0) : &s->bm25;
  if (!b) return CO_OK; /* the account has no chunk here */
  GHashTable *sc = co_search_bm25_score_chunks(b, s->chunks, q->text, q->bm25_min_coverage);
  size_t n = 0, ranked = 0;
  scored_t *v = malloc((g_hash_table_size(sc) + 1) * sizeof(*v));
  GHashTableIter it;
  gpointer k, val;
  if (!v) {
    g_hash_table_destroy(sc);
    return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search: out of memory");
  }
  g_hash_table_iter_init(&it, sc);
  while (g_hash_table_iter_next(&it, &k, &val)) {
    co_search_chunk_t *c = g_hash_table_lookup(s->chunks, k);
    if (!c || !doc_passes(c->doc, q)) continue;
    v[n].id = *(int64_t *)k;
    v[n++].score = *(float *)val;
  }
  qsort(v, n, sizeof(*v), scored_cmp);
  for (size_t i = 0; i < n && ranked < depth; i++) {
    co_search_chunk_t *ch = g_hash_table_lookup(s->chunks, &v[i].id);
    cand_t *c = cand_get(cands, ch->doc);
    if (c->brank) continue;
    c->brank = ++ranked;
    c->bscore = v[i].score;
    c->bchunk = ch;
  }
  free(v);
  g_hash_table_destroy(sc);
  return CO_OK;
}

static int cand_cmp(const void *a, const void *b) {
  const cand_t *x = *(cand_t *const *)a, *y = *(cand_t *const *)b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  return strcmp(x->doc->id, y->doc->id);
}

static char *dup_or_null(const char *v, int *fail) {
  char *d = strdup(v);
  if (!d) *fail = 1;
  return d;
}

co_err_t co_search_query(co_search_t *s, const co_search_query_t *q, co_search_result_t **res, char *errstr,
                         size_t errstr_size) {
  size_t k, depth, n = 0;
  double rrf_k;
  float *qv = NULL;
  GHashTable *cands = NULL;
  cand_t **list = NULL;
  co_search_result_t *r = NULL;
  co_err_t err = CO_OK;
  int locked = 0, fail = 0;
  filter_ctx_t fc;
  co_vec_filter_t filter = {0};
  if (!s || !q || !res || !q->text || !*q->text)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search query: NULL argument or empty text");
  if (q->mode != CO_SEARCH_HYBRID && q->mode != CO_SEARCH_VECTOR && q->mode != CO_SEARCH_BM25)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search query: unknown mode %d", (int)q->mode);
  *res = NULL;
  k = q->k ? q->k : 10;
  if (k > K_MAX) k = K_MAX;
  depth = q->mode == CO_SEARCH_HYBRID ? (2 * k > FUSE_DEPTH ? 2 * k : FUSE_DEPTH) : k;
  rrf_k = q->rrf_k > 0 ? (double)q->rrf_k : RRF_K_DEFAULT;
  if (q->mode != CO_SEARCH_BM25) {
    if (!(qv = malloc(s->dim * sizeof(float)))) goto nomem;
    if (q->vector)
      memcpy(qv, q->vector, s->dim * sizeof(float));
    else if ((err = co_vec_embed(s->emb, q->text, qv, errstr, errstr_size)) != CO_OK)
      goto out;
  }
  if (!(cands = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free))) goto nomem;
  pthread_rwlock_rdlock(&s->lock);
  locked = 1;
  fc.q = q;
  fc.chunks = s->chunks;
  if (has_filter(q)) {
    filter.fn = chunk_passes;
    filter.opaque = &fc;
  }
  if (q->mode != CO_SEARCH_BM25 &&
      (err = vector_side(s, q, qv, depth, has_filter(q) ? &filter : NULL, cands, errstr, errstr_size)) != CO_OK)
    goto out;
  if (q->mode != CO_SEARCH_VECTOR && (err = bm25_side(s, q, depth, cands, errstr, errstr_size)) != CO_OK) goto out;

  if (!(list = malloc((g_hash_table_size(cands) + 1) * sizeof(*list)))) goto nomem;
  GHashTableIter it;
  gpointer key, val;
  g_hash_table_iter_init(&it, cands);
  while (g_hash_table_iter_next(&it, &key, &val)) {
    cand_t *c = val;
    if (q->mode == CO_SEARCH_VECTOR)
      c->score = c->vscore;
    else if (q->mode == CO_SEARCH_BM25)
      c->score = c->bscore;
    else
      c->score = (float)((c->vrank ? 1.0 / (rrf_k + (double)c->vrank) : 0) +
                         (c->brank ? 1.0 / (rrf_k + (double)c->brank) : 0));
    list[n++] = c;
  }
  qsort(list, n, sizeof(*list), cand_cmp);
  if (n > k) n = k;
  if (!(r = calloc(1, sizeof(*r))) || !(r->hits = calloc(n + 1, sizeof(*r->hits)))) goto nomem;
  for (size_t i = 0; i < n; i++) {
    cand_t *c = list[i];
    co_search_hit_t *h = &r->hits[r->n++];
    co_search_chunk_t *best = !c->vchunk             ? c->bchunk
                              : !c->bchunk           ? c->vchunk
                              : c->brank <= c->vrank ? c->bchunk
                                                     : c->vchunk;
    h->doc_id = dup_or_null(c->doc->id, &fail);
    h->account = dup_or_null(c->doc->account, &fail);
    h->company = dup_or_null(c->doc->company, &fail);
    h->type = dup_or_null(c->doc->type, &fail);
    h->date = dup_or_null(c->doc->date, &fail);
    h->score = c->score;
    h->vector_score = c->vscore;
    h->bm25_score = c->bscore;
    if (!(h->snippet = co_search_snippet(best->text, q->text, SNIPPET_MAX))) fail = 1;
  }
  if (fail) goto nomem;
  *res = r;
  r = NULL;
  goto out;
nomem:
  err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search query: out of memory");
out:
  if (locked) pthread_rwlock_unlock(&s->lock);
  co_search_result_free(r);
  free(list);
  if (cands) g_hash_table_destroy(cands);
  free(qv);
  return err;
}

void co_search_result_free(co_search_result_t *r) {
  if (!r) return;
  for (size_t i = 0; i < r->n; i++) {
    co_search_hit_t *h = &r->hits[i];
    free(h->doc_id);
    free(h->account);
    free(h->company);
    free(h->type);
    free(h->date);
    free(h->snippet);
  }
  free(r->hits);
  free(r);
}
