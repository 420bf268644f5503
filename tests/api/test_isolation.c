/* api_account_token_reads_only_its_account: two accounts with the same
 * mail; alice's token sees alice's applications, timeline, interviews,
 * stats and account list and never bob's (403 on bob's paths, bob absent
 * from lists, stats scoped to alice even unasked), and vice versa; the
 * admin token sees both; a revoked token is refused at once (401), and a
 * token created while the server runs works without a restart. Also: no
 * token at all is refused, before and after tokens exist (no open mode). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_api.h"

static long get(api_tu_t *t, const char *path, const char *token, json_t **out) {
  api_resp_t r;
  api_req(t->base, "GET", path, token, NULL, &r);
  long st = r.status;
  if (out) *out = json_incref(r.json);
  api_resp_free(&r);
  return st;
}

static void only_account(json_t *page, const char *account) {
  size_t i;
  json_t *a;
  assert_true(json_array_size(json_object_get(page, "items")) > 0);
  json_array_foreach(json_object_get(page, "items"), i, a)
      assert_string_equal(json_string_value(json_object_get(a, "account")), account);
}

static void test_isolation(void **state) {
  (void)state;
  api_tu_t t;
  char alice[64], bob[64], admin[64];
  json_t *j;
  api_tu_start(&t, NULL);
  /* no open mode before any token either */
  assert_int_equal(get(&t, "/api/accounts/bob/applications", NULL, NULL), 401);
  api_tu_token(t.conf, "alice", 0, alice); /* created while the server runs */
  api_tu_token(t.conf, "bob", 0, bob);
  api_tu_token(t.conf, NULL, 1, admin);
  assert_int_equal(get(&t, "/api/accounts/bob/applications", NULL, NULL), 401);

  const char *who[2] = {"alice", "bob"};
  const char *tok[2] = {alice, bob};
  for (int i = 0; i < 2; i++) {
    const char *me = who[i], *other = who[1 - i];
    char path[256];
    snprintf(path, sizeof(path), "/api/accounts/%s/applications?limit=200", me);
    assert_int_equal(get(&t, path, tok[i], &j), 200);
    only_account(j, me);
    json_decref(j);
    const char *sub[] = {"applications", "interviews", "interviews.ics", "companies/x"};
    for (int s = 0; s < 4; s++) {
      snprintf(path, sizeof(path), "/api/accounts/%s/%s", other, sub[s]);
      assert_int_equal(get(&t, path, tok[i], NULL), 403);
    }
    assert_int_equal(get(&t, "/api/accounts", tok[i], &j), 200);
    assert_int_equal(json_array_size(json_object_get(j, "items")), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "items"), 0), "account")),
                        me);
    json_decref(j);
    /* stats without an account are this account's, not the total */
    json_t *all, *mine;
    assert_int_equal(get(&t, "/api/stats", tok[i], &mine), 200);
    assert_int_equal(get(&t, "/api/stats", admin, &all), 200);
    assert_int_equal(json_integer_value(json_object_get(all, "applications")),
                     2 * json_integer_value(json_object_get(mine, "applications")));
    json_decref(all);
    json_decref(mine);
    snprintf(path, sizeof(path), "/api/stats?account=%s", other);
    assert_int_equal(get(&t, path, tok[i], NULL), 403);
    snprintf(path, sizeof(path), "/api/search?q=interview&account=%s", other);
    assert_int_equal(get(&t, path, tok[i], NULL), 403);
  }
  assert_int_equal(get(&t, "/api/accounts", admin, &j), 200);
  assert_int_equal(json_array_size(json_object_get(j, "items")), 2);
  json_decref(j);
  assert_int_equal(get(&t, "/api/accounts/bob/applications", admin, NULL), 200);
  assert_int_equal(get(&t, "/api/dlq", admin, NULL), 200);

  /* revoke bob's token: refused at once */
  char err[256], hash[65];
  co_api_token_hash(bob, hash);
  co_pipeline_tokens_t *ts = co_pipeline_tokens_open(t.conf, 0, err, sizeof(err));
  assert_non_null(ts);
  hash[12] = '\0';
  assert_int_equal(co_pipeline_tokens_revoke(ts, hash, err, sizeof(err)), CO_OK);
  co_pipeline_tokens_close(ts);
  assert_int_equal(get(&t, "/api/accounts/bob/applications", bob, NULL), 401);
  assert_int_equal(get(&t, "/api/accounts/alice/applications", alice, NULL), 200);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_isolation)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
