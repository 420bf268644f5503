/* co_notify_int.h: notify internals shared by its source files. */
#ifndef CO_NOTIFY_INT_H
#define CO_NOTIFY_INT_H

#include <curl/curl.h>
#include <pthread.h>
#include <time.h>

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
  char *tz;         /* user.timezone (IANA), NULL: the process's zone */
  char *public_url; /* api.public.url, NULL: no links */
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

/* co_notify_fmt.c: the facts a person reads. Strings point into the note
 * (valid while it lives) or into the struct; app_id, app_url and brief_url
 * are malloc'd (co_notify_facts_free). */
typedef struct co_notify_facts_s {
  const char *kind, *company, *role, *status, *link, *link_kind, *summary, *subject;
  int minutes;            /* 0: unknown */
  int has_time;           /* an instant (else maybe a date alone) */
  time_t utc;
  char date[32];          /* "Mon 14 Dec 2026" in the shown zone */
  char time[8], end[8];   /* "07:00", "08:00" ("" without a duration) */
  char zone[96];          /* "America/Los_Angeles, UTC-08:00" */
  char iso_utc[24];       /* "2026-12-14T15:00:00Z" */
  char iso_date[12];      /* "2026-12-14" for a date alone */
  char *app_id;           /* the API's application id, NULL without one */
  char *app_url, *brief_url; /* dashboard links under api.public.url, NULL without it */
} co_notify_facts_t;

/* Fills f from note, times shown in tz (NULL/"": the process's zone; an
 * unknown name falls back to it) and links under public_url (NULL/"": none).
 * On error f is still safe to free. */
co_err_t co_notify_facts(const json_t *note, const char *tz, const char *public_url, co_notify_facts_t *f);
void co_notify_facts_free(co_notify_facts_t *f);
/* 1 if tz is a zone of the system tz database (through libical). */
int co_notify_zone_known(const char *tz);
/* "Mon 14 Dec 2026, 07:00-08:00 (America/Los_Angeles, UTC-08:00)", or "" without a date. */
void co_notify_fmt_when(const co_notify_facts_t *f, char *out, size_t sz);
/* The readable text (malloc'd) of f. */
char *co_notify_text_facts(const co_notify_facts_t *f);
/* Slack Block Kit body {"text": text (fallback), "blocks": [...]}; new reference. */
json_t *co_notify_slack_body(const co_notify_facts_t *f, const char *text);
/* The webhook's notification object: a copy of note with the API's
 * application id, the ISO instant, links and the local time; new reference. */
json_t *co_notify_webhook_note(const json_t *note, const co_notify_facts_t *f);

/* Frees s after overwriting it with zeros (secrets). */
void co_notify_wipe(char *s);

#endif
