/* co_research.c: researcher set-up and the order of sources.
 *
 * A briefing is always folded offline first (history, people, accounts), so
 * whatever the remote sources do, the person's own facts are in it. Tavily
 * then supplies news and, with no LLM, its own short answer as the summary;
 * the LLM rewrites the summary from the history and the news. A Tavily
 * failure is the caller's to retry (the task stays pending, then falls back
 * to co_research_offline), an LLM failure only costs the summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_log.h"
#include "co_research_int.h"
#include "co_time.h"

co_research_t *co_research_new(const co_conf_t *conf, co_llm_chain_t *llm, char *errstr, size_t errstr_size) {
  co_research_t *r = NULL;
  if (!conf) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "research: conf is required");
    return NULL;
  }
  if (!(r = calloc(1, sizeof(*r)))) goto nomem;
  r->tavily_url = strdup(co_conf_str(conf, "tavily.url"));
  r->tavily_key = strdup(co_conf_str(conf, "tavily.api.key"));
  if (!r->tavily_url || !r->tavily_key) goto nomem;
  /* a trailing slash would make "//search" */
  size_t n = strlen(r->tavily_url);
  while (n && r->tavily_url[n - 1] == '/') r->tavily_url[--n] = '\0';
  if (*r->tavily_key) co_log_add_secret(r->tavily_key);
  r->llm = llm;
  r->timeout_ms = (long)co_conf_int(conf, "research.timeout.ms");
  r->max_results = (int)co_conf_int(conf, "research.tavily.max.results");
  r->retry_max_ms = co_conf_int(conf, "research.tavily.retry.max.ms");
  r->max_age_s = co_conf_int(conf, "briefing.max.age.s");
  return r;
nomem:
  co_research_destroy(r);
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "research: out of memory");
  return NULL;
}

int64_t co_research_worst_ms(const co_research_t *r) {
  if (!r) return 0;
  int64_t tavily = *r->tavily_key ? 2 * (int64_t)r->timeout_ms + r->retry_max_ms : 0;
  return tavily + co_llm_chain_worst_ms(r->llm);
}

void co_research_destroy(co_research_t *r) {
  if (!r) return;
  free(r->tavily_url);
  free(r->tavily_key);
  free(r);
}

int64_t co_research_max_age_s(const co_research_t *r) {
  return r ? r->max_age_s : 0;
}

int co_research_err_is_transient(co_err_t err) {
  return err == CO_ERR_HTTP || err == CO_ERR_TIMEOUT || err == CO_ERR_PARSE || err == CO_ERR_IO || err == CO_ERR_NOMEM;
}

static int task_ok(json_t *task) {
  const char *c = json_string_value(json_object_get(task, "company"));
  return json_is_object(task) && c && *c;
}

co_err_t co_research_offline(co_research_t *r, json_t *task, json_t *prev, json_t **out, char *errstr,
                             size_t errstr_size) {
  (void)r;
  if (out) *out = NULL;
  if (!out || !task_ok(task))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "research: task needs a non-empty \"company\"");
  if (!(*out = co_research_fold(task, json_is_object(prev) ? prev : NULL, co_time_wall_ms())))
    return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "research: cannot build the briefing");
  return CO_OK;
}

/* The LLM prompt: the facts and the news, nothing else, kept short. */
static const char llm_system[] =
    "You write short company briefings for a job candidate before an interview or while weighing an offer. "
    "Use only the facts given. Write one plain-text paragraph of at most 120 words: what the company does, "
    "what is new, and where the candidate stands. No lists, no markdown, no invented facts.";

static char *llm_user(const json_t *b) {
  char *buf = NULL;
  size_t len = 0, i;
  json_t *e;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return NULL;
  fprintf(f, "Company: %s\nCandidate's history: %s\nRoles: %s\nNews:\n",
          json_string_value(json_object_get(b, "company")), json_string_value(json_object_get(b, "summary")),
          json_string_value(json_object_get(b, "role_notes")));
  json_array_foreach(json_object_get(b, "news"), i, e) {
    fprintf(f, "- %s: %s\n", json_string_value(json_object_get(e, "title")),
            json_string_value(json_object_get(e, "snippet")));
  }
  fclose(f);
  return buf;
}

co_err_t co_research_brief(co_research_t *r, json_t *task, json_t *prev, json_t **out, char *errstr,
                           size_t errstr_size) {
  co_err_t err;
  json_t *b = NULL, *news = NULL;
  char *answer = NULL, *query = NULL, *user = NULL, *text = NULL, why[512] = "", prov[32] = "";
  if (out) *out = NULL;
  if (!r || !out) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "research: NULL argument");
  if (!*r->tavily_key) return co_research_offline(r, task, prev, out, errstr, errstr_size);
  if ((err = co_research_offline(r, task, prev, &b, errstr, errstr_size))) return err;
  const char *company = json_string_value(json_object_get(b, "company"));
  if (asprintf(&query, "%s company news", company) < 0) {
    query = NULL;
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "research: out of memory");
    goto err;
  }
  if ((err = co_research_tavily(r, query, &news, &answer, errstr, errstr_size))) goto err;
  json_object_set_new(b, "news", news);
  json_object_set_new(b, "source", json_string("tavily"));
  if (answer && *answer) {
    /* Tavily's answer describes the company; the history sentence stays after it */
    char *s = NULL;
    if (asprintf(&s, "%s %s", answer, json_string_value(json_object_get(b, "summary"))) >= 0) {
      json_t *js = json_string(s);
      if (js) json_object_set_new(b, "summary", js);
      free(s);
    }
  }
  if (r->llm && (user = llm_user(b))) {
    co_err_t lerr = co_llm_complete(r->llm, llm_system, user, &text, prov, sizeof(prov), why, sizeof(why));
    json_t *js = !lerr && text && *text ? json_string(text) : NULL; /* NULL too for invalid UTF-8 */
    if (js) {
      json_object_set_new(b, "summary", js);
      json_object_set_new(b, "source", json_string("tavily+llm"));
    } else {
      if (!lerr) snprintf(why, sizeof(why), "reply is empty or not UTF-8");
      CO_WARN("research", "%s: LLM summary failed, keeping Tavily's snippets: %s", company, why);
    }
  }
  co_research_rerender(b);
  *out = b;
  b = NULL;
  err = CO_OK;
err:
  json_decref(b);
  free(answer);
  free(query);
  free(user);
  free(text);
  return err;
}

int co_research_is_stale(const json_t *briefing, int64_t now, int64_t max_age_s) {
  const char *u = json_string_value(json_object_get(briefing, "updated_at"));
  struct tm tm = {0};
  if (!u) return 1;
  const char *end = strptime(u, "%Y-%m-%dT%H:%M:%S", &tm);
  if (!end || (*end && *end != 'Z' && *end != '.')) return 1;
  int64_t at_ms = (int64_t)timegm(&tm) * 1000;
  return now - at_ms > max_age_s * 1000;
}
