/* co_pipeline_review.h: the needs-review queue and the person's answers
 * (co_pipeline_review.c), and hot reload of the classifier model
 * (co_pipeline_model.c).
 *
 * An email goes to the queue when the classifier is unsure of it: its
 * calibrated confidence is below classify.review.threshold, or it was read
 * as OTHER although the model gave interview/offer some weight. The person
 * confirms or fixes it in one action; the answer is a record on topic.raw
 * (header co.review), after the email it is about, so the classify
 * processor applies it where the applications are derived and a reprocess
 * of topic.raw replays it after the email: the person's label wins over any
 * model. docs/classifier.md ("Needs review and learning"). */
#ifndef CO_PIPELINE_REVIEW_H
#define CO_PIPELINE_REVIEW_H

#include <jansson.h>

#include "co_classify.h"
#include "co_pipeline.h"
#include "co_topo.h"

/* ---- public ---------------------------------------------------------------- */

/* The account's queue as a new JSON object {"account","threshold","count",
 * "items":[{"id" (URL-safe base64 of the message id),"message_id","subject",
 * "from","date","snippet","label","confidence","probs":{LABEL:p},"company",
 * "role","reason","queued_at","application"}]} oldest first. Committed state
 * (embedded mode, or this instance's partitions). NULL only on out of memory. */
json_t *co_pipeline_review_list(co_pipeline_t *p, const char *account);

/* Records the person's answer about one queued email: label (APPLIED,
 * INTERVIEW, OFFER, REJECTION or OTHER; the same label confirms), and
 * optionally company and role (NULL: keep). Appends the answer to topic.raw
 * (embedded: local log; Kafka: produced and flushed); the classify processor
 * applies it: the email leaves the queue, its application is re-derived
 * with the new label, and `corrections export` labels it so. The answer
 * carries the queued email, so a reprocess whose model does not queue it
 * applies it all the same. The email must be queued, answered or stored
 * (the emails store: any classified email, OTHER included, so a person can
 * promote mail the classifier missed or move an email to another
 * application by its company and role) in this instance's state
 * (CO_ERR_NOT_FOUND; the API routes to the owner).
 * CO_ERR_INVALID_ARG names a bad field. Nothing is owned or kept. */
co_err_t co_pipeline_review_answer(co_pipeline_t *p, const char *account, const char *message_id, const char *label,
                                   const char *company, const char *role, char *errstr, size_t errstr_size);

/* Adds an application no email names (applied through a website, a
 * referral, a call): company (required), role (may be NULL), stage
 * (APPLIED, INTERVIEW, OFFER, REJECTION; NULL = APPLIED) and date
 * (YYYY-MM-DD or ISO-8601 with a zone; NULL = now). Recorded like a review
 * answer about a made-up email (its Message-ID into mid_out) that the
 * classify processor folds into the applications store: the board shows
 * it once that ran; corrections, notes and later mail then apply to it as
 * to any application. CO_ERR_INVALID_ARG names a bad field. */
co_err_t co_pipeline_app_add(co_pipeline_t *p, const char *account, const char *company, const char *role,
                             const char *stage, const char *date, char *mid_out, size_t mid_size, char *errstr,
                             size_t errstr_size);

/* Why res needs a person's look ("low_confidence", "other_with_evidence"),
 * or NULL. threshold: classify.review.threshold. */
const char *co_pipeline_review_reason(const co_classify_result_t *res, double threshold);

/* Hot reload: loads the model file again when its inode, size or mtime
 * changed (a watcher thread checks once a second, the classify processor
 * at most once a second too; this call checks now). Classification in flight keeps the model it started
 * with (reference counted); a file that fails to load leaves the current
 * model and is reported. *reloaded (may be NULL) is set to 1 when swapped.
 * Thread-safe. */
co_err_t co_pipeline_model_reload(co_pipeline_t *p, int *reloaded, char *errstr, size_t errstr_size);
/* How many times the model was swapped since the pipeline started. */
long co_pipeline_model_generation(co_pipeline_t *p);

/* ---- internal (pipeline/) -------------------------------------------------- */

#define CO_PL_STORE_REVIEW "review"
#define CO_PL_HDR_REVIEW "co.review"

/* Classify processor: queues ev (a classified event carrying "application"
 * when it joined one) when res needs review. */
co_err_t co_pl_review_consider(co_ctx_t *ctx, co_pipeline_t *p, const char *account, json_t *ev,
                               const co_classify_result_t *res);
/* 1 if rec is a review answer (header co.review). */
int co_pl_review_is_answer(const co_record_t *rec);
/* Classify processor: applies one answer record. */
co_proc_rc_t co_pl_review_apply(co_ctx_t *ctx, co_pipeline_t *p, const co_record_t *rec, char *errstr,
                                size_t errstr_size);
/* The committed answer about (account, message_id) as a new reference
 * ({"label","company","role","application","at","action"}), or NULL. */
json_t *co_pl_review_answer_get(co_pipeline_t *p, int32_t part, const char *account, const char *message_id);

/* co_pipeline_corrections.c: produces one record to topic (Kafka mode,
 * murmur2 partitioning as the runtime's), with header hdr = "1" when not NULL. */
co_err_t co_pl_produce(co_pipeline_t *p, const char *topic, const char *account, const char *val, const char *hdr,
                       char *errstr, size_t errstr_size);

/* co_pipeline_model.c: the current model, reference counted. */
typedef struct co_pl_models_s co_pl_models_t;
co_pl_models_t *co_pl_models_new(co_classify_model_t *initial_take, const char *path);
void co_pl_models_destroy(co_pl_models_t *ms);
/* The current model with a reference: pass it to co_pl_models_release. */
const co_classify_model_t *co_pl_models_acquire(co_pl_models_t *ms);
void co_pl_models_release(co_pl_models_t *ms, const co_classify_model_t *m);
/* Checks the file at most once per second (force: now). */
co_err_t co_pl_models_check(co_pl_models_t *ms, int force, int *reloaded, char *errstr, size_t errstr_size);
long co_pl_models_generation(co_pl_models_t *ms);

#endif
