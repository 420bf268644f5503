/* fake_hook.h: one in-process fake of the three notification receivers
 * (libmicrohttpd on 127.0.0.1, a free port), for the notifier tests.
 *
 * Routes by the first path segment: /slack/... (incoming webhook),
 * /wa/<version>/<phone id>/messages (WhatsApp Cloud API), /hook (generic
 * webhook). Each route answers its scripted statuses in order, then 200.
 * WhatsApp requests whose bearer token differs from fh->wa_token get 401
 * (an expired token). Webhook requests are checked against the HMAC key
 * given at start: the fake recomputes HMAC-SHA256 of the body it read and
 * records whether X-CareerOps-Signature matched. Every request is
 * recorded. An optional hook runs before each answer (the kill test uses
 * it to SIGKILL a child mid-delivery).
 *
 * The fakes of tests/llm and tests/ingest_gmail speak those APIs only and
 * record no custom headers, hence this one. */
#ifndef FAKE_HOOK_H
#define FAKE_HOOK_H

#include <stdint.h>

#define FH_MAX_REQS 1024
#define FH_MAX_SCRIPT 64

typedef struct fh_req_s {
  char route[16]; /* "slack" "wa" "hook" "other" */
  char path[256];
  char bearer[128];
  char idem[80];
  int has_sig, sig_ok;
  char *body;
  int status; /* what the fake answered */
  int64_t t_ms;
} fh_req_t;

typedef struct fh_s fh_t;

/* Starts the fake; hmac_key (may be NULL) verifies webhook signatures.
 * Fails the test on error. */
fh_t *fh_start(const char *hmac_key);
void fh_stop(fh_t *fh);
/* "http://127.0.0.1:<port>" (owned by fh). */
const char *fh_base(fh_t *fh);
/* Queues the next answer of route: status, and Retry-After seconds (< 0: none). */
void fh_script(fh_t *fh, const char *route, int status, int retry_after_s);
/* Only this bearer token is accepted on /wa (NULL: any). */
void fh_set_wa_token(fh_t *fh, const char *token);
/* Called (outside the fake's lock) before request index i of route is answered. */
void fh_set_hook(fh_t *fh, void (*fn)(fh_t *fh, const char *route, int i, void *opaque), void *opaque);

/* Requests received on route ("" or NULL: all). */
int fh_count(fh_t *fh, const char *route);
/* Requests on route that carried idem and were answered 2xx. */
int fh_ok_count_key(fh_t *fh, const char *route, const char *idem);
/* Requests on route carrying idem, whatever the answer. */
int fh_count_key(fh_t *fh, const char *route, const char *idem);
/* Copy of the i'th request of route (body malloc'd: caller frees); 0 if it exists. */
int fh_get(fh_t *fh, const char *route, int i, fh_req_t *out);

#endif
