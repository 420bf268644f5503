/* Proves a punctuator runs once per task as soon as the runtime starts,
 * with no input record at all, inside the task's transaction (its store
 * write and its send are committed together), not again before its
 * interval, again after a restart (a restart makes it due), and that a
 * failing punctuator leaves nothing behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_rt.h"
#include "co_th.h"

static int fail_now;

static co_proc_rc_t proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)ctx, (void)rec, (void)opaque, (void)errstr, (void)sz;
  return CO_PROC_OK;
}

/* Counts its runs in the task's store and sends one record per run. */
static co_proc_rc_t tick(co_ctx_t *ctx, void *opaque, char *errstr, size_t sz) {
  (void)opaque;
  void *v = NULL;
  size_t vl = 0;
  int n = 0;
  if (co_ctx_get(ctx, "s", "ticks", 5, &v, &vl) == CO_OK) n = atoi(v);
  free(v);
  char buf[16], key[16];
  snprintf(buf, sizeof(buf), "%d", n + 1);
  snprintf(key, sizeof(key), "p%d", co_ctx_partition(ctx));
  if (co_ctx_put(ctx, "s", "ticks", 5, buf, strlen(buf), 0) ||
      co_ctx_send(ctx, "out", key, strlen(key), buf, strlen(buf), NULL, 0))
    return CO_PROC_RETRYABLE;
  if (co_ctx_send_dlq(ctx, "x", "y") != CO_ERR_STATE) return CO_PROC_RETRYABLE; /* no record to dead-letter */
  if (fail_now) {
    snprintf(errstr, sz, "downstream down");
    return CO_PROC_RETRYABLE;
  }
  return CO_PROC_OK;
}

static int count_cb(const co_record_t *rec, void *opaque) {
  (void)rec;
  (*(int *)opaque)++;
  return 0;
}

static int ticks(co_rt_t *rt, int part) {
  void *v = NULL;
  size_t vl;
  if (co_rt_store_get(rt, "s", part, "ticks", 5, &v, &vl) != CO_OK) return 0;
  int n = atoi(v);
  free(v);
  return n;
}

static int out_records(co_rt_t *rt) {
  int n = 0;
  for (int p = 0; p < co_rt_partitions(rt); p++) co_rt_read(rt, "out", p, 0, count_cb, &n);
  return n;
}

static co_rt_t *open_rt(co_conf_t *conf, co_topo_t **topo, int64_t interval_ms) {
  char err[256];
  const char *stores[] = {"s", NULL};
  *topo = co_topo_new("pu");
  assert_int_equal(co_topo_add_store(*topo, "s", 0, err, sizeof(err)), CO_OK);
  assert_int_equal(co_topo_add_processor(*topo, "p", "in", proc, NULL, stores, err, sizeof(err)), CO_OK);
  assert_int_equal(co_topo_add_punctuator(*topo, "nope", interval_ms, tick, NULL, err, sizeof(err)),
                   CO_ERR_INVALID_ARG);
  assert_int_equal(co_topo_add_punctuator(*topo, "p", interval_ms, tick, NULL, err, sizeof(err)), CO_OK);
  assert_int_equal(co_topo_add_punctuator(*topo, "p", interval_ms, tick, NULL, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_int_equal(co_topo_add_sink(*topo, "out", err, sizeof(err)), CO_OK);
  co_rt_t *rt = co_rt_new(conf, *topo, err, sizeof(err));
  if (!rt) fail_msg("%s", err);
  return rt;
}

static void rt_punctuator_runs_per_task_without_records(void **state) {
  (void)state;
  char err[256], sd[600], *dir = co_th_tmpdir("rt-punct");
  snprintf(sd, sizeof(sd), "%s/s", dir);
  co_conf_t *conf = co_conf_new();
  co_conf_set(conf, "state.dir", sd, CO_CONF_SRC_CLI, err, sizeof(err));
  co_conf_set(conf, "topic.partitions", "3", CO_CONF_SRC_CLI, err, sizeof(err));
  co_topo_t *topo;
  co_rt_t *rt = open_rt(conf, &topo, 3600 * 1000);
  assert_int_equal(co_rt_run_until_idle(rt, err, sizeof(err)), CO_OK);
  for (int p = 0; p < 3; p++) assert_int_equal(ticks(rt, p), 1);
  assert_int_equal(out_records(rt), 3);
  /* not due again within the hour */
  assert_int_equal(co_rt_run_until_idle(rt, err, sizeof(err)), CO_OK);
  for (int p = 0; p < 3; p++) assert_int_equal(ticks(rt, p), 1);
  co_rt_destroy(rt);
  co_topo_destroy(topo);

  /* a restart makes it due; a failing run leaves neither write nor send */
  fail_now = 1;
  rt = open_rt(conf, &topo, 3600 * 1000);
  assert_int_equal(co_rt_run_until_idle(rt, err, sizeof(err)), CO_OK);
  for (int p = 0; p < 3; p++) assert_int_equal(ticks(rt, p), 1);
  assert_int_equal(out_records(rt), 3);
  co_rt_destroy(rt);
  co_topo_destroy(topo);

  fail_now = 0;
  rt = open_rt(conf, &topo, 1);
  assert_true(CO_TH_WAIT_UNTIL((co_rt_run_until_idle(rt, err, sizeof(err)), ticks(rt, 0) >= 3), 10000));
  assert_int_equal(out_records(rt) - 3, ticks(rt, 0) + ticks(rt, 1) + ticks(rt, 2) - 3);
  co_rt_destroy(rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_punctuator_runs_per_task_without_records)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
