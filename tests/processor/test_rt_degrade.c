/* Proves a processor can degrade on its last attempt: the runtime tells it
 * which try it is, it stores a partial result and sends the record to the
 * DLQ itself (co_ctx_send_dlq), both in the record's transaction, and the
 * records after it flow on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_rt.h"
#include "co_th.h"

static int tries_seen[8];

/* Key "flaky" fails (RETRYABLE) until the last attempt, then degrades. */
static co_proc_rc_t proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)opaque;
  int a = co_ctx_attempt(ctx), max = co_ctx_max_attempts(ctx);
  if (rec->key_len == 5 && !memcmp(rec->key, "flaky", 5)) {
    if (a >= 1 && a < 8) tries_seen[a]++;
    if (a < max) {
      snprintf(errstr, sz, "upstream down (try %d)", a);
      return CO_PROC_RETRYABLE;
    }
    if (co_ctx_put(ctx, "s", "flaky", 5, "partial", 7, 0)) return CO_PROC_RETRYABLE;
    if (co_ctx_send_dlq(ctx, "degraded", "upstream down: stored a partial result")) return CO_PROC_RETRYABLE;
    return CO_PROC_OK;
  }
  if (co_ctx_put(ctx, "s", rec->key, rec->key_len, "full", 4, 0)) return CO_PROC_RETRYABLE;
  return CO_PROC_OK;
}

typedef struct {
  int n;
  char cls[64], cause[128], attempts[16];
} dlq_seen_t;

static int on_dlq(const co_record_t *rec, void *opaque) {
  dlq_seen_t *d = opaque;
  d->n++;
  for (int i = 0; i < rec->hdr_cnt; i++) {
    char *dst = !strcmp(rec->hdrs[i].name, "co.dlq.error.class")  ? d->cls
                : !strcmp(rec->hdrs[i].name, "co.dlq.error.message") ? d->cause
                : !strcmp(rec->hdrs[i].name, "co.dlq.attempts")   ? d->attempts
                                                                   : NULL;
    if (dst) snprintf(dst, 64, "%.*s", (int)rec->hdrs[i].len, (const char *)rec->hdrs[i].value);
  }
  return 0;
}

static void rt_processor_degrades_on_last_attempt_and_dlqs_itself(void **state) {
  (void)state;
  char err[256], sd[600], *dir = co_th_tmpdir("rt-degrade");
  snprintf(sd, sizeof(sd), "%s/s", dir);
  co_conf_t *conf = co_conf_new();
  co_conf_set(conf, "state.dir", sd, CO_CONF_SRC_CLI, err, sizeof(err));
  co_conf_set(conf, "topic.partitions", "1", CO_CONF_SRC_CLI, err, sizeof(err));
  co_conf_set(conf, "dlq.max.attempts", "3", CO_CONF_SRC_CLI, err, sizeof(err));
  co_conf_set(conf, "retry.backoff.ms", "1", CO_CONF_SRC_CLI, err, sizeof(err));
  co_topo_t *topo = co_topo_new("d");
  const char *stores[] = {"s", NULL};
  assert_int_equal(co_topo_add_store(topo, "s", 0, err, sizeof(err)), CO_OK);
  assert_int_equal(co_topo_add_processor(topo, "p", "in", proc, NULL, stores, err, sizeof(err)), CO_OK);
  co_rt_t *rt = co_rt_new(conf, topo, err, sizeof(err));
  assert_non_null(rt);
  co_rt_msg_t msgs[3] = {{"a", 1, "1", 1, NULL, 0, NULL}, {"flaky", 5, "2", 1, NULL, 0, NULL},
                         {"b", 1, "3", 1, NULL, 0, NULL}};
  assert_int_equal(co_rt_append(rt, "in", msgs, 3, NULL, 0, err, sizeof(err)), CO_OK);
  assert_int_equal(co_rt_run_until_idle(rt, err, sizeof(err)), CO_OK);
  assert_int_equal(tries_seen[1], 1);
  assert_int_equal(tries_seen[2], 1);
  assert_int_equal(tries_seen[3], 1);
  assert_int_equal(tries_seen[4], 0);
  void *v;
  size_t vl;
  const char *want[][2] = {{"a", "full"}, {"flaky", "partial"}, {"b", "full"}};
  for (int i = 0; i < 3; i++) {
    assert_int_equal(co_rt_store_get(rt, "s", 0, want[i][0], strlen(want[i][0]), &v, &vl), CO_OK);
    assert_int_equal(vl, strlen(want[i][1]));
    assert_memory_equal(v, want[i][1], vl);
    free(v);
  }
  dlq_seen_t d = {0};
  char dlq[128];
  snprintf(dlq, sizeof(dlq), "%s", co_conf_str(conf, "topic.dlq"));
  co_rt_read(rt, dlq, 0, 0, on_dlq, &d);
  assert_int_equal(d.n, 1);
  assert_string_equal(d.cls, "degraded");
  assert_non_null(strstr(d.cause, "partial result"));
  assert_string_equal(d.attempts, "3");
  co_rt_destroy(rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_processor_degrades_on_last_attempt_and_dlqs_itself)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
