/* co_search_chunk.c: cuts a text into overlapping chunks.
 *
 * A chunk ends at the last sentence end (". ", "! ", "? ", newline) in
 * the second half of its window, else at the last space there, else at
 * the window's edge (moved back to a UTF-8 character start). The next chunk
 * starts overlap bytes before that end, moved forward to the next sentence
 * start (if one falls before the end) or else the next word start, so
 * neighbours share whole sentences or words and no chunk starts mid-word.
 * Every chunk advances past the previous start, so the loop ends. */
#include <string.h>

#include "co_search_int.h"

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A sentence ends after pos-1 when text[pos-1] closes one and pos is space. */
static int sentence_end_at(const char *t, size_t pos, size_t len) {
  if (pos == 0 || pos >= len) return pos == len;
  char p = t[pos - 1];
  return t[pos - 1] == '\n' || ((p == '.' || p == '!' || p == '?') && is_space(t[pos]));
}

static size_t utf8_back(const char *t, size_t pos) {
  while (pos > 0 && ((unsigned char)t[pos] & 0xC0) == 0x80) pos--;
  return pos;
}

static size_t skip_space(const char *t, size_t pos, size_t len) {
  while (pos < len && is_space(t[pos])) pos++;
  return pos;
}

/* Where a chunk starting at s with window w ends (exclusive). */
static size_t chunk_end(const char *t, size_t len, size_t s, size_t w) {
  size_t lim = s + w, lo = s + w / 2;
  if (lim >= len) return len;
  for (size_t p = lim; p > lo; p--)
    if (sentence_end_at(t, p, len)) return p;
  for (size_t p = lim; p > lo; p--)
    if (is_space(t[p])) return p;
  size_t p = utf8_back(t, lim);
  return p > s ? p : lim;
}

/* Where the chunk after one [s, e) starts. */
static size_t next_start(const char *t, size_t len, size_t s, size_t e, size_t overlap) {
  size_t from = e > s + overlap ? e - overlap : s + 1;
  for (size_t p = from; p < e; p++)
    if (p > s && sentence_end_at(t, p, len)) return skip_space(t, p, len);
  for (size_t p = from; p < e; p++)
    if (p > s && is_space(t[p - 1]) && !is_space(t[p])) return p;
  return e; /* one long word: no overlap possible on a boundary */
}

size_t co_search_chunk_spans(const char *text, size_t chunk_chars, size_t overlap_chars, size_t *starts, size_t *lens,
                             size_t room) {
  size_t len = strlen(text), n = 0, s = skip_space(text, 0, len);
  while (s < len) {
    size_t e = chunk_end(text, len, s, chunk_chars), te = e;
    while (te > s && is_space(text[te - 1])) te--;
    if (te > s) {
      if (n < room) {
        starts[n] = s;
        lens[n] = te - s;
      }
      n++;
    }
    if (e >= len) break;
    size_t ns = next_start(text, len, s, e, overlap_chars);
    s = ns > s ? ns : e;
  }
  return n;
}
