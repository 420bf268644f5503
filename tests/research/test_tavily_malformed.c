/* research_tavily_malformed_json_is_transient: a 200 whose body is not
 * JSON, is JSON of the wrong shape, is empty or holds results of the wrong
 * types is CO_ERR_PARSE (transient) or a briefing without the bad entries;
 * never a crash, never a half-built briefing. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_research.h"
#include "rs_tavily.h"

static void tavily_malformed(void **state) {
  (void)state;
  char err[512];
  fl_t *fl = fl_start();
  co_conf_t *conf = rs_conf(fl, "", NULL);
  co_research_t *r = co_research_new(conf, NULL, err, sizeof(err));
  json_t *task = rs_task(), *b = (json_t *)0x1;
  const char *bad[] = {"not json {", "[]", "{\"results\":5}", "", "{\"results\":[1,2", "null"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    fl_script(fl, "tv", 200, bad[i], 0);
    co_err_t e = co_research_brief(r, task, NULL, &b, err, sizeof(err));
    assert_int_equal(e, CO_ERR_PARSE);
    assert_true(co_research_err_is_transient(e));
    assert_null(b);
  }
  /* right shape, wrong member types: the entries without a usable URL go */
  fl_script(fl, "tv", 200,
            "{\"answer\":7,\"results\":[3,\"x\",{\"url\":5},{\"url\":\"https://n.example/a\",\"title\":[1],"
            "\"content\":{\"a\":1},\"published_date\":9}]}",
            0);
  assert_int_equal(co_research_brief(r, task, NULL, &b, err, sizeof(err)), CO_OK);
  json_t *news = json_object_get(b, "news");
  assert_int_equal(json_array_size(news), 1);
  assert_string_equal(json_string_value(json_object_get(json_array_get(news, 0), "title")), "");
  assert_true(json_is_null(json_object_get(json_array_get(news, 0), "published")));
  json_decref(b);
  json_decref(task);
  co_research_destroy(r);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(tavily_malformed)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
