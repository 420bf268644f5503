/* co_vec_tok.c: BERT uncased WordPiece tokenizer.
 *
 * Follows Hugging Face tokenizers' BertNormalizer + BertPreTokenizer +
 * WordPiece (the "fast" tokenizer sentence-transformers uses), step by step
 * and in the same order, because the order matters at the edges: accents are
 * stripped before lowercasing, and lowercasing is per character (so U+0130
 * becomes "i" + U+0307, and final sigma gets no special case).
 *
 * Unicode facts (categories, canonical decomposition, case mapping) come from
 * GLib, which GMime already brings in; only the BERT-specific rules (what is
 * whitespace, a control char, a CJK ideograph) are spelled out here, from the
 * reference implementation.
 *
 * Like the reference, the special tokens ([PAD] [UNK] [CLS] [SEP] [MASK])
 * are matched verbatim in the raw text first and map straight to their ids;
 * the text between them goes through the normal path.
 *
 * The text is worked on as a UCS-4 array; each word is turned back into UTF-8
 * once, with per-char byte offsets, so WordPiece can look up substrings. */
#include "co_vec_tok.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CO_VEC_TOK_MAX_WORD_CHARS 100

struct co_vec_tok_s {
  GHashTable *vocab; /* token text -> id + 1 */
  char **tokens;     /* id -> token text (owned) */
  size_t n_tokens;
  int32_t unk_id, cls_id, sep_id;
  int32_t special_id[5]; /* ids of specials[], -1 if not in the vocab */
};

static const char *const specials[5] = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

/* Rust's char::is_whitespace (the White_Space property) plus \t\n\r. */
static int is_ws(gunichar c) {
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return 1;
  if (c < 0x80) return 0;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Categories Cc, Cf, Cn, Co, Cs, but tab/newline/CR count as whitespace. */
static int is_control(gunichar c) {
  if (c == '\t' || c == '\n' || c == '\r') return 0;
  switch (g_unichar_type(c)) {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
      return 1;
    default:
      return 0;
  }
}

static int is_punct(gunichar c) {
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return 1;
  switch (g_unichar_type(c)) {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
      return 1;
    default:
      return 0;
  }
}

static int is_cjk(gunichar c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
         (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

co_vec_tok_t *co_vec_tok_open(const char *vocab_path, char *errstr, size_t errstr_size) {
  co_vec_tok_t *tok = NULL;
  FILE *f = NULL;
  char *line = NULL;
  size_t cap = 0, alloc = 0;
  ssize_t len;

  if (!(f = fopen(vocab_path, "r"))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "cannot open vocab %s: %m", vocab_path);
    goto err;
  }
  if (!(tok = calloc(1, sizeof(*tok)))) goto nomem;
  tok->vocab = g_hash_table_new(g_str_hash, g_str_equal);
  tok->unk_id = tok->cls_id = tok->sep_id = -1;
  while ((len = getline(&line, &cap, f)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
    if (tok->n_tokens == alloc) {
      size_t na = alloc ? alloc * 2 : 32768;
      char **nt = realloc(tok->tokens, na * sizeof(*nt));
      if (!nt) goto nomem;
      tok->tokens = nt;
      alloc = na;
    }
    if (!(tok->tokens[tok->n_tokens] = strdup(line))) goto nomem;
    /* First occurrence wins, as in the reference vocab loader. */
    if (!g_hash_table_contains(tok->vocab, line))
      g_hash_table_insert(tok->vocab, tok->tokens[tok->n_tokens], GSIZE_TO_POINTER(tok->n_tokens + 1));
    tok->n_tokens++;
  }
  if (tok->n_tokens == 0) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "vocab %s is empty", vocab_path);
    goto err;
  }
  tok->unk_id = (int32_t)GPOINTER_TO_SIZE(g_hash_table_lookup(tok->vocab, "[UNK]")) - 1;
  tok->cls_id = (int32_t)GPOINTER_TO_SIZE(g_hash_table_lookup(tok->vocab, "[CLS]")) - 1;
  tok->sep_id = (int32_t)GPOINTER_TO_SIZE(g_hash_table_lookup(tok->vocab, "[SEP]")) - 1;
  for (int i = 0; i < 5; i++)
    tok->special_id[i] = (int32_t)GPOINTER_TO_SIZE(g_hash_table_lookup(tok->vocab, specials[i])) - 1;
  if (tok->unk_id < 0 || tok->cls_id < 0 || tok->sep_id < 0) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "vocab %s lacks [UNK], [CLS] or [SEP]", vocab_path);
    goto err;
  }
  free(line);
  fclose(f);
  return tok;

nomem:
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory loading vocab");
err:
  free(line);
  if (f) fclose(f);
  co_vec_tok_close(tok);
  return NULL;
}

void co_vec_tok_close(co_vec_tok_t *tok) {
  if (!tok) return;
  if (tok->vocab) g_hash_table_destroy(tok->vocab);
  for (size_t i = 0; i < tok->n_tokens; i++) free(tok->tokens[i]);
  free(tok->tokens);
  free(tok);
}

size_t co_vec_tok_vocab_size(const co_vec_tok_t *tok) {
  return tok->n_tokens;
}

const char *co_vec_tok_token(const co_vec_tok_t *tok, int32_t id) {
  return id >= 0 && (size_t)id < tok->n_tokens ? tok->tokens[id] : NULL;
}

/* BertNormalizer: returns a malloc'd UCS-4 array of *n chars, or NULL. */
static gunichar *normalize(const char *text, size_t len, size_t *n) {
  size_t m = 0;
  gunichar *u = NULL, *out = NULL;
  gchar *utf8 = NULL, *nfd = NULL;

  /* clean_text + handle_chinese_chars: at most 3 chars per input char. */
  if (!(u = g_try_malloc((3 * len + 1) * sizeof(*u)))) goto done;
  for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c == 0 || c == 0xFFFD || is_control(c)) continue;
    if (is_ws(c)) {
      u[m++] = ' ';
    } else if (is_cjk(c)) {
      u[m++] = ' ';
      u[m++] = c;
      u[m++] = ' ';
    } else {
      u[m++] = c;
    }
  }
  /* strip_accents: NFD, then drop non-spacing marks. */
  if (!(utf8 = g_ucs4_to_utf8(u, (glong)m, NULL, NULL, NULL))) goto done;
  if (!(nfd = g_utf8_normalize(utf8, -1, G_NORMALIZE_NFD))) goto done;
  /* lowercase, per char; U+0130 is the one char that lowercases to two. */
  if (!(out = g_try_malloc((2 * (size_t)g_utf8_strlen(nfd, -1) + 1) * sizeof(*out)))) goto done;
  m = 0;
  for (const char *p = nfd; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_type(c) == G_UNICODE_NON_SPACING_MARK) continue;
    if (c == 0x130) {
      out[m++] = 'i';
      out[m++] = 0x307;
    } else {
      out[m++] = g_unichar_tolower(c);
    }
  }
  *n = m;
done:
  g_free(u);
  g_free(utf8);
  g_free(nfd);
  return out;
}

/* WordPiece over one word u[0..n); appends to ids up to cap. */
static void wordpiece(const co_vec_tok_t *tok, const gunichar *u, size_t n, int32_t *ids, size_t *k, size_t cap) {
  char w[CO_VEC_TOK_MAX_WORD_CHARS * 6 + 1], key[2 + sizeof(w)];
  size_t off[CO_VEC_TOK_MAX_WORD_CHARS + 1];
  int32_t pieces[CO_VEC_TOK_MAX_WORD_CHARS];
  size_t np = 0, start = 0;

  if (n > CO_VEC_TOK_MAX_WORD_CHARS) goto unk;
  off[0] = 0;
  for (size_t i = 0; i < n; i++) off[i + 1] = off[i] + (size_t)g_unichar_to_utf8(u[i], w + off[i]);
  memcpy(key, "##", 2);
  while (start < n) {
    int32_t found = -1;
    size_t end = n, pre = start > 0 ? 2 : 0;
    for (; end > start; end--) {
      size_t blen = off[end] - off[start];
      memcpy(key + 2, w + off[start], blen);
      key[2 + blen] = '\0';
      gpointer v = g_hash_table_lookup(tok->vocab, key + 2 - pre);
      if (v) {
        found = (int32_t)GPOINTER_TO_SIZE(v) - 1;
        break;
      }
    }
    if (found < 0) goto unk;
    pieces[np++] = found;
    start = end;
  }
  for (size_t i = 0; i < np && *k < cap; i++) ids[(*k)++] = pieces[i];
  return;
unk:
  if (*k < cap) ids[(*k)++] = tok->unk_id;
}

/* Normalizes, pre-tokenizes and WordPieces text[0..len) into ids. */
static co_err_t encode_segment(const co_vec_tok_t *tok, const char *text, size_t len, int32_t *ids, size_t *k,
                               size_t cap) {
  size_t n = 0;
  gunichar *u = normalize(text, len, &n);
  if (!u) return CO_ERR_NOMEM;
  for (size_t i = 0; i < n && *k < cap;) {
    if (is_ws(u[i])) {
      i++;
      continue;
    }
    size_t j = i;
    if (is_punct(u[i])) {
      j = i + 1;
    } else {
      while (j < n && !is_ws(u[j]) && !is_punct(u[j])) j++;
    }
    wordpiece(tok, u + i, j - i, ids, k, cap);
    i = j;
  }
  g_free(u);
  return CO_OK;
}

/* encode_segment() over text[0..len) in chunks of about 4 KB cut at ASCII
 * whitespace, stopping once the ids are full: a long email costs what its
 * first 256 tokens cost. Cutting there changes nothing: whitespace ends a
 * word, and neither cleaning, NFD nor lowercasing looks across a space. */
static co_err_t encode_chunked(const co_vec_tok_t *tok, const char *text, size_t len, int32_t *ids, size_t *k,
                               size_t cap) {
  size_t start = 0;
  while (start < len && *k < cap) {
    size_t end = start + 4096;
    if (end >= len) {
      end = len;
    } else {
      while (end < len && !strchr(" \t\n\r", text[end])) end++;
    }
    co_err_t err = encode_segment(tok, text + start, end - start, ids, k, cap);
    if (err != CO_OK) return err;
    start = end;
  }
  return CO_OK;
}

/* The special token starting at p, or -1; its length in *len. */
static int special_at(const co_vec_tok_t *tok, const char *p, size_t *len) {
  if (*p != '[') return -1;
  for (int i = 0; i < 5; i++) {
    size_t l = strlen(specials[i]);
    if (tok->special_id[i] >= 0 && !strncmp(p, specials[i], l)) {
      *len = l;
      return i;
    }
  }
  return -1;
}

co_err_t co_vec_tok_encode(const co_vec_tok_t *tok, const char *text, int32_t *ids, size_t max_tokens, size_t *n_ids,
                           char *errstr, size_t errstr_size) {
  size_t k = 0, cap;
  const char *seg, *p;

  if (!tok || !text || !ids || !n_ids || max_tokens < 2)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "tokenizer: bad argument");
  if (!g_utf8_validate(text, -1, NULL))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "tokenizer: text is not valid UTF-8");

  cap = max_tokens - 1; /* keep one slot for [SEP] */
  ids[k++] = tok->cls_id;
  for (seg = p = text; k < cap;) {
    size_t sl = 0;
    int sp = *p ? special_at(tok, p, &sl) : -1;
    if (!*p || sp >= 0) {
      if (p > seg && encode_chunked(tok, seg, (size_t)(p - seg), ids, &k, cap) != CO_OK)
        return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "tokenizer: out of memory");
      if (!*p) break;
      if (k < cap) ids[k++] = tok->special_id[sp];
      seg = p += sl;
    } else {
      p++;
    }
  }
  ids[k++] = tok->sep_id;
  *n_ids = k;
  return CO_OK;
}
