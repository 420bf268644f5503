/* Proves company and role extraction hold in each of the seven languages on
 * layouts the extraction rules were not written from: the extraction set
 * data/extract/companies.jsonl (tools/gen_company_set.py: ATS vendor
 * senders, signature-only companies, language lead-ins, job boards,
 * candidate-name traps; companies and roles that are not in the training
 * corpus) and the author style of data/train/emails.jsonl whose errors were
 * never read while the rules were written (manager_note). Thresholds sit a few points under the figures measured
 * when this test was written (docs/classifier.md, "Extraction"); the
 * extractor before this work scored 0.14-0.57 company and 0.00 role outside
 * English on the same rows. The committed set is what the generator
 * writes (it is deterministic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cls_extract_eval.h"
#include "co_th.h"

static const char* const LANGS[] = {"en", "de", "es", "fr", "pt", "nl", "it"};

static void run(const char* rel, const char* field, const char* only, cls_xe_t* x) {
  const char* src = getenv("CO_SOURCE_DIR");
  char path[1024];
  snprintf(path, sizeof(path), "%s/%s", src ? src : ".", rel);
  assert_int_equal(cls_xe_run(path, field, only, "lang", stdout, x), 0);
  cls_xe_print(x, "lang", stdout);
}

static void each_language(const cls_xe_t* x, long min_rows, double co_min, double role_min) {
  for (size_t i = 0; i < sizeof(LANGS) / sizeof(LANGS[0]); i++) {
    const cls_xe_cell_t* c = cls_xe_group(x, LANGS[i]);
    assert_non_null(c);
    assert_true(c->co_n >= min_rows);
    double co = cls_xe_rate(c->co_hit, c->co_n), role = cls_xe_rate(c->role_hit, c->role_n);
    if (co < co_min || role < role_min)
      printf("%s: company %.3f (min %.2f), role %.3f (min %.2f)\n", LANGS[i], co, co_min, role, role_min);
    assert_true(co >= co_min);
    assert_true(role >= role_min);
  }
}

/* Measured: company 0.917-1.000, role 0.800-1.000 per language. */
static void extraction_set_each_language(void** state) {
  (void)state;
  cls_xe_t x;
  run("data/extract/companies.jsonl", NULL, NULL, &x);
  each_language(&x, 50, 0.85, 0.75);
  assert_true(cls_xe_rate(x.all.co_hit, x.all.co_n) >= 0.93);
  assert_true(cls_xe_rate(x.all.role_hit, x.all.role_n) >= 0.85);
}

/* Measured: company 0.684-0.895, role 0.548-1.000 per language (hiring
 * managers' own notes: the company is often only in the sender's domain). */
static void manager_notes_each_language(void** state) {
  (void)state;
  cls_xe_t x;
  run("data/train/emails.jsonl", "style", "manager_note", &x);
  each_language(&x, 50, 0.60, 0.45);
  assert_true(cls_xe_rate(x.all.co_hit, x.all.co_n) >= 0.74);
  assert_true(cls_xe_rate(x.all.role_hit, x.all.role_n) >= 0.75);
}

static void generator_reproduces_committed_set(void **state) {
  (void)state;
  char why[512];
  if (co_th_generator_reproduces("gen_company_set.py", "extract/companies.jsonl", why, sizeof(why))) fail_msg("%s", why);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(extraction_set_each_language),
                                     cmocka_unit_test(manager_notes_each_language),
                                     cmocka_unit_test(generator_reproduces_committed_set)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
