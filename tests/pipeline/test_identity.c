/* pipeline_one_application_per_job: a written mailbox of 34 applications at
 * 28 companies (data/identity, tools/gen_identity_mbox.py) whose jobs are
 * spelled differently from mail to mail ("SRE" / "Site Reliability
 * Engineer", "Sr. Data Analyst (m/w/d)", "Backend Engineer - Req 40211",
 * replies in the thread that name no role) yields exactly the true
 * applications: per company as many as it has jobs, with their final stages;
 * while two jobs at one company, two requisitions of one title, a senior and
 * a junior opening, and a re-application after a rejection stay apart. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "co_th.h"
#include "pl_tu.h"

/* Final stages of company's applications, sorted, comma-joined. */
static void stages_of(const pl_apps_t *apps, const char *company, char *out, size_t sz) {
  const char *s[16];
  int n = 0;
  for (int i = 0; i < apps->n && n < 16; i++)
    if (!strcasecmp(apps->a[i].company, company)) s[n++] = apps->a[i].stage;
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(s[j - 1], s[j]) > 0; j--) {
      const char *t = s[j];
      s[j] = s[j - 1];
      s[j - 1] = t;
    }
  out[0] = 0;
  for (int i = 0; i < n; i++) snprintf(out + strlen(out), sz - strlen(out), "%s%s", i ? "," : "", s[i]);
}

static void one_application_per_job(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-identity");
  co_conf_t *conf = pl_conf(dir);
  json_error_t je;
  json_t *exp = json_load_file(pl_data("identity", "expected.json"), 0, &je), *c, *jobs, *jb;
  if (!exp) fail_msg("expected.json: %s", je.text);
  co_pipeline_t *p = pl_import_run(conf, pl_data("identity", "mailbox.mbox"), json_integer_value(json_object_get(exp, "messages")));

  pl_apps_t apps;
  pl_apps(p, "me", &apps);
  size_t i, k;
  int bad = 0;
  json_array_foreach(json_object_get(exp, "companies"), i, c) {
    const char *company = json_string_value(json_object_get(c, "company"));
    const char *s[16];
    char want[256] = "", got[256];
    int n = 0;
    jobs = json_object_get(c, "jobs");
    json_array_foreach(jobs, k, jb) s[n++] = json_string_value(json_object_get(jb, "final_stage"));
    for (int a = 1; a < n; a++)
      for (int b = a; b > 0 && strcmp(s[b - 1], s[b]) > 0; b--) {
        const char *t = s[b];
        s[b] = s[b - 1];
        s[b - 1] = t;
      }
    for (int a = 0; a < n; a++) snprintf(want + strlen(want), sizeof(want) - strlen(want), "%s%s", a ? "," : "", s[a]);
    stages_of(&apps, company, got, sizeof(got));
    int ok = !strcmp(want, got);
    printf("%-22s expected [%s] got [%s]%s\n", company, want, got, ok ? "" : "  MISMATCH");
    bad += !ok;
  }
  for (int a = 0; a < apps.n; a++) printf("  app: %-22s %-40s %s\n", apps.a[a].company, apps.a[a].role, apps.a[a].stage);
  printf("applications: expected %lld, got %d\n", (long long)json_integer_value(json_object_get(exp, "applications")),
         apps.n);
  assert_int_equal(apps.n, json_integer_value(json_object_get(exp, "applications")));
  assert_int_equal(bad, 0);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  json_decref(exp);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(one_application_per_job)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
