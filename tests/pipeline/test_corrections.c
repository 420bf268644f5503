/* Manual corrections (issue 8 item 5), embedded mode:
 * - pipeline_correction_survives_full_reprocess: a stage + company
 *   correction shows on the application; a second state dir rebuilt from
 *   the first one's topics alone (topic.raw and topic.corrections: a full
 *   reprocess, every store rebuilt) shows it again, and bad corrections are
 *   refused with the reason.
 * - pipeline_correction_export_is_training_corpus: `careerops corrections
 *   add` takes the application key the API and CSV show; `careerops corrections
 *   export` writes the corrected email with the corrected label and company,
 *   and `careerops train --corpus` accepts the file.
 * - pipeline_correction_merge_split_hide: merge folds one application into
 *   another, merge_into null splits it back, not_job_related hides it and
 *   exports its email as OTHER. */
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

static const char mbox[] = PL_MBOX_THREE_APPS;

typedef struct app_s {
  char key[256], company[128], stage[16];
  long emails;
  int corrected, merged;
} app_t;
typedef struct apps_s {
  app_t a[16];
  int n;
} apps_t;

static int apps_cb(const co_pipeline_app_t *a, void *opaque) {
  apps_t *out = opaque;
  json_t *j = json_loads(a->json, 0, NULL);
  app_t *x = &out->a[out->n++];
  snprintf(x->key, sizeof(x->key), "%s", json_string_value(json_object_get(j, "key")));
  snprintf(x->company, sizeof(x->company), "%s", a->company);
  snprintf(x->stage, sizeof(x->stage), "%s", a->stage);
  x->emails = (long)a->emails;
  x->corrected = json_is_true(json_object_get(j, "corrected"));
  x->merged = (int)json_array_size(json_object_get(j, "merged"));
  json_decref(j);
  return out->n == 16;
}

static void list(co_pipeline_t *p, apps_t *out) {
  char err[256];
  out->n = 0;
  assert_int_equal(co_pipeline_applications(p, "sam", apps_cb, out, err, sizeof(err)), CO_OK);
}

static const app_t *find(const apps_t *apps, const char *company) {
  for (int i = 0; i < apps->n; i++)
    if (!strcasecmp(apps->a[i].company, company)) return &apps->a[i];
  return NULL;
}

static co_pipeline_t *open_pl(const char *dir, co_conf_t **confp) {
  char err[512];
  *confp = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(*confp, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  return p;
}

static co_pipeline_t *fresh(const char *dir, co_conf_t **confp) {
  char err[512], path[4096];
  snprintf(path, sizeof(path), "%s/inbox.mbox", dir);
  assert_int_equal(co_th_write_file(path, mbox, sizeof(mbox) - 1), 0);
  co_pipeline_t *p = open_pl(dir, confp);
  if (co_pipeline_import_mbox(p, path, "sam", NULL, err, sizeof(err))) fail_msg("import: %s", err);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
  return p;
}

static void correct_ok(co_pipeline_t *p, const char *json) {
  char err[512];
  if (co_pipeline_correct(p, "sam", json, err, sizeof(err))) fail_msg("correct %s: %s", json, err);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
}

/* A correction naming application key k (JSON-escaped by jansson). */
static char *corr(const char *k, const char *rest) {
  json_t *j = json_loads(rest, 0, NULL);
  assert_non_null(j);
  json_object_set_new(j, "application", json_string(k));
  char *s = json_dumps(j, JSON_COMPACT);
  json_decref(j);
  return s;
}

__attribute__((unused)) static void pipeline_correction_survives_full_reprocess(void **state) {
  (void)state;
  char err[512];
  char *dir = co_th_tmpdir("pl-corr"), *dir2 = co_th_tmpdir("pl-corr-re");
  co_conf_t *conf, *conf2;
  co_pipeline_t *p = fresh(dir, &conf);
  apps_t apps;
  list(p, &apps);
  const app_t *t = find(&apps, "Tallpine");
  assert_non_null(t);
  assert_string_equal(t->stage, "REJECTION");
  assert_false(t->corrected);
  char key[256];
  snprintf(key, sizeof(key), "%s", t->key);

  /* refused, with the reason, and nothing recorded */
  char *bad = corr(key, "{\"set\":{\"stage\":\"HIRED\"}}");
  assert_int_equal(co_pipeline_correct(p, "sam", bad, err, sizeof(err)), CO_ERR_INVALID_ARG);
  assert_non_null(strstr(err, "set.stage"));
  free(bad);
  bad = corr(key, "{\"set\":{\"stage\":\"APPLIED\"}}");
  assert_int_equal(co_pipeline_correct(p, "alex", bad, err, sizeof(err)), CO_ERR_INVALID_ARG); /* not alex's */
  free(bad);
  bad = corr("sam\x1fnowhere\x1f", "{\"not_job_related\":true}");
  assert_int_equal(co_pipeline_correct(p, "sam", bad, err, sizeof(err)), CO_ERR_NOT_FOUND);
  free(bad);
  assert_int_equal(co_pipeline_correct(p, "sam", "{\"application\":", err, sizeof(err)), CO_ERR_PARSE);
  bad = corr(key, "{\"colour\":\"red\"}");
  assert_int_equal(co_pipeline_correct(p, "sam", bad, err, sizeof(err)), CO_ERR_INVALID_ARG);
  free(bad);

  char *c1 = corr(key, "{\"set\":{\"stage\":\"APPLIED\",\"company\":\"Tallpine Analytics\"},\"at\":\"2025-03-14T10:00:00Z\"}");
  correct_ok(p, c1);
  free(c1);
  list(p, &apps);
  t = find(&apps, "Tallpine Analytics");
  assert_non_null(t);
  assert_string_equal(t->stage, "APPLIED");
  assert_true(t->corrected);
  assert_null(find(&apps, "Tallpine"));
  assert_non_null(find(&apps, "Fjordline")); /* others untouched */
  assert_string_equal(find(&apps, "Fjordline")->stage, "INTERVIEW");

  /* Full reprocess: a new state dir gets only the input topics. */
  co_pipeline_t *p2 = open_pl(dir2, &conf2);
  assert_int_equal(pl_copy_topic(p, p2, "raw_inbox_stream"), 3);
  assert_int_equal(pl_copy_topic(p, p2, "corrections"), 1);
  if (co_pipeline_run_until_idle(p2, err, sizeof(err))) fail_msg("reprocess: %s", err);
  apps_t again;
  list(p2, &again);
  assert_int_equal(again.n, apps.n);
  t = find(&again, "Tallpine Analytics");
  assert_non_null(t);
  assert_string_equal(t->stage, "APPLIED");
  assert_true(t->corrected);
  assert_string_equal(t->key, key);
  assert_string_equal(find(&again, "Fjordline")->stage, "INTERVIEW");

  co_pipeline_destroy(p2);
  co_pipeline_destroy(p);
  co_conf_destroy(conf2);
  co_conf_destroy(conf);
  co_th_rm_rf(dir2);
  co_th_rm_rf(dir);
  free(dir2);
  free(dir);
}

/* Lines of file whose message_id is mid, parsed (NULL if none). */
static json_t *export_line(const char *file, const char *mid, int *lines) {
  FILE *f = fopen(file, "r");
  char buf[65536];
  json_t *hit = NULL;
  *lines = 0;
  assert_non_null(f);
  while (fgets(buf, sizeof(buf), f)) {
    json_t *j = json_loads(buf, 0, NULL);
    assert_non_null(j);
    (*lines)++;
    if (!hit && !strcmp(json_string_value(json_object_get(j, "message_id")), mid))
      hit = json_incref(j);
    json_decref(j);
  }
  fclose(f);
  return hit;
}

__attribute__((unused)) static void pipeline_correction_export_is_training_corpus(void **state) {
  (void)state;
  char cmd[16384], out[4096], model[4096];
  const char *bin = getenv("CO_BINARY_DIR");
  char *dir = co_th_tmpdir("pl-corr-exp");
  co_conf_t *conf;
  co_pipeline_t *p = fresh(dir, &conf);
  apps_t apps;
  list(p, &apps);
  const app_t *t = find(&apps, "Tallpine");
  assert_non_null(t);
  /* the stage correction names its email: only that labels an email; the
   * application is named by the key the API and the dashboard's CSV show */
  char *shown = co_th_b64url(t->key);
  char *c1 = corr(shown, "{\"set\":{\"stage\":\"INTERVIEW\",\"company\":\"Tallpine Analytics\"},"
                         "\"message_id\":\"rej-1@tallpine.example\"}");
  free(shown);
  co_pipeline_destroy(p); /* the CLI opens the state dir itself */
  co_conf_destroy(conf);

  /* added through the CLI: the JSON goes in one argument */
  snprintf(out, sizeof(out), "%s/c1.json", dir);
  assert_int_equal(co_th_write_file(out, c1, strlen(c1)), 0);
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' corrections add sam \"$(cat '%s')\" -X state.dir='%s' -X log.level=warn",
           bin, out, dir);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  free(c1);

  snprintf(out, sizeof(out), "%s/export.jsonl", dir);
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' corrections export --out '%s' -X state.dir='%s' -X log.level=warn", bin,
           out, dir);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  int lines = 0;
  json_t *ex = export_line(out, "rej-1@tallpine.example", &lines);
  assert_non_null(ex);
  assert_int_equal(lines, 1); /* only the corrected application's email */
  assert_string_equal(json_string_value(json_object_get(ex, "label")), "INTERVIEW");
  assert_string_equal(json_string_value(json_object_get(ex, "label_source")), "correction");
  assert_string_equal(json_string_value(json_object_get(ex, "company")), "Tallpine Analytics");
  assert_string_equal(json_string_value(json_object_get(ex, "subject")), "Your application to Tallpine");
  assert_string_equal(json_string_value(json_object_get(ex, "from")), "Tallpine Talent <no-reply@tallpine.example>");
  assert_non_null(strstr(json_string_value(json_object_get(ex, "body")), "not to move forward"));
  json_decref(ex);

  /* the export extends the training corpus: `careerops train` reads both,
   * and its summary counts the extra example */
  const char *src = getenv("CO_SOURCE_DIR");
  char *train_path = NULL, *sh = NULL, *log = NULL;
  assert_true(asprintf(&train_path, "%s/data/train/emails.jsonl", src) > 0);
  snprintf(model, sizeof(model), "%s/model.bin", dir);
  assert_true(asprintf(&sh, "cat '%s' '%s' > '%s.corpus' && '%s/cli/careerops' train --corpus '%s.corpus' --out '%s' 2>&1",
                       train_path, out, out, bin, out, model) > 0);
  assert_int_equal(co_th_sh(sh, &log), 0);
  assert_non_null(log);
  size_t base = 0;
  char *train = co_th_read_file(train_path, NULL);
  for (char *q = train; q && *q; q++) base += *q == '\n';
  char want[64];
  snprintf(want, sizeof(want), "trained on %zu emails", base + 1);
  if (!strstr(log, want)) fail_msg("expected \"%s\" in: %s", want, log);
  free(train);
  free(train_path);
  free(sh);
  free(log);
  size_t ml = 0;
  char *m = co_th_read_file(model, &ml);
  assert_non_null(m);
  assert_true(ml > 8 && !memcmp(m, "COCLSMDL", 8));
  free(m);
  co_th_rm_rf(dir);
  free(dir);
}

__attribute__((unused)) static void pipeline_correction_merge_split_hide(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-corr-merge");
  co_conf_t *conf;
  co_pipeline_t *p = fresh(dir, &conf);
  apps_t apps;
  list(p, &apps);
  assert_int_equal(apps.n, 2);
  char tk[256], fk[256];
  snprintf(tk, sizeof(tk), "%s", find(&apps, "Tallpine")->key);
  snprintf(fk, sizeof(fk), "%s", find(&apps, "Fjordline")->key);
  long f_emails = find(&apps, "Fjordline")->emails, t_emails = find(&apps, "Tallpine")->emails;

  json_t *j = json_pack("{s:s, s:s}", "application", tk, "merge_into", fk);
  char *s = json_dumps(j, JSON_COMPACT);
  correct_ok(p, s);
  free(s);
  json_decref(j);
  list(p, &apps);
  assert_int_equal(apps.n, 1);
  const app_t *f = find(&apps, "Fjordline");
  assert_non_null(f);
  assert_int_equal(f->emails, f_emails + t_emails);
  assert_int_equal(f->merged, 1);
  assert_string_equal(f->stage, "REJECTION"); /* the furthest stage of the two, as the store's forward rule */

  char *split = corr(tk, "{\"merge_into\":null}");
  correct_ok(p, split);
  free(split);
  list(p, &apps);
  assert_int_equal(apps.n, 2);
  assert_int_equal(find(&apps, "Fjordline")->emails, f_emails);
  assert_string_equal(find(&apps, "Fjordline")->stage, "INTERVIEW");

  char *hide = corr(tk, "{\"not_job_related\":true}");
  correct_ok(p, hide);
  free(hide);
  list(p, &apps);
  assert_int_equal(apps.n, 1);
  assert_null(find(&apps, "Tallpine"));

  char path[4096], err[256];
  snprintf(path, sizeof(path), "%s/export.jsonl", dir);
  FILE *o = fopen(path, "w");
  int64_t n = 0;
  assert_int_equal(co_pipeline_corrections_export(p, o, &n, err, sizeof(err)), CO_OK);
  fclose(o);
  assert_int_equal(n, 1);
  int lines;
  json_t *ex = export_line(path, "rej-1@tallpine.example", &lines);
  assert_non_null(ex);
  assert_string_equal(json_string_value(json_object_get(ex, "label")), "OTHER");
  assert_string_equal(json_string_value(json_object_get(ex, "company")), "");
  json_decref(ex);

  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

/* Built once per case (PL_CORR_CASE), one CTest entry each. */
int main(void) {
#if PL_CORR_CASE == 1
  const struct CMUnitTest tests[] = {cmocka_unit_test(pipeline_correction_survives_full_reprocess)};
#elif PL_CORR_CASE == 2
  const struct CMUnitTest tests[] = {cmocka_unit_test(pipeline_correction_export_is_training_corpus)};
#else
  const struct CMUnitTest tests[] = {cmocka_unit_test(pipeline_correction_merge_split_hide)};
#endif
  return cmocka_run_group_tests(tests, NULL, NULL);
}
