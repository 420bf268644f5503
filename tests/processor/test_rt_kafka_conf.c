/* Proves the runtime's librdkafka settings stack in the documented order:
 * our defaults, then the user's kafka.* (which win over the defaults), and
 * that a bad kafka.* value is an error naming the setting. */
#include <librdkafka/rdkafka.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "co_conf.h"
#include "co_rt_int.h"

static co_conf_t *conf_with(const char *name, const char *value) {
  char err[256];
  co_conf_t *c = co_conf_new();
  assert_int_equal(co_conf_set(c, "brokers", "127.0.0.1:1", CO_CONF_SRC_CLI, err, sizeof(err)), 0);
  if (name) assert_int_equal(co_conf_set(c, name, value, CO_CONF_SRC_CLI, err, sizeof(err)), 0);
  assert_int_equal(co_conf_finalize(c, err, sizeof(err)), 0);
  return c;
}

static const char *get(rd_kafka_conf_t *kc, const char *name, char *buf, size_t sz) {
  assert_int_equal(rd_kafka_conf_get(kc, name, buf, &sz), RD_KAFKA_CONF_OK);
  return buf;
}

static const char *const defs[] = {"linger.ms", "5", "fetch.wait.max.ms", "20", NULL};

/* Builds a conf with name=value (or none), and checks the stacked result. */
static void check(const char *name, const char *value, const char *want_linger) {
  char err[256], v[64];
  co_conf_t *c = conf_with(name, value);
  rd_kafka_conf_t *kc = co_rt_kafka_conf_defaults(c, defs, err, sizeof(err));
  assert_non_null(kc);
  assert_string_equal(get(kc, "linger.ms", v, sizeof(v)), want_linger);
  assert_string_equal(get(kc, "fetch.wait.max.ms", v, sizeof(v)), "20");
  rd_kafka_conf_destroy(kc);
  co_conf_destroy(c);
}

static void rt_kafka_user_settings_override_runtime_defaults(void **state) {
  (void)state;
  char err[256];
  check(NULL, NULL, "5");
  check("kafka.linger.ms", "50", "50");
  co_conf_t *c = conf_with("kafka.linger.ms", "-3");
  assert_null(co_rt_kafka_conf_defaults(c, defs, err, sizeof(err)));
  assert_non_null(strstr(err, "kafka.linger.ms"));
  co_conf_destroy(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_kafka_user_settings_override_runtime_defaults)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
