/* rt_check.h: verifies what the test topology (co_rt_testapp) produced
 * against the truth for its input scheme: ids 0..n-1 where every 10th
 * repeats the previous id, key = "k<id % 100>". */
#ifndef RT_CHECK_H
#define RT_CHECK_H

#include <stddef.h>

/* Output is "key id:count" lines. Every unique id exactly once, under its
 * key, and per key the counts are exactly 1..c (never reset, never doubled).
 * Returns 0 when all holds, else -1 with why. */
int rt_check_output(const char *lines, long n, char *why, size_t sz);

/* Dump is "key count" lines: every key's count equals its unique ids. */
int rt_check_counts(const char *lines, long n, char *why, size_t sz);

/* Unique ids for key k among the first n inputs. */
long rt_truth(long n, int k);

#endif
