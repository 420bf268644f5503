/* co_pipeline.h: the CareerOps topology, the one place that wires the leaves
 * (ingest, classify, research, notify, search) to the stream runtime
 * (processor/).
 *
 *   topic.raw (key account, value = normalized event, docs/event-schema.md)
 *     └─ processor "classify": dedupe store (TTL dedupe.ttl.s) → offline
 *        classifier → "applications" store (one per account and job, stage
 *        only moves forward) → topic.classified (key account);
 *        INTERVIEW/OFFER also → topic.research (key company) and
 *        topic.notifications (key account); unsure → "review" store.
 *   topic.research → processor "research" → "briefings" store (per account)
 *   topic.notifications → processor "notify" (Slack, WhatsApp, webhook)
 *   topic.corrections → processor "corrections" (the person's fixes)
 *
 * The folder is split along its seams (docs/architecture.md):
 *   topology/  the processors and their stores (internal: co_pipeline_int.h)
 *   sources/   mail sources and the ingest sink (co_pipeline_ingest.h)
 *   backend/   the REST API's backend and the token store
 * Only the headers in pipeline/ itself are public.
 *
 * docs/pipeline.md describes the records and the application JSON.
 * Threading: one thread runs the pipeline (run / run_until_idle);
 * co_pipeline_stop() may be called from a signal handler;
 * co_pipeline_import_mbox() may run on another thread in embedded mode. */
#ifndef CO_PIPELINE_H
#define CO_PIPELINE_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "co_conf.h"
#include "co_err.h"
#include "co_rt.h"

typedef struct co_pipeline_s co_pipeline_t;

/* Loads the classifier model (classify.model, else the build's default),
 * builds the topology and opens the runtime (state.dir, brokers, ...).
 * conf is not owned and must outlive the pipeline. Returns NULL with errstr
 * on failure. Caller frees with co_pipeline_destroy(). */
co_pipeline_t *co_pipeline_new(const co_conf_t *conf, char *errstr, size_t errstr_size);
void co_pipeline_destroy(co_pipeline_t *p);

/* The runtime (owned by the pipeline): for reading topics and stores. */
co_rt_t *co_pipeline_rt(co_pipeline_t *p);
/* The settings the pipeline was made with (not owned; lives as long as p). */
const co_conf_t *co_pipeline_conf(const co_pipeline_t *p);

typedef struct co_pipeline_import_stats_s {
  int64_t appended;  /* messages appended to topic.raw, malformed included */
  int64_t malformed; /* of those, not a mail message: they go to the DLQ with the cause */
  int64_t read_errors;
  int skipped_all; /* the cursor says the whole file was imported before */
} co_pipeline_import_stats_t;

/* Cursor key of an import of path for account into buf (at least 256
 * bytes): "<prefix>:<account>:<identity>", the account (or its XXH64 when
 * long) and the source's identity: "mbox-<XXH64 of the first message's
 * header block>" for a file (stable while the mbox grows at its end, the
 * same for a copy or a moved file, different for another mailbox at the
 * same path), "dir-<st_dev>-<st_ino>" for a Maildir or .eml folder (its
 * files are the messages, so the folder itself is the identity).
 * docs/state.md says why. CO_ERR_IO when path cannot be read. */
co_err_t co_pipeline_import_key(const char *prefix, const char *account, const char *path, char *buf, size_t size,
                                char *errstr, size_t errstr_size);
/* Committed import cursor of path for the "account" setting (last imported
 * message offset + 1), or -1 when the file was never imported for it. */
int64_t co_pipeline_import_cursor(co_pipeline_t *p, const char *path);
/* co_dlq_reread_fn for import failures (see co_dlq.h): reads the file at
 * path again and normalizes it for account. */
co_err_t co_pipeline_import_reread(const co_conf_t *conf, const char *account, const char *path, char **value,
                                   size_t *value_len, char **ingest_error, char *errstr, size_t errstr_size);

/* Embedded mode: appends the mbox's messages after the committed cursor to
 * topic.raw, keyed by account (NULL: the "account" setting), each batch with
 * the cursor in one atomic write: re-running resumes, never duplicates.
 * Messages that are not mail (ingest CO_ERR_PARSE) are appended raw with a
 * "co.ingest.error" header; the classify processor sends them to the DLQ
 * with that cause. st may be NULL. CO_ERR_UNSUPPORTED in Kafka mode. */
co_err_t co_pipeline_import_mbox(co_pipeline_t *p, const char *path, const char *account,
                                 co_pipeline_import_stats_t *st, char *errstr, size_t errstr_size);

/* Processes until co_pipeline_stop() (both modes). */
co_err_t co_pipeline_run(co_pipeline_t *p, char *errstr, size_t errstr_size);
/* Embedded mode: processes until every source partition is caught up. */
co_err_t co_pipeline_run_until_idle(co_pipeline_t *p, char *errstr, size_t errstr_size);
/* Async-signal-safe. */
void co_pipeline_stop(co_pipeline_t *p);

/* One application as listed. Pointers are valid during the callback only;
 * json is the stored object (docs/pipeline.md). */
typedef struct co_pipeline_app_s {
  const char *account, *company, *role, *stage, *last_contact, *next_interview;
  int64_t emails;
  const char *json;
} co_pipeline_app_t;

/* Calls cb for every committed application of account (NULL: all accounts,
 * every partition), in creation order per account, until cb returns
 * non-zero. Embedded mode or locally owned partitions only. */
co_err_t co_pipeline_applications(co_pipeline_t *p, const char *account,
                                  int (*cb)(const co_pipeline_app_t *app, void *opaque), void *opaque, char *errstr,
                                  size_t errstr_size);

/* Counts of committed records, embedded mode: classified events per label
 * (index = co_classify_label_t), and dead letters (replay and dismissal
 * markers excluded): dlq those still waiting for the person, dlq_dismissed
 * those they set aside (`careerops dlq dismiss`). */
typedef struct co_pipeline_counts_s {
  int64_t classified;
  int64_t per_label[5];
  int64_t research, notifications, dlq, dlq_dismissed;
} co_pipeline_counts_t;
co_err_t co_pipeline_counts(co_pipeline_t *p, co_pipeline_counts_t *out, char *errstr, size_t errstr_size);

/* ---- Briefings and search ------------------------------------------------
 * The "research" processor keeps one briefing per (company, account) (docs/research.md)
 * and a search index per partition follows the committed store in a thread
 * (co_pipeline_index.c, docs/search.md). Local partitions only. */

/* The committed briefing of company as JSON (*json_out malloc'd, caller
 * frees). CO_ERR_NOT_FOUND when there is none here. A briefing is one
 * account's: co_pipeline_briefing_of gives account's own (never another
 * account's), or with account NULL (an admin) every account's merged;
 * co_pipeline_briefing is the latter. */
co_err_t co_pipeline_briefing_of(co_pipeline_t *p, const char *account, const char *company, char **json_out,
                                 char *errstr, size_t errstr_size);
co_err_t co_pipeline_briefing(co_pipeline_t *p, const char *company, char **json_out, char *errstr,
                              size_t errstr_size);

/* Searches the briefings and the job-related mail (co_pipeline_search.c):
 * query_json is {"q" (required), "k" 1..100 (10), "mode"
 * hybrid|vector|bm25, "in" all|mail|briefings (all), "company", "type"
 * (the label an email was read as; a briefing's event type), "account",
 * "from", "to" (ISO dates, inclusive), "min_score" (else
 * search.min.score)}; *json_out (malloc'd, caller frees) is
 * {"query","results":[{"kind" briefing|email, "doc_id","company","account",
 * "type","date","score","snippet","vector_score"?,"bm25_score"?,
 * "exact_match"?; an email also "message_id","from","subject","role"?,
 * "application"? (store key),"stage"? (the application's now)}]}, best
 * first, merged over the local partitions. CO_ERR_INVALID_ARG names the
 * bad field. */
co_err_t co_pipeline_search(co_pipeline_t *p, const char *query_json, char **json_out, char *errstr,
                            size_t errstr_size);

/* Merges search hits from several indexes or instances (hits: a JSON array
 * of result objects, modified in place): hybrid results are fused again by
 * reciprocal rank over each side's own scores (vector_score, bm25_score),
 * others sorted by score; hits whose company or role is the query q (case
 * aside; q may be NULL) come first, marked "exact_match". Returns a new
 * array of the best k. */
json_t *co_pipeline_search_fuse(json_t *hits, const char *q, int hybrid, size_t k);

/* Brings the search indexes up to the committed briefings and mail now and saves them
 * (the index thread does this every 300 ms; for tests and run --once). */
co_err_t co_pipeline_index_sync(co_pipeline_t *p, char *errstr, size_t errstr_size);
/* ---- notifications (co_pipeline_notify.c, docs/notify.md) ---------------
 * Health of the notification channels as compact JSON (co_notify_health:
 * {"status":"ok"|"degraded","channels":{...}}); *json_out malloc'd, caller
 * frees. Thread-safe. */
co_err_t co_pipeline_notify_health(co_pipeline_t *p, char **json_out);
/* Un-pauses channel ("slack", "whatsapp", "webhook"), first replacing its
 * credential with new_secret when non-NULL (copied). Kept messages go out
 * with the partition's next notification. Thread-safe. */
co_err_t co_pipeline_notify_resume(co_pipeline_t *p, const char *channel, const char *new_secret, char *errstr,
                                   size_t errstr_size);
/* ---- manual corrections (co_pipeline_corrections.c) ---------------------
 * A correction is one JSON object about one application of account:
 *   {"application": "<key>",            required: the "key" field of the
 *                                       application's JSON (co_pipeline_applications)
 *    "set": {"stage": "APPLIED|INTERVIEW|OFFER|REJECTION", "company": "...",
 *            "role": "..."},            any subset; null clears an earlier one
 *    "not_job_related": true|false,     true hides the application
 *    "merge_into": "<key>"|null,        hides it and folds it into <key>; null splits it back out
 *    "message_id": "<id>",              optional: the email a set.stage is about (for the export)
 *    "at": "2026-11-25T16:00:00Z"}      optional, default now
 * At least one of set / not_job_related / merge_into. It is appended to
 * topic.corrections (key account; embedded: local log, Kafka: produced and
 * flushed) and folded into the "corrections" store, which
 * co_pipeline_applications overlays on the derived applications, so a
 * reprocess of topic.raw keeps it. CO_ERR_PARSE for bad JSON,
 * CO_ERR_INVALID_ARG for a bad field (errstr says which), CO_ERR_NOT_FOUND
 * when (embedded) the application or merge target does not exist. Nothing is
 * owned or kept. */
co_err_t co_pipeline_correct(co_pipeline_t *p, const char *account, const char *correction_json, char *errstr,
                             size_t errstr_size);

/* The applications-store key of id, an application key as the API, the
 * dashboard's CSV and the webhooks show it (URL-safe base64 of the store
 * key), or NULL when id is not one of account's. Caller frees. */
char *co_pipeline_app_key(const char *account, const char *id);

/* Embedded mode: writes one JSON line per corrected email (training-corpus
 * format: subject, from, body, label, company, plus date, message_id,
 * label_source "correction"|"classifier" and source "correction") to out,
 * read from the classified events; *written (may be NULL) gets the count.
 * CO_ERR_UNSUPPORTED in Kafka mode. */
co_err_t co_pipeline_corrections_export(co_pipeline_t *p, FILE *out, int64_t *written, char *errstr,
                                        size_t errstr_size);

/* ---- REST API (co_pipeline_api.c, api/) -----------------------------------
 * docs/api.md. Call co_pipeline_api_prepare(conf) before co_pipeline_new in
 * Kafka mode: it sets the consumer's client.id to carry this instance's
 * advertised URL (api.advertised.url, else http://<api.listen>), which is
 * how other instances find the owner of a key. */
typedef struct co_pipeline_api_s co_pipeline_api_t;
co_err_t co_pipeline_api_prepare(co_conf_t *conf, char *errstr, size_t errstr_size);
/* Starts the API server on api.listen answering from p (not owned; p and
 * conf must outlive the handle). NULL with errstr on failure. Caller stops
 * it with co_pipeline_api_stop() before destroying p. */
co_pipeline_api_t *co_pipeline_api_start(co_pipeline_t *p, const co_conf_t *conf, char *errstr, size_t errstr_size);
void co_pipeline_api_stop(co_pipeline_api_t *a);
int co_pipeline_api_port(const co_pipeline_api_t *a);
/* This instance's advertised URL (owned by a). */
const char *co_pipeline_api_url(const co_pipeline_api_t *a);
/* The API's id of an application key or a Message-ID (URL-safe base64 of
 * its bytes, no padding), as paths and bodies name them. malloc'd, caller
 * frees; NULL when out of memory. */
char *co_pipeline_api_id(const char *key);
/* This run's session secret (api.auth local-session; NULL in required
 * mode): the dashboard URL is <url>/?token=<secret>. Owned by a. */
const char *co_pipeline_api_session_secret(const co_pipeline_api_t *a);

/* ---- API tokens (co_pipeline_tokens.c) -------------------------------------
 * Only SHA-256 hashes are stored: <state.dir>/api-tokens.json in embedded
 * mode, the compacted topic <app.id>-tokens in Kafka mode (read whole at
 * open; follow = 1 keeps tailing it on a thread). Thread-safe. */
typedef struct co_pipeline_tokens_s co_pipeline_tokens_t;
co_pipeline_tokens_t *co_pipeline_tokens_open(const co_conf_t *conf, int follow, char *errstr, size_t errstr_size);
void co_pipeline_tokens_close(co_pipeline_tokens_t *t);
/* New token for account (admin = 1: reads everything; account ignored) into
 * token_out: shown once, never stored. */
co_err_t co_pipeline_tokens_create(co_pipeline_tokens_t *t, const char *account, int admin, char token_out[64],
                                   char *errstr, size_t errstr_size);
/* Revokes the token whose id (hash prefix, >= 8 chars) is id. */
co_err_t co_pipeline_tokens_revoke(co_pipeline_tokens_t *t, const char *id, char *errstr, size_t errstr_size);
/* Calls cb per token (id = first 12 hex chars of the hash) until non-zero. */
co_err_t co_pipeline_tokens_list(co_pipeline_tokens_t *t, int (*cb)(const char *id, const char *account, int admin,
                                                                    const char *created, void *opaque),
                                 void *opaque);
/* Resolves a 64-char hex hash: CO_OK or CO_ERR_NOT_FOUND. */
co_err_t co_pipeline_tokens_lookup(co_pipeline_tokens_t *t, const char *hash, char *account, size_t account_size,
                                   int *admin);
long co_pipeline_tokens_count(co_pipeline_tokens_t *t);

#endif
