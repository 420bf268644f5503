/* co_research.h: company briefings for research tasks.
 *
 * A research task (one INTERVIEW or OFFER email with its company, role and
 * application, layout in docs/research.md) becomes a briefing: a JSON object
 * holding one account's history with the company (stages, dates,
 * interviewers named in mail), recent news and a summary, plus a plain-text
 * rendering of all of it for embedding and search. Nothing of another
 * account's mail enters it (see co_research_prev_is_own).
 *
 * Sources, in order of preference: Tavily search (tavily.api.key) with an LLM
 * summary through the provider chain ("tavily+llm"), Tavily alone when the
 * LLM fails ("tavily"), and the offline briefing built only from the task and
 * the previous briefing ("offline"). The module is a leaf: it knows nothing
 * of Kafka or RocksDB; the caller caches briefings and decides when to retry.
 *
 * Threads: one co_research_t may be used by one thread at a time; the LLM
 * chain it borrows may be shared. The Tavily key is registered with the
 * logger as a secret and never appears in errstr. */
#ifndef CO_RESEARCH_H
#define CO_RESEARCH_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "co_conf.h"
#include "co_err.h"
#include "co_llm.h"

typedef struct co_research_s co_research_t;

/* Builds a researcher from conf (tavily.api.key, tavily.url,
 * briefing.max.age.s, research.timeout.ms, research.tavily.max.results,
 * research.tavily.retry.max.ms; values are copied). llm may be NULL (no LLM
 * summary); it is borrowed and must outlive the researcher. Returns a handle
 * freed with co_research_destroy(), or NULL with errstr set. */
co_research_t *co_research_new(const co_conf_t *conf, co_llm_chain_t *llm, char *errstr, size_t errstr_size);
void co_research_destroy(co_research_t *r);
/* The longest one briefing may take when every remote answers late: two
 * Tavily requests of research.timeout.ms with the longest Retry-After
 * between them, and the LLM summary (co_llm_chain_worst_ms). */
int64_t co_research_worst_ms(const co_research_t *r);

/* Builds the briefing for task, folding in prev (the previous briefing of the
 * same company, or NULL). task and prev are borrowed. On CO_OK *out is a new
 * reference the caller json_decref()s. Without a Tavily key this is
 * co_research_offline(). Errors, *out NULL:
 *   CO_ERR_INVALID_ARG  task is not an object with a non-empty "company";
 *   CO_ERR_CONFIG       Tavily rejected the key or request (4xx but 429):
 *                       retrying is useless;
 *   CO_ERR_HTTP, CO_ERR_TIMEOUT, CO_ERR_PARSE, CO_ERR_IO
 *                       Tavily failed transiently (429, 5xx, timeout, bad
 *                       JSON, transport): retry later, then fall back to
 *                       co_research_offline() so the notification still goes
 *                       out with what is known.
 * An LLM failure is never an error: the briefing keeps Tavily's snippets and
 * says source "tavily". */
co_err_t co_research_brief(co_research_t *r, json_t *task, json_t *prev, json_t **out, char *errstr,
                           size_t errstr_size);

/* The offline briefing: history, interviewers, accounts and next interview
 * from task and prev, news carried over from prev. Makes no network call and
 * succeeds on any task with a company (CO_ERR_INVALID_ARG otherwise). r may
 * be NULL. Ownership as co_research_brief(). */
co_err_t co_research_offline(co_research_t *r, json_t *task, json_t *prev, json_t **out, char *errstr,
                             size_t errstr_size);

/* A briefing belongs to one account: the task's "account". prev may come
 * from an older version that folded every account into one briefing; the
 * fold then takes only prev's history entries of the task's account and its
 * news (public research), never its other entries, interviewers, next
 * interview or accounts. co_research_prev_is_own() says whether prev (may
 * be NULL: 1) is account's alone ("accounts" is exactly [account]); a
 * caller should not keep anything else of a prev that is not (e.g. an LLM
 * summary written from several accounts' history). */
int co_research_prev_is_own(const json_t *prev, const char *account);

/* 1 if a retry may succeed (see co_research_brief), 0 otherwise. */
int co_research_err_is_transient(co_err_t err);

/* 1 when briefing is NULL, has no parseable "updated_at", or is older than
 * max_age_s at now_ms (Unix epoch milliseconds); 0 while fresh. */
int co_research_is_stale(const json_t *briefing, int64_t now_ms, int64_t max_age_s);

/* briefing.max.age.s as configured. */
int64_t co_research_max_age_s(const co_research_t *r);

#endif
