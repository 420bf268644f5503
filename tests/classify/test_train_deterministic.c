/* Proves training is deterministic: the same corpus trained twice gives the
 * same model bytes, and the model loads and classifies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"
#include "co_th.h"

static void same_corpus_same_bytes(void **state) {
  (void)state;
  char err[512], a[600], b[600], corpus[600];
  char *dir = co_th_tmpdir("cls-det");
  assert_non_null(dir);
  snprintf(corpus, sizeof(corpus), "%s/data/train/emails.jsonl", getenv("CO_SOURCE_DIR"));
  snprintf(a, sizeof(a), "%s/a.bin", dir);
  snprintf(b, sizeof(b), "%s/b.bin", dir);
  assert_int_equal(co_classify_train(corpus, a, err, sizeof(err)), CO_OK);
  assert_int_equal(co_classify_train(corpus, b, err, sizeof(err)), CO_OK);
  size_t la, lb;
  char *da = co_th_read_file(a, &la), *db = co_th_read_file(b, &lb);
  assert_non_null(da);
  assert_non_null(db);
  assert_int_equal(la, lb);
  assert_true(la > 1000);
  assert_memory_equal(da, db, la);

  co_classify_model_t *m = co_classify_load(a, err, sizeof(err));
  assert_non_null(m);
  co_classify_input_t in = {.subject = "Your offer from Acme", .from = "Dana Lee <dana@acme.com>",
                            .body = "We are pleased to offer you the position of Data Analyst at Acme. Your salary will be $90,000."};
  co_classify_result_t r;
  assert_int_equal(co_classify_email(m, &in, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r.label, CO_CLASSIFY_OFFER);
  co_classify_destroy(m);
  free(da);
  free(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(same_corpus_same_bytes)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
