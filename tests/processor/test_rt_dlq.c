/* Proves the dead-letter queue in both modes: a poison record lands in the
 * DLQ with its source, cause, attempts and first-seen time; the records
 * after it are processed; `careerops dlq dismiss` sets it aside (hidden
 * from list but with --all, left by a bulk replay); a replay naming its id
 * re-injects it once, and after the fix it is processed exactly once,
 * however often replay runs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_th.h"
#include "rt_check.h"
#include "rt_kafka.h"

static char app[1024], cli[1024];

static int count_substr(const char *s, const char *needle) {
  int n = 0;
  for (const char *p = s; (p = strstr(p, needle)); p++) n++;
  return n;
}

/* Checks the one DLQ record listed in `out`. */
static void check_listed(const char *out, const char *topic, int replayed) {
  json_error_t je;
  json_t *o = json_loads(out, JSON_DISABLE_EOF_CHECK, &je);
  if (!o) fail_msg("dlq list printed no JSON: %s", out);
  assert_int_equal(count_substr(out, "\n"), 1);
  assert_string_equal(json_string_value(json_object_get(o, "key")), "k5");
  assert_string_equal(json_string_value(json_object_get(o, "value")), "POISON7777");
  assert_string_equal(json_string_value(json_object_get(o, "source_topic")), topic);
  assert_true(json_integer_value(json_object_get(o, "source_offset")) >= 0);
  assert_true(json_integer_value(json_object_get(o, "source_partition")) >= 0);
  assert_string_equal(json_string_value(json_object_get(o, "processor")), "count");
  assert_string_equal(json_string_value(json_object_get(o, "error_class")), "poison");
  assert_non_null(strstr(json_string_value(json_object_get(o, "error_message")), "poison record POISON7777"));
  assert_int_equal(json_integer_value(json_object_get(o, "attempts")), 1);
  assert_true(json_integer_value(json_object_get(o, "first_seen_ms")) > 1600000000000LL);
  { /* the ISO form names the same millisecond */
    long long ms = json_integer_value(json_object_get(o, "first_seen_ms"));
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    char want[40];
    gmtime_r(&secs, &tm);
    strftime(want, sizeof(want), "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(want + strlen(want), sizeof(want) - strlen(want), ".%03lldZ", ms % 1000);
    assert_string_equal(json_string_value(json_object_get(o, "first_seen")), want);
  }
  assert_int_equal(json_is_true(json_object_get(o, "replayed")), replayed);
  json_decref(o);
}

static char *sh(const char *fmt, ...) {
  char cmd[4096], *out = NULL;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(cmd, sizeof(cmd), fmt, ap);
  va_end(ap);
  int rc = co_th_sh(cmd, &out);
  if (rc) fail_msg("`%s` exited %d: %s", cmd, rc, out);
  return out;
}

/* The one dead letter is dismissed: `dlq list` hides it, `--all` shows it
 * dismissed, a bulk replay leaves it; a replay naming its id replays it.
 * x: the common options. */
static void dismiss_then_replay_by_id(const char *x) {
  char *out = NULL, cmd[2600], id[64];
  snprintf(cmd, sizeof(cmd), "'%s' dlq dismiss %s 2>&1", cli, x);
  assert_int_equal(co_th_sh(cmd, &out), 2); /* a filter is required */
  assert_non_null(strstr(out, "dismiss needs --filter"));
  free(out);
  out = sh("'%s' dlq dismiss --filter class=poison %s 2>/dev/null", cli, x);
  assert_string_equal(out, "1\n");
  free(out);
  out = sh("'%s' dlq dismiss --filter class=poison %s 2>/dev/null", cli, x); /* once */
  assert_string_equal(out, "0\n");
  free(out);
  out = sh("'%s' dlq list %s", cli, x);
  assert_string_equal(out, "");
  free(out);
  out = sh("'%s' dlq list --all %s", cli, x);
  json_t *o = json_loads(out, JSON_DISABLE_EOF_CHECK, NULL);
  if (!o || !json_is_true(json_object_get(o, "dismissed")) || json_is_true(json_object_get(o, "replayed")))
    fail_msg("dlq list --all does not show the letter dismissed: %s", out);
  snprintf(id, sizeof(id), "%s", json_string_value(json_object_get(o, "id")));
  json_decref(o);
  free(out);
  out = sh("'%s' dlq replay %s 2>/dev/null", cli, x);
  assert_string_equal(out, "0\n");
  free(out);
  out = sh("'%s' dlq replay --filter id=%s %s 2>/dev/null", cli, id, x);
  assert_string_equal(out, "1\n");
  free(out);
}

static void rt_dlq_embedded_poison_then_replay(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("rt-dlq"), x[1200];
  snprintf(x, sizeof(x), "-X state.dir='%s/s' -X log.level=error", dir);
  free(sh("'%s' generate 100 %s", app, x));
  free(sh("'%s' append k5 POISON7777 %s", app, x));
  free(sh("'%s' generate 200 %s", app, x));
  char *out = sh("'%s' dump-output %s", app, x), why[256];
  if (rt_check_output(out, 200, why, sizeof(why))) fail_msg("records around the poison: %s", why);
  free(out);
  out = sh("'%s' dlq list %s", cli, x);
  check_listed(out, "careerops-input", 0);
  free(out);
  dismiss_then_replay_by_id(x);
  free(sh("CO_TESTAPP_ACCEPT_POISON=1 '%s' process %s", app, x));
  out = sh("'%s' dlq replay %s 2>/dev/null", cli, x); /* nothing left to replay */
  assert_string_equal(out, "0\n");
  free(out);
  free(sh("CO_TESTAPP_ACCEPT_POISON=1 '%s' process %s", app, x));
  out = sh("'%s' dump-output %s", app, x);
  assert_int_equal(count_substr(out, " POISON7777:"), 1);
  free(out);
  out = sh("'%s' dlq list %s", cli, x);
  check_listed(out, "careerops-input", 1);
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

static void rt_dlq_kafka_poison_then_replay(void **state) {
  (void)state;
  rt_env_t e;
  rt_env_init(&e, "dlq");
  rt_produce(&e, 0, 100);
  rt_produce_one(&e, "k5", "POISON7777");
  rt_produce(&e, 100, 200);
  rt_start(&e, 0, NULL);
  long cnt;
  char *out = rt_collect(&e, e.output, 180, 120000, &cnt), why[256], x[2048];
  if (rt_check_output(out, 200, why, sizeof(why))) fail_msg("records around the poison: %s", why);
  free(out);
  snprintf(x, sizeof(x), "--brokers %s -X app.id=%s -X topic.dlq=%s -X log.level=error", co_th_kafka_bootstrap(e.k),
           e.app, e.dlq);
  assert_true(CO_TH_WAIT_UNTIL((out = sh("'%s' dlq list %s", cli, x), *out ? 1 : (free(out), 0)), 60000));
  check_listed(out, e.input, 0);
  free(out);
  rt_kill(&e, 0, SIGTERM);
  dismiss_then_replay_by_id(x);
  out = sh("'%s' dlq replay %s 2>/dev/null", cli, x);
  assert_string_equal(out, "0\n");
  free(out);
  char *env[] = {"CO_TESTAPP_ACCEPT_POISON=1", NULL};
  rt_start(&e, 0, env);
  out = rt_collect(&e, e.output, 181, 120000, &cnt);
  assert_int_equal(cnt, 181);
  assert_int_equal(count_substr(out, " POISON7777:"), 1);
  free(out);
  out = sh("'%s' dlq list %s", cli, x);
  check_listed(out, e.input, 1);
  free(out);
  rt_kill(&e, 0, SIGTERM);
  rt_env_fini(&e);
}

int main(int argc, char **argv) {
  snprintf(app, sizeof(app), "%s/tests/processor/co_rt_testapp", getenv("CO_BINARY_DIR"));
  snprintf(cli, sizeof(cli), "%s/cli/careerops", getenv("CO_BINARY_DIR"));
  const struct CMUnitTest emb[] = {cmocka_unit_test(rt_dlq_embedded_poison_then_replay)};
  const struct CMUnitTest kafka[] = {cmocka_unit_test(rt_dlq_kafka_poison_then_replay)};
  if (argc > 1 && !strcmp(argv[1], "kafka")) return cmocka_run_group_tests(kafka, NULL, NULL);
  return cmocka_run_group_tests(emb, NULL, NULL);
}
