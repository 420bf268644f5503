/* co_th_kafka.h: real Apache Kafka (3.9.1, KRaft) clusters for tests.
 *
 * A cluster is 1 or 3 combined broker+controller JVMs on 127.0.0.1, each in
 * a fresh directory under $CO_TEST_TMPDIR, on ports picked at start. The jars
 * come from scripts/fetch-kafka.sh (Maven Central, cached outside the tree);
 * $CO_KAFKA_LIBS overrides where they are.
 *
 * Starting a JVM costs seconds, so a CTest fixture (kafka1: see
 * tests/harness/README.md) keeps one shared 1-node broker for the whole run.
 * co_th_kafka_start(1, ...) reuses it when $CO_TEST_BOOTSTRAP is set or the
 * fixture's state file exists; tests on it must use their own topic, group
 * and transactional id names (co_th_kafka_unique_name).
 *
 * Every JVM a handle starts is a child of the calling process that the kernel
 * kills if that process dies (co_th_spawn), so a crashed or timed-out test
 * leaves no broker behind. Not thread-safe: one thread drives a handle. */
#ifndef CO_TH_KAFKA_H
#define CO_TH_KAFKA_H

#include <stddef.h>
#include <sys/types.h>

#include "co_err.h"

typedef struct co_th_kafka_s co_th_kafka_t;

/* Returns a ready cluster of `nodes` (1 or 3) nodes: every node has logged
 * "Kafka Server started" and a topic with replication factor `nodes` could be
 * created. nodes == 1 reuses the shared broker when there is one. NULL with
 * errstr set on failure (the node log's tail is printed to stderr). Caller
 * frees with co_th_kafka_stop. */
co_th_kafka_t *co_th_kafka_start(int nodes, char *errstr, size_t errstr_size);

/* Like co_th_kafka_start but never reuses the shared broker. */
co_th_kafka_t *co_th_kafka_start_fresh(int nodes, char *errstr, size_t errstr_size);

/* Kills every node this handle started (SIGKILL: the data is thrown away) and
 * removes their directories, unless $CO_TH_KEEP is set. A shared
 * broker is left running. NULL is a no-op. */
void co_th_kafka_stop(co_th_kafka_t *k);

/* "127.0.0.1:p1,127.0.0.1:p2,..."; owned by k. */
const char *co_th_kafka_bootstrap(const co_th_kafka_t *k);
int co_th_kafka_node_count(const co_th_kafka_t *k);
/* 1 when k is the shared broker (kill/restart are then refused). */
int co_th_kafka_is_shared(const co_th_kafka_t *k);
/* The node's broker id (node.id): idx + 1. */
int co_th_kafka_node_id(const co_th_kafka_t *k, int idx);
/* JVM pid of node idx, or -1 when it is not running or not ours. */
pid_t co_th_kafka_node_pid(const co_th_kafka_t *k, int idx);
/* 1 while node idx's JVM is running (reaps it if it exited). */
int co_th_kafka_node_alive(co_th_kafka_t *k, int idx);

/* Creates a topic through librdkafka's Admin API and waits until metadata
 * shows every partition with a leader. configs: "name", "value", ..., NULL,
 * or NULL. rf <= 0 means the node count. Retries while the cluster answers
 * with retriable errors, for up to 60 s. */
co_err_t co_th_kafka_create_topic(co_th_kafka_t *k, const char *topic, int partitions, int rf,
                                  const char *const *configs, char *errstr, size_t errstr_size);

/* Index of the node leading topic/partition per current metadata, or -1
 * (errstr set) if there is none within timeout_ms. */
int co_th_kafka_leader(co_th_kafka_t *k, const char *topic, int partition, int timeout_ms,
                       char *errstr, size_t errstr_size);

/* Number of in-sync replicas of topic/partition per current metadata, or -1. */
int co_th_kafka_isr_count(co_th_kafka_t *k, const char *topic, int partition, char *errstr,
                          size_t errstr_size);

/* SIGKILLs node idx and reaps it. */
co_err_t co_th_kafka_kill_node(co_th_kafka_t *k, int idx, char *errstr, size_t errstr_size);

/* Starts node idx again on its old ports and data and waits until it has
 * logged "Kafka Server started" again (up to 90 s). */
co_err_t co_th_kafka_restart_node(co_th_kafka_t *k, int idx, char *errstr, size_t errstr_size);

/* Prints the last `lines` lines of node idx's server log to stderr, framed,
 * so a failing test shows what the broker said without flooding the output. */
void co_th_kafka_log_tail(const co_th_kafka_t *k, int idx, int lines);

/* "<prefix>-<pid>-<ms>-<counter>": unique within this machine's test run, for
 * topics, group ids and transactional ids on the shared broker. malloc'd,
 * caller frees. */
char *co_th_kafka_unique_name(const char *prefix);

/* Reads topic from the beginning with isolation.level=read_committed (as
 * consumer group `group`, offsets never committed) until every partition hits
 * EOF, for up to 60 s. Returns the record count, or -1 on error or when some
 * partition did not reach EOF in time. distinct (may be NULL) gets the number
 * of distinct payloads (by XXH64), 0 when the count is not positive. */
long co_th_kafka_count_committed(const char *bootstrap, const char *topic, const char *group, long *distinct);

/* Sum of the high watermarks of topic's partitions 0..parts-1, or -1: a cheap
 * progress probe (counts uncommitted records and transaction markers). rk is
 * the caller's rd_kafka_t. */
struct rd_kafka_s;
long long co_th_kafka_hw_sum(struct rd_kafka_s *rk, const char *topic, int parts);

/* The state file where the kafka1 fixture records the shared broker:
 * $CO_BINARY_DIR/kafka-shared.state, or NULL when CO_BINARY_DIR is unset.
 * malloc'd, caller frees. */
char *co_th_kafka_shared_state_path(void);

#endif
