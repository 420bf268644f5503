/* Proves ordered fallback: the first provider answers 500, the second one's
 * answer is the result; both requests carry their wire format and key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

static void fallback_on_500(void **state) {
  (void)state;
  char err[512], cls[32];
  co_classify_result_t out;
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "openai,gemini", "sk-oa-key-1", "gm-key-1", NULL);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  fl_script(fl, "oa", 500, "{\"error\":\"boom\"}", 0);
  fl_reply(fl, "gm", FL_GOOD_OFFER);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "gemini");
  assert_int_equal(out.label, CO_CLASSIFY_OFFER);
  assert_string_equal(out.company, "Globex");
  assert_string_equal(out.role, "SRE");
  assert_string_equal(out.interview_at, "");
  assert_null(out.rule);
  assert_int_equal(fl_count(fl, "oa"), 1);
  assert_int_equal(fl_count(fl, "gm"), 1);

  fl_req_t q;
  assert_int_equal(fl_get(fl, "oa", 0, &q), 0);
  assert_string_equal(q.path, "/oa/v1/chat/completions");
  assert_string_equal(q.key, "sk-oa-key-1");
  assert_non_null(strstr(q.body, "\"json_object\""));
  assert_non_null(strstr(q.body, "\"model\":\"gpt-4o-mini\""));
  assert_non_null(strstr(q.body, "\"temperature\":0"));
  assert_non_null(strstr(q.body, "Interview invitation"));
  free(q.body);
  assert_int_equal(fl_get(fl, "gm", 0, &q), 0);
  assert_string_equal(q.path, "/gm/v1beta/models/gemini-1.5-flash:generateContent");
  assert_string_equal(q.key, "gm-key-1");
  assert_non_null(strstr(q.body, "\"application/json\""));
  assert_non_null(strstr(q.body, "Interview invitation"));
  free(q.body);

  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(fallback_on_500)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
