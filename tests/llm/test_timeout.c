/* Proves llm.timeout.ms is honoured: a provider that holds the request
 * forever is abandoned, the call returns with the next provider's answer (or
 * the offline one) while the server is still holding the request. */
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

static void timeout_honored(void **state) {
  (void)state;
  char err[512], cls[32];
  co_classify_result_t out;
  const char *extra[] = {"llm.timeout.ms=300", NULL};
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "openai,gemini", "sk-timeout-key", "gm-timeout-key", extra);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);

  fl_script(fl, "oa", 200, "{}", 1); /* held until fl_release() */
  fl_reply(fl, "gm", FL_GOOD_OFFER);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "gemini");
  assert_int_equal(out.label, CO_CLASSIFY_OFFER);
  assert_int_equal(fl_count(fl, "oa"), 1); /* the request did reach the server */

  /* both providers hang: the offline classifier answers */
  fl_script(fl, "oa", 200, "{}", 1);
  fl_script(fl, "gm", 200, "{}", 1);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "offline-fallback");
  assert_int_equal(fl_count(fl, "oa"), 2);
  assert_int_equal(fl_count(fl, "gm"), 2);
  assert_non_null(strstr(err, "gemini"));
  assert_non_null(strstr(err, "imeout"));

  fl_release(fl);
  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(timeout_honored)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
