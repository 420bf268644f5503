/* Proves no failure mode drops an email: refused connection, 5xx, 429 on
 * every key, timeout, a 200 that is not JSON, a 200 without reply text, bad
 * JSON twice, an open breaker and an empty provider list all still yield
 * CO_OK and the offline result, with an errstr that never holds a key. */
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

typedef struct {
  const char *what;
  int status, hang;
  const char *raw; /* raw response body, or NULL */
  const char *reply; /* model reply text, or NULL */
  int n_oa, n_gm;    /* requests each provider takes in this mode */
} mode_t_;

static void check_offline(co_llm_chain_t *c, const co_classify_result_t *want, const char *what) {
  char err[512], cls[32];
  co_classify_result_t out;
  memset(&out, 0xAB, sizeof(out));
  co_err_t e = co_llm_classify(c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err));
  if (e != CO_OK) fail_msg("%s: err %d %s", what, e, err);
  if (strcmp(cls, "offline-fallback")) fail_msg("%s: classifier %s", what, cls);
  assert_int_equal(out.label, want->label);
  assert_string_equal(out.company, want->company);
  assert_string_equal(out.summary, want->summary);
  if (strstr(err, "sk-drop") || strstr(err, "gm-drop")) fail_msg("%s: key in errstr: %s", what, err);
}

static void never_dropped(void **state) {
  (void)state;
  static const mode_t_ modes[] = {
      {"500", 500, 0, "{\"error\":{}}", NULL, 1, 1},
      {"429 on every key", 429, 0, NULL, NULL, 2, 1}, /* openai has two keys */
      {"timeout", 200, 1, "{}", NULL, 1, 1},
      {"200 not JSON", 200, 0, "<html>gateway</html>", NULL, 1, 1},
      {"200 without reply text", 200, 0, "{\"choices\":[]}", NULL, 1, 1},
      {"bad JSON twice", 200, 0, NULL, "nope", 2, 2},
  };
  char err[512];
  co_classify_result_t want;
  const char *extra[] = {"llm.timeout.ms=300", "llm.breaker.failures=1000", NULL};
  fl_t *fl = fl_start();
  co_classify_model_t *m = fl_offline();
  assert_int_equal(co_classify_email(m, &fl_email, &want, err, sizeof(err)), CO_OK);
  co_conf_t *conf = fl_conf(fl, "openai,gemini", "sk-drop-key1,sk-drop-key2", "gm-drop-key1", extra);
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
    const mode_t_ *md = &modes[i];
    const char *routes[] = {"oa", "gm"};
    for (int r = 0; r < 2; r++)
      for (int k = 0; k < (r ? md->n_gm : md->n_oa); k++) {
        if (md->reply) fl_reply(fl, routes[r], md->reply);
        else fl_script(fl, routes[r], md->status, md->raw, md->hang);
      }
    int oa0 = fl_count(fl, "oa"), gm0 = fl_count(fl, "gm");
    check_offline(c, &want, md->what);
    if (fl_count(fl, "oa") != oa0 + md->n_oa || fl_count(fl, "gm") != gm0 + md->n_gm)
      fail_msg("%s: requests oa %d gm %d", md->what, fl_count(fl, "oa") - oa0, fl_count(fl, "gm") - gm0);
  }
  fl_release(fl);
  co_llm_chain_destroy(c);
  co_conf_destroy(conf);

  /* connection refused: nobody listens on the URLs */
  conf = co_conf_new();
  char url[96];
  int port = co_th_free_port();
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/v1", port);
  assert_int_equal(co_conf_set(conf, "llm.providers", "openai,gemini", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(conf, "llm.openai.url", url, CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(conf, "llm.gemini.url", url, CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(conf, "llm.openai.keys", "sk-drop-key1", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(conf, "llm.gemini.keys", "gm-drop-key1", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(conf, "llm.breaker.failures", "1", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  check_offline(c, &want, "connection refused");
  check_offline(c, &want, "breakers open"); /* failures=1: both are open now */
  assert_int_equal(co_llm_breaker_state(c, "openai"), CO_LLM_BREAKER_OPEN);
  co_llm_chain_destroy(c);
  co_conf_destroy(conf);

  /* no providers at all */
  conf = co_conf_new();
  c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  check_offline(c, &want, "no providers");
  co_llm_chain_destroy(c);

  /* bad arguments are errors, not crashes */
  co_classify_result_t out;
  assert_null(co_llm_chain_new(conf, NULL, err, sizeof(err)));
  assert_int_equal(co_conf_set(conf, "llm.providers", "claude,openai", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_null(co_llm_chain_new(conf, m, err, sizeof(err)));
  assert_non_null(strstr(err, "claude"));
  assert_int_equal(co_conf_set(conf, "llm.providers", "openai", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_null(co_llm_chain_new(conf, m, err, sizeof(err))); /* no keys */
  assert_int_equal(co_llm_classify(NULL, &fl_email, &out, NULL, 0, err, sizeof(err)), CO_ERR_INVALID_ARG);
  co_conf_destroy(conf);
  co_classify_destroy(m);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(never_dropped)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
