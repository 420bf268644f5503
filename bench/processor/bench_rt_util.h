/* bench_rt_util.h: Kafka plumbing for bench_runtime: the testapp's input
 * scheme, read_committed counting of topics, the raw passthrough baseline,
 * and the dedupe+count+forward topology run in-process. */
#ifndef BENCH_RT_UTIL_H
#define BENCH_RT_UTIL_H

#include <stdint.h>

#include "co_topo.h"

#include <sys/types.h>

double brt_now_s(void);
/* CPU seconds (user + system) used so far by pid, or by this process if 0. */
double brt_cpu_s(pid_t pid);
/* CPU seconds of one /proc/.../stat file, -1 if unreadable; comm (may be
 * NULL) gets the thread or process name. */
double brt_stat_cpu_s(const char *path, char *comm, size_t commsz);

/* Produces records [0, n) to topic with an idempotent producer. dup_every10:
 * the testapp scheme (keys k<id%100>, every 10th record repeats the previous
 * id); 0: every id unique. Exits on failure. */
void brt_produce(const char *brokers, const char *topic, long n, int dup_every10);

/* Reads topics (NULL-terminated, every partition from the beginning) with
 * read_committed until want records were seen, or, with want < 0, until every
 * partition is at its end. Returns the count; *first_s (may be NULL) gets the
 * time the first record arrived. Gives up after timeout_s. */
long brt_count(const char *brokers, const char *const *topics, long want, double timeout_s, double *first_s);

/* Polls (every 10 ms) the stable committed offsets of group on topic's
 * first parts partitions until they sum to want: under exactly-once that
 * is when the transaction holding the last input's outputs has committed.
 * Returns 0 when reached, -1 after timeout_s. */
int brt_wait_committed(const char *brokers, const char *group, const char *topic, int parts, long want,
                       double timeout_s);

/* The passthrough producer's settings ($BRT_A, or the runtime's producer
 * defaults). Static or environment storage: do not free. */
const char *brt_a_settings(void);

/* Baseline: one consumer (assign, from the beginning) and one idempotent
 * producer (brt_a_settings()) copying n records of in to out. Returns seconds taken until every
 * copy is acknowledged; *first_s gets the time the first record arrived. */
double brt_passthrough(const char *brokers, const char *in, const char *out, long n, double *first_s);

/* The topology of tests/processor/co_rt_testapp.c: "<app>-input" through a
 * dedupe TTL store and a per-key count store to "<app>-output". Caller frees
 * with co_topo_destroy. */
co_topo_t *brt_topology(const char *app_id);
/* When the latest brt_topology's processor first ran (brt_now_s), or 0. */
double brt_first_processed_s(void);

#endif
