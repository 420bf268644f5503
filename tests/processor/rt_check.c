/* rt_check.c: see rt_check.h. */
#include "rt_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long rt_truth(long n, int k) {
  long c = 0;
  for (long i = k; i < n; i += 100)
    if (i % 10 != 9) c++;
  return c;
}

int rt_check_output(const char *lines, long n, char *why, size_t sz) {
  unsigned char *seen = calloc((size_t)n, 1);
  long max_cnt = n / 100 + 2;
  unsigned char *cnt_seen = calloc((size_t)(100 * max_cnt), 1);
  int rc = -1;
  long total = 0;
  const char *p = lines;
  while (p && *p) {
    int k;
    long id, cnt;
    if (sscanf(p, "k%d %ld:%ld", &k, &id, &cnt) != 3 || k < 0 || k >= 100 || id < 0 || id >= n) {
      snprintf(why, sz, "bad output line: %.60s", p);
      goto out;
    }
    if (id % 10 == 9 || id % 100 != k) {
      snprintf(why, sz, "id %ld under wrong key k%d or should have been deduplicated", id, k);
      goto out;
    }
    if (seen[id]++) {
      snprintf(why, sz, "id %ld output twice", id);
      goto out;
    }
    if (cnt < 1 || cnt >= max_cnt || cnt_seen[k * max_cnt + cnt]++) {
      snprintf(why, sz, "key k%d: count %ld repeated or out of range (state reset or doubled)", k, cnt);
      goto out;
    }
    total++;
    p = strchr(p, '\n');
    if (p) p++;
  }
  for (long i = 0; i < n; i++)
    if (i % 10 != 9 && !seen[i]) {
      snprintf(why, sz, "id %ld missing from output (%ld of %ld seen)", i, total, n - n / 10);
      goto out;
    }
  for (int k = 0; k < 100; k++)
    for (long c = 1; c <= rt_truth(n, k); c++)
      if (!cnt_seen[k * max_cnt + c]) {
        snprintf(why, sz, "key k%d: count %ld never output", k, c);
        goto out;
      }
  rc = 0;
out:
  free(seen);
  free(cnt_seen);
  return rc;
}

int rt_check_counts(const char *lines, long n, char *why, size_t sz) {
  long got[100];
  int have[100] = {0};
  const char *p = lines;
  while (p && *p) {
    int k;
    long c;
    if (sscanf(p, "k%d %ld", &k, &c) != 2 || k < 0 || k >= 100) {
      snprintf(why, sz, "bad dump line: %.60s", p);
      return -1;
    }
    got[k] = c;
    have[k] = 1;
    p = strchr(p, '\n');
    if (p) p++;
  }
  for (int k = 0; k < 100; k++) {
    long want = rt_truth(n, k);
    if ((have[k] ? got[k] : 0) != want) {
      snprintf(why, sz, "key k%d: store count %ld, true count %ld", k, have[k] ? got[k] : -1, want);
      return -1;
    }
  }
  return 0;
}
