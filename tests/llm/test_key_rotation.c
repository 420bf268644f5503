/* Proves key rotation: key A gets 429, the same request is retried with key
 * B, which answers; the server saw both keys, the next email starts with B,
 * and no key shows up in errstr. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

static void key_rotation_on_429(void **state) {
  (void)state;
  char err[512], cls[32];
  co_classify_result_t out;
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "openai", "sk-key-AAAA, sk-key-BBBB", NULL, NULL);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  fl_script(fl, "oa", 429, "{\"error\":\"rate\"}", 0);
  fl_reply(fl, "oa", FL_GOOD_INTERVIEW);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "openai");
  assert_int_equal(out.label, CO_CLASSIFY_INTERVIEW);
  assert_string_equal(out.interview_at, "2026-03-05T14:00:00");
  assert_int_equal(fl_count(fl, "oa"), 2);
  fl_req_t q;
  assert_int_equal(fl_get(fl, "oa", 0, &q), 0);
  assert_string_equal(q.key, "sk-key-AAAA");
  free(q.body);
  assert_int_equal(fl_get(fl, "oa", 1, &q), 0);
  assert_string_equal(q.key, "sk-key-BBBB");
  free(q.body);

  /* rotation sticks: the next email goes straight to B */
  fl_reply(fl, "oa", FL_GOOD_OFFER);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_int_equal(fl_get(fl, "oa", 2, &q), 0);
  assert_string_equal(q.key, "sk-key-BBBB");
  free(q.body);

  /* every key rate-limited: offline answers, errstr names no key */
  fl_script(fl, "oa", 429, NULL, 0);
  fl_script(fl, "oa", 429, NULL, 0);
  assert_int_equal(co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
  assert_string_equal(cls, "offline-fallback");
  assert_int_equal(fl_count(fl, "oa"), 5);
  assert_non_null(strstr(err, "429"));
  assert_null(strstr(err, "sk-key"));

  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(key_rotation_on_429)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
