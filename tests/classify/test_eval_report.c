/* Proves co_classify_eval reports a confusion matrix whose cells add up to
 * the usable rows, per-class P/R/F1, the company rate over rows with a gold
 * company only, throughput, and lists a bad line by number without failing;
 * in text and in JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"
#include "co_th.h"

static const char *JSONL =
    "{\"subject\":\"Thank you for applying to Norvale\",\"from\":\"Norvale Careers <careers@norvale.com>\","
    "\"body\":\"Hi Jo, thank you for applying to Norvale. We have received your application for the Data Analyst position and will review it.\","
    "\"label\":\"APPLIED\",\"company\":\"Norvale\",\"id\":\"x1\"}\n"
    "{\"subject\":\"Your application to Brindle Labs\",\"from\":\"Brindle Labs <no-reply@hire.lever.co>\","
    "\"body\":\"Thank you for your interest in Brindle Labs. After careful consideration, we have decided not to move forward with your application.\","
    "\"label\":\"REJECTION\",\"company\":\"Brindle Labs\"}\n"
    "this line is not json\n"
    "\n"
    "{\"subject\":\"Interview invitation: QA Engineer\",\"from\":\"Kai Moss <kai@tarnwell.com>\","
    "\"body\":\"Hi Jo, we'd like to invite you to a phone interview for the QA Engineer role at Tarnwell. Are you available Thursday at 2pm?\","
    "\"date\":\"Mon, 7 Apr 2025 09:00:00 -0400\",\"label\":\"INTERVIEW\",\"company\":\"Tarnwell\"}\n"
    "{\"subject\":\"5 new jobs for Data Analyst\",\"from\":\"Job Alerts <alerts@jobsboard.example>\","
    "\"body\":\"New jobs matching your alert. Unsubscribe.\",\"label\":\"OTHER\",\"company\":\"\"}\n"
    "{\"subject\":\"x\",\"label\":\"MAYBE\"}\n";

static void write_fixture(char *path, size_t sz, char **dirp) {
  *dirp = co_th_tmpdir("cls-eval");
  assert_non_null(*dirp);
  snprintf(path, sz, "%s/small.jsonl", *dirp);
  assert_int_equal(co_th_write_file(path, JSONL, strlen(JSONL)), 0);
}

static void text_report(void **state) {
  (void)state;
  char err[512], path[600], *dir;
  write_fixture(path, sizeof(path), &dir);
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  assert_int_equal(co_classify_eval(path, m, out, 0, err, sizeof(err)), CO_OK);
  fclose(out);
  printf("%s", buf);
  assert_non_null(strstr(buf, "4 emails, 2 bad lines skipped"));
  assert_non_null(strstr(buf, "skipped line 3: not JSON"));
  assert_non_null(strstr(buf, "skipped line 7: missing or unknown \"label\""));
  assert_non_null(strstr(buf, "confusion matrix"));
  assert_non_null(strstr(buf, "precision"));
  assert_non_null(strstr(buf, "/3 rows with a gold company"));
  assert_non_null(strstr(buf, "throughput:"));
  free(buf);
  co_classify_destroy(m);
  co_th_rm_rf(dir);
  free(dir);
}

static void json_report(void **state) {
  (void)state;
  char err[512], path[600], *dir;
  write_fixture(path, sizeof(path), &dir);
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  assert_int_equal(co_classify_eval(path, m, out, 1, err, sizeof(err)), CO_OK);
  fclose(out);
  json_error_t je;
  json_t *r = json_loads(buf, 0, &je);
  assert_non_null(r);
  assert_int_equal(json_integer_value(json_object_get(r, "n")), 4);
  assert_int_equal(json_array_size(json_object_get(r, "skipped")), 2);
  assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(r, "skipped"), 0), "line")), 3);
  json_t *cm = json_object_get(r, "confusion");
  assert_int_equal(json_array_size(cm), CO_CLASSIFY__N);
  long total = 0, diag = 0;
  for (size_t i = 0; i < json_array_size(cm); i++)
    for (size_t j = 0; j < json_array_size(json_array_get(cm, i)); j++) {
      long v = (long)json_integer_value(json_array_get(json_array_get(cm, i), j));
      total += v;
      if (i == j) diag += v;
    }
  assert_int_equal(total, 4);
  /* each gold row sums to that class's support */
  assert_int_equal(json_integer_value(json_object_get(json_object_get(json_object_get(r, "per_class"), "OTHER"), "support")), 1);
  double acc = json_real_value(json_object_get(r, "accuracy"));
  assert_true(acc > (double)diag / 4 - 1e-9 && acc < (double)diag / 4 + 1e-9);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(r, "company"), "evaluated")), 3);
  assert_true(json_real_value(json_object_get(r, "throughput_eps")) > 0);
  /* these four are easy: a working model gets them all */
  assert_int_equal(diag, 4);
  json_decref(r);
  free(buf);
  co_classify_destroy(m);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(text_report), cmocka_unit_test(json_report)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
