/* Proves the circuit breaker: N consecutive failures open it; while open no
 * request reaches the provider (offline answers); after the cool-down one
 * probe goes through and a success closes it; a failed probe re-opens it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

#include "co_th.h"

static void breaker_opens_and_recovers(void **state) {
  (void)state;
  char err[512], cls[32];
  co_classify_result_t out;
  const char *extra[] = {"llm.breaker.failures=2", "llm.breaker.cooldown.ms=1500", NULL};
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "openai", "sk-breaker-key", NULL, extra);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  assert_int_equal(co_llm_breaker_state(c, "openai"), CO_LLM_BREAKER_CLOSED);
  assert_int_equal(co_llm_breaker_state(c, "gemini"), -1);

  fl_script(fl, "oa", 500, NULL, 0);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "offline-fallback");
  assert_int_equal(co_llm_breaker_state(c, "openai"), CO_LLM_BREAKER_CLOSED); /* 1 < N */
  fl_script(fl, "oa", 503, NULL, 0);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_int_equal(co_llm_breaker_state(c, "openai"), CO_LLM_BREAKER_OPEN);
  assert_int_equal(fl_count(fl, "oa"), 2);

  /* open: nothing is sent, the email still gets a result */
  for (int i = 0; i < 3; i++) {
    assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
    assert_string_equal(cls, "offline-fallback");
    assert_non_null(strstr(err, "breaker open"));
  }
  assert_int_equal(fl_count(fl, "oa"), 2);

  /* cool-down passes: one probe, success closes */
  assert_true(CO_TH_WAIT_UNTIL(co_llm_breaker_state(c, "openai") == CO_LLM_BREAKER_HALF_OPEN, 10000));
  fl_reply(fl, "oa", FL_GOOD_INTERVIEW);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "openai");
  assert_int_equal(fl_count(fl, "oa"), 3);
  assert_int_equal(co_llm_breaker_state(c, "openai"), CO_LLM_BREAKER_CLOSED);

  /* open again; a failed probe re-opens at once (no N failures needed) */
  fl_script(fl, "oa", 500, NULL, 0);
  fl_script(fl, "oa", 500, NULL, 0);
  co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err));
  co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err));
  assert_int_equal(co_llm_breaker_state(c, "openai"), CO_LLM_BREAKER_OPEN);
  assert_true(CO_TH_WAIT_UNTIL(co_llm_breaker_state(c, "openai") == CO_LLM_BREAKER_HALF_OPEN, 10000));
  fl_script(fl, "oa", 500, NULL, 0);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "offline-fallback");
  assert_int_equal(fl_count(fl, "oa"), 6);
  assert_int_equal(co_llm_breaker_state(c, "openai"), CO_LLM_BREAKER_OPEN);

  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(breaker_opens_and_recovers)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
