/* api_tu.c: see api_tu.h. */
#include "api_tu.h"

#include <curl/curl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "co_buf.h"
#include "co_th.h"

static const char *api_sample(void) {
  static char buf[4096];
  const char *src = getenv("CO_SOURCE_DIR");
  snprintf(buf, sizeof(buf), "%s/data/sample/inbox.mbox", src ? src : ".");
  return buf;
}

void api_tu_sample_copy(const char *dst, const char *tag) {
  size_t len;
  char *in = co_th_read_file(api_sample(), &len), *out = malloc(len * 2 + 1), *o = out;
  assert_non_null(in);
  assert_non_null(out);
  for (char *line = in; line < in + len;) {
    char *nl = memchr(line, '\n', (size_t)(in + len - line));
    size_t ll = nl ? (size_t)(nl - line) + 1 : (size_t)(in + len - line);
    int ids = !strncasecmp(line, "Message-ID:", 11) || !strncasecmp(line, "In-Reply-To:", 12) ||
              !strncasecmp(line, "References:", 11);
    for (size_t i = 0; i < ll; i++) {
      *o++ = line[i];
      if (ids && line[i] == '<') o += sprintf(o, "%s-", tag);
    }
    line += ll;
  }
  assert_int_equal(co_th_write_file(dst, out, (size_t)(o - out)), 0);
  free(in);
  free(out);
}

void api_tu_start(api_tu_t *t, const char *const *extra) {
  char err[512], listen[64], copy[4096];
  int port = co_th_free_port();
  memset(t, 0, sizeof(*t));
  t->dir = co_th_tmpdir("api");
  t->conf = co_conf_new();
  snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
  snprintf(t->base, sizeof(t->base), "http://127.0.0.1:%d", port);
  if (co_conf_set(t->conf, "state.dir", t->dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(t->conf, "api.listen", listen, CO_CONF_SRC_CLI, err, sizeof(err)))
    fail_msg("conf: %s", err);
  for (int i = 0; extra && extra[i]; i += 2)
    if (co_conf_set(t->conf, extra[i], extra[i + 1], CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf: %s", err);
  if (co_conf_finalize(t->conf, err, sizeof(err))) fail_msg("conf: %s", err);
  if (!(t->p = co_pipeline_new(t->conf, err, sizeof(err)))) fail_msg("pipeline: %s", err);
  /* the same inbox for two accounts: isolation is visible in every answer */
  snprintf(copy, sizeof(copy), "%s/bob.mbox", t->dir);
  api_tu_sample_copy(copy, "bob");
  co_pipeline_import_stats_t st;
  if (co_pipeline_import_mbox(t->p, api_sample(), "alice", &st, err, sizeof(err)) ||
      co_pipeline_import_mbox(t->p, copy, "bob", &st, err, sizeof(err)) ||
      co_pipeline_run_until_idle(t->p, err, sizeof(err)))
    fail_msg("import: %s", err);
  if (!(t->api = co_pipeline_api_start(t->p, t->conf, err, sizeof(err)))) fail_msg("api: %s", err);
}

void api_tu_stop(api_tu_t *t) {
  co_pipeline_api_stop(t->api);
  co_pipeline_destroy(t->p);
  co_conf_destroy(t->conf);
  co_th_rm_rf(t->dir);
  free(t->dir);
}

static void api_hdr(const char *line, size_t n, const char *name, char *out, size_t size) {
  size_t nl = strlen(name);
  if (n <= nl + 1 || strncasecmp(line, name, nl) || line[nl] != ':') return;
  const char *v = line + nl + 1;
  while (*v == ' ') v++;
  size_t vl = (size_t)(line + n - v);
  while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n')) vl--;
  snprintf(out, size, "%.*s", (int)vl, v);
}

static size_t api_header(char *line, size_t size, size_t nmemb, void *opaque) {
  api_resp_t *r = opaque;
  if (r->hdr_cb) ((size_t(*)(char *, size_t, size_t, void *))r->hdr_cb)(line, size, nmemb, NULL);
  api_hdr(line, size * nmemb, "Content-Type", r->ctype, sizeof(r->ctype));
  api_hdr(line, size * nmemb, "X-CareerOps-Instance", r->instance, sizeof(r->instance));
  return size * nmemb;
}

void api_req(const char *base, const char *method, const char *path, const char *token, const char *body,
             api_resp_t *r) {
  api_req_h(base, method, path, token, body, NULL, r);
}

void api_req_h(const char *base, const char *method, const char *path, const char *token, const char *body,
               const char *header, api_resp_t *r) {
  const char *const hdrs[] = {header, NULL};
  api_req_hv(base, method, path, token, body, hdrs, r);
}

typedef size_t (*api_hdr_cb_t)(char *line, size_t size, size_t nmemb, void *opaque);

/* The one request helper: writes (POST...) get Content-Type:
 * application/json unless hdrs name a Content-Type, as the dashboard sends;
 * cb also sees each header line (then redirects are not followed either). */
static void api_do(const char *base, const char *method, const char *path, const char *token, const char *body,
                   const char *const *hdrs, api_hdr_cb_t cb, api_resp_t *r) {
  char url[16384], auth[256];
  struct curl_slist *h = NULL;
  co_buf_t out = {0};
  int typed = 0;
  CURL *c = curl_easy_init();
  memset(r, 0, sizeof(*r));
  assert_non_null(c);
  snprintf(url, sizeof(url), "%s%s", base, path);
  if (token) {
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
    h = curl_slist_append(h, auth);
  }
  for (int i = 0; hdrs && hdrs[i]; i++) {
    h = curl_slist_append(h, hdrs[i]);
    typed |= !strncasecmp(hdrs[i], "Content-Type:", 13);
  }
  if (!typed && strcmp(method, "GET") && strcmp(method, "HEAD")) h = curl_slist_append(h, "Content-Type: application/json");
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, co_buf_curl_write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, api_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
  r->hdr_cb = (void (*)(void))cb;
  if (body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
  }
  CURLcode cc = curl_easy_perform(c);
  r->body = out.data;
  r->len = out.len;
  if (cc != CURLE_OK) fail_msg("%s %s: %s", method, path, curl_easy_strerror(cc));
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
  curl_slist_free_all(h);
  curl_easy_cleanup(c);
  if (!r->body) r->body = strdup("");
  if (!strncmp(r->ctype, "application/json", 16)) r->json = json_loads(r->body, 0, NULL);
}

void api_req_hv(const char *base, const char *method, const char *path, const char *token, const char *body,
                const char *const *hdrs, api_resp_t *r) {
  api_do(base, method, path, token, body, hdrs, NULL, r);
}

void api_req_cb(const char *base, const char *method, const char *path, const char *token,
                size_t (*cb)(char *line, size_t size, size_t nmemb, void *opaque), api_resp_t *r) {
  api_do(base, method, path, token, NULL, NULL, cb, r);
}

void api_resp_free(api_resp_t *r) {
  free(r->body);
  json_decref(r->json);
  memset(r, 0, sizeof(*r));
}

void api_expect_error(const api_resp_t *r, long status, const char *code) {
  if (r->status != status) fail_msg("expected %ld, got %ld: %s", status, r->status, r->body);
  assert_non_null(r->json);
  json_t *e = json_object_get(r->json, "error");
  assert_string_equal(json_string_value(json_object_get(e, "code")), code);
  const char *msg = json_string_value(json_object_get(e, "message"));
  assert_non_null(msg);
  /* never an internal path or a source file name */
  assert_null(strstr(msg, "/work"));
  assert_null(strstr(msg, "/tmp"));
  assert_null(strstr(msg, ".c:"));
}

void api_tu_token(const co_conf_t *conf, const char *account, int admin, char out[64]) {
  char err[256];
  co_pipeline_tokens_t *t = co_pipeline_tokens_open(conf, 0, err, sizeof(err));
  if (!t) fail_msg("tokens: %s", err);
  if (co_pipeline_tokens_create(t, account, admin, out, err, sizeof(err))) fail_msg("token: %s", err);
  co_pipeline_tokens_close(t);
}
