/* co_api.h: the CareerOps REST API server (libmicrohttpd, jansson).
 *
 * The server parses and validates requests, authenticates bearer tokens,
 * enforces limits, serves the embedded dashboard and the OpenAPI document,
 * counts requests for /metrics, and turns errors into JSON bodies. It knows
 * nothing of the pipeline: every question about data goes to a backend (a
 * table of function pointers plus an opaque), which pipeline/backend/co_pipeline_api.c
 * implements, so dependencies stay one-way (api/ -> common/ only).
 *
 * Threading: requests run on libmicrohttpd's thread pool; backend functions
 * are called concurrently from several threads and must be thread-safe. */
#ifndef CO_API_H
#define CO_API_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "co_conf.h"
#include "co_err.h"

typedef struct co_api_s co_api_t;

typedef enum {
  CO_API_Q_ACCOUNTS,     /* GET /api/accounts */
  CO_API_Q_APPLICATIONS, /* GET /api/accounts/{account}/applications */
  CO_API_Q_COMPANY,      /* GET /api/accounts/{account}/companies/{company} */
  CO_API_Q_INTERVIEWS,   /* GET /api/accounts/{account}/interviews */
  CO_API_Q_INTERVIEWS_ICS,
  CO_API_Q_BRIEFING,   /* GET /api/companies/{company}/briefing */
  CO_API_Q_SEARCH,     /* GET /api/search */
  CO_API_Q_STATS,      /* GET /api/stats */
  CO_API_Q_DLQ_LIST,   /* GET /api/dlq (admin) */
  CO_API_Q_DLQ_REPLAY, /* POST /api/dlq/{id}/replay (admin) */
  CO_API_Q_CORRECTION, /* POST /api/accounts/{account}/applications/{key}/corrections */
  CO_API_Q_REVIEW,        /* GET /api/accounts/{account}/review */
  CO_API_Q_REVIEW_ANSWER, /* POST /api/accounts/{account}/review/{id} */
  CO_API_Q_VERSION,       /* GET /api/version */
  CO_API_Q_DLQ_DISMISS,   /* POST /api/dlq/{id}/dismiss (admin) */
  CO_API_Q_EMAIL,         /* GET /api/accounts/{account}/emails/{id} */
  CO_API_Q_IMPORT,        /* POST /api/imports (admin, loopback) */
  CO_API_Q_APP_ADD,       /* POST /api/accounts/{account}/applications */
  CO_API_Q__CNT
} co_api_query_kind_t;

/* A validated query. Strings are owned by the server, valid during the call. */
typedef struct co_api_query_s {
  co_api_query_kind_t kind;
  const char *account; /* path {account}, or the account filter of search/stats (NULL: none) */
  const char *company; /* path {company} */
  const char *id;      /* path {id} (DLQ) */
  json_t *args;        /* validated query-string values (strings and integers), borrowed */
  const char *scope;   /* the caller's account (account token), NULL for admin */
  const char *uri;     /* path and query string as received, for forwarding */
  const char *authorization; /* the Authorization header as received, or NULL */
  int internal;        /* sub-request of another instance: answer locally, do not forward */
  const char *key;     /* path {key} (an application id) */
  json_t *body;        /* CORRECTION, REVIEW_ANSWER, IMPORT, APP_ADD: the request body, a JSON object (borrowed) */
} co_api_query_t;

/* A backend's answer: body is malloc'd (the server frees it). */
typedef struct co_api_result_s {
  int status;               /* 0 means 200 */
  char *body;
  const char *content_type; /* static; NULL means application/json */
  char instance[128];       /* instance that produced the data; "" means this one */
} co_api_result_t;

typedef struct co_api_backend_s {
  void *opaque;
  /* This instance's id (X-CareerOps-Instance). */
  const char *instance_id;
  /* 1 when ready; else 0 and a short reason. */
  int (*ready)(void *opaque, char *reason, size_t reason_size);
  /* Appends the runtime's Prometheus text to out. */
  void (*metrics)(void *opaque, FILE *out);
  /* Answers q. Errors: CO_ERR_NOT_FOUND (404), CO_ERR_INVALID_ARG and
   * CO_ERR_PARSE (400),
   * CO_ERR_UNSUPPORTED (503), anything else 500; errstr is shown to the
   * client only for 400 and 404, so it must not hold internal paths. */
  co_err_t (*query)(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t errstr_size);
  /* Resolves a token's SHA-256 (hex, 64 chars): CO_OK with the account
   * (admin tokens: *admin = 1, account may be "") or CO_ERR_NOT_FOUND. */
  co_err_t (*token_lookup)(void *opaque, const char *sha256_hex, char *account, size_t account_size, int *admin);
  /* Number of tokens known (0 with no session and no admin token: the
   * start warning and the 401 say that no credential exists yet). */
  long (*token_count)(void *opaque);
} co_api_backend_t;

/* Starts listening on api.listen (host:port; port 0 picks a free one) with
 * a thread pool. Reads api.auth, api.admin.token, api.public.names,
 * api.max.body.bytes, api.cors.origin, api.threads, api.max.connections*,
 * api.connection.timeout.s. Fails when api.auth=local-session is asked for
 * on a non-loopback address. conf and backend are not owned and must outlive the server.
 * NULL with errstr on failure. Caller stops it with co_api_stop(). */
co_api_t *co_api_start(const co_conf_t *conf, const co_api_backend_t *backend, char *errstr, size_t errstr_size);
/* Stops accepting, waits for running requests, frees. NULL is a no-op. */
void co_api_stop(co_api_t *api);
/* The port actually bound. */
int co_api_port(const co_api_t *api);
/* This run's session secret (local-session mode, docs/api.md): the
 * dashboard URL is http://<listen>/?token=<secret>. NULL in required mode.
 * Owned by api, valid until co_api_stop(). */
const char *co_api_session_secret(const co_api_t *api);

/* SHA-256 of token as 64 lowercase hex chars + NUL into out[65]. */
void co_api_token_hash(const char *token, char out[65]);
/* A new random token ("co_" + 43 URL-safe chars) into out[64]. */
co_err_t co_api_token_new(char out[64], char *errstr, size_t errstr_size);

#endif
