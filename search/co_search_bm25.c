/* co_search_bm25.c: the keyword side, Okapi BM25 over chunks.
 *
 * Terms are runs of letters and digits (bytes >= 0x80 count as letters, so
 * UTF-8 words stay whole), lower-cased ASCII, with English stop words
 * dropped and a trailing plural "s" stripped ("databases" = "database").
 * The handle keeps one such index over every chunk and one per account
 * (co_search_bm25_acct). Postings per term are kept sorted by chunk id; ids only grow, so an
 * upsert appends (a load may insert), and removal finds the entry by
 * binary search. Scores use
 * k1 = 1.2, b = 0.75 and the non-negative idf ln(1 + (N - df + .5)/(df + .5)). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "co_search_int.h"

#define BM25_K1 1.2
#define BM25_B 0.75
#define TERM_MAX 64

static const char *const stop_words[] = {
    "a",     "an",    "and",  "are",   "as",   "at",  "be",   "by",   "for",   "from", "has",  "have",
    "i",     "in",    "is",   "it",    "its",  "me",  "my",   "of",   "on",    "or",   "that", "the",
    "their", "they",  "this", "to",    "was",  "we",  "were", "what", "which", "who",  "with", "you",
    "your",  "did",   "do",   "about", "any",  "our", "will", "been", "into",  "than", "them", "these",
    "those", "there", "how",  "all",   "also", "but", "can",  "not",  "so",    "some", "such", NULL};

static int is_stop(const char *t) {
  for (size_t i = 0; stop_words[i]; i++)
    if (!strcmp(t, stop_words[i])) return 1;
  return 0;
}

static int is_word(unsigned char c) {
  return isalnum(c) || c >= 0x80;
}

void co_search_terms(const char *text, void (*fn)(const char *term, size_t len, void *opaque), void *opaque) {
  const unsigned char *p = (const unsigned char *)text;
  char term[TERM_MAX + 1];
  while (*p) {
    while (*p && !is_word(*p)) p++;
    size_t n = 0;
    while (*p && is_word(*p)) {
      if (n < TERM_MAX) term[n++] = (char)tolower(*p);
      p++;
    }
    if (n == 0) continue;
    term[n] = '\0';
    if (is_stop(term)) continue;
    if (n > 3 && term[n - 1] == 's' && term[n - 2] != 's' && term[n - 2] != 'u' && term[n - 2] != 'i') term[--n] = '\0';
    fn(term, n, opaque);
  }
}

void co_search_bm25_init(co_search_bm25_t *b) {
  b->terms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  b->n_chunks = 0;
  b->total_terms = 0;
}

void co_search_bm25_clear(co_search_bm25_t *b) {
  if (b->terms) g_hash_table_destroy(b->terms);
  b->terms = NULL;
}

static void bm25_free(gpointer p) {
  co_search_bm25_clear(p);
  g_free(p);
}

GHashTable *co_search_bm25_acct_new(void) {
  return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, bm25_free);
}

co_search_bm25_t *co_search_bm25_acct(GHashTable *acct, const char *account, int create) {
  co_search_bm25_t *b = g_hash_table_lookup(acct, account);
  if (b || !create) return b;
  b = g_new0(co_search_bm25_t, 1);
  co_search_bm25_init(b);
  g_hash_table_insert(acct, g_strdup(account), b);
  return b;
}

void co_search_bm25_acct_gc(GHashTable *acct, const char *account) {
  co_search_bm25_t *b = g_hash_table_lookup(acct, account);
  if (b && !b->n_chunks) g_hash_table_remove(acct, account);
}

/* Counts a chunk's term frequencies into a table term -> count. */
static void count_term(const char *term, size_t len, void *opaque) {
  (void)len;
  GHashTable *tf = opaque;
  gpointer v = g_hash_table_lookup(tf, term);
  g_hash_table_replace(tf, g_strdup(term), GUINT_TO_POINTER(GPOINTER_TO_UINT(v) + 1));
}

static GHashTable *term_counts(const char *text, uint32_t *n_terms) {
  GHashTable *tf = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter it;
  gpointer k, v;
  co_search_terms(text, count_term, tf);
  *n_terms = 0;
  g_hash_table_iter_init(&it, tf);
  while (g_hash_table_iter_next(&it, &k, &v)) *n_terms += GPOINTER_TO_UINT(v);
  return tf;
}

uint32_t co_search_bm25_add(co_search_bm25_t *b, int64_t chunk_id, const char *text) {
  uint32_t n_terms;
  GHashTable *tf = term_counts(text, &n_terms);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, tf);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    GArray *post = g_hash_table_lookup(b->terms, k);
    if (!post) {
      post = g_array_new(FALSE, FALSE, sizeof(co_search_posting_t));
      g_hash_table_insert(b->terms, g_strdup(k), post);
    }
    co_search_posting_t p = {chunk_id, GPOINTER_TO_UINT(v)};
    guint at = post->len; /* upserts append; a load attaches in any order */
    while (at > 0 && g_array_index(post, co_search_posting_t, at - 1).chunk_id > chunk_id) at--;
    g_array_insert_val(post, at, p);
  }
  g_hash_table_destroy(tf);
  b->n_chunks++;
  b->total_terms += n_terms;
  return n_terms;
}

void co_search_bm25_remove(co_search_bm25_t *b, int64_t chunk_id, const char *text, uint32_t n_terms) {
  uint32_t n;
  GHashTable *tf = term_counts(text, &n);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, tf);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    GArray *post = g_hash_table_lookup(b->terms, k);
    if (!post) continue;
    size_t lo = 0, hi = post->len;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (g_array_index(post, co_search_posting_t, mid).chunk_id < chunk_id)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo < post->len && g_array_index(post, co_search_posting_t, lo).chunk_id == chunk_id)
      g_array_remove_index(post, (guint)lo);
    if (post->len == 0) g_hash_table_remove(b->terms, k);
  }
  g_hash_table_destroy(tf);
  b->n_chunks--;
  b->total_terms -= n_terms;
}

typedef struct {
  GHashTable *seen; /* query terms already scored (a repeated word counts once) */
  GHashTable *scores; /* chunk id -> float[2]: BM25 score, how many distinct query terms it holds */
  const co_search_bm25_t *b;
  void *chunks; /* GHashTable of chunks, for document lengths */
  double terms; /* distinct query terms */
} score_ctx_t;

static void score_term(const char *term, size_t len, void *opaque) {
  (void)len;
  score_ctx_t *c = opaque;
  if (g_hash_table_contains(c->seen, term)) return;
  g_hash_table_add(c->seen, g_strdup(term));
  GArray *post = g_hash_table_lookup(c->b->terms, term);
  double n = (double)c->b->n_chunks, df = post ? post->len : 0;
  double idf = log(1.0 + (n - df + 0.5) / (df + 0.5));
  c->terms += 1;
  if (!post) return;
  double avgdl = c->b->n_chunks ? (double)c->b->total_terms / n : 1.0;
  for (guint i = 0; i < post->len; i++) {
    co_search_posting_t *p = &g_array_index(post, co_search_posting_t, i);
    co_search_chunk_t *ch = g_hash_table_lookup(c->chunks, &p->chunk_id);
    double dl = ch ? ch->n_terms : avgdl, tf = p->tf;
    double s = idf * tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * dl / avgdl));
    float *acc = g_hash_table_lookup(c->scores, &p->chunk_id);
    if (!acc) {
      int64_t *key = g_new(int64_t, 1);
      *key = p->chunk_id;
      acc = g_new0(float, 2);
      g_hash_table_insert(c->scores, key, acc);
    }
    acc[0] += (float)s;
    acc[1] += 1;
  }
}

static gboolean below_coverage(gpointer key, gpointer value, gpointer min_terms) {
  (void)key;
  return ((float *)value)[1] < *(float *)min_terms;
}

GHashTable *co_search_bm25_score_chunks(const co_search_bm25_t *b, GHashTable *chunks, const char *query,
                                        float min_coverage) {
  score_ctx_t c = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                   g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free), b, chunks, 0};
  co_search_terms(query, score_term, &c);
  g_hash_table_destroy(c.seen);
  /* Words counted alike, not by idf: in a small index (one account's few
   * briefings) a word every document holds has an idf near 0, and
   * "interview schedule" would need "schedule" to count at all. */
  float min_terms = (float)(min_coverage * c.terms) - 1e-4f;
  if (min_coverage > 0) g_hash_table_foreach_remove(c.scores, below_coverage, &min_terms);
  return c.scores;
}
