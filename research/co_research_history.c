/* co_research_history.c: the offline briefing, folded from one task and the
 * previous briefing of the same company.
 *
 * Everything here comes from the person's own mail, and a briefing belongs
 * to one account (the task's): the history is the previous briefing's
 * entries of that account plus the task's application stages plus the
 * task's own email, deduplicated by (account, message_id, stage) and sorted
 * by date, so folding the same task twice or folding tasks out of order
 * converges on the same list, and another mailbox holding the same
 * Message-IDs never displaces this account's steps. A previous briefing that
 * is not this account's alone (one folded over several accounts by an older
 * version) gives only its entries of this account and its news; its
 * interviewers and next interview cannot be attributed and are dropped.
 * Dates are compared as ISO-8601 UTC strings, which is what ingest and the
 * applications store write. News (public research about the company) found
 * by earlier research is carried over: an offline refresh keeps what is
 * known. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_research_int.h"

static const char *str(const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

void co_research_iso(int64_t ms, char *buf, size_t size) {
  time_t t = (time_t)(ms / 1000);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void add_entry(json_t *hist, const char *account, const char *role, const char *stage, const char *at,
                      const char *subject, const char *mid) {
  size_t i;
  json_t *e;
  if (!*stage) return;
  json_array_foreach(hist, i, e) {
    /* without a message id, the date stands in for it */
    const char *k1 = *mid ? mid : at, *k2 = *str(e, "message_id") ? str(e, "message_id") : str(e, "at");
    if (!strcmp(k1, k2) && !strcmp(stage, str(e, "stage")) && !strcmp(account, str(e, "account"))) return;
  }
  json_array_append_new(hist, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "account", account, "role", role, "stage",
                                        stage, "at", at, "subject", subject, "message_id", mid));
}

typedef struct {
  json_t *e;
  size_t idx;
} ent_t;

static int by_date(const void *a, const void *b) {
  const ent_t *x = a, *y = b;
  int c = strcmp(str(x->e, "at"), str(y->e, "at"));
  return c ? c : (x->idx < y->idx ? -1 : x->idx > y->idx);
}

static json_t *sorted(json_t *hist) {
  size_t n = json_array_size(hist);
  ent_t *v = calloc(n ? n : 1, sizeof(*v));
  json_t *out = json_array();
  for (size_t i = 0; i < n; i++) v[i] = (ent_t){json_array_get(hist, i), i};
  qsort(v, n, sizeof(*v), by_date);
  for (size_t i = 0; i < n; i++) json_array_append(out, v[i].e);
  free(v);
  return out;
}

static json_t *fold_history(json_t *task, json_t *prev) {
  json_t *hist = json_array(), *app = json_object_get(task, "application"), *e;
  const char *account = str(task, "account");
  const char *role = *str(app, "role") ? str(app, "role") : str(task, "role");
  size_t i;
  json_array_foreach(json_object_get(prev, "history"), i, e) {
    if (strcmp(str(e, "account"), account)) continue; /* another mailbox's step */
    add_entry(hist, account, str(e, "role"), str(e, "stage"), str(e, "at"), str(e, "subject"), str(e, "message_id"));
  }
  json_array_foreach(json_object_get(app, "stages"), i, e) {
    add_entry(hist, account, role, str(e, "stage"), str(e, "at"), str(e, "subject"), str(e, "message_id"));
  }
  add_entry(hist, account, role, str(task, "reason"), str(task, "date"), str(task, "subject"), str(task, "message_id"));
  json_t *s = sorted(hist);
  json_decref(hist);
  return s;
}

/* "Data Engineer (me): APPLIED 2025-03-07; INTERVIEW 2025-03-11, 2025-03-17; OFFER 2025-03-24." per role. */
static char *role_notes(json_t *hist) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  json_t *seen = json_array(), *e;
  size_t i, j;
  json_array_foreach(hist, i, e) {
    char key[512];
    snprintf(key, sizeof(key), "%s\x1f%s", str(e, "role"), str(e, "account"));
    size_t before = json_array_size(seen);
    co_research_add_unique(seen, key);
    if (json_array_size(seen) == before) continue;
    fprintf(f, "%s%s (%s):", ftell(f) ? " " : "", *str(e, "role") ? str(e, "role") : "role not named",
            str(e, "account"));
    const char *last_stage = "";
    json_t *g;
    json_array_foreach(hist, j, g) {
      if (strcmp(str(g, "role"), str(e, "role")) || strcmp(str(g, "account"), str(e, "account"))) continue;
      int same = !strcmp(last_stage, str(g, "stage"));
      fprintf(f, "%s%s%s %.10s",
              same          ? ","
              : *last_stage ? ";"
                            : "",
              same ? "" : " ", same ? "" : str(g, "stage"), str(g, "at"));
      last_stage = str(g, "stage");
    }
    fputc('.', f);
  }
  fclose(f);
  json_decref(seen);
  return buf;
}

static char *history_summary(const char *company, json_t *hist, json_t *people, const char *next) {
  char *buf = NULL;
  size_t len = 0, n = json_array_size(hist);
  FILE *f = open_memstream(&buf, &len);
  json_t *roles = json_array(), *e, *first = json_array_get(hist, 0), *last = json_array_get(hist, n - 1);
  size_t i;
  json_array_foreach(hist, i, e) co_research_add_unique(roles, str(e, "role"));
  fprintf(f, "%zu recorded step%s with %s", n, n == 1 ? "" : "s", company);
  if (n) fprintf(f, " since %.10s", str(first, "at"));
  if (json_array_size(roles)) {
    fprintf(f, ", about ");
    json_array_foreach(roles, i, e)
        fprintf(f, "%s%s", i ? (i + 1 == json_array_size(roles) ? " and " : ", ") : "", json_string_value(e));
  }
  fputc('.', f);
  if (n) fprintf(f, " Latest: %s on %.10s (\"%s\").", str(last, "stage"), str(last, "at"), str(last, "subject"));
  if (next && *next) fprintf(f, " Next interview: %s.", next);
  if (json_array_size(people)) {
    fprintf(f, " People named in mail: ");
    json_array_foreach(people, i, e) fprintf(f, "%s%s", i ? ", " : "", json_string_value(e));
    fputc('.', f);
  }
  fclose(f);
  json_decref(roles);
  return buf;
}

static json_t *next_interview(json_t *task, json_t *prev) {
  json_t *app = json_object_get(task, "application");
  const char *reason = str(task, "reason");
  json_t *at = json_object_get(task, "interview_at");
  if (app && json_is_string(json_object_get(app, "next_interview")))
    return json_incref(json_object_get(app, "next_interview"));
  if (!strcmp(reason, "INTERVIEW") && json_is_string(at)) return json_incref(at);
  if (app || !strcmp(reason, "OFFER")) return json_null();
  json_t *p = json_object_get(prev, "next_interview");
  return json_is_string(p) ? json_incref(p) : json_null();
}

int co_research_prev_is_own(const json_t *prev, const char *account) {
  json_t *acc = json_object_get(prev, "accounts");
  const char *only = json_string_value(json_array_get(acc, 0));
  if (!prev) return 1;
  return json_array_size(acc) == 1 && only && !strcmp(only, account ? account : "");
}

json_t *co_research_fold(json_t *task, json_t *prev, int64_t now_ms) {
  char now[32];
  const char *company = str(task, "company"), *account = str(task, "account");
  json_t *hist = fold_history(task, prev), *people = json_array(), *accounts = json_array(), *e;
  json_t *from = json_object_get(task, "from");
  size_t i;
  int own = co_research_prev_is_own(prev, account);
  co_research_iso(now_ms, now, sizeof(now));
  if (own)
    json_array_foreach(json_object_get(prev, "interviewers"), i, e) co_research_add_unique(people, json_string_value(e));
  co_research_names(company, str(from, "name"), str(from, "address"), str(task, "text"), people);
  if (*account) co_research_add_unique(accounts, account);
  json_t *next = next_interview(task, own ? prev : NULL);
  json_t *news =
      json_is_array(json_object_get(prev, "news")) ? json_deep_copy(json_object_get(prev, "news")) : json_array();
  char *notes = role_notes(hist), *summary = history_summary(company, hist, people, json_string_value(next));
  json_t *b = json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:o}", "company", company, "updated_at", now,
                        "source", "offline", "summary", summary, "news", news, "role_notes", notes, "history", hist,
                        "interviewers", people, "accounts", accounts, "next_interview", next);
  free(notes);
  free(summary);
  if (b) co_research_rerender(b);
  return b;
}
