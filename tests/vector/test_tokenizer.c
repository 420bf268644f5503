/* Proves the C WordPiece tokenizer gives exactly the token ids of Hugging
 * Face's fast BertTokenizer (as called by sentence-transformers, max 256
 * tokens) for the 50 reference sentences: accents, CJK, emoji, controls,
 * verbatim special tokens, an over-long word, truncation. Also checks
 * argument and UTF-8 validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_vec_embed.h"
#include "co_vec_tok.h"
#include "vec_fixture.h"

static co_vec_tok_t *open_tok(void) {
  char dir[4096], path[4200], err[256];
  co_vec_tok_t *tok;
  assert_int_equal(vec_fixture_model_dir(dir, sizeof(dir)), 0);
  snprintf(path, sizeof(path), "%s/vocab.txt", dir);
  tok = co_vec_tok_open(path, err, sizeof(err));
  if (!tok) fail_msg("%s", err);
  return tok;
}

static void ids_match_hf_tokenizer(void **state) {
  (void)state;
  co_vec_tok_t *tok = open_tok();
  json_t *doc = vec_fixture_load(), *items, *it;
  size_t i, mismatches = 0;
  char err[256];
  assert_non_null(doc);
  items = json_object_get(doc, "items");
  assert_int_equal(json_array_size(items), 50);
  assert_int_equal(co_vec_tok_vocab_size(tok), 30522);
  json_array_foreach(items, i, it) {
    const char *text = json_string_value(json_object_get(it, "text"));
    json_t *want = json_object_get(it, "ids");
    int32_t ids[CO_VEC_MINILM_MAX_TOKENS];
    size_t n = 0;
    assert_int_equal(co_vec_tok_encode(tok, text, ids, CO_VEC_MINILM_MAX_TOKENS, &n, err, sizeof(err)), CO_OK);
    int same = n == json_array_size(want);
    for (size_t j = 0; same && j < n; j++) same = ids[j] == json_integer_value(json_array_get(want, j));
    if (!same) {
      mismatches++;
      fprintf(stderr, "sentence %zu differs (%zu vs %zu ids): %.60s\n  got :", i, n, json_array_size(want), text);
      for (size_t j = 0; j < n && j < 40; j++) fprintf(stderr, " %d", ids[j]);
      fprintf(stderr, "\n  want:");
      for (size_t j = 0; j < json_array_size(want) && j < 40; j++)
        fprintf(stderr, " %lld", (long long)json_integer_value(json_array_get(want, j)));
      fprintf(stderr, "\n");
    }
  }
  assert_int_equal(mismatches, 0);
  json_decref(doc);
  co_vec_tok_close(tok);
}

/* A 2 MB text (the long reference sentence repeated) is cut into chunks
 * internally; its ids must equal the reference ids of the single copy,
 * which already fills all 256 slots. */
static void huge_text_equals_its_prefix(void **state) {
  (void)state;
  co_vec_tok_t *tok = open_tok();
  json_t *doc = vec_fixture_load(), *last;
  char err[256];
  assert_non_null(doc);
  last = json_array_get(json_object_get(doc, "items"), 49);
  const char *one = json_string_value(json_object_get(last, "text"));
  json_t *want = json_object_get(last, "ids");
  assert_int_equal(json_array_size(want), CO_VEC_MINILM_MAX_TOKENS);
  size_t l1 = strlen(one), reps = (2u << 20) / l1 + 1;
  char *big = malloc(l1 * reps + 1);
  for (size_t r = 0; r < reps; r++) memcpy(big + r * l1, one, l1);
  big[l1 * reps] = '\0';
  int32_t ids[CO_VEC_MINILM_MAX_TOKENS];
  size_t n = 0;
  assert_int_equal(co_vec_tok_encode(tok, big, ids, CO_VEC_MINILM_MAX_TOKENS, &n, err, sizeof(err)), CO_OK);
  assert_int_equal(n, CO_VEC_MINILM_MAX_TOKENS);
  for (size_t j = 0; j < n; j++) assert_int_equal(ids[j], json_integer_value(json_array_get(want, j)));
  free(big);
  json_decref(doc);
  co_vec_tok_close(tok);
}

static void truncates_and_validates(void **state) {
  (void)state;
  co_vec_tok_t *tok = open_tok();
  int32_t ids[8];
  size_t n = 0;
  char err[256];
  assert_int_equal(co_vec_tok_encode(tok, "one two three four five six seven eight nine", ids, 8, &n, err, sizeof(err)),
                   CO_OK);
  assert_int_equal(n, 8);
  assert_int_equal(ids[0], 101);
  assert_int_equal(ids[7], 102);
  assert_string_equal(co_vec_tok_token(tok, ids[1]), "one");
  assert_string_equal(co_vec_tok_token(tok, ids[6]), "six");
  assert_int_equal(co_vec_tok_encode(tok, "bad \xff\xfe utf8", ids, 8, &n, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_non_null(strstr(err, "UTF-8"));
  assert_int_equal(co_vec_tok_encode(tok, "x", ids, 1, &n, err, sizeof(err)), CO_ERR_INVALID_ARG);
  /* Continuation pieces carry "##". */
  assert_int_equal(co_vec_tok_encode(tok, "unsubscribe", ids, 8, &n, err, sizeof(err)), CO_OK);
  assert_true(n > 3);
  assert_non_null(strstr(co_vec_tok_token(tok, ids[2]), "##"));
  co_vec_tok_close(tok);
  assert_null(co_vec_tok_open("/nonexistent/vocab.txt", err, sizeof(err)));
  assert_non_null(strstr(err, "/nonexistent/vocab.txt"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(ids_match_hf_tokenizer),
      cmocka_unit_test(truncates_and_validates),
      cmocka_unit_test(huge_text_equals_its_prefix),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
