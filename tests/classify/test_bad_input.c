/* Proves bad input is an error, not a crash: NULL arguments, missing,
 * truncated, foreign or corrupted model files, a corpus with a bad line,
 * and hostile email text (empty, binary, huge, unterminated sender). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"
#include "co_th.h"

static void bad_models(void **state) {
  (void)state;
  char err[512], p[600];
  char *dir = co_th_tmpdir("cls-bad");
  assert_null(co_classify_load(NULL, err, sizeof(err)));
  assert_null(co_classify_load("/nonexistent/model.bin", err, sizeof(err)));
  assert_non_null(strstr(err, "/nonexistent/model.bin"));
  snprintf(p, sizeof(p), "%s/garbage.bin", dir);
  const char *junk = "hello world, this is not a model at all, definitely not one, not even close to one";
  co_th_write_file(p, junk, strlen(junk));
  assert_null(co_classify_load(p, err, sizeof(err)));
  assert_non_null(strstr(err, "not a CareerOps"));
  /* a real model, truncated and then bit-flipped */
  size_t len;
  char *good = co_th_read_file(co_classify_default_model_path(), &len);
  assert_non_null(good);
  co_th_write_file(p, good, len / 2);
  assert_null(co_classify_load(p, err, sizeof(err)));
  assert_non_null(strstr(err, "size"));
  good[len / 2] ^= 0x40;
  co_th_write_file(p, good, len);
  assert_null(co_classify_load(p, err, sizeof(err)));
  assert_non_null(strstr(err, "checksum"));
  free(good);
  co_th_rm_rf(dir);
  free(dir);
}

static void bad_corpus(void **state) {
  (void)state;
  char err[512], p[600], mp[600];
  char *dir = co_th_tmpdir("cls-badc");
  snprintf(p, sizeof(p), "%s/c.jsonl", dir);
  snprintf(mp, sizeof(mp), "%s/m.bin", dir);
  const char *c = "{\"subject\":\"a\",\"body\":\"b\",\"label\":\"APPLIED\"}\n{\"subject\":5,\"label\":\"OTHER\"}\n";
  co_th_write_file(p, c, strlen(c));
  assert_int_equal(co_classify_train(p, mp, err, sizeof(err)), CO_ERR_PARSE);
  assert_non_null(strstr(err, ":2:"));
  assert_int_equal(co_classify_train("/nonexistent.jsonl", mp, err, sizeof(err)), CO_ERR_IO);
  assert_int_equal(co_classify_train(NULL, mp, err, sizeof(err)), CO_ERR_INVALID_ARG);
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  assert_int_equal(co_classify_eval("/nonexistent.jsonl", m, stdout, 0, err, sizeof(err)), CO_ERR_IO);
  const char *allbad = "nope\n{]\n";
  co_th_write_file(p, allbad, strlen(allbad));
  assert_int_equal(co_classify_eval(p, m, stdout, 0, err, sizeof(err)), CO_ERR_PARSE);
  assert_int_equal(co_classify_eval(p, NULL, stdout, 0, err, sizeof(err)), CO_ERR_INVALID_ARG);
  co_classify_destroy(m);
  co_th_rm_rf(dir);
  free(dir);
}

static void hostile_emails(void **state) {
  (void)state;
  char err[512];
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  co_classify_result_t r;
  co_classify_input_t empty = {0};
  assert_int_equal(co_classify_email(NULL, &empty, &r, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_int_equal(co_classify_email(m, NULL, &r, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_int_equal(co_classify_email(m, &empty, NULL, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_int_equal(co_classify_email(m, &empty, &r, err, sizeof(err)), CO_OK);
  assert_true(r.label < CO_CLASSIFY__N);
  assert_true(r.summary[0] != 0);

  size_t big = 1 << 20;
  char *bin = malloc(big + 1);
  for (size_t i = 0; i < big; i++) bin[i] = (char)(1 + (i * 7919) % 255);
  bin[big] = 0;
  co_classify_input_t h = {.subject = bin + big - 300, .from = "\"Broken <no-reply@exa", .body = bin,
                           .date = "Mon, 99 Foo 20255 99:99:99 +9999"};
  assert_int_equal(co_classify_email(m, &h, &r, err, sizeof(err)), CO_OK);
  assert_true(strlen(r.company) < sizeof(r.company));
  /* long runs of digits, colons and month words */
  memset(bin, '9', big);
  for (size_t i = 0; i + 20 < big; i += 20) memcpy(bin + i, " April 31:99 at 99pm", 20);
  h.body = bin;
  h.date = "2025-13-45";
  assert_int_equal(co_classify_email(m, &h, &r, err, sizeof(err)), CO_OK);
  free(bin);
  co_classify_destroy(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(bad_models), cmocka_unit_test(bad_corpus),
                                     cmocka_unit_test(hostile_emails)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
