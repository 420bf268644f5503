/* co_pipeline_api_int.h: the API backend's internals (co_pipeline_api*.c). */
#ifndef CO_PIPELINE_API_INT_H
#define CO_PIPELINE_API_INT_H

#include <jansson.h>
#include <time.h>

#include "co_api.h"
#include "co_pipeline_int.h"

/* One account's applications in creation order: store keys and objects. */
typedef struct co_pl_apps_s {
  char **keys;
  json_t **apps; /* owned references */
  size_t n;
} co_pl_apps_t;

/* co_pipeline_api_data.c: answers from this instance's stores. Each returns
 * a new JSON object (caller decrefs) or NULL with errstr (NOT_FOUND, ...). */
co_err_t co_pl_api_load_apps(co_pipeline_t *p, const char *account, co_pl_apps_t *out);
void co_pl_api_apps_free(co_pl_apps_t *a);
json_t *co_pl_api_applications(co_pipeline_t *p, const char *account, json_t *args, co_err_t *err, char *errstr,
                               size_t errstr_size);
json_t *co_pl_api_company(co_pipeline_t *p, const char *account, const char *company, co_err_t *err, char *errstr,
                          size_t errstr_size);
/* co_pipeline_api_ics.c: the account's interviews (upcoming first, soonest
 * first; then past and cancelled ones, most recent first, with "outcome"),
 * and their iCalendar feed (malloc'd text; instance is unused). */
json_t *co_pl_api_interviews(co_pipeline_t *p, const char *account);
char *co_pl_api_ics(co_pipeline_t *p, const char *account, const char *instance);
/* Which partitions of topic.raw this instance answers for (Kafka mode:
 * the ones the group assigns to it; a store may still hold a partition
 * that moved away). NULL fn: all of them. */
typedef struct co_pl_owned_s {
  int (*fn)(void *opaque, int32_t partition);
  void *opaque;
} co_pl_owned_t;
/* Accounts of owned partitions (scope: only that account). */
json_t *co_pl_api_accounts(co_pipeline_t *p, const char *scope, const co_pl_owned_t *owned);
/* Stats of one account, or of every owned account (account NULL). With
 * partial set, keeps "_companies" and "_days" for an exact merge. */
json_t *co_pl_api_stats(co_pipeline_t *p, const char *account, int partial, const co_pl_owned_t *owned);
/* Merges partial stats objects (array) into final stats. */
json_t *co_pl_api_stats_merge(json_t *parts);

/* co_pipeline_api_dlq.c: the DLQ through the running runtime. */
json_t *co_pl_api_dlq_list(co_pipeline_t *p, json_t *args, co_err_t *err, char *errstr, size_t errstr_size);
json_t *co_pl_api_dlq_replay(co_pipeline_t *p, const char *id, co_err_t *err, char *errstr, size_t errstr_size);
json_t *co_pl_api_dlq_dismiss(co_pipeline_t *p, const char *id, co_err_t *err, char *errstr, size_t errstr_size);

/* co_pipeline_api_correct.c: records body (the correction without
 * "application") for application id of account; {"accepted":true,
 * "correction":{...}} or NULL with *err (INVALID_ARG/PARSE: 400, NOT_FOUND). */
json_t *co_pl_api_correct(co_pipeline_t *p, const char *account, const char *id, json_t *body, co_err_t *err,
                          char *errstr, size_t sz);

/* co_pipeline_review_api.c: the needs-review queue (REVIEW: the list with
 * "id"s; REVIEW_ANSWER: records q->body for q->id; APP_ADD: an application
 * no email names, from q->body) or NULL with *err. */
json_t *co_pl_api_review(co_pipeline_t *p, const co_api_query_t *q, co_err_t *err, char *errstr, size_t sz);
/* co_pipeline_api_import.c: POST /api/imports (body {"path","account"?}):
 * the import's figures, or NULL with *err (INVALID_ARG: 400, NOT_FOUND: 404). */
json_t *co_pl_api_import(co_pipeline_t *p, json_t *body, co_err_t *err, char *errstr, size_t sz);
/* The stored email of account named by id (URL-safe base64 of its
 * Message-ID) with "id", the application's API key and, for Gmail mail,
 * "gmail_url"; NULL with *err (NOT_FOUND: no such email). */
json_t *co_pl_api_email(co_pipeline_t *p, const char *account, const char *id, co_err_t *err, char *errstr, size_t sz);

/* URL-safe base64 without padding (malloc'd) and back (NULL if malformed). */
char *co_pl_b64url(const void *data, size_t len);
char *co_pl_b64url_decode(const char *s, size_t *lenp);

#endif
