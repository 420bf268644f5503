/* api_schemathesis_finds_no_failures (label api): schemathesis (PyPI,
 * installed in a venv by scripts/install-schemathesis.sh) generates
 * requests from /openapi.json against the running API (admin token) and
 * checks every response: no server error, documented status codes,
 * content types, headers and response schemas, invalid input rejected,
 * auth enforced. The JUnit report stays in the build's test-tmp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_th.h"

static void test_schemathesis(void **state) {
  (void)state;
  const char *tok = "admin-token-for-schemathesis";
  const char *extra[] = {"api.admin.token", tok, "log.level", "warn", NULL};
  api_tu_t t;
  char cmd[8192];
  api_tu_start(&t, extra);
  const char *src = getenv("CO_SOURCE_DIR"), *bin = getenv("CO_BINARY_DIR");
  snprintf(cmd, sizeof(cmd), "bash '%s/tests/api/run_schemathesis.sh' '%s' '%s' '%s/test-tmp/schemathesis' 2>&1",
           src ? src : ".", t.base, tok, bin ? bin : "/tmp");
  char *out = NULL;
  int rc = co_th_sh(cmd, &out);
  printf("%s\n", out ? out : "");
  if (rc != 0) fail_msg("schemathesis reported failures (exit %d); see output above", rc);
  free(out);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_schemathesis)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
