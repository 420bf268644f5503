/* Proves the `careerops` CLI contract: config --help lists every setting,
 * bad values and flags exit 2 with one line naming the setting, secrets
 * never appear in any output, and docs/CONFIGURATION.md is current. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_conf.h"
#include "co_th.h"

static char bin[1024];

/* Runs careerops with a shell-quoted argument string; captures stdout+stderr. */
static int run(const char *env, const char *args, char **out) {
  char *cmd;
  if (asprintf(&cmd, "env %s '%s' %s 2>&1", env ? env : "", bin, args) < 0) return -1;
  int rc = co_th_sh(cmd, out);
  free(cmd);
  return rc;
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++) n += *s == '\n';
  return n;
}

static void cli_config_help_lists_every_setting(void **state) {
  (void)state;
  char *out;
  assert_int_equal(run(NULL, "config --help", &out), 0);
  int cnt;
  const co_conf_prop_t *p = co_conf_props(&cnt);
  assert_true(cnt > 20);
  for (int i = 0; i < cnt; i++) {
    char needle[128];
    snprintf(needle, sizeof(needle), "\n%s ", p[i].name);
    if (!strstr(out, needle)) fail_msg("setting %s missing from config --help", p[i].name);
  }
  free(out);
}

static void expect_usage_error(const char *env, const char *args, const char *needle) {
  char *out;
  int rc = run(env, args, &out);
  if (rc != 2 || !strstr(out, needle) || count_lines(out) != 1)
    fail_msg("`%s %s`: rc=%d output=%s (wanted exit 2 and one line naming %s)", env ? env : "", args, rc, out, needle);
  free(out);
}

static void cli_bad_value_exits_2_naming_setting(void **state) {
  (void)state;
  expect_usage_error(NULL, "run -X commit.interval.ms=abc", "'commit.interval.ms'");
  expect_usage_error(NULL, "config --show -X processing.guarantee=sometimes", "'processing.guarantee'");
  expect_usage_error("CAREEROPS_TOPIC_PARTITIONS=0", "run", "'topic.partitions'");
  expect_usage_error(NULL, "run -X no.such.setting=1", "'no.such.setting'");
  expect_usage_error(NULL, "run --no-such-flag", "--no-such-flag");
  expect_usage_error(NULL, "no-such-command", "no-such-command");
  expect_usage_error(NULL, "run -X missing_equals", "missing_equals");

  char *dir = co_th_tmpdir("cli"), path[512], args[600];
  snprintf(path, sizeof(path), "%s/bad.yaml", dir);
  const char *yaml = "log:\n  level: loud\n";
  co_th_write_file(path, yaml, strlen(yaml));
  snprintf(args, sizeof(args), "config --show -c '%s'", path);
  expect_usage_error(NULL, args, "'log.level'");
  co_th_rm_rf(dir);
  free(dir);
}

static void cli_every_subcommand_has_help(void **state) {
  (void)state;
  const char *cmds[] = {"run", "config", "version", "dlq", "import", "train", "eval", "topics"};
  for (size_t i = 0; i < sizeof(cmds) / sizeof(*cmds); i++) {
    char *out, args[64];
    snprintf(args, sizeof(args), "%s --help", cmds[i]);
    assert_int_equal(run(NULL, args, &out), 0);
    assert_non_null(strstr(out, "Usage: careerops"));
    free(out);
  }
}

/* Each secret setting gets a distinctive value through env, -X or a file;
 * no command's output (including debug logs) may contain any of them. */
static void cli_secret_values_never_printed(void **state) {
  (void)state;
  int cnt;
  const co_conf_prop_t *p = co_conf_props(&cnt);
  char env[4096] = "", xs[4096] = "", yaml[4096] = "";
  char *dir = co_th_tmpdir("cli"), path[512];
  int n = 0;
  for (int i = 0; i < cnt; i++) {
    if (!(p[i].flags & CO_CONF_F_SECRET)) continue;
    char val[64], en[128];
    snprintf(val, sizeof(val), "S3CRET-%d-zq", i);
    if (n % 3 == 0) {
      size_t j = 0;
      for (; p[i].name[j]; j++) en[j] = p[i].name[j] == '.' ? '_' : (char)(p[i].name[j] & ~0x20);
      en[j] = 0;
      snprintf(env + strlen(env), sizeof(env) - strlen(env), "CAREEROPS_%s=%s ", en, val);
    } else if (n % 3 == 1) {
      snprintf(xs + strlen(xs), sizeof(xs) - strlen(xs), "-X %s=%s ", p[i].name, val);
    } else {
      snprintf(yaml + strlen(yaml), sizeof(yaml) - strlen(yaml), "%s: %s\n", p[i].name, val);
    }
    n++;
  }
  assert_true(n >= 5);
  strcat(yaml, "kafka.sasl.password: S3CRET-kafka-zq\nimap.url: imap://127.0.0.1:1/INBOX\n"
               "whatsapp.phone.id: '1'\nwhatsapp.to: '2'\nlog.level: debug\n");
  snprintf(path, sizeof(path), "%s/secrets.yaml", dir);
  co_th_write_file(path, yaml, strlen(yaml));
  char runcmd[700];
  snprintf(runcmd, sizeof(runcmd), "run --once --sample '' -X state.dir='%s/state'", dir);
  const char *cmds[] = {"config --show", "config --help", "config --markdown", runcmd, "version"};
  for (size_t c = 0; c < sizeof(cmds) / sizeof(*cmds); c++) {
    char args[8192], *out;
    snprintf(args, sizeof(args), "%s -c '%s' %s", cmds[c], path, xs);
    if (!strcmp(cmds[c], "version")) snprintf(args, sizeof(args), "version");
    run(env, args, &out);
    if (strstr(out, "S3CRET")) fail_msg("`%s` printed a secret:\n%s", cmds[c], out);
    free(out);
  }
  /* --show must still prove the secrets were read. */
  char args[8192], *out;
  snprintf(args, sizeof(args), "config --show -c '%s' %s", path, xs);
  assert_int_equal(run(env, args, &out), 0);
  assert_non_null(strstr(out, "[redacted]  # env"));
  assert_non_null(strstr(out, "[redacted]  # cli"));
  assert_non_null(strstr(out, "[redacted]  # file"));
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

static void docs_configuration_md_is_current(void **state) {
  (void)state;
  char *out, path[1024];
  assert_int_equal(run(NULL, "config --markdown", &out), 0);
  snprintf(path, sizeof(path), "%s/docs/CONFIGURATION.md", getenv("CO_SOURCE_DIR"));
  char *doc = co_th_read_file(path, NULL);
  assert_non_null(doc);
  if (strcmp(doc, out)) fail_msg("docs/CONFIGURATION.md is stale: run `careerops config --markdown > docs/CONFIGURATION.md`");
  free(doc);
  free(out);
}

int main(void) {
  snprintf(bin, sizeof(bin), "%s/cli/careerops", getenv("CO_BINARY_DIR"));
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(cli_config_help_lists_every_setting), cmocka_unit_test(cli_bad_value_exits_2_naming_setting),
      cmocka_unit_test(cli_every_subcommand_has_help),       cmocka_unit_test(cli_secret_values_never_printed),
      cmocka_unit_test(docs_configuration_md_is_current),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
