/* co_research_int.h: researcher internals shared by the orchestration
 * (co_research.c), the mail-history fold (co_research_history.c), the text
 * rendering (co_research_text.c) and the Tavily client. */
#ifndef CO_RESEARCH_INT_H
#define CO_RESEARCH_INT_H

#include "co_research.h"

struct co_research_s {
  char *tavily_url, *tavily_key; /* key "" = offline only */
  co_llm_chain_t *llm;           /* borrowed, may be NULL */
  long timeout_ms;
  int max_results;
  int64_t retry_max_ms; /* longest Retry-After honoured */
  int64_t max_age_s;
};

/* Offline skeleton of a briefing (every key present, source "offline",
 * summary from history, text rendered); task must have been validated. */
json_t *co_research_fold(json_t *task, json_t *prev, int64_t now_ms);

/* Names of people found in one email: sender display name when the sender
 * writes from the company's domain, signature lines followed by a title
 * line naming the company, and "interview with NAME" phrases. Appended to
 * names (a JSON array of strings) without duplicates. */
void co_research_names(const char *company, const char *from_name, const char *from_addr, const char *text,
                       json_t *names);

/* Appends s to arr unless an equal string is already there. */
void co_research_add_unique(json_t *arr, const char *s);

/* Plain-text rendering of every field (malloc'd). */
char *co_research_render(const json_t *b);
/* Re-renders b's "text" after fields changed. */
void co_research_rerender(json_t *b);

/* "YYYY-MM-DDTHH:MM:SSZ" for ms since the epoch. */
void co_research_iso(int64_t ms, char *buf, size_t size);

/* POST {tavily.url}/search. On CO_OK *news is a new array of
 * {title,url,snippet,published} and *answer (may be NULL) Tavily's own
 * short answer, malloc'd. Errors as co_research_brief(). */
co_err_t co_research_tavily(co_research_t *r, const char *query, json_t **news, char **answer, char *errstr,
                            size_t errstr_size);

#endif
