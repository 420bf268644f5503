/* co_pipeline_int.h: pipeline internals shared by its source files. */
#ifndef CO_PIPELINE_INT_H
#define CO_PIPELINE_INT_H

#include <jansson.h>
#include <time.h>

#include "co_classify.h"
#include "co_research.h"
#include "co_search.h"
#include "co_llm.h"
#include "co_pipeline.h"
#include "co_pipeline_ingest.h"

#define CO_PL_STORE_DEDUPE "dedupe"
#define CO_PL_STORE_APPS "applications"
/* One reading copy per classified email (co_pipeline_emails.c) and a change
 * log the mail search index follows, as the briefings' (below):
 * CO_PL_EM_SEQ holds the last sequence, CO_PL_EM_CHG + %020lld sequence ->
 * email key. */
#define CO_PL_STORE_EMAILS "emails"
#define CO_PL_EM_SEQ "\x1e" "em.seq"
#define CO_PL_EM_CHG "\x1e" "em.chg\x1f"
/* Company briefings, one per account (key: company \x1f account; a bare
 * company key is an older version's briefing of every account, never
 * served) and their change log, read by the search indexer: CO_PL_BR_SEQ
 * holds the last sequence, CO_PL_BR_CHG + %020lld sequence -> briefing key.
 * Meta keys start with \x1e, never a company. */
#define CO_PL_STORE_BRIEFINGS "briefings"
#define CO_PL_BR_META "\x1e"
#define CO_PL_BR_SEQ "\x1e" "br.seq"
#define CO_PL_BR_CHG "\x1e" "br.chg\x1f"
/* notify processor: idempotency marks, and messages kept for a paused channel. */
#define CO_PL_STORE_NOTIFY_SENT "notify_sent"
#define CO_PL_STORE_NOTIFY_PENDING "notify_pending"
typedef struct co_pl_notify_s co_pl_notify_t;
/* Folded manual corrections, per application key (co_pipeline_corrections.c). */
#define CO_PL_STORE_CORRECTIONS "corrections"
/* Characters of the email body a research task carries. */
#define CO_PL_RESEARCH_TEXT_CHARS 2000
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

typedef struct co_pl_index_s co_pl_index_t;

struct co_pipeline_s {
  const co_conf_t *conf;
  co_classify_model_t *model;
  struct co_pl_models_s *models; /* the current model, hot-reloaded (co_pipeline_model.c) */
  co_llm_chain_t *llm; /* NULL unless llm.providers is set */
  co_topo_t *topo;
  co_rt_t *rt;
  const char *t_raw, *t_classified, *t_research, *t_notify, *t_dlq;
  const char *t_corrections;
  int64_t dedupe_ttl_ms;
  co_research_t *research;
  co_pl_index_t *index; /* briefings search index (co_pipeline_index.c) */
  co_pl_notify_t *notify; /* co_pipeline_notify.c */
};

/* Folds an event's interview fields into its application's "interview"
 * object ({at, utc, zone, minutes, link, link_kind, status, candidates}):
 * an INTERVIEW sets it (a reschedule keeps the old link and length unless it
 * names new ones), a cancellation of that interview (or of one with no
 * instant) clears next_interview and marks it cancelled. co_pipeline_classify.c. */
void co_pl_apps_interview(json_t *app, const char *label, json_t *classified);

/* co_pipeline_classify.c: the "classify" processor (opaque = the pipeline). */
co_proc_rc_t co_pl_classify_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t errstr_size);
/* co_pipeline_apps.c: folds one classified event into the applications
 * store; *app_key_out (malloc'd, caller frees) names the application or is
 * NULL when the event creates none (OTHER, no company). */
co_err_t co_pl_apps_update(co_ctx_t *ctx, const char *account, json_t *classified, char **app_key_out, char *errstr,
                           size_t errstr_size);

/* co_pipeline_emails.c: keeps the classified event ev (its label and
 * application set) as account's email; an event without a Message-ID is
 * skipped (CO_OK). get: a new reference to the stored email, or NULL. */
co_err_t co_pl_emails_put(co_ctx_t *ctx, const char *account, json_t *ev);
/* Change-log key of sequence seq in the emails store. */
void co_pl_email_chg_key(long long seq, char *buf, size_t size);
json_t *co_pipeline_email_get(co_pipeline_t *p, const char *account, const char *message_id);

/* co_pipeline_role.c: a role title's canonical words, to tell whether two
 * titles name the same job (see the file's comment for the rules). */
typedef struct co_pl_role_s {
  char words[256]; /* what the job is, e.g. "site reliability engineer"; "" if nothing is left */
  char level[64];  /* seniority words ("senior", "ii"), "" if none */
  char req[32];    /* requisition id, "" if none */
} co_pl_role_t;
void co_pl_role_canon(const char *role, const char *company, co_pl_role_t *out);
/* Same job: one's words all among the other's, no conflicting id or seniority. */
int co_pl_role_same(const co_pl_role_t *a, const co_pl_role_t *b);
/* Half or more of the words shared: maybe the same job (a merge suggestion). */
int co_pl_role_similar(const co_pl_role_t *a, const co_pl_role_t *b);
/* A requisition id named in text ("Req 11840", "Job ID: JR-2231"), lower
 * case, into out; "" if none. */
void co_pl_role_req_from_text(const char *text, char *out, size_t sz);

/* co_pipeline_json.c: one JSON value of a store. get: a new reference, or
 * NULL when absent or not JSON; put: compact JSON, no TTL. */
json_t *co_pl_ctx_get_json(co_ctx_t *ctx, const char *store, const char *key);
co_err_t co_pl_ctx_put_json(co_ctx_t *ctx, const char *store, const char *key, json_t *j);
/* Committed value from outside the topology (co_rt_store_get). */
json_t *co_pl_rt_get_json(co_rt_t *rt, const char *store, int32_t part, const char *key);
/* t as the stores' timestamp format, UTC ISO-8601 ("2026-11-25T18:00:00Z"). */
void co_pl_utc_iso(time_t t, char *buf, size_t size);

/* co_pipeline_research.c: the "research" processor (opaque = the pipeline). */
co_proc_rc_t co_pl_research_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr,
                                 size_t errstr_size);
/* Change-log key of sequence seq in the briefings store. */
void co_pl_briefing_chg_key(long long seq, char *buf, size_t size);
/* Store key of account's briefing of company, "company\x1faccount"
 * (malloc'd), or NULL when either holds \x1f (or out of memory). */
char *co_pl_briefing_key(const char *company, const char *account);

/* co_pipeline_index.c: search indexes over the committed briefings and
 * emails stores (one per store and partition), kept in step by a thread (co_pl_index_start) or by
 * co_pl_index_sync on the caller's thread; save writes the index files. */
co_pl_index_t *co_pl_index_new(co_pipeline_t *p, char *errstr, size_t errstr_size);
co_err_t co_pl_index_start(co_pl_index_t *ix, char *errstr, size_t errstr_size);
co_err_t co_pl_index_sync(co_pl_index_t *ix, int save, char *errstr, size_t errstr_size);
/* Stops the thread, saves, frees. NULL is a no-op. */
void co_pl_index_destroy(co_pl_index_t *ix);
/* What an index holds; its partitions' indexes (not owned: valid while ix
 * lives; queries may run while the thread syncs) and their embedder. */
typedef enum { CO_PL_INDEX_BRIEFINGS = 0, CO_PL_INDEX_EMAILS } co_pl_index_kind_t;
int co_pl_index_parts(co_pl_index_t *ix);
co_search_t *co_pl_index_of(co_pl_index_t *ix, co_pl_index_kind_t kind, int part);
co_vec_embedder_t *co_pl_index_embedder(co_pl_index_t *ix);
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
/* The longest one notification record may take (co_notify_worst_ms), 0 without channels. */
int64_t co_pl_notify_worst_ms(const co_pipeline_t *p);

#endif
