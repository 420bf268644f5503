/* co_kafka.h: the runtime's public Kafka seam, for the modules that talk to
 * Kafka beside the stream runtime (the ingest sink, the corrections and token
 * producers, `careerops topics`): one client-config builder with one error
 * rule and one produce helper, so that every client of the project is set up
 * the same way. Implemented in co_rt_kafka*.c; the rest of the runtime stays
 * internal (co_rt_int.h is private to processor/). */
#ifndef CO_KAFKA_H
#define CO_KAFKA_H

#include <librdkafka/rdkafka.h>
#include <stddef.h>

#include "co_conf.h"
#include "co_err.h"
#include "co_rt.h"

/* Builds a librdkafka conf from brokers + kafka.* settings (caller owns it). */
rd_kafka_conf_t *co_rt_kafka_conf(const co_conf_t *conf, char *errstr, size_t sz);
/* As co_rt_kafka_conf, with defaults (NULL-terminated name, value pairs, may
 * be NULL) set before the user's kafka.* so the user's settings win. */
rd_kafka_conf_t *co_rt_kafka_conf_defaults(const co_conf_t *conf, const char *const *defaults, char *errstr, size_t sz);
/* Produces one record (copied) with producer; waits while its queue is full. */
co_err_t co_rt_kafka_produce(rd_kafka_t *producer, const char *topic, int32_t partition, const void *key, size_t klen,
                             const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr, size_t sz);

/* A topic to create: name, partition count, and whether it is compacted
 * (changelogs, cursors, tokens) rather than deleted by retention. */
typedef struct co_kafka_topic_s {
  const char *name;
  int partitions;
  int compact;
} co_kafka_topic_t;

/* Creates each of topics[0..cnt) that does not exist yet, with the
 * topic.replication.factor and topic.min.insync.replicas settings of conf,
 * then waits until cluster metadata lists every one of them (a consumer that
 * subscribes before that is not assigned the topic until its next metadata
 * refresh). rk is any client of the cluster (not owned). result (may be NULL;
 * cnt entries) gets 1 for created, 0 for already there, -1 for refused.
 * CO_ERR_KAFKA names the first topic the broker refused; CO_ERR_TIMEOUT when
 * the brokers do not answer within timeout_ms. */
co_err_t co_kafka_create_topics(rd_kafka_t *rk, const co_conf_t *conf, const co_kafka_topic_t *topics, int cnt,
                                int timeout_ms, int *result, char *errstr, size_t sz);

#endif
