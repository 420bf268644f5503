/* Proves llm.max.chars: an email longer than the limit reaches each provider
 * cut to exactly max.chars code points of valid UTF-8 (multi-byte characters
 * are never split), and its tail never leaves the process. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

#include <jansson.h>

static size_t utf8_chars_valid(const char *s, size_t len) {
  size_t i = 0, n = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    size_t k = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (!k || i + k > len) fail_msg("invalid UTF-8 at byte %zu", i);
    for (size_t j = 1; j < k; j++)
      if (((unsigned char)s[i + j] >> 6) != 0x2) fail_msg("broken sequence at byte %zu", i);
    i += k;
    n++;
  }
  return n;
}

static void check_sent(const char *prompt) {
  const char *b = strstr(prompt, "<<<EMAIL\n"), *e = strstr(prompt, "\nEMAIL>>>");
  assert_non_null(b);
  assert_non_null(e);
  b += strlen("<<<EMAIL\n");
  assert_true(e > b);
  assert_int_equal(utf8_chars_valid(b, (size_t)(e - b)), 200);
  assert_true(strncmp(b, "Subject: ", 9) == 0);
  assert_null(strstr(prompt, "TAILMARK"));
}

static void max_chars_enforced(void **state) {
  (void)state;
  char err[512], cls[32];
  co_classify_result_t out;
  /* 2-byte characters from the start, so a byte-count cut would split one */
  char body[2048] = "";
  for (int i = 0; i < 300; i++) strcat(body, "\xc3\xa9");
  strcat(body, " TAILMARK");
  co_classify_input_t in = fl_email;
  in.body = body;
  const char *extra[] = {"llm.max.chars=200", NULL};
  fl_t *fl = fl_start();
  co_classify_model_t *m = fl_offline();
  const char *provs[] = {"openai", "gemini"};
  for (int p = 0; p < 2; p++) {
    co_conf_t *conf = fl_conf(fl, provs[p], "sk-chars-key", "gm-chars-key", extra);
    co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
    assert_non_null(c);
    const char *route = p ? "gm" : "oa";
    fl_reply(fl, route, FL_GOOD_INTERVIEW);
    assert_int_equal(co_llm_classify(c, &in, &out, cls, sizeof(cls), err, sizeof(err)), CO_OK);
    assert_string_equal(cls, provs[p]);
    fl_req_t q;
    assert_int_equal(fl_get(fl, route, 0, &q), 0);
    json_t *j = json_loads(q.body, 0, NULL);
    assert_non_null(j);
    const char *prompt =
        p ? json_string_value(json_object_get(
                json_array_get(json_object_get(json_array_get(json_object_get(j, "contents"), 0), "parts"), 0), "text"))
          : json_string_value(json_object_get(json_array_get(json_object_get(j, "messages"), 1), "content"));
    assert_non_null(prompt);
    check_sent(prompt);
    json_decref(j);
    free(q.body);
    co_llm_chain_destroy(c);
    co_conf_destroy(conf);
  }
  /* the cut itself, on a 3-byte character straddling the limit */
  assert_int_equal(co_llm_utf8_cut("ab\xe2\x82\xac", 5, 3), 5);
  assert_int_equal(co_llm_utf8_cut("ab\xe2\x82\xac", 5, 2), 2);
  assert_int_equal(co_llm_utf8_cut("ab\xe2\x82", 4, 3), 2); /* truncated sequence dropped */
  co_classify_destroy(m);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(max_chars_enforced)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
