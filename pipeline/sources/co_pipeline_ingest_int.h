/* co_pipeline_ingest_int.h: a source set's internals, shared by the
 * runner (co_pipeline_ingest.c) and its builder (co_pipeline_ingest_conf.c). */
#ifndef CO_PIPELINE_INGEST_INT_H
#define CO_PIPELINE_INGEST_INT_H

#include <pthread.h>
#include <stdatomic.h>

#include "co_ingest_gmail.h"
#include "co_ingest_imap.h"
#include "co_pipeline_ingest.h"

#define CO_PL_SRC_BATCH 64

typedef struct co_pl_src_s {
  struct co_pipeline_ingest_s *ing;
  co_ingest_acct_type_t kind;
  char *account; /* key of the events */
  char *ckey;    /* cursor key: names user, server and folder, never secrets */
  char *label;   /* for logs: "imap work/INBOX", "gmail personal" */
  co_ingest_imap_t *imap;
  co_ingest_gmail_t *gmail;
  co_pipeline_sink_t *sink; /* opened at the first sync; reopened after a failure */
  int poll_ms;              /* Gmail: time between syncs */
  pthread_t thr;
  int started;
  atomic_llong appended, malformed, syncs, errors, down_waits;
  /* the batch being built during a sync (source thread only) */
  co_rt_msg_t msgs[CO_PL_SRC_BATCH];
  char *vals[CO_PL_SRC_BATCH], *errs[CO_PL_SRC_BATCH];
  co_hdr_t hdrs[CO_PL_SRC_BATCH];
  int cnt;
  int64_t batch_cursor;
  co_err_t cb_err;
  char cb_errstr[512];
} co_pl_src_t;

struct co_pipeline_ingest_s {
  const co_conf_t *conf;
  co_rt_t *rt; /* NULL: Kafka sinks */
  const char *topic;
  size_t max_body;
  atomic_int stop;
  co_pl_src_t *src;
  int cnt;
};

#endif
