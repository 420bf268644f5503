/* co_api_http.c: one request's life: the raw target is checked (length,
 * percent-encoding, UTF-8, no %00 in the query string) and split into
 * decoded path segments, the guard (co_api_guard.c: Host, Origin,
 * Content-Type) runs on the headers, the body is collected up to
 * api.max.body.bytes (413 beyond, decided before reading when
 * Content-Length says so), then co_api_dispatch routes it. Every response
 * carries X-CareerOps-Instance and the page's security headers and is
 * counted by route and status; errors are JSON bodies with a code and a
 * message that never names a file. */
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "co_api_int.h"
#include "co_log.h"

static int co_api_hexval(int ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

/* Decodes %XX in [s, s+n) into a malloc'd string; NULL when malformed,
 * when it decodes to NUL, or when it is not UTF-8 (json_stringn checks). */
static char *co_api_pct_decode(const char *s, size_t n) {
  char *out = malloc(n + 1);
  size_t o = 0;
  if (!out) return NULL;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '%') {
      int h, l;
      if (i + 2 >= n || (h = co_api_hexval((unsigned char)s[i + 1])) < 0 ||
          (l = co_api_hexval((unsigned char)s[i + 2])) < 0)
        goto bad;
      out[o++] = (char)(h * 16 + l);
      i += 2;
    } else {
      out[o++] = s[i];
    }
    if (out[o - 1] == '\0') goto bad;
  }
  out[o] = '\0';
  json_t *probe = json_stringn(out, o);
  if (!probe) goto bad;
  json_decref(probe);
  return out;
bad:
  free(out);
  return NULL;
}

/* Splits the path of r->uri into decoded segments; -1 when malformed. */
static int co_api_split(co_api_req_t *r) {
  const char *p = r->uri, *end = strchr(r->uri, '?');
  if (!end) end = p + strlen(p);
  if (*p != '/') return -1;
  while (p < end) {
    p++; /* skip '/' */
    const char *q = memchr(p, '/', (size_t)(end - p));
    if (!q) q = end;
    if (q == p && q == end) break; /* trailing slash */
    if (r->seg_cnt >= CO_API_MAX_SEGS) return -1;
    if (!(r->segs[r->seg_cnt] = co_api_pct_decode(p, (size_t)(q - p)))) return -1;
    r->seg_cnt++;
    p = q;
  }
  return 0;
}

/* The dashboard loads only its own files (/assets/...), inline nothing,
 * fetches only this server, and may not be framed (clickjacking). */
#define CO_API_CSP                                                                                           \
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "      \
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

void co_api_common_headers(co_api_t *api, struct MHD_Response *resp, const char *ctype, const char *instance) {
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
  MHD_add_response_header(resp, "X-CareerOps-Instance",
                          instance && *instance ? instance : api->be->instance_id ? api->be->instance_id : "");
  MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  MHD_add_response_header(resp, "Content-Security-Policy", CO_API_CSP);
  MHD_add_response_header(resp, "X-Frame-Options", "DENY");
  MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
  if (api->cors_origin) {
    MHD_add_response_header(resp, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, api->cors_origin);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
  }
}

enum MHD_Result co_api_send(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, int status, const char *ctype,
                            const void *body, size_t len, int must_copy, const char *instance) {
  struct MHD_Response *resp = MHD_create_response_from_buffer(
      len, (void *)body, must_copy ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
  if (!resp) return MHD_NO;
  co_api_common_headers(api, resp, ctype, instance);
  if (status == 401) MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
  if (status == 405) /* RFC 9110: say what is allowed */
    MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r && r->allow[0] ? r->allow : "GET, HEAD");
  enum MHD_Result rc = MHD_queue_response(c, (unsigned)status, resp);
  MHD_destroy_response(resp);
  if (r) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    int64_t now = (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
    co_api_metrics_observe(&api->m, r->route, status, (double)(now - r->start_us) / 1e6);
  }
  return rc;
}

enum MHD_Result co_api_send_json(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, int status, json_t *j) {
  char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
  json_decref(j);
  if (!s) return co_api_send(api, c, r, 500, "application/json",
                             "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}", 54, 0, NULL);
  enum MHD_Result rc = co_api_send(api, c, r, status, "application/json", s, strlen(s), 1, NULL);
  free(s);
  return rc;
}

enum MHD_Result co_api_send_error(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, int status,
                                  const char *code, const char *message) {
  json_t *j = json_pack("{s:{s:s, s:s}}", "error", "code", code, "message", message ? message : code);
  if (!j) j = json_pack("{s:{s:s, s:s}}", "error", "code", code, "message", code); /* message not UTF-8 */
  return co_api_send_json(api, c, r, status, j);
}

enum MHD_Result co_api_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_size, void **con_cls) {
  co_api_t *api = cls;
  co_api_req_t *r = *con_cls;
  (void)url;
  (void)version;
  if (!r || !r->uri) return MHD_NO; /* out of memory in the URI callback */
  if (*upload_size) { /* a chunk of body */
    if (!r->too_large && r->body_len + *upload_size <= api->max_body) {
      char *nb = realloc(r->body, r->body_len + *upload_size + 1);
      if (!nb) return MHD_NO;
      memcpy(nb + r->body_len, upload_data, *upload_size);
      r->body = nb;
      r->body_len += *upload_size;
      r->body[r->body_len] = '\0';
    } else {
      r->too_large = 1;
    }
    *upload_size = 0;
    return MHD_YES;
  }
  /* First call (headers only): what can be refused is decided now, but
   * answered on the final call: libmicrohttpd 0.9.75 closes a connection
   * whose response is queued in the first call, which would end keep-alive
   * and drop pipelined requests. Only 413 is answered at once (the body is
   * not read). */
  if (!r->checked) {
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH), *code, *msg;
    const char *qs = strchr(r->uri, '?');
    int st;
    r->checked = 1;
    if (strlen(r->uri) > CO_API_MAX_URI)
      r->pend_status = 414, r->pend_code = "bad_request", r->pend_msg = "request target too long";
    else if (co_api_split(r))
      r->pend_status = 400, r->pend_code = "bad_request",
      r->pend_msg = "malformed path (bad percent-encoding or not UTF-8)";
    else if ((st = co_api_guard(api, c, r, method, &code, &msg)))
      r->pend_status = st, r->pend_code = code, r->pend_msg = msg;
    else if (qs && strstr(qs, "%00")) /* libmicrohttpd would cut the value there */
      r->pend_status = 400, r->pend_code = "bad_request", r->pend_msg = "query string must not contain NUL (%00)";
    if (cl && strtoull(cl, NULL, 10) > api->max_body) r->too_large = 1;
    if (r->too_large)
      return co_api_send_error(api, c, r, 413, "too_large", "request body exceeds api.max.body.bytes");
    return MHD_YES; /* the body, if any, then the final call with *upload_size == 0 */
  }
  if (r->too_large) /* a chunked body that grew past the limit */
    return co_api_send_error(api, c, r, 413, "too_large", "request body exceeds api.max.body.bytes");
  if (r->pend_status) return co_api_send_error(api, c, r, r->pend_status, r->pend_code, r->pend_msg);
  return co_api_dispatch(api, c, r, method);
}
