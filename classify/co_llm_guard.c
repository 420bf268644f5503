/* co_llm_guard.c: per-provider circuit breaker and token bucket.
 *
 * The breaker stops a chain from paying a full timeout per email to a
 * provider that is down: after fail_threshold consecutive failures it opens,
 * and only after cooldown_ms does it let one probe through (half-open); the
 * probe's outcome closes or re-opens it. The bucket keeps a provider under
 * its quota: rate tokens per second, a burst of max(1, rate). Both live
 * under one small lock; nothing blocks while holding it. */
#include <time.h>

#include "co_llm_int.h"
#include "co_time.h"

void co_llm_guard_init(co_llm_guard_t *g, int fail_threshold, int64_t cooldown_ms, double rate_per_s) {
  pthread_mutex_init(&g->lock, NULL);
  g->fail_threshold = fail_threshold;
  g->cooldown_ms = cooldown_ms;
  g->consec_fail = 0;
  g->state = CO_LLM_BREAKER_CLOSED;
  g->opened_at_ms = 0;
  g->probe_inflight = 0;
  g->rate = rate_per_s;
  g->burst = rate_per_s < 1 ? 1 : rate_per_s;
  g->tokens = g->burst;
  g->refill_at_ms = co_time_mono_ms();
}

void co_llm_guard_destroy(co_llm_guard_t *g) {
  pthread_mutex_destroy(&g->lock);
}

static co_llm_breaker_state_t state_now(co_llm_guard_t *g) {
  if (g->state == CO_LLM_BREAKER_OPEN && co_time_mono_ms() - g->opened_at_ms >= g->cooldown_ms)
    return CO_LLM_BREAKER_HALF_OPEN;
  return g->state;
}

int co_llm_guard_allow(co_llm_guard_t *g) {
  int ok = 0;
  pthread_mutex_lock(&g->lock);
  co_llm_breaker_state_t s = state_now(g);
  if (s == CO_LLM_BREAKER_CLOSED) {
    ok = 1;
  } else if (s == CO_LLM_BREAKER_HALF_OPEN && !g->probe_inflight) {
    g->state = CO_LLM_BREAKER_HALF_OPEN;
    g->probe_inflight = 1;
    ok = 1;
  }
  pthread_mutex_unlock(&g->lock);
  return ok;
}

void co_llm_guard_result(co_llm_guard_t *g, int ok) {
  pthread_mutex_lock(&g->lock);
  int was_probe = g->state == CO_LLM_BREAKER_HALF_OPEN;
  g->probe_inflight = 0;
  if (ok) {
    g->consec_fail = 0;
    g->state = CO_LLM_BREAKER_CLOSED;
  } else if (was_probe || ++g->consec_fail >= g->fail_threshold) {
    g->state = CO_LLM_BREAKER_OPEN;
    g->opened_at_ms = co_time_mono_ms();
  }
  pthread_mutex_unlock(&g->lock);
}

co_llm_breaker_state_t co_llm_guard_state(co_llm_guard_t *g) {
  pthread_mutex_lock(&g->lock);
  co_llm_breaker_state_t s = state_now(g);
  pthread_mutex_unlock(&g->lock);
  return s;
}

int co_llm_guard_take(co_llm_guard_t *g, int64_t max_wait_ms) {
  int64_t deadline = co_time_mono_ms() + max_wait_ms;
  for (;;) {
    int64_t wait_ms;
    pthread_mutex_lock(&g->lock);
    int64_t now = co_time_mono_ms();
    g->tokens += (double)(now - g->refill_at_ms) * g->rate / 1000.0;
    if (g->tokens > g->burst) g->tokens = g->burst;
    g->refill_at_ms = now;
    if (g->tokens >= 1) {
      g->tokens -= 1;
      pthread_mutex_unlock(&g->lock);
      return 1;
    }
    wait_ms = (int64_t)((1 - g->tokens) * 1000.0 / g->rate) + 1;
    pthread_mutex_unlock(&g->lock);
    if (now + wait_ms > deadline) return 0;
    struct timespec ts = {wait_ms / 1000, (wait_ms % 1000) * 1000000};
    nanosleep(&ts, NULL);
  }
}
