/* co_pipeline_int.h: pipeline internals shared by its source files. */
#ifndef CO_PIPELINE_INT_H
#define CO_PIPELINE_INT_H

#include <jansson.h>

#include "co_classify.h"
#include "co_llm.h"
#include "co_pipeline.h"

#define CO_PL_STORE_DEDUPE "dedupe"
#define CO_PL_STORE_APPS "applications"
/* notify processor: idempotency marks, and messages kept for a paused channel. */
#define CO_PL_STORE_NOTIFY_SENT "notify_sent"
#define CO_PL_STORE_NOTIFY_PENDING "notify_pending"
typedef struct co_pl_notify_s co_pl_notify_t;
/* Folded manual corrections, per application key (co_pipeline_corrections.c). */
#define CO_PL_STORE_CORRECTIONS "corrections"
/* Characters of the email body a research task carries. */
#define CO_PL_RESEARCH_TEXT_CHARS 2000
/* Header of a raw record that ingest could not parse: the cause. */
#define CO_PL_HDR_INGEST_ERROR "co.ingest.error"
/* Keys in the applications store that are not applications start with
 * \x1e (below any printable byte, so they never match an account prefix). */
#define CO_PL_IDX_ACCOUNTS \
  "\x1e"                   \
  "accounts" /* per partition: JSON array of accounts */
#define CO_PL_IDX_APPS \
  "\x1e"               \
  "apps\x1f" /* + account: JSON array of application keys */
#define CO_PL_IDX_THREAD \
  "\x1e"                 \
  "thread\x1f" /* + account \x1f message id: application key */

struct co_pipeline_s {
  const co_conf_t *conf;
  co_classify_model_t *model;
  co_llm_chain_t *llm; /* NULL unless llm.providers is set */
  co_topo_t *topo;
  co_rt_t *rt;
  const char *t_raw, *t_classified, *t_research, *t_notify, *t_dlq;
  const char *t_corrections;
  int64_t dedupe_ttl_ms;
  co_pl_notify_t *notify; /* co_pipeline_notify.c */
};

/* co_pipeline_classify.c: the "classify" processor (opaque = the pipeline). */
co_proc_rc_t co_pl_classify_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t errstr_size);
/* co_pipeline_apps.c: folds one classified event into the applications
 * store; *app_key_out (malloc'd, caller frees) names the application or is
 * NULL when the event creates none (OTHER, no company). */
co_err_t co_pl_apps_update(co_ctx_t *ctx, const char *account, json_t *classified, char **app_key_out, char *errstr,
                           size_t errstr_size);

/* co_pipeline_corrections.c: the "corrections" processor (opaque = the
 * pipeline) folds correction records into the corrections store. */
co_proc_rc_t co_pl_corrections_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr,
                                    size_t errstr_size);
/* Applies the account's folded corrections to the stored application app
 * (key app_key, same partition part): returns a new reference to the
 * corrected object, or NULL when the application is hidden (not job-related
 * or merged into another). Emails and stages of applications merged into
 * this one are folded in. */
json_t *co_pl_corrections_overlay(co_pipeline_t *p, int32_t part, const char *app_key, json_t *app);

/* co_pipeline_notify.c: declares the "notify" processor on topic.notifications
 * and its stores; p->notify is set even on failure (free it with
 * co_pl_notify_destroy). */
co_err_t co_pl_notify_register(co_pipeline_t *p, char *errstr, size_t errstr_size);
void co_pl_notify_destroy(co_pl_notify_t *nt);

#endif
