/* imap_test.h: small parsers shared by the tests in tests/imap, for the
 * untagged responses libcurl hands back from custom IMAP commands. */
#ifndef IMAP_TEST_H
#define IMAP_TEST_H

#include <stdlib.h>
#include <string.h>

/* Number of UIDs in a "* SEARCH 1 2 3" response, last one to *last. */
static inline int imap_test_search_count(const char *out, unsigned long *last) {
  const char *p = out ? strstr(out, "* SEARCH") : NULL;
  int n = 0;
  char *end;
  if (!p) return -1;
  p += strlen("* SEARCH");
  for (;;) {
    unsigned long v = strtoul(p, &end, 10);
    if (end == p) break;
    n++;
    if (last) *last = v;
    p = end;
  }
  return n;
}

/* Value after key (e.g. "[UIDVALIDITY ") or before it (" EXISTS"), 0 if absent. */
static inline unsigned long imap_test_after(const char *out, const char *key) {
  const char *p = out ? strstr(out, key) : NULL;
  return p ? strtoul(p + strlen(key), NULL, 10) : 0;
}
static inline unsigned long imap_test_exists(const char *out) {
  const char *p = out ? strstr(out, " EXISTS") : NULL;
  while (p && p > out && p[-1] >= '0' && p[-1] <= '9') p--;
  return p ? strtoul(p, NULL, 10) : 0;
}

#endif
