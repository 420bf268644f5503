/* co_ingest_imap_int.h: the IMAP source's handle and its connection layer
 * (co_ingest_imap_conn.c), shared by sync (co_ingest_imap.c) and wait
 * (co_ingest_imap_idle.c). */
#ifndef CO_INGEST_IMAP_INT_H
#define CO_INGEST_IMAP_INT_H

#include <curl/curl.h>

#include "co_ingest_imap.h"

struct co_ingest_imap_s {
  /* configuration (copies; password and token wiped on destroy) */
  char *url, *user, *password, *token, *folder, *account, *ca_file;
  int poll_ms, io_ms, no_idle;
  int require_tls; /* STARTTLS mandatory (imap:// to a remote host) */

  /* connection: libcurl connects, does TLS and logs in (CONNECT_ONLY); we
   * then speak IMAP on it with curl_easy_send/recv */
  CURL *curl;
  curl_socket_t fd;
  int connected;
  int has_idle; /* server advertised IDLE */
  unsigned tag; /* last command tag number */
  char *rbuf;   /* bytes received, not yet consumed */
  size_t rlen, rcap, consumed;

  /* folder state on this connection */
  int selected;
  uint32_t uidvalidity;
  uint32_t exists;             /* latest EXISTS count the server reported */
  uint32_t synced_exists;      /* EXISTS at the last sync's EXAMINE */
  uint32_t synced_uidvalidity; /* UIDVALIDITY at the last sync; 0: none yet */

  int backoff_ms; /* next reconnect delay in wait(); 0 after a success */
};

/* One response unit: an untagged, tagged or continuation line with any
 * literals it carries inline. Points into the receive buffer; valid until
 * the next read. */
typedef struct {
  const char *text; /* the whole unit, literals included, NUL-terminated */
  size_t len;
  const char *lit; /* first literal's bytes, or NULL */
  size_t lit_len;
} co_imap_unit_t;

/* Called for each untagged unit of a command's response. An error return
 * ends the command: the connection is dropped (the rest of the response is
 * unread) and co_imap_cmd returns that error. */
typedef co_err_t(co_imap_untagged_cb_t)(co_ingest_imap_t *src, const co_imap_unit_t *u, void *arg, char *errstr,
                                        size_t errstr_size);

/* Connects, logs in, reads CAPABILITY. No-op when already connected. */
co_err_t co_imap_connect(co_ingest_imap_t *src, char *errstr, size_t errstr_size);
/* Drops the connection (no LOGOUT); folder state is forgotten. */
void co_imap_disconnect(co_ingest_imap_t *src);
/* LOGOUT (best effort), then disconnect. */
void co_imap_logout(co_ingest_imap_t *src);

/* Sends "<tag> <command>\r\n"; returns the tag number to *tagp. */
co_err_t co_imap_send_cmd(co_ingest_imap_t *src, const char *command, unsigned *tagp, char *errstr, size_t errstr_size);
/* Sends raw bytes (e.g. "DONE\r\n"). */
co_err_t co_imap_send_raw(co_ingest_imap_t *src, const char *data, size_t len, char *errstr, size_t errstr_size);
/* Reads the next unit, waiting until deadline_ms (co_imap_now_ms clock).
 * CO_ERR_TIMEOUT when nothing complete arrived in time; CO_ERR_IO when the
 * connection failed or closed (then it is dropped). */
co_err_t co_imap_read_unit(co_ingest_imap_t *src, int64_t deadline_ms, co_imap_unit_t *u, char *errstr,
                           size_t errstr_size);
/* Tracks EXISTS / EXPUNGE / BYE in any untagged unit. */
void co_imap_note_untagged(co_ingest_imap_t *src, const co_imap_unit_t *u);
/* If u is the tagged completion of tag: 1, with *err set (CO_OK for "OK";
 * otherwise an error naming what and the server's text). Else 0. */
int co_imap_is_done(co_ingest_imap_t *src, const co_imap_unit_t *u, unsigned tag, const char *what, co_err_t *err,
                    char *errstr, size_t errstr_size);

/* Runs one command to completion within the I/O timeout; each untagged
 * unit goes to co_imap_note_untagged and then to cb (if non-NULL). */
co_err_t co_imap_cmd(co_ingest_imap_t *src, const char *command, co_imap_untagged_cb_t *cb, void *arg, char *errstr,
                     size_t errstr_size);

/* EXAMINE the configured folder: sets uidvalidity, exists. */
co_err_t co_imap_examine(co_ingest_imap_t *src, char *errstr, size_t errstr_size);

/* The folder name as an IMAP quoted string, malloc'd (caller frees). */
char *co_imap_quote(const char *s);

#endif
