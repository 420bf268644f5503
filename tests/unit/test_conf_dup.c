/* Proves a config file that sets one setting twice is rejected with the
 * key and both lines, whether the key is repeated in one mapping or spelled
 * once nested and once dotted; YAML says keys are unique, and letting the
 * last one win silently hid typos and merge mistakes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_conf.h"
#include "co_th.h"

static void expect_dup(const char *path, const char *yaml, const char *key, const char *line, const char *first) {
  char err[512] = "";
  assert_int_equal(co_th_write_file(path, yaml, strlen(yaml)), 0);
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_load_file(c, path, err, sizeof(err)), CO_ERR_CONFIG);
  if (!strstr(err, "duplicate key") || !strstr(err, key) || !strstr(err, line) || !strstr(err, first))
    fail_msg("want duplicate '%s' at %s (first %s), got: %s", key, line, first, err);
  co_conf_destroy(c);
}

static void conf_file_duplicate_keys_are_errors(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("conf-dup"), path[512], err[512];
  snprintf(path, sizeof(path), "%s/c.yaml", dir);
  expect_dup(path, "app.id: one\nlog.level: info\napp.id: two\n", "'app.id'", ":3:", "line 1");
  expect_dup(path, "commit:\n  interval.ms: 300\n  interval.ms: 400\n", "'commit.interval.ms'", ":3:", "line 2");
  expect_dup(path, "kafka:\n  linger.ms: 9\nkafka.linger.ms: 10\n", "'kafka.linger.ms'", ":3:", "line 2");
  const char *ok = "app.id: one\ncommit:\n  interval.ms: 300\nkafka:\n  linger.ms: 9\n";
  assert_int_equal(co_th_write_file(path, ok, strlen(ok)), 0);
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_load_file(c, path, err, sizeof(err)), CO_OK);
  co_conf_destroy(c);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(conf_file_duplicate_keys_are_errors)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
