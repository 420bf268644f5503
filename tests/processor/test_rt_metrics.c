/* Proves the runtime's metrics count what happened: records in/out per task,
 * lag before and after processing, commits and latency observations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_rt.h"
#include "co_th.h"

static co_proc_rc_t fwd(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)opaque, (void)errstr, (void)sz;
  co_ctx_send(ctx, "out", rec->key, rec->key_len, rec->value, rec->value_len, NULL, 0);
  return CO_PROC_OK;
}

/* Sum of the values of every sample line of metric `name`. */
static double msum(const char *text, const char *name) {
  double sum = 0;
  size_t n = strlen(name);
  for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
    if (!strncmp(p, name, n) && (p[n] == '{' || p[n] == ' ')) sum += atof(strchr(p + n, ' ') + 1);
  return sum;
}

static char *metrics(co_rt_t *rt) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  co_rt_metrics(rt, m);
  fclose(m);
  return buf;
}

static void rt_metrics_count_records_lag_and_commits(void **state) {
  (void)state;
  char err[256], sd[600], *dir = co_th_tmpdir("rt-metrics");
  snprintf(sd, sizeof(sd), "%s/s", dir);
  co_conf_t *conf = co_conf_new();
  co_conf_set(conf, "state.dir", sd, CO_CONF_SRC_CLI, err, sizeof(err));
  co_conf_set(conf, "topic.partitions", "2", CO_CONF_SRC_CLI, err, sizeof(err));
  co_topo_t *topo = co_topo_new("m");
  assert_int_equal(co_topo_add_processor(topo, "fwd", "in", fwd, NULL, NULL, err, sizeof(err)), CO_OK);
  co_rt_t *rt = co_rt_new(conf, topo, err, sizeof(err));
  assert_non_null(rt);
  co_rt_msg_t msgs[10];
  char keys[10][8];
  for (int i = 0; i < 10; i++) {
    snprintf(keys[i], sizeof(keys[i]), "k%d", i);
    msgs[i] = (co_rt_msg_t){keys[i], strlen(keys[i]), "v", 1, NULL, 0, NULL};
  }
  assert_int_equal(co_rt_append(rt, "in", msgs, 10, NULL, 0, err, sizeof(err)), CO_OK);
  char *m = metrics(rt);
  assert_true(msum(m, "careerops_consumer_lag") == 10);
  assert_true(msum(m, "careerops_records_in_total") == 0);
  free(m);
  assert_int_equal(co_rt_run_until_idle(rt, err, sizeof(err)), CO_OK);
  m = metrics(rt);
  assert_true(msum(m, "careerops_records_in_total") == 10);
  assert_true(msum(m, "careerops_records_out_total") == 10);
  assert_true(msum(m, "careerops_consumer_lag") == 0);
  assert_true(msum(m, "careerops_commits_total") >= 1);
  assert_true(msum(m, "careerops_processing_latency_ms_count") == 10);
  assert_true(msum(m, "careerops_dlq_records_total") == 0);
  free(m);
  co_rt_destroy(rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_metrics_count_records_lag_and_commits)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
