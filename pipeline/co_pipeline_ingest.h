/* co_pipeline_ingest.h: mail sources feeding topic.raw, exactly once, in
 * either mode.
 *
 * A sink is where one source's batches go: the embedded log (co_rt_append:
 * records and cursor in one atomic write) or Kafka (a transactional producer
 * per source; records and the cursor record in one transaction, the cursor
 * kept in the compacted topic "<app.id>-ingest-cursors", read back with
 * read_committed when the sink opens). Either way a crash loses nothing
 * committed and replays nothing committed.
 *
 * A source set runs one thread per configured source: every folder of every
 * IMAP account (one connection each: IDLE watches one folder) and every
 * Gmail account, from the `accounts:` list of the config file
 * (co_ingest_accounts.h), plus the single-account imap.* settings when
 * imap.url is set (account = the "account" setting). docs/ingest.md has the
 * details; `careerops run` (embedded) and `careerops ingest` (Kafka) start
 * one. */
#ifndef CO_PIPELINE_INGEST_H
#define CO_PIPELINE_INGEST_H

#include <stdint.h>

#include "co_conf.h"
#include "co_err.h"
#include "co_ingest_accounts.h"
#include "co_rt.h"

/* ---- sinks --------------------------------------------------------------- */
/* Header of a raw record that ingest could not parse: the cause. Every
 * source (this one, co_pipeline_import_mbox) sets it; the classify processor
 * reads it and sends the record to the DLQ with that cause. */
#define CO_PL_HDR_INGEST_ERROR "co.ingest.error"

typedef struct co_pipeline_sink_s co_pipeline_sink_t;

/* Opens a sink for the source named cursor_key (at most ~240 bytes; longer
 * keys are hashed). rt non-NULL: the embedded log (rt not owned, must
 * outlive the sink). rt NULL: Kafka (brokers from conf): a transactional
 * producer whose transactional.id derives from cursor_key, so opening a
 * sink fences an older writer of the same source and aborts its open
 * transaction before the cursor is read; topic.raw and topic.dlq must exist
 * and the cursor topic is created if missing. conf not owned. Caller frees
 * with co_pipeline_sink_close(); NULL with errstr on failure. */
co_pipeline_sink_t *co_pipeline_sink_open(const co_conf_t *conf, co_rt_t *rt, const char *cursor_key, char *errstr,
                                          size_t errstr_size);
/* The committed cursor of the source, -1 when none. */
int64_t co_pipeline_sink_cursor(const co_pipeline_sink_t *s);
/* Appends msgs (to msgs[i].topic, or topic) and sets the cursor to cursor,
 * all or nothing. On error nothing was written (Kafka: the transaction was
 * aborted; a fenced or failed producer makes every later call fail, so the
 * caller should close and reopen the sink, which re-reads the truth). */
co_err_t co_pipeline_sink_append(co_pipeline_sink_t *s, const char *topic, const co_rt_msg_t *msgs, int cnt,
                                 int64_t cursor, char *errstr, size_t errstr_size);
/* NULL is a no-op. */
void co_pipeline_sink_close(co_pipeline_sink_t *s);

/* ---- imports of a path (co_pipeline_import_path.c) ------------------------- */

typedef struct co_pipeline_import_progress_s {
  uint64_t imported, skipped; /* messages so far */
  uint64_t pos, total_bytes;  /* mbox: byte position and size (0 when unknown) */
  int final;                  /* the last call */
} co_pipeline_import_progress_t;
/* Called at most every 250 ms and once at the end, on the importing thread. */
typedef void (*co_pipeline_import_progress_fn)(void *opaque, const co_pipeline_import_progress_t *p);

typedef struct co_pipeline_import_result_s {
  char kind[16];                    /* "mbox", "maildir" or "eml" */
  uint64_t imported, skipped, failed; /* new events, already imported before, sent to the DLQ */
  int reread, still_unreadable;     /* files unreadable before: now imported, still not */
  char first_error[512];            /* why the first still-unreadable file failed */
} co_pipeline_import_result_t;

/* Imports the mbox file, Maildir or .eml folder at real (a resolved path)
 * for account (NULL or "": the "account" setting), exactly once: rt an
 * embedded runtime (the CLI's own, or a running pipeline's: safe beside its
 * processing thread), NULL for Kafka (brokers from conf). progress may be
 * NULL. *res is filled also on error (what was written before it stays).
 * CO_ERR_IO when real cannot be opened. */
co_err_t co_pipeline_import_path(const co_conf_t *conf, co_rt_t *rt, const char *real, const char *account,
                                 co_pipeline_import_progress_fn progress, void *opaque,
                                 co_pipeline_import_result_t *res, char *errstr, size_t sz);

/* ---- the watched drop folder (co_pipeline_watch.c) -------------------------- */
typedef struct co_pipeline_watch_s co_pipeline_watch_t;
/* Starts watching import.watch.dir (conf, rt as co_pipeline_import_path;
 * both must outlive the watch). NULL with errstr "" when the setting is
 * empty, NULL with errstr set when the folder is not one. */
co_pipeline_watch_t *co_pipeline_watch_start(const co_conf_t *conf, co_rt_t *rt, char *errstr, size_t sz);
/* Stops the thread (after the file being imported) and frees. NULL is a no-op. */
void co_pipeline_watch_stop(co_pipeline_watch_t *w);

/* ---- source sets ---------------------------------------------------------- */
typedef struct co_pipeline_ingest_s co_pipeline_ingest_t;

typedef struct co_pipeline_ingest_stats_s {
  int64_t appended;  /* records committed to topic.raw, malformed included */
  int64_t malformed; /* of those, not mail (DLQ'd downstream with the cause) */
  int64_t syncs;     /* syncs finished, with or without error */
  int64_t errors;    /* syncs or sink operations that failed (retried) */
  int64_t imap_appended, gmail_appended;
  int64_t down_waits; /* IMAP waits that ended without a connection (server
                      * unreachable; the source keeps reconnecting) */
} co_pipeline_ingest_stats_t;

/* Builds the sources of accts (may be NULL) and, when imap.url is set, of
 * the imap.* settings; checks every setting; does not connect. rt: as for
 * co_pipeline_sink_open (NULL = Kafka). conf, rt not owned; accts may be
 * freed after the call. NULL with errstr on failure (CO_ERR_CONFIG names
 * the account). Caller frees with co_pipeline_ingest_destroy(). */
co_pipeline_ingest_t *co_pipeline_ingest_new(const co_conf_t *conf, co_rt_t *rt, const co_ingest_accounts_t *accts,
                                             char *errstr, size_t errstr_size);
/* Number of sources (0: nothing configured). */
int co_pipeline_ingest_count(const co_pipeline_ingest_t *ing);
/* One sync of every source in turn on the caller's thread (not while the
 * threads run); stops at the first error. *appended gets the records
 * committed by this call. */
co_err_t co_pipeline_ingest_sync(co_pipeline_ingest_t *ing, int64_t *appended, char *errstr, size_t errstr_size);
/* Starts one thread per source. Failures inside a thread are logged and
 * retried with backoff (1 s doubling to 30 s); they never stop the thread. */
co_err_t co_pipeline_ingest_start(co_pipeline_ingest_t *ing, char *errstr, size_t errstr_size);
/* Asks every thread to stop (seen within about 0.5 s); async-signal-safe. */
void co_pipeline_ingest_stop(co_pipeline_ingest_t *ing);
/* Thread-safe sums over all sources. */
void co_pipeline_ingest_stats(co_pipeline_ingest_t *ing, co_pipeline_ingest_stats_t *out);
/* Stops and joins the threads, logs out, frees. NULL is a no-op. */
void co_pipeline_ingest_destroy(co_pipeline_ingest_t *ing);

#endif
