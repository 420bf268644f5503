/* co_term.h: terminal-safe printing of untrusted text (mail subjects,
 * company names, DLQ causes, file names).
 *
 * Text from mail must never reach a terminal as control codes: an ESC
 * starts CSI/OSC sequences (clear screen, OSC 8 links, OSC 52 clipboard
 * writes), BEL rings, CR rewrites the line, and a raw C1 byte (0x9b is a
 * one-byte CSI on 8-bit terminals) does the same as ESC [. Sanitizing
 * turns every such code point into a visible escape, so a sequence's
 * bytes are printed, never executed:
 *   - C0 controls, DEL      -> \xNN  (ESC -> \x1b, BEL -> \x07)
 *   - CR, LF, TAB, VT, FF   -> one space (folded; CO_TERM_KEEP_NL keeps LF)
 *   - C1 controls U+0080..U+009F, bidi overrides/isolates (U+202A..U+202E,
 *     U+2066..U+2069), line/paragraph separators U+2028/U+2029
 *                           -> \u{XXXX}
 *   - bytes that are not valid UTF-8 (incl. overlong forms, surrogates)
 *                           -> \xNN, one per byte
 * Everything else (printable UTF-8) passes unchanged.
 *
 * Widths (for aligned tables) are display columns: wcwidth(3) of glibc's
 * C.UTF-8 locale (through a private locale_t, so the process locale is not
 * touched); wide CJK and emoji take 2, combining marks and zero-width
 * characters 0. Without C.UTF-8 a small built-in table of the wide and
 * combining ranges is used.
 *
 * Threading: every function is thread-safe. */
#ifndef CO_TERM_H
#define CO_TERM_H

#include <stddef.h>
#include <stdio.h>

#define CO_TERM_KEEP_NL 0x1 /* keep LF as a line break (multi-line output such as JSON lines) */

/* Returns a malloc'd, NUL-terminated, terminal-safe copy of s[0..len)
 * (len (size_t)-1: strlen(s); s NULL: ""). Caller frees. NULL only when
 * out of memory. */
char *co_term_sanitize(const char *s, size_t len, int flags);

/* Display columns of s, which must be sanitized (valid UTF-8, no controls). */
int co_term_width(const char *s);

/* Prints s sanitized to f in exactly cols display columns: cut at cols
 * (a wide character that would straddle the edge is replaced by a space,
 * combining marks stay with their base) and padded with spaces on the
 * right (left when right_align). cols <= 0: whole text, no padding. */
void co_term_cell(FILE *f, const char *s, int cols, int right_align);

/* Prints s sanitized (with flags) to f, no padding. */
void co_term_fputs(FILE *f, const char *s, int flags);

/* printf-style: formats, then prints the result sanitized (every CR/LF
 * folded) except one final LF, which is kept: for a diagnostic line that
 * embeds untrusted text. */
void co_term_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
