/* Proves co_classify_eval_opts reports figures per language (the langs file
 * wins over a row's lang field, which wins over detection; detection reads
 * German and Spanish mail as such), an expected calibration error whose bins
 * hold every row, and with errors on lists exactly the misclassified rows by
 * id; a languages file that is not JSON is an error naming it. Also that
 * language detection itself answers the seven languages and "" for noise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"
#include "co_classify_lang.h"
#include "co_th.h"

/* r4's gold label is deliberately wrong (a job alert is no offer), so it is
 * an error whatever the model's quality; r2 carries its own lang, r1 is
 * overridden by the langs file, r3 and r4 are detected. */
static const char *JSONL =
    "{\"id\":\"r1\",\"lang\":\"fr\",\"subject\":\"Thank you for applying to Norvale\",\"from\":\"Norvale Careers "
    "<careers@norvale.com>\",\"body\":\"Hi Jo, thank you for applying to Norvale. We have received your application for "
    "the Data Analyst position and will review it.\",\"label\":\"APPLIED\",\"company\":\"Norvale\"}\n"
    "{\"id\":\"r2\",\"lang\":\"es\",\"subject\":\"Entrevista para el puesto de Analista de Datos\",\"from\":\"Lucia "
    "Ortega <lucia@brindle.es>\",\"body\":\"Hola Jo, nos gustaria invitarte a una entrevista para el puesto de Analista "
    "de Datos en Brindle. Te viene bien el jueves a las 10:00?\",\"label\":\"INTERVIEW\",\"company\":\"Brindle\"}\n"
    "{\"id\":\"r3\",\"subject\":\"Ihre Bewerbung als Datenanalyst (m/w/d)\",\"from\":\"Tarnwell GmbH "
    "<jobs@tarnwell.de>\",\"body\":\"Sehr geehrte Frau Jo, vielen Dank fuer Ihre Bewerbung und das Interesse an unserem "
    "Unternehmen. Wir haben Ihre Unterlagen erhalten und werden uns in den naechsten Wochen bei Ihnen melden. Mit "
    "freundlichen Gruessen, Ihr Recruiting-Team\",\"label\":\"APPLIED\",\"company\":\"Tarnwell\"}\n"
    "{\"id\":\"r4\",\"subject\":\"5 new jobs for Data Analyst\",\"from\":\"Job Alerts <alerts@jobsboard.example>\","
    "\"body\":\"New jobs matching your alert: Data Analyst at three companies near you. Unsubscribe from these alerts "
    "at any time.\",\"label\":\"OFFER\",\"company\":\"\"}\n";

static const char *LANGS = "{\"r1\": \"en\"}";

static char *run(const char *path, const co_classify_eval_opts_t *o) {
  char err[512], *buf = NULL;
  size_t len = 0;
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  FILE *out = open_memstream(&buf, &len);
  co_err_t rc = co_classify_eval_opts(path, m, o, out, err, sizeof(err));
  fclose(out);
  co_classify_destroy(m);
  if (rc != CO_OK) fail_msg("eval: %s", err);
  return buf;
}

static void json_report_has_languages_calibration_and_errors(void **state) {
  (void)state;
  char path[600], lpath[600], *dir = co_th_tmpdir("cls-eval-langs");
  assert_non_null(dir);
  snprintf(path, sizeof(path), "%s/rows.jsonl", dir);
  snprintf(lpath, sizeof(lpath), "%s/langs.json", dir);
  assert_int_equal(co_th_write_file(path, JSONL, strlen(JSONL)), 0);
  assert_int_equal(co_th_write_file(lpath, LANGS, strlen(LANGS)), 0);
  co_classify_eval_opts_t o = {.json = 1, .errors = 1, .langs = lpath};
  char *buf = run(path, &o);
  json_error_t je;
  json_t *j = json_loads(buf, 0, &je);
  if (!j) fail_msg("not JSON (%s): %s", je.text, buf);
  json_t *langs = json_object_get(j, "languages");
  assert_int_equal(json_integer_value(json_object_get(json_object_get(langs, "en"), "n")), 2); /* r1 (file), r4 */
  assert_int_equal(json_integer_value(json_object_get(json_object_get(langs, "es"), "n")), 1); /* r2's field */
  assert_int_equal(json_integer_value(json_object_get(json_object_get(langs, "de"), "n")), 1); /* r3 detected */
  assert_null(json_object_get(langs, "fr"));                                                   /* file beat field */
  json_t *cal = json_object_get(j, "calibration"), *bins = json_object_get(cal, "bins");
  double ece = json_real_value(json_object_get(cal, "ece"));
  assert_true(ece >= 0 && ece <= 1);
  json_int_t in_bins = 0;
  for (size_t i = 0; i < json_array_size(bins); i++)
    in_bins += json_integer_value(json_object_get(json_array_get(bins, i), "n"));
  assert_int_equal(in_bins, 4);
  /* errors: exactly the rows whose prediction differs from gold, r4 among them */
  json_t *errs = json_object_get(j, "errors"), *cm = json_object_get(j, "confusion");
  json_int_t wrong = 0;
  for (size_t k = 0; k < json_array_size(cm); k++)
    for (size_t c = 0; c < json_array_size(json_array_get(cm, k)); c++)
      if (k != c) wrong += json_integer_value(json_array_get(json_array_get(cm, k), c));
  assert_int_equal((json_int_t)json_array_size(errs), wrong);
  int saw_r4 = 0;
  for (size_t i = 0; i < json_array_size(errs); i++) {
    json_t *e = json_array_get(errs, i);
    if (strcmp(json_string_value(json_object_get(e, "id")), "r4") == 0) {
      saw_r4 = 1;
      assert_string_equal(json_string_value(json_object_get(e, "gold")), "OFFER");
      assert_string_equal(json_string_value(json_object_get(e, "lang")), "en");
      assert_non_null(json_object_get(e, "confidence"));
    }
  }
  assert_true(saw_r4);
  json_decref(j);
  free(buf);

  /* text: the same sections for people */
  o.json = 0;
  buf = run(path, &o);
  assert_non_null(strstr(buf, "per language"));
  assert_non_null(strstr(buf, "expected calibration error"));
  assert_non_null(strstr(buf, "errors ("));
  assert_non_null(strstr(buf, "r4"));
  free(buf);
  free(dir);
}

static void bad_langs_file_is_an_error_naming_it(void **state) {
  (void)state;
  char err[512], path[600], lpath[600], *dir = co_th_tmpdir("cls-eval-badlangs");
  snprintf(path, sizeof(path), "%s/rows.jsonl", dir);
  snprintf(lpath, sizeof(lpath), "%s/langs.json", dir);
  assert_int_equal(co_th_write_file(path, JSONL, strlen(JSONL)), 0);
  assert_int_equal(co_th_write_file(lpath, "[1,", 3), 0);
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  co_classify_eval_opts_t o = {.langs = lpath};
  assert_int_equal(co_classify_eval_opts(path, m, &o, stdout, err, sizeof(err)), CO_ERR_PARSE);
  assert_non_null(strstr(err, lpath));
  co_classify_destroy(m);
  free(dir);
}

static void detection_answers_the_seven_languages(void **state) {
  (void)state;
  static const struct {
    const char *code, *text;
  } cases[] = {
      {"en", "Thank you for your application. We would like to invite you to an interview next week."},
      {"de", "Vielen Dank fuer Ihre Bewerbung. Wir moechten Sie gerne zu einem Vorstellungsgespraech einladen."},
      {"es", "Gracias por tu candidatura. Nos gustaria invitarte a una entrevista la proxima semana."},
      {"fr", "Merci pour votre candidature. Nous souhaiterions vous inviter a un entretien la semaine prochaine."},
      {"pt", "Obrigado pela sua candidatura. Gostariamos de convida-lo para uma entrevista na proxima semana."},
      {"nl", "Bedankt voor je sollicitatie. We willen je graag uitnodigen voor een gesprek volgende week."},
      {"it", "Grazie per la tua candidatura. Vorremmo invitarti a un colloquio la prossima settimana."},
  };
  char err[256];
  co_classify_lang_t *l = co_classify_lang_open(err, sizeof(err));
  if (!l) fail_msg("%s", err);
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    assert_string_equal(co_classify_lang_detect(l, cases[i].text, strlen(cases[i].text)), cases[i].code);
  assert_string_equal(co_classify_lang_detect(l, "ok", 2), "");
  co_classify_lang_destroy(l);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(json_report_has_languages_calibration_and_errors),
      cmocka_unit_test(bad_langs_file_is_an_error_naming_it),
      cmocka_unit_test(detection_answers_the_seven_languages),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
