/* Proves chunking covers the whole text in chunks no longer than the
 * window, each starting at a word start, neighbours overlapping by whole
 * words or sentences (at most the overlap), on prose,
 * on a text without sentence ends, and on one long word (hard cuts on
 * UTF-8 character starts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_search.h"

#define W 200
#define OV 60

static void check(const char *t, int expect_overlap) {
  size_t st[256], ln[256], len = strlen(t);
  size_t n = co_search_chunk_spans(t, W, OV, st, ln, 256);
  assert_true(n > 1 && n < 256);
  char *covered = calloc(len + 1, 1);
  for (size_t i = 0; i < n; i++) {
    assert_true(ln[i] > 0 && ln[i] <= W);
    assert_true(st[i] + ln[i] <= len);
    assert_true(t[st[i]] != ' ');
    if (expect_overlap && st[i] > 0) assert_true(t[st[i] - 1] == ' '); /* word start */
    assert_true(((unsigned char)t[st[i]] & 0xC0) != 0x80);             /* char start */
    memset(covered + st[i], 1, ln[i]);
    if (i > 0) {
      size_t prev_end = st[i - 1] + ln[i - 1];
      assert_true(st[i] > st[i - 1]);
      if (expect_overlap) {
        assert_true(st[i] < prev_end); /* shares text with its neighbour */
        assert_true(prev_end - st[i] <= OV);
        /* The shared text is identical in both chunks by construction;
         * check it starts on a word in the previous chunk too. */
        assert_true(t[st[i] - 1] == ' ');
      }
    }
  }
  for (size_t i = 0; i < len; i++)
    if (t[i] != ' ') assert_true(covered[i]);
  free(covered);
}

static void chunks_overlap_on_boundaries(void **state) {
  (void)state;
  char prose[8192] = "", words[8192] = "", one[2048] = "";
  const char *sent[] = {"The company builds a geo-replicated SQL store used by banks. ",
                        "Its Series B was led by a Lisbon fund! ",
                        "Interviews were with the platform team, in two rounds? ",
                        "Remote work is allowed and the stack is Rust, Go and Kubernetes. "};
  for (int i = 0; i < 60; i++) strcat(prose, sent[i % 4]);
  for (int i = 0; i < 400; i++) strcat(words, i % 3 ? "alpha " : "beta ");
  for (int i = 0; i < 600; i++) strcat(one, "\xc3\xa9"); /* é, two bytes each */
  check(prose, 1);
  check(words, 1);
  size_t st[64], ln[64];
  size_t n = co_search_chunk_spans(one, W, OV, st, ln, 64);
  assert_true(n >= 6);
  for (size_t i = 0; i < n; i++) {
    assert_true(ln[i] <= W);
    assert_true(((unsigned char)one[st[i]] & 0xC0) != 0x80);
    assert_true(((unsigned char)one[st[i] + ln[i] - 1] & 0xC0) == 0x80); /* ends after a full é */
  }
  /* Prose chunks end at sentence ends when one is in the window's second half. */
  n = co_search_chunk_spans(prose, W, OV, st, ln, 64);
  for (size_t i = 0; i + 1 < n; i++) {
    char last = prose[st[i] + ln[i] - 1];
    assert_true(last == '.' || last == '!' || last == '?');
  }
  /* Short text: one chunk, trimmed. */
  n = co_search_chunk_spans("  short text.  ", W, OV, st, ln, 64);
  assert_int_equal(n, 1);
  assert_int_equal(st[0], 2);
  assert_int_equal(ln[0], 11);
  assert_int_equal(co_search_chunk_spans("   ", W, OV, st, ln, 64), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(chunks_overlap_on_boundaries)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
