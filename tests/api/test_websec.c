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
 * refuse, they are not broken). /health and /ready answer any Host. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"

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

/* The stage of application key of alice. */
static void stage_of(const char *base, const char *key, char *out, size_t size) {
  api_resp_t r;
  size_t i;
  json_t *it;
  api_req(base, "GET", "/api/accounts/alice/applications?limit=200", ADMIN, NULL, &r);
  assert_int_equal(r.status, 200);
  *out = '\0';
  json_array_foreach(json_object_get(r.json, "items"), i, it) if (!strcmp(json_string_value(json_object_get(it, "key")), key))
      snprintf(out, size, "%s", json_string_value(json_object_get(it, "stage")));
  api_resp_free(&r);
}

static void test_guard(void **state) {
  (void)state;
  const char *extra[] = {"api.admin.token", ADMIN, "api.public.names", "ops.example, other.example:9443", NULL};
  api_tu_t t;
  api_resp_t r;
  char path[1024], key[512], before[32], after[32], origin[128];
  api_tu_start(&t, extra);
  api_req(t.base, "GET", "/api/accounts/alice/applications?limit=1&stage=APPLIED", ADMIN, NULL, &r);
  assert_int_equal(r.status, 200);
  snprintf(key, sizeof(key), "%s", json_string_value(json_object_get(json_array_get(json_object_get(r.json, "items"), 0), "key")));
  api_resp_free(&r);
  assert_true(*key);
  snprintf(path, sizeof(path), "/api/accounts/alice/applications/%s/corrections", key);
  stage_of(t.base, key, before, sizeof(before));
  assert_string_equal(before, "APPLIED");
  const char *body = "{\"set\":{\"stage\":\"OFFER\"}}";

  /* Host: DNS rebinding names are refused, with a token too */
  const char *const evil[] = {"Host: attacker.example", NULL};
  const char *const evil_port[] = {"Host: attacker.example:8080", NULL};
  const char *const lookalike[] = {"Host: localhost.attacker.example", NULL};
  const char *const wrong_port[] = {"Host: other.example:80", NULL};
  expect(t.base, "GET", "/api/accounts", NULL, evil, 421, "misdirected_request");
  expect(t.base, "GET", "/api/accounts", NULL, evil_port, 421, "misdirected_request");
  expect(t.base, "GET", "/api/accounts", NULL, lookalike, 421, "misdirected_request");
  expect(t.base, "GET", "/api/accounts", NULL, wrong_port, 421, "misdirected_request");
  expect(t.base, "GET", "/", NULL, evil, 421, "misdirected_request");
  expect(t.base, "GET", "/metrics", NULL, evil, 421, "misdirected_request");
  const char *const evil_json[] = {"Host: attacker.example", "Content-Type: application/json", NULL};
  expect(t.base, "POST", path, body, evil_json, 421, "misdirected_request");
  /* loopback names, with or without port, and the configured names pass */
  static const char *const good_hosts[] = {"Host: localhost", "Host: LOCALHOST:1234", "Host: 127.0.0.1",
                                           "Host: 127.0.0.1:8080", "Host: [::1]", "Host: [::1]:8080",
                                           "Host: ops.example", "Host: ops.example:443", "Host: other.example:9443",
                                           NULL};
  for (int i = 0; good_hosts[i]; i++) {
    const char *const h[] = {good_hosts[i], NULL};
    req(t.base, "GET", "/api/accounts", NULL, h, &r);
    if (r.status != 200) fail_msg("%s: want 200, got %ld %s", good_hosts[i], r.status, r.body);
    api_resp_free(&r);
  }
  /* probes answer whatever the Host */
  req(t.base, "GET", "/health", NULL, evil, &r);
  assert_int_equal(r.status, 200);
  api_resp_free(&r);
  req(t.base, "GET", "/ready", NULL, evil, &r);
  assert_int_equal(r.status, 200);
  api_resp_free(&r);

  /* writes need application/json: what a no-cors fetch or a form sends is 415 */
  static const char *const simple_types[] = {"Content-Type: text/plain", "Content-Type: text/plain;charset=UTF-8",
                                             "Content-Type: application/x-www-form-urlencoded",
                                             "Content-Type: multipart/form-data; boundary=x",
                                             "Content-Type: application/jsonp", NULL};
  for (int i = 0; simple_types[i]; i++) {
    const char *const h[] = {simple_types[i], NULL};
    expect(t.base, "POST", path, body, h, 415, "unsupported_media_type");
  }
  const char *const no_type[] = {"Content-Type:", NULL}; /* curl drops the header */
  expect(t.base, "POST", path, body, no_type, 415, "unsupported_media_type");
  const char *const plain[] = {"Content-Type: text/plain", NULL}; /* an empty form */
  expect(t.base, "POST", "/api/dlq/x:0:0/replay", NULL, plain, 415, "unsupported_media_type");
  const char *const bare_cross[] = {"Content-Type:", "Origin: http://attacker.example", NULL}; /* fetch, no body */
  expect(t.base, "POST", "/api/dlq/x:0:0/replay", NULL, bare_cross, 403, "forbidden");

  /* cross-origin writes are 403, JSON or not */
  snprintf(origin, sizeof(origin), "Origin: http://127.0.0.1:%d", co_pipeline_api_port(t.api) == 1 ? 2 : 1);
  static const char *const bad_origins[] = {"Origin: http://attacker.example", "Origin: null",
                                            "Origin: http://localhost.attacker.example", NULL};
  for (int i = 0; bad_origins[i]; i++) {
    const char *const h[] = {bad_origins[i], "Content-Type: application/json", NULL};
    expect(t.base, "POST", path, body, h, 403, "forbidden");
  }
  const char *const other_port[] = {origin, "Content-Type: application/json", NULL};
  expect(t.base, "POST", path, body, other_port, 403, "forbidden");

  /* nothing changed */
  stage_of(t.base, key, after, sizeof(after));
  assert_string_equal(after, before);

  /* the same write, same-origin (or no Origin) and JSON, is accepted */
  snprintf(origin, sizeof(origin), "Origin: %s", t.base);
  const char *const same[] = {origin, "Content-Type: application/json", NULL};
  req(t.base, "POST", path, body, same, &r);
  if (r.status != 202) fail_msg("same-origin JSON POST: want 202, got %ld %s", r.status, r.body);
  api_resp_free(&r);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_guard)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
