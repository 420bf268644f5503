/* Proves co_term makes mail-derived text safe for a terminal: ESC/CSI/OSC
 * sequences (ESC[2J, OSC 8 links, OSC 52 clipboard), BEL, DEL, C1 (raw
 * byte 0x9b and U+009B), bidi overrides and invalid UTF-8 come out as
 * visible escapes; CR/LF fold into a space; and cells stay exactly their
 * width with wide (CJK, emoji) and combining characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_term.h"

static void expect_sanitized(const char *in, size_t len, int flags, const char *want) {
  char *got = co_term_sanitize(in, len, flags);
  assert_non_null(got);
  if (strcmp(got, want)) fail_msg("sanitize: got '%s', want '%s'", got, want);
  for (const char *p = got; *p; p++)
    if ((unsigned char)*p < 0x20 && !(*p == '\n' && (flags & CO_TERM_KEEP_NL))) fail_msg("control byte left in '%s'", got);
  free(got);
}

static void term_sanitize_escapes_controls(void **state) {
  (void)state;
  expect_sanitized("a\x1b[2Jb", (size_t)-1, 0, "a\\x1b[2Jb");
  expect_sanitized("\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\", (size_t)-1, 0,
                   "\\x1b]8;;http://evil/\\x1b\\click\\x1b]8;;\\x1b\\");
  expect_sanitized("\x1b]52;c;aGk=\x07", (size_t)-1, 0, "\\x1b]52;c;aGk=\\x07");
  expect_sanitized("bell\x07", (size_t)-1, 0, "bell\\x07");
  expect_sanitized("x\x7fy", (size_t)-1, 0, "x\\x7fy");
  expect_sanitized("raw\x9b" "2J", (size_t)-1, 0, "raw\\x9b2J");      /* invalid UTF-8 byte */
  expect_sanitized("c1\xc2\x9b" "2J", (size_t)-1, 0, "c1\\u{009b}2J"); /* U+009B encoded */
  expect_sanitized("a\xe2\x80\xae" "b", (size_t)-1, 0, "a\\u{202e}b");  /* RIGHT-TO-LEFT OVERRIDE */
  expect_sanitized("over\xc0\xaflong", (size_t)-1, 0, "over\\xc0\\xaflong");
  expect_sanitized("cut\xe4\xb8", (size_t)-1, 0, "cut\\xe4\\xb8");
  expect_sanitized("l1\r\nl2\tl3", (size_t)-1, 0, "l1  l2 l3");
  expect_sanitized("l1\r\nl2\n", (size_t)-1, CO_TERM_KEEP_NL, "l1 \nl2\n");
  expect_sanitized("nul\0x", 5, 0, "nul\\x00x");
  expect_sanitized("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80", (size_t)-1, 0, "caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80");
  expect_sanitized(NULL, 0, 0, "");
}

static void term_width_counts_columns(void **state) {
  (void)state;
  assert_int_equal(co_term_width("abc"), 3);
  assert_int_equal(co_term_width("\xe4\xb8\xad\xe6\x96\x87"), 4); /* 中文 */
  assert_int_equal(co_term_width("\xf0\x9f\x98\x80"), 2);         /* 😀 */
  assert_int_equal(co_term_width("e\xcc\x81"), 1);                /* e + COMBINING ACUTE */
  assert_int_equal(co_term_width(""), 0);
}

/* Prints one cell into a string. */
static char *cell(const char *s, int cols, int right) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  co_term_cell(f, s, cols, right);
  fclose(f);
  return buf;
}

static void term_cell_pads_and_cuts_by_columns(void **state) {
  (void)state;
  const char *in[] = {"Acme",
                      "\xe6\xa0\xaa\xe5\xbc\x8f\xe4\xbc\x9a\xe7\xa4\xbe\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88", /* 株式会社テスト */
                      "Caf\x65\xcc\x81 Ltd",
                      "\xf0\x9f\x9a\x80 Rocket \xf0\x9f\x9a\x80 Rocket",
                      "\x1b[31mRed\x1b[0m\r\nCorp"};
  for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
    for (int cols = 1; cols <= 12; cols++) {
      char *c = cell(in[i], cols, i % 2);
      if (co_term_width(c) != cols) fail_msg("cell '%s' at %d columns is %d wide: '%s'", in[i], cols, co_term_width(c), c);
      assert_null(strchr(c, '\x1b'));
      assert_null(strchr(c, '\r'));
      assert_null(strchr(c, '\n'));
      free(c);
    }
  }
  char *c = cell("e\xcc\x81", 1, 0); /* the mark stays with its base */
  assert_string_equal(c, "e\xcc\x81");
  free(c);
  c = cell("\xe4\xb8\xad\xe6\x96\x87", 3, 0); /* a wide char never straddles the edge */
  assert_string_equal(c, "\xe4\xb8\xad ");
  free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(term_sanitize_escapes_controls),
      cmocka_unit_test(term_width_counts_columns),
      cmocka_unit_test(term_cell_pads_and_cuts_by_columns),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
