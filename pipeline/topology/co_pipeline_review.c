/* co_pipeline_review.c: the needs-review queue: emails the classifier is
 * unsure of, and the person's answers about them.
 *
 * The "review" store belongs to the classify processor (it decides what is
 * unsure, and it owns the applications an answer must re-derive):
 *
 *   <account>\x1f<message id>   {"event": classified event, "reason",
 *                                "probs": {LABEL: p}, "queued_at",
 *                                "answer"?: {"label","company","role",
 *                                            "application","at","action"}}
 *   \x1e review\x1f<account>    JSON array of the message ids waiting, oldest first
 *
 * An answer is a record on topic.raw (key account, header co.review) after
 * the email it is about. Applying it: the email's old contribution to its
 * application is taken out (email count, its stage step; an application
 * left without emails is removed), then the event is folded in again with
 * the person's label, company and role (co_pl_apps_update), and the entry
 * keeps the answer (for `corrections export`) and leaves the waiting list.
 * A reprocess of topic.raw replays the email and then the answer, so the
 * queue and the board are rebuilt and the person's label wins over
 * whatever the (new) model says.
 *
 * Known limit: applications record only the emails that moved their stage,
 * so taking out an INTERVIEW email drops the stage to the previous step even
 * when another email of the same application also read as INTERVIEW. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_json.h"
#include "co_log.h"
#include "co_pipeline_int.h"
#include "co_pipeline_review.h"
#include "co_time.h"

#define CO_PL_REVIEW_IDX \
  "\x1e"                 \
  "review\x1f"
/* An OTHER reading goes to review when p(INTERVIEW) + p(OFFER) reaches
 * this: the model saw some interview/offer evidence (chosen on the
 * project's held-out split, docs/classifier.md). */
#define CO_PL_REVIEW_EVIDENCE 0.10
#define CO_PL_REVIEW_SNIPPET 300

static int job_label(const char *l) {
  int k = co_classify_label_parse(l);
  return k >= 0 && k != CO_CLASSIFY_OTHER;
}

const char *co_pipeline_review_reason(const co_classify_result_t *res, double threshold) {
  if (res->confidence < threshold) return "low_confidence";
  if (res->label == CO_CLASSIFY_OTHER && (!res->rule || strcmp(res->rule, "bulk_mail")) &&
      res->probs[CO_CLASSIFY_INTERVIEW] + res->probs[CO_CLASSIFY_OFFER] >= CO_PL_REVIEW_EVIDENCE)
    return "other_with_evidence";
  return NULL;
}

static char *entry_key(const char *account, const char *mid) {
  char *k = NULL;
  return asprintf(&k, "%s\x1f%s", account, mid) < 0 ? NULL : k;
}

static char *idx_key(const char *account) {
  char *k = NULL;
  return asprintf(&k, "%s%s", CO_PL_REVIEW_IDX, account) < 0 ? NULL : k;
}

/* Adds (add) or removes mid in the account's waiting list. */
static co_err_t waiting(co_ctx_t *ctx, const char *account, const char *mid, int add) {
  char *ik = idx_key(account);
  if (!ik) return CO_ERR_NOMEM;
  json_t *arr = co_pl_ctx_get_json(ctx, CO_PL_STORE_REVIEW, ik), *v;
  size_t i;
  if (!json_is_array(arr)) {
    json_decref(arr);
    arr = json_array();
  }
  json_array_foreach(arr, i, v) if (!strcmp(json_string_value(v) ? json_string_value(v) : "", mid)) {
    json_array_remove(arr, i);
    break;
  }
  if (add) json_array_append_new(arr, json_string(mid));
  co_err_t e = !arr ? CO_ERR_NOMEM
               : json_array_size(arr) ? co_pl_ctx_put_json(ctx, CO_PL_STORE_REVIEW, ik, arr)
                                      : co_ctx_delete(ctx, CO_PL_STORE_REVIEW, ik, strlen(ik));
  json_decref(arr);
  free(ik);
  return e;
}

co_err_t co_pl_review_consider(co_ctx_t *ctx, co_pipeline_t *p, const char *account, json_t *ev,
                               const co_classify_result_t *res) {
  const char *reason = co_pipeline_review_reason(res, co_conf_dbl(p->conf, "classify.review.threshold"));
  const char *mid = co_json_str(ev, "message_id");
  if (!reason || !*mid) return CO_OK;
  char *k = entry_key(account, mid), now[32];
  json_t *old = k ? co_pl_ctx_get_json(ctx, CO_PL_STORE_REVIEW, k) : NULL, *probs = json_object(), *e = NULL;
  co_err_t err = CO_ERR_NOMEM;
  if (!k || !probs) goto done;
  if (json_object_get(old, "answer")) { /* answered before (a redelivery): the answer stands */
    err = CO_OK;
    goto done;
  }
  for (int l = 0; l < CO_CLASSIFY__N; l++)
    json_object_set_new(probs, co_classify_label_name((co_classify_label_t)l), json_real((double)res->probs[l]));
  co_pl_utc_iso((time_t)(co_ctx_now_ms(ctx) / 1000), now, sizeof(now));
  if (!(e = json_pack("{s:O, s:s, s:O, s:s}", "event", ev, "reason", reason, "probs", probs, "queued_at", now)))
    goto done;
  if ((err = co_pl_ctx_put_json(ctx, CO_PL_STORE_REVIEW, k, e)) || (err = waiting(ctx, account, mid, 1))) goto done;
  CO_DEBUG("pipeline", "review: %s queued (%s, %.2f)", mid, reason, (double)res->confidence);
done:
  json_decref(e);
  json_decref(probs);
  json_decref(old);
  free(k);
  return err;
}

int co_pl_review_is_answer(const co_record_t *rec) {
  for (int i = 0; i < rec->hdr_cnt; i++)
    if (!strcmp(rec->hdrs[i].name, CO_PL_HDR_REVIEW)) return 1;
  return 0;
}

/* Removes key from the account's list of applications. */
static co_err_t apps_index_drop(co_ctx_t *ctx, const char *account, const char *key) {
  char *ik = NULL;
  if (asprintf(&ik, "%s%s", CO_PL_IDX_APPS, account) < 0) return CO_ERR_NOMEM;
  json_t *arr = co_pl_ctx_get_json(ctx, CO_PL_STORE_APPS, ik), *v;
  size_t i;
  co_err_t e = CO_OK;
  json_array_foreach(arr, i, v) if (!strcmp(json_string_value(v) ? json_string_value(v) : "", key)) {
    json_array_remove(arr, i);
    e = co_pl_ctx_put_json(ctx, CO_PL_STORE_APPS, ik, arr);
    break;
  }
  json_decref(arr);
  free(ik);
  return e;
}

static int stage_rank(const char *s) {
  if (!strcmp(s, "APPLIED")) return 0;
  if (!strcmp(s, "INTERVIEW")) return 1;
  if (!strcmp(s, "OFFER") || !strcmp(s, "REJECTION")) return 2;
  return -1;
}

/* Takes email mid out of application key: one email fewer, its stage step
 * gone, the stage the last remaining step's; no emails left: removed. */
static co_err_t unfold(co_ctx_t *ctx, const char *account, const char *key, const char *mid) {
  json_t *app = co_pl_ctx_get_json(ctx, CO_PL_STORE_APPS, key), *stages, *s;
  char *tk = NULL;
  co_err_t e = CO_OK;
  if (!json_is_object(app)) goto done;
  json_int_t emails = json_integer_value(json_object_get(app, "emails")) - 1;
  if (asprintf(&tk, "%s\x1f%s\x1f%s", CO_PL_IDX_THREAD, account, mid) < 0) {
    tk = NULL;
    e = CO_ERR_NOMEM;
    goto done;
  }
  if ((e = co_ctx_delete(ctx, CO_PL_STORE_APPS, tk, strlen(tk)))) goto done;
  if (emails <= 0) {
    if (!(e = co_ctx_delete(ctx, CO_PL_STORE_APPS, key, strlen(key)))) e = apps_index_drop(ctx, account, key);
    goto done;
  }
  json_object_set_new(app, "emails", json_integer(emails));
  stages = json_object_get(app, "stages");
  for (size_t i = json_array_size(stages); i > 0; i--)
    if (!strcmp(co_json_str(json_array_get(stages, i - 1), "message_id"), mid)) json_array_remove(stages, i - 1);
  s = json_array_get(stages, json_array_size(stages) - 1);
  json_object_set_new(app, "stage", json_string(s ? co_json_str(s, "stage") : "APPLIED"));
  if (stage_rank(co_json_str(app, "stage")) != 1) json_object_set_new(app, "next_interview", json_null());
  e = co_pl_ctx_put_json(ctx, CO_PL_STORE_APPS, key, app);
done:
  free(tk);
  json_decref(app);
  return e;
}

/* The application email mid of account is folded into (malloc'd), or NULL. */
static char *thread_app(co_ctx_t *ctx, const char *account, const char *mid) {
  char *tk = NULL;
  void *v = NULL;
  size_t vl;
  if (asprintf(&tk, "%s\x1f%s\x1f%s", CO_PL_IDX_THREAD, account, mid) < 0) return NULL;
  if (co_ctx_get(ctx, CO_PL_STORE_APPS, tk, strlen(tk), &v, &vl) != CO_OK) v = NULL;
  free(tk);
  return v;
}

co_proc_rc_t co_pl_review_apply(co_ctx_t *ctx, co_pipeline_t *p, const co_record_t *rec, char *errstr,
                                size_t errstr_size) {
  (void)p;
  co_proc_rc_t rc = CO_PROC_OK;
  json_t *a = rec->value ? json_loadb(rec->value, rec->value_len, 0, NULL) : NULL, *e = NULL, *ev = NULL, *ans;
  char *k = NULL, *app_key = NULL, now[32];
  const char *account = co_json_str(a, "account"), *mid = co_json_str(a, "message_id"), *label = co_json_str(a, "label");
  if (!*account || !*mid || co_classify_label_parse(label) < 0) {
    snprintf(errstr, errstr_size, "review answer: needs account, message_id and a label");
    rc = CO_PROC_POISON;
    goto done;
  }
  if (!(k = entry_key(account, mid))) goto nomem;
  /* Not queued this time (a reprocess whose model is sure of it): the
   * answer carries the email as it was queued, and the email's current
   * application is found through the thread index. */
  int requeued = 0;
  if (!(e = co_pl_ctx_get_json(ctx, CO_PL_STORE_REVIEW, k))) {
    if (!json_is_object(json_object_get(a, "event"))) {
      CO_WARN("pipeline", "review answer about %s, which was never queued: ignored", mid);
      goto done;
    }
    if (!(e = json_pack("{s:O, s:s, s:{}, s:s}", "event", json_object_get(a, "event"), "reason", "answered", "probs",
                        "queued_at", co_json_str(a, "at"))))
      goto nomem;
    requeued = 1;
  }
  ans = json_object_get(e, "answer");
  json_t *was = ans ? ans : json_object_get(e, "event");
  const char *prev_label = co_json_str(was, "label");
  const char *company = json_is_string(json_object_get(a, "company")) ? co_json_str(a, "company") : co_json_str(was, "company");
  const char *role = json_is_string(json_object_get(a, "role")) ? co_json_str(a, "role") : co_json_str(was, "role");
  int changed = requeued || strcmp(prev_label, label) || strcmp(company, co_json_str(was, "company")) ||
                strcmp(role, co_json_str(was, "role"));
  char *prev_app = NULL;
  if (changed && (prev_app = thread_app(ctx, account, mid)) && unfold(ctx, account, prev_app, mid)) {
    free(prev_app);
    goto store_err;
  }
  const char *kept_app = json_string_value(json_object_get(was, "application"));
  free(prev_app);
  if (changed) {
    if (!(ev = json_deep_copy(json_object_get(e, "event")))) goto nomem;
    json_object_set_new(ev, "label", json_string(label));
    json_object_set_new(ev, "company", json_string(company));
    json_object_set_new(ev, "role", json_string(role));
    if (strcmp(label, "INTERVIEW")) json_object_set_new(ev, "interview_at", json_null());
    if (job_label(label) && co_pl_apps_update(ctx, account, ev, &app_key, errstr, errstr_size)) {
      rc = CO_PROC_RETRYABLE;
      goto done;
    }
  }
  co_pl_utc_iso((time_t)(co_ctx_now_ms(ctx) / 1000), now, sizeof(now));
  json_t *na = json_pack("{s:s, s:s, s:s, s:s?, s:s, s:s}", "label", label, "company", company, "role", role,
                         "application", changed ? app_key : kept_app, "at", *co_json_str(a, "at") ? co_json_str(a, "at") : now,
                         "action", changed ? "fix" : "confirm");
  if (!na || json_object_set_new(e, "answer", na)) goto nomem;
  if (co_pl_ctx_put_json(ctx, CO_PL_STORE_REVIEW, k, e) || waiting(ctx, account, mid, 0)) goto store_err;
  CO_LOGKV(CO_LOG_INFO, "pipeline", "review answer applied", "account", account, "label", label);
  goto done;
store_err:
  snprintf(errstr, errstr_size, "review answer: state store write failed");
  rc = CO_PROC_RETRYABLE;
  goto done;
nomem:
  snprintf(errstr, errstr_size, "review answer: out of memory");
  rc = CO_PROC_RETRYABLE;
done:
  free(app_key);
  free(k);
  json_decref(ev);
  json_decref(e);
  json_decref(a);
  return rc;
}

json_t *co_pl_review_answer_get(co_pipeline_t *p, int32_t part, const char *account, const char *message_id) {
  char *k = entry_key(account, message_id);
  json_t *e = k ? co_pl_rt_get_json(p->rt, CO_PL_STORE_REVIEW, part, k) : NULL, *a = json_object_get(e, "answer");
  json_incref(a);
  json_decref(e);
  free(k);
  return a;
}

/* The list item of one entry: what a person needs to decide at a glance. */
static json_t *item(json_t *e) {
  json_t *ev = json_object_get(e, "event");
  const char *text = co_json_str(ev, "text");
  size_t n = co_llm_utf8_cut(text, strlen(text), CO_PL_REVIEW_SNIPPET);
  json_t *from = json_object_get(ev, "from");
  return json_pack("{s:s, s:s, s:s, s:s, s:s%, s:s, s:O?, s:O, s:s, s:s, s:s, s:s, s:O?}", "message_id",
                   co_json_str(ev, "message_id"), "subject", co_json_str(ev, "subject"), "from",
                   *co_json_str(from, "address") ? co_json_str(from, "address") : co_json_str(from, "name"), "date", co_json_str(ev, "date"),
                   "snippet", text, n, "label", co_json_str(ev, "label"), "confidence", json_object_get(ev, "confidence"),
                   "probs", json_object_get(e, "probs"), "company", co_json_str(ev, "company"), "role", co_json_str(ev, "role"),
                   "reason", co_json_str(e, "reason"), "queued_at", co_json_str(e, "queued_at"), "application",
                   json_object_get(ev, "application"));
}

json_t *co_pipeline_review_list(co_pipeline_t *p, const char *account) {
  int32_t part = co_rt_partition_for(account, strlen(account), co_rt_partitions(p->rt));
  char *ik = idx_key(account);
  json_t *ids = ik ? co_pl_rt_get_json(p->rt, CO_PL_STORE_REVIEW, part, ik) : NULL, *v;
  json_t *items = json_array(), *out = NULL;
  size_t i;
  if (!items) goto done;
  json_array_foreach(ids, i, v) {
    char *k = entry_key(account, json_string_value(v) ? json_string_value(v) : "");
    json_t *e = k ? co_pl_rt_get_json(p->rt, CO_PL_STORE_REVIEW, part, k) : NULL;
    if (e && !json_object_get(e, "answer")) json_array_append_new(items, item(e));
    json_decref(e);
    free(k);
  }
  out = json_pack("{s:s, s:f, s:I, s:O}", "account", account, "threshold",
                  co_conf_dbl(p->conf, "classify.review.threshold"), "count", (json_int_t)json_array_size(items),
                  "items", items);
done:
  json_decref(items);
  json_decref(ids);
  free(ik);
  return out;
}

/* Appends the person's answer about message_id (the email's event travels
 * with it) to topic.raw; the classify processor applies it
 * (co_pl_review_apply). event is borrowed. */
static co_err_t record_answer(co_pipeline_t *p, const char *account, const char *message_id, const char *label,
                              const char *company, const char *role, json_t *event, char *errstr, size_t errstr_size) {
  char *val = NULL, now[32];
  co_err_t err = CO_OK;
  co_pl_utc_iso(time(NULL), now, sizeof(now));
  json_t *a = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?, s:s, s:O}", "kind", "review_answer", "account", account,
                        "message_id", message_id, "label", label, "company", company, "role", role, "at", now, "event",
                        event);
  if (!a || !(val = json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "review: out of memory");
    goto done;
  }
  if (co_rt_embedded(p->rt)) {
    co_hdr_t h = {CO_PL_HDR_REVIEW, "1", 1};
    co_rt_msg_t m = {account, strlen(account), val, strlen(val), &h, 1, NULL};
    err = co_rt_append(p->rt, p->t_raw, &m, 1, NULL, 0, errstr, errstr_size);
  } else {
    err = co_pl_produce(p, p->t_raw, account, val, CO_PL_HDR_REVIEW, errstr, errstr_size);
  }
  if (!err) CO_LOGKV(CO_LOG_INFO, "pipeline", "review answer recorded", "account", account, "label", label);
done:
  free(val);
  json_decref(a);
  return err;
}

/* A review entry {"event"} for an email never queued, from the emails
 * store's reading copy: what the classifier read (label, company, role,
 * application) and what the applications fold needs (subject, date, text,
 * threading headers). NULL when no such email is stored. */
static json_t *stored_email_entry(co_pipeline_t *p, const char *account, const char *message_id) {
  json_t *m = co_pipeline_email_get(p, account, message_id);
  if (!m) return NULL;
  json_t *ev = json_pack("{s:s, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:n}", "message_id",
                         message_id, "subject", json_object_get(m, "subject"), "from", json_object_get(m, "from"),
                         "date", json_object_get(m, "date"), "text", json_object_get(m, "text"), "label",
                         json_object_get(m, "classified_as"), "company", json_object_get(m, "company"), "role",
                         json_object_get(m, "role"), "application", json_object_get(m, "application"), "in_reply_to",
                         json_object_get(m, "in_reply_to"), "references", json_object_get(m, "references"),
                         "interview_at");
  json_decref(m);
  return ev ? json_pack("{s:o}", "event", ev) : NULL;
}

co_err_t co_pipeline_review_answer(co_pipeline_t *p, const char *account, const char *message_id, const char *label,
                                   const char *company, const char *role, char *errstr, size_t errstr_size) {
  co_err_t err;
  if (!p || !account || !*account || !message_id || !*message_id)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "review: account and message id required");
  int l = label ? co_classify_label_parse(label) : -1;
  if (l < 0)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG,
                     "review: label must be APPLIED, INTERVIEW, OFFER, REJECTION or OTHER");
  /* The entry is read here (this instance owns the account: the API routes
   * the request to the owner) and its email travels with the answer. An
   * unknown id is 404 whatever the body says. */
  int32_t part = co_rt_partition_for(account, strlen(account), co_rt_partitions(p->rt));
  char *k = entry_key(account, message_id);
  json_t *e = k ? co_pl_rt_get_json(p->rt, CO_PL_STORE_REVIEW, part, k) : NULL;
  free(k);
  if (!e) e = stored_email_entry(p, account, message_id); /* any email: promote one read as OTHER, or move it */
  if (!e) return co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "review: no stored email with that id");
  if ((company && strlen(company) > 127) || (role && strlen(role) > 127)) {
    json_decref(e);
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "review: company and role are at most 127 bytes");
  }
  err = record_answer(p, account, message_id, co_classify_label_name((co_classify_label_t)l), company, role,
                      json_object_get(e, "event"), errstr, errstr_size);
  json_decref(e);
  return err;
}

co_err_t co_pipeline_app_add(co_pipeline_t *p, const char *account, const char *company, const char *role,
                             const char *stage, const char *date, char *mid_out, size_t mid_size, char *errstr,
                             size_t errstr_size) {
  char at[32], subject[320];
  if (!p || !account || !*account || strchr(account, '\x1f'))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "application: account required");
  if (!company || !*company || strlen(company) > 127 || strchr(company, '\x1f'))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "application: company is required, at most 127 bytes");
  if (role && (strlen(role) > 127 || strchr(role, '\x1f')))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "application: role is at most 127 bytes");
  int l = co_classify_label_parse(stage ? stage : "APPLIED"); /* "" is no stage: only absent means APPLIED */
  if (l < 0 || l == CO_CLASSIFY_OTHER)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG,
                     "application: stage must be APPLIED, INTERVIEW, OFFER or REJECTION");
  if (date) { /* a day (noon UTC: the board shows days) or an instant with its zone; "" is none */
    time_t t;
    char iso[40];
    snprintf(iso, sizeof(iso), strlen(date) == 10 ? "%sT12:00:00Z" : "%s", date);
    if (co_time_parse_iso(iso, 0, &t, NULL))
      return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "application: date must be YYYY-MM-DD or ISO-8601 with a zone");
    co_pl_utc_iso(t, at, sizeof(at));
  } else {
    co_pl_utc_iso(time(NULL), at, sizeof(at));
  }
  /* No email names it: a made-up Message-ID the answer and the timeline
   * carry ("manual": it labels nothing in corrections export, which reads
   * only classified mail). */
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  snprintf(mid_out, mid_size, "manual-%lld-%ld@careerops.invalid", (long long)ts.tv_sec, ts.tv_nsec);
  snprintf(subject, sizeof(subject), "Added by hand: %s%s%s", role && *role ? role : "", role && *role ? " at " : "",
           company);
  json_t *ev = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:[], s:n, s:n, s:b}", "message_id", mid_out, "subject",
                         subject, "date", at, "text", "Added in CareerOps by hand: no email.", "label",
                         co_classify_label_name((co_classify_label_t)l), "company", company, "role", role,
                         "references", "in_reply_to", "interview_at", "manual", 1);
  if (!ev) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "application: out of memory");
  co_err_t err = record_answer(p, account, mid_out, co_classify_label_name((co_classify_label_t)l), company, role, ev,
                               errstr, errstr_size);
  json_decref(ev);
  return err;
}
