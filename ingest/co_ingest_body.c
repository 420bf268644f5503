/* co_ingest_body.c: walks a parsed MIME tree and picks the body text,
 * the attachment list and an optional calendar invite.
 *
 * Rules (also in docs/event-schema.md):
 * - multipart/alternative: text/plain wins, unless it is empty or a stub
 *   ("view this in a browser": under 200 bytes while the HTML renders to
 *   more than four times as much), then the HTML rendering.
 * - multipart/related: only the root part is body; the other parts are
 *   inline resources (logos, cid: images) and are neither text nor
 *   attachments unless marked Content-Disposition: attachment.
 * - any other multipart (mixed, signed, report, unknown): children in order,
 *   texts joined with a blank line.
 * - a leaf is an attachment when its disposition says so, when it is not
 *   text, or when it is text other than plain/html/calendar with a file
 *   name; text/calendar feeds "calendar" (the first one wins).
 * - message/rfc822 is an attachment; we do not read inside it.
 * Transfer encodings are undone by GMime; charsets by co_ingest_to_utf8. */
#include <string.h>
#include <strings.h>

#include "co_ingest_int.h"

typedef enum { TXT_NONE = 0, TXT_PLAIN, TXT_HTML } txt_kind_t;

typedef struct {
  co_ingest_body_t *body;
} walk_t;

static void walk(walk_t *w, GMimeObject *obj, GString *out, int depth, txt_kind_t *kind);

/* Transfer-decoded bytes of a leaf, g_malloc'd; *lenp set. */
static char *decoded_bytes(GMimePart *part, size_t *lenp) {
  GMimeDataWrapper *dw = g_mime_part_get_content(part);
  *lenp = 0;
  if (!dw) return NULL;
  GMimeStream *mem = g_mime_stream_mem_new();
  g_mime_data_wrapper_write_to_stream(dw, mem);
  GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
  char *r = g_malloc(ba->len + 1);
  if (ba->len) memcpy(r, ba->data, ba->len);
  r[ba->len] = 0;
  *lenp = ba->len;
  g_object_unref(mem);
  return r;
}

static size_t decoded_size(GMimeObject *obj) {
  GMimeStream *null = g_mime_stream_null_new();
  if (GMIME_IS_PART(obj)) {
    GMimeDataWrapper *dw = g_mime_part_get_content(GMIME_PART(obj));
    if (dw) g_mime_data_wrapper_write_to_stream(dw, null);
  } else {
    g_mime_object_write_to_stream(obj, NULL, null);
  }
  size_t n = GMIME_STREAM_NULL(null)->written;
  g_object_unref(null);
  return n;
}

static json_t *str_or_null(const char *s) {
  if (!s || !*s) return json_null();
  char *v = g_utf8_make_valid(s, -1);
  json_t *j = json_string(v);
  g_free(v);
  return j;
}

static void add_attachment(walk_t *w, GMimeObject *obj, const char *name) {
  GMimeContentType *ct = g_mime_object_get_content_type(obj);
  /* get_mime_type returns a new string. */
  char *mt = ct ? g_mime_content_type_get_mime_type(ct) : NULL;
  char *type = g_ascii_strdown(mt ? mt : "application/octet-stream", -1);
  g_free(mt);
  json_t *a = json_object();
  json_object_set_new(a, "name", str_or_null(name));
  json_object_set_new(a, "type", str_or_null(type));
  json_object_set_new(a, "size", json_integer((json_int_t)decoded_size(obj)));
  json_array_append_new(w->body->attachments, a);
  g_free(type);
}

/* CRLF and lone CR become LF, so text compares and truncates the same
 * whatever line endings the sender used. */
static void append_lf(GString *out, const char *s) {
  for (; *s; s++) {
    if (*s == '\r') {
      g_string_append_c(out, '\n');
      if (s[1] == '\n') s++;
    } else {
      g_string_append_c(out, *s);
    }
  }
}

static void append_block(GString *out, const char *text) {
  char *t = g_strdup(text);
  g_strchomp(t);
  /* Drop leading blank lines, keep leading indentation of the first line. */
  char *p = t;
  while (*p == '\n' || *p == '\r') p++;
  if (*p) {
    if (out->len) g_string_append(out, "\n\n");
    append_lf(out, p);
  }
  g_free(t);
}

static void leaf(walk_t *w, GMimePart *part, GString *out, txt_kind_t *kind) {
  GMimeObject *obj = GMIME_OBJECT(part);
  GMimeContentType *ct = g_mime_object_get_content_type(obj);
  const char *type = ct ? g_mime_content_type_get_media_type(ct) : "text";
  const char *sub = ct ? g_mime_content_type_get_media_subtype(ct) : "plain";
  const char *disp = g_mime_object_get_disposition(obj);
  const char *fname = g_mime_part_get_filename(part);
  int is_text = type && !g_ascii_strcasecmp(type, "text");
  int attach_disp = disp && !g_ascii_strcasecmp(disp, "attachment");
  int is_cal = is_text && sub && !g_ascii_strcasecmp(sub, "calendar");
  int is_plain = is_text && sub && !g_ascii_strcasecmp(sub, "plain");
  int is_html = is_text && sub && !g_ascii_strcasecmp(sub, "html");

  if (is_cal && !w->body->calendar) {
    size_t n;
    char *raw = decoded_bytes(part, &n);
    if (raw) {
      char *u = co_ingest_to_utf8(raw, n, ct ? g_mime_content_type_get_parameter(ct, "charset") : NULL, NULL);
      w->body->calendar = co_ingest_calendar_json(u);
      g_free(u);
      g_free(raw);
    }
  }
  if (attach_disp || !is_text || (!is_plain && !is_html && !is_cal && fname)) {
    add_attachment(w, obj, fname);
    return;
  }
  if (!is_plain && !is_html) return; /* calendar, enriched, etc.: not body */
  size_t n, ulen;
  char *raw = decoded_bytes(part, &n);
  if (!raw) return;
  char *u = co_ingest_to_utf8(raw, n, ct ? g_mime_content_type_get_parameter(ct, "charset") : NULL, &ulen);
  g_free(raw);
  if (is_html) {
    char *t = co_ingest_html_to_text(u, ulen);
    g_free(u);
    u = t;
  }
  append_block(out, u);
  if (*kind == TXT_NONE || is_plain) *kind = is_plain ? TXT_PLAIN : TXT_HTML;
  g_free(u);
}

static txt_kind_t alternative(walk_t *w, GMimeMultipart *mp, GString *out, int depth) {
  int n = g_mime_multipart_get_count(mp);
  GString *plain = NULL, *html = NULL;
  for (int i = 0; i < n; i++) {
    GString *t = g_string_new(NULL);
    txt_kind_t k = TXT_NONE;
    walk(w, g_mime_multipart_get_part(mp, i), t, depth + 1, &k);
    GString **slot = k == TXT_PLAIN ? &plain : k == TXT_HTML ? &html : NULL;
    /* Later alternatives are the sender's preferred ones: keep the last. */
    if (slot && t->len) {
      if (*slot) g_string_free(*slot, TRUE);
      *slot = t;
    } else {
      g_string_free(t, TRUE);
    }
  }
  GString *pick = plain;
  if (!plain || (html && plain->len < 200 && html->len > 4 * plain->len)) pick = html;
  txt_kind_t k = pick ? (pick == plain ? TXT_PLAIN : TXT_HTML) : TXT_NONE;
  if (pick) append_block(out, pick->str);
  if (plain) g_string_free(plain, TRUE);
  if (html) g_string_free(html, TRUE);
  return k;
}

static void walk(walk_t *w, GMimeObject *obj, GString *out, int depth, txt_kind_t *kind) {
  if (!obj || depth > CO_INGEST_MAX_DEPTH) return;
  if (GMIME_IS_MESSAGE_PART(obj)) {
    const char *fn = g_mime_object_get_content_disposition_parameter(obj, "filename");
    add_attachment(w, obj, fn);
    return;
  }
  if (GMIME_IS_PART(obj)) {
    leaf(w, GMIME_PART(obj), out, kind);
    return;
  }
  if (!GMIME_IS_MULTIPART(obj)) return;
  GMimeMultipart *mp = GMIME_MULTIPART(obj);
  GMimeContentType *ct = g_mime_object_get_content_type(obj);
  const char *sub = ct ? g_mime_content_type_get_media_subtype(ct) : "mixed";
  int n = g_mime_multipart_get_count(mp);
  if (sub && !g_ascii_strcasecmp(sub, "alternative")) {
    txt_kind_t k = alternative(w, mp, out, depth);
    if (*kind == TXT_NONE || k == TXT_PLAIN) *kind = k;
  } else if (sub && !g_ascii_strcasecmp(sub, "related") && n > 0) {
    GMimeObject *root = NULL;
    const char *start = g_mime_content_type_get_parameter(ct, "start");
    for (int i = 0; start && i < n && !root; i++) {
      const char *cid = g_mime_object_get_content_id(g_mime_multipart_get_part(mp, i));
      char *s = g_strdup(start);
      char *bare = g_strstrip(s);
      if (*bare == '<') bare++;
      size_t bl = strlen(bare);
      if (bl && bare[bl - 1] == '>') bare[bl - 1] = 0;
      if (cid && !strcmp(cid, bare)) root = g_mime_multipart_get_part(mp, i);
      g_free(s);
    }
    if (!root) root = g_mime_multipart_get_part(mp, 0);
    walk(w, root, out, depth + 1, kind);
    for (int i = 0; i < n; i++) {
      GMimeObject *c = g_mime_multipart_get_part(mp, i);
      const char *d = g_mime_object_get_disposition(c);
      if (c != root && d && !g_ascii_strcasecmp(d, "attachment")) walk(w, c, out, depth + 1, kind);
    }
  } else {
    for (int i = 0; i < n; i++) walk(w, g_mime_multipart_get_part(mp, i), out, depth + 1, kind);
  }
  /* A multipart whose boundary never shows up has no children; GMime keeps
   * the whole body as its prologue. Better to show that than nothing. */
  if (n == 0) {
    const char *pro = g_mime_multipart_get_prologue(mp);
    if (pro && *pro) {
      char *u = co_ingest_to_utf8(pro, strlen(pro), NULL, NULL);
      append_block(out, u);
      if (*kind == TXT_NONE) *kind = TXT_PLAIN;
      g_free(u);
    }
  }
}

void co_ingest_body_collect(GMimeObject *root, co_ingest_body_t *body) {
  walk_t w = {.body = body};
  txt_kind_t k = TXT_NONE;
  walk(&w, root, body->text, 0, &k);
}
