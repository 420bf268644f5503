/* Proves the shipped kind of model (hashed n-grams + multilingual-e5-small)
 * reads a language it was never trained on: leave-one-language-out over the
 * seven corpus languages (en de es fr pt nl it; tools/corpus/). Each fold
 * trains on six languages and classifies every row of the seventh.
 * n-grams cannot carry over between languages, so what carries is the
 * embedding (and the shared names: Zoom, Calendly, DocuSign, ...).
 * Two readings are printed and floored: the labels co_classify_email()
 * returns (model + rules) and the model's own argmax (before the rules).
 * Floors, set a little under the figures measured on this corpus in session
 * 6 (docs/classifier.md): returned labels: every held-out language >= 0.30
 * above always answering its most frequent label (measured >= +0.37),
 * pooled accuracy >= 0.70 (0.769), pooled INTERVIEW recall >= 0.70 (0.804);
 * model alone: every language >= 0.75 (min 0.790), pooled >= 0.80 (0.848).
 * A model that ignores the text scores the majority rate and fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cls_holdout.h"

static const char *const LANGS[] = {"en", "de", "es", "fr", "pt", "nl", "it"};

static int pick_lang(const cls_ho_corpus_t *c, size_t i, void *opaque) {
  return strcmp(cls_ho_field(c, i, "lang"), (const char *)opaque) == 0;
}

static void unseen_language(void **state) {
  (void)state;
  cls_ho_corpus_t *c = cls_ho_open("cls-lang", 1);
  cls_ho_report_t rep = {0};
  for (size_t l = 0; l < sizeof(LANGS) / sizeof(LANGS[0]); l++)
    assert_true(cls_ho_fold(c, pick_lang, (void *)LANGS[l], "lang", &rep) >= 300);
  cls_ho_print(&rep, "leave-one-language-out (n-grams + e5), per held-out language:");
  assert_int_equal(rep.ngroups, 7);
  for (int g = 0; g < rep.ngroups; g++) {
    assert_true(cls_ho_accuracy(&rep.group[g]) >= cls_ho_majority(&rep.group[g]) + 0.30);
    assert_true(cls_ho_accuracy(&rep.model_group[g]) >= 0.75);
  }
  assert_true(cls_ho_accuracy(&rep.all) >= 0.70);
  assert_true(cls_ho_recall(&rep.all, CO_CLASSIFY_INTERVIEW) >= 0.70);
  assert_true(cls_ho_accuracy(&rep.model_all) >= 0.80);
  cls_ho_close(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(unseen_language)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
