/* co_pipeline_ingest_sink.c: where a source's batches go (see
 * co_pipeline_ingest.h): the embedded log, or Kafka with one transactional
 * producer per source.
 *
 * Kafka: each batch of events, its DLQ records and the source cursor are
 * produced in one transaction. The cursor lives in a compacted topic,
 * <app.id>-ingest-cursors (key: the source, value: its cursor as decimal
 * text), read back with read_committed when the sink opens, so a killed
 * writer resumes exactly where its last committed transaction ended. The
 * transactional.id is derived from the source key, so init_transactions()
 * fences an earlier writer of the same source and aborts its open
 * transaction before the cursor is read. The cursor is then kept in memory:
 * this sink is the source's only writer until someone fences it, and a
 * fenced sink fails every later append (the caller reopens it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "co_pipeline_ingest.h"
#include "co_kafka.h"
#include "co_time.h"

#define CO_PL_SINK_TIMEOUT_MS 60000

struct co_pipeline_sink_s {
  co_rt_t *rt;           /* embedded mode */
  rd_kafka_t *producer;  /* Kafka mode */
  char cursor_topic[300];
  char *cursor_key;
  int64_t cursor;        /* last committed value, -1: none */
};

/* Creates the cursor topic if missing (already existing is fine): one
 * partition, compacted (only each key's last cursor matters). */
static co_err_t sink_cursor_topic(co_pipeline_sink_t *k, const co_conf_t *conf, char *errstr, size_t sz) {
  const co_kafka_topic_t topic = {k->cursor_topic, 1, 1};
  return co_kafka_create_topics(k->producer, conf, &topic, 1, CO_PL_SINK_TIMEOUT_MS, NULL, errstr, sz);
}

static co_err_t sink_topic_exists(rd_kafka_t *rk, const char *topic, char *errstr, size_t sz) {
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, rkt, &md, 15000);
  co_err_t rc = CO_OK;
  if (e)
    rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "metadata for %s: %s", topic, rd_kafka_err2str(e));
  else if (md->topic_cnt != 1 || md->topics[0].err || md->topics[0].partition_cnt < 1)
    rc = co_seterr(errstr, sz, CO_ERR_NOT_FOUND, "topic %s does not exist: run `careerops topics create` first", topic);
  if (md) rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(rkt);
  return rc;
}

/* Last committed cursor value for k->cursor_key, or -1. */
static co_err_t sink_read_cursor(co_pipeline_sink_t *k, const co_conf_t *conf, int64_t *cursor, char *errstr, size_t sz) {
  char err[256], gid[300];
  rd_kafka_conf_t *kc = co_rt_kafka_conf(conf, errstr, sz);
  if (!kc) return CO_ERR_CONFIG;
  snprintf(gid, sizeof(gid), "%s-ingest-cursor-reader", co_conf_str(conf, "app.id"));
  rd_kafka_conf_set(kc, "group.id", gid, err, sizeof(err));
  rd_kafka_conf_set(kc, "isolation.level", "read_committed", err, sizeof(err));
  rd_kafka_conf_set(kc, "enable.partition.eof", "true", err, sizeof(err));
  rd_kafka_conf_set(kc, "enable.auto.commit", "false", err, sizeof(err));
  rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, kc, err, sizeof(err));
  if (!c) {
    rd_kafka_conf_destroy(kc);
    return co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create consumer: %s", err);
  }
  rd_kafka_poll_set_consumer(c);
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(l, k->cursor_topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(c, l);
  rd_kafka_topic_partition_list_destroy(l);
  co_err_t rc = co_seterr(errstr, sz, CO_ERR_TIMEOUT, "reading %s timed out", k->cursor_topic);
  size_t klen = strlen(k->cursor_key);
  *cursor = -1;
  for (int64_t deadline = co_time_mono_ms() + CO_PL_SINK_TIMEOUT_MS; co_time_mono_ms() < deadline;) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 500);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      rd_kafka_message_destroy(m);
      rc = CO_OK;
      break;
    }
    if (!m->err && m->key_len == klen && !memcmp(m->key, k->cursor_key, klen) && m->payload && m->len < 32) {
      char v[32];
      memcpy(v, m->payload, m->len);
      v[m->len] = '\0';
      *cursor = strtoll(v, NULL, 10);
    } else if (m->err && m->err != RD_KAFKA_RESP_ERR__TRANSPORT) {
      rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "reading %s: %s", k->cursor_topic, rd_kafka_message_errstr(m));
      rd_kafka_message_destroy(m);
      break;
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(c);
  rd_kafka_destroy(c);
  return rc;
}

co_pipeline_sink_t *co_pipeline_sink_open(const co_conf_t *conf, co_rt_t *rt, const char *cursor_key, char *errstr,
                                          size_t sz) {
  char err[256], txid[300];
  co_pipeline_sink_t *k = calloc(1, sizeof(*k));
  rd_kafka_conf_t *kc = NULL;
  rd_kafka_error_t *ke;
  if (!k) goto nomem;
  /* The runtime's meta keys hold at most ~290 bytes: long keys go by hash. */
  size_t kl = strlen(cursor_key);
  if (kl < 240)
    k->cursor_key = strdup(cursor_key);
  else if ((k->cursor_key = malloc(48)))
    snprintf(k->cursor_key, 48, "xxh64:%016llx", (unsigned long long)XXH64(cursor_key, kl, 0));
  if (!k->cursor_key) goto nomem;
  if (rt) {
    k->rt = rt;
    k->cursor = co_rt_cursor(rt, k->cursor_key);
    return k;
  }
  snprintf(k->cursor_topic, sizeof(k->cursor_topic), "%s-ingest-cursors", co_conf_str(conf, "app.id"));
  snprintf(txid, sizeof(txid), "%s-ingest-%016llx", co_conf_str(conf, "app.id"),
           (unsigned long long)XXH64(k->cursor_key, strlen(k->cursor_key), 0));
  if (!(kc = co_rt_kafka_conf(conf, errstr, sz))) goto err;
  if (rd_kafka_conf_set(kc, "transactional.id", txid, err, sizeof(err)) ||
      rd_kafka_conf_set(kc, "partitioner", "murmur2_random", err, sizeof(err)) ||
      rd_kafka_conf_set(kc, "linger.ms", "5", err, sizeof(err)) ||
      /* A missing topic is an error here, not a broker-default topic. */
      rd_kafka_conf_set(kc, "allow.auto.create.topics", "false", err, sizeof(err))) {
    co_seterr(errstr, sz, CO_ERR_CONFIG, "producer settings: %s", err);
    goto err;
  }
  if (!(k->producer = rd_kafka_new(RD_KAFKA_PRODUCER, kc, err, sizeof(err)))) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create producer: %s", err);
    goto err;
  }
  kc = NULL;
  if ((ke = rd_kafka_init_transactions(k->producer, CO_PL_SINK_TIMEOUT_MS))) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "init_transactions: %s", rd_kafka_error_string(ke));
    rd_kafka_error_destroy(ke);
    goto err;
  }
  if (sink_topic_exists(k->producer, co_conf_str(conf, "topic.raw"), errstr, sz) ||
      sink_topic_exists(k->producer, co_conf_str(conf, "topic.dlq"), errstr, sz) ||
      sink_cursor_topic(k, conf, errstr, sz) || sink_read_cursor(k, conf, &k->cursor, errstr, sz))
    goto err;
  return k;
nomem:
  co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
err:
  if (kc) rd_kafka_conf_destroy(kc);
  co_pipeline_sink_close(k);
  return NULL;
}

int64_t co_pipeline_sink_cursor(const co_pipeline_sink_t *k) { return k->cursor; }

co_err_t co_pipeline_sink_append(co_pipeline_sink_t *k, const char *topic, const co_rt_msg_t *msgs, int cnt,
                                 int64_t cursor, char *errstr, size_t sz) {
  rd_kafka_error_t *ke;
  co_err_t err = CO_OK;
  char v[32];
  if (k->rt) {
    if (!(err = co_rt_append(k->rt, topic, msgs, cnt, k->cursor_key, cursor, errstr, sz))) k->cursor = cursor;
    return err;
  }
  if ((ke = rd_kafka_begin_transaction(k->producer))) goto kerr;
  for (int i = 0; i < cnt && !err; i++)
    err = co_rt_kafka_produce(k->producer, msgs[i].topic ? msgs[i].topic : topic, -1, msgs[i].key, msgs[i].key_len,
                              msgs[i].value, msgs[i].value_len, msgs[i].hdrs, msgs[i].hdr_cnt, errstr, sz);
  snprintf(v, sizeof(v), "%lld", (long long)cursor);
  if (!err)
    err = co_rt_kafka_produce(k->producer, k->cursor_topic, 0, k->cursor_key, strlen(k->cursor_key), v, strlen(v), NULL,
                              0, errstr, sz);
  if (err) {
    if ((ke = rd_kafka_abort_transaction(k->producer, CO_PL_SINK_TIMEOUT_MS))) rd_kafka_error_destroy(ke);
    return err;
  }
  if (!(ke = rd_kafka_commit_transaction(k->producer, CO_PL_SINK_TIMEOUT_MS))) {
    k->cursor = cursor;
    return CO_OK;
  }
kerr:
  err = co_seterr(errstr, sz, CO_ERR_KAFKA, "transaction: %s", rd_kafka_error_string(ke));
  if (rd_kafka_error_txn_requires_abort(ke)) {
    rd_kafka_error_t *ae = rd_kafka_abort_transaction(k->producer, CO_PL_SINK_TIMEOUT_MS);
    if (ae) rd_kafka_error_destroy(ae);
  }
  rd_kafka_error_destroy(ke);
  return err;
}

void co_pipeline_sink_close(co_pipeline_sink_t *k) {
  if (!k) return;
  if (k->producer) rd_kafka_destroy(k->producer);
  free(k->cursor_key);
  free(k);
}
