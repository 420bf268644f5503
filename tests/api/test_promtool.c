/* api_metrics_pass_promtool_check: /metrics (runtime metrics plus HTTP
 * requests by route and status and the request latency histogram), after
 * traffic on several routes and statuses, passes `promtool check metrics`
 * (Debian's prometheus package, installed by scripts/install-deps.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_th.h"

static void test_promtool(void **state) {
  (void)state;
  const char *extra[] = {"api.admin.token", "admin-token-for-promtool", NULL};
  api_tu_t t;
  api_resp_t r;
  char cmd[4200], path[4096];
  /* a missing tool is a failure, never a pass: make test installs it */
  if (co_th_sh("command -v promtool >/dev/null", NULL) != 0)
    fail_msg("promtool not found (scripts/install-deps.sh installs the prometheus package)");
  api_tu_start(&t, extra);
  const char *paths[] = {"/health", "/api/accounts", "/api/accounts/alice/applications", "/api/nothing",
                         "/api/stats?account=alice", "/api/accounts/alice/applications?limit=0"};
  for (int i = 0; i < 6; i++) {
    api_req(t.base, "GET", paths[i], "admin-token-for-promtool", NULL, &r);
    api_resp_free(&r);
  }
  api_req(t.base, "GET", "/api/accounts", NULL, NULL, &r); /* a 401 */
  api_resp_free(&r);
  api_req(t.base, "GET", "/metrics", "admin-token-for-promtool", NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.ctype, "text/plain"));
  assert_non_null(strstr(r.body, "careerops_http_requests_total{route=\"/api/accounts\",code=\"401\"} 1"));
  assert_non_null(strstr(r.body, "careerops_http_requests_total{route=\"unknown\",code=\"404\"} 1"));
  assert_non_null(strstr(r.body, "careerops_http_request_duration_seconds_bucket{route=\"/health\",le=\"+Inf\"} 1"));
  assert_non_null(strstr(r.body, "careerops_records_in_total"));
  assert_non_null(strstr(r.body, "careerops_processing_latency_seconds_count"));
  snprintf(path, sizeof(path), "%s/metrics.txt", t.dir);
  assert_int_equal(co_th_write_file(path, r.body, r.len), 0);
  api_resp_free(&r);
  char *out = NULL;
  snprintf(cmd, sizeof(cmd), "promtool check metrics < '%s' 2>&1", path);
  int rc = co_th_sh(cmd, &out);
  if (rc != 0) fail_msg("promtool check metrics failed (%d):\n%s", rc, out ? out : "");
  free(out);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_promtool)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
