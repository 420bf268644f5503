/* fake_gmail.c: see fake_gmail.h. One mutex guards the whole fake: requests
 * are tiny and the tests are not about server concurrency. Responses are
 * built with jansson; base64url with OpenSSL (the encoder Gmail's format
 * needs, padding stripped like Gmail does). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "co_th.h"
#include "fake_gmail.h"

static pthread_mutex_t fg_mu = PTHREAD_MUTEX_INITIALIZER;

void fg_lock(fake_gmail_t *fg) {
  (void)fg;
  pthread_mutex_lock(&fg_mu);
}
void fg_unlock(fake_gmail_t *fg) {
  (void)fg;
  pthread_mutex_unlock(&fg_mu);
}

/* The body's length varies with i % 3 so every base64 padding case occurs,
 * and "???>>>" puts '/' and '+' (URL alphabet '_' and '-') in the encoding. */
char *fg_make_message(int i) {
  char *s = NULL;
  if (asprintf(&s,
               "From: Recruiter %d <recruiter%d@example.com>\r\nTo: me@example.com\r\n"
               "Subject: job %d\r\nMessage-ID: <fg-%d@test>\r\nDate: Mon, 2 Nov 2026 10:%02d:00 +0000\r\n"
               "Content-Type: text/plain; charset=utf-8\r\n\r\nInterview offer number "
               "%d.%.*s\r\n\x3f\x3f\x3f>>>\x3f\x3f\x3f>>>\r\n",
               i, i, i, i, i % 60, i, i % 3, "xx") < 0)
    return NULL;
  return s;
}

uint64_t fg_add(fake_gmail_t *fg, const char *raw) {
  fg_lock(fg);
  int k = fg->n++;
  snprintf(fg->msgs[k].id, sizeof(fg->msgs[k].id), "m%04x", k + 1);
  fg->msgs[k].raw = strdup(raw);
  fg->msgs[k].hid = ++fg->history_id;
  uint64_t h = fg->history_id;
  fg_unlock(fg);
  return h;
}

int fg_count(fake_gmail_t *fg, const char *kind) {
  int c = 0;
  fg_lock(fg);
  for (int i = 0; i < fg->nreq; i++) c += strcmp(fg->reqs[i].kind, kind) == 0;
  fg_unlock(fg);
  return c;
}

static char *b64url(const char *raw) {
  size_t n = strlen(raw);
  char *out = malloc((n + 2) / 3 * 4 + 1);
  int m = EVP_EncodeBlock((unsigned char *)out, (const unsigned char *)raw, (int)n);
  while (m > 0 && out[m - 1] == '=') m--;
  out[m] = '\0';
  for (int i = 0; i < m; i++) out[i] = out[i] == '+' ? '-' : out[i] == '/' ? '_' : out[i];
  return out;
}

typedef struct {
  char *body;
  size_t len;
} upload_t;

static enum MHD_Result reply(struct MHD_Connection *c, int status, json_t *j, int retry_after) {
  char *s = j ? json_dumps(j, JSON_COMPACT) : strdup("{}");
  json_decref(j);
  struct MHD_Response *r = MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE);
  MHD_add_response_header(r, "Content-Type", "application/json");
  if (retry_after > 0) {
    char ra[16];
    snprintf(ra, sizeof(ra), "%d", retry_after);
    MHD_add_response_header(r, "Retry-After", ra);
  }
  enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
  MHD_destroy_response(r);
  return ret;
}

static void record(fake_gmail_t *fg, const char *kind, int status) {
  if (fg->nreq >= FG_MAX_REQS) return;
  fg_req_t *q = &fg->reqs[fg->nreq++];
  snprintf(q->kind, sizeof(q->kind), "%s", kind);
  q->t_ms = co_th_now_ms();
  q->status = status;
}

/* 1 if the urlencoded form has key=val (val compared after decoding). */
static int has_param(const char *form, const char *key, const char *val) {
  char *copy = strdup(form), *save = NULL;
  int found = 0;
  for (char *kv = strtok_r(copy, "&", &save); kv && !found; kv = strtok_r(NULL, "&", &save)) {
    char *eq = strchr(kv, '=');
    if (!eq) continue;
    *eq = '\0';
    for (char *p = eq + 1; *p; p++)
      if (*p == '+') *p = ' ';
    MHD_http_unescape(eq + 1);
    found = !strcmp(kv, key) && !strcmp(eq + 1, val);
  }
  free(copy);
  return found;
}

static enum MHD_Result token(fake_gmail_t *fg, struct MHD_Connection *c, const char *form) {
  fg->n_token++;
  if (!has_param(form, "grant_type", "refresh_token") || !has_param(form, "client_id", fg->client_id) ||
      !has_param(form, "client_secret", fg->client_secret) || !has_param(form, "refresh_token", fg->refresh_token)) {
    record(fg, "token", 400);
    /* Echo what was sent, as some real servers do: the client must not. */
    return reply(c, 400, json_pack("{s:s, s:s}", "error", "invalid_grant", "error_description", form), 0);
  }
  snprintf(fg->token, sizeof(fg->token), "ya29.fake-access-%d-x7Q", ++fg->token_seq);
  fg->token_exp = co_th_now_ms() + (int64_t)fg->expires_in * 1000;
  record(fg, "token", 200);
  return reply(
      c, 200,
      json_pack("{s:s, s:i, s:s}", "access_token", fg->token, "expires_in", fg->expires_in, "token_type", "Bearer"), 0);
}

static const char *arg(struct MHD_Connection *c, const char *k) {
  return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, k);
}

static int page_limit(fake_gmail_t *fg, struct MHD_Connection *c) {
  const char *m = arg(c, "maxResults");
  int lim = m ? atoi(m) : 100;
  return lim > fg->page_size ? fg->page_size : lim;
}

static enum MHD_Result api(fake_gmail_t *fg, struct MHD_Connection *c, const char *url) {
  const char *pre = "/gmail/v1/users/me/";
  const char *p = strncmp(url, pre, strlen(pre)) == 0 ? url + strlen(pre) : "";
  const char *kind = !strcmp(p, "profile")         ? "profile"
                     : !strcmp(p, "messages")      ? "list"
                     : !strncmp(p, "messages/", 9) ? "get"
                     : !strcmp(p, "history")       ? "history"
                                                   : "other";
  const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
  if (fg->always_401 || !auth || strncmp(auth, "Bearer ", 7) || !fg->token[0] || strcmp(auth + 7, fg->token) ||
      co_th_now_ms() >= fg->token_exp) {
    fg->n_401++;
    record(fg, kind, 401);
    return reply(c, 401, json_pack("{s:{s:i,s:s}}", "error", "code", 401, "message", "Invalid Credentials"), 0);
  }
  if (fg->fail_n > 0) {
    fg->fail_n--;
    record(fg, kind, fg->fail_status);
    return reply(c, fg->fail_status, json_pack("{s:{s:i}}", "error", "code", fg->fail_status), fg->fail_retry_after);
  }
  const char *pt = arg(c, "pageToken");
  int off = pt ? atoi(pt) : 0, lim = page_limit(fg, c);
  json_t *j = NULL;
  if (!strcmp(kind, "profile")) {
    j = json_pack("{s:s, s:s%}", "emailAddress", "me@example.com", "historyId", "", (size_t)0);
    char h[32];
    snprintf(h, sizeof(h), "%llu", (unsigned long long)fg->history_id);
    json_object_set_new(j, "historyId", json_string(h));
  } else if (!strcmp(kind, "list")) {
    json_t *arr = json_array();
    int live[FG_MAX_MSGS], nl = 0, i;
    for (i = fg->n - 1; i >= 0; i--) /* newest first, like Gmail */
      if (!fg->msgs[i].gone) live[nl++] = i;
    for (i = off; i < nl && i < off + lim; i++)
      json_array_append_new(arr, json_pack("{s:s, s:s}", "id", fg->msgs[live[i]].id, "threadId", "t"));
    j = json_pack("{s:o, s:i}", "messages", arr, "resultSizeEstimate", nl);
    if (i < nl) json_object_set_new(j, "nextPageToken", json_sprintf("%d", i));
  } else if (!strcmp(kind, "get")) {
    const char *id = p + 9;
    for (int i = 0; i < fg->n; i++)
      if (!strcmp(fg->msgs[i].id, id) && !fg->msgs[i].gone) {
        char *b = b64url(fg->msgs[i].raw);
        j = json_pack("{s:s, s:s, s:s}", "id", id, "raw", b, "historyId", "");
        json_object_set_new(j, "historyId", json_sprintf("%llu", (unsigned long long)fg->msgs[i].hid));
        free(b);
      }
    if (!j || strcmp(arg(c, "format") ? arg(c, "format") : "", "raw")) {
      json_decref(j);
      record(fg, kind, 404);
      return reply(c, 404, NULL, 0);
    }
  } else if (!strcmp(kind, "history")) {
    uint64_t start = strtoull(arg(c, "startHistoryId") ? arg(c, "startHistoryId") : "0", NULL, 10);
    if (start < fg->history_floor) {
      record(fg, kind, 404);
      return reply(c, 404, json_pack("{s:{s:i}}", "error", "code", 404), 0);
    }
    json_t *arr = json_array();
    int seen = 0, i, more = 0;
    for (i = 0; i < fg->n; i++) {
      if (fg->msgs[i].hid <= start) continue;
      if (seen >= off + lim) {
        more = 1;
        break;
      }
      if (seen++ < off) continue;
      json_array_append_new(arr, json_pack("{s:s%, s:[{s:{s:s}}]}", "id", "", (size_t)0, "messagesAdded", "message",
                                           "id", fg->msgs[i].id));
      json_object_set_new(json_array_get(arr, json_array_size(arr) - 1), "id",
                          json_sprintf("%llu", (unsigned long long)fg->msgs[i].hid));
    }
    j = json_pack("{s:o}", "history", arr);
    json_object_set_new(j, "historyId", json_sprintf("%llu", (unsigned long long)fg->history_id));
    if (more) json_object_set_new(j, "nextPageToken", json_sprintf("%d", off + lim));
  } else {
    record(fg, kind, 404);
    return reply(c, 404, NULL, 0);
  }
  record(fg, kind, 200);
  return reply(c, 200, j, 0);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *data, size_t *data_size, void **con_cls) {
  (void)version;
  fake_gmail_t *fg = cls;
  upload_t *u = *con_cls;
  if (!u) {
    *con_cls = calloc(1, sizeof(upload_t));
    return MHD_YES;
  }
  if (*data_size) {
    u->body = realloc(u->body, u->len + *data_size + 1);
    memcpy(u->body + u->len, data, *data_size);
    u->len += *data_size;
    u->body[u->len] = '\0';
    *data_size = 0;
    return MHD_YES;
  }
  enum MHD_Result r;
  fg_lock(fg);
  if (!strcmp(method, "POST") && !strcmp(url, "/token"))
    r = token(fg, c, u->body ? u->body : "");
  else if (!strcmp(method, "GET"))
    r = api(fg, c, url);
  else
    r = reply(c, 405, NULL, 0);
  fg_unlock(fg);
  return r;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe) {
  (void)cls, (void)c, (void)toe;
  upload_t *u = *con_cls;
  if (u) free(u->body);
  free(u);
  *con_cls = NULL;
}

fake_gmail_t *fg_start(const char *client_id, const char *client_secret, const char *refresh_token) {
  fake_gmail_t *fg = calloc(1, sizeof(*fg));
  if (!fg) return NULL;
  fg->client_id = client_id;
  fg->client_secret = client_secret;
  fg->refresh_token = refresh_token;
  fg->history_id = 1000;
  fg->page_size = 2;
  fg->expires_in = 3600;
  struct sockaddr_in sa = {0};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sa.sin_port = 0;
  fg->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL, handler, fg,
                           MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_NOTIFY_COMPLETED, completed, fg,
                           MHD_OPTION_END);
  if (!fg->d) {
    free(fg);
    return NULL;
  }
  fg->port = MHD_get_daemon_info(fg->d, MHD_DAEMON_INFO_BIND_PORT)->port;
  snprintf(fg->base, sizeof(fg->base), "http://127.0.0.1:%d", fg->port);
  snprintf(fg->token_url, sizeof(fg->token_url), "%s/token", fg->base);
  return fg;
}

void fg_stop(fake_gmail_t *fg) {
  if (!fg) return;
  MHD_stop_daemon(fg->d);
  for (int i = 0; i < fg->n; i++) free(fg->msgs[i].raw);
  free(fg);
}
