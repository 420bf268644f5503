/* kafka_real_produce_consume_roundtrip: keyed messages produced to a
 * 3-partition topic on a real broker all come back, with their values, to a
 * consumer group, each from the partition its delivery report named, and the
 * keys spread over all three partitions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_th.h"
#include "co_th_kafka.h"
#include "kt_util.h"

#define N 2000
#define PARTS 3

static void roundtrip(void **state) {
  char err[512], key[32], val[64];
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  char *topic, *group;
  int32_t dr_part[N];
  int seen[N] = {0}, per_part[PARTS] = {0}, total = 0, dups = 0, wrong_part = 0;
  kt_dr_t dr = {.partition = dr_part, .cap = N};
  rd_kafka_t *p, *c;
  rd_kafka_topic_partition_list_t *sub;
  (void)state;

  if (!k) fail_msg("broker: %s", err);
  topic = co_th_kafka_unique_name("roundtrip");
  group = co_th_kafka_unique_name("roundtrip-group");
  if (co_th_kafka_create_topic(k, topic, PARTS, 1, NULL, err, sizeof(err))) fail_msg("%s", err);

  memset(dr_part, 0xff, sizeof(dr_part));
  p = kt_producer(co_th_kafka_bootstrap(k), &dr, (const char *const[]){"acks", "all", "linger.ms", "5", NULL});
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof(key), "key-%05d", i);
    snprintf(val, sizeof(val), "value-%05d-%s", i, topic);
    assert_int_equal(kt_produce(p, topic, RD_KAFKA_PARTITION_UA, key, val, i), 0);
  }
  assert_int_equal(kt_flush(p, 60000), 0);
  assert_int_equal(dr.failed, 0);
  assert_int_equal(dr.ok, N);
  rd_kafka_destroy(p);

  c = kt_consumer(co_th_kafka_bootstrap(k), group, NULL);
  sub = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
  assert_int_equal(rd_kafka_subscribe(c, sub), 0);
  rd_kafka_topic_partition_list_destroy(sub);

  int64_t deadline = co_th_now_ms() + 60000;
  while (total < N && co_th_now_ms() < deadline) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 500);
    if (!m) continue;
    if (m->err) {
      if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) fprintf(stderr, "consume: %s\n", rd_kafka_message_errstr(m));
      rd_kafka_message_destroy(m);
      continue;
    }
    int i = kt_key_index(m->key, m->key_len);
    assert_true(i >= 0 && i < N);
    snprintf(val, sizeof(val), "value-%05d-%s", i, topic);
    assert_int_equal(m->len, strlen(val));
    assert_memory_equal(m->payload, val, m->len);
    if (seen[i]++) dups++;
    if (m->partition != dr_part[i]) wrong_part++;
    assert_true(m->partition >= 0 && m->partition < PARTS);
    per_part[m->partition]++;
    total++;
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(c);
  rd_kafka_destroy(c);

  for (int i = 0; i < N; i++)
    if (!seen[i]) fail_msg("message %d never consumed (%d of %d arrived)", i, total, N);
  assert_int_equal(dups, 0);
  assert_int_equal(wrong_part, 0);
  for (int pt = 0; pt < PARTS; pt++) assert_true(per_part[pt] > 0);
  free(topic);
  free(group);
  co_th_kafka_stop(k);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(roundtrip)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
