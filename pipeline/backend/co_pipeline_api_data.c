/* co_pipeline_api_data.c: API answers built from this instance's
 * applications store: the paginated list, a company's timeline, per-account
 * accounts and stats (interviews and their calendar: co_pipeline_api_ics.c).
 *
 * Everything of an account sits in partition murmur2(account) (docs/pipeline.md),
 * read with co_rt_store_get, so this works in embedded mode and for locally
 * owned partitions in Kafka mode; co_pipeline_api.c decides who answers.
 * Application ids are the store keys in URL-safe base64: opaque, stable.
 * Every reader goes through co_pl_api_load_apps, which overlays the manual
 * corrections (co_pl_corrections_overlay), so list, timeline, interviews
 * and stats all agree on them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "co_pipeline_api_int.h"

static const char co_b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

char *co_pl_b64url(const void *data, size_t len) {
  const unsigned char *d = data;
  char *out = malloc(len * 4 / 3 + 4), *o = out;
  if (!out) return NULL;
  for (size_t i = 0; i < len; i += 3) {
    unsigned v = (unsigned)d[i] << 16 | (i + 1 < len ? (unsigned)d[i + 1] << 8 : 0) | (i + 2 < len ? d[i + 2] : 0);
    *o++ = co_b64[v >> 18 & 63];
    *o++ = co_b64[v >> 12 & 63];
    if (i + 1 < len) *o++ = co_b64[v >> 6 & 63];
    if (i + 2 < len) *o++ = co_b64[v & 63];
  }
  *o = '\0';
  return out;
}

char *co_pipeline_api_id(const char *key) {
  return key ? co_pl_b64url(key, strlen(key)) : NULL;
}

char *co_pl_b64url_decode(const char *s, size_t *lenp) {
  size_t n = strlen(s), o = 0;
  unsigned acc = 0;
  int bits = 0;
  char *out = malloc(n * 3 / 4 + 2);
  if (!out) return NULL;
  for (size_t i = 0; i < n; i++) {
    const char *c = strchr(co_b64, s[i]);
    if (!c || !s[i]) {
      free(out);
      return NULL;
    }
    acc = acc << 6 | (unsigned)(c - co_b64);
    if ((bits += 6) >= 8) {
      bits -= 8;
      out[o++] = (char)(acc >> bits & 0xff);
    }
  }
  out[o] = '\0';
  if (lenp) *lenp = o;
  return out;
}

static json_t *co_pl_store_json(co_pipeline_t *p, int32_t part, const char *key) {
  void *v;
  size_t vl;
  if (co_rt_store_get(p->rt, CO_PL_STORE_APPS, part, key, strlen(key), &v, &vl) != CO_OK) return NULL;
  json_t *j = json_loadb(v, vl, 0, NULL);
  free(v);
  return j;
}

static const char *co_pl_jstr(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

co_err_t co_pl_api_load_apps(co_pipeline_t *p, const char *account, co_pl_apps_t *out) {
  int32_t part = co_rt_partition_for(account, strlen(account), co_rt_partitions(p->rt));
  size_t ilen = strlen(CO_PL_IDX_APPS) + strlen(account) + 1, i;
  char *ikey = malloc(ilen);
  json_t *idx, *k;
  memset(out, 0, sizeof(*out));
  if (!ikey) return CO_ERR_NOMEM;
  snprintf(ikey, ilen, "%s%s", CO_PL_IDX_APPS, account);
  idx = co_pl_store_json(p, part, ikey);
  free(ikey);
  if (!json_is_array(idx)) {
    json_decref(idx);
    return CO_ERR_NOT_FOUND;
  }
  out->keys = calloc(json_array_size(idx) + 1, sizeof(char *));
  out->apps = calloc(json_array_size(idx) + 1, sizeof(json_t *));
  if (!out->keys || !out->apps) {
    json_decref(idx);
    co_pl_api_apps_free(out);
    return CO_ERR_NOMEM;
  }
  json_array_foreach(idx, i, k) {
    const char *key = json_string_value(k);
    json_t *stored = key ? co_pl_store_json(p, part, key) : NULL;
    /* manual corrections on top: hidden and merged-away ones give NULL */
    json_t *app = json_is_object(stored) ? co_pl_corrections_overlay(p, part, key, stored) : NULL;
    json_decref(stored);
    if (!json_is_object(app)) {
      json_decref(app);
      continue;
    }
    out->keys[out->n] = strdup(key);
    out->apps[out->n++] = app;
  }
  json_decref(idx);
  return CO_OK;
}

void co_pl_api_apps_free(co_pl_apps_t *a) {
  for (size_t i = 0; i < a->n; i++) {
    free(a->keys[i]);
    json_decref(a->apps[i]);
  }
  free(a->keys);
  free(a->apps);
  memset(a, 0, sizeof(*a));
}

/* The API ids (URL-safe base64) of the store keys in app's array field. */
static json_t *co_pl_key_ids(json_t *app, const char *field) {
  json_t *ids = json_array(), *m;
  size_t i;
  json_array_foreach(json_object_get(app, field), i, m) {
    char *mid = json_string_value(m) ? co_pl_b64url(json_string_value(m), strlen(json_string_value(m))) : NULL;
    if (mid) json_array_append_new(ids, json_string(mid));
    free(mid);
  }
  return ids;
}

/* The contract's APP object (a new reference). */
static json_t *co_pl_app_view(const char *account, const char *key, json_t *app) {
  char *id = co_pl_b64url(key, strlen(key));
  json_t *ni = json_object_get(app, "next_interview"), *stages = json_object_get(app, "stages");
  stages = json_is_array(stages) ? json_incref(stages) : json_array();
  json_t *v = json_pack("{s:s?, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:O, s:I, s:b}", "key", id, "account", account,
                        "company", co_pl_jstr(app, "company"), "role", co_pl_jstr(app, "role"), "stage",
                        co_pl_jstr(app, "stage"), "stages", stages,
                        "first_seen", co_pl_jstr(app, "first_seen"), "last_contact",
                        co_pl_jstr(app, "last_contact"), "next_interview", json_is_string(ni) ? ni : json_null(),
                        "emails", (json_int_t)json_integer_value(json_object_get(app, "emails")), "corrected",
                        json_is_true(json_object_get(app, "corrected")));
  json_t *iv = json_object_get(app, "interview");
  if (v) json_object_set_new(v, "interview", json_is_object(iv) ? json_incref(iv) : json_null());
  json_t *notes = json_object_get(app, "notes");
  if (v && json_is_string(notes)) json_object_set(v, "notes", notes);
  /* ids of the applications folded into this one, and of those that may be
   * the same job (co_pipeline_apps.c: the dashboard suggests merging them) */
  if (v && json_array_size(json_object_get(app, "merged"))) json_object_set_new(v, "merged", co_pl_key_ids(app, "merged"));
  if (v && json_array_size(json_object_get(app, "similar")))
    json_object_set_new(v, "similar", co_pl_key_ids(app, "similar"));
  free(id);
  return v;
}

static int co_pl_app_matches(json_t *app, json_t *args) {
  const char *stage = json_string_value(json_object_get(args, "stage"));
  const char *company = json_string_value(json_object_get(args, "company"));
  const char *from = json_string_value(json_object_get(args, "from"));
  const char *to = json_string_value(json_object_get(args, "to"));
  char day[11];
  snprintf(day, sizeof(day), "%s", co_pl_jstr(app, "first_seen"));
  if (stage && strcmp(stage, co_pl_jstr(app, "stage"))) return 0;
  if (company && *company && !strcasestr(co_pl_jstr(app, "company"), company)) return 0;
  if (from && strcmp(day, from) < 0) return 0;
  if (to && strcmp(day, to) > 0) return 0;
  return 1;
}

json_t *co_pl_api_applications(co_pipeline_t *p, const char *account, json_t *args, co_err_t *err, char *errstr,
                               size_t errstr_size) {
  co_pl_apps_t a;
  size_t start = 0, limit = (size_t)json_integer_value(json_object_get(args, "limit"));
  const char *cursor = json_string_value(json_object_get(args, "cursor"));
  json_t *items = json_array(), *out = NULL;
  json_int_t total = 0;
  char *next = NULL;
  *err = CO_OK;
  if (cursor) { /* "p<index>": the index entry to resume at (openapi.json's pattern) */
    char *end = NULL;
    long v = cursor[0] == 'p' && cursor[1] >= '0' && cursor[1] <= '9' ? strtol(cursor + 1, &end, 10) : -1;
    int ok = end && !*end && v >= 0 && end - cursor <= 10;
    if (!ok) {
      json_decref(items);
      *err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "query parameter 'cursor' is not a cursor of this API");
      return NULL;
    }
    start = (size_t)v;
  }
  if (co_pl_api_load_apps(p, account, &a) == CO_ERR_NOT_FOUND) memset(&a, 0, sizeof(a));
  for (size_t i = 0; i < a.n; i++) {
    if (!co_pl_app_matches(a.apps[i], args)) continue;
    total++;
    if (i < start) continue;
    if (json_array_size(items) < limit) {
      json_array_append_new(items, co_pl_app_view(account, a.keys[i], a.apps[i]));
    } else if (!next) {
      char buf[32];
      snprintf(buf, sizeof(buf), "p%zu", i);
      next = strdup(buf);
    }
  }
  out = json_pack("{s:s, s:o, s:s?, s:I}", "account", account, "items", items, "next_cursor", next, "total", total);
  if (out && !next) json_object_set_new(out, "next_cursor", json_null());
  free(next);
  co_pl_api_apps_free(&a);
  return out;
}

static int co_pl_event_cmp(const void *a, const void *b) {
  json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
  return strcmp(co_pl_jstr(x, "at"), co_pl_jstr(y, "at"));
}

json_t *co_pl_api_company(co_pipeline_t *p, const char *account, const char *company, co_err_t *err, char *errstr,
                          size_t errstr_size) {
  co_pl_apps_t a;
  json_t *apps = json_array(), *events = json_array(), *out = NULL;
  const char *name = company;
  *err = CO_OK;
  if (co_pl_api_load_apps(p, account, &a) == CO_ERR_NOT_FOUND) memset(&a, 0, sizeof(a));
  for (size_t i = 0; i < a.n; i++) {
    json_t *app = a.apps[i], *st;
    size_t j;
    if (strcasecmp(co_pl_jstr(app, "company"), company)) continue;
    name = co_pl_jstr(app, "company");
    json_array_append_new(apps, co_pl_app_view(account, a.keys[i], app));
    json_array_foreach(json_object_get(app, "stages"), j, st) {
      json_array_append_new(events, json_pack("{s:s, s:s, s:s, s:O?, s:O?}", "at", co_pl_jstr(st, "at"), "stage",
                                              co_pl_jstr(st, "stage"), "role", co_pl_jstr(app, "role"), "subject",
                                              json_object_get(st, "subject"), "message_id",
                                              json_object_get(st, "message_id")));
    }
  }
  if (!json_array_size(apps)) {
    *err = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "no application with that company for this account");
    goto out;
  }
  /* sort events by time (jansson arrays have no sort: go through a C array) */
  size_t n = json_array_size(events);
  json_t **ev = calloc(n + 1, sizeof(*ev));
  for (size_t i = 0; ev && i < n; i++) ev[i] = json_incref(json_array_get(events, i));
  if (ev) {
    qsort(ev, n, sizeof(*ev), co_pl_event_cmp);
    json_array_clear(events);
    for (size_t i = 0; i < n; i++) json_array_append_new(events, ev[i]);
    free(ev);
  }
  out = json_pack("{s:s, s:s, s:O, s:O}", "account", account, "company", name, "applications", apps, "events", events);
out:
  json_decref(apps);
  json_decref(events);
  co_pl_api_apps_free(&a);
  return out;
}

/* Calls cb for every account of locally readable partitions. */
static void co_pl_foreach_account(co_pipeline_t *p, const co_pl_owned_t *owned,
                                  void (*cb)(co_pipeline_t *, const char *, void *), void *opaque) {
  for (int32_t part = 0; part < co_rt_partitions(p->rt); part++) {
    if (owned && owned->fn && !owned->fn(owned->opaque, part)) continue;
    json_t *accts = co_pl_store_json(p, part, CO_PL_IDX_ACCOUNTS), *a;
    size_t i;
    json_array_foreach(accts, i, a) if (json_is_string(a)) cb(p, json_string_value(a), opaque);
    json_decref(accts);
  }
}

typedef struct co_pl_acc_s {
  json_t *items;
  const char *scope;
} co_pl_acc_t;

static void co_pl_account_cb(co_pipeline_t *p, const char *account, void *opaque) {
  co_pl_acc_t *c = opaque;
  co_pl_apps_t a;
  if (c->scope && strcmp(c->scope, account)) return;
  if (co_pl_api_load_apps(p, account, &a) != CO_OK) return;
  json_array_append_new(c->items, json_pack("{s:s, s:I}", "account", account, "applications", (json_int_t)a.n));
  co_pl_api_apps_free(&a);
}

json_t *co_pl_api_accounts(co_pipeline_t *p, const char *scope, const co_pl_owned_t *owned) {
  co_pl_acc_t c = {json_array(), scope};
  co_pl_foreach_account(p, owned, co_pl_account_cb, &c);
  return json_pack("{s:o}", "items", c.items);
}

/* ---- stats ---- */

static void co_pl_week(const char *iso, char out[16]) {
  struct tm tm = {0};
  out[0] = '\0';
  if (!strptime(iso, "%Y-%m-%d", &tm)) return;
  time_t t = timegm(&tm);
  gmtime_r(&t, &tm);
  strftime(out, 16, "%G-W%V", &tm);
}

static double co_pl_days_between(const char *a, const char *b) {
  struct tm ta = {0}, tb = {0};
  if (!strptime(a, "%Y-%m-%dT%H:%M:%S", &ta) || !strptime(b, "%Y-%m-%dT%H:%M:%S", &tb)) return -1;
  return difftime(timegm(&tb), timegm(&ta)) / 86400.0;
}

static void co_pl_week_add(json_t *weeks, const char *week, const char *field) {
  if (!*week) return;
  json_t *w = json_object_get(weeks, week);
  if (!w) {
    w = json_pack("{s:s, s:i, s:i}", "week", week, "applications", 0, "responses", 0);
    json_object_set_new(weeks, week, w);
  }
  json_object_set_new(w, field, json_integer(json_integer_value(json_object_get(w, field)) + 1));
}

typedef struct co_pl_stats_s {
  json_t *per_stage, *weeks, *companies, *days;
  json_int_t apps, responded;
} co_pl_stats_t;

static void co_pl_stats_cb(co_pipeline_t *p, const char *account, void *opaque) {
  co_pl_stats_t *s = opaque;
  co_pl_apps_t a;
  char week[16];
  if (co_pl_api_load_apps(p, account, &a) != CO_OK) return;
  for (size_t i = 0; i < a.n; i++) {
    json_t *app = a.apps[i], *st;
    const char *stage = co_pl_jstr(app, "stage");
    size_t j;
    json_object_set_new(s->per_stage, stage,
                        json_integer(json_integer_value(json_object_get(s->per_stage, stage)) + 1));
    json_object_set_new(s->companies, co_pl_jstr(app, "company"), json_true());
    co_pl_week(co_pl_jstr(app, "first_seen"), week);
    co_pl_week_add(s->weeks, week, "applications");
    s->apps++;
    json_array_foreach(json_object_get(app, "stages"), j, st) {
      if (!strcmp(co_pl_jstr(st, "stage"), "APPLIED")) continue;
      /* the first stage past APPLIED is the response */
      co_pl_week(co_pl_jstr(st, "at"), week);
      co_pl_week_add(s->weeks, week, "responses");
      double d = co_pl_days_between(co_pl_jstr(app, "first_seen"), co_pl_jstr(st, "at"));
      if (d >= 0) json_array_append_new(s->days, json_real(d));
      s->responded++;
      break;
    }
  }
  co_pl_api_apps_free(&a);
}

static int co_pl_dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Final form from accumulated parts. */
static json_t *co_pl_stats_final(co_pl_stats_t *s, int partial) {
  static const char *const stages[] = {"APPLIED", "INTERVIEW", "OFFER", "REJECTION"};
  json_t *per_stage = json_object(), *weeks = json_array(), *w, *median = json_null();
  const char *k;
  size_t n = json_array_size(s->days);
  for (int i = 0; i < 4; i++)
    json_object_set_new(per_stage, stages[i], json_integer(json_integer_value(json_object_get(s->per_stage, stages[i]))));
  /* weeks sorted: object keys in sorted order via a C array */
  size_t wn = json_object_size(s->weeks), wi = 0;
  const char **keys = calloc(wn + 1, sizeof(*keys));
  json_object_foreach(s->weeks, k, w) if (keys) keys[wi++] = k;
  for (size_t i = 1; keys && i < wi; i++)
    for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
      const char *t = keys[j];
      keys[j] = keys[j - 1];
      keys[j - 1] = t;
    }
  for (size_t i = 0; keys && i < wi; i++) json_array_append(weeks, json_object_get(s->weeks, keys[i]));
  free(keys);
  if (n) {
    double *d = calloc(n, sizeof(*d));
    for (size_t i = 0; d && i < n; i++) d[i] = json_real_value(json_array_get(s->days, i));
    if (d) {
      qsort(d, n, sizeof(*d), co_pl_dbl_cmp);
      median = json_real(n % 2 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2);
    }
    free(d);
  }
  json_t *out = json_pack("{s:o, s:o, s:f, s:o, s:I, s:I, s:I}", "per_stage", per_stage, "per_week", weeks,
                          "response_rate", s->apps ? (double)s->responded / (double)s->apps : 0.0,
                          "median_days_to_response", median, "companies", (json_int_t)json_object_size(s->companies),
                          "applications", s->apps, "responses", s->responded);
  if (out && partial) {
    json_t *names = json_array();
    json_object_foreach(s->companies, k, w) json_array_append_new(names, json_string(k));
    json_object_set_new(out, "_companies", names);
    json_object_set(out, "_days", s->days);
  }
  return out;
}

static void co_pl_stats_init(co_pl_stats_t *s) {
  s->per_stage = json_object();
  s->weeks = json_object();
  s->companies = json_object();
  s->days = json_array();
  s->apps = s->responded = 0;
}

static void co_pl_stats_done(co_pl_stats_t *s) {
  json_decref(s->per_stage);
  json_decref(s->weeks);
  json_decref(s->companies);
  json_decref(s->days);
}

json_t *co_pl_api_stats(co_pipeline_t *p, const char *account, int partial, const co_pl_owned_t *owned) {
  co_pl_stats_t s;
  co_pl_stats_init(&s);
  if (account)
    co_pl_stats_cb(p, account, &s);
  else
    co_pl_foreach_account(p, owned, co_pl_stats_cb, &s);
  json_t *out = co_pl_stats_final(&s, partial);
  co_pl_stats_done(&s);
  return out;
}

json_t *co_pl_api_stats_merge(json_t *parts) {
  co_pl_stats_t s;
  json_t *part, *v;
  const char *k;
  size_t i, j;
  co_pl_stats_init(&s);
  json_array_foreach(parts, i, part) {
    json_object_foreach(json_object_get(part, "per_stage"), k, v)
        json_object_set_new(s.per_stage, k, json_integer(json_integer_value(json_object_get(s.per_stage, k)) +
                                                         json_integer_value(v)));
    json_array_foreach(json_object_get(part, "per_week"), j, v) {
      const char *wk = co_pl_jstr(v, "week");
      json_t *w = json_object_get(s.weeks, wk);
      if (!*wk) continue;
      if (!w) {
        json_object_set_new(s.weeks, wk, json_deep_copy(v));
        continue;
      }
      json_object_set_new(w, "applications", json_integer(json_integer_value(json_object_get(w, "applications")) +
                                                          json_integer_value(json_object_get(v, "applications"))));
      json_object_set_new(w, "responses", json_integer(json_integer_value(json_object_get(w, "responses")) +
                                                       json_integer_value(json_object_get(v, "responses"))));
    }
    json_array_foreach(json_object_get(part, "_companies"), j, v)
        if (json_is_string(v)) json_object_set_new(s.companies, json_string_value(v), json_true());
    json_array_foreach(json_object_get(part, "_days"), j, v) json_array_append(s.days, v);
    s.apps += json_integer_value(json_object_get(part, "applications"));
    s.responded += json_integer_value(json_object_get(part, "responses"));
  }
  json_t *out = co_pl_stats_final(&s, 0);
  co_pl_stats_done(&s);
  return out;
}
