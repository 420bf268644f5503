/* co_dlq.h: operating the dead-letter queue: list its records and replay
 * them to their source topic once the cause is fixed. A replay writes the
 * original record (key, value, headers without co.dlq.*) to its source
 * topic and a marker record to the DLQ in one transaction (Kafka) or one
 * atomic batch (embedded), so a record is replayed at most once per replay
 * request and never lost.
 *
 * Embedded mode opens the local state, so the pipeline must not be running
 * (the API of a running instance offers the same operations). */
#ifndef CO_DLQ_H
#define CO_DLQ_H

#include <stdio.h>

#include "co_conf.h"

typedef struct co_rt_s co_rt_t;

/* One DLQ record as listed. Strings are owned by the lister, valid during the callback. */
typedef struct co_dlq_entry_s {
  char id[48]; /* "<partition>:<offset>" in the DLQ */
  const char *key;
  size_t key_len;
  const char *value;
  size_t value_len;
  const char *source_topic, *error_class, *error_message, *processor;
  long long source_partition, source_offset, attempts, first_seen_ms;
  int replayed;  /* a marker for this id exists */
  int dismissed; /* set aside by the person: kept, listed, not replayed in bulk */
  /* An import that could not read a file (source_topic "import", class io): the file
   * and the import's cursor key ("" when not recorded). */
  const char *source_path, *import_cursor;
} co_dlq_entry_t;

/* Filter: NULL/"" for all, or "field=value" with field one of id, class,
 * topic, processor, or "text=<substring of the error message>". */
co_err_t co_dlq_filter_check(const char *filter, char *errstr, size_t errstr_size);

/* Calls cb for each DLQ record matching filter (markers excluded). */
co_err_t co_dlq_foreach(const co_conf_t *conf, const char *filter,
                        int (*cb)(const co_dlq_entry_t *e, void *opaque), void *opaque, char *errstr,
                        size_t errstr_size);

/* Prints matching records, one JSON object per line, to out; dismissed
 * records only when all != 0. */
co_err_t co_dlq_list(const co_conf_t *conf, const char *filter, int all, FILE *out, char *errstr,
                     size_t errstr_size);

/* Replays matching records not yet replayed; *cnt gets how many. A
 * dismissed record is replayed only by an "id=" filter naming it. */
co_err_t co_dlq_replay(const co_conf_t *conf, const char *filter, int *cnt, char *errstr, size_t errstr_size);

/* Re-reading the source of an import failure (source_topic "import",
 * error_class "io": a file that could not be read). Replaying such a record copies nothing
 * (there are no bytes to copy): the replayer calls this function, which
 * reads the file at path again and returns in *value (malloc'd, freed by
 * the replayer) what goes to topic.raw for account: the normalized event,
 * or, if the bytes do not normalize, the raw bytes with *ingest_error
 * (malloc'd) set (sent with a co.ingest.error header, so the classifier
 * dead-letters them with the cause). CO_ERR_IO when the file still cannot
 * be read: the record then stays in the DLQ, not replayed. */
typedef co_err_t (*co_dlq_reread_fn)(const co_conf_t *conf, const char *account, const char *path, char **value,
                                     size_t *value_len, char **ingest_error, char *errstr, size_t errstr_size);
/* Sets the process's re-reader (NULL: import failures are left unreplayed
 * and counted as unreadable). Call before any replay thread starts. */
void co_dlq_set_reread(co_dlq_reread_fn fn);

typedef struct co_dlq_replay_stats_s {
  int replayed;   /* records replayed (each has its marker now) */
  int appended;   /* of those, import failures re-read and appended to topic.raw */
  int unreadable; /* import failures whose file still cannot be read (left in the DLQ) */
  int dismissed;  /* letters dismissed (co_dlq_dismiss_rt) */
  char first_error[512]; /* why the first of those could not be read */
} co_dlq_replay_stats_t;

/* co_dlq_replay with figures: rt an open embedded runtime whose log is used
 * (NULL: open the state, or Kafka); import_cursor non-NULL: only the import
 * failures recorded under that cursor key (an import retrying its own). */
co_err_t co_dlq_replay_ex(const co_conf_t *conf, co_rt_t *rt, const char *filter, const char *import_cursor,
                          co_dlq_replay_stats_t *st, char *errstr, size_t errstr_size);

/* The same from inside a running process: in embedded mode rt's local log
 * is read and appended to (the state is already open); in Kafka mode these
 * behave as co_dlq_foreach / co_dlq_replay. rt is not owned. */
co_err_t co_dlq_foreach_rt(co_rt_t *rt, const co_conf_t *conf, const char *filter,
                           int (*cb)(const co_dlq_entry_t *e, void *opaque), void *opaque, char *errstr,
                           size_t errstr_size);
co_err_t co_dlq_replay_rt(co_rt_t *rt, const co_conf_t *conf, const char *filter, int *cnt, char *errstr,
                          size_t errstr_size);

/* Dismisses the matching records neither replayed nor dismissed yet: a
 * marker per record in the DLQ (one transaction in Kafka mode, one batch
 * embedded); the records stay and are listed with "dismissed". rt as in
 * co_dlq_replay_ex (NULL: open the state, or Kafka). *cnt gets how many. */
co_err_t co_dlq_dismiss_rt(co_rt_t *rt, const co_conf_t *conf, const char *filter, int *cnt, char *errstr,
                           size_t errstr_size);

#endif
