/* api_refuses_foreign_host_cross_origin_and_non_json_writes: the checks
 * that keep a web page from driving the API (docs/api.md "What protects
 * what"): a Host that is not a loopback name, the listen address or an
 * api.public.names entry is 421 with a JSON body (DNS rebinding), even with
 * a valid token; a write (POST) without Content-Type: application/json is
 * 415 (what a no-cors fetch or an HTML form can send: text/plain,
 * x-www-form-urlencoded, multipart; only a write with neither body nor
 * type passes, and a browser always sends an Origin with it); a write whose
 * Origin is another origin (another port of 127.0.0.1 included) or "null"
 * is 403. The application is unchanged after all of them, and the same
 * correction with the right Host, type and origin is accepted (the checks
 * refuse, they are not broken). /health and /ready answer any Host. The
 * server is the real one (co_api_start) over a backend that records the
 * corrections it is given: "unchanged" means no refused write reached it;
 * the browser test (tests/dashboard) shows the same against the pipeline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_api.h"

#define ADMIN "websec-admin-token-for-tests"

/* One request with up to three extra header lines (NULL-terminated). */
static void req(const char *base, const char *method, const char *path, const char *body, const char *const *hdrs,
                api_resp_t *r) {
  api_req_hv(base, method, path, ADMIN, body, hdrs, r);
}

static void expect(const char *base, const char *method, const char *path, const char *body,
                   const char *const *hdrs, long status, const char *code) {
  api_resp_t r;
  req(base, method, path, body, hdrs, &r);
  if (r.status != status) fail_msg("%s %s: want %ld, got %ld %s", method, path, status, r.status, r.body);
  api_expect_error(&r, status, code);
  api_resp_free(&r);
}

static int g_writes; /* corrections that reached the backend */

static co_err_t be_query(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t sz) {
  (void)opaque, (void)errstr, (void)sz;
  if (q->kind == CO_API_Q_CORRECTION) {
    __atomic_add_fetch(&g_writes, 1, __ATOMIC_SEQ_CST);
    res->status = 202;
  }
  res->body = strdup(q->kind == CO_API_Q_CORRECTION ? "{\"accepted\":true}" : "{\"items\":[]}");
  return res->body ? CO_OK : CO_ERR_NOMEM;
}

static co_err_t be_lookup(void *opaque, const char *hash, char *account, size_t size, int *admin) {
  (void)opaque, (void)hash, (void)account, (void)size, (void)admin;
  return CO_ERR_NOT_FOUND;
}

static void test_guard(void **state) {
  (void)state;
  co_api_backend_t be = {.instance_id = "websec", .query = be_query, .token_lookup = be_lookup};
  co_conf_t *conf = co_conf_new();
  api_resp_t r;
  char err[256], base[64], origin[128];
  const char *path = "/api/accounts/alice/applications/YWxpY2UfeA/corrections";
  if (co_conf_set(conf, "api.listen", "127.0.0.1:0", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "api.admin.token", ADMIN, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "api.public.names", "ops.example, other.example:9443", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_finalize(conf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  co_api_t *api = co_api_start(conf, &be, err, sizeof(err));
  if (!api) fail_msg("api: %s", err);
  int port = co_api_port(api);
  snprintf(base, sizeof(base), "http://127.0.0.1:%d", port);
  const char *body = "{\"set\":{\"stage\":\"OFFER\"}}";

  /* Host: DNS rebinding names are refused, with a token too */
  const char *const evil[] = {"Host: attacker.example", NULL};
  const char *const evil_port[] = {"Host: attacker.example:8080", NULL};
  const char *const lookalike[] = {"Host: localhost.attacker.example", NULL};
  const char *const wrong_port[] = {"Host: other.example:80", NULL};
  expect(base, "GET", "/api/accounts", NULL, evil, 421, "misdirected_request");
  expect(base, "GET", "/api/accounts", NULL, evil_port, 421, "misdirected_request");
  expect(base, "GET", "/api/accounts", NULL, lookalike, 421, "misdirected_request");
  expect(base, "GET", "/api/accounts", NULL, wrong_port, 421, "misdirected_request");
  expect(base, "GET", "/", NULL, evil, 421, "misdirected_request");
  expect(base, "GET", "/metrics", NULL, evil, 421, "misdirected_request");
  const char *const evil_json[] = {"Host: attacker.example", "Content-Type: application/json", NULL};
  expect(base, "POST", path, body, evil_json, 421, "misdirected_request");
  /* loopback names, with or without port, and the configured names pass */
  static const char *const good_hosts[] = {"Host: localhost", "Host: LOCALHOST:1234", "Host: 127.0.0.1",
                                           "Host: 127.0.0.1:8080", "Host: [::1]", "Host: [::1]:8080",
                                           "Host: ops.example", "Host: ops.example:443", "Host: other.example:9443",
                                           NULL};
  for (int i = 0; good_hosts[i]; i++) {
    const char *const h[] = {good_hosts[i], NULL};
    req(base, "GET", "/api/accounts", NULL, h, &r);
    if (r.status != 200) fail_msg("%s: want 200, got %ld %s", good_hosts[i], r.status, r.body);
    api_resp_free(&r);
  }
  /* probes answer whatever the Host */
  req(base, "GET", "/health", NULL, evil, &r);
  assert_int_equal(r.status, 200);
  api_resp_free(&r);
  req(base, "GET", "/ready", NULL, evil, &r);
  assert_int_equal(r.status, 200);
  api_resp_free(&r);

  /* writes need application/json: what a no-cors fetch or a form sends is 415 */
  static const char *const simple_types[] = {"Content-Type: text/plain", "Content-Type: text/plain;charset=UTF-8",
                                             "Content-Type: application/x-www-form-urlencoded",
                                             "Content-Type: multipart/form-data; boundary=x",
                                             "Content-Type: application/jsonp", NULL};
  for (int i = 0; simple_types[i]; i++) {
    const char *const h[] = {simple_types[i], NULL};
    expect(base, "POST", path, body, h, 415, "unsupported_media_type");
  }
  const char *const no_type[] = {"Content-Type:", NULL}; /* curl drops the header */
  expect(base, "POST", path, body, no_type, 415, "unsupported_media_type");
  const char *const plain[] = {"Content-Type: text/plain", NULL}; /* an empty form */
  expect(base, "POST", "/api/dlq/x:0:0/replay", NULL, plain, 415, "unsupported_media_type");
  const char *const bare_cross[] = {"Content-Type:", "Origin: http://attacker.example", NULL}; /* fetch, no body */
  expect(base, "POST", "/api/dlq/x:0:0/replay", NULL, bare_cross, 403, "forbidden");

  /* cross-origin writes are 403, JSON or not */
  snprintf(origin, sizeof(origin), "Origin: http://127.0.0.1:%d", port == 1 ? 2 : port - 1);
  static const char *const bad_origins[] = {"Origin: http://attacker.example", "Origin: null",
                                            "Origin: http://localhost.attacker.example", NULL};
  for (int i = 0; bad_origins[i]; i++) {
    const char *const h[] = {bad_origins[i], "Content-Type: application/json", NULL};
    expect(base, "POST", path, body, h, 403, "forbidden");
  }
  const char *const other_port[] = {origin, "Content-Type: application/json", NULL};
  expect(base, "POST", path, body, other_port, 403, "forbidden");

  /* nothing reached the backend */
  assert_int_equal(__atomic_load_n(&g_writes, __ATOMIC_SEQ_CST), 0);

  /* the same write, same-origin (or no Origin) and JSON, is accepted */
  snprintf(origin, sizeof(origin), "Origin: %s", base);
  const char *const same[] = {origin, "Content-Type: application/json", NULL};
  req(base, "POST", path, body, same, &r);
  if (r.status != 202) fail_msg("same-origin JSON POST: want 202, got %ld %s", r.status, r.body);
  api_resp_free(&r);
  req(base, "POST", path, body, NULL, &r); /* no Origin (curl, scripts) */
  assert_int_equal(r.status, 202);
  api_resp_free(&r);
  assert_int_equal(__atomic_load_n(&g_writes, __ATOMIC_SEQ_CST), 2);
  co_api_stop(api);
  co_conf_destroy(conf);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_guard)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
