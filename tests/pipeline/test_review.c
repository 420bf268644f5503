/* Needs review and learning from the person (issue 17 items 4-5), embedded mode.
 * One executable, one CTest entry per case (argv[1]):
 * - pipeline_export_after_stage_change_does_not_relabel_confirmation: a
 *   stage correction that names no email (the interview came by phone)
 *   exports no example: the confirmation is not labelled INTERVIEW.
 * - pipeline_review_queue_fix_and_confirm_change_board_and_survive_restart:
 *   who is queued (low confidence; OTHER with interview/offer weight, not
 *   bulk mail); an unsure email lands in the queue; a
 *   fix (INTERVIEW, company, role) removes it and puts its application on
 *   the board, a second fix (OTHER) takes it off again, a confirm of another
 *   queued email leaves the board alone; queue and board are the same after
 *   a restart and after a full reprocess into a new state dir, and the
 *   export labels the email with the person's label.
 * - pipeline_any_stored_email_promoted_or_moved: an answer about an email
 *   that was never queued (any stored email): a newsletter read as OTHER
 *   promoted to an interview becomes an application on the board, and an
 *   invitation answered with another company leaves its application for
 *   that company's; the board is the same after a restart; an id no email
 *   has is still 404.
 * - pipeline_application_added_by_hand_is_a_real_application: an
 *   application no email names (company, role, stage, day) is on the
 *   board after the processor ran, later mail about that job folds into
 *   it, it survives a restart, corrections export labels nothing from it,
 *   and bad fields are refused.
 * - pipeline_model_hot_reload_while_classifying: mail keeps arriving and is
 *   classified on the processing thread while the model file is replaced
 *   several times; every email is classified, the generation counts each
 *   replacement, a broken model file is refused and the old model kept. */
#include <jansson.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cmocka.h>

#include "co_pipeline_int.h"
#include "co_pipeline_review.h"
#include "co_th.h"
#include "pl_tu.h"

/* An acknowledgement-ish follow-up that names nothing: the model is unsure. */
#define AMBIGUOUS                                                                        \
  "From bo@quillstone.example Thu Mar 13 14:00:00 2025\n"                                \
  "From: Bo Lind <bo@quillstone.example>\n"                                              \
  "Subject: Following up\n"                                                              \
  "Date: Thu, 13 Mar 2025 11:00:00 -0500\n"                                              \
  "Message-ID: <amb-1@quillstone.example>\n"                                             \
  "\n"                                                                                   \
  "Hi Sam,\n\nThanks for getting back to me. Let's find some time next week to go over " \
  "things.\n\nBo\n"

static const char mbox[] = PL_MBOX_THREE_APPS "\n" AMBIGUOUS;

static co_pipeline_t *open_pl(const char *dir, const char *threshold, co_conf_t **confp) {
  char err[512];
  co_conf_t *c = co_conf_new();
  if (co_conf_set(c, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      (threshold && co_conf_set(c, "classify.review.threshold", threshold, CO_CONF_SRC_CLI, err, sizeof(err))) ||
      co_conf_finalize(c, err, sizeof(err)))
    fail_msg("conf: %s", err);
  *confp = c;
  co_pipeline_t *p = co_pipeline_new(c, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  return p;
}

static void import(co_pipeline_t *p, const char *dir, const char *name, const char *text) {
  char err[512], path[4096];
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  assert_int_equal(co_th_write_file(path, text, strlen(text)), 0);
  if (co_pipeline_import_mbox(p, path, "sam", NULL, err, sizeof(err))) fail_msg("import: %s", err);
}

static void idle(co_pipeline_t *p) {
  char err[512];
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
}

/* The queue's message ids, comma-joined ("" when empty). */
static void queue(co_pipeline_t *p, char *out, size_t size) {
  json_t *l = co_pipeline_review_list(p, "sam"), *it;
  size_t i;
  assert_non_null(l);
  out[0] = '\0';
  json_array_foreach(json_object_get(l, "items"), i, it) {
    size_t n = strlen(out);
    snprintf(out + n, size - n, "%s%s", n ? "," : "", json_string_value(json_object_get(it, "message_id")));
  }
  assert_int_equal(json_integer_value(json_object_get(l, "count")), (json_int_t)json_array_size(json_object_get(l, "items")));
  json_decref(l);
}

static void answer(co_pipeline_t *p, const char *mid, const char *label, const char *company, const char *role) {
  char err[512];
  if (co_pipeline_review_answer(p, "sam", mid, label, company, role, err, sizeof(err))) fail_msg("answer: %s", err);
  idle(p);
}

/* "Company:STAGE:emails;..." of the board, in list order. */
static void board(co_pipeline_t *p, char *out, size_t size) {
  pl_apps_t apps;
  pl_apps(p, "sam", &apps);
  out[0] = '\0';
  for (int i = 0; i < apps.n; i++) {
    size_t n = strlen(out);
    snprintf(out + n, size - n, "%s:%s:%ld;", apps.a[i].company, apps.a[i].stage, apps.a[i].emails);
  }
}

static void export_lines(const char *dir, const char *bin, char **text) {
  char cmd[8192], out[4096];
  snprintf(out, sizeof(out), "%s/export.jsonl", dir);
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' corrections export --out '%s' -X state.dir='%s' -X log.level=warn",
           bin, out, dir);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  *text = co_th_read_file(out, NULL);
  assert_non_null(*text);
}

static int fjordline_key(const co_pipeline_app_t *a, void *out) {
  json_t *j = json_loads(a->json, 0, NULL);
  if (!strcasecmp(a->company, "Fjordline")) snprintf(out, 256, "%s", json_string_value(json_object_get(j, "key")));
  json_decref(j);
  return 0;
}

static void pipeline_export_after_stage_change_does_not_relabel_confirmation(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-review-exp"), err[512], *text = NULL;
  co_conf_t *conf;
  co_pipeline_t *p = open_pl(dir, NULL, &conf);
  /* the Fjordline confirmation alone */
  const char *conf_only = strstr(mbox, "From ana@fjordline.example");
  char *first = strndup(mbox, (size_t)(conf_only - mbox));
  import(p, dir, "conf.mbox", first);
  free(first);
  idle(p);
  pl_apps_t apps;
  pl_apps(p, "sam", &apps);
  int i = pl_apps_find(&apps, "Fjordline");
  assert_true(i >= 0);
  assert_string_equal(apps.a[i].stage, "APPLIED");
  json_t *l = NULL;
  char *key = NULL;
  /* the application's key, as the corrections take it */
  char k[256] = "";
  assert_int_equal(co_pipeline_applications(p, "sam", fjordline_key, k, err, sizeof(err)), CO_OK);
  assert_true(k[0]);
  l = json_pack("{s:s, s:{s:s}}", "application", k, "set", "stage", "INTERVIEW");
  key = json_dumps(l, JSON_COMPACT);
  if (co_pipeline_correct(p, "sam", key, err, sizeof(err))) fail_msg("correct: %s", err);
  idle(p);
  pl_apps(p, "sam", &apps);
  assert_string_equal(apps.a[pl_apps_find(&apps, "Fjordline")].stage, "INTERVIEW"); /* the board shows it */
  co_pipeline_destroy(p);
  co_conf_destroy(conf);

  export_lines(dir, getenv("CO_BINARY_DIR"), &text);
  if (strstr(text, "conf-1@fjordline.example")) fail_msg("the confirmation was exported with a label: %s", text);
  free(text);
  free(key);
  json_decref(l);
  co_th_rm_rf(dir);
  free(dir);
}

static void pipeline_review_queue_fix_and_confirm_change_board_and_survive_restart(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-review"), *dir2 = co_th_tmpdir("pl-review-re"), err[512], q[1024], b[1024], b0[1024];
  co_conf_t *conf, *conf2;
  /* who goes to the queue, on results of known confidence */
  co_classify_result_t r = {.label = CO_CLASSIFY_INTERVIEW, .confidence = 0.95f};
  assert_null(co_pipeline_review_reason(&r, 0.8));
  r.confidence = 0.5f;
  assert_string_equal(co_pipeline_review_reason(&r, 0.8), "low_confidence");
  r = (co_classify_result_t){.label = CO_CLASSIFY_OTHER, .confidence = 0.85f};
  r.probs[CO_CLASSIFY_OTHER] = 0.85f, r.probs[CO_CLASSIFY_INTERVIEW] = 0.12f;
  assert_string_equal(co_pipeline_review_reason(&r, 0.8), "other_with_evidence");
  r.rule = "bulk_mail"; /* a newsletter that names no application */
  assert_null(co_pipeline_review_reason(&r, 0.8));
  r.rule = NULL, r.probs[CO_CLASSIFY_INTERVIEW] = 0.05f;
  assert_null(co_pipeline_review_reason(&r, 0.8));

  /* the model is surer of template mail than of a note that names nothing:
   * a threshold between the two queues the note */
  co_pipeline_t *p = open_pl(dir, "0.999", &conf);
  import(p, dir, "in.mbox", mbox);
  idle(p);
  queue(p, q, sizeof(q));
  if (!strstr(q, "amb-1@quillstone.example")) fail_msg("the unsure email is not queued: [%s]", q);
  board(p, b0, sizeof(b0));
  assert_null(strstr(b0, "Quillstone"));

  /* unknown ids and labels are refused, nothing recorded */
  assert_int_equal(co_pipeline_review_answer(p, "sam", "nope@x", "OTHER", NULL, NULL, err, sizeof(err)), CO_ERR_NOT_FOUND);
  assert_int_equal(co_pipeline_review_answer(p, "sam", "amb-1@quillstone.example", "HIRED", NULL, NULL, err, sizeof(err)),
                   CO_ERR_INVALID_ARG);

  /* fix: a missed invitation */
  answer(p, "amb-1@quillstone.example", "INTERVIEW", "Quillstone", "Data Engineer");
  queue(p, q, sizeof(q));
  assert_null(strstr(q, "amb-1@quillstone.example"));
  board(p, b, sizeof(b));
  if (!strstr(b, "Quillstone:INTERVIEW:1;")) fail_msg("board lacks the fixed email's application: %s", b);
  /* fix again: not job mail after all; then back */
  answer(p, "amb-1@quillstone.example", "OTHER", NULL, NULL);
  board(p, b, sizeof(b));
  assert_string_equal(b, b0);
  answer(p, "amb-1@quillstone.example", "INTERVIEW", "Quillstone", "Data Engineer");
  board(p, b, sizeof(b));
  assert_non_null(strstr(b, "Quillstone:INTERVIEW:1;"));

  /* confirm: another unsure note; confirming it leaves the board as it is */
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  p = open_pl(dir, "1", &conf);
  import(p, dir, "late.mbox",
         "From kim@northwind.example Fri Mar 14 14:00:00 2025\n"
         "From: Kim Berg <kim@northwind.example>\n"
         "Subject: Quick question\n"
         "Date: Fri, 14 Mar 2025 10:00:00 -0500\n"
         "Message-ID: <amb-2@northwind.example>\n\n"
         "Hi Sam,\n\nDo you have a minute this week? Something came up.\n\nKim\n");
  idle(p);
  queue(p, q, sizeof(q));
  if (!strstr(q, "amb-2@northwind.example")) fail_msg("the second unsure note is not queued: [%s]", q);
  board(p, b0, sizeof(b0));
  json_t *l = co_pipeline_review_list(p, "sam"), *it;
  size_t i;
  const char *lab = NULL;
  json_array_foreach(json_object_get(l, "items"), i, it) if (!strcmp(json_string_value(json_object_get(it, "message_id")),
                                                                    "amb-2@northwind.example")) lab =
      json_string_value(json_object_get(it, "label"));
  assert_non_null(lab);
  answer(p, "amb-2@northwind.example", lab, NULL, NULL);
  json_decref(l);
  queue(p, q, sizeof(q));
  assert_null(strstr(q, "amb-2@northwind.example"));
  board(p, b, sizeof(b));
  assert_string_equal(b, b0);
  char q_before[1024];
  snprintf(q_before, sizeof(q_before), "%s", q);

  /* restart */
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  p = open_pl(dir, "1", &conf);
  queue(p, q, sizeof(q));
  assert_string_equal(q, q_before);
  board(p, b0, sizeof(b0));
  assert_string_equal(b0, b);

  /* full reprocess into a new state dir, at the default threshold (a model
   * that is surer of some emails): the answers still win, and the queue and
   * the board come back */
  co_pipeline_t *p2 = open_pl(dir2, NULL, &conf2);
  assert_true(pl_copy_topic(p, p2, "raw_inbox_stream") >= 6);
  idle(p2);
  queue(p2, q, sizeof(q));
  assert_string_equal(q, q_before);
  board(p2, b, sizeof(b));
  assert_string_equal(b, b0);
  co_pipeline_destroy(p2);
  co_conf_destroy(conf2);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);

  /* the export carries the person's labels */
  char *text = NULL;
  export_lines(dir, getenv("CO_BINARY_DIR"), &text);
  int found = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    json_t *ex = json_loads(line, 0, NULL);
    assert_non_null(ex);
    if (!strcmp(json_string_value(json_object_get(ex, "message_id")), "amb-1@quillstone.example")) {
      assert_string_equal(json_string_value(json_object_get(ex, "label")), "INTERVIEW");
      assert_string_equal(json_string_value(json_object_get(ex, "company")), "Quillstone");
      assert_string_equal(json_string_value(json_object_get(ex, "label_source")), "review");
      found++;
    }
    json_decref(ex);
  }
  assert_int_equal(found, 1);
  free(text);
  co_th_rm_rf(dir);
  co_th_rm_rf(dir2);
  free(dir);
  free(dir2);
}

/* ---- hot reload ---- */

typedef struct feeder_s {
  co_pipeline_t *p;
  const char *dir;
  int batches;
} feeder_t;

static void *feed(void *opaque) {
  feeder_t *f = opaque;
  char err[512], path[4096], msg[1024];
  for (int b = 0; b < f->batches; b++) {
    snprintf(path, sizeof(path), "%s/feed-%d.mbox", f->dir, b);
    FILE *o = fopen(path, "w");
    for (int i = 0; i < 5; i++) {
      snprintf(msg, sizeof(msg),
               "From x@acme%d.example Mon Mar  3 14:00:00 2025\nFrom: Acme %d <jobs@acme%d.example>\n"
               "Subject: Thank you for applying to Acme %d\nMessage-ID: <feed-%d-%d@acme.example>\n\n"
               "We have received your application for the Analyst position.\n\n",
               b, b, b, b, b, i);
      fputs(msg, o);
    }
    fclose(o);
    if (co_pipeline_import_mbox(f->p, path, "sam", NULL, err, sizeof(err))) return strdup(err);
  }
  return NULL;
}

static void *run_thread(void *opaque) {
  char err[512];
  return co_pipeline_run(opaque, err, sizeof(err)) ? strdup(err) : NULL;
}

static void replace_model(const char *src, const char *dst, const char *tmp) {
  size_t n;
  char *data = co_th_read_file(src, &n);
  assert_non_null(data);
  assert_int_equal(co_th_write_file(tmp, data, n), 0);
  assert_int_equal(rename(tmp, dst), 0); /* as `careerops train` writes it */
  free(data);
}

static void pipeline_model_hot_reload_while_classifying(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-reload"), model[4096], tmp[4096], err[512];
  snprintf(model, sizeof(model), "%s/model.bin", dir);
  snprintf(tmp, sizeof(tmp), "%s/model.bin.tmp", dir);
  replace_model(co_classify_default_model_path(), model, tmp);
  co_conf_t *c = co_conf_new();
  if (co_conf_set(c, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "classify.model", model, CO_CONF_SRC_CLI, err, sizeof(err)) || co_conf_finalize(c, err, sizeof(err)))
    fail_msg("conf: %s", err);
  co_pipeline_t *p = co_pipeline_new(c, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  pthread_t run, feeder;
  feeder_t f = {p, dir, 6};
  assert_int_equal(pthread_create(&run, NULL, run_thread, p), 0);
  assert_int_equal(pthread_create(&feeder, NULL, feed, &f), 0);
  /* replace the file while mail is fed and classified; each replacement is
   * a new inode, seen by the processing thread or by an explicit reload */
  long gen = co_pipeline_model_generation(p);
  for (int r = 0; r < 3; r++) {
    replace_model(co_classify_default_model_path(), model, tmp);
    int reloaded = 0;
    assert_int_equal(co_pipeline_model_reload(p, &reloaded, err, sizeof(err)), CO_OK);
    CO_TH_WAIT_UNTIL(co_pipeline_model_generation(p) > gen, 60000);
    assert_true(co_pipeline_model_generation(p) > gen);
    gen = co_pipeline_model_generation(p);
  }
  /* a broken file is refused; the model in use stays */
  assert_int_equal(co_th_write_file(tmp, "COCLSMDL broken", 15), 0);
  assert_int_equal(rename(tmp, model), 0);
  assert_int_not_equal(co_pipeline_model_reload(p, NULL, err, sizeof(err)), CO_OK);
  assert_int_equal(co_pipeline_model_generation(p), gen);
  void *ferr = NULL;
  pthread_join(feeder, &ferr);
  if (ferr) fail_msg("feeder: %s", (char *)ferr);
  CO_TH_WAIT_UNTIL(pl_classified(p) == 30, 120000);
  assert_int_equal(pl_classified(p), 30);
  co_pipeline_stop(p);
  void *rerr = NULL;
  pthread_join(run, &rerr);
  if (rerr) fail_msg("run: %s", (char *)rerr);
  co_pipeline_destroy(p);
  co_conf_destroy(c);
  co_th_rm_rf(dir);
  free(dir);
}

/* Runs one test: argv[1], else the one the executable is named after. */
/* A bulk mail (List-Unsubscribe, no application named): read as OTHER,
 * never queued. */
#define DIGEST                                                                       \
  "From news@orbitfield.example Fri Mar 14 09:00:00 2025\n"                          \
  "From: Orbitfield <news@orbitfield.example>\n"                                     \
  "Subject: Orbitfield weekly: what our platform team shipped\n"                     \
  "Date: Fri, 14 Mar 2025 09:00:00 +0000\n"                                          \
  "Message-ID: <digest-7@orbitfield.example>\n"                                      \
  "List-Unsubscribe: <mailto:unsub@orbitfield.example>\n"                            \
  "\n"                                                                               \
  "This week: faster builds, a new region, and a talk on stream processing. Sam, " \
  "Kim from the platform team says hi and would love to chat on Thursday.\n"

static void pipeline_any_stored_email_promoted_or_moved(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-promote"), err[512], b[1024], b0[1024], q[1024];
  co_conf_t *conf;
  co_pipeline_t *p = open_pl(dir, NULL, &conf);
  static const char in[] = PL_MBOX_THREE_APPS "\n" DIGEST;
  import(p, dir, "in.mbox", in);
  idle(p);
  json_t *m = co_pipeline_email_get(p, "sam", "digest-7@orbitfield.example");
  assert_non_null(m);
  assert_string_equal(json_string_value(json_object_get(m, "classified_as")), "OTHER");
  json_decref(m);
  queue(p, q, sizeof(q));
  assert_null(strstr(q, "digest-7"));
  board(p, b0, sizeof(b0));
  assert_null(strstr(b0, "Orbitfield"));
  if (!strstr(b0, "Fjordline:INTERVIEW:2;")) fail_msg("board before: %s", b0);

  /* promoted: the person says it is an interview at Orbitfield */
  answer(p, "digest-7@orbitfield.example", "INTERVIEW", "Orbitfield", "Platform Engineer");
  board(p, b, sizeof(b));
  if (!strstr(b, "Orbitfield:INTERVIEW:1;")) fail_msg("promoted email not on the board: %s", b);

  /* moved: Fjordline's invitation belongs to Tallpine's process */
  answer(p, "inv-1@fjordline.example", "INTERVIEW", "Tallpine", NULL);
  board(p, b, sizeof(b));
  if (!strstr(b, "Fjordline:APPLIED:1;") || !strstr(b, "Tallpine:INTERVIEW:"))
    fail_msg("moved invitation: %s", b);

  assert_int_equal(co_pipeline_review_answer(p, "sam", "nope@x", "OTHER", NULL, NULL, err, sizeof(err)), CO_ERR_NOT_FOUND);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  p = open_pl(dir, NULL, &conf); /* the answers are state: a restart keeps them */
  idle(p);
  char b2[1024];
  board(p, b2, sizeof(b2));
  assert_string_equal(b2, b);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  free(dir);
}

/* A later invitation about the job added by hand. */
#define BRIGHTWATER_INVITE                                                                 \
  "From lee@brightwater.example Thu Mar 20 14:00:00 2025\n"                                \
  "From: Lee Park <lee@brightwater.example>\n"                                             \
  "Subject: Interview invitation: Data Engineer at Brightwater\n"                          \
  "Date: Thu, 20 Mar 2025 09:00:00 -0500\n"                                                \
  "Message-ID: <inv-9@brightwater.example>\n"                                              \
  "\n"                                                                                     \
  "Hi Sam,\n\nI'd love to schedule a 30-minute phone interview about the Data Engineer "   \
  "role.\nWould Monday, March 24 at 2:00 PM ET work for a call?\n\nBest,\nLee Park\n"       \
  "Senior Recruiter, Brightwater\n"

static void pipeline_application_added_by_hand_is_a_real_application(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("pl-add"), err[512], b[1024], mid[128], *text = NULL;
  co_conf_t *conf;
  co_pipeline_t *p = open_pl(dir, NULL, &conf);
  import(p, dir, "in.mbox", PL_MBOX_THREE_APPS);
  idle(p);
  /* refused: no company, a stage that is no stage, a day that is none */
  assert_int_equal(co_pipeline_app_add(p, "sam", "", NULL, NULL, NULL, mid, sizeof(mid), err, sizeof(err)),
                   CO_ERR_INVALID_ARG);
  assert_int_equal(co_pipeline_app_add(p, "sam", "Brightwater", NULL, "OTHER", NULL, mid, sizeof(mid), err, sizeof(err)),
                   CO_ERR_INVALID_ARG);
  assert_int_equal(co_pipeline_app_add(p, "sam", "Brightwater", NULL, NULL, "yesterday", mid, sizeof(mid), err,
                                       sizeof(err)),
                   CO_ERR_INVALID_ARG);
  assert_int_equal(co_pipeline_app_add(p, "sam", "Brightwater", NULL, NULL, "2025-02-30", mid, sizeof(mid), err,
                                       sizeof(err)),
                   CO_ERR_INVALID_ARG);
  assert_int_equal(co_pipeline_app_add(p, "sam", "Brightwater", NULL, NULL, "", mid, sizeof(mid), err, sizeof(err)),
                   CO_ERR_INVALID_ARG);
  assert_int_equal(co_pipeline_app_add(p, "sam", "Brightwater", NULL, "", NULL, mid, sizeof(mid), err, sizeof(err)),
                   CO_ERR_INVALID_ARG);
  board(p, b, sizeof(b));
  assert_null(strstr(b, "Brightwater"));

  if (co_pipeline_app_add(p, "sam", "Brightwater", "Data Engineer", "APPLIED", "2025-03-15", mid, sizeof(mid), err,
                          sizeof(err)))
    fail_msg("add: %s", err);
  idle(p);
  board(p, b, sizeof(b));
  if (!strstr(b, "Brightwater:APPLIED:1;")) fail_msg("added application not on the board: %s", b);
  pl_apps_t apps;
  pl_apps(p, "sam", &apps);
  int k = pl_apps_find(&apps, "Brightwater");
  assert_true(k >= 0);
  assert_string_equal(apps.a[k].role, "Data Engineer");

  /* the recruiter writes later: the same application moves on */
  import(p, dir, "later.mbox", BRIGHTWATER_INVITE);
  idle(p);
  board(p, b, sizeof(b));
  if (!strstr(b, "Brightwater:INTERVIEW:2;")) fail_msg("later mail did not join the added application: %s", b);

  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  p = open_pl(dir, NULL, &conf);
  idle(p);
  char b2[1024];
  board(p, b2, sizeof(b2));
  assert_string_equal(b2, b);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  export_lines(dir, getenv("CO_BINARY_DIR"), &text);
  if (strstr(text, mid)) fail_msg("the made-up email was exported as a training example: %s", text);
  free(text);
  co_th_rm_rf(dir);
  free(dir);
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(pipeline_export_after_stage_change_does_not_relabel_confirmation),
      cmocka_unit_test(pipeline_review_queue_fix_and_confirm_change_board_and_survive_restart),
      cmocka_unit_test(pipeline_model_hot_reload_while_classifying),
      cmocka_unit_test(pipeline_any_stored_email_promoted_or_moved),
      cmocka_unit_test(pipeline_application_added_by_hand_is_a_real_application),
  };
  const char *self = strrchr(argv[0], '/');
  cmocka_set_test_filter(argc > 1 ? argv[1] : self ? self + 1 : argv[0]);
  return cmocka_run_group_tests(tests, NULL, NULL);
}
