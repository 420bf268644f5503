/* co_pipeline_apps.c: the "applications" store: one job application per
 * job, built up from classified events.
 *
 * Key "<account>\x1f<company lower>\x1f<role's canonical words>" (see
 * co_pipeline_role.c; states written before canonical words keep their
 * "<role lower>" keys, which are still found: matching reads the stored role).
 * An event joins an application, in this order: (1) the application of a
 * message it replies to (In-Reply-To / References), because a scheduling
 * reply rarely spells the company the way the confirmation did; (2) one of
 * the company's applications whose role names the same job ("SRE" and "Site
 * Reliability Engineer"); (3) when the event names no role, the company's
 * most recently contacted open application. Otherwise it creates one (OTHER
 * never does), listing in "similar" the company's applications that may be
 * the same job, for the dashboard to suggest a merge. A confirmation dated
 * after its job's rejection is a re-application: a new application.
 * The stage only moves forward: APPLIED < INTERVIEW < OFFER = REJECTION, so
 * a late or replayed confirmation never undoes an interview.
 *
 * All of an account's entries live in its partition (topic.raw is keyed by
 * account), so the per-account index and thread entries sit next to them and
 * a reader outside the topology finds them with co_rt_store_get. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_json.h"
#include "co_pipeline_int.h"

static int stage_rank(const char *s) {
  if (!s) return -1;
  if (!strcmp(s, "APPLIED")) return 0;
  if (!strcmp(s, "INTERVIEW")) return 1;
  if (!strcmp(s, "OFFER") || !strcmp(s, "REJECTION")) return 2;
  return -1;
}

static char *key_join(const char *a, const char *b, const char *c, int lower) {
  size_t n = strlen(a) + strlen(b) + (c ? strlen(c) + 1 : 0) + 2;
  char *k = malloc(n);
  if (!k) return NULL;
  snprintf(k, n, c ? "%s\x1f%s\x1f%s" : "%s%s", a, b, c ? c : "");
  if (lower)
    for (char *s = k + strlen(a); *s; s++) *s = (char)tolower((unsigned char)*s);
  return k;
}



/* Adds s to the JSON array at key unless present. */
static co_err_t index_add(co_ctx_t *ctx, const char *key, const char *s) {
  json_t *arr = co_pl_ctx_get_json(ctx, CO_PL_STORE_APPS, key), *v;
  size_t i;
  if (!json_is_array(arr)) {
    json_decref(arr);
    arr = json_array();
  }
  json_array_foreach(arr, i, v) if (!strcmp(json_string_value(v) ? json_string_value(v) : "", s)) {
    json_decref(arr);
    return CO_OK;
  }
  co_err_t e = json_array_append_new(arr, json_string(s)) ? CO_ERR_NOMEM : co_pl_ctx_put_json(ctx, CO_PL_STORE_APPS, key, arr);
  json_decref(arr);
  return e;
}

/* The application an earlier message of the thread joined, or NULL. */
static char *thread_lookup(co_ctx_t *ctx, const char *account, json_t *ev) {
  json_t *refs = json_object_get(ev, "references");
  const char *irt = json_string_value(json_object_get(ev, "in_reply_to"));
  size_t n = json_array_size(refs);
  for (size_t i = 0; i <= n; i++) {
    /* in_reply_to first, then references from the newest */
    const char *id = i == 0 ? irt : json_string_value(json_array_get(refs, n - i));
    if (!id) continue;
    char *tk = key_join(CO_PL_IDX_THREAD, account, id, 0);
    void *v = NULL;
    size_t vl;
    co_err_t e = tk ? co_ctx_get(ctx, CO_PL_STORE_APPS, tk, strlen(tk), &v, &vl) : CO_ERR_NOMEM;
    free(tk);
    if (e == CO_OK) return v;
  }
  return NULL;
}

/* What a scan of one company's applications found for an event's role. */
typedef struct job_find_s {
  const char *company;
  co_pl_role_t role; /* the event's */
  char *same, *latest_open, *latest;            /* keys (malloc'd) */
  char same_at[64], open_at[64], latest_at[64]; /* their last_contact */
  char same_stage[16];
  json_t *similar; /* keys of applications that may be the same job */
} job_find_t;

static void take_if_newer(char **key, char *at, size_t atsz, const void *k, size_t klen, const char *lc) {
  if (*key && strcmp(lc, at) <= 0) return;
  free(*key);
  if ((*key = malloc(klen + 1))) {
    memcpy(*key, k, klen);
    (*key)[klen] = '\0';
  }
  snprintf(at, atsz, "%s", lc);
}

static int job_find_cb(const void *key, size_t klen, const void *val, size_t vlen, void *opaque) {
  job_find_t *f = opaque;
  json_t *j = json_loadb(val, vlen, 0, NULL);
  if (!json_is_object(j)) goto done;
  const char *lc = co_json_str(j, "last_contact");
  co_pl_role_t r;
  co_pl_role_canon(co_json_str(j, "role"), f->company, &r);
  if (!r.req[0]) snprintf(r.req, sizeof(r.req), "%s", co_json_str(j, "req")); /* named in its first email's text */
  take_if_newer(&f->latest, f->latest_at, sizeof(f->latest_at), key, klen, lc);
  if (stage_rank(co_json_str(j, "stage")) < 2) take_if_newer(&f->latest_open, f->open_at, sizeof(f->open_at), key, klen, lc);
  if (co_pl_role_same(&f->role, &r)) {
    char *before = f->same;
    take_if_newer(&f->same, f->same_at, sizeof(f->same_at), key, klen, lc);
    if (f->same != before) snprintf(f->same_stage, sizeof(f->same_stage), "%s", co_json_str(j, "stage"));
  } else if (co_pl_role_similar(&f->role, &r)) {
    json_array_append_new(f->similar, json_stringn(key, klen));
  }
done:
  json_decref(j);
  return 0;
}

/* The store key of a new application for role at company: its canonical
 * words, seniority and requisition id, so spellings of one job share it. */
static char *new_key(const char *account, const char *company, const char *role, const co_pl_role_t *r) {
  char part[400];
  if (!r->words[0]) return key_join(account, company, role, 1);
  snprintf(part, sizeof(part), "%s%s%s%s%s", r->words, r->level[0] ? " @" : "", r->level, r->req[0] ? " #" : "", r->req);
  return key_join(account, company, part, 1);
}

/* The application an event about role at company joins, in this order: an
 * application whose role names the same job (co_pl_role_same); with no role,
 * the company's most recently contacted open application, else its most
 * recent one. A confirmation dated after that job's rejection is a
 * re-application: a new application ("<key> (2)"). Otherwise a new key;
 * *similar then gets the keys of applications that may be the same job. */
static co_err_t find_job(co_ctx_t *ctx, const char *account, const char *company, const char *role, const char *req,
                         const char *label, const char *at, char **key_out, json_t **similar) {
  job_find_t f = {.company = company, .similar = json_array()};
  char *prefix = key_join(account, company, "", 1);
  *key_out = NULL;
  if (!prefix || !f.similar) goto nomem;
  co_pl_role_canon(role, company, &f.role);
  if (!f.role.req[0]) snprintf(f.role.req, sizeof(f.role.req), "%s", req);
  co_ctx_scan(ctx, CO_PL_STORE_APPS, prefix, strlen(prefix), job_find_cb, &f);
  if (f.same && !strcmp(f.same_stage, "REJECTION") && !strcmp(label, "APPLIED") && strcmp(at, f.same_at) > 0) {
    for (int n = 2; n < 100 && !*key_out; n++) {
      size_t kl = strlen(f.same) + 16;
      char *k = malloc(kl);
      json_t *old;
      if (!k) goto nomem;
      snprintf(k, kl, "%s (%d)", f.same, n);
      if ((old = co_pl_ctx_get_json(ctx, CO_PL_STORE_APPS, k))) {
        json_decref(old);
        free(k);
        continue;
      }
      *key_out = k;
    }
  } else if (f.same) {
    *key_out = f.same, f.same = NULL;
  } else if (!f.role.words[0] && (f.latest_open || f.latest)) {
    if (f.latest_open) *key_out = f.latest_open, f.latest_open = NULL;
    else *key_out = f.latest, f.latest = NULL;
  } else if (!(*key_out = new_key(account, company, role, &f.role))) {
    goto nomem;
  }
  *similar = f.similar;
  f.similar = NULL;
  free(prefix);
  free(f.same), free(f.latest_open), free(f.latest);
  return *key_out ? CO_OK : CO_ERR_NOMEM;
nomem:
  free(prefix);
  free(f.same), free(f.latest_open), free(f.latest);
  json_decref(f.similar);
  return CO_ERR_NOMEM;
}

static void iso_now(co_ctx_t *ctx, char *buf, size_t size) { co_pl_utc_iso((time_t)(co_ctx_now_ms(ctx) / 1000), buf, size); }

/* The calendar identity of app's interview (its first instant: a reschedule
 * keeps it, a new interview starts its own) and its sequence (raised by a
 * reschedule or a cancellation), so its UID is stable and calendars update
 * the same event. prev: the interview object before this email (a copy). */
static void interview_identity(json_t *app, json_t *prev) {
  json_t *iv = json_object_get(app, "interview");
  if (!json_is_object(iv) || json_equal(iv, prev)) return;
  const char *utc = co_json_str(iv, "utc"), *pid = co_json_str(prev, "identity"), *st = co_json_str(iv, "status");
  if (!*utc) utc = co_json_str(iv, "at");
  json_int_t seq = json_integer_value(json_object_get(prev, "sequence"));
  int same = *pid && (!strcmp(st, "rescheduled") || !strcmp(st, "cancelled") || !strcmp(utc, co_json_str(prev, "utc")) ||
                      !*utc);
  if (same) {
    int moved = strcmp(utc, co_json_str(prev, "utc")) || strcmp(st, co_json_str(prev, "status"));
    json_object_set_new(iv, "identity", json_string(pid));
    json_object_set_new(iv, "sequence", json_integer(seq + (moved ? 1 : 0)));
  } else if (*utc) {
    json_object_set_new(iv, "identity", json_string(utc));
    json_object_set_new(iv, "sequence", json_integer(0));
  }
}

co_err_t co_pl_apps_update(co_ctx_t *ctx, const char *account, json_t *ev, char **app_key_out, char *errstr,
                           size_t errstr_size) {
  co_err_t err = CO_OK;
  const char *label = co_json_str(ev, "label"), *company = co_json_str(ev, "company"), *role = co_json_str(ev, "role");
  const char *mid = json_string_value(json_object_get(ev, "message_id"));
  char *key = NULL, *tk = NULL, now[32], req[32] = "";
  json_t *app = NULL, *similar = NULL;
  *app_key_out = NULL;
  if (stage_rank(label) < 0) return CO_OK; /* OTHER: not about an application */

  const char *at = *co_json_str(ev, "date") ? co_json_str(ev, "date") : (iso_now(ctx, now, sizeof(now)), now);
  if (!(key = thread_lookup(ctx, account, ev))) {
    if (!*company) return CO_OK; /* nothing to attribute it to */
    co_pl_role_req_from_text(co_json_str(ev, "subject"), req, sizeof(req));
    if (!req[0]) co_pl_role_req_from_text(co_json_str(ev, "text"), req, sizeof(req));
    if (find_job(ctx, account, company, role, req, label, at, &key, &similar)) goto nomem;
  }
  app = co_pl_ctx_get_json(ctx, CO_PL_STORE_APPS, key);
  if (!app) {
    if (!(app = json_pack("{s:s, s:s, s:n, s:[], s:s, s:s, s:n, s:I}", "company", company, "role", role, "stage",
                          "stages", "first_seen", at, "last_contact", at, "next_interview", "emails", (json_int_t)0)))
      goto nomem;
    if (json_array_size(similar)) json_object_set(app, "similar", similar);
    if (req[0]) json_object_set_new(app, "req", json_string(req));
    char *ik = key_join(CO_PL_IDX_APPS, account, NULL, 0);
    if (!ik) goto nomem;
    err = index_add(ctx, ik, key);
    free(ik);
    if (err || (err = index_add(ctx, CO_PL_IDX_ACCOUNTS, account))) goto store_err;
  }
  if (!*co_json_str(app, "role") && *role) json_object_set_new(app, "role", json_string(role));
  json_object_set_new(app, "emails", json_integer(json_integer_value(json_object_get(app, "emails")) + 1));
  if (strcmp(at, co_json_str(app, "first_seen")) < 0) json_object_set_new(app, "first_seen", json_string(at));
  if (strcmp(at, co_json_str(app, "last_contact")) > 0) json_object_set_new(app, "last_contact", json_string(at));
  if (stage_rank(label) > stage_rank(json_string_value(json_object_get(app, "stage")))) {
    json_object_set_new(app, "stage", json_string(label));
    json_array_append_new(json_object_get(app, "stages"),
                          json_pack("{s:s, s:s, s:O?, s:O?}", "stage", label, "at", at, "message_id",
                                    json_object_get(ev, "message_id"), "subject", json_object_get(ev, "subject")));
  }
  json_t *ia = json_object_get(ev, "interview_at");
  if (!strcmp(label, "INTERVIEW") && json_is_string(ia)) json_object_set(app, "next_interview", ia);
  json_t *prev_iv = json_deep_copy(json_object_get(app, "interview"));
  co_pl_apps_interview(app, label, ev); /* time, zone, duration, link, status */
  interview_identity(app, prev_iv);
  json_decref(prev_iv);
  if (stage_rank(co_json_str(app, "stage")) == 2) json_object_set_new(app, "next_interview", json_null());
  if ((err = co_pl_ctx_put_json(ctx, CO_PL_STORE_APPS, key, app))) goto store_err;
  if (mid) {
    if (!(tk = key_join(CO_PL_IDX_THREAD, account, mid, 0))) goto nomem;
    if ((err = co_ctx_put(ctx, CO_PL_STORE_APPS, tk, strlen(tk), key, strlen(key), 0))) goto store_err;
  }
  *app_key_out = key;
  key = NULL;
  goto done;

nomem:
  err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "applications: out of memory");
  goto done;
store_err:
  err = co_seterr(errstr, errstr_size, err ? err : CO_ERR_STORE, "applications: store write failed: %s",
                  co_err2str(err ? err : CO_ERR_STORE));
done:
  free(tk);
  free(key);
  json_decref(app);
  json_decref(similar);
  return err;
}
