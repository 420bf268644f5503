/* co_classify_feat.c: email -> sparse hashed feature vector.
 *
 * Hashing (xxHash3, seeded from the model header) keeps the model a fixed
 * size whatever the vocabulary, so new words at run time need no lookup
 * table. Each family hashes with its own namespace prefix: the same word in
 * the subject and in the body are different features, because "Interview"
 * in a subject says more than "interview" in an EEO footer. Digits fold to
 * '0' so dates, salaries and requisition numbers generalise. Counts become
 * 1 + log(tf) and the vector is L2-normalised so long bodies do not
 * outweigh short ones. Quoted replies are dropped: the newest message in a
 * thread is the one that carries the news. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "co_classify_int.h"
#include "co_vec_e5.h"

#define TOK_MAX 32

void co_cls_featcfg_default(co_cls_featcfg_t *cfg) {
  memset(cfg, 0, sizeof(*cfg));
  cfg->flags = CO_CLS_F_WORD1 | CO_CLS_F_WORD2 | CO_CLS_F_CHAR | CO_CLS_F_SENDER;
  cfg->hash_bits = 18;
  cfg->char_min = 3;
  cfg->char_max = 5;
  cfg->body_max = 4000;
  cfg->embed_dim = 0;
  cfg->hash_seed = 0x636f636c73ULL; /* "cocls" */
}

/* Embedding defaults, chosen by measurement (docs/classifier.md, "Model"):
 * "query: " (the model card's prefix for classification), 512 bytes of
 * subject + unquoted body (about 128 tokens), the unit embedding scaled
 * next to the unit sparse block. */
void co_cls_featcfg_default_embed(co_cls_featcfg_t *cfg) {
  co_cls_featcfg_default(cfg);
  cfg->embed_dim = CO_VEC_E5_DIM;
  snprintf(cfg->embed_id, sizeof(cfg->embed_id), "%s", CO_VEC_E5_ID);
  cfg->embed_kind = CO_VEC_E5_QUERY;
  cfg->embed_bytes = CO_CLS_EMBED_BYTES;
  cfg->embed_scale = CO_CLS_EMBED_SCALE;
}

void co_cls_embed_text(const co_cls_featcfg_t *cfg, const co_classify_input_t *in, char *buf, size_t buf_size) {
  const char *subj = in->subject ? in->subject : "", *body = in->body ? in->body : "";
  size_t cap = cfg->embed_bytes && cfg->embed_bytes < buf_size ? cfg->embed_bytes : buf_size - 1;
  size_t sl = strlen(subj), bl = co_cls_unquoted_len(body), n = 0;
  if (sl > cap) sl = cap;
  memcpy(buf, subj, sl);
  n = sl;
  if (n < cap) buf[n++] = '\n';
  if (bl > cap - n) bl = cap - n;
  memcpy(buf + n, body, bl);
  n += bl;
  while (n > 0 && ((unsigned char)buf[n - 1] & 0x80)) { /* drop a UTF-8 sequence the cap cut */
    size_t st = n - 1;
    while (st > 0 && ((unsigned char)buf[st] & 0xC0) == 0x80) st--;
    unsigned char c = (unsigned char)buf[st];
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n - st >= want) break;
    n = st;
  }
  buf[n] = '\0';
}

void co_cls_vec_free(co_cls_vec_t *x) {
  free(x->v);
  free(x->tab);
  memset(x, 0, sizeof(*x));
}

static int vec_push(co_cls_vec_t *x, uint32_t idx, float val);

static size_t slot_of(uint32_t idx, size_t tcap) { return (size_t)((idx * 2654435761u) & (uint32_t)(tcap - 1)); }

/* Grows the index to keep it at most half full, re-inserting every entry. */
static int tab_grow(co_cls_vec_t *x, size_t want) {
  size_t nc = x->tcap ? x->tcap : 4096;
  while (nc < want * 2) nc *= 2;
  if (nc == x->tcap) return 0;
  uint32_t *nt = calloc(nc, sizeof(*nt));
  if (!nt) return -1;
  for (size_t i = 0; i < x->n; i++) {
    size_t s = slot_of(x->v[i].idx, nc);
    while (nt[s]) s = (s + 1) & (nc - 1);
    nt[s] = (uint32_t)i + 1;
  }
  free(x->tab);
  x->tab = nt;
  x->tcap = nc;
  return 0;
}

/* Counts one occurrence of idx: duplicates add up in place. */
static int vec_count(co_cls_vec_t *x, uint32_t idx) {
  if ((x->n + 1) * 2 > x->tcap && tab_grow(x, x->n + 1) != 0) return -1;
  size_t s = slot_of(idx, x->tcap);
  while (x->tab[s]) {
    co_cls_feat_t *f = &x->v[x->tab[s] - 1];
    if (f->idx == idx) {
      f->val += 1.0f;
      return 0;
    }
    s = (s + 1) & (x->tcap - 1);
  }
  if (vec_push(x, idx, 1.0f) != 0) return -1;
  x->tab[s] = (uint32_t)x->n;
  return 0;
}

static int vec_push(co_cls_vec_t *x, uint32_t idx, float val) {
  if (x->n == x->cap) {
    size_t nc = x->cap ? x->cap * 2 : 1024;
    co_cls_feat_t *nv = realloc(x->v, nc * sizeof(*nv));
    if (!nv) return -1;
    x->v = nv;
    x->cap = nc;
  }
  x->v[x->n].idx = idx;
  x->v[x->n].val = val;
  x->n++;
  return 0;
}

typedef struct fctx_s {
  const co_cls_featcfg_t *cfg;
  co_cls_vec_t *x;
  uint32_t mask;
  int oom;
} fctx_t;

static void add(fctx_t *f, char ns, const char *a, size_t alen, const char *b, size_t blen) {
  char buf[2 + TOK_MAX * 2 + 2];
  size_t n = 0;
  buf[n++] = ns;
  buf[n++] = '|';
  memcpy(buf + n, a, alen);
  n += alen;
  if (b) {
    buf[n++] = ' ';
    memcpy(buf + n, b, blen);
    n += blen;
  }
  uint32_t idx = (uint32_t)(XXH3_64bits_withSeed(buf, n, f->cfg->hash_seed) & f->mask);
  if (vec_count(f->x, idx) != 0) f->oom = 1;
}

static void add_chars(fctx_t *f, const char *w, size_t wl) {
  char pad[TOK_MAX + 2];
  pad[0] = '<';
  memcpy(pad + 1, w, wl);
  pad[wl + 1] = '>';
  size_t pl = wl + 2;
  for (uint32_t n = f->cfg->char_min; n <= f->cfg->char_max; n++)
    for (size_t i = 0; i + n <= pl; i++) add(f, 'c', pad + i, n, NULL, 0);
}

static int is_word_byte(unsigned char c) { return isalnum(c) || c >= 0x80; }

/* Walks words of text: unigrams into ns1, bigrams into ns2 (reset at
 * sentence ends and line breaks), char n-grams when enabled. */
static void words(fctx_t *f, const char *t, size_t len, char ns1, char ns2, char ns1b) {
  char prev[TOK_MAX], cur[TOK_MAX];
  size_t pl = 0, i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)t[i];
    if (!is_word_byte(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ':') pl = 0;
      i++;
      continue;
    }
    size_t cl = 0;
    while (i < len && is_word_byte((unsigned char)t[i])) {
      unsigned char ch = (unsigned char)t[i++];
      if (cl < TOK_MAX) cur[cl++] = isdigit(ch) ? '0' : (char)tolower(ch);
    }
    if (f->cfg->flags & CO_CLS_F_WORD1) {
      add(f, ns1, cur, cl, NULL, 0);
      if (ns1b) add(f, ns1b, cur, cl, NULL, 0);
    }
    if ((f->cfg->flags & CO_CLS_F_WORD2) && pl) add(f, ns2, prev, pl, cur, cl);
    if (f->cfg->flags & CO_CLS_F_CHAR) add_chars(f, cur, cl);
    memcpy(prev, cur, cl);
    pl = cl;
  }
}

static void sender(fctx_t *f, const char *from) {
  co_cls_sender_t s;
  co_cls_parse_sender(from, &s);
  char ns[3] = {'f', 'l', 'd'};
  const char *parts[3] = {s.name, s.local, s.domain};
  for (int p = 0; p < 3; p++) {
    const char *t = parts[p];
    size_t i = 0, len = strlen(t);
    while (i < len) {
      while (i < len && !is_word_byte((unsigned char)t[i])) i++;
      size_t st = i;
      char w[TOK_MAX];
      size_t wl = 0;
      while (i < len && is_word_byte((unsigned char)t[i])) {
        if (wl < TOK_MAX) w[wl++] = (char)tolower((unsigned char)t[i]);
        i++;
      }
      if (i > st) add(f, ns[p], w, wl, NULL, 0);
    }
  }
  if (s.domain[0]) {
    size_t dl = strlen(s.domain);
    add(f, 'D', s.domain, dl > TOK_MAX ? TOK_MAX : dl, NULL, 0);
    add(f, 'a', co_cls_domain_is_ats(s.domain) ? "ats" : "own", 3, NULL, 0);
  }
}

co_err_t co_cls_featurize(const co_cls_featcfg_t *cfg, const co_classify_input_t *in, co_cls_vec_t *x) {
  fctx_t f = {.cfg = cfg, .x = x, .mask = (1u << cfg->hash_bits) - 1, .oom = 0};
  x->n = 0;
  if (x->tab) memset(x->tab, 0, x->tcap * sizeof(*x->tab));
  const char *subj = in->subject ? in->subject : "";
  const char *body = in->body ? in->body : "";
  words(&f, subj, strlen(subj), 's', 'S', 'w');
  size_t bl = co_cls_unquoted_len(body);
  if (bl > cfg->body_max) bl = cfg->body_max;
  words(&f, body, bl, 'w', 'W', 0);
  if (cfg->flags & CO_CLS_F_SENDER) sender(&f, in->from ? in->from : "");
  if (f.oom) return CO_ERR_NOMEM;

  /* Duplicates were merged as they came (first-seen order, so the result
   * is deterministic); now scale and normalise. */
  double norm = 0;
  for (size_t i = 0; i < x->n; i++) {
    x->v[i].val = 1.0f + logf(x->v[i].val);
    norm += (double)x->v[i].val * x->v[i].val;
  }
  if (norm > 0) {
    float inv = (float)(1.0 / sqrt(norm));
    for (size_t i = 0; i < x->n; i++) x->v[i].val *= inv;
  }
  if (cfg->embed_dim && in->embedding && in->embedding_dim == cfg->embed_dim) {
    uint32_t base = 1u << cfg->hash_bits;
    float sc = cfg->embed_scale > 0 ? cfg->embed_scale : 1.0f;
    for (uint32_t i = 0; i < cfg->embed_dim; i++)
      if (vec_push(x, base + i, sc * in->embedding[i]) != 0) return CO_ERR_NOMEM;
  }
  return CO_OK;
}

static volatile size_t co_cls_tok_sink;

size_t co_cls_tokenize_only(const char *subject, const char *body) {
  const char *parts[2] = {subject ? subject : "", body ? body : ""};
  size_t n = 0, sum = 0;
  for (int p = 0; p < 2; p++) {
    const char *t = parts[p];
    for (size_t i = 0; t[i];) {
      if (!is_word_byte((unsigned char)t[i])) {
        i++;
        continue;
      }
      while (t[i] && is_word_byte((unsigned char)t[i])) sum = sum * 31 + (size_t)tolower((unsigned char)t[i++]);
      n++;
    }
  }
  co_cls_tok_sink = sum; /* keeps the lowercasing from being optimised away */
  return n;
}

/* A reply's quoted history starts at a "> " line, an "On <date>, X wrote:"
 * line or an Outlook separator. If the new part would be almost empty
 * ("Thanks!"), the quote is the message and the whole body is kept. */
size_t co_cls_unquoted_len(const char *body) {
  size_t len = strlen(body);
  const char *p = body;
  while (p && *p) {
    const char *eol = strchr(p, '\n');
    size_t ll = eol ? (size_t)(eol - p) : strlen(p);
    const char *q = p;
    while (q < p + ll && (*q == ' ' || *q == '\t')) q++;
    int quote = (q < p + ll && *q == '>') || (ll >= 20 && strncmp(q, "-----Original Message", 21) == 0) ||
                (strncmp(q, "On ", 3) == 0 && co_cls_memcasestr(q, ll - (size_t)(q - p), "wrote:") != NULL);
    if (quote) {
      size_t cut = (size_t)(p - body);
      return cut < 40 ? len : cut;
    }
    p = eol ? eol + 1 : NULL;
  }
  return len;
}

const char *co_cls_memcasestr(const char *hay, size_t n, const char *needle) {
  size_t nl = strlen(needle);
  if (nl == 0) return hay;
  int c0 = tolower((unsigned char)needle[0]);
  for (size_t i = 0; i + nl <= n; i++)
    if (tolower((unsigned char)hay[i]) == c0 && strncasecmp(hay + i, needle, nl) == 0) return hay + i;
  return NULL;
}
