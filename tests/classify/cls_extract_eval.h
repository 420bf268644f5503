/* cls_extract_eval.h: company and role extraction measured on a JSON-lines
 * set with gold `company` and `role` (data/train/emails.jsonl,
 * data/extract/companies.jsonl), grouped by lang, style or family.
 * No model is involved: the extractors run as co_classify_email runs them
 * (subject, sender, the unquoted part of the body). */
#ifndef CLS_EXTRACT_EVAL_H
#define CLS_EXTRACT_EVAL_H

#include <stdio.h>

#define CLS_XE_MAXG 64

typedef struct cls_xe_cell_s {
  char name[48];
  long co_n, co_hit;     /* rows with a gold company; exact matches */
  long sp_n, sp_hit;     /* of those, rows that spell the gold company somewhere (sender, subject, whole body) */
  long role_n, role_hit; /* rows whose gold role is spelled in subject or body; exact matches */
} cls_xe_cell_t;

typedef struct cls_xe_s {
  cls_xe_cell_t all;
  cls_xe_cell_t g[CLS_XE_MAXG];
  int ng;
} cls_xe_t;

/* Reads path and scores every row whose `field_filter` value (a row field
 * such as "family") is in the comma-separated list only (NULL or "": every
 * row), grouped by the row field group_by ("lang", "style", "family").
 * Misses are printed to errors when it is not NULL. 0 on success, -1 when
 * the file cannot be read (message on stderr). */
int cls_xe_run(const char* path, const char* field_filter, const char* only, const char* group_by, FILE* errors,
               cls_xe_t* out);
/* Rate of hits, 0 when nothing was evaluated. */
double cls_xe_rate(long hit, long n);
/* Prints one line per group and the total. */
void cls_xe_print(const cls_xe_t* x, const char* group_by, FILE* out);
/* The group of that name, NULL if absent. */
const cls_xe_cell_t* cls_xe_group(const cls_xe_t* x, const char* name);

#endif
