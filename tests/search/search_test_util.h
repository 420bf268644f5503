/* search_test_util.h: small helpers shared by the search tests. */
#ifndef SEARCH_TEST_UTIL_H
#define SEARCH_TEST_UTIL_H

#include <string.h>

#include "co_search.h"

/* 1 if doc_id is among res's hits. */
static inline int st_has(const co_search_result_t *r, const char *doc_id) {
  for (size_t i = 0; i < r->n; i++)
    if (!strcmp(r->hits[i].doc_id, doc_id)) return 1;
  return 0;
}

#endif
