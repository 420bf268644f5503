/* co_ingest_gmail_http.c: the Gmail source's HTTP layer: OAuth2 access
 * tokens from the refresh-token flow, and authorized GETs that retry.
 *
 * One curl easy handle per source keeps the connection alive across the
 * hundreds of messages.get calls a sync makes. A token is used until 30 s
 * before its expires_in ends (no margin for tokens that live under two
 * minutes, so short-lived test tokens are still used), and a 401 drops it and
 * fetches one more; a second 401 in a row is an error, not a loop.
 *
 * Retries: 429, 5xx and transport failures wait max(Retry-After, backoff)
 * where backoff starts at retry_base_ms and doubles up to 30 s. Error texts
 * name the API call and status only; bodies from the token endpoint are not
 * echoed (they may repeat what was sent) except its short "error" code, and
 * only when it contains no secret. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_buf.h"
#include "co_ingest_gmail_int.h"
#include "co_log.h"
#include "co_time.h"

#define BACKOFF_CAP_MS 30000
#define RETRY_AFTER_CAP_S 600

static void sleep_ms(int64_t ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

/* One request. post: form body (POST) or NULL (GET with the bearer token).
 * *status is 0 on a transport failure (curl's text in errstr). */
static co_err_t perform(co_ingest_gmail_t *g, const char *url, const char *post, long *status, long *retry_after_s,
                        co_buf_t *body, char *errstr, size_t errstr_size) {
  char cerr[CURL_ERROR_SIZE] = "", *auth = NULL;
  struct curl_slist *hdrs = NULL;
  co_err_t err = CO_OK;
  CURL *c = g->curl;
  curl_easy_reset(c);
  *status = 0;
  *retry_after_s = 0;
  if (!post) {
    if (asprintf(&auth, "Authorization: Bearer %s", g->access_token) < 0) {
      auth = NULL;
      return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    }
    hdrs = curl_slist_append(hdrs, auth);
  }
  hdrs = curl_slist_append(hdrs, "Accept: application/json");
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, co_buf_curl_write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)g->io_timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  if (post) curl_easy_setopt(c, CURLOPT_POSTFIELDS, post);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "%s", cerr[0] ? cerr : curl_easy_strerror(rc));
    goto done;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
  curl_off_t ra = 0;
  if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
    *retry_after_s = ra > RETRY_AFTER_CAP_S ? RETRY_AFTER_CAP_S : (long)ra;
done:
  curl_slist_free_all(hdrs);
  if (auth) explicit_bzero(auth, strlen(auth));
  free(auth);
  return err;
}

static int retryable(long status) {
  return status == 0 || status == 429 || (status >= 500 && status <= 599);
}

/* Waits before retry number attempt (0-based); returns 0, or -1 when the
 * retries are used up. */
static int wait_retry(co_ingest_gmail_t *g, const char *what, long status, long retry_after_s, int attempt) {
  if (attempt >= g->max_retries) return -1;
  int64_t backoff = (int64_t)g->retry_base_ms << (attempt < 16 ? attempt : 16);
  if (backoff > BACKOFF_CAP_MS) backoff = BACKOFF_CAP_MS;
  if (retry_after_s * 1000 > backoff) backoff = (int64_t)retry_after_s * 1000;
  CO_WARN("gmail", "%s: %s %ld, retry %d/%d in %lld ms (account %s)", what, status ? "HTTP" : "network error", status,
          attempt + 1, g->max_retries, (long long)backoff, g->account);
  if (g->stats) g->stats->retries++;
  sleep_ms(backoff);
  return 0;
}

static int has_secret(const co_ingest_gmail_t *g, const char *s) {
  return strstr(s, g->client_secret) || strstr(s, g->refresh_token) || (g->access_token && strstr(s, g->access_token));
}

static co_err_t refresh_token(co_ingest_gmail_t *g, char *errstr, size_t errstr_size) {
  char *id = curl_easy_escape(g->curl, g->client_id, 0), *sec = curl_easy_escape(g->curl, g->client_secret, 0);
  char *rt = curl_easy_escape(g->curl, g->refresh_token, 0), *form = NULL;
  json_t *j = NULL;
  co_buf_t body = {0};
  co_err_t err = CO_OK;
  long status = 0, ra = 0;
  if (!id || !sec || !rt ||
      asprintf(&form, "grant_type=refresh_token&client_id=%s&client_secret=%s&refresh_token=%s", id, sec, rt) < 0) {
    form = NULL;
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (int attempt = 0;; attempt++) {
    co_buf_free(&body);
    err = perform(g, g->token_url, form, &status, &ra, &body, errstr, errstr_size);
    if (err && err != CO_ERR_IO) goto done;
    if (!retryable(status)) break;
    if (wait_retry(g, "token refresh", status, ra, attempt) < 0) {
      if (status)
        err = co_seterr(errstr, errstr_size, CO_ERR_HTTP, "gmail: token refresh: HTTP %ld after %d retries", status,
                        g->max_retries);
      goto done; /* a network error keeps curl's text from perform() */
    }
  }
  j = body.data ? json_loads(body.data, 0, NULL) : NULL;
  if (status != 200) {
    const char *code = json_string_value(json_object_get(j, "error"));
    if (!code || strlen(code) > 64 || has_secret(g, code)) code = "?";
    err = co_seterr(errstr, errstr_size, CO_ERR_HTTP, "gmail: token refresh refused for account %s: HTTP %ld (%s)",
                    g->account, status, code);
    goto done;
  }
  const char *tok = json_string_value(json_object_get(j, "access_token"));
  json_int_t exp = json_integer_value(json_object_get(j, "expires_in"));
  if (!tok || !*tok) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "gmail: token endpoint answered without access_token");
    goto done;
  }
  if (g->access_token) explicit_bzero(g->access_token, strlen(g->access_token));
  free(g->access_token);
  if (!(g->access_token = strdup(tok))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto done;
  }
  co_log_add_secret(g->access_token);
  if (exp <= 0) exp = 3600;
  g->token_expires_ms = co_time_mono_ms() + exp * 1000 - (exp >= 120 ? 30000 : 0);
  if (g->stats) g->stats->token_refreshes++;
  CO_DEBUG("gmail", "new access token for account %s, expires in %lld s", g->account, (long long)exp);
done:
  if (body.data) explicit_bzero(body.data, body.len);
  co_buf_free(&body);
  if (form) explicit_bzero(form, strlen(form));
  free(form);
  curl_free(id);
  curl_free(sec);
  curl_free(rt);
  json_decref(j);
  return err;
}

co_err_t co_gmail_get_json(co_ingest_gmail_t *g, const char *what, const char *url, json_t **out, char *errstr,
                           size_t errstr_size) {
  co_buf_t body = {0};
  co_err_t err = CO_OK;
  long status = 0, ra = 0;
  int refreshed = 0;
  *out = NULL;
  for (int attempt = 0;;) {
    if (!g->access_token || co_time_mono_ms() >= g->token_expires_ms) {
      if ((err = refresh_token(g, errstr, errstr_size))) goto done;
      refreshed = 1;
    }
    co_buf_free(&body);
    err = perform(g, url, NULL, &status, &ra, &body, errstr, errstr_size);
    if (err && err != CO_ERR_IO) goto done;
    if (status == 401) {
      if (refreshed) {
        err = co_seterr(errstr, errstr_size, CO_ERR_HTTP,
                        "gmail: %s: HTTP 401 unauthorized with a fresh access token (account %s)", what, g->account);
        goto done;
      }
      explicit_bzero(g->access_token, strlen(g->access_token));
      free(g->access_token);
      g->access_token = NULL;
      continue;
    }
    if (!retryable(status)) break;
    if (wait_retry(g, what, status, ra, attempt++) < 0) {
      if (status)
        err = co_seterr(errstr, errstr_size, CO_ERR_HTTP, "gmail: %s: HTTP %ld, gave up after %d retries", what, status,
                        g->max_retries);
      else
        err = co_seterr(errstr, errstr_size, CO_ERR_IO, "gmail: %s: network error, gave up after %d retries", what,
                        g->max_retries);
      goto done;
    }
    err = CO_OK;
  }
  err = CO_OK;
  if (status == 404) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "gmail: %s: HTTP 404", what);
    goto done;
  }
  if (status != 200) {
    err = co_seterr(errstr, errstr_size, CO_ERR_HTTP, "gmail: %s: HTTP %ld", what, status);
    goto done;
  }
  json_error_t jerr;
  if (!body.data || !(*out = json_loads(body.data, 0, &jerr)) || !json_is_object(*out)) {
    json_decref(*out);
    *out = NULL;
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "gmail: %s: response is not a JSON object", what);
  }
done:
  co_buf_free(&body);
  return err;
}
