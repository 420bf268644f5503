/* co_llm_int.h: LLM chain internals shared by the chain, the guards
 * (breaker, bucket) and the provider wire formats. */
#ifndef CO_LLM_INT_H
#define CO_LLM_INT_H

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>

#include "co_llm.h"

/* Circuit breaker + token bucket of one provider; guarded by its own lock. */
typedef struct co_llm_guard_s {
  pthread_mutex_t lock;
  /* breaker */
  int fail_threshold;
  int64_t cooldown_ms;
  int consec_fail;
  co_llm_breaker_state_t state;
  int64_t opened_at_ms;
  int probe_inflight; /* half-open lets exactly one request through */
  /* bucket */
  double rate, burst, tokens;
  int64_t refill_at_ms;
} co_llm_guard_t;

void co_llm_guard_init(co_llm_guard_t *g, int fail_threshold, int64_t cooldown_ms, double rate_per_s);
void co_llm_guard_destroy(co_llm_guard_t *g);
/* 1 if the breaker lets a request through now (claims the half-open probe). */
int co_llm_guard_allow(co_llm_guard_t *g);
void co_llm_guard_result(co_llm_guard_t *g, int ok);
co_llm_breaker_state_t co_llm_guard_state(co_llm_guard_t *g);
/* Takes one token, waiting at most max_wait_ms for it; 0 if none came. */
int co_llm_guard_take(co_llm_guard_t *g, int64_t max_wait_ms);

/* One turn of a conversation: role "user" or "assistant". */
typedef struct co_llm_msg_s {
  const char *role;
  const char *text;
} co_llm_msg_t;

/* A provider's wire format. */
typedef struct co_llm_wire_s {
  const char *name;
  /* malloc'd URL for one request with key (gemini puts it in the query) */
  char *(*url)(const char *base, const char *model, const char *key);
  /* "Authorization: ..." header line, or NULL; malloc'd */
  char *(*auth_header)(const char *key);
  /* json_mode asks for one JSON object (classification); 0 for free text. */
  json_t *(*body)(const char *model, const char *system, int json_mode, const co_llm_msg_t *msgs, int nmsgs);
  /* Borrowed reply text from a parsed 200 response, or NULL. */
  const char *(*reply_text)(json_t *resp);
} co_llm_wire_t;

extern const co_llm_wire_t co_llm_wire_openai;
extern const co_llm_wire_t co_llm_wire_gemini;

/* One provider of a chain: its wire format, keys and guards. */
typedef struct co_llm_prov_s {
  const co_llm_wire_t *wire;
  char *base, *model;
  char **keys;
  int nkeys;
  int key_idx; /* atomic: the key new requests start with */
  co_llm_guard_t guard;
} co_llm_prov_t;

struct co_llm_chain_s {
  co_llm_prov_t *provs;
  int nprov;
  co_classify_model_t *offline;
  long timeout_ms;
  size_t max_chars;
};

/* One logical request to provider p (co_llm.c): waits for a bucket token,
 * tries each key once, rotating on 429. On CO_OK *textp is the malloc'd reply
 * text. Does not touch the breaker: the caller reports the outcome. */
co_err_t co_llm_request(co_llm_chain_t *c, co_llm_prov_t *p, const char *system, int json_mode,
                        const co_llm_msg_t *msgs, int nmsgs, char **textp, char *errstr, size_t errstr_size);

#endif
