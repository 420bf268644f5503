/* co_pipeline_review_api.c: GET /api/accounts/{account}/review,
 * POST /api/accounts/{account}/review/{id} and the email behind an id,
 * GET /api/accounts/{account}/emails/{id}, and an application no email
 * names, POST /api/accounts/{account}/applications (a person's answers,
 * all recorded on topic.raw for the classify processor).
 *
 * The API names a queued email by "id", the URL-safe base64 of its message
 * id (message ids carry '<', '@', '/' and the like). Both run on the
 * account's owner (co_pipeline_api.c routes them, with the POST body). The
 * POST body is {"label": "APPLIED|INTERVIEW|OFFER|REJECTION|OTHER",
 * "company"?: "...", "role"?: "..."}: the same label confirms, another one
 * fixes; 202 when recorded (co_pipeline_review_answer), the list and the
 * board show it once the classify processor has read it. */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "co_json.h"
#include "co_pipeline_api_int.h"
#include "co_pipeline_review.h"

static json_t *list(co_pipeline_t *p, const char *account, co_err_t *err, char *errstr, size_t sz) {
  json_t *l = co_pipeline_review_list(p, account), *it;
  size_t i;
  if (!l) {
    *err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  json_array_foreach(json_object_get(l, "items"), i, it) {
    const char *mid = json_string_value(json_object_get(it, "message_id"));
    char *id = co_pl_b64url(mid, strlen(mid));
    json_t *app = json_object_get(it, "application");
    char *aid = json_is_string(app) ? co_pl_b64url(json_string_value(app), strlen(json_string_value(app))) : NULL;
    if (!id || (json_is_string(app) && !aid)) {
      free(id);
      json_decref(l);
      *err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      return NULL;
    }
    json_object_set_new(it, "id", json_string(id));
    json_object_set_new(it, "application", aid ? json_string(aid) : json_null());
    free(id);
    free(aid);
  }
  return l;
}

/* 0 when every field of body is one of known (comma-separated, as the
 * error names them) and a string without NUL; else *err and errstr. */
static int fields_ok(json_t *body, const char *known, co_err_t *err, char *errstr, size_t sz) {
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    size_t kl = strlen(k);
    const char *at = strstr(known, k);
    if (!kl || !at || (at != known && at[-1] != ' ') || (at[kl] && at[kl] != ',')) {
      *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "unknown field \"%.40s\" (%s)", k, known);
      return -1;
    }
    if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v)) {
      *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "%s must be a string without NUL characters", k);
      return -1;
    }
  }
  return 0;
}

static json_t *answer(co_pipeline_t *p, const char *account, const char *id, json_t *body, co_err_t *err, char *errstr,
                      size_t sz) {
  size_t len = 0;
  char *mid = NULL;
  json_t *out = NULL;
  if (fields_ok(body, "label, company, role", err, errstr, sz)) return NULL;
  if (!(mid = co_pl_b64url_decode(id, &len)) || !len || strlen(mid) != len) { /* "0" decodes to nothing */
    free(mid);
    *err = co_seterr(errstr, sz, CO_ERR_NOT_FOUND, "no queued email with that id");
    return NULL;
  }
  const char *label = json_string_value(json_object_get(body, "label"));
  if (!label) {
    *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "\"label\" is required");
  } else if (!(*err = co_pipeline_review_answer(p, account, mid, label, json_string_value(json_object_get(body, "company")),
                                                json_string_value(json_object_get(body, "role")), errstr, sz))) {
    out = json_pack("{s:b, s:s, s:s, s:O}", "accepted", 1, "id", id, "message_id", mid, "answer", body);
    if (!out) *err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  } else if (!strncmp(errstr, "review: ", 8)) { /* the client wants the reason */
    memmove(errstr, errstr + 8, strlen(errstr + 8) + 1);
  }
  free(mid);
  return out;
}

/* GET /api/accounts/{account}/emails/{id}: the stored email (id: the
 * URL-safe base64 of its Message-ID, as in the review queue), its
 * application as the API's key, and "gmail_url" only for mail that came
 * from Gmail (any other source is read here or in the person's own client). */
json_t *co_pl_api_email(co_pipeline_t *p, const char *account, const char *id, co_err_t *err, char *errstr, size_t sz) {
  size_t len = 0;
  char *mid = co_pl_b64url_decode(id, &len), *app = NULL, *url = NULL;
  json_t *e = mid && len && strlen(mid) == len ? co_pipeline_email_get(p, account, mid) : NULL;
  *err = CO_OK;
  if (!e) {
    free(mid);
    *err = co_seterr(errstr, sz, CO_ERR_NOT_FOUND,
                     "no stored email with that id (emails classified before this version are not kept: "
                     "reprocess to store them)");
    return NULL;
  }
  const char *ak = json_string_value(json_object_get(e, "application"));
  if (ak && !(app = co_pl_b64url(ak, strlen(ak)))) goto nomem;
  if (json_object_set_new(e, "id", json_string(id)) ||
      json_object_set_new(e, "application", app ? json_string(app) : json_null()))
    goto nomem;
  if (!strcmp(co_json_str(e, "source"), "gmail")) { /* Gmail's own search for the message, as the board did */
    char *q = curl_easy_escape(NULL, mid, 0);
    if (!q || asprintf(&url, "https://mail.google.com/mail/u/0/#search/rfc822msgid%%3A%s", q) < 0) url = NULL;
    curl_free(q);
    if (!url || json_object_set_new(e, "gmail_url", json_string(url))) goto nomem;
  }
  free(url);
  free(app);
  free(mid);
  return e;
nomem:
  free(url);
  free(app);
  free(mid);
  json_decref(e);
  *err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  return NULL;
}

/* POST /api/accounts/{account}/applications: an application no email
 * names (co_pipeline_app_add). */
static json_t *app_add(co_pipeline_t *p, const char *account, json_t *body, co_err_t *err, char *errstr, size_t sz) {
  char mid[128];
  json_t *out = NULL;
  if (fields_ok(body, "company, role, stage, date", err, errstr, sz)) return NULL;
  const char *company = json_string_value(json_object_get(body, "company"));
  if (!company || !*company) {
    *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "\"company\" is required");
  } else if (!(*err = co_pipeline_app_add(p, account, company, json_string_value(json_object_get(body, "role")),
                                          json_string_value(json_object_get(body, "stage")),
                                          json_string_value(json_object_get(body, "date")), mid, sizeof(mid), errstr,
                                          sz))) {
    char *id = co_pl_b64url(mid, strlen(mid));
    out = id ? json_pack("{s:b, s:s, s:s, s:O}", "accepted", 1, "email_id", id, "message_id", mid, "application", body)
             : NULL;
    free(id);
    if (!out) *err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  } else if (!strncmp(errstr, "application: ", 13)) { /* the client wants the reason */
    memmove(errstr, errstr + 13, strlen(errstr + 13) + 1);
  }
  return out;
}

json_t *co_pl_api_review(co_pipeline_t *p, const co_api_query_t *q, co_err_t *err, char *errstr, size_t sz) {
  *err = CO_OK;
  if (q->kind == CO_API_Q_APP_ADD) return app_add(p, q->account, q->body, err, errstr, sz);
  return q->kind == CO_API_Q_REVIEW ? list(p, q->account, err, errstr, sz)
                                    : answer(p, q->account, q->id, q->body, err, errstr, sz);
}
