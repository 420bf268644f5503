/* llm_complete_text_over_the_chain: co_llm_complete asks the providers in
 * order for free text (no JSON mode on either wire), falls back on a 5xx,
 * rotates keys on 429, cuts the user text to llm.max.chars, and returns an
 * error (never an invented answer) when every provider fails or none is
 * configured. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

static void llm_complete(void **state) {
  (void)state;
  char err[512], prov[32], *out = NULL;
  const char *extra[] = {"llm.max.chars=200", NULL};
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "openai,gemini", "sk-a-111,sk-b-222", "gm-key-1", extra);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);

  /* 429 on the first key, then an answer with the second */
  fl_script(fl, "oa", 429, "{}", 0);
  fl_reply(fl, "oa", "A paragraph.");
  char user[1000];
  memset(user, 'x', sizeof(user) - 1);
  user[sizeof(user) - 1] = '\0';
  assert_int_equal(co_llm_complete(c, "Be brief.", user, &out, prov, sizeof(prov), err, sizeof(err)), CO_OK);
  assert_string_equal(out, "A paragraph.");
  assert_string_equal(prov, "openai");
  free(out);
  fl_req_t q;
  assert_int_equal(fl_get(fl, "oa", 1, &q), 0);
  assert_string_equal(q.key, "sk-b-222");
  assert_null(strstr(q.body, "json_object"));
  assert_non_null(strstr(q.body, "Be brief."));
  json_t *body = json_loads(q.body, 0, NULL);
  const char *sent =
      json_string_value(json_object_get(json_array_get(json_object_get(body, "messages"), 1), "content"));
  assert_int_equal(strlen(sent), 200);
  json_decref(body);
  free(q.body);

  /* 5xx on openai: gemini answers, in text mode */
  fl_script(fl, "oa", 503, NULL, 0);
  fl_reply(fl, "gm", "From Gemini.");
  assert_int_equal(co_llm_complete(c, "Be brief.", "hello", &out, prov, sizeof(prov), err, sizeof(err)), CO_OK);
  assert_string_equal(out, "From Gemini.");
  assert_string_equal(prov, "gemini");
  free(out);
  assert_int_equal(fl_get(fl, "gm", 0, &q), 0);
  assert_non_null(strstr(q.body, "text/plain"));
  free(q.body);

  /* everyone fails: an error, *out NULL */
  fl_script(fl, "oa", 500, NULL, 0);
  fl_script(fl, "gm", 500, NULL, 0);
  out = (char *)0x1;
  co_err_t e = co_llm_complete(c, "s", "u", &out, prov, sizeof(prov), err, sizeof(err));
  assert_int_equal(e, CO_ERR_HTTP);
  assert_null(out);
  assert_non_null(strstr(err, "gemini"));
  co_llm_chain_destroy(c);
  co_conf_destroy(conf);

  /* no provider configured */
  conf = fl_conf(fl, "", NULL, NULL, NULL);
  c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_int_equal(co_llm_complete(c, "s", "u", &out, NULL, 0, err, sizeof(err)), CO_ERR_UNSUPPORTED);
  assert_null(out);
  co_llm_chain_destroy(c);
  co_conf_destroy(conf);
  co_classify_destroy(m);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(llm_complete)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
