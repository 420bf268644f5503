/* api_local_session_needs_cookie_or_token_and_never_reopens: with no token
 * on a loopback listener (api.auth auto = local-session) an /api call with
 * no credentials is 401 (there is no open mode any more); the random
 * session secret of this run, given once as /?token=..., is exchanged for
 * an HttpOnly SameSite=Strict cookie by a 303 to / (the secret leaves the
 * address bar), and that cookie or the secret as a bearer token opens /api
 * as admin; a wrong secret or cookie is 401. Revoking the last account
 * token leaves /api locked (401 without credentials). api.auth=required
 * has no session secret; listening on 0.0.0.0 with no token at all refuses
 * /api with a 401 whose message says why and how to get a token, and
 * api.auth=local-session on 0.0.0.0 does not start (the secret would cross
 * the network). /health stays open. The server is the real one over the
 * real token store of a state dir (what `careerops token` writes); data
 * queries answer a fixed object, since what is tested is who gets in. */
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

static char g_hdrs[8192];

static size_t keep_headers(char *line, size_t size, size_t n, void *ud) {
  (void)ud;
  size_t l = strlen(g_hdrs);
  snprintf(g_hdrs + l, sizeof(g_hdrs) - l, "%.*s", (int)(size * n), line);
  return size * n;
}

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

static long status_with(const char *base, const char *path, const char *token, const char *hdr) {
  api_resp_t r;
  api_req_h(base, "GET", path, token, NULL, hdr, &r);
  long s = r.status;
  if (s == 401) api_expect_error(&r, 401, "unauthorized");
  api_resp_free(&r);
  return s;
}

static co_err_t stub_lookup(void *opaque, const char *hash, char *account, size_t size, int *admin) {
  (void)opaque, (void)hash, (void)account, (void)size, (void)admin;
  return CO_ERR_NOT_FOUND;
}

static long stub_count(void *opaque) {
  (void)opaque;
  return 0;
}

static co_conf_t *conf; /* bare_api's: outlives its server; freed at the next call and at the end */

/* A server on listen with api.auth mode over backend be (no pipeline). */
static co_api_t *bare_api(const char *listen, const char *mode, const co_api_backend_t *be, char *base, size_t size) {
  char err[256];
  co_conf_destroy(conf);
  conf = co_conf_new();
  if (co_conf_set(conf, "api.listen", listen, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "api.auth", mode, CO_CONF_SRC_CLI, err, sizeof(err)) || co_conf_finalize(conf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  co_api_t *api = co_api_start(conf, be, err, sizeof(err));
  if (!api) fail_msg("api on %s: %s", listen, err);
  snprintf(base, size, "http://127.0.0.1:%d", co_api_port(api));
  return api;
}

/* The real token store of a state dir as the backend's token table; every
 * data query answers a fixed object (what is tested is who gets in). */
static co_pipeline_tokens_t *g_tokens;

static co_err_t store_lookup(void *opaque, const char *hash, char *account, size_t size, int *admin) {
  (void)opaque;
  return co_pipeline_tokens_lookup(g_tokens, hash, account, size, admin);
}

static long store_count(void *opaque) {
  (void)opaque;
  return co_pipeline_tokens_count(g_tokens);
}

static co_err_t fixed_query(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t sz) {
  (void)opaque, (void)q, (void)errstr, (void)sz;
  res->body = strdup("{\"items\":[]}");
  return res->body ? CO_OK : CO_ERR_NOMEM;
}

static void test_local_session(void **state) {
  (void)state;
  api_resp_t r;
  char url[256], cookie[512], loc[256], setc[512], tok[64], hash[65], err[256], base[64];
  char *dir = co_th_tmpdir("session");
  co_conf_t *tconf = co_conf_new();
  if (co_conf_set(tconf, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) || co_conf_finalize(tconf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  if (!(g_tokens = co_pipeline_tokens_open(tconf, 1, err, sizeof(err)))) fail_msg("tokens: %s", err);
  co_api_backend_t be = {.instance_id = "session-test", .query = fixed_query, .token_lookup = store_lookup,
                         .token_count = store_count};
  co_api_t *api = bare_api("127.0.0.1:0", "auto", &be, base, sizeof(base));
  const char *secret = co_api_session_secret(api);
  assert_non_null(secret);
  assert_true(strlen(secret) >= 22); /* >= 128 bits in URL-safe base64 */

  /* no credentials: locked; probes open */
  assert_int_equal(status_with(base, "/api/accounts", NULL, NULL), 401);
  assert_int_equal(status_with(base, "/api/accounts/alice/applications", NULL, NULL), 401);
  assert_int_equal(status_with(base, "/metrics", NULL, NULL), 401);
  assert_int_equal(status_with(base, "/health", NULL, NULL), 200);
  assert_int_equal(status_with(base, "/ready", NULL, NULL), 200);

  /* the exchange: /?token=secret -> 303 to / with the cookie */
  snprintf(url, sizeof(url), "/?token=%s", secret);
  g_hdrs[0] = '\0';
  api_req_cb(base, "GET", url, NULL, keep_headers, &r);
  if (r.status != 303) fail_msg("GET /?token=<secret>: want 303, got %ld %s", r.status, r.body);
  api_resp_free(&r);
  assert_string_equal(header("Location", loc, sizeof(loc)), "/");
  header("Set-Cookie", setc, sizeof(setc));
  if (!strstr(setc, secret) || !strstr(setc, "HttpOnly") || !strstr(setc, "SameSite=Strict") || !strstr(setc, "Path=/"))
    fail_msg("Set-Cookie: %s", setc);
  snprintf(cookie, sizeof(cookie), "Cookie: %.*s", (int)strcspn(setc, ";"), setc);
  assert_int_equal(status_with(base, "/api/accounts", NULL, cookie), 200);
  assert_int_equal(status_with(base, "/api/dlq", NULL, cookie), 200); /* the session is the operator */
  assert_int_equal(status_with(base, "/metrics", NULL, cookie), 200);
  assert_int_equal(status_with(base, "/api/accounts", secret, NULL), 200); /* as a bearer token */
  /* wrong secret, wrong cookie */
  g_hdrs[0] = '\0';
  api_req_cb(base, "GET", "/?token=co_not-the-secret", NULL, keep_headers, &r);
  assert_int_equal(r.status, 401);
  api_expect_error(&r, 401, "unauthorized");
  api_resp_free(&r);
  assert_string_equal(header("Set-Cookie", setc, sizeof(setc)), "");
  char bad[600];
  snprintf(bad, sizeof(bad), "%.*sX", (int)strlen(cookie) - 1, cookie);
  assert_int_equal(status_with(base, "/api/accounts", NULL, bad), 401);
  assert_int_equal(status_with(base, "/api/accounts", "co_not-the-secret", NULL), 401);

  /* a token, then revoking the last one: still locked */
  co_conf_t *wconf = co_conf_new(); /* the CLI's view of the same state dir */
  if (co_conf_set(wconf, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) || co_conf_finalize(wconf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  api_tu_token(wconf, "alice", 0, tok);
  assert_int_equal(status_with(base, "/api/accounts", tok, NULL), 200);
  assert_int_equal(status_with(base, "/api/accounts", NULL, NULL), 401);
  co_pipeline_tokens_t *ts = co_pipeline_tokens_open(wconf, 0, err, sizeof(err));
  assert_non_null(ts);
  co_api_token_hash(tok, hash);
  hash[12] = '\0';
  if (co_pipeline_tokens_revoke(ts, hash, err, sizeof(err))) fail_msg("revoke: %s", err);
  assert_int_equal(co_pipeline_tokens_count(ts), 0);
  co_pipeline_tokens_close(ts);
  assert_int_equal(status_with(base, "/api/accounts", tok, NULL), 401);
  assert_int_equal(status_with(base, "/api/accounts", NULL, NULL), 401);
  assert_int_equal(status_with(base, "/api/accounts/alice/applications", NULL, NULL), 401);
  assert_int_equal(status_with(base, "/api/accounts", NULL, cookie), 200);
  co_api_stop(api);
  co_pipeline_tokens_close(g_tokens);
  co_conf_destroy(wconf);
  co_conf_destroy(tconf);
  co_th_rm_rf(dir);
  free(dir);

  /* the other modes: a bare server with no token at all */
  co_api_backend_t stub = {.instance_id = "stub", .token_lookup = stub_lookup, .token_count = stub_count};
  /* required on loopback: no session secret at all */
  api = bare_api("127.0.0.1:0", "required", &stub, base, sizeof(base));
  assert_null(co_api_session_secret(api));
  assert_int_equal(status_with(base, "/api/accounts", NULL, NULL), 401);
  assert_int_equal(status_with(base, "/?token=anything", NULL, NULL), 401);
  co_api_stop(api);
  /* 0.0.0.0 with no token: closed, and the 401 says why */
  api = bare_api("0.0.0.0:0", "auto", &stub, base, sizeof(base));
  assert_null(co_api_session_secret(api));
  api_req(base, "GET", "/api/accounts", NULL, NULL, &r);
  api_expect_error(&r, 401, "unauthorized");
  const char *msg = json_string_value(json_object_get(json_object_get(r.json, "error"), "message"));
  if (!strstr(msg, "no API token exists") || !strstr(msg, "careerops token create"))
    fail_msg("the 401 does not say why: %s", msg);
  api_resp_free(&r);
  assert_int_equal(status_with(base, "/health", NULL, NULL), 200);
  co_api_stop(api);

  /* local-session asked for on 0.0.0.0: refused at start, naming api.auth */
  co_conf_destroy(conf);
  conf = co_conf_new();
  if (co_conf_set(conf, "api.listen", "0.0.0.0:0", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "api.auth", "local-session", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_finalize(conf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  api = co_api_start(conf, &stub, err, sizeof(err));
  assert_null(api);
  if (!strstr(err, "api.auth") || !strstr(err, "loopback")) fail_msg("start error does not say why: %s", err);
  co_conf_destroy(conf);
  conf = NULL;
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_local_session)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
