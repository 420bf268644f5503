/* co_import_int.h: the Kafka-mode sink of `careerops import` (cmd_import.c
 * drives the readers; this is where the batches go when brokers are set). */
#ifndef CO_IMPORT_INT_H
#define CO_IMPORT_INT_H

#include "co_conf.h"
#include "co_rt.h"

typedef struct co_imp_kafka_s co_imp_kafka_t;

/* Opens a transactional producer whose transactional.id derives from
 * cursor_key (a second importer of the same source fences the first),
 * makes sure the compacted cursor topic "<app.id>-import-cursors" exists,
 * checks topic.raw and topic.dlq exist, and reads the committed cursor of
 * cursor_key into *cursor (-1 if none). Caller frees with
 * co_imp_kafka_close(); NULL with errstr set on failure. conf not owned. */
co_imp_kafka_t *co_imp_kafka_open(const co_conf_t *conf, const char *cursor_key, int64_t *cursor, char *errstr,
                                  size_t errstr_size);

/* Produces msgs (to msgs[i].topic or topic) and the cursor record in one
 * Kafka transaction: all or nothing, like co_rt_append in embedded mode. */
co_err_t co_imp_kafka_append(co_imp_kafka_t *k, const char *topic, const co_rt_msg_t *msgs, int cnt, int64_t cursor,
                             char *errstr, size_t errstr_size);

void co_imp_kafka_close(co_imp_kafka_t *k);

#endif
