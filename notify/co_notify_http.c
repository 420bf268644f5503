/* co_notify_http.c: one HTTP POST with libcurl and the classification of
 * its outcome (see co_notify.h for the classes).
 *
 * Error text comes from curl_easy_strerror() and the status code only:
 * curl's error buffer and the response body can echo the URL, and the
 * Slack URL is itself a secret. Retry-After is read in seconds (the
 * HTTP-date form is treated as absent: the backoff applies). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_notify_int.h"

static size_t co_notify_discard(char *ptr, size_t size, size_t nmemb, void *opaque) {
  (void)ptr;
  (void)opaque;
  return size * nmemb;
}

static size_t co_notify_hdr(char *buf, size_t size, size_t nitems, void *opaque) {
  int64_t *retry_after = opaque;
  size_t len = size * nitems;
  static const char name[] = "retry-after:";
  if (len > sizeof(name) - 1 && !strncasecmp(buf, name, sizeof(name) - 1)) {
    const char *p = buf + sizeof(name) - 1;
    while (p < buf + len && (*p == ' ' || *p == '\t')) p++;
    if (p < buf + len && isdigit((unsigned char)*p)) {
      long long s = 0;
      while (p < buf + len && isdigit((unsigned char)*p) && s < 86400) s = s * 10 + (*p++ - '0');
      *retry_after = s * 1000;
    }
  }
  return len;
}

co_notify_res_t co_notify_post(co_notify_t *n, co_notify_ch_t ch, const co_notify_req_t *req, const char *idem_key,
                               long *status, int64_t *retry_after_ms, char *errstr, size_t errstr_size) {
  const char *cname = co_notify_ch_name(ch);
  struct curl_slist *hdrs = NULL;
  char idem[128];
  CURL *c = n->curl;
  *status = 0;
  *retry_after_ms = -1;
  snprintf(idem, sizeof(idem), "Idempotency-Key: %s", idem_key ? idem_key : "");
  struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
  if (h) hdrs = h;
  if (h && idem_key) h = curl_slist_append(hdrs, idem);
  if (h && req->auth) h = curl_slist_append(hdrs, req->auth);
  if (h && req->signature) h = curl_slist_append(hdrs, req->signature);
  if (!h) {
    curl_slist_free_all(hdrs);
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify %s: out of memory", cname);
    return CO_NOTIFY_RETRYABLE;
  }
  curl_easy_reset(c);
  curl_easy_setopt(c, CURLOPT_URL, req->url);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body);
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(req->body));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)n->timeout_ms);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)n->timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, co_notify_discard);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, co_notify_hdr);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, retry_after_ms);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "careerops-notify/" CO_VERSION);
  CURLcode cc = curl_easy_perform(c);
  curl_slist_free_all(hdrs);
  if (cc != CURLE_OK) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "notify %s: %s", cname, curl_easy_strerror(cc));
    /* A URL curl cannot use will not work next time either. */
    return cc == CURLE_URL_MALFORMAT || cc == CURLE_UNSUPPORTED_PROTOCOL ? CO_NOTIFY_PERMANENT : CO_NOTIFY_RETRYABLE;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
  long s = *status;
  if (s >= 200 && s < 300) return CO_NOTIFY_OK;
  if (s == 401 || s == 403) {
    co_seterr(errstr, errstr_size, CO_ERR_HTTP, "notify %s: HTTP %ld: credentials rejected", cname, s);
    return CO_NOTIFY_AUTH;
  }
  if (s == 429 || s >= 500 || s == 408) {
    if (s != 429 && s != 503) *retry_after_ms = -1;
    co_seterr(errstr, errstr_size, CO_ERR_HTTP, "notify %s: HTTP %ld", cname, s);
    return CO_NOTIFY_RETRYABLE;
  }
  co_seterr(errstr, errstr_size, CO_ERR_HTTP, "notify %s: HTTP %ld: request refused", cname, s);
  return CO_NOTIFY_PERMANENT;
}
