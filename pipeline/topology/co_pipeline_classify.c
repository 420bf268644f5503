/* co_pipeline_classify.c: the "classify" processor: one normalized event in,
 * a classified event (plus research task and notification for interviews
 * and offers) out.
 *
 * Order inside one record, all in the record's transaction: drop the event
 * if its dedupe key was seen within dedupe.ttl.s; classify; fold it into the
 * applications store; send. A record that is not an event (ingest could not
 * parse it, bad JSON, wrong schema) is POISON with the cause, so it lands in
 * the DLQ and the next record goes on.
 *
 * With llm.providers set, the LLM chain classifies (classifier "openai" or
 * "gemini"); when every provider fails it answers with the offline model
 * ("offline-fallback", cause in "classifier_error"), so an LLM outage costs
 * accuracy, never an email. The call is synchronous inside the record's
 * transaction: bounded by llm.timeout.ms per request and skipped outright
 * while a provider's breaker is open, so a dead provider slows one record
 * per cool-down, not every record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_ingest.h"
#include "co_json.h"
#include "co_llm.h"
#include "co_log.h"
#include "co_pipeline_int.h"
#include "co_pipeline_review.h"

static const co_hdr_t *find_hdr(const co_record_t *rec, const char *name) {
  for (int i = 0; i < rec->hdr_cnt; i++)
    if (!strcmp(rec->hdrs[i].name, name)) return &rec->hdrs[i];
  return NULL;
}

/* Sends obj as compact JSON; 0 on success. */
static int send_json(co_ctx_t *ctx, const char *topic, const char *key, json_t *obj) {
  char *s = json_dumps(obj, JSON_COMPACT);
  if (!s) return -1;
  co_err_t e = co_ctx_send(ctx, topic, key, strlen(key), s, strlen(s), NULL, 0);
  free(s);
  return e == CO_OK ? 0 : -1;
}

/* The research task and the notification for an INTERVIEW or OFFER. */
static int send_followups(co_ctx_t *ctx, co_pipeline_t *p, const char *account, json_t *cl, const char *app_key) {
  const char *label = co_json_str(cl, "label"), *company = co_json_str(cl, "company");
  json_t *ia = json_object_get(cl, "interview_at");
  int rc = 0;
  if (*company) { /* research is per company: nothing to research without one */
    /* The research task runs in the company's partition, which cannot read
     * this account's stores: it carries the history it needs. */
    json_t *app = NULL;
    void *av;
    size_t avl;
    if (app_key && co_ctx_get(ctx, CO_PL_STORE_APPS, app_key, strlen(app_key), &av, &avl) == CO_OK) {
      app = json_loadb(av, avl, 0, NULL);
      free(av);
    }
    const char *text = co_json_str(cl, "text");
    size_t tl = co_llm_utf8_cut(text, strlen(text), CO_PL_RESEARCH_TEXT_CHARS);
    json_t *task = json_pack("{s:s, s:s, s:s, s:s, s:O?, s:O?, s:O?, s:O?, s:O?, s:s%, s:o?}", "company", company,
                             "role", co_json_str(cl, "role"), "account", account, "reason", label, "message_id",
                             json_object_get(cl, "message_id"), "interview_at", ia, "subject",
                             json_object_get(cl, "subject"), "from", json_object_get(cl, "from"), "date",
                             json_object_get(cl, "date"), "text", text, tl, "application", app);
    rc |= !task || send_json(ctx, p->t_research, company, task);
    json_decref(task);
  }
  json_t *note = json_pack("{s:s, s:s, s:s, s:s, s:s, s:O?, s:O?, s:O?, s:s?}", "account", account, "kind",
                           !strcmp(label, "OFFER") ? "offer" : "interview", "company", company, "role",
                           co_json_str(cl, "role"), "summary", co_json_str(cl, "summary"), "subject", json_object_get(cl, "subject"),
                           "message_id", json_object_get(cl, "message_id"), "interview_at", ia, "application", app_key);
  static const char *const WHEN_KEYS[] = {"interview_utc", "interview_zone", "interview_minutes", "interview_link",
                                          "interview_status", NULL};
  for (int i = 0; note && WHEN_KEYS[i]; i++)
    if (json_object_get(cl, WHEN_KEYS[i])) json_object_set(note, WHEN_KEYS[i], json_object_get(cl, WHEN_KEYS[i]));
  rc |= !note || send_json(ctx, p->t_notify, account, note);
  json_decref(note);
  return rc;
}

/* Interview time and place: the offline classifier fills res->when for an
 * INTERVIEW; an LLM result gets it here (its own interview_at is kept when
 * the extractor finds nothing). A reschedule or cancellation of an
 * interview the model did not call INTERVIEW (no other stage fits it) is
 * one: so the application's next interview moves or is cancelled. */
static void interview_when(const co_classify_input_t *in, co_classify_result_t *res) {
  static const char *const WORDS[] = {"interview", "gespräch", "entrevista", "entretien", "gesprek", "colloquio",
                                      "phone screen", "call", NULL};
  if (res->label == CO_CLASSIFY_INTERVIEW && res->when.source[0]) return;
  if (res->label != CO_CLASSIFY_INTERVIEW && res->label != CO_CLASSIFY_APPLIED && res->label != CO_CLASSIFY_OTHER) return;
  co_classify_when_t w;
  co_classify_when_extract(in, &w);
  if (res->label != CO_CLASSIFY_INTERVIEW) {
    int about = 0;
    for (int i = 0; WORDS[i] && !about; i++)
      about = (in->subject && strcasestr(in->subject, WORDS[i])) || (in->body && strcasestr(in->body, WORDS[i]));
    if (!about || !w.at_utc[0] || (strcmp(w.status, "cancelled") && strcmp(w.status, "rescheduled"))) return;
    res->label = CO_CLASSIFY_INTERVIEW;
    res->rule = "interview_when";
  }
  res->when = w;
  if (*co_classify_when_iso(&w))
    snprintf(res->interview_at, sizeof(res->interview_at), "%s", co_classify_when_iso(&w));
}

/* The Date header in the sender's offset ("2026-12-07T09:00:00-05:00") from
 * the event's UTC "date" and "date_zone": unzoned and relative interview
 * times are the sender's local ones. Just "date" when there is no zone. */
static void local_date(json_t *ev, char *buf, size_t size) {
  const char *d = co_json_str(ev, "date"), *z = co_json_str(ev, "date_zone");
  int y, mo, dd, h, mi, s, zh, zm;
  size_t dl = strlen(d) < size ? strlen(d) : size - 1;
  memcpy(buf, d, dl);
  buf[dl] = 0;
  if (strlen(z) != 6 || sscanf(z + 1, "%2d:%2d", &zh, &zm) != 2 ||
      sscanf(d, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &dd, &h, &mi, &s) != 6)
    return;
  struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = dd, .tm_hour = h, .tm_min = mi, .tm_sec = s};
  time_t t = timegm(&tm) + (z[0] == '-' ? -1 : 1) * (zh * 3600 + zm * 60);
  struct tm l;
  if (!gmtime_r(&t, &l)) return;
  if (size < 26) return;
  strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &l);
  memcpy(buf + 19, z, 7); /* the offset and its NUL */
}

static void from_text(json_t *ev, char *buf, size_t size) {
  json_t *f = json_object_get(ev, "from");
  const char *name = co_json_str(f, "name"), *addr = co_json_str(f, "address");
  if (*name && *addr)
    snprintf(buf, size, "%s <%s>", name, addr);
  else
    snprintf(buf, size, "%s", *addr ? addr : name);
}

void co_pl_apps_interview(json_t *app, const char *label, json_t *ev) {
  const char *st = json_string_value(json_object_get(ev, "interview_status"));
  json_t *iv = json_object_get(app, "interview");
  if (st && !strcmp(st, "cancelled")) {
    const char *utc = json_string_value(json_object_get(ev, "interview_utc"));
    const char *cur = json_string_value(json_object_get(iv, "utc"));
    if (utc && cur && strcmp(utc, cur)) return; /* another interview of this application */
    json_object_set_new(app, "next_interview", json_null());
    if (json_is_object(iv)) json_object_set_new(iv, "status", json_string("cancelled"));
    else json_object_set_new(app, "interview", json_pack("{s:s}", "status", "cancelled"));
    return;
  }
  if (strcmp(label, "INTERVIEW") || !json_is_string(json_object_get(ev, "interview_at"))) return;
  json_t *n = json_pack("{s:O, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?}", "at", json_object_get(ev, "interview_at"), "utc",
                        json_object_get(ev, "interview_utc"), "zone", json_object_get(ev, "interview_zone"), "minutes",
                        json_object_get(ev, "interview_minutes"), "link", json_object_get(ev, "interview_link"),
                        "link_kind", json_object_get(ev, "interview_link_kind"), "status",
                        json_object_get(ev, "interview_status"), "candidates", json_object_get(ev, "interview_candidates"));
  /* a reschedule that names no new link or length keeps the old ones */
  if (n && st && !strcmp(st, "rescheduled") && json_is_object(iv)) {
    static const char *const KEEP[] = {"minutes", "link", "link_kind", NULL};
    for (int i = 0; KEEP[i]; i++)
      if (json_is_null(json_object_get(n, KEEP[i])) && json_object_get(iv, KEEP[i]))
        json_object_set(n, KEEP[i], json_object_get(iv, KEEP[i]));
  }
  if (n) json_object_set_new(app, "interview", n);
}

co_proc_rc_t co_pl_classify_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr,
                                 size_t errstr_size) {
  co_pipeline_t *p = opaque;
  co_proc_rc_t rc = CO_PROC_OK;
  json_t *ev = NULL;
  char *dkey = NULL, *app_key = NULL, from[640];
  void *seen = NULL;
  size_t seen_len;
  co_classify_result_t res;
  json_error_t je;

  if (!rec->value) return CO_PROC_OK; /* tombstone: nothing to classify */
  if (co_pl_review_is_answer(rec)) return co_pl_review_apply(ctx, p, rec, errstr, errstr_size);
  const co_hdr_t *ih = find_hdr(rec, CO_PL_HDR_INGEST_ERROR);
  if (ih) {
    snprintf(errstr, errstr_size, "%.*s", (int)ih->len, ih->value ? (const char *)ih->value : "ingest failed");
    return CO_PROC_POISON;
  }
  if (!(ev = json_loadb(rec->value, rec->value_len, 0, &je)) || !json_is_object(ev)) {
    snprintf(errstr, errstr_size, "classify: value is not a JSON event object (%s at byte %d)",
             ev ? "not an object" : je.text, ev ? 0 : je.position);
    rc = CO_PROC_POISON;
    goto done;
  }
  if (json_integer_value(json_object_get(ev, "schema")) != CO_INGEST_SCHEMA_VERSION ||
      !json_is_string(json_object_get(ev, "account"))) {
    snprintf(errstr, errstr_size, "classify: event lacks \"schema\":%d or a string \"account\"",
             CO_INGEST_SCHEMA_VERSION);
    rc = CO_PROC_POISON;
    goto done;
  }
  const char *account = co_json_str(ev, "account");

  /* Dedupe: the event's key, else computed the way ingest does. */
  if (*co_json_str(ev, "dedupe_key"))
    dkey = strdup(co_json_str(ev, "dedupe_key"));
  else if (co_ingest_dedupe_key(rec->value, &dkey, errstr, errstr_size)) {
    rc = CO_PROC_POISON;
    goto done;
  }
  if (!dkey) goto nomem;
  { /* per account: the same mail in two mailboxes belongs to both histories */
    char *k = NULL;
    if (asprintf(&k, "%s\x1f%s", account, dkey) < 0) goto nomem;
    free(dkey);
    dkey = k;
  }
  if (co_ctx_get(ctx, CO_PL_STORE_DEDUPE, dkey, strlen(dkey), &seen, &seen_len) == CO_OK) {
    CO_DEBUG("pipeline", "duplicate %s dropped", dkey);
    goto done;
  }
  if (co_ctx_put(ctx, CO_PL_STORE_DEDUPE, dkey, strlen(dkey), "1", 1, p->dedupe_ttl_ms)) goto store_err;

  from_text(ev, from, sizeof(from));
  char date[40];
  local_date(ev, date, sizeof(date));
  co_classify_input_t in = {.subject = co_json_str(ev, "subject"),
                            .from = from,
                            .body = co_json_str(ev, "text"),
                            .date = date,
                            .has_list_unsubscribe = json_is_true(json_object_get(ev, "has_list_unsubscribe"))};
  co_classify_cal_t cal;
  if (co_classify_cal_from_json(json_object_get(ev, "calendar"), &cal)) in.calendar = &cal;
  /* The chain answers whenever its arguments are valid (offline last), so
   * an error here is the offline model refusing the input: POISON. */
  char classifier[32] = "offline", why[512] = "";
  co_err_t ce;
  if (p->llm) {
    ce = co_llm_classify(p->llm, &in, &res, classifier, sizeof(classifier), why, sizeof(why));
  } else { /* the current model: a new model file is picked up here (co_pipeline_model.c) */
    co_pl_models_check(p->models, 0, NULL, NULL, 0);
    const co_classify_model_t *m = co_pl_models_acquire(p->models);
    ce = co_classify_email(m, &in, &res, why, sizeof(why));
    co_pl_models_release(p->models, m);
  }
  if (ce) {
    snprintf(errstr, errstr_size, "classify: %s", why);
    rc = CO_PROC_POISON;
    goto done;
  }
  interview_when(&in, &res);
  const char *label = co_classify_label_name(res.label);
  if (json_object_set_new(ev, "label", json_string(label)) ||
      json_object_set_new(ev, "company", json_string(res.company)) ||
      json_object_set_new(ev, "role", json_string(res.role)) ||
      json_object_set_new(ev, "confidence", json_real((double)res.confidence)) ||
      json_object_set_new(ev, "summary", json_string(res.summary)) ||
      json_object_set_new(ev, "interview_at", *res.interview_at ? json_string(res.interview_at) : json_null()) ||
      json_object_set_new(ev, "classifier", json_string(classifier)) ||
      co_classify_when_to_json(&res.when, ev))
    goto nomem;
  /* Why the LLMs were passed over (provider and status, never a key). */
  if (p->llm && *why && json_object_set_new(ev, "classifier_error", json_string(why))) goto nomem;

  if (co_pl_apps_update(ctx, account, ev, &app_key, errstr, errstr_size)) {
    rc = CO_PROC_RETRYABLE;
    goto done;
  }
  if (app_key && json_object_set_new(ev, "application", json_string(app_key))) goto nomem;
  if (co_pl_review_consider(ctx, p, account, ev, &res)) goto store_err;
  if (co_pl_emails_put(ctx, account, ev)) goto store_err;
  if (send_json(ctx, p->t_classified, account, ev)) goto nomem;
  if ((res.label == CO_CLASSIFY_INTERVIEW || res.label == CO_CLASSIFY_OFFER) &&
      send_followups(ctx, p, account, ev, app_key))
    goto nomem;
  goto done;

store_err:
  snprintf(errstr, errstr_size, "classify: state store write failed");
  rc = CO_PROC_RETRYABLE;
  goto done;
nomem:
  snprintf(errstr, errstr_size, "classify: out of memory building output");
  rc = CO_PROC_RETRYABLE;
done:
  free(seen);
  free(dkey);
  free(app_key);
  json_decref(ev);
  return rc;
}
