/* co_ingest_normalize.c: raw message bytes -> normalized event JSON.
 *
 * GMime parses with loose RFC compliance, so only input with no header block
 * at all (or binary junk in it) is refused; everything else yields an event,
 * however broken the MIME structure. Header fields come from GMime's decoded
 * views (RFC 2047 words, raw 8-bit text via the fallback charsets), the body
 * from co_ingest_body.c. The event is built as a jansson object and dumped
 * compact; docs/event-schema.md is the contract. */
#include <pthread.h>
#include <string.h>

#include <libical/ical.h>
#include <libxml/parser.h>

#include "co_ingest_int.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static GMimeParserOptions *parser_opts;

static void init(void) {
  g_mime_init();
  xmlInitParser();
  icalerror_set_errors_are_fatal(0);
  parser_opts = g_mime_parser_options_new();
  g_mime_parser_options_set_address_compliance_mode(parser_opts, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(parser_opts, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_rfc2047_compliance_mode(parser_opts, GMIME_RFC_COMPLIANCE_LOOSE);
  /* Raw 8-bit header text: UTF-8 when it validates, else what Outlook sent. */
  static const char *fallback[] = {"UTF-8", "windows-1252", NULL};
  g_mime_parser_options_set_fallback_charsets(parser_opts, fallback);
}

void co_ingest_global_init(void) { pthread_once(&init_once, init); }

GMimeParserOptions *co_ingest_parser_options(void) {
  co_ingest_global_init();
  return parser_opts;
}

static json_t *str_or_null(const char *s) {
  if (!s) return json_null();
  char *v = g_strstrip(g_utf8_make_valid(s, -1));
  json_t *j = *v ? json_string(v) : json_null();
  g_free(v);
  return j;
}

static json_t *mailbox_json(InternetAddress *ia) {
  const char *name = internet_address_get_name(ia);
  const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
  if ((!name || !*name) && (!addr || !*addr)) return NULL;
  json_t *o = json_object();
  json_object_set_new(o, "name", str_or_null(name));
  json_object_set_new(o, "address", str_or_null(addr));
  return o;
}

/* Flattens groups ("Team: a@x, b@y;") into their members. */
static void addrs_append(json_t *arr, InternetAddressList *l, int depth) {
  int n = l ? internet_address_list_length(l) : 0;
  for (int i = 0; i < n; i++) {
    InternetAddress *ia = internet_address_list_get_address(l, i);
    if (INTERNET_ADDRESS_IS_GROUP(ia)) {
      if (depth < 4) addrs_append(arr, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), depth + 1);
    } else if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
      json_t *o = mailbox_json(ia);
      if (o) json_array_append_new(arr, o);
    }
  }
}

static json_t *date_json(GMimeMessage *m) {
  GDateTime *d = g_mime_message_get_date(m);
  GDateTime *own = NULL;
  if (!d) {
    /* Some generators write ISO 8601 into Date:; GMime does not read that. */
    const char *raw = g_mime_object_get_header(GMIME_OBJECT(m), "Date");
    if (raw) {
      GTimeZone *utc = g_time_zone_new_utc();
      char *t = g_strstrip(g_strdup(raw));
      own = d = g_date_time_new_from_iso8601(t, utc);
      g_free(t);
      g_time_zone_unref(utc);
    }
  }
  if (!d) return json_null();
  GDateTime *u = g_date_time_to_utc(d);
  char *s = u ? g_date_time_format(u, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  json_t *j = s ? json_string(s) : json_null();
  g_free(s);
  if (u) g_date_time_unref(u);
  if (own) g_date_time_unref(own);
  return j;
}

/* The Date header's own offset ("-05:00"), the sender's zone when sending,
 * which "date" (UTC) drops; relative and unzoned interview times need it. */
static json_t *date_zone_json(GMimeMessage *m) {
  GDateTime *d = g_mime_message_get_date(m);
  if (!d) return json_null();
  int min = (int)(g_date_time_get_utc_offset(d) / G_TIME_SPAN_MINUTE);
  char buf[16];
  g_snprintf(buf, sizeof(buf), "%c%02d:%02d", min < 0 ? '-' : '+', (min < 0 ? -min : min) / 60, (min < 0 ? -min : min) % 60);
  return json_string(buf);
}

static json_t *refs_json(GMimeMessage *m, const char *hdr, int first_only) {
  const char *v = g_mime_object_get_header(GMIME_OBJECT(m), hdr);
  json_t *arr = json_array();
  GMimeReferences *refs = v ? g_mime_references_parse(parser_opts, v) : NULL;
  int n = refs ? g_mime_references_length(refs) : 0;
  for (int i = 0; i < n; i++) {
    json_t *s = str_or_null(g_mime_references_get_message_id(refs, i));
    if (json_is_string(s)) json_array_append_new(arr, s);
    else json_decref(s);
  }
  if (refs) g_mime_references_free(refs);
  if (!first_only) return arr;
  json_t *one = json_incref(json_array_get(arr, 0));
  json_decref(arr);
  return one ? one : json_null();
}

static json_t *list_id_json(GMimeMessage *m) {
  const char *v = g_mime_object_get_header(GMIME_OBJECT(m), "List-Id");
  if (!v) return json_null();
  const char *lt = strrchr(v, '<'), *gt = lt ? strchr(lt, '>') : NULL;
  if (lt && gt && gt > lt + 1) {
    char *inner = g_strndup(lt + 1, (gsize)(gt - lt - 1));
    json_t *j = str_or_null(inner);
    g_free(inner);
    return j;
  }
  return str_or_null(v);
}

static co_err_t check_cursor(const co_ingest_src_t *src, json_t **curp, char *errstr, size_t errstr_size) {
  json_error_t je;
  json_t *c = json_loads(src->cursor_json, 0, &je);
  const char *kind = json_string_value(json_object_get(c, "kind"));
  const char *why = NULL;
  if (!json_is_object(c)) why = "not a JSON object";
  else if (!kind) why = "no \"kind\"";
  else if (!strcmp(kind, "imap")) {
    if (!json_is_integer(json_object_get(c, "uidvalidity")) || !json_is_integer(json_object_get(c, "uid")))
      why = "imap cursor needs integer uidvalidity and uid";
  } else if (!strcmp(kind, "gmail")) {
    json_t *h = json_object_get(c, "history_id");
    if (!json_is_integer(h) && !json_is_string(h)) why = "gmail cursor needs history_id";
  } else if (!strcmp(kind, "file")) {
    if (!json_is_string(json_object_get(c, "path")) || !json_is_integer(json_object_get(c, "offset")))
      why = "file cursor needs string path and integer offset";
  } else {
    why = "kind must be imap, gmail or file";
  }
  if (why) {
    json_decref(c);
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "ingest: bad cursor: %s", why);
  }
  *curp = c;
  return CO_OK;
}

/* Refuses what is not a message: GMime found no header, or the header
 * block holds NUL bytes (binary data that happened to contain a colon). */
static const char *not_a_message(const char *raw, size_t len, GMimeMessage *m) {
  if (!m) return "no RFC 5322 header block found";
  if (g_mime_header_list_get_count(g_mime_object_get_header_list(GMIME_OBJECT(m))) == 0)
    return "no header fields before the body";
  /* End of the header block: the first "\n\n" or "\r\n\r\n", whichever is
   * first; the second search stops there so a big body is not scanned. */
  const char *end = g_strstr_len(raw, (gssize)len, "\n\n");
  const char *crlf = g_strstr_len(raw, end ? (gssize)MIN(len, (size_t)(end - raw) + 3) : (gssize)len, "\r\n\r\n");
  if (crlf && (!end || crlf < end)) end = crlf;
  size_t hlen = end ? (size_t)(end - raw) : len;
  if (memchr(raw, 0, hlen)) return "NUL byte in header block (binary data?)";
  return NULL;
}

co_err_t co_ingest_normalize(const char *raw, size_t len, const co_ingest_src_t *src, char **json_out, char *errstr,
                             size_t errstr_size) {
  co_err_t err = CO_OK;
  GMimeStream *stream = NULL;
  GMimeParser *parser = NULL;
  GMimeMessage *msg = NULL;
  json_t *ev = NULL, *cursor = NULL;
  co_ingest_body_t body = {0};
  char *key = NULL;
  if (json_out) *json_out = NULL;
  if (!raw || !src || !json_out || !src->account || !src->cursor_json)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "ingest: raw, src, account, cursor and json_out are required");
  if (!g_utf8_validate(src->account, -1, NULL))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "ingest: account is not UTF-8");
  if ((err = check_cursor(src, &cursor, errstr, errstr_size))) return err;
  if (len == 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "ingest: empty message");
    goto err;
  }
  co_ingest_global_init();

  stream = g_mime_stream_mem_new_with_buffer(raw, len);
  parser = g_mime_parser_new_with_stream(stream);
  g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
  msg = g_mime_parser_construct_message(parser, parser_opts);
  const char *why = not_a_message(raw, len, msg);
  if (why) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "ingest: not a mail message: %s (%zu bytes)", why, len);
    goto err;
  }

  body.text = g_string_new(NULL);
  body.attachments = json_array();
  co_ingest_body_collect(g_mime_message_get_mime_part(msg), &body);
  int truncated = 0;
  if (src->max_body_bytes && body.text->len > src->max_body_bytes) {
    g_string_truncate(body.text, co_ingest_utf8_cut(body.text->str, body.text->len, src->max_body_bytes));
    truncated = 1;
  }

  char hex[65];
  if (co_ingest_sha256_hex(raw, len, hex)) {
    err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "ingest: SHA-256 failed");
    goto err;
  }
  ev = json_object();
  json_object_set_new(ev, "schema", json_integer(CO_INGEST_SCHEMA_VERSION));
  json_object_set_new(ev, "account", json_string(src->account));
  json_object_set_new(ev, "message_id", str_or_null(g_mime_message_get_message_id(msg)));
  json_object_set(ev, "cursor", cursor);
  json_t *from = json_array(), *to = json_array(), *cc = json_array();
  addrs_append(from, g_mime_message_get_from(msg), 0);
  addrs_append(to, g_mime_message_get_to(msg), 0);
  addrs_append(cc, g_mime_message_get_cc(msg), 0);
  json_t *first = json_array_get(from, 0);
  json_object_set_new(ev, "from", first ? json_incref(first) : json_null());
  json_decref(from);
  json_object_set_new(ev, "to", to);
  json_object_set_new(ev, "cc", cc);
  json_object_set_new(ev, "subject", str_or_null(g_mime_message_get_subject(msg)));
  json_object_set_new(ev, "date", date_json(msg));
  json_object_set_new(ev, "date_zone", date_zone_json(msg));
  json_object_set_new(ev, "text", json_stringn(body.text->str, body.text->len));
  json_object_set_new(ev, "truncated", json_boolean(truncated));
  json_object_set(ev, "attachments", body.attachments);
  json_object_set_new(ev, "list_id", list_id_json(msg));
  const char *unsub = g_mime_object_get_header(GMIME_OBJECT(msg), "List-Unsubscribe");
  json_object_set_new(ev, "has_list_unsubscribe", json_boolean(unsub && *unsub));
  json_object_set_new(ev, "in_reply_to", refs_json(msg, "In-Reply-To", 1));
  json_object_set_new(ev, "references", refs_json(msg, "References", 0));
  json_object_set(ev, "calendar", body.calendar ? body.calendar : json_null());
  json_object_set_new(ev, "raw_sha256", json_string(hex));
  json_object_set_new(ev, "raw_size", json_integer((json_int_t)len));
  if ((err = co_ingest_dedupe_key_json(ev, &key, errstr, errstr_size))) goto err;
  json_object_set_new(ev, "dedupe_key", json_string(key));

  *json_out = json_dumps(ev, JSON_COMPACT);
  if (!*json_out) err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "ingest: JSON encoding failed");
err:
  g_free(key);
  json_decref(ev);
  json_decref(cursor);
  json_decref(body.attachments);
  json_decref(body.calendar);
  if (body.text) g_string_free(body.text, TRUE);
  if (msg) g_object_unref(msg);
  if (parser) g_object_unref(parser);
  if (stream) g_object_unref(stream);
  return err;
}
