/* e2e_embedded_sample_inbox_to_dashboard_and_webhook: the product as a
 * person runs it. The real binary, `careerops run` (not --once) on a fresh
 * state dir with the shipped sample inbox, its API on a free loopback port
 * and the generic webhook pointing at a fake receiver (tests/notify's
 * fake_hook, which checks the HMAC signature). Everything is read back
 * through the HTTP API only:
 *  - applications per company and final stage equal data/sample/expected.json
 *    (the tolerance of pipeline_sample_inbox_yields_expected_applications:
 *    stages and the set of applications exact, email counts at most one short
 *    per company, because the offline classifier labels a short scheduling
 *    reply OTHER in a few threads);
 *  - every company with an interview or offer has a briefing, and a search
 *    for its name finds it;
 *  - the webhook received each interview/offer notification exactly once per
 *    Idempotency-Key, correctly signed, as many distinct keys as the run
 *    reports notifications (its summary line), and that number within the
 *    label slack of the ground truth's INTERVIEW+OFFER count;
 * then SIGTERM and the same command again on the same state dir: nothing is
 * sent again and the API shows the same applications. */
#include <jansson.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "co_th.h"
#include "e2e_tu.h"
#include "fake_hook.h"

#define SECRET "e2e-hook-secret"

/* distinct Idempotency-Keys on /hook; *maxper: most requests with one key;
 * *badsig: requests whose signature did not verify */
static int hook_keys(fh_t *fh, int *maxper, int *badsig) {
  int n = fh_count(fh, "hook"), distinct = 0;
  *maxper = 0;
  *badsig = 0;
  for (int i = 0; i < n; i++) {
    fh_req_t q;
    if (fh_get(fh, "hook", i, &q)) continue;
    *badsig += !q.has_sig || !q.sig_ok;
    int seen = 0;
    for (int j = 0; j < i && !seen; j++) {
      fh_req_t o;
      if (!fh_get(fh, "hook", j, &o)) {
        seen = !strcmp(o.idem, q.idem);
        free(o.body);
      }
    }
    distinct += !seen;
    int c = fh_count_key(fh, "hook", q.idem);
    if (c > *maxper) *maxper = c;
    free(q.body);
  }
  return distinct;
}

/* the number after "notifications: " in the run's summary (stdout) */
static long summary_notifications(const char *log) {
  char *s = co_th_read_file(log, NULL);
  const char *p = s ? strstr(s, "notifications: ") : NULL;
  long n = p ? strtol(p + 15, NULL, 10) : -1;
  free(s);
  return n;
}

static const json_t *find_app(const json_t *apps, const char *company) {
  size_t i;
  const json_t *a;
  json_array_foreach(apps, i, a) if (!strcasecmp(json_string_value(json_object_get(a, "company")), company)) return a;
  return NULL;
}

/* 1 when GET path answers 200 with a result of company */
static int search_finds(const char *base, const char *path, const char *company) {
  e2e_resp_t r;
  size_t j;
  json_t *hit;
  int found = 0;
  if (e2e_get(base, path, NULL, &r) == 200) json_array_foreach(json_object_get(r.json, "results"), j, hit) {
      const char *hc = json_string_value(json_object_get(hit, "company"));
      found |= hc && !strcasecmp(hc, company);
    }
  e2e_resp_free(&r);
  return found;
}

/* company, role, stage, emails of each application, sorted: what must survive a restart */
static char *apps_digest(const json_t *apps) {
  size_t i;
  const json_t *a;
  json_t *l = json_array();
  json_array_foreach(apps, i, a) {
    json_t *o = json_pack("{s:O,s:O,s:O,s:O,s:O}", "company", json_object_get(a, "company"), "role",
                          json_object_get(a, "role"), "stage", json_object_get(a, "stage"), "emails",
                          json_object_get(a, "emails"), "stages", json_object_get(a, "stages"));
    json_array_append_new(l, o);
  }
  char *s = json_dumps(l, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref(l);
  return s;
}

static void test_embedded(void **state) {
  (void)state;
  json_error_t je;
  json_t *exp = json_load_file(e2e_sample("expected.json"), 0, &je);
  if (!exp) fail_msg("expected.json: %s", je.text);
  const char *account = json_string_value(json_object_get(exp, "account"));
  fh_t *fh = fh_start(SECRET);
  char *dir = co_th_tmpdir("e2e-embedded"), cmd[8192], base[64], log1[4200], log2[4200];
  int port = co_th_free_port();
  snprintf(base, sizeof(base), "http://127.0.0.1:%d", port);
  snprintf(log1, sizeof(log1), "%s/run1.log", dir);
  snprintf(log2, sizeof(log2), "%s/run2.log", dir);
  snprintf(cmd, sizeof(cmd),
           "'%s' run --sample '%s' -X state.dir='%s/state' -X api.listen=127.0.0.1:%d -X webhook.url=%s/hook "
           "-X webhook.secret=" SECRET " -X log.level=warn",
           e2e_bin(), e2e_sample("inbox.mbox"), dir, port, fh_base(fh));

  int64_t t0 = co_th_now_ms();
  pid_t pid = e2e_spawn(cmd, log1);
  if (!e2e_wait_ready(log1, base, 300000)) {
    char *l = co_th_read_file(log1, NULL);
    fail_msg("run never printed its URL / got ready; log:\n%s", l ? l : "");
  }
  int64_t t_ready = co_th_now_ms();
  printf("first start: ready after %lld ms\n", (long long)(t_ready - t0));

  /* applications, through the API */
  json_t *apps = e2e_apps(base, account);
  assert_non_null(apps);
  json_t *ea = json_object_get(exp, "applications"), *e;
  size_t i;
  int bad = 0;
  json_array_foreach(ea, i, e) {
    const char *company = json_string_value(json_object_get(e, "company"));
    const char *want = json_string_value(json_object_get(e, "final_stage"));
    long emails = (long)json_integer_value(json_object_get(e, "emails"));
    const json_t *a = find_app(apps, company);
    const char *got = a ? json_string_value(json_object_get(a, "stage")) : "(none)";
    long ge = a ? (long)json_integer_value(json_object_get(a, "emails")) : 0;
    int ok = a && !strcmp(got, want) && (ge == emails || ge == emails - 1);
    printf("%-22s %-10s %-10s %ld/%ld %s\n", company, want, got, emails, ge, ok ? "ok" : "MISMATCH");
    bad += !ok;
  }
  json_t *a;
  json_array_foreach(apps, i, a) {
    if (!find_app(ea, json_string_value(json_object_get(a, "company")))) {
      printf("unexpected application: %s\n", json_string_value(json_object_get(a, "company")));
      bad++;
    }
  }
  assert_int_equal(json_array_size(apps), json_array_size(ea));
  assert_int_equal(bad, 0);

  /* briefings and search for every company with an interview or offer */
  int researched = 0;
  json_array_foreach(ea, i, e) {
    const char *company = json_string_value(json_object_get(e, "company"));
    const char *fin = json_string_value(json_object_get(e, "final_stage"));
    if (!json_integer_value(json_object_get(e, "interview_rounds")) && strcmp(fin, "OFFER")) continue;
    char comp[512], path[1024];
    e2e_resp_t r;
    e2e_escape(company, comp, sizeof(comp));
    snprintf(path, sizeof(path), "/api/companies/%s/briefing", comp);
    if (e2e_get(base, path, NULL, &r) != 200) fail_msg("GET %s: %ld %s", path, r.status, r.body);
    assert_true(!strcasecmp(json_string_value(json_object_get(r.json, "company")), company));
    const char *summary = json_string_value(json_object_get(r.json, "summary"));
    const char *text = json_string_value(json_object_get(r.json, "text"));
    if (!(summary && *summary) && !(text && *text)) fail_msg("empty briefing for %s: %s", company, r.body);
    char src[32];
    snprintf(src, sizeof(src), "%s", json_string_value(json_object_get(r.json, "source")) ?: "?");
    e2e_resp_free(&r);
    /* the search index follows the briefings store in its own thread
     * (pipeline/topology/co_pipeline_index.c): searchable soon after, not at once */
    snprintf(path, sizeof(path), "/api/search?q=%s&k=10", comp);
    if (!CO_TH_WAIT_UNTIL(search_finds(base, path, company), 180000)) {
      e2e_get(base, path, NULL, &r);
      fail_msg("search for %s finds no result of that company within 180 s: %s", company, r.body);
    }
    printf("%-22s briefing (%s) and search ok after %lld ms\n", company, src, (long long)(co_th_now_ms() - t_ready));
    researched++;
  }
  printf("companies with an interview or offer: %d, each with a briefing and found by search\n", researched);
  assert_true(researched > 0);

  /* notifications: each event once, signed, as many as the run reports, close to the ground truth */
  long told = summary_notifications(log1);
  long want_truth = (long)json_integer_value(json_object_get(json_object_get(exp, "labels"), "INTERVIEW")) +
                    (long)json_integer_value(json_object_get(json_object_get(exp, "labels"), "OFFER"));
  int maxper = 0, badsig = 0;
  if (!CO_TH_WAIT_UNTIL(hook_keys(fh, &maxper, &badsig) >= told, 60000))
    fail_msg("webhook got %d distinct keys, the run reported %ld notifications", hook_keys(fh, &maxper, &badsig), told);
  int distinct = hook_keys(fh, &maxper, &badsig), requests = fh_count(fh, "hook");
  printf(
      "webhook: %d requests, %d distinct Idempotency-Keys (most per key %d, bad signatures %d); run reported "
      "%ld notifications; ground truth %ld INTERVIEW+OFFER labels\n",
      requests, distinct, maxper, badsig, told, want_truth);
  assert_int_equal(distinct, told);
  assert_int_equal(requests, distinct);
  assert_int_equal(maxper, 1);
  assert_int_equal(badsig, 0);
  assert_true(labs(want_truth - distinct) <= 3); /* the label slack of test_sample.c */
  char *before = apps_digest(apps);
  json_decref(apps);

  /* SIGTERM, then the same command on the same state dir */
  co_th_kill(pid, SIGTERM, 60000);
  t0 = co_th_now_ms();
  pid = e2e_spawn(cmd, log2);
  if (!e2e_wait_ready(log2, base, 300000)) {
    char *l = co_th_read_file(log2, NULL);
    fail_msg("restart never got ready; log:\n%s", l ? l : "");
  }
  printf("restart: ready after %lld ms\n", (long long)(co_th_now_ms() - t0));
  apps = e2e_apps(base, account);
  assert_non_null(apps);
  char *after = apps_digest(apps);
  assert_string_equal(after, before);
  assert_int_equal(summary_notifications(log2), told);
  /* the restart had worked until idle before it printed its URL: anything it
   * would re-send has been sent by now */
  printf("after restart: webhook %d requests\n", fh_count(fh, "hook"));
  assert_int_equal(fh_count(fh, "hook"), requests);
  co_th_kill(pid, SIGTERM, 60000);
  e2e_log_clean(log1);
  e2e_log_clean(log2);

  free(before);
  free(after);
  json_decref(apps);
  json_decref(exp);
  fh_stop(fh);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_embedded)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
