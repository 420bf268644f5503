/* co_notify_int.h: notify internals shared by its source files. */
#ifndef CO_NOTIFY_INT_H
#define CO_NOTIFY_INT_H

#include <curl/curl.h>
#include <pthread.h>

#include "co_notify.h"

typedef struct co_notify_chan_s {
  int enabled;
  int paused;
  char reason[256];     /* why paused (no secret) */
  char last_error[256]; /* latest non-OK outcome (no secret) */
  uint64_t delivered, failed;
} co_notify_chan_t;

struct co_notify_s {
  pthread_mutex_t lock;      /* guards chan[] and the secrets below */
  pthread_mutex_t send_lock; /* one transfer at a time on curl */
  CURL *curl;
  /* copied settings; secrets are wiped at destroy */
  char *slack_url;
  char *wa_url, *wa_token, *wa_phone, *wa_to;
  char *hook_url, *hook_secret;
  int retry_max;
  int64_t backoff_ms, backoff_max_ms, timeout_ms;
  co_notify_chan_t chan[CO_NOTIFY__CH_CNT];
};

/* A request a channel makes: url, body and extra headers, all malloc'd. */
typedef struct co_notify_req_s {
  char *url;
  char *body;
  char *auth;      /* "Authorization: Bearer ..." or NULL */
  char *signature; /* "X-CareerOps-Signature: sha256=..." or NULL */
} co_notify_req_t;

/* co_notify_msg.c: builds ch's request for note (under n->lock). */
co_err_t co_notify_build(co_notify_t *n, co_notify_ch_t ch, const json_t *note, const char *idem_key,
                         co_notify_req_t *req, char *errstr, size_t errstr_size);
void co_notify_req_free(co_notify_req_t *req);
/* Lowercase hex HMAC-SHA256 of data with key into out (65 bytes). */
void co_notify_hmac_hex(const char *key, const void *data, size_t len, char out[65]);

/* co_notify_http.c: one POST; *status gets the HTTP status (0: no
 * response), *retry_after_ms a 429/503's Retry-After (-1 if none). Returns
 * the outcome class. errstr: what failed (no URL, no secret). */
co_notify_res_t co_notify_post(co_notify_t *n, co_notify_ch_t ch, const co_notify_req_t *req, const char *idem_key,
                               long *status, int64_t *retry_after_ms, char *errstr, size_t errstr_size);

/* Frees s after overwriting it with zeros (secrets). */
void co_notify_wipe(char *s);

#endif
