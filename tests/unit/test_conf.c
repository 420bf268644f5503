/* Proves the settings table validates types and ranges, rejects unknown
 * names with a suggestion, layers file < env < cli, and passes kafka.* through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "co_conf.h"
#include "co_th.h"

static void defaults_are_valid_and_typed(void **state) {
  (void)state;
  co_conf_t *c = co_conf_new();
  assert_non_null(c);
  assert_string_equal(co_conf_str(c, "app.id"), "careerops");
  assert_int_equal(co_conf_int(c, "commit.interval.ms"), 100);
  assert_string_equal(co_conf_str(c, "processing.guarantee"), "exactly_once");
  co_conf_destroy(c);
}

static void bad_values_name_the_setting(void **state) {
  (void)state;
  char err[512];
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_set(c, "commit.interval.ms", "abc", CO_CONF_SRC_CLI, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "commit.interval.ms"));
  assert_int_equal(co_conf_set(c, "commit.interval.ms", "5", CO_CONF_SRC_CLI, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "outside"));
  assert_int_equal(co_conf_set(c, "commit.interval.ms", "12x", CO_CONF_SRC_CLI, err, sizeof(err)), CO_ERR_CONFIG);
  assert_int_equal(co_conf_set(c, "processing.guarantee", "maybe", CO_CONF_SRC_CLI, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "exactly_once|at_least_once"));
  /* A rejected value leaves the old one in place. */
  assert_int_equal(co_conf_int(c, "commit.interval.ms"), 100);
  assert_int_equal(co_conf_set(c, "commit.interval.ms", "250", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_int(c, "commit.interval.ms"), 250);
  co_conf_destroy(c);
}

static void unknown_setting_suggests_nearest(void **state) {
  (void)state;
  char err[512];
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_set(c, "comit.interval.ms", "10", CO_CONF_SRC_CLI, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "unknown setting 'comit.interval.ms'"));
  assert_non_null(strstr(err, "did you mean 'commit.interval.ms'"));
  co_conf_destroy(c);
}

static int collect(const char *name, const char *value, void *opaque) {
  char *buf = opaque;
  strcat(buf, name);
  strcat(buf, "=");
  strcat(buf, value);
  strcat(buf, ";");
  return 0;
}

static void passthrough_keeps_order_and_last_value(void **state) {
  (void)state;
  char err[256], seen[256] = "";
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_set(c, "kafka.linger.ms", "5", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(c, "kafka.acks", "all", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(c, "kafka.linger.ms", "7", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_set(c, "rocksdb.max_open_files", "64", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  co_conf_passthru_foreach(c, "kafka.", collect, seen);
  assert_string_equal(seen, "linger.ms=7;acks=all;");
  assert_int_equal(co_conf_set(c, "kafka.", "x", CO_CONF_SRC_CLI, err, sizeof(err)), CO_ERR_CONFIG);
  co_conf_destroy(c);
}

static void yaml_file_then_env_layering(void **state) {
  (void)state;
  char err[512];
  char *dir = co_th_tmpdir("conf");
  char path[512];
  snprintf(path, sizeof(path), "%s/c.yaml", dir);
  const char *yaml = "app.id: fromfile\n"
                     "commit:\n  interval.ms: 300\n"
                     "llm:\n  providers: [openai, gemini]\n"
                     "kafka:\n  linger.ms: 9\n";
  assert_int_equal(co_th_write_file(path, yaml, strlen(yaml)), 0);
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_load_file(c, path, err, sizeof(err)), CO_OK);
  assert_string_equal(co_conf_str(c, "app.id"), "fromfile");
  assert_int_equal(co_conf_int(c, "commit.interval.ms"), 300);
  assert_string_equal(co_conf_str(c, "llm.providers"), "openai,gemini");
  char *env[] = {"CAREEROPS_APP_ID=fromenv", "PATH=/bin", NULL};
  assert_int_equal(co_conf_load_env(c, env, err, sizeof(err)), CO_OK);
  assert_string_equal(co_conf_str(c, "app.id"), "fromenv");
  char *badenv[] = {"CAREEROPS_COMMIT_INTERVAL_MS=nope", NULL};
  assert_int_equal(co_conf_load_env(c, badenv, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "commit.interval.ms"));
  char *typo[] = {"CAREEROPS_APP_IDD=x", NULL};
  assert_int_equal(co_conf_load_env(c, typo, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "CAREEROPS_APP_IDD"));
  co_conf_destroy(c);

  const char *bad = "commit.interval.ms: 1\n";
  assert_int_equal(co_th_write_file(path, bad, strlen(bad)), 0);
  c = co_conf_new();
  assert_int_equal(co_conf_load_file(c, path, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, ":1:"));
  assert_non_null(strstr(err, "commit.interval.ms"));
  const char *broken = "a: [unclosed\n";
  assert_int_equal(co_th_write_file(path, broken, strlen(broken)), 0);
  assert_int_equal(co_conf_load_file(c, path, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "YAML error"));
  co_conf_destroy(c);
  co_th_rm_rf(dir);
  free(dir);
}

static void cross_field_checks_in_finalize(void **state) {
  (void)state;
  char err[512];
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_set(c, "imap.url", "imap://127.0.0.1:1/INBOX", CO_CONF_SRC_CLI, err, sizeof(err)), CO_OK);
  assert_int_equal(co_conf_finalize(c, err, sizeof(err)), CO_ERR_CONFIG);
  assert_non_null(strstr(err, "imap.password"));
  co_conf_destroy(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(defaults_are_valid_and_typed),
      cmocka_unit_test(bad_values_name_the_setting),
      cmocka_unit_test(unknown_setting_suggests_nearest),
      cmocka_unit_test(passthrough_keeps_order_and_last_value),
      cmocka_unit_test(yaml_file_then_env_layering),
      cmocka_unit_test(cross_field_checks_in_finalize),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
