/* rs_journey.c: see rs_journey.h. */
#include "rs_journey.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"
#include "co_ingest.h"

static int rank(const char *stage) {
  return !strcmp(stage, "APPLIED") ? 1 : !strcmp(stage, "INTERVIEW") ? 2 : 3;
}

static const char *str(const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

/* Folds one classified event into app, as the applications store does. */
static void fold_app(json_t *app, json_t *ev, const co_classify_result_t *res) {
  const char *stage = co_classify_label_name(res->label), *at = str(ev, "date");
  const char *cur = str(app, "stage");
  if (!*cur || rank(stage) > rank(cur)) {
    json_object_set_new(app, "stage", json_string(stage));
    json_array_append_new(json_object_get(app, "stages"),
                          json_pack("{s:s, s:s, s:s, s:s}", "stage", stage, "at", at, "message_id",
                                    str(ev, "message_id"), "subject", str(ev, "subject")));
  }
  if (!*str(app, "first_seen")) json_object_set_new(app, "first_seen", json_string(at));
  json_object_set_new(app, "last_contact", json_string(at));
  if (res->label == CO_CLASSIFY_INTERVIEW && res->interview_at[0])
    json_object_set_new(app, "next_interview", json_string(res->interview_at));
  else if (res->label == CO_CLASSIFY_OFFER || res->label == CO_CLASSIFY_REJECTION)
    json_object_set_new(app, "next_interview", json_null());
  json_object_set_new(app, "emails", json_integer(json_integer_value(json_object_get(app, "emails")) + 1));
}

json_t *rs_journey_tasks(const char *company) {
  char err[512], path[1024];
  co_ingest_reader_t *rd = NULL;
  co_ingest_msg_t m;
  snprintf(path, sizeof(path), "%s/data/sample/inbox.mbox", getenv("CO_SOURCE_DIR"));
  co_classify_model_t *model = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  if (!model) fail_msg("model: %s", err);
  if (co_ingest_mbox_open(path, 0, &rd, err, sizeof(err))) fail_msg("mbox: %s", err);
  json_t *tasks = json_array(),
         *app = json_pack("{s:s, s:s, s:s, s:[], s:s, s:s, s:n, s:i}", "company", company, "role", "", "stage", "",
                          "stages", "first_seen", "", "last_contact", "", "next_interview", "emails", 0);
  while (co_ingest_reader_next(rd, &m, err, sizeof(err)) == CO_OK) {
    char *cur = co_ingest_cursor_file(m.path, m.offset), *js = NULL;
    co_ingest_src_t src = {.account = "me", .cursor_json = cur, .max_body_bytes = 0};
    co_err_t e = co_ingest_normalize(m.data, m.len, &src, &js, err, sizeof(err));
    free(cur);
    if (e) continue; /* the sample's one entry without headers */
    json_t *ev = json_loads(js, 0, NULL);
    free(js);
    assert_non_null(ev);
    json_t *from = json_object_get(ev, "from");
    char fromline[512];
    snprintf(fromline, sizeof(fromline), "%s <%s>", str(from, "name"), str(from, "address"));
    co_classify_input_t in = {.subject = str(ev, "subject"),
                              .from = fromline,
                              .body = str(ev, "text"),
                              .date = str(ev, "date"),
                              .has_list_unsubscribe = json_is_true(json_object_get(ev, "has_list_unsubscribe"))};
    co_classify_result_t res;
    assert_int_equal(co_classify_email(model, &in, &res, err, sizeof(err)), CO_OK);
    if (res.label == CO_CLASSIFY_OTHER || strcmp(res.company, company)) {
      json_decref(ev);
      continue;
    }
    if (res.role[0] && !*str(app, "role")) json_object_set_new(app, "role", json_string(res.role));
    fold_app(app, ev, &res);
    if (res.label == CO_CLASSIFY_INTERVIEW || res.label == CO_CLASSIFY_OFFER) {
      json_t *t = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:O, s:s%, s:s, s:O}", "company", company, "role",
                            res.role[0] ? res.role : str(app, "role"), "account", "me", "reason",
                            co_classify_label_name(res.label), "message_id", str(ev, "message_id"), "interview_at",
                            res.interview_at[0] ? json_string(res.interview_at) : json_null(), "subject",
                            str(ev, "subject"), "from", from, "text", str(ev, "text"),
                            (size_t)(strlen(str(ev, "text")) < 2000 ? strlen(str(ev, "text")) : 2000), "date",
                            str(ev, "date"), "application", app);
      assert_non_null(t);
      /* the task carries a snapshot, like a serialized record */
      json_object_set_new(t, "application", json_deep_copy(app));
      json_array_append_new(tasks, t);
    }
    json_decref(ev);
  }
  co_ingest_reader_close(rd);
  co_classify_destroy(model);
  json_decref(app);
  return tasks;
}
