/* co_topo.h: the topology API CareerOps processors are written against.
 *
 * A topology is a set of processors, each reading one source topic and
 * owning some state stores. A processor's callback sees one record at a time
 * through a context (co_ctx_t) that offers store reads and writes, sends to
 * any topic (a send with a new key to an intermediate topic is a repartition),
 * and the dead-letter queue. The runtime runs one task per source partition;
 * a task owns its own instance of each store of its processor.
 *
 * The same topology runs unchanged in Kafka mode and in embedded mode. Store
 * writes and sends of a record become visible atomically with the record's
 * input offset (exactly-once): all or nothing. If the callback fails, its
 * store writes and sends are discarded and the record is retried or goes to
 * the DLQ with the cause; processing continues with the next record.
 *
 * This module knows nothing of email. */
#ifndef CO_TOPO_H
#define CO_TOPO_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_topo_s co_topo_t;
typedef struct co_ctx_s co_ctx_t;

typedef struct co_hdr_s {
  const char *name;
  const void *value; /* may be NULL */
  size_t len;
} co_hdr_t;

/* A record as a processor sees it. All pointers are owned by the runtime and
 * valid only during the callback. */
typedef struct co_record_s {
  const char *topic;
  int32_t partition;
  int64_t offset;
  int64_t timestamp_ms;
  const void *key;
  size_t key_len;
  const void *value; /* NULL for a tombstone */
  size_t value_len;
  const co_hdr_t *hdrs;
  int hdr_cnt;
} co_record_t;

/* Error classes: how the runtime treats a failed callback. */
typedef enum {
  CO_PROC_OK = 0,
  CO_PROC_POISON,    /* the record itself is bad (bad JSON, oversize): DLQ at once */
  CO_PROC_RETRYABLE, /* a downstream failure: retry with backoff, DLQ after dlq.max.attempts */
} co_proc_rc_t;

/* Processor callback. On failure return POISON or RETRYABLE and write the
 * cause into errstr (it becomes the DLQ record's error message). */
typedef co_proc_rc_t (*co_proc_fn_t)(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr,
                                     size_t errstr_size);

#define CO_STORE_F_TTL 0x1 /* values carry an expiry (co_ctx_put ttl_ms) */

/* Creates an empty topology. app_id names the changelog topics
 * (<app_id>-<store>-changelog). Caller frees with co_topo_destroy. */
co_topo_t *co_topo_new(const char *app_id);
void co_topo_destroy(co_topo_t *topo);

/* The longest one attempt at one record may take (a processor that calls
 * a remote service inside the record: its timeouts), 0 (the default) when
 * records are quick. Kafka mode sizes transaction.timeout.ms from it: a
 * transaction lives one commit interval plus its last record (every
 * attempt and backoff of it), and the broker aborts one that lives longer
 * and fences the producer, which stops the instance. */
void co_topo_set_attempt_max_ms(co_topo_t *topo, int64_t ms);

/* Declares a store (name unique in the topology). */
co_err_t co_topo_add_store(co_topo_t *topo, const char *name, int flags, char *errstr, size_t errstr_size);

/* Declares a processor reading source_topic and using the named stores
 * (NULL-terminated list, each declared before). opaque is passed to fn and
 * not owned. One processor per source topic. */
co_err_t co_topo_add_processor(co_topo_t *topo, const char *name, const char *source_topic, co_proc_fn_t fn,
                               void *opaque, const char *const *stores, char *errstr, size_t errstr_size);

/* Declares a topic the topology sends to, so the runtime can make sure it
 * exists before processing (Kafka mode). */
co_err_t co_topo_add_sink(co_topo_t *topo, const char *topic, char *errstr, size_t errstr_size);

/* Periodic work of a processor that no record triggers (e.g. retrying
 * messages kept for later). The runtime calls fn once per running task of
 * processor proc, first right after the task starts, then about every
 * interval_ms, between records, in the task's transaction: the co_ctx_*
 * calls work as in a record callback (there is no current record:
 * co_ctx_send_dlq returns CO_ERR_STATE). A non-OK return rolls its writes
 * and sends back and is logged; it runs again at the next interval. One per
 * processor; opaque is not owned. */
typedef co_proc_rc_t (*co_punct_fn_t)(co_ctx_t *ctx, void *opaque, char *errstr, size_t errstr_size);
co_err_t co_topo_add_punctuator(co_topo_t *topo, const char *proc, int64_t interval_ms, co_punct_fn_t fn,
                                void *opaque, char *errstr, size_t errstr_size);

/* --- inside a callback --- */

/* Reads key from the task's instance of store (pending writes of this
 * transaction included). On CO_OK *val is malloc'd and NUL-terminated after
 * *vlen bytes; the caller frees. CO_ERR_NOT_FOUND if absent or expired. */
co_err_t co_ctx_get(co_ctx_t *ctx, const char *store, const void *key, size_t klen, void **val, size_t *vlen);
/* Writes key (copied). ttl_ms > 0 sets an expiry on TTL stores. Also logged
 * to the store's changelog in Kafka mode. */
co_err_t co_ctx_put(co_ctx_t *ctx, const char *store, const void *key, size_t klen, const void *val, size_t vlen,
                    int64_t ttl_ms);
co_err_t co_ctx_delete(co_ctx_t *ctx, const char *store, const void *key, size_t klen);

/* Calls cb for each entry whose key starts with prefix, in key order, until
 * cb returns non-zero. Pointers are valid only during cb. */
co_err_t co_ctx_scan(co_ctx_t *ctx, const char *store, const void *prefix, size_t plen,
                     int (*cb)(const void *key, size_t klen, const void *val, size_t vlen, void *opaque), void *opaque);

/* Sends a record to topic, partitioned by key (Kafka's murmur2, the same in
 * both modes). Everything is copied. Visible downstream only once the
 * current transaction commits. */
co_err_t co_ctx_send(co_ctx_t *ctx, const char *topic, const void *key, size_t klen, const void *val, size_t vlen,
                     const co_hdr_t *hdrs, int hdr_cnt);

/* Which try of this record the callback is (1 first) and the most the
 * runtime makes before the DLQ (dlq.max.attempts): a processor that can
 * degrade (e.g. store a partial result) does so on its last attempt. */
int co_ctx_attempt(const co_ctx_t *ctx);
int co_ctx_max_attempts(const co_ctx_t *ctx);

/* Sends the current record to the DLQ with err_class and cause (copied), in
 * this record's transaction, while the callback itself succeeds: for a
 * degraded result whose full version can be had later by a replay. */
co_err_t co_ctx_send_dlq(co_ctx_t *ctx, const char *err_class, const char *cause);

/* The record's task: partition number and a clock for TTLs. */
int32_t co_ctx_partition(const co_ctx_t *ctx);
int64_t co_ctx_now_ms(const co_ctx_t *ctx);

#endif
