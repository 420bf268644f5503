/* extract_eval: measurement aid (not a test): company and role exact-match
 * of the extractors on a JSON-lines set with gold company/role, per lang,
 * style or family. Usage:
 *   extract_eval FILE.jsonl [GROUP_BY [FIELD ONLY,LIST]] [--errors]
 * e.g. extract_eval data/extract/companies.jsonl lang family sig_only,ats_vendor */
#include <stdio.h>
#include <string.h>

#include "cls_extract_eval.h"

int main(int argc, char** argv) {
  int errors = argc > 1 && !strcmp(argv[argc - 1], "--errors");
  int n = argc - errors;
  if (n < 2) return fprintf(stderr, "usage: %s FILE.jsonl [GROUP_BY [FIELD ONLY,LIST]] [--errors]\n", argv[0]), 2;
  const char* group = n > 2 ? argv[2] : "lang";
  cls_xe_t x;
  if (cls_xe_run(argv[1], n > 4 ? argv[3] : NULL, n > 4 ? argv[4] : NULL, group, errors ? stdout : NULL, &x)) return 1;
  cls_xe_print(&x, group, stdout);
  return 0;
}
