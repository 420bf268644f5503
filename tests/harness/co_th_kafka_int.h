/* co_th_kafka_int.h: co_th_kafka_t internals, shared by co_th_kafka.c
 * (JVM lifecycle) and co_th_kafka_admin.c (librdkafka admin calls). */
#ifndef CO_TH_KAFKA_INT_H
#define CO_TH_KAFKA_INT_H

#include <sys/types.h>

#include "co_th_kafka.h"

#define CO_TH_KAFKA_MAX_NODES 3

typedef struct co_th_kafka_node_s {
  int id;         /* node.id = index + 1 */
  int port;       /* PLAINTEXT listener */
  int ctl_port;   /* CONTROLLER listener */
  char *dir;      /* <cluster dir>/node<id>, owned */
  char *props;    /* server.properties path, owned */
  char *log4j;    /* log4j.properties path, owned */
  char *log;      /* server.log path (log4j writes it), owned */
  char *out;      /* JVM stdout+stderr, owned */
  pid_t pid;      /* -1 when not running */
} co_th_kafka_node_t;

struct co_th_kafka_s {
  int nodes;
  int shared;      /* reused fixture broker: nothing to kill or remove */
  char *dir;       /* cluster directory, owned (NULL when shared) */
  char *libs;      /* Kafka jars directory, owned */
  char *bootstrap; /* owned */
  char cluster_id[23];
  co_th_kafka_node_t node[CO_TH_KAFKA_MAX_NODES];
};

/* What the kafka1 fixture records about the shared broker (key=value lines). */
typedef struct co_th_kafka_state_s {
  char bootstrap[256];
  pid_t watchdog; /* co_th_kafkactl process that owns the JVM */
  pid_t jvm;
  char dir[1024]; /* the broker's directory */
} co_th_kafka_state_t;

/* 0 when path held a complete state. */
int co_th_kafka_state_read(const char *path, co_th_kafka_state_t *st);
/* Writes to path.tmp then renames, so readers never see half a file. */
int co_th_kafka_state_write(const char *path, const co_th_kafka_state_t *st);
/* 1 while pid exists and is not a zombie. */
int co_th_kafka_pid_running(pid_t pid);
/* 1 when the cluster answers a metadata request within timeout_ms. */
int co_th_kafka_answers(co_th_kafka_t *k, int timeout_ms);

#endif
