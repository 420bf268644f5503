/* research_tavily_429_is_transient: a 429 is a transient error for the
 * caller unless its Retry-After fits under research.tavily.retry.max.ms,
 * in which case it is waited out and retried exactly once. Request counts
 * prove which path ran; nothing here measures time. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_research.h"
#include "rs_tavily.h"

static co_err_t brief(co_research_t *r, json_t **b, char *err, size_t sz) {
  json_t *task = rs_task();
  co_err_t e = co_research_brief(r, task, NULL, b, err, sz);
  json_decref(task);
  return e;
}

static void tavily_429(void **state) {
  (void)state;
  char err[512];
  json_t *b = (json_t *)0x1;
  fl_t *fl = fl_start();
  co_conf_t *conf = rs_conf(fl, "", NULL);
  co_research_t *r = co_research_new(conf, NULL, err, sizeof(err));

  /* no Retry-After: no hint, straight back to the caller */
  fl_script(fl, "tv", 429, "{\"detail\":\"rate limited\"}", 0);
  co_err_t e = brief(r, &b, err, sizeof(err));
  assert_int_equal(e, CO_ERR_HTTP);
  assert_true(co_research_err_is_transient(e));
  assert_null(b);
  assert_non_null(strstr(err, "429"));
  assert_int_equal(fl_count(fl, "tv"), 1);

  /* Retry-After above the 2 s cap: not waited for */
  fl_script_retry_after(fl, "tv", 429, "{}", 3600);
  assert_int_equal(brief(r, &b, err, sizeof(err)), CO_ERR_HTTP);
  assert_int_equal(fl_count(fl, "tv"), 2);

  /* Retry-After under the cap: waited out, retried once, success */
  fl_script_retry_after(fl, "tv", 429, "{}", 1);
  fl_script(fl, "tv", 200, rs_tavily_ok, 0);
  assert_int_equal(brief(r, &b, err, sizeof(err)), CO_OK);
  assert_int_equal(fl_count(fl, "tv"), 4);
  assert_string_equal(json_string_value(json_object_get(b, "source")), "tavily");
  json_decref(b);

  /* still 429 after the one retry: transient, no third request */
  fl_script_retry_after(fl, "tv", 429, "{}", 0);
  fl_script_retry_after(fl, "tv", 429, "{}", 0);
  fl_script(fl, "tv", 200, rs_tavily_ok, 0);
  assert_int_equal(brief(r, &b, err, sizeof(err)), CO_ERR_HTTP);
  assert_int_equal(fl_count(fl, "tv"), 6);
  assert_null(strstr(err, RS_TAVILY_KEY));

  co_research_destroy(r);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(tavily_429)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
