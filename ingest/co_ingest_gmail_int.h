/* co_ingest_gmail_int.h: the Gmail source's handle and its HTTP layer
 * (co_ingest_gmail_http.c), shared with the sync logic (co_ingest_gmail.c). */
#ifndef CO_INGEST_GMAIL_INT_H
#define CO_INGEST_GMAIL_INT_H

#include <curl/curl.h>
#include <jansson.h>

#include "co_ingest_gmail.h"

struct co_ingest_gmail_s {
  char *api_url, *token_url, *client_id, *client_secret, *refresh_token, *user, *account;
  int max_retries, retry_base_ms, io_timeout_ms, page_size;
  CURL *curl;
  char *access_token;                  /* NULL until the first refresh */
  int64_t token_expires_ms;            /* monotonic ms after which it is not used */
  co_ingest_gmail_sync_stats_t *stats; /* the running sync's counters */
};

/* GETs url (under api_url) with the bearer token, refreshing it first when
 * missing or expired and once more on 401; retries 429/5xx/network failures.
 * what names the API call for errstr. On CO_OK *out is the parsed body
 * (caller json_decref's). CO_ERR_NOT_FOUND for HTTP 404. */
co_err_t co_gmail_get_json(co_ingest_gmail_t *g, const char *what, const char *url, json_t **out, char *errstr,
                           size_t errstr_size);

#endif
