/* co_search_snippet.c: the passage shown with a hit.
 *
 * The window is centred on the earliest place in the chunk where a query
 * term starts a word (case-insensitive; the same terms BM25 uses), so a
 * keyword hit shows its keyword. With no term in the chunk (a purely
 * semantic match) the chunk's opening is shown. Edges move to word
 * boundaries and are marked with "..." when text was cut. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_search_int.h"

typedef struct {
  const char *chunk;
  size_t best; /* earliest match offset, or SIZE_MAX */
} find_ctx_t;

static int word_char(unsigned char c) {
  return isalnum(c) || c >= 0x80;
}

static void find_term(const char *term, size_t len, void *opaque) {
  find_ctx_t *f = opaque;
  for (const char *p = f->chunk; (p = strcasestr(p, term)) != NULL; p++) {
    size_t off = (size_t)(p - f->chunk);
    if (off > 0 && word_char((unsigned char)p[-1])) continue;
    if (off < f->best) f->best = off;
    break;
  }
  (void)len;
}

char *co_search_snippet(const char *chunk, const char *query, size_t max) {
  size_t len = strlen(chunk), s = 0, e;
  find_ctx_t f = {chunk, SIZE_MAX};
  co_search_terms(query, find_term, &f);
  if (len <= max) return strdup(chunk);
  if (f.best != SIZE_MAX && f.best > max / 3) s = f.best - max / 3;
  if (s + max > len) s = len - max;
  e = s + max;
  /* Move inward to word boundaries (and so off UTF-8 continuation bytes). */
  if (s > 0) {
    while (s < e && chunk[s - 1] != ' ') s++;
  }
  if (e < len) {
    while (e > s && chunk[e] != ' ') e--;
  }
  if (e <= s) { /* no space in the window: cut at character starts */
    s = f.best != SIZE_MAX ? f.best : 0;
    e = s + max < len ? s + max : len;
    while (e > s && e < len && ((unsigned char)chunk[e] & 0xC0) == 0x80) e--;
  }
  size_t n = e - s;
  char *out = malloc(n + 7);
  if (!out) return NULL;
  size_t o = 0;
  if (s > 0) memcpy(out + o, "...", 3), o += 3;
  memcpy(out + o, chunk + s, n), o += n;
  if (e < len) memcpy(out + o, "...", 3), o += 3;
  out[o] = '\0';
  return out;
}
