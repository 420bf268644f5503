/* co_research_tavily.c: the Tavily search client (libcurl + jansson).
 *
 * One POST {tavily.url}/search per briefing, the key in the body (api_key)
 * and as a Bearer header, which both API generations accept. A 429 with a
 * Retry-After no longer than research.tavily.retry.max.ms is waited out and
 * retried once; any other 429, a 5xx, a timeout, a transport error or a body
 * that is not the expected JSON is a transient error for the caller to retry
 * with its own backoff (a research task is never worth blocking a partition
 * for long). 401/403 is CO_ERR_CONFIG: the key is wrong, retrying will not
 * fix it, and so is any other 4xx (a wrong tavily.url). The key never reaches errstr or the log (it is a logger secret
 * and URLs are not printed). */
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "co_buf.h"
#include "co_log.h"
#include "co_research_int.h"

#define SNIPPET_CHARS 400

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

typedef struct {
  co_buf_t body;
  long retry_after_s; /* -1: none */
} resp_t;

static size_t on_header(char *ptr, size_t size, size_t nmemb, void *opaque) {
  resp_t *b = opaque;
  size_t n = size * nmemb;
  if (n > 12 && !strncasecmp(ptr, "Retry-After:", 12)) {
    char *end = NULL;
    long v = strtol(ptr + 12, &end, 10);
    /* an HTTP-date instead of seconds reads as "no usable hint" */
    if (end != ptr + 12 && v >= 0) b->retry_after_s = v;
  }
  return n;
}

static co_err_t post_once(co_research_t *r, const char *body, long *status, resp_t *resp, char *errstr,
                          size_t errstr_size) {
  co_err_t err = CO_OK;
  char *url = NULL, *auth = NULL;
  struct curl_slist *hdrs = NULL;
  CURL *h = curl_easy_init();
  *status = 0;
  if (!h || asprintf(&url, "%s/search", r->tavily_url) < 0 ||
      asprintf(&auth, "Authorization: Bearer %s", r->tavily_key) < 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "tavily: out of memory");
    goto done;
  }
  hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
  hdrs = curl_slist_append(hdrs, auth);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, r->timeout_ms);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, co_buf_curl_write);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &resp->body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, resp);
  CURLcode cc = curl_easy_perform(h);
  if (cc != CURLE_OK) {
    err = co_seterr(errstr, errstr_size, cc == CURLE_OPERATION_TIMEDOUT ? CO_ERR_TIMEOUT : CO_ERR_IO, "tavily: %s",
                    curl_easy_strerror(cc));
    goto done;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
done:
  curl_slist_free_all(hdrs);
  if (h) curl_easy_cleanup(h);
  free(url);
  if (auth) {
    memset(auth, 0, strlen(auth));
    free(auth);
  }
  return err;
}

static void sleep_ms(int64_t ms) {
  struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) == -1)
    ;
}

/* A JSON string value, cut to max code points; "" when absent. */
static json_t *cut(json_t *v, size_t max) {
  const char *s = json_string_value(v);
  if (!s) return json_string("");
  size_t len = strlen(s), keep = co_llm_utf8_cut(s, len, max);
  return json_stringn(s, keep);
}

static co_err_t parse(const char *data, json_t **news, char **answer, char *errstr, size_t errstr_size) {
  json_error_t jerr;
  json_t *root = data ? json_loads(data, 0, &jerr) : NULL, *results = json_object_get(root, "results"), *e;
  size_t i;
  if (!json_is_object(root) || !json_is_array(results)) {
    json_decref(root);
    return co_seterr(errstr, errstr_size, CO_ERR_PARSE, "tavily: reply is not a search result object");
  }
  *news = json_array();
  json_array_foreach(results, i, e) {
    const char *url = json_string_value(json_object_get(e, "url"));
    if (!url || !*url) continue; /* a result without a link cannot be cited */
    json_t *pub = json_object_get(e, "published_date");
    json_array_append_new(*news, json_pack("{s:o, s:s, s:o, s:o}", "title", cut(json_object_get(e, "title"), 200),
                                           "url", url, "snippet", cut(json_object_get(e, "content"), SNIPPET_CHARS),
                                           "published", json_is_string(pub) ? json_incref(pub) : json_null()));
  }
  const char *a = json_string_value(json_object_get(root, "answer"));
  *answer = a ? strdup(a) : NULL;
  json_decref(root);
  return CO_OK;
}

co_err_t co_research_tavily(co_research_t *r, const char *query, json_t **news, char **answer, char *errstr,
                            size_t errstr_size) {
  co_err_t err = CO_OK;
  json_t *req = json_pack("{s:s, s:s, s:s, s:i, s:b}", "api_key", r->tavily_key, "query", query, "topic", "news",
                          "max_results", r->max_results, "include_answer", 1);
  char *body = req ? json_dumps(req, JSON_COMPACT) : NULL;
  *news = NULL;
  *answer = NULL;
  json_decref(req);
  if (!body) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "tavily: out of memory");
  pthread_once(&curl_once, curl_init_once);
  for (int attempt = 0; attempt < 2; attempt++) {
    resp_t resp = {{.max = 4u << 20}, -1}; /* no search reply is this big */
    long status = 0;
    err = post_once(r, body, &status, &resp, errstr, errstr_size);
    if (!err && status == 200)
      err = parse(resp.body.data, news, answer, errstr, errstr_size);
    else if (!err && status == 429) {
      int64_t wait_ms = resp.retry_after_s * 1000;
      err = co_seterr(errstr, errstr_size, CO_ERR_HTTP, "tavily: HTTP 429 (Retry-After %ld s, cap %lld ms)",
                      resp.retry_after_s, (long long)r->retry_max_ms);
      if (attempt == 0 && resp.retry_after_s >= 0 && wait_ms <= r->retry_max_ms) {
        CO_INFO("research", "tavily: rate-limited, retrying in %lld ms", (long long)wait_ms);
        co_buf_free(&resp.body);
        sleep_ms(wait_ms);
        continue;
      }
    } else if (!err && status >= 400 && status < 500)
      err = co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "tavily: HTTP %ld: %s", status,
                      status == 401 || status == 403 ? "API key rejected" : "request rejected (check tavily.url)");
    else if (!err)
      err = co_seterr(errstr, errstr_size, CO_ERR_HTTP, "tavily: HTTP %ld", status);
    co_buf_free(&resp.body);
    break;
  }
  memset(body, 0, strlen(body)); /* holds the key */
  free(body);
  return err;
}
