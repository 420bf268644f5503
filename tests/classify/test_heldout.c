/* Proves the classifier generalises within the corpus: trained on ~80% of
 * data/train, on the held-out English rows it must reach macro-F1 >= 0.80,
 * INTERVIEW precision/recall and OFFER recall >= 0.75 and company
 * exact-match >= 0.75 (the floors this test always had, on the language its
 * rules and extraction were written for), and over all seven languages
 * accuracy >= 0.75 for the returned labels and >= 0.95 for the model alone
 * (measured in session 6: 0.831 and 0.991; per-language figures, company
 * included, are printed). The split is by employer (a hash of the gold
 * company; OTHER rows by position), so held-out employers are never seen in
 * training, as in the hidden set. Held-out emails still share templates
 * with training ones, so this is a floor, not a claim about real inboxes.
 * The model is the shipped kind (n-grams + e5, cls_holdout.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cls_holdout.h"

static int pick_employer(const cls_ho_corpus_t *c, size_t i, void *opaque) {
  (void)opaque;
  const char *co = cls_ho_field(c, i, "company");
  unsigned long h = 5381;
  if (co[0])
    for (const char *p = co; *p; p++) h = h * 33 + (unsigned char)*p;
  else
    h = (unsigned long)i;
  return h % 5 == 4;
}

static void split_train_eval(void **state) {
  (void)state;
  cls_ho_corpus_t *c = cls_ho_open("cls-split", 1);
  cls_ho_report_t rep = {0};
  assert_true(cls_ho_fold(c, pick_employer, NULL, "lang", &rep) >= 100);
  cls_ho_print(&rep, "employer split (n-grams + e5), per language:");
  int en = cls_ho_group(&rep, "en");
  assert_true(en >= 0);
  const cls_ho_tally_t *t = &rep.group[en];
  double macro = cls_ho_macro_f1(t), ip = cls_ho_precision(t, CO_CLASSIFY_INTERVIEW),
         ir = cls_ho_recall(t, CO_CLASSIFY_INTERVIEW), orc = cls_ho_recall(t, CO_CLASSIFY_OFFER), co = cls_ho_company(t);
  printf("held-out English %ld: macro-F1 %.3f, INTERVIEW P %.3f R %.3f, OFFER R %.3f, company %.3f\n", t->n, macro, ip, ir,
         orc, co);
  assert_true(cls_ho_accuracy(&rep.all) >= 0.75);
  assert_true(cls_ho_accuracy(&rep.model_all) >= 0.95);
  assert_true(macro >= 0.80);
  assert_true(ir >= 0.75);
  assert_true(ip >= 0.75);
  assert_true(orc >= 0.75);
  assert_true(co >= 0.75);
  cls_ho_close(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(split_train_eval)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
