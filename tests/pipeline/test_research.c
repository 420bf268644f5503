/* The research stage of the embedded pipeline on the shipped sample inbox:
 *  - pipeline_interviews_get_briefings_and_are_searchable: every company
 *    whose application reached INTERVIEW or OFFER has a briefing with its
 *    interview in the history, and search finds it by name, by role and
 *    under a company filter;
 *  - pipeline_research_degrades_to_offline_and_dlqs_when_tavily_is_down:
 *    with Tavily unreachable each task is retried, then the offline briefing
 *    is stored and the task lands in the DLQ as "degraded";
 *  - pipeline_search_index_after_kill_equals_rebuild: a child indexing the
 *    briefings is SIGKILLed at a random moment; after restart the index
 *    answers exactly as one rebuilt from the store. */
#include <jansson.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "co_th.h"
#include "pl_tu.h"

static co_conf_t *conf_with(const char *dir, const char *const *kv) {
  char err[256];
  co_conf_t *c = co_conf_new();
  if (co_conf_set(c, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf: %s", err);
  for (; kv && *kv; kv += 2)
    if (co_conf_set(c, kv[0], kv[1], CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf %s: %s", kv[0], err);
  if (co_conf_finalize(c, err, sizeof(err))) fail_msg("conf: %s", err);
  return c;
}

static co_pipeline_t *run_sample(const co_conf_t *conf) {
  char err[512];
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  if (co_pipeline_import_mbox(p, pl_sample("inbox.mbox"), NULL, NULL, err, sizeof(err))) fail_msg("import: %s", err);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
  return p;
}

static json_t *briefing(co_pipeline_t *p, const char *company) {
  char err[256], *s = NULL;
  if (co_pipeline_briefing(p, company, &s, err, sizeof(err))) return NULL;
  json_t *j = json_loads(s, 0, NULL);
  free(s);
  return j;
}

static json_t *search(co_pipeline_t *p, const char *fmt, ...) {
  char q[1024], err[256], *out = NULL;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(q, sizeof(q), fmt, ap);
  va_end(ap);
  if (co_pipeline_search(p, q, &out, err, sizeof(err))) fail_msg("search %s: %s", q, err);
  json_t *j = json_loads(out, 0, NULL);
  free(out);
  assert_non_null(j);
  return j;
}

static const char *res_company(json_t *r, size_t i) {
  return json_string_value(json_object_get(json_array_get(json_object_get(r, "results"), i), "company"));
}

static int has_stage(json_t *b, const char *stage) {
  size_t i;
  json_t *e;
  json_array_foreach(json_object_get(b, "history"), i, e) if (!strcmp(json_string_value(json_object_get(e, "stage")),
                                                                     stage)) return 1;
  return 0;
}

/* The pipeline a test is using: its teardown frees it even after a failed
 * assertion, so the index thread never outlives main. */
static co_pipeline_t *live;
static int teardown(void **state) {
  (void)state;
  co_pipeline_destroy(live);
  live = NULL;
  return 0;
}

/* Expected applications (data/sample/expected.json) that had an interview
 * or an offer: each must have a briefing, under the company name the
 * classifier extracted. Calls fn with that name and the application. */
static int foreach_interviewed(co_pipeline_t *p, void (*fn)(co_pipeline_t *, const pl_app_t *, json_t *)) {
  json_t *exp = json_load_file(pl_sample("expected.json"), 0, NULL), *e;
  size_t i;
  int n = 0;
  pl_apps_t apps;
  pl_apps(p, "me", &apps);
  assert_non_null(exp);
  json_array_foreach(json_object_get(exp, "applications"), i, e) {
    const char *fs = json_string_value(json_object_get(e, "final_stage"));
    if (json_integer_value(json_object_get(e, "interview_rounds")) < 1 && strcmp(fs, "OFFER")) continue;
    int k = pl_apps_find(&apps, json_string_value(json_object_get(e, "company")));
    if (k < 0) fail_msg("no application for %s", json_string_value(json_object_get(e, "company")));
    json_t *b = briefing(p, apps.a[k].company);
    if (!b) fail_msg("no briefing for %s (%s)", apps.a[k].company, apps.a[k].stage);
    fn(p, &apps.a[k], b);
    json_decref(b);
    n++;
  }
  json_decref(exp);
  return n;
}

static void check_searchable(co_pipeline_t *p, const pl_app_t *a, json_t *b) {
  assert_string_equal(json_string_value(json_object_get(b, "company")), a->company);
  assert_true(has_stage(b, "INTERVIEW") || has_stage(b, "OFFER"));
  assert_non_null(strstr(json_string_value(json_object_get(b, "text")), a->company));
  /* by name */
  json_t *r = search(p, "{\"q\":\"%s\",\"k\":3}", a->company);
  if (!res_company(r, 0) || strcmp(res_company(r, 0), a->company))
    fail_msg("search for %s ranked %s first", a->company, res_company(r, 0) ? res_company(r, 0) : "nothing");
  json_decref(r);
  /* a company filter admits only that company: its briefing and its mail */
  r = search(p, "{\"q\":\"interview schedule\",\"company\":\"%s\",\"k\":20}", a->company);
  size_t i, briefings = 0, mails = 0;
  json_t *h;
  json_array_foreach(json_object_get(r, "results"), i, h) {
    assert_string_equal(res_company(r, i), a->company);
    briefings += !strcmp(json_string_value(json_object_get(h, "kind")), "briefing");
    mails += !strcmp(json_string_value(json_object_get(h, "kind")), "email");
  }
  assert_int_equal(briefings, 1);
  if (!mails) fail_msg("no email of %s found by \"interview schedule\"", a->company);
  json_decref(r);
  /* by role, vector side only: the company is among the top 5 */
  if (*a->role) {
    r = search(p, "{\"q\":\"%s role at %s\",\"k\":5,\"mode\":\"vector\"}", a->role, a->company);
    int found = 0;
    for (size_t x = 0; x < 5 && res_company(r, x); x++) found |= !strcmp(res_company(r, x), a->company);
    if (!found) fail_msg("vector search for the %s role did not find %s", a->role, a->company);
    json_decref(r);
  }
}

static void pipeline_interviews_get_briefings_and_are_searchable(void **state) {
  (void)state;
  char err[512], *dir = co_th_tmpdir("pl-research");
  co_conf_t *conf = conf_with(dir, NULL);
  co_pipeline_t *p = live = run_sample(conf);
  if (co_pipeline_index_sync(p, err, sizeof(err))) fail_msg("index: %s", err);
  int interviewed = foreach_interviewed(p, check_searchable);
  printf("applications with an interview or offer: %d; each has a briefing found by name, filter and role\n",
         interviewed);
  assert_true(interviewed >= 5);
  /* bad queries are refused with the field named */
  char *out = NULL;
  assert_int_equal(co_pipeline_search(p, "{\"k\":3}", &out, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_non_null(strstr(err, "\"q\""));
  assert_int_equal(co_pipeline_search(p, "{\"q\":\"x\",\"k\":1000}", &out, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_non_null(strstr(err, "\"k\""));
  teardown(NULL);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

static void check_offline(co_pipeline_t *p, const pl_app_t *a, json_t *b) {
  (void)p, (void)a;
  assert_string_equal(json_string_value(json_object_get(b, "source")), "offline");
  assert_non_null(json_string_value(json_object_get(b, "research_error")));
  char *text = json_dumps(b, 0);
  assert_null(strstr(text, "tvly-test-key-123"));
  free(text);
}

static void pipeline_research_degrades_to_offline_and_dlqs_when_tavily_is_down(void **state) {
  (void)state;
  char err[512], *dir = co_th_tmpdir("pl-research-down"), url[64];
  snprintf(url, sizeof(url), "http://127.0.0.1:%d", co_th_free_port());
  const char *kv[] = {"tavily.api.key", "tvly-test-key-123", "tavily.url", url, "retry.backoff.ms", "1",
                      "research.timeout.ms", "2000", NULL};
  co_conf_t *conf = conf_with(dir, kv);
  co_pipeline_t *p = live = run_sample(conf);
  co_pipeline_counts_t c;
  if (co_pipeline_counts(p, &c, err, sizeof(err))) fail_msg("counts: %s", err);
  printf("research tasks %lld, DLQ records %lld\n", (long long)c.research, (long long)c.dlq);
  assert_true(c.research > 0);
  /* the sample's malformed messages are in the DLQ too */
  json_t *exp = json_load_file(pl_sample("expected.json"), 0, NULL);
  assert_int_equal(c.dlq, c.research + json_integer_value(json_object_get(exp, "malformed")));
  json_decref(exp);
  int checked = foreach_interviewed(p, check_offline);
  assert_true(checked >= 5);
  teardown(NULL);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

static const char *const queries[] = {
    "{\"q\":\"data engineer offer\",\"k\":5}", "{\"q\":\"onsite interview loop\",\"k\":5}",
    "{\"q\":\"backend platform team\",\"k\":5,\"mode\":\"vector\"}", "{\"q\":\"recruiter phone screen\",\"k\":5}",
    NULL};

/* One line per query: the ranked companies. */
static char *answers(co_pipeline_t *p) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  for (int i = 0; queries[i]; i++) {
    json_t *r = search(p, "%s", queries[i]);
    for (size_t j = 0; res_company(r, j); j++) fprintf(f, "%s;", res_company(r, j));
    fputc('\n', f);
    json_decref(r);
  }
  fclose(f);
  return buf;
}

static void pipeline_search_index_after_kill_equals_rebuild(void **state) {
  (void)state;
  char err[512], *dir = co_th_tmpdir("pl-index-kill"), cmd[1200];
  co_conf_t *conf = conf_with(dir, NULL);
  srand((unsigned)time(NULL));
  pid_t pid = fork();
  if (pid == 0) { /* the indexing process */
    co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
    if (!p || co_pipeline_import_mbox(p, pl_sample("inbox.mbox"), NULL, NULL, err, sizeof(err)) ||
        co_pipeline_run_until_idle(p, err, sizeof(err)))
      _exit(3);
    for (;;) co_pipeline_index_sync(p, err, sizeof(err));
  }
  /* kill somewhere between the first saved index and well after */
  snprintf(cmd, sizeof(cmd), "%s/search", dir);
  CO_TH_WAIT_UNTIL(access(cmd, F_OK) == 0, 60000);
  usleep((useconds_t)(rand() % 3000) * 1000);
  kill(pid, SIGKILL);
  int st;
  waitpid(pid, &st, 0);
  assert_true(WIFSIGNALED(st));

  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p || co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("restart: %s", err);
  if (co_pipeline_index_sync(p, err, sizeof(err))) fail_msg("index: %s", err);
  char *after_kill = answers(p);
  co_pipeline_destroy(p);
  snprintf(cmd, sizeof(cmd), "rm -rf '%s/search'", dir);
  assert_int_equal(system(cmd), 0);
  p = co_pipeline_new(conf, err, sizeof(err));
  if (!p || co_pipeline_index_sync(p, err, sizeof(err))) fail_msg("rebuild: %s", err);
  char *rebuilt = answers(p);
  printf("after kill:\n%srebuilt:\n%s", after_kill, rebuilt);
  assert_true(strlen(rebuilt) > strlen(queries[0]) / 4); /* some answers at all */
  assert_string_equal(after_kill, rebuilt);
  free(after_kill);
  free(rebuilt);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

/* Runs one test: argv[1], else the one the executable is named after
 * (CTest registers each test under its own name). */
int main(int argc, char **argv) {
  const char *self = strrchr(argv[0], '/');
  cmocka_set_test_filter(argc > 1 ? argv[1] : self ? self + 1 : argv[0]);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_teardown(pipeline_interviews_get_briefings_and_are_searchable, teardown),
      cmocka_unit_test_teardown(pipeline_research_degrades_to_offline_and_dlqs_when_tavily_is_down, teardown),
      cmocka_unit_test_teardown(pipeline_search_index_after_kill_equals_rebuild, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
