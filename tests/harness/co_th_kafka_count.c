/* co_th_kafka_count.c: reading a topic back for exactly-once checks.
 *
 * Exactly-once tests (cli import, ingest) SIGKILL a producer and then prove
 * the topic holds each record once. They need the same two probes: a full
 * read_committed count with the number of distinct payloads (hashed with
 * XXH64 so 50,000 records cost 400 KB, not the payloads), and a cheap
 * high-watermark sum to see that the producer got going before the kill. */
#include <librdkafka/rdkafka.h>
#include <stdint.h>
#include <stdlib.h>
#include <xxhash.h>

#include "co_th.h"
#include "co_th_kafka.h"

static int cmp64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

long co_th_kafka_count_committed(const char *bootstrap, const char *topic, const char *group, long *distinct) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_conf_set(c, "group.id", group, err, sizeof(err));
  rd_kafka_conf_set(c, "isolation.level", "read_committed", err, sizeof(err));
  rd_kafka_conf_set(c, "enable.partition.eof", "true", err, sizeof(err));
  rd_kafka_conf_set(c, "enable.auto.commit", "false", err, sizeof(err));
  /* A probe polled every few hundred ms while a broker is down would print
   * two "Connection refused" lines each time and bury the failing test's
   * own output (and the instances' trouble lines) in a CI log. */
  rd_kafka_conf_set(c, "log_level", "2", err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  if (!rk) return -1;
  rd_kafka_poll_set_consumer(rk);
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  long n = -1;
  uint64_t *h = NULL;
  size_t cap = 0;
  if (rd_kafka_metadata(rk, 0, rkt, &md, 15000) || md->topics[0].err) goto out;
  int parts = md->topics[0].partition_cnt, eof = 0;
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts);
  for (int p = 0; p < parts; p++) rd_kafka_topic_partition_list_add(l, topic, p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(rk, l);
  rd_kafka_topic_partition_list_destroy(l);
  n = 0;
  for (int64_t end = co_th_now_ms() + 60000; eof < parts && co_th_now_ms() < end;) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 500);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      eof++;
    } else if (!m->err) {
      if ((size_t)n == cap && !(h = realloc(h, (cap = cap ? cap * 2 : 4096) * sizeof(*h)))) abort();
      h[n++] = XXH64(m->payload, m->len, 0);
    }
    rd_kafka_message_destroy(m);
  }
  if (eof < parts) n = -1;
  if (distinct && n > 0) {
    qsort(h, (size_t)n, sizeof(*h), cmp64);
    *distinct = 1;
    for (long i = 1; i < n; i++) *distinct += h[i] != h[i - 1];
  } else if (distinct) {
    *distinct = 0;
  }
out:
  free(h);
  if (md) rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(rkt);
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return n;
}

long long co_th_kafka_hw_sum(struct rd_kafka_s *rk, const char *topic, int parts) {
  long long sum = 0;
  for (int p = 0; p < parts; p++) {
    int64_t lo, hi;
    if (rd_kafka_query_watermark_offsets(rk, topic, p, &lo, &hi, 5000)) return -1;
    sum += hi;
  }
  return sum;
}
