/* Proves `careerops eval` reports a confusion matrix whose rows match the
 * gold labels of the file it was given (written here), reports a bad line
 * by number and skips it, emits the same matrix as JSON with --json, and
 * fails cleanly: a missing file exits 1 naming it, a bad flag exits 2. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_tu.h"
#include "co_th.h"

static const char *const labels[] = {"APPLIED", "INTERVIEW", "OFFER", "REJECTION", "OTHER"};

/* label index, subject, body */
static const struct {
  int label;
  const char *subject, *body;
} mails[] = {
    {0, "Thank you for applying to Fernwood", "We have received your application for Data Engineer at Fernwood."},
    {0, "Application received: QA Lead", "Thanks for applying to Brightline. Our team will review your application."},
    {1, "Interview invitation - Fernwood",
     "We would like to invite you to an interview for the Data Engineer role. "
     "Are you available Tuesday at 3pm?"},
    {1, "Let's schedule a call", "Please pick a time for a 30 minute phone screen with our hiring manager."},
    {2, "Your offer from Brightline",
     "We are delighted to offer you the position of QA Lead. Your offer letter is "
     "attached; the base salary is 120,000."},
    {3, "Update on your application", "Unfortunately we have decided not to move forward with your application."},
    {3, "Your application to Fernwood", "After careful consideration we will not be proceeding with your candidacy."},
    {4, "Weekly newsletter", "Top 10 tips for your garden this spring. Unsubscribe at any time."},
    {4, "New jobs matching your alert", "12 new jobs match your saved search. View all jobs."},
};
#define N_MAILS ((int)(sizeof(mails) / sizeof(*mails)))

static void cli_eval_prints_confusion_matrix(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("cli-eval"), path[512], args[700], *out;
  int gold[5] = {0};
  snprintf(path, sizeof(path), "%s/eval.jsonl", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  for (int i = 0; i < N_MAILS; i++) {
    json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "subject", mails[i].subject, "from", "Recruiting <jobs@example.com>",
                          "body", mails[i].body, "label", labels[mails[i].label]);
    json_dumpf(o, f, JSON_COMPACT);
    fputc('\n', f);
    json_decref(o);
    gold[mails[i].label]++;
    if (i == 3) fputs("{this is not json\n", f); /* line 5 */
  }
  fclose(f);

  snprintf(args, sizeof(args), "eval '%s'", path);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  if (!strstr(out, "confusion matrix") || !strstr(out, "skipped line 5") || !strstr(out, "precision"))
    fail_msg("text report lacks matrix, skipped line or per-class table:\n%s", out);
  /* Each gold row of the text matrix sums to that label's count in the file. */
  for (int l = 0; l < 5; l++) {
    char needle[32];
    snprintf(needle, sizeof(needle), "\n%s ", labels[l]);
    const char *row = strstr(out, needle);
    assert_non_null(row);
    int v[5], sum = 0;
    assert_int_equal(sscanf(row + strlen(needle), "%d %d %d %d %d", &v[0], &v[1], &v[2], &v[3], &v[4]), 5);
    for (int k = 0; k < 5; k++) sum += v[k];
    assert_int_equal(sum, gold[l]);
  }
  free(out);

  snprintf(args, sizeof(args), "eval --json '%s'", path);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  json_error_t jerr;
  json_t *j = json_loads(out, 0, &jerr);
  if (!j) fail_msg("--json output is not JSON (%s):\n%s", jerr.text, out);
  assert_int_equal(json_integer_value(json_object_get(j, "n")), N_MAILS);
  json_t *cm = json_object_get(j, "confusion");
  assert_int_equal(json_array_size(cm), 5);
  for (int l = 0; l < 5; l++) {
    int sum = 0;
    for (int k = 0; k < 5; k++)
      sum += (int)json_integer_value(json_array_get(json_array_get(cm, (size_t)l), (size_t)k));
    assert_int_equal(sum, gold[l]);
  }
  json_decref(j);
  free(out);

  snprintf(args, sizeof(args), "eval '%s/missing.jsonl'", dir);
  assert_int_equal(cli_tu_run(args, 1, &out), 1);
  assert_non_null(strstr(out, "missing.jsonl"));
  free(out);
  snprintf(args, sizeof(args), "eval --bogus '%s'", path);
  assert_int_equal(cli_tu_run(args, 1, &out), 2);
  free(out);
  assert_int_equal(cli_tu_run("eval", 1, &out), 2);
  free(out);
  snprintf(args, sizeof(args), "eval --model '%s/no-model.bin' '%s'", dir, path);
  assert_int_equal(cli_tu_run(args, 1, &out), 1);
  assert_non_null(strstr(out, "no-model.bin"));
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_eval_prints_confusion_matrix)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
