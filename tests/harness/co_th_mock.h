/* co_th_mock.h: librdkafka's in-process mock cluster, for fast tests that
 * need Kafka semantics (partitions, groups, transactions, injected errors)
 * but no JVM. Not a real broker: behaviour that matters for production is
 * proven again against co_th_kafka.
 *
 * The mock brokers live on threads of a private rd_kafka_t the helper owns;
 * clients connect over TCP on 127.0.0.1 like to a real cluster. */
#ifndef CO_TH_MOCK_H
#define CO_TH_MOCK_H

#include <stddef.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include "co_err.h"

typedef struct co_th_mock_s co_th_mock_t;

/* Starts a mock cluster of nbrokers (1..16) brokers. NULL with errstr set on
 * failure. Caller frees with co_th_mock_stop after destroying its clients. */
co_th_mock_t *co_th_mock_start(int nbrokers, char *errstr, size_t errstr_size);

/* Stops the cluster and frees m. NULL is a no-op. */
void co_th_mock_stop(co_th_mock_t *m);

/* "127.0.0.1:p1,..."; owned by m. */
const char *co_th_mock_bootstrap(const co_th_mock_t *m);

/* The librdkafka mock handle, for fault injection
 * (rd_kafka_mock_broker_set_down, rd_kafka_mock_push_request_errors, ...).
 * Owned by m. */
rd_kafka_mock_cluster_t *co_th_mock_cluster(co_th_mock_t *m);

/* Creates a topic with explicit partitions and replication factor (the mock
 * would otherwise auto-create topics with its defaults on first use). */
co_err_t co_th_mock_create_topic(co_th_mock_t *m, const char *topic, int partitions, int rf, char *errstr,
                                 size_t errstr_size);

#endif
