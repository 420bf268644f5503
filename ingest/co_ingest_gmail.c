/* co_ingest_gmail.c: the Gmail source's handle and its sync: full listing or
 * history-incremental, then messages.get?format=raw per message.
 *
 * A full sync reads the profile's historyId *before* listing, so mail that
 * arrives while the (possibly long) listing runs shows up again in the next
 * incremental sync instead of being lost; that may deliver it twice, which
 * dedupe absorbs. messages.list answers newest first; the ids are collected
 * over all pages and delivered oldest first, as the IMAP source does.
 *
 * An incremental sync collects (history record id, message id) pairs from
 * every history page first, then fetches. The cursor moves to a record's id
 * once all of that record's messages were accepted, and to the mailbox's
 * historyId when everything was. A message deleted between listing and
 * fetching (messages.get 404) is skipped: there is nothing left to deliver.
 *
 * Base64url decoding is OpenSSL's EVP_DecodeBlock after mapping the URL
 * alphabet back and restoring the padding Gmail leaves off. */
#include <openssl/evp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest_gmail_int.h"
#include "co_ingest_int.h"
#include "co_log.h"

void co_ingest_gmail_destroy(co_ingest_gmail_t *g) {
  if (!g) return;
  if (g->curl) curl_easy_cleanup(g->curl);
  free(g->api_url);
  free(g->token_url);
  free(g->client_id);
  co_ingest_wipe_free(g->client_secret);
  co_ingest_wipe_free(g->refresh_token);
  co_ingest_wipe_free(g->access_token);
  free(g->user);
  free(g->account);
  free(g);
}

static char *dup_trim_slash(const char *s) {
  char *d = strdup(s);
  size_t n = d ? strlen(d) : 0;
  while (n > 0 && d[n - 1] == '/') d[--n] = '\0';
  return d;
}

co_ingest_gmail_t *co_ingest_gmail_new(const co_ingest_gmail_conf_t *conf, char *errstr, size_t errstr_size) {
  co_ingest_gmail_t *g = NULL;
  if (!conf || !conf->client_id || !*conf->client_id || !conf->client_secret || !*conf->client_secret ||
      !conf->refresh_token || !*conf->refresh_token) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG,
              "gmail source: client_id, client_secret and refresh_token are required");
    return NULL;
  }
  const char *api = conf->api_url ? conf->api_url : "https://gmail.googleapis.com";
  const char *tok = conf->token_url ? conf->token_url : "https://oauth2.googleapis.com/token";
  if ((strncmp(api, "https://", 8) && strncmp(api, "http://", 7)) ||
      (strncmp(tok, "https://", 8) && strncmp(tok, "http://", 7))) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "gmail source: api and token URLs must be http(s)://");
    return NULL;
  }
  co_ingest_curl_init();
  co_log_add_secret(conf->client_secret);
  co_log_add_secret(conf->refresh_token);
  if (!(g = calloc(1, sizeof(*g)))) goto nomem;
  const char *user = conf->user && *conf->user ? conf->user : "me";
  g->api_url = dup_trim_slash(api);
  g->token_url = strdup(tok);
  g->client_id = strdup(conf->client_id);
  g->client_secret = strdup(conf->client_secret);
  g->refresh_token = strdup(conf->refresh_token);
  g->user = strdup(user);
  g->account = strdup(conf->account && *conf->account ? conf->account : user);
  g->curl = curl_easy_init();
  if (!g->api_url || !g->token_url || !g->client_id || !g->client_secret || !g->refresh_token || !g->user ||
      !g->account || !g->curl)
    goto nomem;
  g->max_retries = conf->max_retries == 0 ? 5 : conf->max_retries < 0 ? 0 : conf->max_retries;
  g->retry_base_ms = conf->retry_base_ms > 0 ? conf->retry_base_ms : 500;
  g->io_timeout_ms = conf->io_timeout_ms > 0 ? conf->io_timeout_ms : 60000;
  g->page_size = conf->page_size > 0 ? conf->page_size : 500;
  return g;
nomem:
  co_ingest_gmail_destroy(g);
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
  return NULL;
}

/* Gmail sends historyId as a decimal string; accept a number too. */
static uint64_t json_u64(json_t *v) {
  if (json_is_integer(v)) return (uint64_t)json_integer_value(v);
  if (json_is_string(v)) return strtoull(json_string_value(v), NULL, 10);
  return 0;
}

/* Decodes base64url (padding optional) into a malloc'd buffer. */
static co_err_t b64url_decode(const char *in, char **out, size_t *outlen) {
  size_t n = strlen(in), padded = (n + 3) / 4 * 4, pad = 0;
  unsigned char *tmp = malloc(padded + 1), *dec = malloc(padded / 4 * 3 + 1);
  co_err_t err = CO_OK;
  if (!tmp || !dec) {
    err = CO_ERR_NOMEM;
    goto done;
  }
  for (size_t i = 0; i < n; i++) tmp[i] = in[i] == '-' ? '+' : in[i] == '_' ? '/' : (unsigned char)in[i];
  for (size_t i = n; i < padded; i++) tmp[i] = '=';
  tmp[padded] = '\0';
  for (size_t i = padded; i > 0 && tmp[i - 1] == '='; i--) pad++;
  int got = padded ? EVP_DecodeBlock(dec, tmp, (int)padded) : 0;
  if (got < 0 || (size_t)got < pad) {
    err = CO_ERR_PARSE;
    goto done;
  }
  *outlen = (size_t)got - pad;
  *out = (char *)dec;
  dec = NULL;
done:
  free(tmp);
  free(dec);
  return err;
}

static char *api(co_ingest_gmail_t *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *api(co_ingest_gmail_t *g, const char *fmt, ...) {
  char *tail = NULL, *url = NULL, *user = curl_easy_escape(g->curl, g->user, 0);
  va_list ap;
  va_start(ap, fmt);
  if (vasprintf(&tail, fmt, ap) < 0) tail = NULL;
  va_end(ap);
  if (user && tail && asprintf(&url, "%s/gmail/v1/users/%s/%s", g->api_url, user, tail) < 0) url = NULL;
  curl_free(user);
  free(tail);
  return url;
}

/* Fetches one message and hands it to cb. *accepted: cb returned 0 (or the
 * message is gone). */
static co_err_t deliver(co_ingest_gmail_t *g, const char *id, co_ingest_gmail_cb_t *cb, void *opaque, int *accepted,
                        char *errstr, size_t errstr_size) {
  char *eid = curl_easy_escape(g->curl, id, 0), *url = NULL, *raw = NULL;
  json_t *j = NULL;
  size_t len = 0;
  co_err_t err = CO_OK;
  *accepted = 0;
  if (!eid || !(url = api(g, "messages/%s?format=raw", eid))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto done;
  }
  err = co_gmail_get_json(g, "messages.get", url, &j, errstr, errstr_size);
  if (err == CO_ERR_NOT_FOUND) {
    CO_DEBUG("gmail", "message %s vanished before it was fetched", id);
    *accepted = 1;
    err = CO_OK;
    goto done;
  }
  if (err) goto done;
  const char *b64 = json_string_value(json_object_get(j, "raw"));
  if (!b64 || (err = b64url_decode(b64, &raw, &len))) {
    err = co_seterr(errstr, errstr_size, err == CO_ERR_NOMEM ? CO_ERR_NOMEM : CO_ERR_PARSE,
                    "gmail: messages.get %s: missing or invalid \"raw\"", id);
    goto done;
  }
  *accepted = cb(raw, len, id, json_u64(json_object_get(j, "historyId")), opaque) == 0;
  if (*accepted && g->stats) g->stats->delivered++;
done:
  curl_free(eid);
  free(url);
  free(raw);
  json_decref(j);
  return err;
}

/* Appends the string ids of every page of `what` to ids; pairs, when
 * non-NULL, gets [record id, message id] for history pages. *latest: the last
 * page's top-level historyId. */
static co_err_t list_all(co_ingest_gmail_t *g, uint64_t start, json_t *ids, uint64_t *latest, char *errstr,
                         size_t errstr_size) {
  char *token = NULL, *url = NULL;
  json_t *j = NULL;
  co_err_t err = CO_OK;
  const char *what = start ? "history.list" : "messages.list";
  do {
    char *et = token ? curl_easy_escape(g->curl, token, 0) : NULL;
    if (start)
      url = api(g, "history?startHistoryId=%llu&historyTypes=messageAdded&maxResults=%d%s%s", (unsigned long long)start,
                g->page_size, et ? "&pageToken=" : "", et ? et : "");
    else
      url = api(g, "messages?maxResults=%d%s%s", g->page_size, et ? "&pageToken=" : "", et ? et : "");
    curl_free(et);
    if (!url) {
      err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
      goto done;
    }
    json_decref(j);
    j = NULL;
    if ((err = co_gmail_get_json(g, what, url, &j, errstr, errstr_size))) goto done;
    free(url);
    url = NULL;
    size_t i, k;
    json_t *e, *m;
    if (start) {
      json_array_foreach(json_object_get(j, "history"), i, e) {
        json_t *rid = json_integer((json_int_t)json_u64(json_object_get(e, "id")));
        json_array_foreach(json_object_get(e, "messagesAdded"), k, m) {
          json_t *mid = json_object_get(json_object_get(m, "message"), "id");
          if (json_is_string(mid)) json_array_append_new(ids, json_pack("[OO]", rid, mid));
        }
        json_decref(rid);
      }
      if (json_u64(json_object_get(j, "historyId"))) *latest = json_u64(json_object_get(j, "historyId"));
    } else {
      json_array_foreach(json_object_get(j, "messages"), i, e) {
        json_t *mid = json_object_get(e, "id");
        if (json_is_string(mid)) json_array_append(ids, mid);
      }
    }
    free(token);
    token = NULL;
    const char *next = json_string_value(json_object_get(j, "nextPageToken"));
    if (next && *next && !(token = strdup(next))) {
      err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
      goto done;
    }
  } while (token);
done:
  free(token);
  free(url);
  json_decref(j);
  return err;
}

static co_err_t full_sync(co_ingest_gmail_t *g, co_ingest_gmail_cb_t *cb, void *opaque, co_ingest_gmail_cursor_t *to,
                          co_ingest_gmail_sync_stats_t *st, char *errstr, size_t errstr_size) {
  json_t *prof = NULL, *ids = json_array();
  char *url = api(g, "profile");
  co_err_t err = CO_OK;
  uint64_t unused = 0;
  st->full_sync = 1;
  if (!ids || !url) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto done;
  }
  if ((err = co_gmail_get_json(g, "getProfile", url, &prof, errstr, errstr_size))) goto done;
  uint64_t hid = json_u64(json_object_get(prof, "historyId"));
  if (!hid) {
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "gmail: getProfile: no historyId");
    goto done;
  }
  if ((err = list_all(g, 0, ids, &unused, errstr, errstr_size))) goto done;
  st->found = json_array_size(ids);
  for (size_t i = json_array_size(ids); i > 0; i--) {
    int ok = 0;
    if ((err = deliver(g, json_string_value(json_array_get(ids, i - 1)), cb, opaque, &ok, errstr, errstr_size)))
      goto done;
    if (!ok) {
      st->stopped = 1;
      goto done;
    }
  }
  to->history_id = hid;
done:
  free(url);
  json_decref(prof);
  json_decref(ids);
  return err;
}

static co_err_t history_sync(co_ingest_gmail_t *g, uint64_t from, co_ingest_gmail_cb_t *cb, void *opaque,
                             co_ingest_gmail_cursor_t *to, co_ingest_gmail_sync_stats_t *st, char *errstr,
                             size_t errstr_size) {
  json_t *pairs = json_array(), *seen = json_object();
  co_err_t err = CO_OK;
  uint64_t latest = from;
  if (!pairs || !seen) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto done;
  }
  if ((err = list_all(g, from, pairs, &latest, errstr, errstr_size))) goto done;
  st->found = json_array_size(pairs);
  for (size_t i = 0; i < json_array_size(pairs); i++) {
    json_t *p = json_array_get(pairs, i);
    uint64_t rid = json_u64(json_array_get(p, 0));
    const char *id = json_string_value(json_array_get(p, 1));
    int ok = 1;
    if (!json_object_get(seen, id)) { /* one message can be in several records */
      if ((err = deliver(g, id, cb, opaque, &ok, errstr, errstr_size))) goto done;
      if (!ok) {
        st->stopped = 1;
        goto done;
      }
      json_object_set_new(seen, id, json_true());
    }
    json_t *next = json_array_get(pairs, i + 1);
    if ((!next || json_u64(json_array_get(next, 0)) != rid) && rid > to->history_id) to->history_id = rid;
  }
  if (latest > to->history_id) to->history_id = latest;
done:
  json_decref(pairs);
  json_decref(seen);
  return err;
}

co_err_t co_ingest_gmail_sync(co_ingest_gmail_t *g, const co_ingest_gmail_cursor_t *from, co_ingest_gmail_cb_t *cb,
                              void *opaque, co_ingest_gmail_cursor_t *to, co_ingest_gmail_sync_stats_t *stats,
                              char *errstr, size_t errstr_size) {
  co_ingest_gmail_sync_stats_t local;
  co_ingest_gmail_sync_stats_t *st = stats ? stats : &local;
  co_err_t err;
  if (!g || !cb || !to)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "gmail sync: g, cb and to are required");
  memset(st, 0, sizeof(*st));
  to->history_id = from ? from->history_id : 0;
  g->stats = st;
  if (to->history_id) {
    err = history_sync(g, to->history_id, cb, opaque, to, st, errstr, errstr_size);
    if (err == CO_ERR_NOT_FOUND) {
      CO_WARN("gmail", "history from %llu expired for account %s; listing the whole mailbox",
              (unsigned long long)to->history_id, g->account);
      st->history_expired = 1;
      err = full_sync(g, cb, opaque, to, st, errstr, errstr_size);
    }
  } else {
    err = full_sync(g, cb, opaque, to, st, errstr, errstr_size);
  }
  st->history_id = to->history_id;
  g->stats = NULL;
  if (!err)
    CO_INFO("gmail", "account %s: %zu found, %zu delivered%s, cursor %llu", g->account, st->found, st->delivered,
            st->stopped ? " (stopped by callback)" : "", (unsigned long long)to->history_id);
  return err;
}
