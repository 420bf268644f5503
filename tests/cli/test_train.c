/* Proves `careerops train` writes a model that co_classify_load accepts and
 * that classifies, deterministically (same corpus, same bytes), and that
 * `careerops eval --model` uses it. A corpus with a bad line fails with
 * exit 1 and leaves no model; a missing --corpus exits 2. The corpus is the
 * first 400 lines of the repository's data/train/emails.jsonl, read in
 * place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_tu.h"
#include "co_classify.h"
#include "co_th.h"

static void cli_train_writes_loadable_model(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("cli-train"), corpus[512], m1[512], m2[512], args[1600], errstr[256], *out;
  snprintf(corpus, sizeof(corpus), "%s/corpus.jsonl", dir);
  snprintf(m1, sizeof(m1), "%s/a.bin", dir);
  snprintf(m2, sizeof(m2), "%s/b.bin", dir);
  snprintf(args, sizeof(args), "head -n 400 '%s/data/train/emails.jsonl' > '%s'", getenv("CO_SOURCE_DIR"), corpus);
  assert_int_equal(co_th_sh(args, NULL), 0);

  snprintf(args, sizeof(args), "train --corpus '%s' --out '%s'", corpus, m1);
  assert_int_equal(cli_tu_run(args, 1, &out), 0);
  free(out);
  snprintf(args, sizeof(args), "train --corpus '%s' -X classify.model='%s'", corpus, m2);
  assert_int_equal(cli_tu_run(args, 1, &out), 0);
  free(out);
  size_t l1, l2;
  char *b1 = co_th_read_file(m1, &l1), *b2 = co_th_read_file(m2, &l2);
  assert_non_null(b1);
  assert_non_null(b2);
  assert_true(l1 > 1000);
  assert_true(l1 == l2 && !memcmp(b1, b2, l1));
  free(b1);
  free(b2);

  co_classify_model_t *m = co_classify_load(m1, errstr, sizeof(errstr));
  if (!m) fail_msg("trained model does not load: %s", errstr);
  co_classify_input_t in = {.subject = "Interview invitation",
                            .from = "Talent <talent@example.com>",
                            .body = "We would like to invite you to an interview next week. When are you available?"};
  co_classify_result_t res;
  assert_int_equal(co_classify_email(m, &in, &res, errstr, sizeof(errstr)), CO_OK);
  assert_true(res.label >= 0 && res.label < CO_CLASSIFY__N);
  assert_true(res.confidence > 0 && res.confidence <= 1);
  co_classify_destroy(m);

  /* eval with this model on the same corpus: a report, exit 0. */
  snprintf(args, sizeof(args), "eval --model '%s' '%s'", m1, corpus);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_non_null(strstr(out, "confusion matrix"));
  free(out);

  /* A bad line: exit 1, the file named, no model written. */
  char bad[512], m3[512];
  snprintf(bad, sizeof(bad), "%s/bad.jsonl", dir);
  snprintf(m3, sizeof(m3), "%s/c.bin", dir);
  snprintf(args, sizeof(args), "cp '%s' '%s' && echo '{broken' >> '%s'", corpus, bad, bad);
  assert_int_equal(co_th_sh(args, NULL), 0);
  snprintf(args, sizeof(args), "train --corpus '%s' --out '%s'", bad, m3);
  assert_int_equal(cli_tu_run(args, 1, &out), 1);
  free(out);
  assert_int_not_equal(access(m3, F_OK), 0);

  assert_int_equal(cli_tu_run("train --out /tmp/x.bin", 1, &out), 2);
  assert_non_null(strstr(out, "--corpus"));
  free(out);
  snprintf(args, sizeof(args), "train --corpus '%s'", corpus);
  assert_int_equal(cli_tu_run(args, 1, &out), 2);
  assert_non_null(strstr(out, "--out"));
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_train_writes_loadable_model)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
