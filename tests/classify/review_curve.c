/* review_curve: prints one line per row of a labelled JSON-lines file:
 * gold, predicted, confidence, p(INTERVIEW)+p(OFFER), rule - the input of
 * the needs-review curve in docs/classifier.md ("Needs review and
 * learning"). Usage: review_curve MODEL FILE.jsonl */
#include <stdio.h>
#include <stdlib.h>

#include "co_classify_int.h"

int main(int argc, char **argv) {
  char err[512];
  co_cls_row_t *rows = NULL;
  size_t n = 0;
  if (argc != 3) return fprintf(stderr, "usage: %s MODEL FILE.jsonl\n", argv[0]), 2;
  co_classify_model_t *m = co_classify_load(argv[1], err, sizeof(err));
  if (!m || co_cls_read_jsonl(argv[2], &rows, &n, NULL, NULL, err, sizeof(err)))
    return fprintf(stderr, "%s\n", err), 1;
  for (size_t i = 0; i < n; i++) {
    co_classify_input_t in = {.subject = rows[i].subject, .from = rows[i].from, .body = rows[i].body,
                              .date = rows[i].date};
    co_classify_result_t r;
    if (co_classify_email(m, &in, &r, err, sizeof(err))) continue;
    printf("%s\t%s\t%.6f\t%.6f\t%s\n", co_classify_label_name(rows[i].label), co_classify_label_name(r.label),
           (double)r.confidence, (double)(r.probs[CO_CLASSIFY_INTERVIEW] + r.probs[CO_CLASSIFY_OFFER]),
           r.rule ? r.rule : "-");
  }
  co_cls_rows_free(rows, n);
  co_classify_destroy(m);
  return 0;
}
