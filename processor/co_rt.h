/* co_rt.h: the CareerOps stream runtime: runs a topology in Kafka mode
 * (consumer group, one task per source partition, changelogs, transactions)
 * or in embedded mode (one process, a durable local log in RocksDB).
 *
 * Threading: co_rt_run() processes on the calling thread. co_rt_stop() may
 * be called from a signal handler or any thread. co_rt_append() may be
 * called from another thread in embedded mode (it takes the runtime lock).
 * This module knows nothing of email. */
#ifndef CO_RT_H
#define CO_RT_H

#include <stdint.h>
#include <stdio.h>

#include "co_conf.h"
#include "co_topo.h"

typedef struct co_rt_s co_rt_t;

/* Creates a runtime for topo (not owned; must outlive the runtime). Reads
 * brokers, app.id, state.dir, processing.guarantee, commit.interval.ms,
 * topic.partitions, dlq.* and kafka.* / rocksdb.* from conf (not owned).
 * Opens the state DB. Caller frees with co_rt_destroy. */
co_rt_t *co_rt_new(const co_conf_t *conf, co_topo_t *topo, char *errstr, size_t errstr_size);

/* Processes until co_rt_stop(); then commits the in-flight transaction,
 * flushes, leaves the group and returns CO_OK. */
co_err_t co_rt_run(co_rt_t *rt, char *errstr, size_t errstr_size);

/* Asks co_rt_run to finish (async-signal-safe). */
void co_rt_stop(co_rt_t *rt);

/* Runs until every source partition is caught up (embedded mode only) and
 * nothing is pending, then returns. For tests and one-shot imports. */
co_err_t co_rt_run_until_idle(co_rt_t *rt, char *errstr, size_t errstr_size);

void co_rt_destroy(co_rt_t *rt);

/* 1 when the instance owns tasks and none is restoring (embedded: always).
 * Safe to call from any thread; the answer may be a moment old. */
int co_rt_ready(const co_rt_t *rt);

/* 1 in embedded mode. */
int co_rt_embedded(const co_rt_t *rt);

/* Appends records to a topic from outside the topology (a source such as
 * an importer). In embedded mode the records and the optional source cursor
 * (meta key -> value) are written in one atomic batch: exactly-once ingest.
 * In Kafka mode use a transactional producer instead; returns UNSUPPORTED. */
typedef struct co_rt_msg_s {
  const void *key;
  size_t key_len;
  const void *value;
  size_t value_len;
  const co_hdr_t *hdrs;
  int hdr_cnt;
  const char *topic; /* NULL: the topic given to co_rt_append */
} co_rt_msg_t;
co_err_t co_rt_append(co_rt_t *rt, const char *topic, const co_rt_msg_t *msgs, int cnt, const char *cursor_key,
                      int64_t cursor_value, char *errstr, size_t errstr_size);
/* Committed value of a source cursor, or -1. */
int64_t co_rt_cursor(co_rt_t *rt, const char *cursor_key);

/* Reads committed records of an embedded-mode topic partition from offset;
 * calls cb for each until it returns non-zero. Returns the next offset. */
int64_t co_rt_read(co_rt_t *rt, const char *topic, int32_t partition, int64_t from,
                   int (*cb)(const co_record_t *rec, void *opaque), void *opaque);

/* Reads a committed value from a task's store (embedded or locally owned
 * partition). partition -1: look the key's partition up by murmur2. */
co_err_t co_rt_store_get(co_rt_t *rt, const char *store, int32_t partition, const void *key, size_t klen, void **val,
                         size_t *vlen);

/* Number of partitions of source topics. */
int co_rt_partitions(const co_rt_t *rt);

/* Kafka's default partitioner (murmur2, positive), so both modes agree. */
int32_t co_rt_partition_for(const void *key, size_t klen, int32_t partition_cnt);

/* Writes runtime metrics in Prometheus text format. */
void co_rt_metrics(co_rt_t *rt, FILE *out);

/* ---- partition owners (co_rt_owners.c) -----------------------------------
 * Which instance owns a key, read from the consumer group (members'
 * client.id "careerops@<url>" and assignments). Thread-safe; answers cached
 * about a second. Embedded mode: always local. */
typedef struct co_rt_owners_s co_rt_owners_t;
/* client.id to give the runtime's consumer so others find url. */
void co_rt_owners_client_id(const char *url, char *buf, size_t size);
/* rt not owned (must outlive it); self_url copied. NULL on out of memory. */
co_rt_owners_t *co_rt_owners_new(co_rt_t *rt, const char *self_url);
void co_rt_owners_destroy(co_rt_owners_t *o);
/* Drops the cache (after a failed forward: the partition may have moved). */
void co_rt_owners_invalidate(co_rt_owners_t *o);
/* URL of the instance owning partition murmur2(key) of topic into url;
 * *is_local = 1 when that is this instance. CO_ERR_NOT_FOUND: unassigned
 * (rebalance in progress); CO_ERR_KAFKA: group not describable. */
co_err_t co_rt_owner_url(co_rt_owners_t *o, const char *topic, const void *key, size_t klen, char *url,
                         size_t url_size, int *is_local, char *errstr, size_t errstr_size);
/* The same for a partition number; url may be NULL. */
co_err_t co_rt_partition_owner(co_rt_owners_t *o, const char *topic, int32_t partition, char *url, size_t url_size,
                               int *is_local, char *errstr, size_t errstr_size);
/* URLs of every member (this one included); free with co_rt_urls_free. */
co_err_t co_rt_member_urls(co_rt_owners_t *o, char ***urls, int *cnt, char *errstr, size_t errstr_size);
void co_rt_urls_free(char **urls, int cnt);

#endif
