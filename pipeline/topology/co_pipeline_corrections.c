/* co_pipeline_corrections.c: manual corrections to applications, kept apart
 * from what the classifier derived so that a reprocess cannot erase them.
 *
 * A correction is a record on topic.corrections keyed by account, the same
 * key (and partition count) as topic.raw, so an account's corrections store
 * sits in the same partition number as its applications store. The runtime
 * gives each store to exactly one processor, so the "corrections" processor
 * folds records into its own store, per application key:
 *
 *   <app key>                  {"set":{stage?,company?,role?,notes?,interview?},
 *                               "not_job_related":bool, "merge_into":key|null,
 *                               "labels":[{message_id,label}], "history":[...]}
 *   \x1e merged \x1f <app key> JSON array of keys merged into that one
 *
 * and readers overlay them on the applications at read time
 * (co_pl_corrections_overlay). Reprocessing topic.raw rebuilds the
 * applications store only; the corrections store is not touched and is
 * itself rebuilt from topic.corrections, so the corrections come back either
 * way. Log order decides between two corrections of one field.
 *
 * The export turns corrected applications back into labelled emails, using
 * the classified events (which carry subject, sender and text) of
 * topic.classified: see co_pipeline_corrections_export below. */
#include <ctype.h>
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_json.h"
#include "co_log.h"
#include "co_pipeline_int.h"
#include "co_pipeline_review.h"
#include "co_time.h"
#include "co_kafka.h"

#define CO_PL_IDX_MERGED \
  "\x1e"                 \
  "merged\x1f"
#define CO_PL_CORR_HISTORY_MAX 50
#define CO_PL_CORR_TEXT_MAX 127
#define CO_PL_CORR_NOTES_MAX 4000 /* bytes of a person's notes on an application */
#define CO_PL_CORR_PLACE_MAX 300  /* an interview's location text */
#define CO_PL_CORR_LINK_MAX 1000

static int stage_rank(const char *s) {
  static const char *const st[] = {"APPLIED", "INTERVIEW", "OFFER", "REJECTION"};
  for (int i = 0; s && i < 4; i++)
    if (!strcmp(s, st[i])) return i < 3 ? i : 2;
  return -1;
}

/* 1 if key is one of account's application keys ("<account>\x1f..."). */
static int key_of_account(const char *key, const char *account) {
  size_t al = strlen(account);
  return key && !strncmp(key, account, al) && key[al] == '\x1f' && key[al + 1];
}

/* set.interview: {"at": an instant with its zone (2026-12-14T10:00:00-05:00)
 * or a date alone, "minutes"?: 5..480, "link"?: http(s) URL,
 * "location"?: text}; why gets the reason it is refused. */
static int valid_interview(json_t *iv, char *why, size_t sz) {
  const char *k;
  json_t *v;
  time_t t;
  int date_only = 0;
  if (!json_is_object(iv)) return snprintf(why, sz, "set.interview must be an object, or null"), 0;
  const char *at = json_string_value(json_object_get(iv, "at"));
  if (!at || (co_time_parse_iso(at, 0, &t, NULL) && (co_time_parse_iso(at, 1, &t, &date_only) || !date_only)))
    return snprintf(why, sz, "set.interview.at must be a time with its zone (2026-12-14T10:00:00-05:00) or a date "
                             "(2026-12-14)"), 0;
  json_object_foreach(iv, k, v) {
    if (!strcmp(k, "at")) continue;
    if (!strcmp(k, "minutes")) {
      if (!json_is_integer(v) || json_integer_value(v) < 5 || json_integer_value(v) > 480)
        return snprintf(why, sz, "set.interview.minutes must be a whole number from 5 to 480"), 0;
    } else if (!strcmp(k, "link")) {
      const char *l = json_string_value(v);
      if (!l || json_string_length(v) > CO_PL_CORR_LINK_MAX || strlen(l) != json_string_length(v) ||
          (strncmp(l, "https://", 8) && strncmp(l, "http://", 7)))
        return snprintf(why, sz, "set.interview.link must be an http(s) URL of at most %d bytes", CO_PL_CORR_LINK_MAX), 0;
    } else if (!strcmp(k, "location")) {
      if (!json_is_string(v) || json_string_length(v) > CO_PL_CORR_PLACE_MAX ||
          strlen(json_string_value(v)) != json_string_length(v))
        return snprintf(why, sz, "set.interview.location must be text of at most %d bytes", CO_PL_CORR_PLACE_MAX), 0;
    } else {
      return snprintf(why, sz, "set.interview may hold at, minutes, link and location, not \"%.40s\"", k), 0;
    }
  }
  return 1;
}

/* Checks a correction object; why gets the reason it is refused. */
static int valid_correction(json_t *c, const char *account, char *why, size_t sz) {
  const char *k;
  json_t *v;
  int acts = 0;
  if (!json_is_object(c)) return snprintf(why, sz, "a correction is a JSON object"), 0;
  json_object_foreach(c, k, v) {
    if (!strcmp(k, "account") || !strcmp(k, "schema")) continue; /* set by co_pipeline_correct */
    if (!strcmp(k, "application")) {
      if (!key_of_account(json_string_value(v), account))
        return snprintf(why, sz, "\"application\" must be an application key of account %s", account), 0;
    } else if (!strcmp(k, "set")) {
      const char *f;
      json_t *fv;
      if (!json_is_object(v) || !json_object_size(v))
        return snprintf(why, sz, "\"set\" must be a non-empty object"), 0;
      json_object_foreach(v, f, fv) {
        if (strcmp(f, "stage") && strcmp(f, "company") && strcmp(f, "role") && strcmp(f, "notes") &&
            strcmp(f, "interview"))
          return snprintf(why, sz, "\"set\" may hold stage, company, role, notes and interview, not \"%.40s\"", f), 0;
        if (json_is_null(fv)) continue; /* clears an earlier correction */
        if (!strcmp(f, "interview")) {
          if (!valid_interview(fv, why, sz)) return 0;
          continue;
        }
        if (!strcmp(f, "notes")) {
          if (!json_is_string(fv) || json_string_length(fv) > CO_PL_CORR_NOTES_MAX ||
              strlen(json_string_value(fv)) != json_string_length(fv))
            return snprintf(why, sz, "set.notes must be text of at most %d bytes, or null", CO_PL_CORR_NOTES_MAX), 0;
          continue;
        }
        if (!json_is_string(fv) || json_string_length(fv) > CO_PL_CORR_TEXT_MAX)
          return snprintf(why, sz, "set.%s must be a string of at most %d bytes, or null", f, CO_PL_CORR_TEXT_MAX), 0;
        if (!strcmp(f, "stage") && stage_rank(json_string_value(fv)) < 0)
          return snprintf(why, sz, "set.stage must be APPLIED, INTERVIEW, OFFER or REJECTION"), 0;
        if (!strcmp(f, "company") && !json_string_length(fv))
          return snprintf(why, sz, "set.company must not be empty"), 0;
      }
      acts++;
    } else if (!strcmp(k, "not_job_related")) {
      if (!json_is_boolean(v)) return snprintf(why, sz, "\"not_job_related\" must be true or false"), 0;
      acts++;
    } else if (!strcmp(k, "merge_into")) {
      if (!json_is_null(v) && !key_of_account(json_string_value(v), account))
        return snprintf(why, sz, "\"merge_into\" must be an application key of account %s, or null", account), 0;
      if (json_is_string(v) && !strcmp(json_string_value(v), co_json_str(c, "application")))
        return snprintf(why, sz, "an application cannot be merged into itself"), 0;
      acts++;
    } else if (!strcmp(k, "message_id") || !strcmp(k, "at")) {
      if (!json_is_string(v) || json_string_length(v) > 998)
        return snprintf(why, sz, "\"%s\" must be a string", k), 0;
    } else {
      return snprintf(why, sz, "unknown field \"%.40s\"", k), 0;
    }
  }
  if (!json_is_string(json_object_get(c, "application")))
    return snprintf(why, sz, "\"application\" (the application key) is required"), 0;
  if (!acts) return snprintf(why, sz, "nothing to correct: give set, not_job_related or merge_into"), 0;
  return 1;
}

co_err_t co_pl_produce(co_pipeline_t *p, const char *topic, const char *account, const char *val, const char *hdr,
                       char *errstr, size_t sz) {
  char err[256];
  rd_kafka_conf_t *kc = co_rt_kafka_conf(p->conf, errstr, sz);
  if (!kc) return CO_ERR_CONFIG;
  if (rd_kafka_conf_set(kc, "enable.idempotence", "true", err, sizeof(err)) ||
      rd_kafka_conf_set(kc, "partitioner", "murmur2_random", err, sizeof(err))) {
    rd_kafka_conf_destroy(kc);
    return co_seterr(errstr, sz, CO_ERR_CONFIG, "corrections: producer: %s", err);
  }
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, kc, err, sizeof(err));
  if (!rk) {
    rd_kafka_conf_destroy(kc);
    return co_seterr(errstr, sz, CO_ERR_KAFKA, "corrections: producer: %s", err);
  }
  rd_kafka_headers_t *hs = rd_kafka_headers_new(1);
  if (hdr) rd_kafka_header_add(hs, hdr, -1, "1", 1);
  rd_kafka_resp_err_t e = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(account, strlen(account)),
                                            RD_KAFKA_V_VALUE((void *)val, strlen(val)), RD_KAFKA_V_HEADERS(hs),
                                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
  if (e) rd_kafka_headers_destroy(hs); /* on success the message owns them */
  if (!e) e = rd_kafka_flush(rk, 15000);
  rd_kafka_destroy(rk);
  if (e) return co_seterr(errstr, sz, CO_ERR_KAFKA, "corrections: produce: %s", rd_kafka_err2str(e));
  return CO_OK;
}

co_err_t co_pipeline_correct(co_pipeline_t *p, const char *account, const char *correction_json, char *errstr,
                             size_t errstr_size) {
  co_err_t err = CO_OK;
  json_error_t je;
  json_t *c = NULL;
  char *val = NULL, why[256];
  if (!p || !account || !*account || !correction_json)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "correct: pipeline, account and JSON required");
  if (!(c = json_loads(correction_json, 0, &je))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "correct: bad JSON: %s", je.text);
    goto done;
  }
  if (!valid_correction(c, account, why, sizeof(why))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "correct: %s", why);
    goto done;
  }
  /* An application or merge target we can see must exist; in Kafka mode
   * another instance may own the partition, so absence is not proof. */
  const char *refs[2] = {co_json_str(c, "application"), json_string_value(json_object_get(c, "merge_into"))};
  for (int i = 0; i < 2 && co_rt_embedded(p->rt); i++) {
    void *v = NULL;
    size_t vl;
    if (!refs[i]) continue;
    int32_t part = co_rt_partition_for(account, strlen(account), co_rt_partitions(p->rt));
    if (co_rt_store_get(p->rt, CO_PL_STORE_APPS, part, refs[i], strlen(refs[i]), &v, &vl) != CO_OK) {
      err = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "correct: no application %s", i ? "to merge into" : "with that key");
      goto done;
    }
    free(v);
  }
  if (!json_is_string(json_object_get(c, "at"))) {
    char now[32];
    co_pl_utc_iso(time(NULL), now, sizeof(now));
    json_object_set_new(c, "at", json_string(now));
  }
  if (json_object_set_new(c, "schema", json_integer(1)) || json_object_set_new(c, "account", json_string(account)) ||
      !(val = json_dumps(c, JSON_COMPACT | JSON_SORT_KEYS))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "correct: out of memory");
    goto done;
  }
  if (co_rt_embedded(p->rt)) {
    co_rt_msg_t m = {account, strlen(account), val, strlen(val), NULL, 0, NULL};
    err = co_rt_append(p->rt, p->t_corrections, &m, 1, NULL, 0, errstr, errstr_size);
  } else {
    err = co_pl_produce(p, p->t_corrections, account, val, NULL, errstr, errstr_size);
  }
  if (!err) CO_LOGKV(CO_LOG_INFO, "pipeline", "correction recorded", "account", account);
done:
  free(val);
  json_decref(c);
  return err;
}

/* ---- the processor ------------------------------------------------------ */



/* Adds (add != 0) or removes member in the merged-index of target. */
static co_err_t merged_index(co_ctx_t *ctx, const char *target, const char *member, int add) {
  char *ik = NULL;
  if (asprintf(&ik, "%s%s", CO_PL_IDX_MERGED, target) < 0) return CO_ERR_NOMEM;
  json_t *arr = co_pl_ctx_get_json(ctx, CO_PL_STORE_CORRECTIONS, ik), *v;
  size_t i;
  if (!json_is_array(arr)) {
    json_decref(arr);
    arr = json_array();
  }
  json_array_foreach(arr, i, v) if (!strcmp(json_string_value(v) ? json_string_value(v) : "", member)) {
    json_array_remove(arr, i);
    break;
  }
  if (add) json_array_append_new(arr, json_string(member));
  co_err_t e = json_array_size(arr) ? co_pl_ctx_put_json(ctx, CO_PL_STORE_CORRECTIONS, ik, arr) : co_ctx_delete(ctx, CO_PL_STORE_CORRECTIONS, ik, strlen(ik));
  json_decref(arr);
  free(ik);
  return e;
}

co_proc_rc_t co_pl_corrections_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr,
                                    size_t errstr_size) {
  (void)opaque;
  co_proc_rc_t rc = CO_PROC_OK;
  json_error_t je;
  json_t *c = NULL, *st = NULL;
  char why[256];
  if (!rec->value) return CO_PROC_OK;
  if (!(c = json_loadb(rec->value, rec->value_len, 0, &je))) {
    snprintf(errstr, errstr_size, "corrections: value is not JSON (%s)", je.text);
    return CO_PROC_POISON;
  }
  const char *account = co_json_str(c, "account"), *key = co_json_str(c, "application");
  if (!*account || !valid_correction(c, account, why, sizeof(why))) {
    snprintf(errstr, errstr_size, "corrections: %s", *account ? why : "record lacks \"account\"");
    rc = CO_PROC_POISON;
    goto done;
  }
  if (!(st = co_pl_ctx_get_json(ctx, CO_PL_STORE_CORRECTIONS, key)) &&
      !(st = json_pack("{s:s, s:s, s:{}, s:b, s:n, s:[], s:[]}", "account", account, "application", key, "set",
                       "not_job_related", 0, "merge_into", "labels", "history")))
    goto nomem;
  json_t *set = json_object_get(c, "set"), *fv, *v;
  const char *f;
  json_object_foreach(set, f, fv) {
    if (json_is_null(fv))
      json_object_del(json_object_get(st, "set"), f);
    else
      json_object_set(json_object_get(st, "set"), f, fv);
  }
  /* Each interview the person sets is a revision of one calendar event:
   * its identity is the first time they set (when the mail gave none). */
  json_t *civ = json_object_get(set, "interview");
  if (json_is_object(civ)) {
    json_object_set_new(st, "interview_rev", json_integer(json_integer_value(json_object_get(st, "interview_rev")) + 1));
    if (!json_is_string(json_object_get(st, "interview_first")))
      json_object_set(st, "interview_first", json_object_get(civ, "at"));
  }
  if ((v = json_object_get(c, "not_job_related"))) json_object_set(st, "not_job_related", v);
  if ((v = json_object_get(c, "merge_into"))) {
    const char *old = json_string_value(json_object_get(st, "merge_into"));
    if ((old && merged_index(ctx, old, key, 0)) || (json_is_string(v) && merged_index(ctx, json_string_value(v), key, 1)))
      goto store_err;
    json_object_set(st, "merge_into", v);
  }
  /* A stage correction naming its email relabels that email for training. */
  const char *mid = json_string_value(json_object_get(c, "message_id"));
  json_t *stage = json_object_get(set, "stage");
  if (mid && json_is_string(stage)) {
    json_t *labels = json_object_get(st, "labels"), *l;
    size_t i;
    json_array_foreach(labels, i, l) if (!strcmp(co_json_str(l, "message_id"), mid)) {
      json_array_remove(labels, i);
      break;
    }
    json_array_append_new(labels, json_pack("{s:s, s:O}", "message_id", mid, "label", stage));
  }
  json_t *hist = json_object_get(st, "history");
  json_t *h = json_deep_copy(c);
  json_object_del(h, "account");
  json_object_del(h, "schema");
  json_object_del(h, "application");
  json_array_append_new(hist, h);
  while (json_array_size(hist) > CO_PL_CORR_HISTORY_MAX) json_array_remove(hist, 0);
  json_object_set_new(st, "updated_at", json_string(co_json_str(c, "at")));
  if (co_pl_ctx_put_json(ctx, CO_PL_STORE_CORRECTIONS, key, st)) goto store_err;
  goto done;

store_err:
  snprintf(errstr, errstr_size, "corrections: state store write failed");
  rc = CO_PROC_RETRYABLE;
  goto done;
nomem:
  snprintf(errstr, errstr_size, "corrections: out of memory");
  rc = CO_PROC_RETRYABLE;
done:
  json_decref(st);
  json_decref(c);
  return rc;
}

/* ---- reading ------------------------------------------------------------- */


/* Folds application m (merged into out) into out: counts, dates, stages. */
static void fold_merged(json_t *out, const char *mkey, json_t *m) {
  json_object_set_new(out, "emails", json_integer(json_integer_value(json_object_get(out, "emails")) +
                                                  json_integer_value(json_object_get(m, "emails"))));
  if (*co_json_str(m, "first_seen") && strcmp(co_json_str(m, "first_seen"), co_json_str(out, "first_seen")) < 0)
    json_object_set(out, "first_seen", json_object_get(m, "first_seen"));
  if (strcmp(co_json_str(m, "last_contact"), co_json_str(out, "last_contact")) > 0)
    json_object_set(out, "last_contact", json_object_get(m, "last_contact"));
  if (stage_rank(co_json_str(m, "stage")) > stage_rank(co_json_str(out, "stage"))) json_object_set(out, "stage", json_object_get(m, "stage"));
  if (json_is_null(json_object_get(out, "next_interview")) && json_is_string(json_object_get(m, "next_interview")))
    json_object_set(out, "next_interview", json_object_get(m, "next_interview"));
  json_array_extend(json_object_get(out, "stages"), json_object_get(m, "stages"));
  json_array_append_new(json_object_get(out, "merged"), json_string(mkey));
}

/* The application's interview as the person set it (ci: a valid
 * set.interview of the corrections record c) over the derived one (old,
 * may be NULL): its instant in UTC and its zone, and the identity and
 * sequence a calendar needs (the same event, one revision per correction).
 * A new reference. */
static json_t *corrected_interview(json_t *ci, json_t *old, json_t *c) {
  const char *at = co_json_str(ci, "at");
  time_t t = 0;
  int date_only = 0;
  char utc[32] = "", zone[8] = "";
  if (!co_time_parse_iso(at, 0, &t, NULL)) {
    co_time_format_utc(t, utc, sizeof(utc));
    size_t n = strlen(at);
    snprintf(zone, sizeof(zone), "%s", at[n - 1] == 'Z' ? "+00:00" : at + n - 6);
  } else {
    co_time_parse_iso(at, 1, &t, &date_only);
  }
  const char *identity = *co_json_str(old, "identity") ? co_json_str(old, "identity")
                         : *co_json_str(old, "utc")    ? co_json_str(old, "utc")
                         : *co_json_str(old, "at")     ? co_json_str(old, "at")
                         : *co_json_str(c, "interview_first") ? co_json_str(c, "interview_first")
                                                              : at;
  json_int_t rev = json_integer_value(json_object_get(c, "interview_rev"));
  json_t *iv = json_pack("{s:s, s:s, s:s, s:I, s:b}", "at", at, "identity", identity, "status", "scheduled",
                         "sequence", json_integer_value(json_object_get(old, "sequence")) + (rev > 0 ? rev : 1),
                         "corrected", 1);
  if (!iv) return NULL;
  if (*utc) json_object_set_new(iv, "utc", json_string(utc));
  if (*zone) json_object_set_new(iv, "zone", json_string(zone));
  json_t *m = json_object_get(ci, "minutes");
  if (!m) m = json_object_get(old, "minutes");
  if (json_is_integer(m)) json_object_set(iv, "minutes", m);
  const char *link = *co_json_str(ci, "link") ? co_json_str(ci, "link") : co_json_str(old, "link");
  if (*link) {
    json_object_set_new(iv, "link", json_string(link));
    if (!strcmp(link, co_json_str(old, "link")) && json_is_string(json_object_get(old, "link_kind")))
      json_object_set(iv, "link_kind", json_object_get(old, "link_kind"));
  }
  if (*co_json_str(ci, "location")) json_object_set(iv, "location", json_object_get(ci, "location"));
  return iv;
}

json_t *co_pl_corrections_overlay(co_pipeline_t *p, int32_t part, const char *app_key, json_t *app) {
  json_t *c = co_pl_rt_get_json(p->rt, CO_PL_STORE_CORRECTIONS, part, app_key), *out = NULL, *merged = NULL, *k;
  char *ik = NULL;
  size_t i;
  if (c && (json_is_true(json_object_get(c, "not_job_related")) || json_is_string(json_object_get(c, "merge_into"))))
    goto done; /* hidden */
  if (!(out = json_deep_copy(app))) goto done;
  json_object_set_new(out, "key", json_string(app_key));
  if (asprintf(&ik, "%s%s", CO_PL_IDX_MERGED, app_key) >= 0 && (merged = co_pl_rt_get_json(p->rt, CO_PL_STORE_CORRECTIONS, part, ik))) {
    json_object_set_new(out, "merged", json_array());
    if (!json_is_array(json_object_get(out, "stages"))) json_object_set_new(out, "stages", json_array());
    json_array_foreach(merged, i, k) {
      json_t *m = json_string_value(k) ? co_pl_rt_get_json(p->rt, CO_PL_STORE_APPS, part, json_string_value(k)) : NULL;
      if (m) fold_merged(out, json_string_value(k), m);
      json_decref(m);
    }
  }
  if (c) {
    const char *f;
    json_t *v;
    json_object_foreach(json_object_get(c, "set"), f, v) {
      if (!strcmp(f, "interview")) { /* after the stage below: a time the person set is the next interview */
        json_t *iv = corrected_interview(v, json_object_get(out, "interview"), c);
        if (iv) json_object_set_new(out, "interview", iv);
        continue;
      }
      json_object_set(out, f, v);
      if (!strcmp(f, "stage") && stage_rank(json_string_value(v)) == 2)
        json_object_set_new(out, "next_interview", json_null());
    }
    json_t *civ = json_object_get(json_object_get(c, "set"), "interview");
    if (json_is_object(civ)) {
      json_t *iv = json_object_get(out, "interview");
      json_object_set(out, "next_interview", json_is_string(json_object_get(iv, "utc")) ? json_object_get(iv, "utc")
                                                                                       : json_object_get(iv, "at"));
    }
    json_object_set_new(out, "corrected", json_true());
    json_object_set(out, "correction", json_object_get(c, "set"));
    json_object_set(out, "corrected_at", json_object_get(c, "updated_at"));
  }
done:
  free(ik);
  json_decref(merged);
  json_decref(c);
  return out;
}

/* ---- export ---------------------------------------------------------------- */

typedef struct exp_s {
  co_pipeline_t *p;
  FILE *out;
  json_t *seen; /* message ids written */
  int64_t n;
  int failed;
} exp_t;

/* Labels come only from what the person said about THAT email: a review
 * answer (co_pipeline_review.c), a set.stage naming it by message_id, or a
 * not-job-related hide of its application (OTHER). A stage correction that
 * names no email says nothing about any email's label (the stage may have
 * moved outside the mail: a phone call), so it labels nothing. */
static int export_cb(const co_record_t *rec, void *opaque) {
  exp_t *x = opaque;
  json_t *ev = json_loadb(rec->value, rec->value_len, 0, NULL), *c = NULL, *ans = NULL, *ex = NULL;
  const char *account = co_json_str(ev, "account"), *key = co_json_str(ev, "application"), *mid = co_json_str(ev, "message_id");
  const char *label = NULL, *label_source = "correction", *company = co_json_str(ev, "company");
  if (!*mid || json_object_get(x->seen, mid)) goto done;
  int32_t part = co_rt_partition_for(account, strlen(account), co_rt_partitions(x->p->rt));
  if ((ans = co_pl_review_answer_get(x->p, part, account, mid))) {
    label = co_json_str(ans, "label");
    company = co_json_str(ans, "company");
    label_source = "review";
  } else if (*key && (c = co_pl_rt_get_json(x->p->rt, CO_PL_STORE_CORRECTIONS, part, key))) {
    json_t *set = json_object_get(c, "set"), *l;
    size_t i;
    if (json_is_string(json_object_get(set, "company"))) company = co_json_str(set, "company");
    if (json_is_true(json_object_get(c, "not_job_related"))) {
      label = "OTHER";
      company = "";
    }
    json_array_foreach(json_object_get(c, "labels"), i, l) if (!label && !strcmp(co_json_str(l, "message_id"), mid)) label =
        co_json_str(l, "label");
    if (!label && json_is_string(json_object_get(set, "company"))) {
      label = co_json_str(ev, "label"); /* only the company was corrected */
      label_source = "classifier";
    }
  }
  if (!label || !*label) goto done;
  json_t *from = json_object_get(ev, "from");
  char fromtxt[640];
  if (*co_json_str(from, "name") && *co_json_str(from, "address"))
    snprintf(fromtxt, sizeof(fromtxt), "%s <%s>", co_json_str(from, "name"), co_json_str(from, "address"));
  else
    snprintf(fromtxt, sizeof(fromtxt), "%s", *co_json_str(from, "address") ? co_json_str(from, "address") : co_json_str(from, "name"));
  ex = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "subject", co_json_str(ev, "subject"), "from", fromtxt,
                 "body", co_json_str(ev, "text"), "label", label, "company", company, "date", co_json_str(ev, "date"), "message_id",
                 mid, "label_source", label_source, "source", "correction");
  char *line = ex ? json_dumps(ex, JSON_COMPACT) : NULL;
  if (!line || fprintf(x->out, "%s\n", line) < 0) x->failed = 1;
  free(line);
  json_object_set_new(x->seen, mid, json_true());
  x->n++;
done:
  json_decref(ex);
  json_decref(ans);
  json_decref(c);
  json_decref(ev);
  return x->failed;
}

co_err_t co_pipeline_corrections_export(co_pipeline_t *p, FILE *out, int64_t *written, char *errstr,
                                        size_t errstr_size) {
  exp_t x = {p, out, json_object(), 0, 0};
  if (written) *written = 0;
  if (!co_rt_embedded(p->rt)) {
    json_decref(x.seen);
    return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED,
                     "corrections export reads topic.classified from the local log: embedded mode only");
  }
  for (int32_t part = 0; part < co_rt_partitions(p->rt) && !x.failed; part++)
    co_rt_read(p->rt, p->t_classified, part, 0, export_cb, &x);
  json_decref(x.seen);
  if (written) *written = x.n;
  if (x.failed || fflush(out)) return co_seterr(errstr, errstr_size, CO_ERR_IO, "corrections export: write failed");
  return CO_OK;
}
