/* co_pipeline_research.c: the "research" processor: one research task
 * (topic.research, key company) in, the account's briefing of that company
 * in the "briefings" store out.
 *
 * A briefing belongs to one account: it is stored under company \x1f
 * account, folded only from that account's tasks and previous briefing
 * (docs/research.md), so another mailbox that dealt with the same company,
 * even holding the same Message-IDs, never enters it. A per-company list
 * (CO_PL_BR_ACC + company -> JSON array of accounts) lets an admin read
 * every account's briefing of a company; an account reads only its own.
 *
 * The briefing is cached per (company, account): while it is younger than
 * briefing.max.age.s only the person's own history is folded in (offline,
 * no network); once stale, the researcher asks Tavily and the LLM again.
 * A transient failure is retried by the runtime (RETRYABLE, with backoff);
 * on the last attempt the processor stores the offline briefing, so what is
 * known is never held back, and sends the task to the DLQ itself (class
 * "degraded") so a replay can fetch the full briefing later.
 *
 * State of an older version (one briefing per company, key company, folded
 * over every account) is migrated as tasks arrive: with no briefing of its
 * own, an account's task folds that old briefing's entries of this account
 * (and its news) into a fresh per-account briefing and researches again;
 * the old key is never served. docs/research.md says how to rebuild at once.
 *
 * Each stored briefing also gets a change-log entry in the same store
 * (CO_PL_BR_CHG + sequence -> its key), which the search indexer reads from
 * outside the topology to keep its FAISS/BM25 index in step with the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_json.h"
#include "co_log.h"
#include "co_pipeline_int.h"



/* Accounts with a briefing of a company: CO_PL_BR_ACC + company -> JSON
 * array of account names. */
#define CO_PL_BR_ACC CO_PL_BR_META "br.acc\x1f"

char *co_pl_briefing_key(const char *company, const char *account) {
  char *k = NULL;
  if (!company || !account || strchr(company, '\x1f') || strchr(account, '\x1f')) return NULL;
  return asprintf(&k, "%s\x1f%s", company, account) < 0 ? NULL : k;
}

static char *acc_key(const char *company) {
  char *k = NULL;
  return asprintf(&k, "%s%s", CO_PL_BR_ACC, company) < 0 ? NULL : k;
}

/* Stores the briefing under key, the account in the company's list, and
 * the change-log entry. */
static co_err_t store_briefing(co_ctx_t *ctx, const char *company, const char *account, const char *key, json_t *b) {
  char chg[64], seqs[32], *ak = acc_key(company);
  void *v;
  size_t vl;
  long long seq = 1;
  co_err_t e = CO_OK;
  json_t *accs = NULL, *a;
  size_t i;
  int listed = 0;
  if (!ak) return CO_ERR_NOMEM;
  if (co_ctx_get(ctx, CO_PL_STORE_BRIEFINGS, CO_PL_BR_SEQ, strlen(CO_PL_BR_SEQ), &v, &vl) == CO_OK) {
    seq = atoll(v) + 1; /* NUL-terminated by the store */
    free(v);
  }
  co_pl_briefing_chg_key(seq, chg, sizeof(chg));
  snprintf(seqs, sizeof(seqs), "%lld", seq);
  accs = co_pl_ctx_get_json(ctx, CO_PL_STORE_BRIEFINGS, ak);
  if (!json_is_array(accs)) {
    json_decref(accs);
    accs = json_array();
  }
  json_array_foreach(accs, i, a) listed |= json_is_string(a) && !strcmp(json_string_value(a), account);
  if (!listed) {
    json_array_append_new(accs, json_string(account));
    e = co_pl_ctx_put_json(ctx, CO_PL_STORE_BRIEFINGS, ak, accs);
  }
  if (!e) e = co_pl_ctx_put_json(ctx, CO_PL_STORE_BRIEFINGS, key, b);
  if (!e) e = co_ctx_put(ctx, CO_PL_STORE_BRIEFINGS, chg, strlen(chg), key, strlen(key), 0);
  if (!e) e = co_ctx_put(ctx, CO_PL_STORE_BRIEFINGS, CO_PL_BR_SEQ, strlen(CO_PL_BR_SEQ), seqs, strlen(seqs), 0);
  json_decref(accs);
  free(ak);
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
  char cause[512] = "", *key = NULL;

  if (!rec->value) return CO_PROC_OK;
  if (!(task = json_loadb(rec->value, rec->value_len, 0, &je)) || !json_is_object(task)) {
    snprintf(errstr, errstr_size, "research: value is not a JSON task object (%s)", task ? "not an object" : je.text);
    rc = CO_PROC_POISON;
    goto done;
  }
  const char *company = json_string_value(json_object_get(task, "company"));
  const char *account = json_string_value(json_object_get(task, "account"));
  if (!company || !*company || company[0] == CO_PL_BR_META[0] || strchr(company, '\x1f')) {
    snprintf(errstr, errstr_size, "research: task has no company");
    rc = CO_PROC_POISON;
    goto done;
  }
  if (!account || !*account || !(key = co_pl_briefing_key(company, account))) {
    snprintf(errstr, errstr_size, "research: task has no account");
    rc = CO_PROC_POISON;
    goto done;
  }
  prev = co_pl_ctx_get_json(ctx, CO_PL_STORE_BRIEFINGS, key);
  /* An older version's briefing of every account: this account's part of
   * it seeds the fold (co_research_fold keeps nothing else) and the rest is
   * researched again, since its summary may tell of other accounts. */
  int legacy = !prev && (prev = co_pl_ctx_get_json(ctx, CO_PL_STORE_BRIEFINGS, company)) != NULL;
  /* A briefing stored after failed research is due for another try. */
  int stale = legacy || co_research_is_stale(prev, co_ctx_now_ms(ctx), co_research_max_age_s(p->research)) ||
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
  if (json_object_set(out, "type", json_object_get(task, "reason")) || store_briefing(ctx, company, account, key, out))
    goto store_err;
  goto done;
store_err:
  snprintf(errstr, errstr_size, "research: state store write failed");
  rc = CO_PROC_RETRYABLE;
done:
  free(key);
  json_decref(task);
  json_decref(prev);
  json_decref(out);
  return rc;
}

void co_pl_briefing_chg_key(long long seq, char *buf, size_t size) {
  snprintf(buf, size, "%s%020lld", CO_PL_BR_CHG, seq);
}

/* A committed JSON value of the company's partition (every key of a
 * company lives there: the one of its research tasks). */
static json_t *read_json(co_pipeline_t *p, int32_t part, const char *key, co_err_t *e) {
  void *v;
  size_t vl;
  json_t *j = NULL;
  if ((*e = co_rt_store_get(p->rt, CO_PL_STORE_BRIEFINGS, part, key, strlen(key), &v, &vl))) return NULL;
  if (!(j = json_loadb(v, vl, 0, NULL))) *e = CO_ERR_PARSE;
  free(v);
  return j;
}

static int by_at(const void *a, const void *b) {
  json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
  int c = strcmp(co_json_str(x, "at"), co_json_str(y, "at"));
  return c ? c : strcmp(co_json_str(x, "account"), co_json_str(y, "account"));
}

/* The admin's view of several accounts' briefings of one company: the
 * latest one's research fields, every account's history (by date), people,
 * role notes, summaries and texts side by side. A new reference. */
static json_t *merge_briefings(json_t *list) {
  json_t *base = NULL, *b, *e, *hist = json_array(), *people = json_array(), *accounts = json_array();
  size_t i, j, n = 0;
  char *notes = NULL, *summary = NULL, *text = NULL;
  size_t nl = 0, sl = 0, tl = 0;
  FILE *fn = open_memstream(&notes, &nl), *fs = open_memstream(&summary, &sl), *ft = open_memstream(&text, &tl);
  json_array_foreach(list, i, b) {
    if (!base || strcmp(co_json_str(b, "updated_at"), co_json_str(base, "updated_at")) > 0) base = b;
    json_array_foreach(json_object_get(b, "history"), j, e) json_array_append(hist, e);
    json_array_foreach(json_object_get(b, "accounts"), j, e) json_array_append(accounts, e);
    json_array_foreach(json_object_get(b, "interviewers"), j, e) {
      size_t k;
      json_t *o;
      int dup = 0;
      json_array_foreach(people, k, o) dup |= json_equal(o, e);
      if (!dup) json_array_append(people, e);
    }
    if (fn) fprintf(fn, "%s%s", i ? " " : "", co_json_str(b, "role_notes"));
    if (fs) fprintf(fs, "%s%s", i ? "\n\n" : "", co_json_str(b, "summary"));
    if (ft) fprintf(ft, "%s%s", i ? "\n\n" : "", co_json_str(b, "text"));
  }
  if (fn) fclose(fn);
  if (fs) fclose(fs);
  if (ft) fclose(ft);
  json_t **v = calloc(json_array_size(hist) + 1, sizeof(*v)), *sorted = json_array();
  json_array_foreach(hist, i, e) if (v) v[n++] = e;
  if (v) qsort(v, n, sizeof(*v), by_at);
  for (i = 0; v && i < n; i++) json_array_append(sorted, v[i]);
  free(v);
  json_t *out = json_deep_copy(base);
  if (out) {
    json_object_set_new(out, "history", sorted);
    json_object_set_new(out, "accounts", accounts);
    json_object_set_new(out, "interviewers", people);
    json_object_set_new(out, "role_notes", json_string(notes ? notes : ""));
    json_object_set_new(out, "summary", json_string(summary ? summary : ""));
    json_object_set_new(out, "text", json_string(text ? text : ""));
  } else {
    json_decref(sorted);
    json_decref(accounts);
    json_decref(people);
  }
  json_decref(hist);
  free(notes);
  free(summary);
  free(text);
  return out;
}

co_err_t co_pipeline_briefing_of(co_pipeline_t *p, const char *account, const char *company, char **json_out,
                                 char *errstr, size_t errstr_size) {
  co_err_t e = CO_OK;
  json_t *list = NULL, *accs = NULL, *a, *out = NULL;
  char *key = NULL;
  size_t i;
  *json_out = NULL;
  if (!company || !*company || company[0] == CO_PL_BR_META[0] || strchr(company, '\x1f') ||
      (account && strchr(account, '\x1f')))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "briefing: company is empty or invalid");
  int32_t part = co_rt_partition_for(company, strlen(company), co_rt_partitions(p->rt));
  if (account) { /* one account: its own briefing, or none */
    if (!(key = co_pl_briefing_key(company, account))) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "nomem");
    out = read_json(p, part, key, &e);
    goto done;
  }
  if (!(key = acc_key(company)) || !(list = json_array())) {
    e = CO_ERR_NOMEM;
    goto done;
  }
  accs = read_json(p, part, key, &e);
  json_array_foreach(accs, i, a) {
    char *k = co_pl_briefing_key(company, json_string_value(a) ? json_string_value(a) : "");
    co_err_t ge;
    json_t *b = k ? read_json(p, part, k, &ge) : NULL;
    free(k);
    if (json_is_object(b)) json_array_append(list, b);
    json_decref(b);
  }
  if (e) goto done;
  if (!json_array_size(list))
    e = CO_ERR_NOT_FOUND;
  else
    out = json_array_size(list) == 1 ? json_incref(json_array_get(list, 0)) : merge_briefings(list);
done:
  if (!e && !out) e = CO_ERR_NOMEM;
  if (!e && !(*json_out = json_dumps(out, JSON_COMPACT))) e = CO_ERR_NOMEM;
  free(key);
  json_decref(list);
  json_decref(accs);
  json_decref(out);
  if (e == CO_ERR_NOT_FOUND) return co_seterr(errstr, errstr_size, e, "no briefing for this company");
  if (e) return co_seterr(errstr, errstr_size, e, "briefing: store read failed");
  return CO_OK;
}

co_err_t co_pipeline_briefing(co_pipeline_t *p, const char *company, char **json_out, char *errstr,
                              size_t errstr_size) {
  return co_pipeline_briefing_of(p, NULL, company, json_out, errstr, errstr_size);
}
