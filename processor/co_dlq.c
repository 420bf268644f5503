/* co_dlq.c: the headers a dead-letter record carries, so it can be
 * understood and replayed without anything else: where it came from, why
 * it failed, how often it was tried, when it was first seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_rt_int.h"

int co_dlq_headers(const co_record_t *rec, const char *proc, const char *err_class, const char *err_msg, int attempts,
                   int64_t first_seen_ms, co_hdr_t **out, char **strs) {
  int n = rec->hdr_cnt + 8, i = 0;
  co_hdr_t *h = calloc((size_t)n, sizeof(*h));
  char *s = malloc(128);
  if (!h || !s) {
    free(h);
    free(s);
    return -1;
  }
  /* Original headers first, minus any earlier DLQ headers (a replayed record that fails again). */
  for (int j = 0; j < rec->hdr_cnt; j++)
    if (strncmp(rec->hdrs[j].name, "co.dlq.", 7)) h[i++] = rec->hdrs[j];
  char *part = s, *off = s + 24, *att = s + 48, *seen = s + 72;
  snprintf(part, 24, "%d", rec->partition);
  snprintf(off, 24, "%lld", (long long)rec->offset);
  snprintf(att, 24, "%d", attempts);
  snprintf(seen, 24, "%lld", (long long)first_seen_ms);
#define CO_HDR(n, v) h[i++] = (co_hdr_t){n, v, strlen(v)}
  CO_HDR("co.dlq.source.topic", rec->topic);
  CO_HDR("co.dlq.source.partition", part);
  CO_HDR("co.dlq.source.offset", off);
  CO_HDR("co.dlq.processor", proc);
  CO_HDR("co.dlq.error.class", err_class);
  CO_HDR("co.dlq.error.message", err_msg);
  CO_HDR("co.dlq.attempts", att);
  CO_HDR("co.dlq.first.seen.ms", seen);
#undef CO_HDR
  *out = h;
  *strs = s;
  return i;
}
