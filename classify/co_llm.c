/* co_llm.c: the provider chain: fallback order, key rotation, guards,
 * one repair turn, and the offline classifier as the last resort.
 *
 * Each email walks the providers in order. A provider is skipped while its
 * breaker is open; otherwise its request goes out with the current key, a 429
 * moves the provider to its next key (shared by all threads, so one
 * exhausted key is left alone by everyone) and the request is retried once
 * per key. A reply that fails validation gets one repair turn quoting the
 * validator's complaint. Any other failure (transport, timeout, non-2xx, a
 * second bad reply) counts against the breaker and the email moves on. The
 * offline model always answers last, so no email is ever dropped.
 * Keys go to the logger's secret list and nowhere else: error texts carry
 * the provider name and HTTP status or curl's message, never a URL. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_buf.h"
#include "co_llm_int.h"
#include "co_llm_schema.h"
#include "co_log.h"

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* Splits a comma list into trimmed, non-empty malloc'd strings. */
static char **split_list(const char *s, int *np) {
  char *dup = strdup(s ? s : ""), *save = NULL;
  char **v = calloc(strlen(dup) / 2 + 2, sizeof(*v));
  int n = 0;
  for (char *t = strtok_r(dup, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    while (*t == ' ' || *t == '\t') t++;
    size_t l = strlen(t);
    while (l && (t[l - 1] == ' ' || t[l - 1] == '\t')) t[--l] = '\0';
    if (l) v[n++] = strdup(t);
  }
  free(dup);
  *np = n;
  return v;
}

static void free_list(char **v, int n) {
  for (int i = 0; i < n; i++) free(v[i]);
  free(v);
}

void co_llm_chain_destroy(co_llm_chain_t *c) {
  if (!c) return;
  for (int i = 0; i < c->nprov; i++) {
    co_llm_prov_t *p = &c->provs[i];
    if (!p->wire) continue;
    free(p->base);
    free(p->model);
    free_list(p->keys, p->nkeys);
    co_llm_guard_destroy(&p->guard);
  }
  free(c->provs);
  free(c);
}

co_llm_chain_t *co_llm_chain_new(const co_conf_t *conf, co_classify_model_t *offline, char *errstr,
                                 size_t errstr_size) {
  int nnames = 0;
  char **names = NULL;
  co_llm_chain_t *c = NULL;
  if (!conf || !offline) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "llm: conf and offline model are required");
    return NULL;
  }
  pthread_once(&curl_once, curl_init_once);
  names = split_list(co_conf_str(conf, "llm.providers"), &nnames);
  c = calloc(1, sizeof(*c));
  c->provs = calloc(nnames ? nnames : 1, sizeof(*c->provs));
  c->offline = offline;
  c->timeout_ms = (long)co_conf_int(conf, "llm.timeout.ms");
  c->max_chars = (size_t)co_conf_int(conf, "llm.max.chars");
  for (int i = 0; i < nnames; i++) {
    const co_llm_wire_t *w = !strcmp(names[i], "openai")   ? &co_llm_wire_openai
                             : !strcmp(names[i], "gemini") ? &co_llm_wire_gemini
                                                           : NULL;
    char pfx[64];
    if (!w) {
      co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "llm.providers: unknown provider \"%s\" (openai, gemini)",
                names[i]);
      goto err;
    }
    co_llm_prov_t *p = &c->provs[c->nprov++];
    p->wire = w;
    snprintf(pfx, sizeof(pfx), "llm.%s.", w->name);
    char key[96];
    snprintf(key, sizeof(key), "%surl", pfx);
    p->base = strdup(co_conf_str(conf, key));
    snprintf(key, sizeof(key), "%smodel", pfx);
    p->model = strdup(co_conf_str(conf, key));
    snprintf(key, sizeof(key), "%skeys", pfx);
    p->keys = split_list(co_conf_str(conf, key), &p->nkeys);
    co_llm_guard_init(&p->guard, (int)co_conf_int(conf, "llm.breaker.failures"),
                      co_conf_int(conf, "llm.breaker.cooldown.ms"), co_conf_dbl(conf, "llm.rate.per.s"));
    for (int k = 0; k < p->nkeys; k++) co_log_add_secret(p->keys[k]);
    if (!p->nkeys) {
      co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "llm.%s.keys: provider %s is listed but has no key", w->name,
                w->name);
      goto err;
    }
  }
  free_list(names, nnames);
  return c;
err:
  free_list(names, nnames);
  co_llm_chain_destroy(c);
  return NULL;
}

/* One HTTP exchange with one key. *status gets the HTTP status (0 if none);
 * on 200 *textp gets a malloc'd copy of the model's reply text. */
static co_err_t post_once(co_llm_chain_t *c, co_llm_prov_t *p, const char *key, const char *body, long *status,
                          char **textp, char *errstr, size_t errstr_size) {
  co_err_t err = CO_OK;
  co_buf_t buf = {.max = 8u << 20}; /* no sane reply is this big */
  struct curl_slist *hdrs = NULL;
  char *url = p->wire->url(p->base, p->model, key), *auth = p->wire->auth_header(key);
  json_t *resp = NULL;
  CURL *h = curl_easy_init();
  *status = 0;
  if (!h || !url) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "%s: out of memory", p->wire->name);
    goto done;
  }
  hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
  if (auth) hdrs = curl_slist_append(hdrs, auth);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->timeout_ms);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, co_buf_curl_write);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &buf);
  CURLcode cc = curl_easy_perform(h);
  if (cc != CURLE_OK) {
    err = co_seterr(errstr, errstr_size, cc == CURLE_OPERATION_TIMEDOUT ? CO_ERR_TIMEOUT : CO_ERR_HTTP,
                    "%s: %s", p->wire->name, curl_easy_strerror(cc));
    goto done;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
  if (*status != 200) {
    err = co_seterr(errstr, errstr_size, CO_ERR_HTTP, "%s: HTTP %ld", p->wire->name, *status);
    goto done;
  }
  const char *text = NULL;
  if (!buf.data || !(resp = json_loads(buf.data, 0, NULL)) || !(text = p->wire->reply_text(resp))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "%s: response has no reply text", p->wire->name);
    goto done;
  }
  *textp = strdup(text);
done:
  json_decref(resp);
  curl_slist_free_all(hdrs);
  if (h) curl_easy_cleanup(h);
  co_buf_free(&buf);
  free(url);
  free(auth);
  return err;
}

/* One logical request: tries each key once, moving on only on 429. */
int64_t co_llm_chain_worst_ms(const co_llm_chain_t *c) {
  int64_t ms = 0;
  for (int i = 0; c && i < c->nprov; i++) ms += 2 * (int64_t)c->provs[i].nkeys * 2 * c->timeout_ms;
  return ms;
}

co_err_t co_llm_request(co_llm_chain_t *c, co_llm_prov_t *p, const char *system, int json_mode,
                        const co_llm_msg_t *msgs, int nmsgs, char **textp, char *errstr, size_t errstr_size) {
  json_t *j = p->wire->body(p->model, system, json_mode, msgs, nmsgs);
  char *body = json_dumps(j, JSON_COMPACT);
  co_err_t err = CO_ERR_HTTP;
  json_decref(j);
  for (int tries = 0; tries < p->nkeys; tries++) {
    long status = 0;
    int k = __atomic_load_n(&p->key_idx, __ATOMIC_ACQUIRE);
    if (!co_llm_guard_take(&p->guard, c->timeout_ms)) {
      err = co_seterr(errstr, errstr_size, CO_ERR_TIMEOUT, "%s: rate limit leaves no slot within %ld ms",
                      p->wire->name, c->timeout_ms);
      break;
    }
    err = post_once(c, p, p->keys[k], body, &status, textp, errstr, errstr_size);
    if (status != 429 || p->nkeys == 1) break;
    int next = (k + 1) % p->nkeys;
    __atomic_compare_exchange_n(&p->key_idx, &k, next, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    CO_WARN("llm", "%s: key #%d rate-limited (429), rotating to key #%d", p->wire->name, k + 1, next + 1);
  }
  free(body);
  return err;
}

/* Asks one provider, with one repair turn for an invalid reply. */
static co_err_t ask(co_llm_chain_t *c, co_llm_prov_t *p, const char *prompt, co_classify_result_t *out,
                    char *errstr, size_t errstr_size) {
  co_llm_msg_t msgs[3] = {{"user", prompt}};
  char *first = NULL, *text = NULL, why[256], fix[400];
  co_err_t err = co_llm_request(c, p, co_llm_system_prompt, 1, msgs, 1, &first, errstr, errstr_size);
  if (err) goto done;
  if (co_llm_parse_reply(first, out, why, sizeof(why)) == CO_OK) goto done;
  CO_INFO("llm", "%s: invalid reply (%s), asking for a repair", p->wire->name, why);
  snprintf(fix, sizeof(fix), "Your reply was rejected: %s. Reply with only the corrected JSON object.", why);
  msgs[1] = (co_llm_msg_t){"assistant", first};
  msgs[2] = (co_llm_msg_t){"user", fix};
  if ((err = co_llm_request(c, p, co_llm_system_prompt, 1, msgs, 3, &text, errstr, errstr_size))) goto done;
  if ((err = co_llm_parse_reply(text, out, why, sizeof(why))))
    co_seterr(errstr, errstr_size, err, "%s: invalid reply after repair: %s", p->wire->name, why);
done:
  free(first);
  free(text);
  return err;
}

co_err_t co_llm_classify(co_llm_chain_t *c, const co_classify_input_t *in, co_classify_result_t *out,
                         char *classifier, size_t classifier_size, char *errstr, size_t errstr_size) {
  char last[512] = "";
  co_err_t err;
  if (!c || !in || !out) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "llm: NULL argument");
  char *prompt = c->nprov ? co_llm_user_prompt(in, c->max_chars) : NULL;
  for (int i = 0; prompt && i < c->nprov; i++) {
    co_llm_prov_t *p = &c->provs[i];
    if (!co_llm_guard_allow(&p->guard)) {
      snprintf(last, sizeof(last), "%s: circuit breaker open", p->wire->name);
      continue;
    }
    err = ask(c, p, prompt, out, last, sizeof(last));
    co_llm_guard_result(&p->guard, err == CO_OK);
    if (!err) {
      free(prompt);
      if (classifier) snprintf(classifier, classifier_size, "%s", p->wire->name);
      if (errstr && errstr_size) errstr[0] = '\0';
      return CO_OK;
    }
    CO_WARN("llm", "%s failed, falling back: %s", p->wire->name, last);
  }
  free(prompt);
  if ((err = co_classify_email(c->offline, in, out, errstr, errstr_size))) return err;
  if (classifier) snprintf(classifier, classifier_size, "offline-fallback");
  if (errstr && errstr_size) snprintf(errstr, errstr_size, "%s", last);
  return CO_OK;
}

int co_llm_breaker_state(co_llm_chain_t *c, const char *provider) {
  for (int i = 0; c && provider && i < c->nprov; i++)
    if (!strcmp(c->provs[i].wire->name, provider)) return (int)co_llm_guard_state(&c->provs[i].guard);
  return -1;
}
