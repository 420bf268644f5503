/* kafka_cluster3_survives_node_kill_acks_all: a 3-node KRaft cluster with
 * replication factor 3 and min.insync.replicas=2 keeps accepting acks=all
 * writes after the partition leader is SIGKILLed: every message, before and
 * after the kill, is acknowledged, then read back exactly once (idempotent
 * producer) from the new leader. Restarting the killed node brings the ISR
 * back to 3, which also exercises the harness's restart path. */
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

#define BEFORE 300
#define AFTER 300
#define N (BEFORE + AFTER)

static co_th_kafka_t *g_k;

static void produce_range(rd_kafka_t *p, const char *topic, int from, int to) {
  char key[32], val[32];
  for (int i = from; i < to; i++) {
    snprintf(key, sizeof(key), "m-%d", i);
    snprintf(val, sizeof(val), "payload-%d", i);
    assert_int_equal(kt_produce(p, topic, 0, key, val, i), 0);
  }
}

/* Reads partition 0 from explicit offsets, so no group coordinator (whose
 * offsets topic needs all 3 nodes to be created) is involved; counts each
 * index. Returns how many messages arrived. */
static int read_back(const char *topic, int *seen) {
  int total = 0, distinct = 0, done = 0;
  /* quiet: its group's coordinator cannot be created while a node is down */
  rd_kafka_t *c = kt_consumer(co_th_kafka_bootstrap(g_k), NULL,
                              (const char *const[]){"enable.auto.commit", "false", "log_level", "2",
                                                    "enable.partition.eof", "true", NULL});
  rd_kafka_topic_partition_list_t *as = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(as, topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
  assert_int_equal(rd_kafka_assign(c, as), 0);
  rd_kafka_topic_partition_list_destroy(as);
  int64_t deadline = co_th_now_ms() + 90000;
  /* on to the end of the partition, so a duplicate after the last new
   * message would still be counted */
  while (!done && co_th_now_ms() < deadline) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 500);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      done = distinct == N;
    } else if (!m->err) {
      int i = kt_key_index(m->key, m->key_len);
      char val[32];
      assert_true(i >= 0 && i < N);
      snprintf(val, sizeof(val), "payload-%d", i);
      assert_int_equal(m->len, strlen(val));
      assert_memory_equal(m->payload, val, m->len);
      if (!seen[i]++) distinct++;
      total++;
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_destroy(c);
  return total;
}

static void survives_kill(void **state) {
  char err[512];
  const char *topic = "acks-all";
  int seen[N] = {0}, leader, new_leader, isr = -1;
  kt_dr_t dr = {0};
  rd_kafka_t *p;
  (void)state;

  if (co_th_kafka_create_topic(g_k, topic, 1, 3, (const char *const[]){"min.insync.replicas", "2", NULL}, err,
                               sizeof(err)))
    fail_msg("%s", err);
  assert_true(CO_TH_WAIT_UNTIL(co_th_kafka_isr_count(g_k, topic, 0, err, sizeof(err)) == 3, 60000));

  p = kt_producer(co_th_kafka_bootstrap(g_k), &dr,
                  (const char *const[]){"acks", "all", "enable.idempotence", "true", "message.timeout.ms", "120000",
                                        "linger.ms", "5", NULL});
  produce_range(p, topic, 0, BEFORE);
  assert_int_equal(kt_flush(p, 60000), 0);
  assert_int_equal(dr.ok, BEFORE);

  if ((leader = co_th_kafka_leader(g_k, topic, 0, 30000, err, sizeof(err))) < 0) fail_msg("%s", err);
  fprintf(stderr, "killing leader node %d\n", co_th_kafka_node_id(g_k, leader));
  if (co_th_kafka_kill_node(g_k, leader, err, sizeof(err))) fail_msg("%s", err);

  int64_t t0 = co_th_now_ms();
  produce_range(p, topic, BEFORE, N);
  if (kt_flush(p, 180000) != 0) {
    for (int i = 0; i < 3; i++) co_th_kafka_log_tail(g_k, i, 20);
    fail_msg("%d messages still unacknowledged after the kill", rd_kafka_outq_len(p));
  }
  fprintf(stderr, "acks=all writes after the kill completed in %lld ms\n", (long long)(co_th_now_ms() - t0));
  if (dr.failed) fail_msg("%d deliveries failed, last: %s", dr.failed, rd_kafka_err2name(dr.last_err));
  assert_int_equal(dr.ok, N);
  rd_kafka_destroy(p);

  new_leader = co_th_kafka_leader(g_k, topic, 0, 30000, err, sizeof(err));
  assert_true(new_leader >= 0);
  assert_int_not_equal(new_leader, leader);
  /* the dead node leaves the ISR; 2 replicas still satisfy min.insync.replicas */
  assert_true(CO_TH_WAIT_UNTIL((isr = co_th_kafka_isr_count(g_k, topic, 0, err, sizeof(err))) == 2, 60000));

  assert_int_equal(read_back(topic, seen), N);
  for (int i = 0; i < N; i++)
    if (seen[i] != 1) fail_msg("message %d read %d times", i, seen[i]);

  if (co_th_kafka_restart_node(g_k, leader, err, sizeof(err))) fail_msg("restart: %s", err);
  if (!CO_TH_WAIT_UNTIL((isr = co_th_kafka_isr_count(g_k, topic, 0, err, sizeof(err))) == 3, 90000)) {
    co_th_kafka_log_tail(g_k, leader, 30);
    fail_msg("restarted node did not rejoin the ISR (isr=%d)", isr);
  }
}

static int setup(void **state) {
  char err[512];
  int64_t t0 = co_th_now_ms();
  (void)state;
  if (!(g_k = co_th_kafka_start(3, err, sizeof(err)))) {
    fprintf(stderr, "3-node cluster: %s\n", err);
    return -1;
  }
  fprintf(stderr, "3-node cluster %s ready in %lld ms\n", co_th_kafka_bootstrap(g_k),
          (long long)(co_th_now_ms() - t0));
  return 0;
}

static int teardown(void **state) {
  (void)state;
  co_th_kafka_stop(g_k);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(survives_kill)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
