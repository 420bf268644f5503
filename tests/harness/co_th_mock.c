/* co_th_mock.c: mock cluster helper (see co_th_mock.h).
 *
 * Design: rd_kafka_mock_cluster_new needs an rd_kafka_t to run on; the
 * helper makes a private producer handle for that and never produces with
 * it, so tests' own clients stay independent of the cluster's lifetime
 * except that they must be destroyed before co_th_mock_stop. */
#include "co_th_mock.h"

#include <stdlib.h>
#include <string.h>

#include <librdkafka/rdkafka.h>

struct co_th_mock_s {
  rd_kafka_t *rk; /* hosts the mock brokers */
  rd_kafka_mock_cluster_t *mc;
  char *bootstrap;
};

co_th_mock_t *co_th_mock_start(int nbrokers, char *errstr, size_t sz) {
  char e[256];
  co_th_mock_t *m = NULL;
  rd_kafka_conf_t *conf = NULL;
  if (nbrokers < 1 || nbrokers > 16) {
    co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "nbrokers must be 1..16, not %d", nbrokers);
    return NULL;
  }
  if (!(m = calloc(1, sizeof(*m)))) goto nomem;
  conf = rd_kafka_conf_new();
  if (rd_kafka_conf_set(conf, "log_level", "3", e, sizeof(e))) goto conf_err;
  if (!(m->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, e, sizeof(e)))) {
    conf = NULL; /* freed by rd_kafka_new */
    co_seterr(errstr, sz, CO_ERR_KAFKA, "mock host client: %s", e);
    goto err;
  }
  conf = NULL;
  if (!(m->mc = rd_kafka_mock_cluster_new(m->rk, nbrokers))) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "rd_kafka_mock_cluster_new(%d) failed", nbrokers);
    goto err;
  }
  if (!(m->bootstrap = strdup(rd_kafka_mock_cluster_bootstraps(m->mc)))) goto nomem;
  return m;
conf_err:
  co_seterr(errstr, sz, CO_ERR_KAFKA, "mock conf: %s", e);
  goto err;
nomem:
  co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
err:
  if (conf) rd_kafka_conf_destroy(conf);
  co_th_mock_stop(m);
  return NULL;
}

void co_th_mock_stop(co_th_mock_t *m) {
  if (!m) return;
  if (m->mc) rd_kafka_mock_cluster_destroy(m->mc);
  if (m->rk) rd_kafka_destroy(m->rk);
  free(m->bootstrap);
  free(m);
}

const char *co_th_mock_bootstrap(const co_th_mock_t *m) { return m->bootstrap; }

rd_kafka_mock_cluster_t *co_th_mock_cluster(co_th_mock_t *m) { return m->mc; }

co_err_t co_th_mock_create_topic(co_th_mock_t *m, const char *topic, int partitions, int rf, char *errstr,
                                 size_t sz) {
  rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(m->mc, topic, partitions, rf);
  if (err) return co_seterr(errstr, sz, CO_ERR_KAFKA, "mock topic %s: %s", topic, rd_kafka_err2str(err));
  return CO_OK;
}
