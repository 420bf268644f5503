/* Proves the Gemini key travels in the x-goog-api-key header and never in
 * the URL (URLs end up in access logs and error messages): the fake
 * server sees no ?key= and the path without a query, the header holds the
 * configured key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

static void llm_gemini_key_in_header_not_url(void **state) {
  (void)state;
  char err[512], cls[32];
  co_classify_result_t out;
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "gemini", NULL, "gm-secret-key-7", NULL);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  fl_reply(fl, "gm", FL_GOOD_OFFER);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "gemini");
  fl_req_t q;
  assert_int_equal(fl_get(fl, "gm", 0, &q), 0);
  assert_string_equal(q.goog_key, "gm-secret-key-7");
  assert_string_equal(q.query_key, "");
  assert_null(strstr(q.path, "gm-secret-key-7"));
  assert_string_equal(q.path, "/gm/v1beta/models/gemini-1.5-flash:generateContent");
  free(q.body);
  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(llm_gemini_key_in_header_not_url)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
