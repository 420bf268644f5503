/* co_term.c: terminal-safe text (see co_term.h for the rules).
 *
 * UTF-8 is decoded here, strictly (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF), rather than with mbrtowc: the result must not
 * depend on the process locale, and every invalid byte must be shown. */
#include "co_term.h"

#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "co_buf.h"

static locale_t g_utf8;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void co_term_locale_init(void) { g_utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0); }

/* Decodes one code point at s (n bytes left). Returns its length (1..4)
 * and sets *cp, or 0 if the bytes at s are not valid UTF-8. */
static int co_term_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned char c = s[0];
  int len;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xc2 && c <= 0xdf) len = 2, v = c & 0x1f, min = 0x80;
  else if (c >= 0xe0 && c <= 0xef) len = 3, v = c & 0x0f, min = 0x800;
  else if (c >= 0xf0 && c <= 0xf4) len = 4, v = c & 0x07, min = 0x10000;
  else return 0;
  if ((size_t)len > n) return 0;
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    v = (v << 6) | (s[i] & 0x3f);
  }
  if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return 0;
  *cp = v;
  return len;
}

/* 1 for code points shown as \u{XXXX}: C1 controls, bidi overrides and
 * isolates (they reorder the rest of the line), line/paragraph separators. */
static int co_term_escaped_cp(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0x2028 || cp == 0x2029;
}

/* Appends "\x%02x"-style text; returns -1 when out of memory. */
static int co_term_esc(co_buf_t *b, const char *fmt, unsigned v) {
  char e[16];
  int n = snprintf(e, sizeof(e), fmt, v);
  return co_buf_append(b, e, (size_t)n);
}

char *co_term_sanitize(const char *s, size_t len, int flags) {
  co_buf_t b = {0};
  int err = 0;
  if (!s) s = "";
  if (len == (size_t)-1) len = strlen(s);
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  while (p < end) {
    uint32_t cp;
    int n = co_term_decode(p, (size_t)(end - p), &cp);
    if (!n) {
      err |= co_term_esc(&b, "\\x%02x", *p++);
      continue;
    }
    if (cp == '\n' && (flags & CO_TERM_KEEP_NL))
      err |= co_buf_append(&b, "\n", 1);
    else if (cp == '\n' || cp == '\r' || cp == '\t' || cp == '\v' || cp == '\f')
      err |= co_buf_append(&b, " ", 1);
    else if (cp < 0x20 || cp == 0x7f)
      err |= co_term_esc(&b, "\\x%02x", (unsigned)cp);
    else if (co_term_escaped_cp(cp))
      err |= co_term_esc(&b, "\\u{%04x}", (unsigned)cp);
    else
      err |= co_buf_append(&b, p, (size_t)n);
    p += n;
  }
  if (err) {
    co_buf_free(&b);
    return NULL;
  }
  return b.data ? b.data : strdup("");
}

/* Fallback widths when C.UTF-8 is missing: the common wide and zero-width ranges. */
static int co_term_width_table(uint32_t cp) {
  static const uint32_t zero[][2] = {{0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x0610, 0x061a},
                                     {0x064b, 0x065f}, {0x0e31, 0x0e3a}, {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff},
                                     {0x200b, 0x200f}, {0x20d0, 0x20ff}, {0xfe00, 0xfe0f}, {0xfe20, 0xfe2f},
                                     {0xfeff, 0xfeff}, {0xe0100, 0xe01ef}};
  static const uint32_t wide[][2] = {{0x1100, 0x115f},   {0x2e80, 0x303e},   {0x3041, 0x33ff},
                                     {0x3400, 0x4dbf},   {0x4e00, 0x9fff},   {0xa000, 0xa4cf},
                                     {0xac00, 0xd7a3},   {0xf900, 0xfaff},   {0xfe30, 0xfe4f},
                                     {0xff00, 0xff60},   {0xffe0, 0xffe6},   {0x1f300, 0x1f64f},
                                     {0x1f900, 0x1f9ff}, {0x20000, 0x2fffd}, {0x30000, 0x3fffd}};
  for (size_t i = 0; i < sizeof(zero) / sizeof(zero[0]); i++)
    if (cp >= zero[i][0] && cp <= zero[i][1]) return 0;
  for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
    if (cp >= wide[i][0] && cp <= wide[i][1]) return 2;
  return 1;
}

/* Columns of one printable code point: 0, 1 or 2. */
static int co_term_cp_width(uint32_t cp) {
  if (cp < 0x7f) return cp >= 0x20;
  pthread_once(&g_once, co_term_locale_init);
  if (!g_utf8) return co_term_width_table(cp);
  locale_t old = uselocale(g_utf8);
  int w = wcwidth((wchar_t)cp);
  uselocale(old);
  return w < 0 ? 1 : w; /* unassigned: most terminals draw one cell */
}

int co_term_width(const char *s) {
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t n = strlen((const char *)p);
  int w = 0;
  while (*p) {
    uint32_t cp;
    int l = co_term_decode(p, n, &cp);
    if (!l) l = 1, cp = '?';
    w += co_term_cp_width(cp);
    p += l;
    n -= (size_t)l;
  }
  return w;
}

void co_term_cell(FILE *f, const char *s, int cols, int right_align) {
  char *t = co_term_sanitize(s, (size_t)-1, 0);
  if (!t) return;
  if (cols <= 0) {
    fputs(t, f);
    free(t);
    return;
  }
  /* Cut: keep whole characters while they fit; marks of zero width stay. */
  const unsigned char *p = (const unsigned char *)t;
  size_t n = strlen(t), keep = 0;
  int w = 0, pad;
  while (keep < n) {
    uint32_t cp;
    int l = co_term_decode(p + keep, n - keep, &cp);
    if (!l) l = 1, cp = '?';
    int cw = co_term_cp_width(cp);
    if (w + cw > cols) break;
    w += cw;
    keep += (size_t)l;
  }
  pad = cols - w;
  if (right_align) fprintf(f, "%*s", pad, "");
  fwrite(t, 1, keep, f);
  if (!right_align) fprintf(f, "%*s", pad, "");
  free(t);
}

void co_term_fputs(FILE *f, const char *s, int flags) {
  char *t = co_term_sanitize(s, (size_t)-1, flags);
  if (t) fputs(t, f);
  free(t);
}

void co_term_printf(FILE *f, const char *fmt, ...) {
  char *s = NULL;
  va_list ap;
  va_start(ap, fmt);
  int n = vasprintf(&s, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  int nl = n > 0 && s[n - 1] == '\n';
  char *t = co_term_sanitize(s, (size_t)n - (size_t)nl, 0);
  if (t) fprintf(f, "%s%s", t, nl ? "\n" : "");
  free(t);
  free(s);
}
