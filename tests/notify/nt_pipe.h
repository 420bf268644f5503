/* nt_pipe.h: helpers for the notify-processor tests, which run the whole
 * embedded pipeline (import an mbox, classify, notify) against fake_hook. */
#ifndef NT_PIPE_H
#define NT_PIPE_H

#include "co_conf.h"
#include "co_notify.h"
#include "co_pipeline.h"
#include "fake_hook.h"

/* nt_conf (channels on fh; only those named in channels, e.g.
 * "slack,whatsapp,webhook") plus state.dir = dir and extras, finalized.
 * Caller destroys. */
co_conf_t *nt_pipe_conf(fh_t *fh, const char *dir, const char *channels, const char *wa_token,
                        const char *const *extra);

/* Opens the pipeline (fails the test on error). */
co_pipeline_t *nt_pipe_open(const co_conf_t *conf);
/* Imports path (account "me") and runs until idle; fails the test on error. */
void nt_pipe_import_run(co_pipeline_t *p, const char *path);

/* $CO_SOURCE_DIR/data/sample/inbox.mbox (static buffer). */
const char *nt_sample_mbox(void);
/* Writes dir/<name> holding n interview invitations numbered from first
 * (distinct companies and Message-IDs); returns the malloc'd path. */
char *nt_write_mbox(const char *dir, const char *name, int first, int n);

/* The distinct idempotency keys of every committed notification for
 * channel ch, into keys (malloc'd array of 65-byte strings; caller frees);
 * returns how many. */
int nt_pipe_keys(co_pipeline_t *p, const co_conf_t *conf, co_notify_ch_t ch, char (**keys)[65]);

#endif
