/* api_dashboard_security_headers_and_strict_input: the dashboard page and
 * every answer carry Content-Security-Policy (scripts only from the server,
 * frame-ancestors 'none'), X-Frame-Options: DENY and Referrer-Policy:
 * no-referrer; a NUL (%00) anywhere in the query string is 400 (it was cut
 * off, so "company=Blue%00x" filtered on "Blue"); an impossible date
 * (from=2025-02-31, to=2023-02-29) is 400 while 2024-02-29 passes; a
 * correction's "at" must be an ISO-8601 instant with a zone
 * (2025-03-01T10:00:00Z, ...+02:00): "yesterday", a bare date, a time
 * without zone or an impossible one are 400 naming "at". Headers, query
 * and dates are the server's (co_api_start over a fixed backend); "at" is
 * the pipeline's correction endpoint, over an empty state (a well-formed
 * key of no application: a good time gets past the check to 404). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_api.h"
#include "co_th.h"

#define ADMIN "strict-admin-token-for-tests"

static char g_hdrs[8192];

static size_t keep_headers(char *line, size_t size, size_t n, void *ud) {
  (void)ud;
  size_t l = strlen(g_hdrs);
  snprintf(g_hdrs + l, sizeof(g_hdrs) - l, "%.*s", (int)(size * n), line);
  return size * n;
}

/* The value of header name in the last answer's headers, or "". */
static const char *header(const char *name, char *out, size_t size) {
  *out = '\0';
  for (const char *p = g_hdrs; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
    if (!strncasecmp(p, name, strlen(name)) && p[strlen(name)] == ':') {
      const char *v = p + strlen(name) + 1, *e = strpbrk(v, "\r\n");
      while (*v == ' ') v++;
      snprintf(out, size, "%.*s", (int)(e ? e - v : (long)strlen(v)), v);
    }
  return out;
}

static void expect_400(const char *base, const char *method, const char *path, const char *body, const char *names) {
  api_resp_t r;
  api_req_h(base, method, path, ADMIN, body, body ? "Content-Type: application/json" : NULL, &r);
  if (r.status != 400) fail_msg("%s %s %s: want 400, got %ld %s", method, path, body ? body : "", r.status, r.body);
  api_expect_error(&r, 400, "bad_request");
  if (names && !strstr(json_string_value(json_object_get(json_object_get(r.json, "error"), "message")), names))
    fail_msg("%s %s: the message does not name %s: %s", method, path, names, r.body);
  api_resp_free(&r);
}

static void expect_status(const char *base, const char *method, const char *path, const char *body, long status) {
  api_resp_t r;
  api_req_h(base, method, path, ADMIN, body, body ? "Content-Type: application/json" : NULL, &r);
  if (r.status != status) fail_msg("%s %s %s: want %ld, got %ld %s", method, path, body ? body : "", status, r.status, r.body);
  api_resp_free(&r);
}

static co_err_t be_query(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t sz) {
  (void)opaque, (void)q, (void)errstr, (void)sz;
  res->body = strdup("{\"items\":[]}");
  return res->body ? CO_OK : CO_ERR_NOMEM;
}

static co_err_t be_lookup(void *opaque, const char *hash, char *account, size_t size, int *admin) {
  (void)opaque, (void)hash, (void)account, (void)size, (void)admin;
  return CO_ERR_NOT_FOUND;
}

static void set(co_conf_t *c, const char *n, const char *v) {
  char err[256];
  if (co_conf_set(c, n, v, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf %s: %s", n, err);
}

static void test_strict(void **state) {
  (void)state;
  api_resp_t r;
  char v[1024], path[1024], err[512], base[64];
  co_api_backend_t be = {.instance_id = "strict", .query = be_query, .token_lookup = be_lookup};
  co_conf_t *conf = co_conf_new();
  set(conf, "api.listen", "127.0.0.1:0");
  set(conf, "api.admin.token", ADMIN);
  if (co_conf_finalize(conf, err, sizeof(err))) fail_msg("conf: %s", err);
  co_api_t *api = co_api_start(conf, &be, err, sizeof(err));
  if (!api) fail_msg("api: %s", err);
  snprintf(base, sizeof(base), "http://127.0.0.1:%d", co_api_port(api));
  struct { const char *base; } t = {base};

  /* security headers on the page, its assets and the API */
  static const char *const pages[] = {"/", "/assets/app.js", "/api/accounts", NULL};
  for (int i = 0; pages[i]; i++) {
    g_hdrs[0] = '\0';
    api_req_cb(t.base, "GET", pages[i], ADMIN, keep_headers, &r);
    assert_int_equal(r.status, 200);
    api_resp_free(&r);
    header("Content-Security-Policy", v, sizeof(v));
    if (!strstr(v, "default-src 'self'") || !strstr(v, "frame-ancestors 'none'") || !strstr(v, "object-src 'none'") ||
        strstr(v, "unsafe-inline") || strstr(v, "unsafe-eval"))
      fail_msg("%s: Content-Security-Policy '%s'", pages[i], v);
    if (strcasecmp(header("X-Frame-Options", v, sizeof(v)), "DENY")) fail_msg("%s: X-Frame-Options '%s'", pages[i], v);
    if (strcasecmp(header("Referrer-Policy", v, sizeof(v)), "no-referrer"))
      fail_msg("%s: Referrer-Policy '%s'", pages[i], v);
  }

  /* NUL in the query string */
  expect_400(t.base, "GET", "/api/accounts/alice/applications?company=Blue%00fin", NULL, "NUL");
  expect_400(t.base, "GET", "/api/accounts/alice/applications?stage=APPLIED%00x", NULL, "NUL");
  expect_400(t.base, "GET", "/api/accounts/alice/applications?x%00y=1", NULL, "NUL");
  expect_400(t.base, "GET", "/api/search?q=interview%00", NULL, "NUL");
  /* impossible dates; a real leap day passes */
  expect_400(t.base, "GET", "/api/accounts/alice/applications?from=2025-02-31", NULL, "from");
  expect_400(t.base, "GET", "/api/accounts/alice/applications?to=2023-02-29", NULL, "to");
  expect_400(t.base, "GET", "/api/accounts/alice/applications?from=2025-04-31", NULL, "from");
  expect_400(t.base, "GET", "/api/accounts/alice/applications?from=2025-00-10", NULL, "from");
  expect_status(t.base, "GET", "/api/accounts/alice/applications?from=2024-02-29", NULL, 200);
  expect_status(t.base, "GET", "/api/accounts/alice/applications?from=2025-01-31&to=2025-12-31", NULL, 200);

  co_api_stop(api);
  co_conf_destroy(conf);

  /* a correction's time is a strict ISO-8601 instant: the pipeline's API */
  char *dir = co_th_tmpdir("strict");
  char listen[64];
  int port = co_th_free_port();
  snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
  snprintf(base, sizeof(base), "http://127.0.0.1:%d", port);
  conf = co_conf_new();
  set(conf, "state.dir", dir);
  set(conf, "api.listen", listen);
  set(conf, "api.admin.token", ADMIN);
  if (co_conf_finalize(conf, err, sizeof(err))) fail_msg("conf: %s", err);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_api_t *papi = co_pipeline_api_start(p, conf, err, sizeof(err));
  if (!papi) fail_msg("api: %s", err);
  /* "alice" 0x1f "x" in URL-safe base64: a key of alice's, of no application */
  snprintf(path, sizeof(path), "/api/accounts/alice/applications/%s/corrections", "YWxpY2UfeA");
  static const char *const bad_at[] = {"yesterday", "2025-03-01", "2025-03-01T10:00:00", "2025-02-30T10:00:00Z",
                                       "2025-03-01T25:00:00Z", "2025-03-01 10:00:00Z", "2025-03-01T10:00:00Zjunk",
                                       "2025-03-01T10:00:00+2", "now", "", NULL};
  for (int i = 0; bad_at[i]; i++) {
    char body[256];
    snprintf(body, sizeof(body), "{\"set\":{\"role\":\"Engineer\"},\"at\":\"%s\"}", bad_at[i]);
    expect_400(t.base, "POST", path, body, "at");
  }
  expect_400(t.base, "POST", path, "{\"set\":{\"role\":\"Engineer\"},\"at\":20250301}", "at");
  static const char *const good_at[] = {"2025-03-01T10:00:00Z", "2025-03-01T10:00:00.250Z", "2025-03-01T12:00:00+02:00",
                                        NULL};
  for (int i = 0; good_at[i]; i++) {
    char body[256];
    snprintf(body, sizeof(body), "{\"set\":{\"role\":\"Engineer\"},\"at\":\"%s\"}", good_at[i]);
    expect_status(t.base, "POST", path, body, 404); /* past the time check: no such application */
  }
  co_pipeline_api_stop(papi);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_strict)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
