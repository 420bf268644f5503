/* fake_gmail.h: an in-process fake of the Gmail API and Google's OAuth2
 * token endpoint (libmicrohttpd on 127.0.0.1, a port the kernel picks), with
 * an in-memory mailbox, for the Gmail source tests.
 *
 * It implements only what the source calls: POST /token (refresh_token
 * grant), GET /gmail/v1/users/me/profile, .../messages (paged, newest
 * first), .../messages/{id}?format=raw, .../history (paged, messagesAdded).
 * Access tokens expire on the server's clock; every request is logged with
 * its arrival time and answer so tests can check what the client did.
 * Fault knobs are fields set under fg_lock()/fg_unlock(). */
#ifndef FAKE_GMAIL_H
#define FAKE_GMAIL_H

#include <stdint.h>

#define FG_MAX_MSGS 256
#define FG_MAX_REQS 4096

typedef struct {
  char kind[16]; /* "token" "profile" "list" "get" "history" "other" */
  int64_t t_ms;  /* monotonic arrival time */
  int status;
} fg_req_t;

typedef struct fake_gmail_s {
  struct MHD_Daemon *d;
  int port;
  char base[64]; /* "http://127.0.0.1:<port>" */
  char token_url[96];
  /* mailbox */
  struct {
    char id[32];
    char *raw;
    uint64_t hid;
    int gone; /* deleted: in history, but not listed and get is 404 */
  } msgs[FG_MAX_MSGS];
  int n;
  uint64_t history_id;    /* current mailbox historyId */
  uint64_t history_floor; /* startHistoryId below this: 404 (expired) */
  int page_size;          /* server-side cap on maxResults */
  /* oauth */
  const char *client_id, *client_secret, *refresh_token;
  int expires_in;
  int token_seq;
  char token[64];    /* the one valid access token ("" = none) */
  int64_t token_exp; /* monotonic ms */
  int always_401;    /* refuse every API call */
  /* faults on API (non-token) requests */
  int fail_n, fail_status, fail_retry_after; /* next fail_n answer fail_status */
  /* record */
  fg_req_t reqs[FG_MAX_REQS];
  int nreq, n_token, n_401;
} fake_gmail_t;

/* Starts the server; fails the test on error. Free with fg_stop(). */
fake_gmail_t *fg_start(const char *client_id, const char *client_secret, const char *refresh_token);
void fg_stop(fake_gmail_t *fg);
void fg_lock(fake_gmail_t *fg);
void fg_unlock(fake_gmail_t *fg);
/* Adds a message; returns its historyId (one history record each). */
uint64_t fg_add(fake_gmail_t *fg, const char *raw);
/* Requests of a kind so far. */
int fg_count(fake_gmail_t *fg, const char *kind);
/* The i'th test message: "Subject: job <i>", Message-ID <fg-<i>@test>. malloc'd. */
char *fg_make_message(int i);

#endif
