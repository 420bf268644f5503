/* co_pipeline_api_correct.c: POST /api/accounts/{account}/applications/{key}/corrections.
 *
 * The API speaks application ids (URL-safe base64 of the store key, as the
 * list's "key"); the correction log speaks store keys. This file turns the
 * one into the other for the path's {key} and the body's "merge_into", then
 * hands the correction to co_pipeline_correct, which validates every field
 * (its errstr names the field) and records it on topic.corrections.
 *
 * It runs on whichever instance received the request, also in Kafka mode:
 * co_pipeline_correct produces to topic.corrections, which is partitioned by
 * account like topic.raw, so the owner's corrections processor folds it in
 * no matter who produced it; the POST body need not be forwarded. The answer
 * is 202: the record is durable, the overlay shows it once the corrections
 * processor has read it. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_pipeline_api_int.h"
#include "co_time.h"

char *co_pipeline_app_key(const char *account, const char *id) {
  size_t len = 0, al = strlen(account);
  char *key = co_pl_b64url_decode(id, &len);
  if (key && (strlen(key) != len || len <= al + 1 || strncmp(key, account, al) || key[al] != '\x1f')) {
    free(key);
    key = NULL;
  }
  return key;
}

/* The name of a string field holding a NUL (the server accepts \u0000 so that
 * this says which field; the correction log does not take them), or NULL. */
static const char *co_pl_nul_field(json_t *body) {
  static const char *const top[] = {"merge_into", "message_id", "at", NULL};
  static const char *const set[] = {"set.stage", "set.company", "set.role", NULL};
  json_t *v;
  for (int i = 0; top[i]; i++)
    if ((v = json_object_get(body, top[i])) && json_is_string(v) && strlen(json_string_value(v)) != json_string_length(v))
      return top[i];
  for (int i = 0; set[i]; i++)
    if ((v = json_object_get(json_object_get(body, "set"), set[i] + 4)) && json_is_string(v) &&
        strlen(json_string_value(v)) != json_string_length(v))
      return set[i];
  return NULL;
}

json_t *co_pl_api_correct(co_pipeline_t *p, const char *account, const char *id, json_t *body, co_err_t *err,
                          char *errstr, size_t sz) {
  static const char *const path_only[] = {"application", "account", "schema", NULL};
  json_t *c = NULL, *echo = NULL, *out = NULL, *mi;
  char *key = NULL, *mkey = NULL, *val = NULL;
  const char *nul;
  *err = CO_OK;
  if ((nul = co_pl_nul_field(body))) {
    *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "%s must not contain NUL characters", nul);
    goto done;
  }
  for (int i = 0; path_only[i]; i++)
    if (json_object_get(body, path_only[i])) {
      *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "unknown field \"%s\" (the path names the application)",
                       path_only[i]);
      goto done;
    }
  if (!(key = co_pipeline_app_key(account, id))) {
    *err = co_seterr(errstr, sz, CO_ERR_NOT_FOUND, "no application with that key for this account");
    goto done;
  }
  if (!(c = json_deep_copy(body)) || !(echo = json_deep_copy(body))) goto nomem;
  mi = json_object_get(body, "merge_into");
  if (json_is_string(mi) && !(mkey = co_pipeline_app_key(account, json_string_value(mi)))) {
    /* well-formed but naming no application of this account: as a missing
     * merge target in co_pipeline_correct, 404 */
    *err = co_seterr(errstr, sz, CO_ERR_NOT_FOUND, "no application to merge into (merge_into) for this account");
    goto done;
  }
  json_t *at = json_object_get(body, "at");
  time_t at_t;
  if (at && (!json_is_string(at) || co_time_parse_iso(json_string_value(at), 0, &at_t, NULL))) {
    *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG,
                     "at must be an ISO-8601 instant with a zone, e.g. 2025-03-01T10:00:00Z or 2025-03-01T12:00:00+02:00");
    goto done;
  }
  if (at) { /* stored in UTC like every other time, so they sort as strings */
    char utc[32];
    co_pl_utc_iso(at_t, utc, sizeof(utc));
    json_object_set_new(c, "at", json_string(utc));
    json_object_set_new(echo, "at", json_string(utc));
  } else { /* stamped here so the answer can show it */
    char now[32];
    co_pl_utc_iso(time(NULL), now, sizeof(now));
    json_object_set_new(c, "at", json_string(now));
    json_object_set_new(echo, "at", json_string(now));
  }
  json_object_set_new(c, "application", json_string(key));
  if (mkey) json_object_set_new(c, "merge_into", json_string(mkey));
  json_object_set_new(echo, "application", json_string(id));
  if (!(val = json_dumps(c, JSON_COMPACT))) goto nomem;
  if ((*err = co_pipeline_correct(p, account, val, errstr, sz))) {
    /* "correct: " is the library's prefix; the client wants the reason */
    if (!strncmp(errstr, "correct: ", 9)) memmove(errstr, errstr + 9, strlen(errstr + 9) + 1);
    goto done;
  }
  out = json_pack("{s:b, s:O}", "accepted", 1, "correction", echo);
  if (!out) goto nomem;
  goto done;
nomem:
  *err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
done:
  free(val);
  free(mkey);
  free(key);
  json_decref(echo);
  json_decref(c);
  return out;
}
