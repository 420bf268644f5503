/* co_ingest.h: turns one raw RFC 5322 message into a normalized JSON event,
 * and reads messages out of mbox files, Maildirs and directories of .eml.
 *
 * The event layout ("schema": 1) is documented in docs/event-schema.md.
 * Parsing is GMime 3, HTML-to-text is libxml2's HTML parser, calendar parts
 * go through libical, hashes through OpenSSL's EVP. Every function here is
 * thread-safe: library set-up happens once behind pthread_once, and no state
 * is shared between calls except read-only tables. */
#ifndef CO_INGEST_H
#define CO_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

#define CO_INGEST_SCHEMA_VERSION 1

/* Where a message came from, supplied by the caller (IMAP/Gmail/file reader).
 * Nothing here is kept after the call returns. */
typedef struct co_ingest_src_s {
  const char *account;     /* account name as configured; required */
  const char *cursor_json; /* JSON object with "kind": "imap" | "gmail" | "file"
                            * (see docs/event-schema.md); required */
  size_t max_body_bytes;   /* cut "text" to at most this many bytes at a UTF-8
                            * boundary and set "truncated"; 0 = no limit */
} co_ingest_src_t;

/* Parses raw[0..len) and writes the normalized event as compact JSON into
 * *json_out (NUL-terminated, malloc'd: caller frees with free()).
 * Returns CO_ERR_PARSE (with the cause in errstr) when the bytes are not a
 * mail message at all: empty input, no header block, binary junk. Such a
 * message should go to the dead-letter queue. CO_ERR_INVALID_ARG if src is
 * incomplete or its cursor_json is not a valid cursor. On any error
 * *json_out is set to NULL and nothing is leaked. */
co_err_t co_ingest_normalize(const char *raw, size_t len, const co_ingest_src_t *src, char **json_out, char *errstr,
                             size_t errstr_size);

/* The key under which duplicates collapse, computed from a normalized event
 * (the JSON text co_ingest_normalize produced):
 *   "mid:<Message-ID>"           when the message has a Message-ID;
 *   "hdr:<hex sha256>"           of from.address "\n" date "\n" subject otherwise;
 *   "raw:<raw_sha256>"           when from, date and subject are all absent.
 * *key_out is malloc'd; caller frees with free(). */
co_err_t co_ingest_dedupe_key(const char *event_json, char **key_out, char *errstr, size_t errstr_size);

/* Builds a {"kind":"file","path":..,"offset":..} cursor. Returns a malloc'd
 * string (caller frees) or NULL on allocation failure. */
char *co_ingest_cursor_file(const char *path, uint64_t offset);

/* ---- readers: mbox, Maildir, directory of .eml --------------------------
 * A reader streams messages one at a time; memory use is bounded by the
 * largest single message, never by the size of the mailbox. */
typedef struct co_ingest_reader_s co_ingest_reader_t;

/* One message handed out by co_ingest_reader_next(). All pointers are owned
 * by the reader and stay valid until the next call to next() or close(). */
typedef struct co_ingest_msg_s {
  const char *data; /* message bytes; for mbox, without the "From " line and
                     * with ">From " quoting undone */
  size_t len;
  const char *path; /* file the message came from */
  uint64_t offset;  /* byte offset of the message in path: the "From " line
                     * for mbox, 0 for one-message files */
} co_ingest_msg_t;

/* Opens an mbox (mboxrd or mboxo). Reading starts at start_offset, which
 * must be 0 or an offset a previous reader returned. *rp is freed with
 * co_ingest_reader_close(). */
co_err_t co_ingest_mbox_open(const char *path, uint64_t start_offset, co_ingest_reader_t **rp, char *errstr,
                             size_t errstr_size);

/* Opens a Maildir: messages from cur/ then new/, each sorted by file name;
 * dot files are skipped. */
co_err_t co_ingest_maildir_open(const char *path, co_ingest_reader_t **rp, char *errstr, size_t errstr_size);

/* Opens a directory of *.eml files (not recursive), sorted by name. */
co_err_t co_ingest_emldir_open(const char *path, co_ingest_reader_t **rp, char *errstr, size_t errstr_size);

/* Fills *msg with the next message. Returns CO_OK, CO_ERR_NOT_FOUND at the
 * end, or CO_ERR_IO when a file cannot be read (Maildir/.eml: msg->path
 * names it, msg->data is NULL; the reader stays usable: the next call
 * moves on to the following message). */
co_err_t co_ingest_reader_next(co_ingest_reader_t *r, co_ingest_msg_t *msg, char *errstr, size_t errstr_size);

void co_ingest_reader_close(co_ingest_reader_t *r);

#endif
