/* Proves log lines are valid JSON with the expected fields, that debug lines
 * follow the debug contexts, and that registered secrets are masked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"

static char *capture(void (*fn)(void)) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_JSON, "state", m);
  fn();
  fclose(m);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_JSON, NULL, NULL);
  return buf;
}

static void emit_fields(void) { CO_LOGKV(CO_LOG_WARN, "task", "restored \"x\"", "task", "0_3", "records", "42"); }

static void json_lines_carry_fields(void **state) {
  (void)state;
  char *out = capture(emit_fields);
  json_error_t e;
  json_t *o = json_loads(out, 0, &e);
  assert_non_null(o);
  assert_string_equal(json_string_value(json_object_get(o, "level")), "warn");
  assert_string_equal(json_string_value(json_object_get(o, "component")), "task");
  assert_string_equal(json_string_value(json_object_get(o, "msg")), "restored \"x\"");
  assert_string_equal(json_string_value(json_object_get(o, "records")), "42");
  assert_non_null(json_object_get(o, "ts"));
  json_decref(o);
  free(out);
}

static void emit_debug(void) {
  CO_DEBUG("state", "visible");
  CO_DEBUG("vector", "hidden");
  CO_INFO("vector", "info shown");
}

static void debug_contexts_filter(void **state) {
  (void)state;
  char *out = capture(emit_debug);
  assert_non_null(strstr(out, "visible"));
  assert_null(strstr(out, "hidden"));
  assert_non_null(strstr(out, "info shown"));
  free(out);
}

static void emit_secret(void) {
  CO_INFO("imap", "login with hunter2-very-secret failed");
  CO_LOGKV(CO_LOG_INFO, "imap", "retry", "password", "hunter2-very-secret");
}

static void secrets_are_masked_everywhere(void **state) {
  (void)state;
  co_log_add_secret("hunter2-very-secret");
  char *out = capture(emit_secret);
  assert_null(strstr(out, "hunter2"));
  assert_non_null(strstr(out, "***"));
  free(out);
  co_log_clear_secrets();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(json_lines_carry_fields),
      cmocka_unit_test(debug_contexts_filter),
      cmocka_unit_test(secrets_are_masked_everywhere),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
