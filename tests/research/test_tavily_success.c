/* research_tavily_success: a 200 from Tavily becomes a "tavily" briefing:
 * the request goes to {tavily.url}/search with the key (body and Bearer),
 * the company query and max_results; results without a URL are dropped;
 * the summary starts with Tavily's answer and keeps the mail history; the
 * text carries the news title and snippet. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_research.h"
#include "rs_tavily.h"

static void tavily_success(void **state) {
  (void)state;
  char err[512];
  fl_t *fl = fl_start();
  co_conf_t *conf = rs_conf(fl, "", NULL);
  co_research_t *r = co_research_new(conf, NULL, err, sizeof(err));
  assert_non_null(r);
  json_t *task = rs_task(), *b = NULL;
  fl_script(fl, "tv", 200, rs_tavily_ok, 0);
  assert_int_equal(co_research_brief(r, task, NULL, &b, err, sizeof(err)), CO_OK);

  fl_req_t q;
  assert_int_equal(fl_count(fl, "tv"), 1);
  assert_int_equal(fl_get(fl, "tv", 0, &q), 0);
  assert_string_equal(q.path, "/tv/search");
  assert_string_equal(q.key, RS_TAVILY_KEY);
  json_t *body = json_loads(q.body, 0, NULL);
  free(q.body);
  assert_non_null(body);
  assert_string_equal(json_string_value(json_object_get(body, "api_key")), RS_TAVILY_KEY);
  assert_string_equal(json_string_value(json_object_get(body, "query")), "Bluefin Analytics company news");
  assert_int_equal(json_integer_value(json_object_get(body, "max_results")), 3);
  json_decref(body);

  assert_string_equal(json_string_value(json_object_get(b, "source")), "tavily");
  json_t *news = json_object_get(b, "news");
  assert_int_equal(json_array_size(news), 1);
  json_t *n0 = json_array_get(news, 0);
  assert_string_equal(json_string_value(json_object_get(n0, "title")), "Bluefin Analytics opens Denver office");
  assert_string_equal(json_string_value(json_object_get(n0, "url")), "https://news.example/bluefin-denver");
  assert_string_equal(json_string_value(json_object_get(n0, "snippet")), "The analytics firm will hire 40 engineers.");
  assert_string_equal(json_string_value(json_object_get(n0, "published")), "2025-03-01");
  const char *summary = json_string_value(json_object_get(b, "summary"));
  assert_ptr_equal(strstr(summary, "Bluefin Analytics sells streaming analytics"), summary);
  assert_non_null(strstr(summary, "Latest: INTERVIEW"));
  assert_int_equal(json_array_size(json_object_get(b, "history")), 2);
  const char *text = json_string_value(json_object_get(b, "text"));
  assert_non_null(strstr(text, "Bluefin Analytics opens Denver office"));
  assert_non_null(strstr(text, "will hire 40 engineers"));
  assert_non_null(strstr(text, "Priya Natarajan"));
  assert_null(strstr(text, RS_TAVILY_KEY));

  json_decref(b);
  json_decref(task);
  co_research_destroy(r);
  co_conf_destroy(conf);
  fl_stop(fl);
}

/* No key configured: no request at all, the offline briefing. */
static void no_key_is_offline(void **state) {
  (void)state;
  char err[512];
  fl_t *fl = fl_start();
  const char *extra[] = {"tavily.api.key=", NULL};
  co_conf_t *conf = rs_conf(fl, "", extra);
  co_research_t *r = co_research_new(conf, NULL, err, sizeof(err));
  json_t *task = rs_task(), *b = NULL;
  assert_int_equal(co_research_brief(r, task, NULL, &b, err, sizeof(err)), CO_OK);
  assert_string_equal(json_string_value(json_object_get(b, "source")), "offline");
  assert_int_equal(fl_count(fl, "tv"), 0);
  json_decref(b);
  json_decref(task);
  co_research_destroy(r);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(tavily_success), cmocka_unit_test(no_key_is_offline)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
