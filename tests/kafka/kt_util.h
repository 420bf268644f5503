/* kt_util.h: small librdkafka client helpers shared by the tests in
 * tests/kafka (real broker and mock cluster alike). They fail the running
 * cmocka test on any client error, so the tests read as their scenario. */
#ifndef KT_UTIL_H
#define KT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <librdkafka/rdkafka.h>

/* Delivery-report tally; pass as the producer's opaque (kt_producer does).
 * msg_opaque of each message is its index (see kt_produce). */
typedef struct kt_dr_s {
  int ok, failed;
  rd_kafka_resp_err_t last_err;
  int32_t *partition; /* partition[index] of delivered messages, -1 before; may be NULL */
  int cap;
} kt_dr_t;

/* Producer on bootstrap with extra settings ("name", "value", ..., NULL). */
rd_kafka_t *kt_producer(const char *bootstrap, kt_dr_t *dr, const char *const *extra);

/* Consumer with auto.offset.reset=earliest. librdkafka's assign() also
 * needs a group.id, so a NULL group gets a unique one (nothing is committed
 * unless the caller enables it). */
rd_kafka_t *kt_consumer(const char *bootstrap, const char *group, const char *const *extra);

/* Produces one message (copied) with msg_opaque = index, polling through a
 * full local queue. Returns the produce error (0 on success). */
rd_kafka_resp_err_t kt_produce(rd_kafka_t *rk, const char *topic, int32_t partition, const char *key,
                               const char *value, int index);

/* Flushes and serves delivery reports until none are outstanding or
 * timeout_ms passes; returns the number still outstanding. */
int kt_flush(rd_kafka_t *rk, int timeout_ms);

/* Parses the number after the last '-' of a key like "key-000123"; -1 if none. */
int kt_key_index(const void *key, size_t len);

#endif
