/* co_pipeline_research.c: the "research" processor: one research task
 * (topic.research, key company) in, the company's briefing in the
 * "briefings" store out.
 *
 * The briefing is cached per company: while it is younger than
 * briefing.max.age.s only the person's own history is folded in (offline,
 * no network); once stale, the researcher asks Tavily and the LLM again.
 * A transient failure is retried by the runtime (RETRYABLE, with backoff);
 * on the last attempt the processor stores the offline briefing, so what is
 * known is never held back, and sends the task to the DLQ itself (class
 * "degraded") so a replay can fetch the full briefing later.
 *
 * Each stored briefing also gets a change-log entry in the same store
 * (CO_PL_BR_CHG + sequence -> company), which the search indexer reads from
 * outside the topology to keep its FAISS/BM25 index in step with the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_pipeline_int.h"



/* Stores the briefing and its change-log entry. */
static co_err_t store_briefing(co_ctx_t *ctx, const char *company, json_t *b) {
  char key[64], seqs[32];
  void *v;
  size_t vl;
  long long seq = 1;
  if (co_ctx_get(ctx, CO_PL_STORE_BRIEFINGS, CO_PL_BR_SEQ, strlen(CO_PL_BR_SEQ), &v, &vl) == CO_OK) {
    seq = atoll(v) + 1; /* NUL-terminated by the store */
    free(v);
  }
  co_pl_briefing_chg_key(seq, key, sizeof(key));
  snprintf(seqs, sizeof(seqs), "%lld", seq);
  co_err_t e = co_pl_ctx_put_json(ctx, CO_PL_STORE_BRIEFINGS, company, b);
  if (!e) e = co_ctx_put(ctx, CO_PL_STORE_BRIEFINGS, key, strlen(key), company, strlen(company), 0);
  if (!e) e = co_ctx_put(ctx, CO_PL_STORE_BRIEFINGS, CO_PL_BR_SEQ, strlen(CO_PL_BR_SEQ), seqs, strlen(seqs), 0);
  return e;
}

/* A fresh briefing from an external source keeps its summary, source and
 * age while the offline fold adds the latest history. */
static void keep_external(json_t *out, json_t *prev) {
  const char *src = json_string_value(json_object_get(prev, "source"));
  if (!src || !strcmp(src, "offline")) return;
  const char *ps = json_string_value(json_object_get(prev, "summary"));
  const char *text = json_string_value(json_object_get(out, "text"));
  json_object_set(out, "source", json_object_get(prev, "source"));
  json_object_set(out, "updated_at", json_object_get(prev, "updated_at"));
  if (ps && *ps) {
    json_object_set_new(out, "summary", json_string(ps));
    size_t n = strlen(ps) + (text ? strlen(text) : 0) + 3;
    char *t = malloc(n);
    if (t) {
      snprintf(t, n, "%s\n\n%s", ps, text ? text : "");
      json_object_set_new(out, "text", json_string(t));
      free(t);
    }
  }
}

co_proc_rc_t co_pl_research_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr,
                                 size_t errstr_size) {
  co_pipeline_t *p = opaque;
  co_proc_rc_t rc = CO_PROC_OK;
  json_t *task = NULL, *prev = NULL, *out = NULL;
  json_error_t je;
  char cause[512] = "";

  if (!rec->value) return CO_PROC_OK;
  if (!(task = json_loadb(rec->value, rec->value_len, 0, &je)) || !json_is_object(task)) {
    snprintf(errstr, errstr_size, "research: value is not a JSON task object (%s)", task ? "not an object" : je.text);
    rc = CO_PROC_POISON;
    goto done;
  }
  const char *company = json_string_value(json_object_get(task, "company"));
  if (!company || !*company || company[0] == CO_PL_BR_META[0]) {
    snprintf(errstr, errstr_size, "research: task has no company");
    rc = CO_PROC_POISON;
    goto done;
  }
  prev = co_pl_ctx_get_json(ctx, CO_PL_STORE_BRIEFINGS, company);
  /* A briefing stored after failed research is due for another try. */
  int stale = co_research_is_stale(prev, co_ctx_now_ms(ctx), co_research_max_age_s(p->research)) ||
              json_object_get(prev, "research_error");
  co_err_t e;
  if (!stale) {
    e = co_research_offline(p->research, task, prev, &out, cause, sizeof(cause));
    if (!e) keep_external(out, prev);
  } else {
    e = co_research_brief(p->research, task, prev, &out, cause, sizeof(cause));
  }
  if (e == CO_ERR_INVALID_ARG) {
    snprintf(errstr, errstr_size, "research: %s", cause);
    rc = CO_PROC_POISON;
    goto done;
  }
  if (e) {
    if (co_research_err_is_transient(e) && co_ctx_attempt(ctx) < co_ctx_max_attempts(ctx)) {
      snprintf(errstr, errstr_size, "research: %s", cause);
      rc = CO_PROC_RETRYABLE;
      goto done;
    }
    /* Out of attempts, or a failure retrying cannot fix: keep what is known. */
    CO_LOGKV(CO_LOG_WARN, "research", "external research failed; storing the offline briefing", "company", company,
             "error", cause);
    char ocause[256];
    if (co_research_offline(p->research, task, prev, &out, ocause, sizeof(ocause))) {
      snprintf(errstr, errstr_size, "research: %s", ocause);
      rc = CO_PROC_POISON;
      goto done;
    }
    json_object_set_new(out, "research_error", json_string(cause));
    char dcause[600];
    snprintf(dcause, sizeof(dcause), "research degraded to the offline briefing: %s", cause);
    if (co_ctx_send_dlq(ctx, "degraded", dcause)) goto store_err;
  }
  if (json_object_set(out, "type", json_object_get(task, "reason")) || store_briefing(ctx, company, out))
    goto store_err;
  goto done;
store_err:
  snprintf(errstr, errstr_size, "research: state store write failed");
  rc = CO_PROC_RETRYABLE;
done:
  json_decref(task);
  json_decref(prev);
  json_decref(out);
  return rc;
}

void co_pl_briefing_chg_key(long long seq, char *buf, size_t size) {
  snprintf(buf, size, "%s%020lld", CO_PL_BR_CHG, seq);
}

co_err_t co_pipeline_briefing(co_pipeline_t *p, const char *company, char **json_out, char *errstr,
                              size_t errstr_size) {
  void *v;
  size_t vl;
  *json_out = NULL;
  if (!company || !*company || company[0] == CO_PL_BR_META[0])
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "briefing: company is empty or invalid");
  co_err_t e = co_rt_store_get(p->rt, CO_PL_STORE_BRIEFINGS, -1, company, strlen(company), &v, &vl);
  if (e == CO_ERR_NOT_FOUND) return co_seterr(errstr, errstr_size, e, "no briefing for this company");
  if (e) return co_seterr(errstr, errstr_size, e, "briefing: store read failed");
  *json_out = v;
  return CO_OK;
}
