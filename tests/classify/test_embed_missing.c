/* Proves a model that needs the e5 embedder fails to load, with a message
 * naming the embedder, the missing file and the install script, when the
 * embedder is not installed; and that an n-gram-only model still loads in
 * the same situation. Uses the two models the build trains. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"

static void missing_embedder_is_a_clear_load_error(void **state) {
  (void)state;
  char err[1024] = "";
  setenv("CO_E5_MODEL", "/nonexistent/careerops/e5-small-q4.bin", 1);
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_null(m);
  assert_non_null(strstr(err, "e5-small-q4"));                   /* which embedder */
  assert_non_null(strstr(err, "/nonexistent/careerops/e5-small-q4.bin")); /* where it was looked for */
  assert_non_null(strstr(err, "install-e5.sh"));                 /* how to get it */

  err[0] = '\0';
  co_classify_model_t *ng = co_classify_load(CO_TEST_NGRAM_MODEL, err, sizeof(err));
  assert_non_null(ng);
  assert_null(co_classify_embedder_id(ng));
  co_classify_input_t in = {.subject = "Your application", .body = "We received your application for the Analyst role."};
  co_classify_result_t r;
  assert_int_equal(co_classify_email(ng, &in, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r.embedding_dim, 0);
  co_classify_destroy(ng);

  unsetenv("CO_E5_MODEL"); /* installed: the same model loads */
  m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  assert_string_equal(co_classify_embedder_id(m), "e5-small-q4");
  co_classify_destroy(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(missing_embedder_is_a_clear_load_error)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
