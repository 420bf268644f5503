/* The LLM chain inside the embedded pipeline, against the scripted fake
 * OpenAI-compatible server of tests/llm:
 * - pipeline_llm_answers_mark_events_openai: every event carries the LLM's
 *   label and company and classifier "openai"; the application follows.
 * - pipeline_llm_500_falls_back_offline_nothing_lost: the server answers 500;
 *   every message still becomes a classified event ("offline-fallback", the
 *   cause in classifier_error, the offline labels), none reaches the DLQ, and
 *   once the breaker opens the pipeline stops calling the server. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "fakellm.h"
#include "pl_tu.h"

/* Four different messages: confirmation, interview, rejection, newsletter. */
static const char mbox[] =
    PL_MBOX_THREE_APPS
    "\n"
    "From news@weekly.example Thu Mar 13 14:00:00 2025\n"
    "From: Weekly Digest <news@weekly.example>\n"
    "Subject: This week in gardening\n"
    "Date: Thu, 13 Mar 2025 10:00:00 -0500\n"
    "Message-ID: <news-1@weekly.example>\n"
    "\n"
    "Tomatoes, peppers and a recipe for summer salad.\n";
#define N_MSGS 4

static co_conf_t *llm_conf(const char *dir, fl_t *fl, const char *breaker_failures) {
  char err[256], url[128];
  co_conf_t *c = co_conf_new();
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/oa/v1", fl_port(fl));
  const char *kv[][2] = {{"state.dir", dir},       {"llm.providers", "openai"},
                         {"llm.openai.url", url},  {"llm.openai.keys", "sk-test-pipeline-1"},
                         {"llm.rate.per.s", "1000"}, {"llm.breaker.failures", breaker_failures},
                         {"log.level", "error"}};
  for (size_t i = 0; i < sizeof(kv) / sizeof(kv[0]); i++)
    if (co_conf_set(c, kv[i][0], kv[i][1], CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("%s: %s", kv[i][0], err);
  if (co_conf_finalize(c, err, sizeof(err))) fail_msg("conf: %s", err);
  return c;
}

typedef struct seen_s {
  int n, by_classifier[3]; /* openai, offline-fallback, other */
  int with_error, offer_globex;
  char labels[8][16];
} seen_t;

static int ev_cb(const co_record_t *rec, void *opaque) {
  seen_t *s = opaque;
  json_t *ev = json_loadb(rec->value, rec->value_len, 0, NULL);
  const char *cls = json_string_value(json_object_get(ev, "classifier"));
  const char *label = json_string_value(json_object_get(ev, "label"));
  const char *company = json_string_value(json_object_get(ev, "company"));
  const char *cerr = json_string_value(json_object_get(ev, "classifier_error"));
  s->by_classifier[cls && !strcmp(cls, "openai") ? 0 : cls && !strcmp(cls, "offline-fallback") ? 1 : 2]++;
  s->with_error += cerr && strstr(cerr, "HTTP 500") != NULL;
  s->offer_globex += label && company && !strcmp(label, "OFFER") && !strcmp(company, "Globex");
  if (s->n < 8) snprintf(s->labels[s->n], sizeof(s->labels[0]), "%s", label ? label : "?");
  s->n++;
  json_decref(ev);
  return 0;
}

static void read_classified(co_pipeline_t *p, seen_t *s) {
  memset(s, 0, sizeof(*s));
  co_rt_t *rt = co_pipeline_rt(p);
  for (int32_t part = 0; part < co_rt_partitions(rt); part++) co_rt_read(rt, "classified_events", part, 0, ev_cb, s);
}

static co_pipeline_t *start(const char *dir, co_conf_t *conf) {
  char err[512], path[4096];
  snprintf(path, sizeof(path), "%s/inbox.mbox", dir);
  assert_int_equal(co_th_write_file(path, mbox, sizeof(mbox) - 1), 0);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  co_pipeline_import_stats_t st;
  if (co_pipeline_import_mbox(p, path, "sam", &st, err, sizeof(err))) fail_msg("import: %s", err);
  assert_int_equal(st.appended, N_MSGS);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
  return p;
}

__attribute__((unused)) static void pipeline_llm_answers_mark_events_openai(void **state) {
  (void)state;
  fl_t *fl = fl_start();
  for (int i = 0; i < N_MSGS; i++) fl_reply(fl, "oa", FL_GOOD_OFFER);
  char *dir = co_th_tmpdir("pl-llm-ok");
  co_conf_t *conf = llm_conf(dir, fl, "5");
  co_pipeline_t *p = start(dir, conf);

  seen_t s;
  read_classified(p, &s);
  assert_int_equal(s.n, N_MSGS);
  assert_int_equal(s.by_classifier[0], N_MSGS);
  assert_int_equal(s.offer_globex, N_MSGS);
  assert_int_equal(fl_count(fl, "oa"), N_MSGS);
  fl_req_t q;
  assert_int_equal(fl_get(fl, "oa", 0, &q), 0);
  assert_string_equal(q.key, "sk-test-pipeline-1");
  assert_non_null(strstr(q.body, "Thank you for applying to Fjordline"));
  free(q.body);

  pl_apps_t apps;
  pl_apps(p, "sam", &apps);
  int g = pl_apps_find(&apps, "Globex");
  assert_true(g >= 0);
  assert_string_equal(apps.a[g].stage, "OFFER");
  co_pipeline_counts_t c;
  char err[256];
  assert_int_equal(co_pipeline_counts(p, &c, err, sizeof(err)), CO_OK);
  assert_int_equal(c.dlq, 0);

  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
  fl_stop(fl);
}

__attribute__((unused)) static void pipeline_llm_500_falls_back_offline_nothing_lost(void **state) {
  (void)state;
  fl_t *fl = fl_start();
  for (int i = 0; i < 2 * N_MSGS; i++) fl_script(fl, "oa", 500, "{\"error\":\"overloaded\"}", 0);
  char *dir = co_th_tmpdir("pl-llm-500");
  co_conf_t *conf = llm_conf(dir, fl, "2"); /* breaker opens after two failures */
  co_pipeline_t *p = start(dir, conf);

  seen_t s;
  read_classified(p, &s);
  assert_int_equal(s.n, N_MSGS);                 /* nothing lost */
  assert_int_equal(s.by_classifier[1], N_MSGS); /* every one answered offline */
  assert_int_equal(s.with_error, 2);            /* the two that reached the server say why */
  assert_int_equal(fl_count(fl, "oa"), 2);      /* then the open breaker skips the provider */
  /* the offline labels, in log order (one partition holds the account) */
  assert_string_equal(s.labels[0], "APPLIED");
  assert_string_equal(s.labels[1], "INTERVIEW");
  assert_string_equal(s.labels[2], "REJECTION");
  assert_string_equal(s.labels[3], "OTHER");
  co_pipeline_counts_t c;
  char err[256];
  assert_int_equal(co_pipeline_counts(p, &c, err, sizeof(err)), CO_OK);
  assert_int_equal(c.dlq, 0);
  assert_int_equal(c.classified, N_MSGS);

  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
  fl_stop(fl);
}

/* Built twice (PL_LLM_CASE 1 or 2), one CTest entry per case. */
int main(void) {
#if PL_LLM_CASE == 1
  const struct CMUnitTest tests[] = {cmocka_unit_test(pipeline_llm_answers_mark_events_openai)};
#else
  const struct CMUnitTest tests[] = {cmocka_unit_test(pipeline_llm_500_falls_back_offline_nothing_lost)};
#endif
  return cmocka_run_group_tests(tests, NULL, NULL);
}
