/* co_pipeline_review_api.c: GET /api/accounts/{account}/review and
 * POST /api/accounts/{account}/review/{id}.
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

static json_t *answer(co_pipeline_t *p, const char *account, const char *id, json_t *body, co_err_t *err, char *errstr,
                      size_t sz) {
  const char *k;
  json_t *v;
  size_t len = 0;
  char *mid = NULL;
  json_t *out = NULL;
  json_object_foreach(body, k, v) {
    if (strcmp(k, "label") && strcmp(k, "company") && strcmp(k, "role")) {
      *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "unknown field \"%.40s\" (label, company, role)", k);
      return NULL;
    }
    if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v)) {
      *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "%s must be a string without NUL characters", k);
      return NULL;
    }
  }
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

json_t *co_pl_api_review(co_pipeline_t *p, const co_api_query_t *q, co_err_t *err, char *errstr, size_t sz) {
  *err = CO_OK;
  return q->kind == CO_API_Q_REVIEW ? list(p, q->account, err, errstr, sz)
                                    : answer(p, q->account, q->id, q->body, err, errstr, sz);
}
