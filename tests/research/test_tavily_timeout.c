/* research_tavily_timeout_is_transient: a Tavily that never answers costs
 * research.timeout.ms, then CO_ERR_TIMEOUT (transient); the fake holds the
 * request until released, so the test waits on the client, not on a sleep. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_research.h"
#include "rs_tavily.h"

static void tavily_timeout(void **state) {
  (void)state;
  char err[512];
  fl_t *fl = fl_start();
  const char *extra[] = {"research.timeout.ms=300", NULL};
  co_conf_t *conf = rs_conf(fl, "", extra);
  co_research_t *r = co_research_new(conf, NULL, err, sizeof(err));
  json_t *task = rs_task(), *b = (json_t *)0x1;
  fl_script(fl, "tv", 200, rs_tavily_ok, 1);
  co_err_t e = co_research_brief(r, task, NULL, &b, err, sizeof(err));
  assert_int_equal(e, CO_ERR_TIMEOUT);
  assert_true(co_research_err_is_transient(e));
  assert_null(b);
  assert_int_equal(fl_count(fl, "tv"), 1);
  fl_release(fl);
  json_decref(task);
  co_research_destroy(r);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(tavily_timeout)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
