/* research_tavily_5xx_is_transient: 500/502/503 are transient errors that
 * leave *out NULL and never leak the key (not in errstr, not in the log);
 * the caller's fallback, co_research_offline, then still yields a briefing.
 * A 401 is not transient: the key is wrong. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_research.h"
#include "co_th.h"
#include "rs_tavily.h"

static void tavily_5xx(void **state) {
  (void)state;
  char err[512], *logpath = NULL;
  char *dir = co_th_tmpdir("research-5xx");
  assert_true(asprintf(&logpath, "%s/log.txt", dir) > 0);
  FILE *log = fopen(logpath, "w");
  assert_non_null(log);
  co_log_setup(CO_LOG_DEBUG, CO_LOG_FMT_JSON, "all", log);
  fl_t *fl = fl_start();
  co_conf_t *conf = rs_conf(fl, "", NULL);
  co_research_t *r = co_research_new(conf, NULL, err, sizeof(err));
  json_t *task = rs_task(), *b = (json_t *)0x1;
  int codes[] = {500, 502, 503};
  for (int i = 0; i < 3; i++) {
    fl_script(fl, "tv", codes[i], "{\"error\":\"upstream\"}", 0);
    co_err_t e = co_research_brief(r, task, NULL, &b, err, sizeof(err));
    assert_int_equal(e, CO_ERR_HTTP);
    assert_true(co_research_err_is_transient(e));
    assert_null(b);
    assert_null(strstr(err, RS_TAVILY_KEY));
    CO_WARN("research", "brief failed: %s (key %s)", err, RS_TAVILY_KEY); /* what a careless caller might log */
  }
  assert_int_equal(fl_count(fl, "tv"), 3);
  assert_int_equal(co_research_offline(r, task, NULL, &b, err, sizeof(err)), CO_OK);
  assert_string_equal(json_string_value(json_object_get(b, "source")), "offline");
  json_decref(b);

  fl_script(fl, "tv", 401, "{\"detail\":\"invalid key\"}", 0);
  co_err_t e = co_research_brief(r, task, NULL, &b, err, sizeof(err));
  assert_int_equal(e, CO_ERR_CONFIG);
  assert_false(co_research_err_is_transient(e));

  fflush(log);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_AUTO, NULL, NULL);
  fclose(log);
  assert_true(co_th_file_contains(logpath, "brief failed"));
  assert_false(co_th_file_contains(logpath, RS_TAVILY_KEY));
  json_decref(task);
  co_research_destroy(r);
  co_conf_destroy(conf);
  fl_stop(fl);
  co_th_rm_rf(dir);
  free(dir);
  free(logpath);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(tavily_5xx)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
