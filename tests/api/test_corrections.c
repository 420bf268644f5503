/* api_correction_post_applies_and_survives_reprocess (issue 8 item 5):
 * through the HTTP API, a stage correction and a "not job-related" hide
 * are accepted (202) and the list, stats and company timeline show them
 * once the pipeline has read topic.corrections; a second state dir rebuilt
 * from the first one's input topics alone (topic.raw and topic.corrections,
 * as tests/pipeline/test_corrections.c does) shows them again through its
 * own API; `careerops corrections export` of that rebuilt state holds the
 * corrected email with the corrected label. Bad bodies get 400 JSON naming
 * the field, another account's token 403, no token 401, an unknown key
 * 404, a body over api.max.body.bytes 413. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_json.h"
#include "pl_tu.h"
#include "co_th.h"

/* The application with key in the list of account (borrowed from r), or NULL. */
static json_t *find_key(json_t *list, const char *key) {
  json_t *it;
  size_t i;
  json_array_foreach(json_object_get(list, "items"), i, it) if (!strcmp(co_json_str(it, "key"), key)) return it;
  return NULL;
}

static void get_list(const char *base, const char *token, api_resp_t *r) {
  api_req(base, "GET", "/api/accounts/alice/applications?limit=200", token, NULL, r);
  if (r->status != 200 || !r->json) fail_msg("list: %ld %s", r->status, r->body);
}

static void post(const char *base, const char *token, const char *key, const char *body, api_resp_t *r) {
  char path[1024];
  snprintf(path, sizeof(path), "/api/accounts/alice/applications/%s/corrections", key);
  api_req_h(base, "POST", path, token, body, "Content-Type: application/json", r);
}

/* A 400 whose message names what. */
static void expect_400(const char *base, const char *token, const char *key, const char *body, const char *what) {
  api_resp_t r;
  post(base, token, key, body, &r);
  api_expect_error(&r, 400, "bad_request");
  const char *msg = co_json_str(json_object_get(r.json, "error"), "message");
  if (!strstr(msg, what)) fail_msg("400 for %s should name %s: %s", body, what, msg);
  api_resp_free(&r);
}

/* The list has total applications, key at new_stage marked corrected, and
 * no hidden application. */
static void expect_corrected(const char *base, const char *token, long long total, const char *key,
                             const char *new_stage, const char *hide) {
  api_resp_t r;
  get_list(base, token, &r);
  assert_int_equal(json_integer_value(json_object_get(r.json, "total")), total);
  json_t *it = find_key(r.json, key);
  assert_non_null(it);
  assert_string_equal(co_json_str(it, "stage"), new_stage);
  assert_true(json_is_true(json_object_get(it, "corrected")));
  assert_null(find_key(r.json, hide));
  api_resp_free(&r);
}

static void api_correction_post_applies_and_survives_reprocess(void **state) {
  (void)state;
  api_tu_t t;
  api_resp_t r;
  char alice[64], bob[64], err[512], key[512], hide[512], stage_before[16], body[512];
  const char *extra[] = {"log.level", "warn", NULL};
  api_tu_start(&t, extra);
  api_tu_token(t.conf, "alice", 0, alice);
  api_tu_token(t.conf, "bob", 0, bob);

  /* pick one application to re-stage and one of another company to hide */
  get_list(t.base, alice, &r);
  json_int_t total = json_integer_value(json_object_get(r.json, "total"));
  json_t *items = json_object_get(r.json, "items"), *it;
  size_t i;
  assert_true(json_array_size(items) >= 2);
  json_t *a = json_array_get(items, 0), *h = NULL;
  snprintf(key, sizeof(key), "%s", co_json_str(a, "key"));
  snprintf(stage_before, sizeof(stage_before), "%s", co_json_str(a, "stage"));
  json_array_foreach(items, i, it) if (!h && strcasecmp(co_json_str(it, "company"), co_json_str(a, "company"))) h = it;
  assert_non_null(h);
  snprintf(hide, sizeof(hide), "%s", co_json_str(h, "key"));
  assert_false(json_is_true(json_object_get(a, "corrected")));
  const char *new_stage = strcmp(stage_before, "OFFER") ? "OFFER" : "REJECTION";
  /* the stage correction names its email: only that labels an email for training */
  json_t *st = json_object_get(a, "stages");
  char mid[256];
  snprintf(mid, sizeof(mid), "%s", co_json_str(json_array_get(st, json_array_size(st) - 1), "message_id"));
  assert_true(*mid);
  api_resp_free(&r);

  /* refused: each 400 names the field; nothing is recorded */
  expect_400(t.base, alice, key, "{\"set\":", "JSON");
  expect_400(t.base, alice, key, "[1]", "object");
  expect_400(t.base, alice, key, "{\"set\":{\"stage\":\"HIRED\"}}", "set.stage");
  expect_400(t.base, alice, key, "{\"colour\":\"red\"}", "colour");
  expect_400(t.base, alice, key, "{\"application\":\"x\",\"not_job_related\":true}", "application");
  expect_400(t.base, alice, key, "{\"not_job_related\":\"yes\"}", "not_job_related");
  expect_400(t.base, alice, key, "{\"set\":{\"role\":\"a\\u0000b\"}}", "set.role");
  expect_400(t.base, alice, key, "{\"merge_into\":7}", "merge_into");
  expect_400(t.base, alice, key, "{\"message_id\":\"m\"}", "nothing to correct");
  /* another account's token, no token, unknown application, too large, wrong method */
  snprintf(body, sizeof(body), "{\"set\":{\"stage\":\"%s\"},\"message_id\":\"%s\"}", new_stage, mid);
  post(t.base, bob, key, body, &r);
  api_expect_error(&r, 403, "forbidden");
  api_resp_free(&r);
  post(t.base, NULL, key, body, &r);
  api_expect_error(&r, 401, "unauthorized");
  api_resp_free(&r);
  post(t.base, alice, "bm93aGVyZQ", body, &r);
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);
  post(t.base, alice, key, "{\"merge_into\":\"bm9uZQ\"}", &r); /* no such merge target */
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);
  size_t big_len = 70000;
  char *big = malloc(big_len + 1);
  assert_non_null(big);
  memset(big, ' ', big_len);
  memcpy(big, body, strlen(body));
  big[big_len] = '\0';
  post(t.base, alice, key, big, &r);
  api_expect_error(&r, 413, "too_large");
  api_resp_free(&r);
  free(big);
  char path[1024];
  snprintf(path, sizeof(path), "/api/accounts/alice/applications/%s/corrections", key);
  api_req(t.base, "GET", path, alice, NULL, &r);
  assert_int_equal(r.status, 405);
  api_resp_free(&r);
  if (co_pipeline_run_until_idle(t.p, err, sizeof(err))) fail_msg("run: %s", err);
  get_list(t.base, alice, &r);
  assert_int_equal(json_integer_value(json_object_get(r.json, "total")), total); /* nothing applied */
  api_resp_free(&r);

  /* accepted: 202 with the correction as recorded */
  post(t.base, alice, key, body, &r);
  if (r.status != 202) fail_msg("stage correction: %ld %s", r.status, r.body);
  assert_true(json_is_true(json_object_get(r.json, "accepted")));
  json_t *c = json_object_get(r.json, "correction");
  assert_string_equal(co_json_str(c, "application"), key);
  assert_string_equal(co_json_str(json_object_get(c, "set"), "stage"), new_stage);
  assert_true(*co_json_str(c, "at"));
  api_resp_free(&r);
  post(t.base, alice, hide, "{\"not_job_related\":true}", &r);
  if (r.status != 202) fail_msg("hide: %ld %s", r.status, r.body);
  api_resp_free(&r);

  /* the pipeline reads topic.corrections (what `careerops run` does continuously) */
  if (co_pipeline_run_until_idle(t.p, err, sizeof(err))) fail_msg("run: %s", err);
  expect_corrected(t.base, alice, total - 1, key, new_stage, hide);
  /* bob's copy of the same inbox is untouched */
  api_req(t.base, "GET", "/api/accounts/bob/applications?limit=200", bob, NULL, &r);
  assert_int_equal(json_integer_value(json_object_get(r.json, "total")), total);
  api_resp_free(&r);
  /* stats count what the list shows */
  api_req(t.base, "GET", "/api/stats", alice, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_int_equal(json_integer_value(json_object_get(r.json, "applications")), total - 1);
  api_resp_free(&r);

  /* Full reprocess: a new state dir gets only the input topics. */
  char *dir2 = co_th_tmpdir("api-corr-re"), listen[64], base2[64], *log = NULL;
  int port = co_th_free_port();
  snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
  snprintf(base2, sizeof(base2), "http://127.0.0.1:%d", port);
  co_conf_t *conf2 = co_conf_new();
  if (co_conf_set(conf2, "state.dir", dir2, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf2, "api.listen", listen, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf2, "api.admin.token", "admin-token-reprocess", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf2, "log.level", "warn", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_finalize(conf2, err, sizeof(err)))
    fail_msg("conf: %s", err);
  co_pipeline_t *p2 = co_pipeline_new(conf2, err, sizeof(err));
  if (!p2) fail_msg("pipeline: %s", err);
  assert_true(pl_copy_topic(t.p, p2, co_conf_str(t.conf, "topic.raw")) > 0);
  assert_int_equal(pl_copy_topic(t.p, p2, co_conf_str(t.conf, "topic.corrections")), 2);
  if (co_pipeline_run_until_idle(p2, err, sizeof(err))) fail_msg("reprocess: %s", err);
  co_pipeline_api_t *api2 = co_pipeline_api_start(p2, conf2, err, sizeof(err));
  if (!api2) fail_msg("api: %s", err);
  expect_corrected(base2, "admin-token-reprocess", total - 1, key, new_stage, hide);
  co_pipeline_api_stop(api2);
  co_pipeline_destroy(p2); /* the CLI opens the state dir itself */

  /* the training export of the rebuilt state holds the corrected emails */
  char out[4096], cmd[8192];
  snprintf(out, sizeof(out), "%s/export.jsonl", dir2);
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' corrections export --out '%s' -X state.dir='%s' -X log.level=warn",
           getenv("CO_BINARY_DIR"), out, dir2);
  assert_int_equal(co_th_sh(cmd, &log), 0);
  free(log);
  char *text = co_th_read_file(out, NULL);
  assert_non_null(text);
  int staged = 0, hidden = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    json_t *ex = json_loads(line, 0, NULL);
    assert_non_null(ex);
    assert_string_equal(co_json_str(ex, "source"), "correction");
    if (!strcmp(co_json_str(ex, "label"), new_stage) && !strcmp(co_json_str(ex, "label_source"), "correction")) staged++;
    if (!strcmp(co_json_str(ex, "label"), "OTHER")) hidden++;
    json_decref(ex);
  }
  if (!staged || !hidden) fail_msg("export lacks the corrected examples (stage %d, hidden %d)", staged, hidden);
  free(text);
  co_conf_destroy(conf2);
  co_th_rm_rf(dir2);
  free(dir2);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(api_correction_post_applies_and_survives_reprocess)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
