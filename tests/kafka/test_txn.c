/* kafka_transactions_read_committed: on a real broker, a transactional
 * producer commits a batch, aborts a second (flushed to the log first, so it
 * is really there), and commits a third. A read_committed consumer sees the
 * two committed batches in order and nothing of the aborted one; a
 * read_uncommitted consumer does see the aborted records, which shows the
 * filtering is the isolation level's doing. */
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

#define C1 10
#define AB 10
#define C2 5

static void check_err(rd_kafka_error_t *e, const char *what) {
  if (!e) return;
  fail_msg("%s: %s", what, rd_kafka_error_string(e));
}

static void batch(rd_kafka_t *p, const char *topic, const char *prefix, int n) {
  char key[32], val[32];
  check_err(rd_kafka_begin_transaction(p), "begin");
  for (int i = 0; i < n; i++) {
    snprintf(key, sizeof(key), "%s-%d", prefix, i);
    snprintf(val, sizeof(val), "%s-%d", prefix, i);
    assert_int_equal(kt_produce(p, topic, 0, key, val, i), 0);
  }
}

/* Reads partition 0 from the start until end of partition; returns the
 * values joined by ' '. Caller frees. */
static char *read_all(const char *bootstrap, const char *topic, const char *isolation) {
  rd_kafka_t *c = kt_consumer(bootstrap, NULL,
                              (const char *const[]){"isolation.level", isolation, "enable.partition.eof", "true",
                                                    "enable.auto.commit", "false", NULL});
  rd_kafka_topic_partition_list_t *as = rd_kafka_topic_partition_list_new(1);
  char *out = calloc(1, 4096);
  size_t len = 0;
  int eof = 0;
  rd_kafka_topic_partition_list_add(as, topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
  assert_int_equal(rd_kafka_assign(c, as), 0);
  rd_kafka_topic_partition_list_destroy(as);
  int64_t deadline = co_th_now_ms() + 30000;
  while (!eof && co_th_now_ms() < deadline) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 200);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      eof = 1;
    } else if (m->err) {
      fprintf(stderr, "consume: %s\n", rd_kafka_message_errstr(m));
    } else if (len + m->len + 2 < 4096) {
      memcpy(out + len, m->payload, m->len);
      len += m->len;
      out[len++] = ' ';
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_destroy(c);
  assert_true(eof);
  return out;
}

static void txn(void **state) {
  char err[512], expect[4096] = "";
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  char *topic, *txid, *committed, *uncommitted;
  kt_dr_t dr = {0};
  rd_kafka_t *p;
  (void)state;
  if (!k) fail_msg("broker: %s", err);
  topic = co_th_kafka_unique_name("txn");
  txid = co_th_kafka_unique_name("txn-producer");
  if (co_th_kafka_create_topic(k, topic, 1, 1, NULL, err, sizeof(err))) fail_msg("%s", err);

  p = kt_producer(co_th_kafka_bootstrap(k), &dr, (const char *const[]){"transactional.id", txid, NULL});
  check_err(rd_kafka_init_transactions(p, 60000), "init_transactions");
  batch(p, topic, "c1", C1);
  check_err(rd_kafka_commit_transaction(p, 30000), "commit 1");
  batch(p, topic, "ab", AB);
  assert_int_equal(kt_flush(p, 30000), 0); /* the aborted records reach the log */
  check_err(rd_kafka_abort_transaction(p, 30000), "abort");
  batch(p, topic, "c2", C2);
  check_err(rd_kafka_commit_transaction(p, 30000), "commit 2");
  assert_int_equal(dr.ok, C1 + AB + C2);
  rd_kafka_destroy(p);

  committed = read_all(co_th_kafka_bootstrap(k), topic, "read_committed");
  for (int i = 0; i < C1; i++) snprintf(expect + strlen(expect), sizeof(expect) - strlen(expect), "c1-%d ", i);
  for (int i = 0; i < C2; i++) snprintf(expect + strlen(expect), sizeof(expect) - strlen(expect), "c2-%d ", i);
  assert_string_equal(committed, expect);
  assert_null(strstr(committed, "ab-"));

  uncommitted = read_all(co_th_kafka_bootstrap(k), topic, "read_uncommitted");
  for (int i = 0; i < AB; i++) {
    char v[16];
    snprintf(v, sizeof(v), "ab-%d ", i);
    assert_non_null(strstr(uncommitted, v));
  }

  free(committed);
  free(uncommitted);
  free(topic);
  free(txid);
  co_th_kafka_stop(k);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(txn)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
