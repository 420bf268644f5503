/* co_llm.h: classify an email with remote LLMs, never losing it.
 *
 * A chain walks the providers named in llm.providers (openai, gemini) in
 * order. Each provider has several API keys (rotated on HTTP 429), a token
 * bucket (llm.rate.per.s) and a circuit breaker (open after
 * llm.breaker.failures consecutive failures, one half-open probe after
 * llm.breaker.cooldown.ms). A reply must be one JSON object matching the
 * schema exactly; a bad reply earns one repair request, then the provider is
 * given up for this email. When every provider fails the offline classifier
 * answers, so a call with valid arguments always yields a result.
 *
 * Threads: a chain may be shared by any number of threads. API keys are
 * registered with the logger as secrets and never appear in errstr. */
#ifndef CO_LLM_H
#define CO_LLM_H

#include <stddef.h>

#include "co_classify.h"
#include "co_conf.h"
#include "co_err.h"

typedef struct co_llm_chain_s co_llm_chain_t;

/* Builds a chain from conf (copied: conf may be destroyed afterwards).
 * offline is required, not owned, and must outlive the chain. Returns a chain
 * the caller frees with co_llm_chain_destroy(), or NULL with errstr set (an
 * unknown provider name, a provider without keys, NULL offline). An empty
 * llm.providers is valid: every call goes to the offline classifier. */
co_llm_chain_t *co_llm_chain_new(const co_conf_t *conf, co_classify_model_t *offline, char *errstr,
                                 size_t errstr_size);
void co_llm_chain_destroy(co_llm_chain_t *chain);

/* Classifies one email into *out (fully overwritten; out->rule is NULL for an
 * LLM answer). classifier (may be NULL) receives "openai", "gemini" or
 * "offline-fallback". Returns CO_OK whenever *out holds a result, even when
 * every provider failed (errstr then says why the last one failed, with "" if
 * none was tried); an error only for bad arguments or an offline failure. */
co_err_t co_llm_classify(co_llm_chain_t *chain, const co_classify_input_t *in, co_classify_result_t *out,
                         char *classifier, size_t classifier_size, char *errstr, size_t errstr_size);

typedef enum { CO_LLM_BREAKER_CLOSED = 0, CO_LLM_BREAKER_OPEN, CO_LLM_BREAKER_HALF_OPEN } co_llm_breaker_state_t;

/* Breaker state of the named provider as a call made now would see it: an
 * open breaker whose cool-down has passed reads HALF_OPEN. -1 if the chain
 * has no such provider. */
int co_llm_breaker_state(co_llm_chain_t *chain, const char *provider);

/* The longest one call (co_llm_classify or co_llm_complete) may take when
 * every provider answers late: per provider and key a rate-limit wait and a
 * request of llm.timeout.ms each, twice (the repair turn). 0 for NULL or a
 * chain without providers. */
int64_t co_llm_chain_worst_ms(const co_llm_chain_t *chain);

/* Cuts s to at most max_chars code points without splitting a UTF-8
 * sequence; returns the byte length to keep. */
size_t co_llm_utf8_cut(const char *s, size_t len, size_t max_chars);

/* Free-text completion (co_llm_complete.c): sends system and user (cut to
 * llm.max.chars code points) to the providers in order, with the same key
 * rotation, token bucket and breakers as co_llm_classify, and no JSON mode.
 * On CO_OK *out is the first non-empty reply, malloc'd (caller frees), and
 * provider (may be NULL) gets its name. Otherwise *out is NULL and the error
 * is CO_ERR_UNSUPPORTED (no provider configured), CO_ERR_INVALID_ARG, or the
 * last provider's failure (CO_ERR_HTTP, CO_ERR_TIMEOUT, CO_ERR_PARSE), every
 * one of them worth a later retry; there is no offline fallback. */
co_err_t co_llm_complete(co_llm_chain_t *chain, const char *system, const char *user, char **out, char *provider,
                         size_t provider_size, char *errstr, size_t errstr_size);

#endif
