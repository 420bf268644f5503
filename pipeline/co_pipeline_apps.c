/* co_pipeline_apps.c: the "applications" store: one job application per
 * (account, company, role), built up from classified events.
 *
 * Key "<account>\x1f<company lower>\x1f<role lower>" (role may be empty).
 * An event joins an application, in this order: (1) the application of a
 * message it replies to (In-Reply-To / References), because a scheduling
 * reply rarely spells the company the way the confirmation did; (2) the exact
 * key; (3) when the event names no role, the company's most recently
 * contacted application. Otherwise it creates one (OTHER never does).
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

#include "co_pipeline_int.h"

static int stage_rank(const char *s) {
  if (!s) return -1;
  if (!strcmp(s, "APPLIED")) return 0;
  if (!strcmp(s, "INTERVIEW")) return 1;
  if (!strcmp(s, "OFFER") || !strcmp(s, "REJECTION")) return 2;
  return -1;
}

static const char *jstr(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
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

typedef struct latest_s {
  char *key;
  char last[64];
} latest_t;

static int latest_cb(const void *key, size_t klen, const void *val, size_t vlen, void *opaque) {
  latest_t *l = opaque;
  json_t *j = json_loadb(val, vlen, 0, NULL);
  const char *lc = jstr(j, "last_contact");
  if (j && (!l->key || strcmp(lc, l->last) > 0)) {
    free(l->key);
    if ((l->key = malloc(klen + 1))) {
      memcpy(l->key, key, klen);
      l->key[klen] = '\0';
    }
    snprintf(l->last, sizeof(l->last), "%s", lc);
  }
  json_decref(j);
  return 0;
}

static void iso_now(co_ctx_t *ctx, char *buf, size_t size) { co_pl_utc_iso((time_t)(co_ctx_now_ms(ctx) / 1000), buf, size); }

co_err_t co_pl_apps_update(co_ctx_t *ctx, const char *account, json_t *ev, char **app_key_out, char *errstr,
                           size_t errstr_size) {
  co_err_t err = CO_OK;
  const char *label = jstr(ev, "label"), *company = jstr(ev, "company"), *role = jstr(ev, "role");
  const char *mid = json_string_value(json_object_get(ev, "message_id"));
  char *key = NULL, *tk = NULL, now[32];
  json_t *app = NULL;
  *app_key_out = NULL;
  if (stage_rank(label) < 0) return CO_OK; /* OTHER: not about an application */

  if (!(key = thread_lookup(ctx, account, ev))) {
    if (!*company) return CO_OK; /* nothing to attribute it to */
    if (!(key = key_join(account, company, role, 1))) goto nomem;
    if (!*role && !(app = co_pl_ctx_get_json(ctx, CO_PL_STORE_APPS, key))) {
      latest_t l = {0};
      char *prefix = key_join(account, company, "", 1);
      if (!prefix) goto nomem;
      co_ctx_scan(ctx, CO_PL_STORE_APPS, prefix, strlen(prefix), latest_cb, &l);
      free(prefix);
      if (l.key) {
        free(key);
        key = l.key;
      }
    }
  }
  if (!app) app = co_pl_ctx_get_json(ctx, CO_PL_STORE_APPS, key);
  const char *at = *jstr(ev, "date") ? jstr(ev, "date") : (iso_now(ctx, now, sizeof(now)), now);
  if (!app) {
    if (!(app = json_pack("{s:s, s:s, s:n, s:[], s:s, s:s, s:n, s:I}", "company", company, "role", role, "stage",
                          "stages", "first_seen", at, "last_contact", at, "next_interview", "emails", (json_int_t)0)))
      goto nomem;
    char *ik = key_join(CO_PL_IDX_APPS, account, NULL, 0);
    if (!ik) goto nomem;
    err = index_add(ctx, ik, key);
    free(ik);
    if (err || (err = index_add(ctx, CO_PL_IDX_ACCOUNTS, account))) goto store_err;
  }
  if (!*jstr(app, "role") && *role) json_object_set_new(app, "role", json_string(role));
  json_object_set_new(app, "emails", json_integer(json_integer_value(json_object_get(app, "emails")) + 1));
  if (strcmp(at, jstr(app, "first_seen")) < 0) json_object_set_new(app, "first_seen", json_string(at));
  if (strcmp(at, jstr(app, "last_contact")) > 0) json_object_set_new(app, "last_contact", json_string(at));
  if (stage_rank(label) > stage_rank(json_string_value(json_object_get(app, "stage")))) {
    json_object_set_new(app, "stage", json_string(label));
    json_array_append_new(json_object_get(app, "stages"),
                          json_pack("{s:s, s:s, s:O?, s:O?}", "stage", label, "at", at, "message_id",
                                    json_object_get(ev, "message_id"), "subject", json_object_get(ev, "subject")));
  }
  json_t *ia = json_object_get(ev, "interview_at");
  if (!strcmp(label, "INTERVIEW") && json_is_string(ia)) json_object_set(app, "next_interview", ia);
  co_pl_apps_interview(app, label, ev); /* time, zone, duration, link, status */
  if (stage_rank(jstr(app, "stage")) == 2) json_object_set_new(app, "next_interview", json_null());
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
  return err;
}
