/* co_llm_complete.c: free-text completion over the same provider chain.
 *
 * Briefings and other prose need a paragraph, not a classification, but the
 * same operational rules: providers in llm.providers order, keys rotated on
 * 429, the token bucket and the breaker shared with co_llm_classify (one
 * provider has one quota, whatever it is asked). There is no offline answer
 * here: when every provider fails the caller keeps what it had. The user
 * text is cut to llm.max.chars code points, like an email. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm_int.h"
#include "co_log.h"

co_err_t co_llm_complete(co_llm_chain_t *c, const char *system, const char *user, char **out, char *provider,
                         size_t provider_size, char *errstr, size_t errstr_size) {
  co_err_t err = CO_ERR_UNSUPPORTED;
  char last[512] = "", *cut = NULL;
  if (out) *out = NULL;
  if (provider && provider_size) provider[0] = '\0';
  if (!c || !system || !user || !out) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "llm: NULL argument");
  if (!c->nprov) return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "llm: no provider configured");
  if (!(cut = strndup(user, co_llm_utf8_cut(user, strlen(user), c->max_chars))))
    return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "llm: out of memory");
  co_llm_msg_t msg = {"user", cut};
  for (int i = 0; i < c->nprov; i++) {
    co_llm_prov_t *p = &c->provs[i];
    char *text = NULL;
    if (!co_llm_guard_allow(&p->guard)) {
      snprintf(last, sizeof(last), "%s: circuit breaker open", p->wire->name);
      err = CO_ERR_UNSUPPORTED;
      continue;
    }
    err = co_llm_request(c, p, system, 0, &msg, 1, &text, last, sizeof(last));
    if (!err && (!text || !*text)) err = co_seterr(last, sizeof(last), CO_ERR_PARSE, "%s: empty reply", p->wire->name);
    co_llm_guard_result(&p->guard, err == CO_OK);
    if (!err) {
      *out = text;
      if (provider) snprintf(provider, provider_size, "%s", p->wire->name);
      if (errstr && errstr_size) errstr[0] = '\0';
      free(cut);
      return CO_OK;
    }
    free(text);
    CO_WARN("llm", "%s completion failed%s: %s", p->wire->name, i + 1 < c->nprov ? ", falling back" : "", last);
  }
  free(cut);
  /* every provider skipped by its breaker reads as "unavailable", not a remote error */
  if (err == CO_ERR_UNSUPPORTED) err = CO_ERR_HTTP;
  co_seterr(errstr, errstr_size, err, "%s", last);
  return err;
}
