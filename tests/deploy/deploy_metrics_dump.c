/* deploy_metrics_dump.c: prints the runtime's Prometheus metrics
 * (co_rt_metrics) after a tiny embedded pipeline processed a few records,
 * one of them poisoned, so every family has samples. check_deploy.py reads
 * the metric names from this output: the Grafana dashboard and the alert
 * rules may only name metrics the runtime really exports.
 * Usage: deploy_metrics_dump STATE_DIR (created, left for the caller). */
#include <stdio.h>
#include <string.h>

#include "co_rt.h"

static co_proc_rc_t fwd(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)opaque;
  if (rec->value_len == 6 && !memcmp(rec->value, "poison", 6)) {
    snprintf(errstr, sz, "poisoned on purpose");
    return CO_PROC_POISON;
  }
  co_ctx_send(ctx, "out", rec->key, rec->key_len, rec->value, rec->value_len, NULL, 0);
  return CO_PROC_OK;
}

int main(int argc, char **argv) {
  char err[512];
  int rc = 1;
  co_conf_t *conf = co_conf_new();
  co_topo_t *topo = co_topo_new("metrics");
  co_rt_t *rt = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s STATE_DIR\n", argv[0]);
    goto out;
  }
  if (co_conf_set(conf, "state.dir", argv[1], CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "topic.partitions", "2", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_topo_add_processor(topo, "fwd", "in", fwd, NULL, NULL, err, sizeof(err)) ||
      !(rt = co_rt_new(conf, topo, err, sizeof(err))))
    goto fail;
  co_rt_msg_t msgs[3] = {{"a", 1, "ok", 2, NULL, 0, NULL}, {"b", 1, "ok", 2, NULL, 0, NULL},
                         {"c", 1, "poison", 6, NULL, 0, NULL}};
  if (co_rt_append(rt, "in", msgs, 3, NULL, 0, err, sizeof(err)) || co_rt_run_until_idle(rt, err, sizeof(err)))
    goto fail;
  co_rt_metrics(rt, stdout);
  rc = 0;
  goto out;
fail:
  fprintf(stderr, "deploy_metrics_dump: %s\n", err);
out:
  co_rt_destroy(rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  return rc;
}
