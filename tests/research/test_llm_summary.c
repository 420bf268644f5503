/* research_llm_summary_or_tavily_fallback: with an LLM chain, the summary is
 * the model's paragraph and the source "tavily+llm"; the request is a free
 * text completion (no JSON mode) carrying the company, the history and the
 * news. When every provider fails the briefing keeps Tavily's answer and
 * snippets and says source "tavily": an LLM failure is not an error. */
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

#define PARAGRAPH "Bluefin Analytics builds streaming analytics for retailers and is opening a Denver office."

typedef struct {
  fl_t *fl;
  co_conf_t *conf;
  co_classify_model_t *m;
  co_llm_chain_t *llm;
  co_research_t *r;
} fx_t;

static int setup(void **state) {
  char err[512];
  fx_t *f = calloc(1, sizeof(*f));
  f->fl = fl_start();
  f->conf = rs_conf(f->fl, "openai,gemini", NULL);
  f->m = fl_offline();
  f->llm = co_llm_chain_new(f->conf, f->m, err, sizeof(err));
  assert_non_null(f->llm);
  f->r = co_research_new(f->conf, f->llm, err, sizeof(err));
  assert_non_null(f->r);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx_t *f = *state;
  co_research_destroy(f->r);
  co_llm_chain_destroy(f->llm);
  co_classify_destroy(f->m);
  co_conf_destroy(f->conf);
  fl_stop(f->fl);
  free(f);
  return 0;
}

static void llm_summary(void **state) {
  fx_t *f = *state;
  char err[512];
  json_t *task = rs_task(), *b = NULL;
  fl_script(f->fl, "tv", 200, rs_tavily_ok, 0);
  fl_reply(f->fl, "oa", PARAGRAPH);
  assert_int_equal(co_research_brief(f->r, task, NULL, &b, err, sizeof(err)), CO_OK);
  assert_string_equal(json_string_value(json_object_get(b, "source")), "tavily+llm");
  assert_string_equal(json_string_value(json_object_get(b, "summary")), PARAGRAPH);
  assert_non_null(strstr(json_string_value(json_object_get(b, "text")), PARAGRAPH));
  assert_int_equal(json_array_size(json_object_get(b, "news")), 1);

  fl_req_t q;
  assert_int_equal(fl_get(f->fl, "oa", 0, &q), 0);
  assert_string_equal(q.path, "/oa/v1/chat/completions");
  assert_null(strstr(q.body, "json_object"));
  assert_non_null(strstr(q.body, "Bluefin Analytics opens Denver office"));
  assert_non_null(strstr(q.body, "Company: Bluefin Analytics"));
  assert_non_null(strstr(q.body, "Data Engineer"));
  free(q.body);
  assert_int_equal(fl_count(f->fl, "gm"), 0);
  json_decref(b);
  json_decref(task);
}

static void llm_fails_keeps_tavily(void **state) {
  fx_t *f = *state;
  char err[512];
  json_t *task = rs_task(), *b = NULL;
  fl_script(f->fl, "tv", 200, rs_tavily_ok, 0);
  fl_script(f->fl, "oa", 500, "{\"error\":\"boom\"}", 0);
  fl_script(f->fl, "gm", 200, "{\"candidates\":[]}", 0); /* 200 without reply text */
  assert_int_equal(co_research_brief(f->r, task, NULL, &b, err, sizeof(err)), CO_OK);
  assert_string_equal(json_string_value(json_object_get(b, "source")), "tavily");
  const char *summary = json_string_value(json_object_get(b, "summary"));
  assert_non_null(strstr(summary, "Bluefin Analytics sells streaming analytics"));
  assert_non_null(strstr(json_string_value(json_object_get(b, "text")), "will hire 40 engineers"));
  assert_int_equal(fl_count(f->fl, "oa"), 2); /* one from the previous test, one here */
  assert_int_equal(fl_count(f->fl, "gm"), 1);
  json_decref(b);
  json_decref(task);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(llm_summary), cmocka_unit_test(llm_fails_keeps_tavily)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
