/* co_th_kafka_admin.c: what tests ask a running cluster, through librdkafka:
 * create a topic, find a partition's leader, count its in-sync replicas.
 *
 * Design: every call makes its own short-lived client, so a handle carries
 * no librdkafka state across node kills. Calls retry with a short backoff
 * inside one deadline while the cluster is still settling (a 3-node quorum
 * accepts a replication factor of 3 only once all brokers registered). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <librdkafka/rdkafka.h>

#include "co_th.h"
#include "co_th_kafka_int.h"

#define CREATE_TIMEOUT_MS 60000

/* A quiet producer-type client for admin and metadata calls. */
static rd_kafka_t *admin_client(const co_th_kafka_t *k, char *errstr, size_t sz) {
  char e[256];
  rd_kafka_t *rk;
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  if (rd_kafka_conf_set(conf, "bootstrap.servers", k->bootstrap, e, sizeof(e)) ||
      rd_kafka_conf_set(conf, "log_level", "2", e, sizeof(e)) ||
      rd_kafka_conf_set(conf, "allow.auto.create.topics", "false", e, sizeof(e))) {
    rd_kafka_conf_destroy(conf);
    co_seterr(errstr, sz, CO_ERR_KAFKA, "admin conf: %s", e);
    return NULL;
  }
  if (!(rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, e, sizeof(e)))) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "admin client: %s", e);
    return NULL; /* rd_kafka_new destroyed conf */
  }
  return rk;
}

/* Errors a cluster gives while it is still starting or electing. */
static int settling(rd_kafka_resp_err_t e) {
  switch (e) {
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
    case RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_NOT_CONTROLLER:
    case RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR:
    case RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
    case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS:
      return 1;
    default:
      return 0;
  }
}

/* One CreateTopics round trip; returns the topic's error code. */
static rd_kafka_resp_err_t create_once(rd_kafka_t *rk, const char *topic, int partitions, int rf,
                                       const char *const *configs, char *emsg, size_t esz) {
  rd_kafka_NewTopic_t *nt = NULL;
  rd_kafka_AdminOptions_t *opts = NULL;
  rd_kafka_queue_t *q = NULL;
  rd_kafka_event_t *ev = NULL;
  rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__FAIL;
  const rd_kafka_topic_result_t **res;
  size_t cnt = 0;

  if (!(nt = rd_kafka_NewTopic_new(topic, partitions, rf, emsg, esz))) goto err;
  for (int i = 0; configs && configs[i] && configs[i + 1]; i += 2)
    if ((err = rd_kafka_NewTopic_set_config(nt, configs[i], configs[i + 1]))) {
      snprintf(emsg, esz, "config %s: %s", configs[i], rd_kafka_err2str(err));
      goto err;
    }
  opts = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
  rd_kafka_AdminOptions_set_request_timeout(opts, 15000, NULL, 0);
  rd_kafka_AdminOptions_set_operation_timeout(opts, 10000, NULL, 0);
  q = rd_kafka_queue_new(rk);
  rd_kafka_CreateTopics(rk, &nt, 1, opts, q);
  if (!(ev = rd_kafka_queue_poll(q, 30000))) {
    err = RD_KAFKA_RESP_ERR__TIMED_OUT;
    snprintf(emsg, esz, "no CreateTopics result");
    goto err;
  }
  if ((err = rd_kafka_event_error(ev))) {
    snprintf(emsg, esz, "%s", rd_kafka_event_error_string(ev));
    goto err;
  }
  res = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &cnt);
  err = cnt == 1 ? rd_kafka_topic_result_error(res[0]) : RD_KAFKA_RESP_ERR__FAIL;
  if (err) snprintf(emsg, esz, "%s", cnt == 1 && rd_kafka_topic_result_error_string(res[0])
                                         ? rd_kafka_topic_result_error_string(res[0])
                                         : rd_kafka_err2str(err));
err:
  if (ev) rd_kafka_event_destroy(ev);
  if (q) rd_kafka_queue_destroy(q);
  if (opts) rd_kafka_AdminOptions_destroy(opts);
  if (nt) rd_kafka_NewTopic_destroy(nt);
  return err;
}

/* Fetches metadata for one topic; caller frees *mdp with rd_kafka_metadata_destroy. */
static rd_kafka_resp_err_t topic_md(rd_kafka_t *rk, const char *topic, const rd_kafka_metadata_topic_t **tp,
                                    const struct rd_kafka_metadata **mdp) {
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 0, rkt, mdp, 5000);
  rd_kafka_topic_destroy(rkt);
  if (err) return err;
  if ((*mdp)->topic_cnt != 1) return RD_KAFKA_RESP_ERR__FAIL;
  *tp = &(*mdp)->topics[0];
  return (*tp)->err;
}

/* 1 when every partition of topic has a leader. */
static int all_led(rd_kafka_t *rk, const char *topic, int partitions) {
  const struct rd_kafka_metadata *md = NULL;
  const rd_kafka_metadata_topic_t *t = NULL;
  int ok = 0;
  if (!topic_md(rk, topic, &t, &md) && t->partition_cnt == partitions) {
    ok = 1;
    for (int i = 0; i < t->partition_cnt; i++)
      if (t->partitions[i].err || t->partitions[i].leader < 0) ok = 0;
  }
  if (md) rd_kafka_metadata_destroy(md);
  return ok;
}

co_err_t co_th_kafka_create_topic(co_th_kafka_t *k, const char *topic, int partitions, int rf,
                                  const char *const *configs, char *errstr, size_t sz) {
  char emsg[512] = "";
  int64_t deadline = co_th_now_ms() + CREATE_TIMEOUT_MS;
  rd_kafka_resp_err_t kerr;
  co_err_t err = CO_OK;
  rd_kafka_t *rk = admin_client(k, errstr, sz);
  int delay = 100;
  if (!rk) return CO_ERR_KAFKA;
  if (rf <= 0) rf = k->nodes;
  for (int attempt = 0;; attempt++) {
    kerr = create_once(rk, topic, partitions, rf, configs, emsg, sizeof(emsg));
    /* a retry after a lost reply may find the first attempt's topic */
    if (!kerr || (kerr == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS && attempt > 0)) break;
    if (!settling(kerr) || co_th_now_ms() > deadline) {
      err = co_seterr(errstr, sz, CO_ERR_KAFKA, "create topic %s: %s (%s)", topic, rd_kafka_err2name(kerr), emsg);
      goto err;
    }
    co_th_sleep_ms(delay);
    if (delay < 1000) delay *= 2;
  }
  if (!CO_TH_WAIT_UNTIL(all_led(rk, topic, partitions), deadline - co_th_now_ms()))
    err = co_seterr(errstr, sz, CO_ERR_TIMEOUT, "topic %s created but its partitions have no leaders", topic);
err:
  rd_kafka_destroy(rk);
  return err;
}

/* Leader broker id of topic/partition, or -1. */
static int leader_id(rd_kafka_t *rk, const char *topic, int partition, int *isr_cnt) {
  const struct rd_kafka_metadata *md = NULL;
  const rd_kafka_metadata_topic_t *t = NULL;
  int id = -1;
  if (!topic_md(rk, topic, &t, &md))
    for (int i = 0; i < t->partition_cnt; i++)
      if (t->partitions[i].id == partition && !t->partitions[i].err) {
        id = t->partitions[i].leader;
        if (isr_cnt) *isr_cnt = t->partitions[i].isr_cnt;
      }
  if (md) rd_kafka_metadata_destroy(md);
  return id;
}

int co_th_kafka_leader(co_th_kafka_t *k, const char *topic, int partition, int timeout_ms, char *errstr,
                       size_t sz) {
  rd_kafka_t *rk = admin_client(k, errstr, sz);
  int id = -1;
  if (!rk) return -1;
  if (!CO_TH_WAIT_UNTIL((id = leader_id(rk, topic, partition, NULL)) >= 0, timeout_ms))
    co_seterr(errstr, sz, CO_ERR_TIMEOUT, "%s [%d] has no leader after %d ms", topic, partition, timeout_ms);
  rd_kafka_destroy(rk);
  return id >= 0 ? id - 1 : -1;
}

int co_th_kafka_isr_count(co_th_kafka_t *k, const char *topic, int partition, char *errstr, size_t sz) {
  rd_kafka_t *rk = admin_client(k, errstr, sz);
  int cnt = -1;
  if (!rk) return -1;
  if (leader_id(rk, topic, partition, &cnt) < 0) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "%s [%d]: no metadata", topic, partition);
    cnt = -1;
  }
  rd_kafka_destroy(rk);
  return cnt;
}

/* Used by the shared-broker path: 1 when the cluster answers a metadata
 * request within timeout_ms. */
int co_th_kafka_answers(co_th_kafka_t *k, int timeout_ms) {
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_t *rk = admin_client(k, NULL, 0);
  int ok;
  if (!rk) return 0;
  ok = rd_kafka_metadata(rk, 0, NULL, &md, timeout_ms) == RD_KAFKA_RESP_ERR_NO_ERROR && md->broker_cnt > 0;
  if (md) rd_kafka_metadata_destroy(md);
  rd_kafka_destroy(rk);
  return ok;
}
