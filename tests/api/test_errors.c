/* api_errors_are_json_400_401_403_404_413_414: with tokens in use, each
 * failure has its status and a JSON error body {"error":{code,message}}
 * whose message names no internal path: missing/unknown token (401), an
 * account token on another account or an admin endpoint (403), unknown
 * route/company/DLQ id (404), bad parameters, bad percent-encoding, NUL
 * and non-UTF-8 (400), a body over api.max.body.bytes (413, whether the
 * length is announced or not), a request target over 2048 bytes (414), a
 * wrong method (405). */
#include <curl/curl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"

static void expect(const char *base, const char *method, const char *path, const char *token, const char *body,
                   long status, const char *code) {
  api_resp_t r;
  api_req(base, method, path, token, body, &r);
  if (r.status != status) fail_msg("%s %s: want %ld, got %ld %s", method, path, status, r.status, r.body);
  api_expect_error(&r, status, code);
  api_resp_free(&r);
}

static void test_errors(void **state) {
  (void)state;
  const char *extra[] = {"api.admin.token", "admin-secret-for-tests", "api.max.body.bytes", "2048", NULL};
  api_tu_t t;
  char alice[64];
  api_tu_start(&t, extra);
  api_tu_token(t.conf, "alice", 0, alice);
  const char *admin = "admin-secret-for-tests";

  /* 401 */
  expect(t.base, "GET", "/api/accounts/alice/applications", NULL, NULL, 401, "unauthorized");
  expect(t.base, "GET", "/api/accounts/alice/applications", "not-a-token", NULL, 401, "unauthorized");
  expect(t.base, "GET", "/metrics", NULL, NULL, 401, "unauthorized");
  /* 403 */
  expect(t.base, "GET", "/api/accounts/bob/applications", alice, NULL, 403, "forbidden");
  expect(t.base, "GET", "/api/dlq", alice, NULL, 403, "forbidden");
  expect(t.base, "POST", "/api/dlq/x:0:0/replay", alice, NULL, 403, "forbidden");
  expect(t.base, "GET", "/metrics", alice, NULL, 403, "forbidden");
  expect(t.base, "GET", "/api/stats?account=bob", alice, NULL, 403, "forbidden");
  /* 404 */
  expect(t.base, "GET", "/api/nothing", admin, NULL, 404, "not_found");
  expect(t.base, "GET", "/no/such/page", NULL, NULL, 404, "not_found");
  expect(t.base, "GET", "/api/accounts/alice/companies/Nowhere%20Inc", alice, NULL, 404, "not_found");
  expect(t.base, "POST", "/api/dlq/dlq_dead_letters:0:999999/replay", admin, NULL, 404, "not_found");
  /* 400 */
  expect(t.base, "GET", "/api/accounts/alice/applications?limit=0", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/alice/applications?limit=201", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/alice/applications?limit=ten", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/alice/applications?stage=HIRED", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/alice/applications?from=2025-13-01", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/alice/applications?cursor=%21%21", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/alice/applications?company=%ff%fe", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/al%zzice/applications", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/al%00ice/applications", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/accounts/%c3%28/applications", admin, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/search", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/search?q=offer&k=500", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/search?q=offer&mode=magic", alice, NULL, 400, "bad_request");
  expect(t.base, "GET", "/api/dlq?limit=-1", admin, NULL, 400, "bad_request");
  /* 405 */
  expect(t.base, "DELETE", "/api/accounts/alice/applications", alice, NULL, 405, "bad_request");
  expect(t.base, "GET", "/api/dlq/x/replay", admin, NULL, 405, "bad_request");

  /* 413: announced length, and chunked (no length) */
  char *big = malloc(5000);
  memset(big, 'x', 4999);
  big[4999] = '\0';
  expect(t.base, "POST", "/api/dlq/dlq_dead_letters:0:0/replay", admin, big, 413, "too_large");
  {
    api_resp_t r = {0};
    struct curl_slist *h = curl_slist_append(NULL, "Transfer-Encoding: chunked");
    h = curl_slist_append(h, "Authorization: Bearer admin-secret-for-tests");
    CURL *c = curl_easy_init();
    char url[256];
    snprintf(url, sizeof(url), "%s/api/dlq/dlq_dead_letters:0:0/replay", t.base);
    FILE *devnull = fopen("/dev/null", "w");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, big);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, devnull);
    assert_int_equal(curl_easy_perform(c), CURLE_OK);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    assert_int_equal(r.status, 413);
    fclose(devnull);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
  }
  free(big);

  /* 414 */
  char *longpath = malloc(3000);
  snprintf(longpath, 3000, "/api/accounts/alice/applications?company=");
  size_t l = strlen(longpath);
  memset(longpath + l, 'a', 2900 - l);
  longpath[2900] = '\0';
  expect(t.base, "GET", longpath, alice, NULL, 414, "bad_request");
  free(longpath);

  /* the same endpoints work with the right token */
  api_resp_t r;
  api_req(t.base, "GET", "/api/accounts/alice/applications", alice, NULL, &r);
  assert_int_equal(r.status, 200);
  api_resp_free(&r);
  api_req(t.base, "GET", "/api/dlq", admin, NULL, &r);
  assert_int_equal(r.status, 200);
  api_resp_free(&r);
  /* health, readiness, the document and the dashboard need no token */
  const char *open[] = {"/health", "/ready", "/openapi.json", "/"};
  for (int i = 0; i < 4; i++) {
    api_req(t.base, "GET", open[i], NULL, NULL, &r);
    assert_int_equal(r.status, 200);
    api_resp_free(&r);
  }
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_errors)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
