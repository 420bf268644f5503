/* mock_cluster_produce_consume: the librdkafka mock cluster helper gives a
 * 3-broker cluster that real clients can produce to (acks=all, RF 3) and
 * consume from with a consumer group; every keyed message comes back once.
 * Then a broker is taken down and the rest still serve a new consumer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_th.h"
#include "co_th_kafka.h"
#include "co_th_mock.h"
#include "kt_util.h"

#define N 500

static int consume_all(const char *bootstrap, const char *topic, const char *group, int *seen) {
  int total = 0;
  rd_kafka_t *c = kt_consumer(bootstrap, group, NULL);
  rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
  assert_int_equal(rd_kafka_subscribe(c, sub), 0);
  rd_kafka_topic_partition_list_destroy(sub);
  int64_t deadline = co_th_now_ms() + 60000;
  while (total < N && co_th_now_ms() < deadline) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 200);
    if (!m) continue;
    if (!m->err) {
      int i = kt_key_index(m->key, m->key_len);
      char val[32];
      assert_true(i >= 0 && i < N);
      snprintf(val, sizeof(val), "v%d", i);
      assert_int_equal(m->len, strlen(val));
      assert_memory_equal(m->payload, val, m->len);
      seen[i]++;
      total++;
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(c);
  rd_kafka_destroy(c);
  return total;
}

static void mock_roundtrip(void **state) {
  char err[512], key[32], val[32];
  int seen[N] = {0}, seen2[N] = {0};
  kt_dr_t dr = {0};
  co_th_mock_t *m = co_th_mock_start(3, err, sizeof(err));
  rd_kafka_t *p;
  char *topic = co_th_kafka_unique_name("mock");
  (void)state;
  if (!m) fail_msg("%s", err);
  assert_non_null(strchr(co_th_mock_bootstrap(m), ','));
  if (co_th_mock_create_topic(m, topic, 4, 3, err, sizeof(err))) fail_msg("%s", err);

  p = kt_producer(co_th_mock_bootstrap(m), &dr, (const char *const[]){"acks", "all", NULL});
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof(key), "k-%d", i);
    snprintf(val, sizeof(val), "v%d", i);
    assert_int_equal(kt_produce(p, topic, RD_KAFKA_PARTITION_UA, key, val, i), 0);
  }
  assert_int_equal(kt_flush(p, 30000), 0);
  assert_int_equal(dr.ok, N);
  assert_int_equal(dr.failed, 0);
  rd_kafka_destroy(p);

  char *g1 = co_th_kafka_unique_name("mock-g1");
  assert_int_equal(consume_all(co_th_mock_bootstrap(m), topic, g1, seen), N);
  for (int i = 0; i < N; i++) assert_int_equal(seen[i], 1);

  /* broker 3 down: partitions it led move, a fresh group still reads it all */
  assert_int_equal(rd_kafka_mock_broker_set_down(co_th_mock_cluster(m), 3), 0);
  for (int pt = 0; pt < 4; pt++) rd_kafka_mock_partition_set_leader(co_th_mock_cluster(m), topic, pt, 1 + pt % 2);
  char *g2 = co_th_kafka_unique_name("mock-g2");
  rd_kafka_mock_coordinator_set(co_th_mock_cluster(m), "group", g2, 1);
  assert_int_equal(consume_all(co_th_mock_bootstrap(m), topic, g2, seen2), N);
  for (int i = 0; i < N; i++) assert_int_equal(seen2[i], 1);

  free(g1);
  free(g2);
  free(topic);
  co_th_mock_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(mock_roundtrip)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
