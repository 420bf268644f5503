/* co_th_imap.h: a real IMAP server (Debian's dovecot) for tests.
 *
 * Each co_th_imap_start() runs its own `dovecot -F -c <conf>` child on
 * 127.0.0.1 and a free port, with a config, Maildir, logs and sockets under a
 * fresh temp dir, one user with a plain-text password, and no TLS. The child
 * dies with the test process (co_th_spawn), so a crashed test leaves no
 * daemon behind. When the test runs as root, mail is owned by `nobody`
 * (dovecot refuses uid 0 for mail users); otherwise by the current user.
 *
 * Messages are delivered by writing Maildir files (tmp/ then rename into
 * new/), which is what a local delivery agent does: fast enough to seed
 * hundreds of messages, and visible to a running IMAP session at its next
 * sync (NOOP, IDLE, SEARCH). Messages should use CRLF line ends: dovecot
 * serves Maildir files as they are stored, converting bare LF to CRLF, so
 * only CRLF input comes back byte for byte.
 *
 * Not thread-safe: one thread drives a co_th_imap_t. */
#ifndef CO_TH_IMAP_H
#define CO_TH_IMAP_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_th_imap_s co_th_imap_t;

/* Starts dovecot and waits (no fixed sleep) until the port answers the IMAP
 * greeting, at most 20 s. user and password must not contain ':' or line
 * breaks. Returns a handle (free with co_th_imap_stop()) or NULL with errstr
 * set (including the tail of dovecot's log when it exited). */
co_th_imap_t *co_th_imap_start(const char *user, const char *password, char *errstr, size_t errstr_size);

/* Options of co_th_imap_start_opts. */
typedef struct co_th_imap_opts_s {
  int tls; /* also serve imaps:// on a second port with a self-signed
            * certificate for 127.0.0.1/localhost made with the openssl CLI
            * at start (STARTTLS is offered on the plain port too) */
} co_th_imap_opts_t;

/* co_th_imap_start with options (NULL: none). Every server also accepts
 * SASL XOAUTH2 (auth_mechanisms plain login xoauth2): dovecot 2.3 checks
 * an XOAUTH2 bearer token against the passdb like a password, so a test
 * uses the token as the user's password and proves the client's XOAUTH2
 * exchange (the log line of the login says method=XOAUTH2). */
co_th_imap_t *co_th_imap_start_opts(const char *user, const char *password, const co_th_imap_opts_t *opts,
                                    char *errstr, size_t errstr_size);

/* With opts.tls: "imaps://127.0.0.1:PORT/" and the PEM file that verifies
 * the server (the self-signed certificate). NULL without TLS. Owned by m. */
const char *co_th_imap_tls_url(const co_th_imap_t *m);
const char *co_th_imap_ca_file(const co_th_imap_t *m);

/* Stops dovecot (SIGTERM, waits) without removing its files: clients see
 * their connections drop and new connections refused. */
co_err_t co_th_imap_halt(co_th_imap_t *m, char *errstr, size_t errstr_size);
/* Starts the halted dovecot again on the same ports and mail; waits for
 * the greeting as co_th_imap_start does. */
co_err_t co_th_imap_resume(co_th_imap_t *m, char *errstr, size_t errstr_size);

/* Stops dovecot (SIGTERM, then SIGKILL after 5 s) and removes the temp dir,
 * unless CO_TH_KEEP is set in the environment. Frees m. NULL is a no-op. */
void co_th_imap_stop(co_th_imap_t *m);

/* "imap://127.0.0.1:PORT/". Owned by m. */
const char *co_th_imap_url(const co_th_imap_t *m);
int co_th_imap_port(const co_th_imap_t *m);
/* The temp dir and dovecot's log file inside it. Owned by m. */
const char *co_th_imap_dir(const co_th_imap_t *m);
const char *co_th_imap_log_path(const co_th_imap_t *m);
/* Milliseconds from spawning dovecot to its IMAP greeting. */
int64_t co_th_imap_startup_ms(const co_th_imap_t *m);

/* Creates folder (Maildir++ ".folder" dir) if absent. "INBOX" always exists.
 * Names may not contain '/' or start with '.'; '.' is the hierarchy
 * separator. */
co_err_t co_th_imap_create_folder(co_th_imap_t *m, const char *folder, char *errstr, size_t errstr_size);

/* Delivers one raw RFC 5322 message into folder (created if absent). UIDs are
 * assigned by dovecot in delivery order at its next sync. raw is copied. */
co_err_t co_th_imap_deliver(co_th_imap_t *m, const char *folder, const char *raw, size_t len, char *errstr,
                            size_t errstr_size);

/* Delivers n messages (raws[i], lens[i]) in order. Nothing is owned. */
co_err_t co_th_imap_deliver_many(co_th_imap_t *m, const char *folder, const char *const *raws, const size_t *lens,
                                 size_t n, char *errstr, size_t errstr_size);

/* Delivers co_th_imap_make_message(first .. first+n-1) in order. */
co_err_t co_th_imap_seed(co_th_imap_t *m, const char *folder, int first, int n, char *errstr, size_t errstr_size);

/* Gives folder a new, larger UIDVALIDITY (old + 1) while dovecot runs, via
 * `doveadm mailbox update`; messages stay. Sessions that have the folder
 * selected are disconnected by dovecot, as with a real server-side rebuild.
 * The new value goes to *newp if non-NULL. */
co_err_t co_th_imap_reset_uidvalidity(co_th_imap_t *m, const char *folder, uint32_t *newp, char *errstr,
                                      size_t errstr_size);

/* Returns a malloc'd (caller frees) CRLF message numbered i, with
 * Message-ID <co-th-<i>@careerops.test>, a fixed Date, and the given subject
 * and body (NULL: "Test message <i>" and a generated line). Length to *lenp. */
char *co_th_imap_make_message(int i, const char *subject, const char *body, size_t *lenp);

/* The Message-ID co_th_imap_make_message(i) uses, into buf. */
const char *co_th_imap_message_id(int i, char *buf, size_t size);

/* One libcurl IMAP transfer against url (e.g. co_th_imap_url() + "INBOX;UID=3")
 * with the given login. command: a custom request ("UID SEARCH ALL",
 * "EXAMINE INBOX") or NULL to fetch what the URL names. The server's output
 * goes to *out (malloc'd, NUL-terminated, caller frees; may be NULL) and its
 * length to *outlen. Returns the CURLcode (0 = CURLE_OK). */
int co_th_imap_curl(const char *url, const char *user, const char *password, const char *command, char **out,
                    size_t *outlen);

#endif
