/* co_kafka_admin.c: the one Admin API helper (co_kafka.h): create topics and
 * wait until the cluster's metadata lists them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_kafka.h"
#include "co_log.h"
#include "co_time.h"

/* 1 when metadata lists topic with partitions, 0 when not (yet). */
static int listed(const struct rd_kafka_metadata *md, const char *topic) {
  for (int j = 0; j < md->topic_cnt; j++)
    if (!strcmp(md->topics[j].topic, topic)) return !md->topics[j].err && md->topics[j].partition_cnt > 0;
  return 0;
}

/* Waits until every topic of the list is in the cluster's metadata. */
static co_err_t wait_listed(rd_kafka_t *rk, const co_kafka_topic_t *topics, int cnt, int timeout_ms, char *errstr,
                            size_t sz) {
  for (int64_t deadline = co_time_mono_ms() + timeout_ms;;) {
    const struct rd_kafka_metadata *md = NULL;
    int seen = 0;
    if (!rd_kafka_metadata(rk, 1, NULL, &md, 5000)) {
      for (int i = 0; i < cnt; i++) seen += listed(md, topics[i].name);
      rd_kafka_metadata_destroy(md);
    }
    if (seen == cnt) return CO_OK;
    if (co_time_mono_ms() >= deadline)
      return co_seterr(errstr, sz, CO_ERR_TIMEOUT, "created topics not visible in cluster metadata after %d ms",
                       timeout_ms);
    struct timespec ts = {0, 100 * 1000000L};
    nanosleep(&ts, NULL);
  }
}

co_err_t co_kafka_create_topics(rd_kafka_t *rk, const co_conf_t *conf, const co_kafka_topic_t *topics, int cnt,
                                int timeout_ms, int *result, char *errstr, size_t sz) {
  char err[256], misr[24];
  int rf = (int)co_conf_int(conf, "topic.replication.factor");
  snprintf(misr, sizeof(misr), "%lld", (long long)co_conf_int(conf, "topic.min.insync.replicas"));
  rd_kafka_NewTopic_t **nt = calloc((size_t)(cnt > 0 ? cnt : 1), sizeof(*nt));
  if (!nt) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  co_err_t rc = CO_OK;
  rd_kafka_queue_t *q = NULL;
  rd_kafka_AdminOptions_t *o = NULL;
  rd_kafka_event_t *ev = NULL;
  for (int i = 0; i < cnt; i++) {
    if (result) result[i] = -1;
    if (!(nt[i] = rd_kafka_NewTopic_new(topics[i].name, topics[i].partitions, rf, err, sizeof(err)))) {
      rc = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "topic %s: %s", topics[i].name, err);
      goto out;
    }
    if (topics[i].compact) rd_kafka_NewTopic_set_config(nt[i], "cleanup.policy", "compact");
    if (strcmp(misr, "0")) rd_kafka_NewTopic_set_config(nt[i], "min.insync.replicas", misr);
  }
  q = rd_kafka_queue_new(rk);
  o = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
  rd_kafka_AdminOptions_set_operation_timeout(o, timeout_ms, err, sizeof(err));
  rd_kafka_AdminOptions_set_request_timeout(o, timeout_ms, err, sizeof(err));
  rd_kafka_CreateTopics(rk, nt, (size_t)cnt, o, q);
  if (!(ev = rd_kafka_queue_poll(q, timeout_ms + 5000))) {
    rc = co_seterr(errstr, sz, CO_ERR_TIMEOUT, "creating topics: no answer from the brokers in %d ms", timeout_ms);
    goto out;
  }
  if (rd_kafka_event_error(ev)) {
    rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "creating topics: %s", rd_kafka_event_error_string(ev));
    goto out;
  }
  size_t n = 0;
  const rd_kafka_topic_result_t **res = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &n);
  for (size_t i = 0; i < n; i++) {
    rd_kafka_resp_err_t e = rd_kafka_topic_result_error(res[i]);
    const char *name = rd_kafka_topic_result_name(res[i]);
    int idx = -1;
    for (int k = 0; k < cnt; k++)
      if (!strcmp(topics[k].name, name)) idx = k;
    if (e && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
      if (!rc)
        rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create topic %s: %s", name,
                       rd_kafka_topic_result_error_string(res[i]) ? rd_kafka_topic_result_error_string(res[i])
                                                                  : rd_kafka_err2str(e));
      continue;
    }
    if (result && idx >= 0) result[idx] = !e;
    if (!e) CO_LOGKV(CO_LOG_INFO, "kafka", "topic created", "topic", name);
  }
  if (!rc) rc = wait_listed(rk, topics, cnt, timeout_ms, errstr, sz);
out:
  if (ev) rd_kafka_event_destroy(ev);
  if (o) rd_kafka_AdminOptions_destroy(o);
  if (q) rd_kafka_queue_destroy(q);
  for (int i = 0; i < cnt; i++)
    if (nt[i]) rd_kafka_NewTopic_destroy(nt[i]);
  free(nt);
  return rc;
}
