/* co_vec_hash.c: the hashed n-gram embedder, the fallback when no model is
 * installed.
 *
 * Text is NFKC-normalized and case-folded, then split into words (runs of
 * letters/digits). Features: each word, each adjacent word pair, and the
 * character 3-, 4- and 5-grams of each word framed as "<word>" (so prefixes
 * and suffixes are their own grams, as in fastText). Each feature is hashed
 * with XXH3 (a distinct seed per feature kind, so "ab" the word and "ab" the
 * gram do not collide on purpose) into one of dim buckets with a sign taken
 * from another hash bit, which keeps collisions from adding up to a bias.
 * The sum is L2-normalized, so cosine = dot product as with MiniLM. */
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "co_vec_embed_int.h"

#define SEED_WORD 0x776f7264u
#define SEED_BIGRAM 0x62696772u
#define SEED_GRAM 0x6772616du
#define GRAM_WEIGHT 0.5f

static void add_feature(float *acc, size_t dim, const void *p, size_t len, uint64_t seed, float w) {
  uint64_t hv = XXH3_64bits_withSeed(p, len, seed);
  acc[(hv & 0xffffffffu) % dim] += (hv >> 63) ? -w : w;
}

/* Char n-grams of "<word>"; word is UTF-8 of nchars chars. */
static void add_grams(float *acc, size_t dim, const char *word, size_t nbytes, size_t nchars) {
  size_t total = nchars + 2;
  size_t *off = g_new(size_t, total + 1);
  char *framed = g_malloc(nbytes + 3);
  framed[0] = '<';
  memcpy(framed + 1, word, nbytes);
  framed[nbytes + 1] = '>';
  framed[nbytes + 2] = '\0';
  size_t i = 0;
  for (const char *p = framed; *p; p = g_utf8_next_char(p)) off[i++] = (size_t)(p - framed);
  off[i] = nbytes + 2;
  for (size_t n = 3; n <= 5; n++)
    for (size_t s = 0; s + n <= total; s++)
      add_feature(acc, dim, framed + off[s], off[s + n] - off[s], SEED_GRAM, GRAM_WEIGHT);
  g_free(framed);
  g_free(off);
}

co_err_t co_vec_hash_embed(const char *text, float *out, size_t dim, char *errstr, size_t errstr_size) {
  gchar *norm = NULL, *fold = NULL;
  const char *prev = NULL;
  size_t prev_len = 0;
  double n2 = 0;

  if (!text || !out || dim < 16 || dim > 65536)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "hash embed: bad argument");
  if (!g_utf8_validate(text, -1, NULL))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "hash embed: text is not valid UTF-8");
  norm = g_utf8_normalize(text, -1, G_NORMALIZE_NFKC);
  fold = norm ? g_utf8_casefold(norm, -1) : NULL;
  if (!fold) {
    g_free(norm);
    return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "hash embed: out of memory");
  }
  memset(out, 0, dim * sizeof(float));
  for (const char *p = fold; *p;) {
    if (!g_unichar_isalnum(g_utf8_get_char(p))) {
      p = g_utf8_next_char(p);
      continue;
    }
    const char *w = p;
    size_t nchars = 0;
    while (*p && g_unichar_isalnum(g_utf8_get_char(p))) {
      p = g_utf8_next_char(p);
      nchars++;
    }
    size_t wl = (size_t)(p - w);
    add_feature(out, dim, w, wl, SEED_WORD, 1.0f);
    if (prev) {
      /* Hash "prev word" as one string: prev and w share the buffer, but
       * the separator may be more than one char, so copy. */
      char *bg = g_malloc(prev_len + 1 + wl);
      memcpy(bg, prev, prev_len);
      bg[prev_len] = ' ';
      memcpy(bg + prev_len + 1, w, wl);
      add_feature(out, dim, bg, prev_len + 1 + wl, SEED_BIGRAM, 1.0f);
      g_free(bg);
    }
    add_grams(out, dim, w, wl, nchars);
    prev = w;
    prev_len = wl;
  }
  for (size_t i = 0; i < dim; i++) n2 += (double)out[i] * out[i];
  if (n2 > 0) {
    float inv = (float)(1.0 / sqrt(n2));
    for (size_t i = 0; i < dim; i++) out[i] *= inv;
  }
  g_free(norm);
  g_free(fold);
  return CO_OK;
}
