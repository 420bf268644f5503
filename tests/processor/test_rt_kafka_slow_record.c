/* rt_kafka_slow_record_inside_a_transaction_does_not_fence (label kafka):
 * a record whose processing calls a slow remote (the pipeline's LLM,
 * Tavily or webhook calls run inside the record's transaction) must not
 * outlive transaction.timeout.ms: the broker would abort the transaction,
 * bump the producer's epoch, and the instance would stop fenced.
 *
 * One in-process runtime, exactly-once, commit.interval.ms 1000, on a
 * one-partition topic holding "a", "slow", "b" before it starts: "a" sends
 * an output (the transaction now exists on the broker), "slow" sleeps
 * SLOW_MS within the same commit interval, "b" sends another output. The
 * topology declares co_topo_set_attempt_max_ms(SLOW_MS + 1000), so the
 * runtime sizes transaction.timeout.ms past that record. SLOW_MS is longer
 * than the old fixed 10 s + interval plus the broker's sweep of timed-out
 * transactions (transaction.abort.timed.out.transaction.cleanup.interval.ms,
 * 10 s by default): without the declaration (transaction.timeout.ms
 * 11000) the run stopped after the slow record with "transaction commit
 * failed fatally: Failed to add offsets to transaction: Local: This
 * instance has been fenced by a newer instance" and no output committed.
 * The processor has no store: a stateless task must run at once too (it
 * used to wait for a restore that never came).
 * Asserted: both outputs committed exactly once, the runtime still running
 * afterwards, and it stops cleanly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <librdkafka/rdkafka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_conf.h"
#include "co_rt.h"
#include "co_th.h"
#include "co_th_kafka.h"

#define SLOW_MS 23000

static char g_out[256];
static volatile int g_slow_done;

static co_proc_rc_t slow_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)opaque;
  (void)errstr;
  (void)sz;
  if (rec->value_len == 4 && !memcmp(rec->value, "slow", 4)) {
    struct timespec ts = {SLOW_MS / 1000, (SLOW_MS % 1000) * 1000000L};
    while (nanosleep(&ts, &ts)) {
    }
    g_slow_done = 1;
    return CO_PROC_OK;
  }
  return co_ctx_send(ctx, g_out, rec->key, rec->key_len, rec->value, rec->value_len, NULL, 0) ? CO_PROC_RETRYABLE
                                                                                           : CO_PROC_OK;
}

typedef struct run_s {
  co_rt_t *rt;
  co_err_t rc;
  volatile int done;
  char err[512];
} run_t;

static void *run_th(void *arg) {
  run_t *r = arg;
  r->rc = co_rt_run(r->rt, r->err, sizeof(r->err));
  r->done = 1;
  return NULL;
}

static void set(co_conf_t *c, const char *name, const char *value) {
  char err[256];
  if (co_conf_set(c, name, value, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf %s: %s", name, err);
}

static void produce(const char *bootstrap, const char *topic) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err));
  assert_non_null(p);
  static const char *const vals[] = {"a", "slow", "b"};
  for (int i = 0; i < 3; i++)
    assert_int_equal(rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(0), RD_KAFKA_V_KEY("k", 1),
                                       RD_KAFKA_V_VALUE((void *)vals[i], strlen(vals[i])),
                                       RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                     RD_KAFKA_RESP_ERR_NO_ERROR);
  assert_int_equal(rd_kafka_flush(p, 30000), RD_KAFKA_RESP_ERR_NO_ERROR);
  rd_kafka_destroy(p);
}

static long committed_out(const char *bootstrap) {
  char *g = co_th_kafka_unique_name("slow-count");
  long n = co_th_kafka_count_committed(bootstrap, g_out, g, NULL);
  free(g);
  return n;
}

static void slow_record_does_not_fence(void **state) {
  (void)state;
  char err[512], in[300], dlq[300];
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  if (!k) fail_msg("kafka: %s", err);
  const char *bs = co_th_kafka_bootstrap(k);
  char *app = co_th_kafka_unique_name("slowrec"), *dir = co_th_tmpdir("rt-slow");
  snprintf(in, sizeof(in), "%s-in", app);
  snprintf(g_out, sizeof(g_out), "%s-out", app);
  snprintf(dlq, sizeof(dlq), "%s-dlq", app);
  assert_int_equal(co_th_kafka_create_topic(k, in, 1, 1, NULL, err, sizeof(err)), CO_OK);
  assert_int_equal(co_th_kafka_create_topic(k, g_out, 1, 1, NULL, err, sizeof(err)), CO_OK);
  produce(bs, in);

  co_conf_t *conf = co_conf_new();
  set(conf, "brokers", bs);
  set(conf, "app.id", app);
  set(conf, "state.dir", dir);
  set(conf, "topic.dlq", dlq);
  set(conf, "log.level", "warn");
  set(conf, "commit.interval.ms", "1000");
  set(conf, "dlq.max.attempts", "1");
  if (co_conf_finalize(conf, err, sizeof(err))) fail_msg("conf: %s", err);
  co_topo_t *topo = co_topo_new(app);
  if (co_topo_add_processor(topo, "slow", in, slow_proc, NULL, NULL, err, sizeof(err)) ||
      co_topo_add_sink(topo, g_out, err, sizeof(err)))
    fail_msg("topology: %s", err);
  co_topo_set_attempt_max_ms(topo, SLOW_MS + 1000);
  run_t r = {0};
  if (!(r.rt = co_rt_new(conf, topo, err, sizeof(err)))) fail_msg("runtime: %s", err);
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, run_th, &r), 0);

  int64_t t0 = co_th_now_ms();
  int both = CO_TH_WAIT_UNTIL(committed_out(bs) >= 2 || r.done, 120000);
  long n = committed_out(bs);
  printf("slow record done: %d; committed outputs %ld after %lld ms; runtime %s%s\n", g_slow_done, n,
         (long long)(co_th_now_ms() - t0), r.done ? "stopped: " : "running", r.done ? r.err : "");
  assert_true(both);
  assert_false(r.done);
  assert_true(g_slow_done);
  assert_int_equal(n, 2);
  co_th_sleep_ms(2000); /* nothing more appears, and the runtime goes on */
  assert_int_equal(committed_out(bs), 2);
  assert_false(r.done);
  co_rt_stop(r.rt);
  pthread_join(th, NULL);
  if (r.rc) fail_msg("runtime stopped with: %s", r.err);
  co_rt_destroy(r.rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
  free(app);
  co_th_kafka_stop(k);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(slow_record_does_not_fence)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
