/* cls_holdout.h: what the classifier's hold-out tests share.
 *
 * The corpus (data/train/emails.jsonl) is read once; a fold holds rows out
 * by a predicate, trains a model in-process on the others, classifies the
 * held-out rows and adds them to a report: accuracy and per-class
 * precision/recall overall and per group (the value of one row field:
 * "lang", "style" or "family").
 *
 * With embed = 1 the models carry the multilingual-e5-small block, as the
 * shipped model does. The build's embedding cache is copied into the test's
 * own directory (so a fold never rewrites the build's) and every corpus row
 * is embedded once through it when the corpus is opened (all cache hits on a
 * current build). Rows are featurised once too; a fold trains with the
 * trainer's configuration and options (co_cls_train_vecs) minus the
 * temperature calibration, which rescales probabilities without changing a
 * label, and classifies with co_classify_email() given the row's vector, so
 * a fold costs one training, not one embedding per email. */
#ifndef CLS_HOLDOUT_H
#define CLS_HOLDOUT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "co_classify.h"

#define CLS_HO_GROUPS 64

typedef struct cls_ho_tally_s {
  long n, ok;
  long tp[CO_CLASSIFY__N], fp[CO_CLASSIFY__N], fn[CO_CLASSIFY__N];
  long co_n, co_ok; /* company exact-match (case and spacing folded) over rows with a gold company */
} cls_ho_tally_t;

/* group/all: the labels co_classify_email() returns (model + rules);
 * model_group/model_all: the model's own argmax, before the rules. */
typedef struct cls_ho_report_s {
  int ngroups;
  char name[CLS_HO_GROUPS][32];
  cls_ho_tally_t group[CLS_HO_GROUPS], model_group[CLS_HO_GROUPS];
  cls_ho_tally_t all, model_all;
} cls_ho_report_t;

typedef struct cls_ho_corpus_s cls_ho_corpus_t;

/* Opens data/train/emails.jsonl of $CO_SOURCE_DIR in a fresh test dir named
 * after name; embed as above. Fails the test on any error. Free with
 * cls_ho_close(). */
cls_ho_corpus_t *cls_ho_open(const char *name, int embed);
void cls_ho_close(cls_ho_corpus_t *c);
size_t cls_ho_rows(const cls_ho_corpus_t *c);
/* Row i's string field key, "" when absent; owned by c. */
const char *cls_ho_field(const cls_ho_corpus_t *c, size_t i, const char *key);

/* 1 = row i is held out of this fold. */
typedef int cls_ho_pick_fn(const cls_ho_corpus_t *c, size_t i, void *opaque);

/* One fold: trains on the rows pick() keeps, classifies the rows it holds
 * out, adds them to rep (groups by the row field group_by). Returns how many
 * rows were held out. */
long cls_ho_fold(cls_ho_corpus_t *c, cls_ho_pick_fn *pick, void *opaque, const char *group_by, cls_ho_report_t *rep);

double cls_ho_accuracy(const cls_ho_tally_t *t);
double cls_ho_precision(const cls_ho_tally_t *t, int label); /* 1.0 when nothing was predicted label */
double cls_ho_recall(const cls_ho_tally_t *t, int label);    /* 1.0 when no row is gold label */
/* Mean F1 over the labels that occur as gold. */
double cls_ho_macro_f1(const cls_ho_tally_t *t);
double cls_ho_company(const cls_ho_tally_t *t); /* 1.0 when no row has a gold company */
/* Accuracy of always answering the group's most frequent gold label. */
double cls_ho_majority(const cls_ho_tally_t *t);
/* Index of group name in rep, -1 if absent. */
int cls_ho_group(const cls_ho_report_t *rep, const char *name);
/* Prints one line per group and one for all: n, accuracy (and the model's
 * own accuracy before the rules), and precision / recall of INTERVIEW,
 * OFFER and REJECTION, company exact-match. */
void cls_ho_print(const cls_ho_report_t *rep, const char *title);

#endif
