/* co_ingest_int.h: internals shared by the ingest files. GLib strings here
 * are g_malloc'd and freed with g_free (GLib >= 2.46 uses malloc itself). */
#ifndef CO_INGEST_INT_H
#define CO_INGEST_INT_H

#include <glib.h>
#include <gmime/gmime.h>
#include <jansson.h>

#include "co_ingest.h"

/* Deepest MIME nesting we descend into; deeper parts are ignored so a
 * hostile message cannot exhaust the stack. */
#define CO_INGEST_MAX_DEPTH 32

/* Runs g_mime_init, xmlInitParser and icalerror setup exactly once. */
void co_ingest_global_init(void);

/* Parser options shared by every parse (loose compliance, fallback
 * charsets). Read-only after init. */
GMimeParserOptions *co_ingest_parser_options(void);

/* Converts len bytes in charset (may be NULL or unknown) to valid UTF-8.
 * Unknown or missing charsets: UTF-8 if the bytes are valid UTF-8, else
 * windows-1252. Invalid input bytes become U+FFFD. Returns a g_malloc'd,
 * NUL-terminated string; *outlen (if non-NULL) gets its length. */
char *co_ingest_to_utf8(const char *in, size_t len, const char *charset, size_t *outlen);

/* Returns the largest n <= len such that s[0..n) ends on a UTF-8 character
 * boundary (s is valid UTF-8). */
size_t co_ingest_utf8_cut(const char *s, size_t len, size_t max);

/* Readable text from an HTML document given as UTF-8. Returns a g_malloc'd
 * string (possibly empty), never NULL. */
char *co_ingest_html_to_text(const char *html, size_t len);

/* {"method","summary","dtstart"} from an iCalendar text, or NULL when no
 * VCALENDAR/VEVENT can be read. New reference for the caller. */
json_t *co_ingest_calendar_json(const char *ics);

/* Lower-case hex SHA-256 of data into out[65]. 0 on success, -1 if libcrypto
 * failed. */
int co_ingest_sha256_hex(const void *data, size_t len, char out[65]);

/* co_ingest_dedupe_key on an event already in memory; *key_out is
 * g_malloc'd (caller frees). */
co_err_t co_ingest_dedupe_key_json(json_t *ev, char **key_out, char *errstr, size_t errstr_size);

/* What the MIME walk collects from a message body. */
typedef struct co_ingest_body_s {
  GString *text;       /* UTF-8 body text */
  json_t *attachments; /* array of {name,type,size} */
  json_t *calendar;    /* object or NULL */
} co_ingest_body_t;

/* Walks the MIME tree under root and fills body (whose members the caller
 * created and frees). Never fails: undecodable parts just contribute nothing. */
void co_ingest_body_collect(GMimeObject *root, co_ingest_body_t *body);

/* Reader vtable: mbox and directory readers fill one of these. */
struct co_ingest_reader_s {
  co_err_t (*next)(co_ingest_reader_t *r, co_ingest_msg_t *msg, char *errstr, size_t errstr_size);
  void (*close)(co_ingest_reader_t *r);
};

/* co_ingest_curl.c: libcurl's global init, once per process (thread-safe). */
void co_ingest_curl_init(void);
/* Overwrites a secret string with zeros, then frees it. NULL is a no-op. */
void co_ingest_wipe_free(char *s);

#endif
