/* rt_kafka.h: drives co_rt_testapp instances against a real broker: input
 * production, output collection with read_committed, instance processes. */
#ifndef RT_KAFKA_H
#define RT_KAFKA_H

#include <sys/types.h>

#include "co_th_kafka.h"

#define RT_MAX_INST 8

typedef struct rt_env_s {
  co_th_kafka_t *k;
  char *app;     /* app.id, unique on the shared broker */
  char *dir;     /* temp dir: instance state dirs and logs */
  char input[256], output[256], dlq[256];
  pid_t pid[RT_MAX_INST];
  int restarts[RT_MAX_INST];
} rt_env_t;

/* Starts/reuses the 1-node broker and creates input/output topics (6 partitions). */
void rt_env_init(rt_env_t *e, const char *prefix);
void rt_env_fini(rt_env_t *e);
/* Produces inputs [from, to) of the testapp scheme to the input topic. */
void rt_produce(rt_env_t *e, long from, long to);
/* Produces one record with the given key and value. */
void rt_produce_one(rt_env_t *e, const char *key, const char *value);
/* Starts instance i (state dir <dir>/i<i>, static member id); extra env may be NULL. */
void rt_start(rt_env_t *e, int i, char *const *env);
void rt_kill(rt_env_t *e, int i, int sig);
/* Reads a topic with read_committed from the beginning until want records
 * were seen (or timeout), then to its end; returns "key value\n" lines
 * (malloc'd) and the count in *cnt. want < 0: just read to the end. */
char *rt_collect(rt_env_t *e, const char *topic, long want, int timeout_ms, long *cnt);
/* Input records the app's group has committed as processed (sum over partitions). */
long rt_progress(rt_env_t *e);
/* Runs "co_rt_testapp dump-counts" with state dir <dir>/<sub>; returns stdout. */
char *rt_dump_counts(rt_env_t *e, const char *sub);
/* Sum of "records" fields of "restored, running" log lines of instance i's log. */
long rt_restored(rt_env_t *e, const char *logname);

#endif
