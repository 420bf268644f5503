/* Proves the calendar subscription URL: GET /calendar/{token}.ics with a
 * calendar token of account alice ("calendar:alice" in the token store)
 * answers alice's iCalendar feed with no other credential; a wrong token, an
 * account token, a revoked calendar token and a missing .ics are refused
 * (404 JSON); the calendar token as a bearer token reads none of alice's
 * API (403). Runs the real server on an empty embedded state. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_api.h"
#include "co_th.h"

static void api_calendar_url_serves_only_its_accounts_ics(void **state) {
  (void)state;
  char err[512], listen[64], base[64], path[160], cal[64], acct[64], hash[65];
  int port = co_th_free_port();
  char *dir = co_th_tmpdir("cal");
  snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
  snprintf(base, sizeof(base), "http://127.0.0.1:%d", port);
  co_conf_t *conf = co_conf_new();
  if (co_conf_set(conf, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "api.listen", listen, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_finalize(conf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_api_t *api = co_pipeline_api_start(p, conf, err, sizeof(err));
  if (!api) fail_msg("api: %s", err);
  api_tu_token(conf, "calendar:alice", 0, cal);
  api_tu_token(conf, "alice", 0, acct);
  api_resp_t r;

  snprintf(path, sizeof(path), "/calendar/%s.ics", cal);
  api_req(base, "GET", path, NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.ctype, "text/calendar"));
  assert_true(!strncmp(r.body, "BEGIN:VCALENDAR\r\n", 17));
  assert_non_null(strstr(r.body, "X-WR-CALNAME:alice"));
  api_resp_free(&r);

  const char *refused[] = {"/calendar/not-a-token.ics", "/calendar/.ics", NULL, NULL, NULL};
  char acct_path[160], bare[160];
  snprintf(acct_path, sizeof(acct_path), "/calendar/%s.ics", acct); /* an account token is no calendar token */
  snprintf(bare, sizeof(bare), "/calendar/%s", cal);                /* no .ics */
  refused[2] = acct_path;
  refused[3] = bare;
  for (int i = 0; refused[i]; i++) {
    api_req(base, "GET", refused[i], NULL, NULL, &r);
    api_expect_error(&r, 404, "not_found");
    api_resp_free(&r);
  }
  /* as a bearer token it reads nothing of alice's */
  const char *api_paths[] = {"/api/accounts/alice/applications", "/api/accounts/alice/interviews.ics", NULL};
  for (int i = 0; api_paths[i]; i++) {
    api_req(base, "GET", api_paths[i], cal, NULL, &r);
    api_expect_error(&r, 403, "forbidden");
    api_resp_free(&r);
  }
  /* revoked: refused */
  co_api_token_hash(cal, hash);
  hash[12] = '\0';
  co_pipeline_tokens_t *t = co_pipeline_tokens_open(conf, 0, err, sizeof(err));
  assert_non_null(t);
  if (co_pipeline_tokens_revoke(t, hash, err, sizeof(err))) fail_msg("revoke: %s", err);
  co_pipeline_tokens_close(t);
  api_req(base, "GET", path, NULL, NULL, &r);
  api_expect_error(&r, 404, "not_found");
  api_resp_free(&r);

  co_pipeline_api_stop(api);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(api_calendar_url_serves_only_its_accounts_ics)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
