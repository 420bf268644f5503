/* co_ingest_imap.h: an IMAP mail source. Reads one folder UID-incrementally
 * and hands each message's raw bytes to a callback; waits for new mail with
 * IMAP IDLE (or polling when the server lacks IDLE).
 *
 * The source knows nothing of where messages go: the caller's callback turns
 * them into records (co_ingest_normalize) and commits the returned cursor
 * together with those records, so a crash replays at most the uncommitted
 * tail.
 *
 * Delivery guarantee: at-least-once, in UID order. A cursor only moves past
 * a message whose callback returned 0. When the folder's UIDVALIDITY changes
 * (the server rebuilt its UID map), the old cursor means nothing and the
 * whole folder is delivered again from UID 1. Those re-deliveries are
 * duplicates of messages already seen; they carry the same Message-ID, so
 * they get the same co_ingest_dedupe_key ("mid:<Message-ID>", or a hash of
 * from/date/subject or of the raw bytes when there is none) and the
 * downstream dedupe drops them: a resync is duplicate-free after dedupe.
 *
 * One handle is driven by one thread at a time (sync and wait share one
 * connection). Credentials are registered with the logger's secret masking
 * and never appear in log lines or error strings. */
#ifndef CO_INGEST_IMAP_H
#define CO_INGEST_IMAP_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_ingest_imap_s co_ingest_imap_t;

typedef struct co_ingest_imap_conf_s {
  const char *url;         /* "imap://host[:port]/" or "imaps://..."; required.
                            * No user:password@ in the URL. */
  const char *user;        /* required */
  const char *password;    /* LOGIN / SASL PLAIN password, or NULL */
  const char *oauth_token; /* SASL XOAUTH2 bearer token, or NULL; one of
                            * password / oauth_token is required */
  const char *folder;      /* NULL: "INBOX" */
  const char *account;     /* account name for logs; NULL: user */
  int poll_interval_ms;    /* polling period when the server lacks IDLE (or
                            * use_idle is 0); <= 0: 60000 */
  int io_timeout_ms;       /* one command's round trip; <= 0: 60000 */
  int no_idle;             /* 1: never IDLE, always poll (for servers whose
                            * IDLE is broken) */
  int allow_plaintext;     /* imap:// to a host other than localhost must
                            * upgrade with STARTTLS, so credentials never
                            * cross a network in clear; 1 allows plain text */
  const char *ca_file;     /* PEM CA bundle to verify the server's certificate
                            * (imaps:// and STARTTLS) instead of the system
                            * store, e.g. a private CA; NULL: system store.
                            * Verification is never turned off. */
} co_ingest_imap_conf_t;

/* Where a folder was read up to. {0, 0} means "nothing read yet". */
typedef struct co_ingest_imap_cursor_s {
  uint32_t uidvalidity;
  uint32_t last_uid; /* every UID <= last_uid was delivered (or expunged) */
} co_ingest_imap_cursor_t;

/* What one sync did. */
typedef struct co_ingest_imap_sync_stats_s {
  int resync;           /* 1: UIDVALIDITY differed from the cursor's; the
                         * folder was read again from UID 1 */
  int stopped;          /* 1: a callback returned non-zero */
  size_t delivered;     /* callbacks that returned 0 */
  size_t found;         /* new UIDs the search reported */
  uint32_t uidvalidity; /* the folder's current UIDVALIDITY */
} co_ingest_imap_sync_stats_t;

/* Called once per message, in ascending UID order. raw[0..len) is the
 * message as the server stores it (BODY.PEEK[], so the \Seen flag is left
 * alone); it is owned by the source and valid only during the call.
 * Return 0 to accept the message (the cursor moves past it), non-zero to
 * stop the sync before it (the cursor stays behind it). */
typedef int(co_ingest_imap_cb_t)(const char *raw, size_t len, uint32_t uidvalidity, uint32_t uid, void *opaque);

/* Checks the configuration and copies it; does not connect (the first sync
 * or wait does). Returns a handle (free with co_ingest_imap_destroy()) or
 * NULL with errstr set (CO_ERR_CONFIG causes; never includes secrets). */
co_ingest_imap_t *co_ingest_imap_new(const co_ingest_imap_conf_t *conf, char *errstr, size_t errstr_size);

/* Logs out, closes the connection, wipes the copied secrets, frees src.
 * NULL is a no-op. */
void co_ingest_imap_destroy(co_ingest_imap_t *src);

/* Delivers every message after `from` to cb. from may be NULL (start from
 * scratch). EXAMINE (read-only) folder; if its UIDVALIDITY differs from
 * from->uidvalidity, start over from UID 1 (stats->resync). Then UID SEARCH
 * for UIDs above the cursor and UID FETCH each in order.
 * *to (required) always holds the furthest valid cursor when the call
 * returns, also on error: the progress made before a dropped connection is
 * kept. stats may be NULL.
 * A stale connection (the server closed it, e.g. after a UIDVALIDITY
 * change) is reopened once within the call. Errors: CO_ERR_IO (network,
 * protocol), CO_ERR_CONFIG for a login the server refused ("login
 * failed"), CO_ERR_NOT_FOUND when the folder does not exist.
 * Runs on the caller's thread; cb runs on it too. */
co_err_t co_ingest_imap_sync(co_ingest_imap_t *src, const co_ingest_imap_cursor_t *from, co_ingest_imap_cb_t *cb,
                             void *opaque, co_ingest_imap_cursor_t *to, co_ingest_imap_sync_stats_t *stats,
                             char *errstr, size_t errstr_size);

/* Blocks until the folder may have new mail or timeout_ms passes.
 * Returns CO_OK when the server reported more messages (EXISTS above the
 * count seen at the last sync or wait): call co_ingest_imap_sync next.
 * Returns CO_ERR_TIMEOUT when nothing arrived in time.
 * A UIDVALIDITY change also counts as news, and so does everything before
 * the handle's first sync (CO_OK at once).
 * Uses IDLE when the server offers it (re-issued every 25 minutes), else a
 * NOOP every poll interval. Connection errors are retried with exponential
 * backoff (0.25 s doubling up to 30 s) until the timeout; the last error
 * text is in errstr when the call times out without having connected. */
co_err_t co_ingest_imap_wait(co_ingest_imap_t *src, int timeout_ms, char *errstr, size_t errstr_size);

/* 1 while the handle holds a logged-in connection with the folder selected
 * (0 after a connection was lost and before a reconnect succeeded). */
int co_ingest_imap_connected(const co_ingest_imap_t *src);

/* 1 if the last connection offered IDLE (and no_idle is off). */
int co_ingest_imap_uses_idle(const co_ingest_imap_t *src);

#endif
