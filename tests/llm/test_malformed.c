/* Proves strict reply validation with one repair turn: a bad reply followed
 * by a valid one on the repair request is used (and the repair request quotes
 * the bad reply and the complaint); a reply still bad after repair sends the
 * email to the offline classifier. Each way a reply can break the schema is
 * rejected, not half-used. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

static void repaired(void **state) {
  (void)state;
  char err[512], cls[32];
  co_classify_result_t out;
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "openai", "sk-malformed-key", NULL, NULL);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  fl_reply(fl, "oa", "Sure! Here is the JSON: {\"label\": \"INTERVIEW\"");
  fl_reply(fl, "oa", FL_GOOD_INTERVIEW);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "openai");
  assert_int_equal(out.label, CO_CLASSIFY_INTERVIEW);
  assert_string_equal(out.company, "Acme");
  assert_int_equal(fl_count(fl, "oa"), 2);
  fl_req_t q;
  assert_int_equal(fl_get(fl, "oa", 1, &q), 0);
  assert_non_null(strstr(q.body, "Sure! Here is the JSON"));
  assert_non_null(strstr(q.body, "not valid JSON"));
  assert_non_null(strstr(q.body, "\"assistant\""));
  free(q.body);
  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

static void bad_twice_goes_offline(void **state) {
  (void)state;
  static const char *const bad[] = {
      "not json",
      "[1,2,3]",
      "```json\n" FL_GOOD_OFFER "\n```",
      "{\"label\":\"MAYBE\",\"company\":\"A\",\"role\":\"B\",\"confidence\":0.5,\"summary\":\"s\",\"interview_at\":null}",
      "{\"label\":\"offer\",\"company\":\"A\",\"role\":\"B\",\"confidence\":0.5,\"summary\":\"s\",\"interview_at\":null}",
      "{\"label\":\"OFFER\",\"company\":\"A\",\"role\":\"B\",\"confidence\":1.5,\"summary\":\"s\",\"interview_at\":null}",
      "{\"label\":\"OFFER\",\"company\":\"A\",\"role\":\"B\",\"confidence\":\"high\",\"summary\":\"s\",\"interview_at\":null}",
      "{\"label\":\"OFFER\",\"company\":\"A\",\"role\":\"B\",\"confidence\":0.5,\"summary\":\"s\"}",
      "{\"label\":\"OFFER\",\"company\":\"A\",\"role\":\"B\",\"confidence\":0.5,\"summary\":\"s\",\"interview_at\":null,\"x\":1}",
      "{\"label\":\"OFFER\",\"company\":7,\"role\":\"B\",\"confidence\":0.5,\"summary\":\"s\",\"interview_at\":null}",
      "{\"label\":\"INTERVIEW\",\"company\":\"A\",\"role\":\"B\",\"confidence\":0.5,\"summary\":\"s\",\"interview_at\":\"next Tuesday\"}",
      "{\"label\":\"INTERVIEW\",\"company\":\"A\",\"role\":\"B\",\"confidence\":0.5,\"summary\":\"s\",\"interview_at\":\"2026-13-05\"}",
  };
  char err[512], cls[32];
  co_classify_result_t out, offline;
  fl_t *fl = fl_start();
  const char *extra[] = {"llm.breaker.failures=1000", NULL};
  co_conf_t *conf = fl_conf(fl, "openai", "sk-malformed-key", NULL, extra);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  assert_int_equal(co_classify_email(m, &fl_email, &offline, err, sizeof(err)), CO_OK);
  int n = (int)(sizeof(bad) / sizeof(bad[0]));
  for (int i = 0; i < n; i++) {
    fl_reply(fl, "oa", bad[i]);
    fl_reply(fl, "oa", bad[i]);
    memset(&out, 0xAB, sizeof(out));
    assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
    if (strcmp(cls, "offline-fallback")) fail_msg("bad reply #%d accepted: %s", i, bad[i]);
    assert_non_null(strstr(err, "after repair"));
    assert_int_equal(out.label, offline.label);
    assert_string_equal(out.company, offline.company);
    assert_int_equal(fl_count(fl, "oa"), 2 * (i + 1));
  }
  /* a valid reply in the same session is still taken: the rejections above were about content */
  fl_reply(fl, "oa", FL_GOOD_OFFER);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "openai");
  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(repaired), cmocka_unit_test(bad_twice_goes_offline)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
