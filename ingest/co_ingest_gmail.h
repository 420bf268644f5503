/* co_ingest_gmail.h: a Gmail API mail source. Reads a mailbox through the
 * Gmail REST API (users.messages.list / users.history.list /
 * users.messages.get?format=raw) and hands each message's raw RFC 5322 bytes
 * to a callback, like the IMAP source (co_ingest_imap.h). It knows nothing of
 * where messages go.
 *
 * Authentication is OAuth2's refresh-token flow: the source trades the
 * configured refresh token for an access token at the token endpoint, keeps
 * it until shortly before its expires_in runs out, and trades again once when
 * the API answers 401 (revoked or expired early).
 *
 * Cursor: Gmail's mailbox-wide historyId. With none, a sync lists the whole
 * mailbox; with one, it asks users.history.list for what was added since.
 * Gmail keeps history for about a week; an older cursor gets HTTP 404 and the
 * sync falls back to a full listing (stats->history_expired). Re-delivered
 * messages are duplicates with the same Message-ID, which the downstream
 * dedupe (co_ingest_dedupe_key) drops.
 *
 * Delivery guarantee: at-least-once. The cursor only moves past messages
 * whose callback returned 0: within an incremental sync it moves history
 * record by history record; a full sync has no finer position than "done",
 * so a full sync that stops early leaves the cursor where it was.
 *
 * 429 and 5xx answers (and network failures) are retried with exponential
 * backoff, waiting at least the server's Retry-After, up to max_retries per
 * request. Client secret, refresh token and access tokens are registered with
 * the logger's secret masking and never appear in log lines or errstr.
 *
 * One handle is driven by one thread at a time. */
#ifndef CO_INGEST_GMAIL_H
#define CO_INGEST_GMAIL_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_ingest_gmail_s co_ingest_gmail_t;

typedef struct co_ingest_gmail_conf_s {
  const char *api_url;       /* NULL: "https://gmail.googleapis.com" */
  const char *token_url;     /* NULL: "https://oauth2.googleapis.com/token" */
  const char *client_id;     /* required */
  const char *client_secret; /* required */
  const char *refresh_token; /* required */
  const char *user;          /* NULL: "me" */
  const char *account;       /* account name for logs; NULL: user */
  int max_retries;           /* retries per request after 429/5xx/network
                              * failure; 0: 5; < 0: none */
  int retry_base_ms;         /* first backoff step (doubles per retry, up to
                              * 30 s) when the server sent no Retry-After;
                              * <= 0: 500 */
  int io_timeout_ms;         /* one HTTP request; <= 0: 60000 */
  int page_size;             /* maxResults for list calls; <= 0: 500 */
} co_ingest_gmail_conf_t;

/* history_id 0 means "nothing read yet". */
typedef struct co_ingest_gmail_cursor_s {
  uint64_t history_id;
} co_ingest_gmail_cursor_t;

typedef struct co_ingest_gmail_sync_stats_s {
  int full_sync;          /* 1: the whole mailbox was listed */
  int history_expired;    /* 1: the cursor's history was gone (HTTP 404);
                           * fell back to a full sync */
  int stopped;            /* 1: a callback returned non-zero */
  size_t found;           /* messages listed / added in history */
  size_t delivered;       /* callbacks that returned 0 */
  size_t retries;         /* requests repeated after 429/5xx/network errors */
  size_t token_refreshes; /* access tokens fetched during this sync */
  uint64_t history_id;    /* the mailbox's historyId the sync ended at */
} co_ingest_gmail_sync_stats_t;

/* Called once per message. raw[0..len) is the decoded message (not
 * NUL-terminated; owned by the source, valid only during the call); id is
 * Gmail's message id and history_id the message's own historyId.
 * Return 0 to accept, non-zero to stop the sync before this message. */
typedef int(co_ingest_gmail_cb_t)(const char *raw, size_t len, const char *id, uint64_t history_id, void *opaque);

/* Checks and copies conf (secrets are registered with co_log_add_secret);
 * does not connect. Returns a handle (free with co_ingest_gmail_destroy()) or
 * NULL with errstr set (CO_ERR_CONFIG; never includes secrets). */
co_ingest_gmail_t *co_ingest_gmail_new(const co_ingest_gmail_conf_t *conf, char *errstr, size_t errstr_size);

/* Wipes the copied secrets and frees g. NULL is a no-op. */
void co_ingest_gmail_destroy(co_ingest_gmail_t *g);

/* Delivers the messages added after `from` (NULL or history_id 0: every
 * message in the mailbox, oldest listed first) to cb, on the caller's thread.
 * *to (required) holds the furthest valid cursor when the call returns, also
 * on error. stats may be NULL.
 * Errors: CO_ERR_HTTP (a status the API kept answering after retries, or a
 * refused token, with the HTTP status and the API call in errstr),
 * CO_ERR_IO (network, after retries), CO_ERR_PARSE (malformed API JSON). */
co_err_t co_ingest_gmail_sync(co_ingest_gmail_t *g, const co_ingest_gmail_cursor_t *from, co_ingest_gmail_cb_t *cb,
                              void *opaque, co_ingest_gmail_cursor_t *to, co_ingest_gmail_sync_stats_t *stats,
                              char *errstr, size_t errstr_size);

#endif
