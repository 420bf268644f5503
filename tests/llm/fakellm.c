/* fakellm.c: the scripted fake LLM server (see fakellm.h). One thread per
 * connection so a hanging response does not stall the next request. */
#include "fakellm.h"

#include <jansson.h>
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_th.h"

#define FL_MAX 256

typedef struct {
  int status, hang;
  char *body;
  int retry_after; /* seconds for a Retry-After header; -1: none */
} fl_resp_t;

typedef struct {
  fl_resp_t script[FL_MAX];
  int nscript, next;
  fl_req_t reqs[FL_MAX];
  int nreqs;
} fl_route_t;

struct fl_s {
  struct MHD_Daemon *d;
  int port;
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int released;
  char banned[128];
  fl_route_t oa, gm, tv;
};

typedef struct {
  char *data;
  size_t len;
} fl_upload_t;

const co_classify_input_t fl_email = {
    .subject = "Interview invitation: Engineer at Acme",
    .from = "Jane Recruiter <jane@acme.example>",
    .body = "Hi, we would like to invite you to an interview for the Engineer role on March 5 at 2pm.",
    .date = "Mon, 2 Mar 2026 09:00:00 +0000",
};

static fl_route_t *route_of(fl_t *fl, const char *r) {
  return !strncmp(r, "oa", 2) ? &fl->oa : !strncmp(r, "gm", 2) ? &fl->gm : !strncmp(r, "tv", 2) ? &fl->tv : NULL;
}

static enum MHD_Result on_req(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  (void)method;
  (void)version;
  fl_t *fl = cls;
  fl_upload_t *up = *con_cls;
  if (!up) {
    *con_cls = calloc(1, sizeof(fl_upload_t));
    return MHD_YES;
  }
  if (*upload_size) {
    up->data = realloc(up->data, up->len + *upload_size + 1);
    memcpy(up->data + up->len, upload, *upload_size);
    up->len += *upload_size;
    up->data[up->len] = '\0';
    *upload_size = 0;
    return MHD_YES;
  }
  fl_resp_t r = {599, 0, NULL, -1};
  pthread_mutex_lock(&fl->lock);
  fl_route_t *rt = route_of(fl, url + 1);
  if (rt && rt->nreqs < FL_MAX) {
    fl_req_t *q = &rt->reqs[rt->nreqs++];
    snprintf(q->path, sizeof(q->path), "%s", url);
    const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
    const char *qk = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "key");
    const char *gk = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "x-goog-api-key");
    snprintf(q->key, sizeof(q->key), "%s",
             auth && !strncmp(auth, "Bearer ", 7) ? auth + 7 : gk ? gk : qk ? qk : "");
    snprintf(q->query_key, sizeof(q->query_key), "%s", qk ? qk : "");
    snprintf(q->goog_key, sizeof(q->goog_key), "%s", gk ? gk : "");
    q->body = strdup(up->data ? up->data : "");
    if (fl->banned[0] && !strcmp(q->key, fl->banned)) r.status = 429;
    else if (rt->next < rt->nscript) r = rt->script[rt->next++];
  }
  if (r.hang) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 30;
    while (!fl->released && pthread_cond_timedwait(&fl->cond, &fl->lock, &ts) == 0);
  }
  pthread_mutex_unlock(&fl->lock);
  const char *b = r.body ? r.body : "";
  struct MHD_Response *resp = MHD_create_response_from_buffer(strlen(b), (void *)b, MHD_RESPMEM_MUST_COPY);
  MHD_add_response_header(resp, "Content-Type", "application/json");
  if (r.retry_after >= 0) {
    char ra[16];
    snprintf(ra, sizeof(ra), "%d", r.retry_after);
    MHD_add_response_header(resp, "Retry-After", ra);
  }
  enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r.status, resp);
  MHD_destroy_response(resp);
  return ret;
}

static void on_done(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode tc) {
  (void)cls;
  (void)conn;
  (void)tc;
  fl_upload_t *up = *con_cls;
  if (up) free(up->data);
  free(up);
  *con_cls = NULL;
}

fl_t *fl_start(void) {
  fl_t *fl = calloc(1, sizeof(*fl));
  pthread_mutex_init(&fl->lock, NULL);
  pthread_cond_init(&fl->cond, NULL);
  for (int tries = 0; tries < 20 && !fl->d; tries++) {
    fl->port = co_th_free_port();
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)fl->port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    fl->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, (uint16_t)fl->port,
                             NULL, NULL, on_req, fl, MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_NOTIFY_COMPLETED,
                             on_done, fl, MHD_OPTION_END);
  }
  assert_non_null(fl->d);
  return fl;
}

void fl_release(fl_t *fl) {
  pthread_mutex_lock(&fl->lock);
  fl->released = 1;
  pthread_cond_broadcast(&fl->cond);
  pthread_mutex_unlock(&fl->lock);
}

void fl_stop(fl_t *fl) {
  fl_release(fl);
  MHD_stop_daemon(fl->d);
  fl_route_t *rts[] = {&fl->oa, &fl->gm, &fl->tv};
  for (int r = 0; r < 3; r++) {
    for (int i = 0; i < rts[r]->nscript; i++) free(rts[r]->script[i].body);
    for (int i = 0; i < rts[r]->nreqs; i++) free(rts[r]->reqs[i].body);
  }
  pthread_cond_destroy(&fl->cond);
  pthread_mutex_destroy(&fl->lock);
  free(fl);
}

void fl_ban_key(fl_t *fl, const char *key) {
  pthread_mutex_lock(&fl->lock);
  snprintf(fl->banned, sizeof(fl->banned), "%s", key);
  pthread_mutex_unlock(&fl->lock);
}

int fl_port(fl_t *fl) {
  return fl->port;
}

void fl_script_retry_after(fl_t *fl, const char *route, int status, const char *body, int retry_after_s) {
  pthread_mutex_lock(&fl->lock);
  fl_route_t *rt = route_of(fl, route);
  assert_true(rt->nscript < FL_MAX);
  rt->script[rt->nscript++] = (fl_resp_t){status, 0, body ? strdup(body) : NULL, retry_after_s};
  pthread_mutex_unlock(&fl->lock);
}

void fl_script(fl_t *fl, const char *route, int status, const char *body, int hang) {
  pthread_mutex_lock(&fl->lock);
  fl_route_t *rt = route_of(fl, route);
  assert_true(rt->nscript < FL_MAX);
  rt->script[rt->nscript++] = (fl_resp_t){status, hang, body ? strdup(body) : NULL, -1};
  pthread_mutex_unlock(&fl->lock);
}

void fl_reply(fl_t *fl, const char *route, const char *text) {
  json_t *j = !strcmp(route, "oa")
                  ? json_pack("{s:[{s:{s:s, s:s}}]}", "choices", "message", "role", "assistant", "content", text)
                  : json_pack("{s:[{s:{s:[{s:s}]}}]}", "candidates", "content", "parts", "text", text);
  char *s = json_dumps(j, JSON_COMPACT);
  fl_script(fl, route, 200, s, 0);
  free(s);
  json_decref(j);
}

int fl_count(fl_t *fl, const char *route) {
  pthread_mutex_lock(&fl->lock);
  int n = route_of(fl, route)->nreqs;
  pthread_mutex_unlock(&fl->lock);
  return n;
}

int fl_get(fl_t *fl, const char *route, int i, fl_req_t *out) {
  int rc = -1;
  pthread_mutex_lock(&fl->lock);
  fl_route_t *rt = route_of(fl, route);
  if (i < rt->nreqs) {
    *out = rt->reqs[i];
    out->body = strdup(rt->reqs[i].body);
    rc = 0;
  }
  pthread_mutex_unlock(&fl->lock);
  return rc;
}

static void set(co_conf_t *c, const char *name, const char *value) {
  char err[256];
  co_err_t e = co_conf_set(c, name, value, CO_CONF_SRC_CLI, err, sizeof(err));
  if (e) fail_msg("conf %s: %s", name, err);
}

co_conf_t *fl_conf(fl_t *fl, const char *providers, const char *oa_keys, const char *gm_keys,
                   const char *const *extra) {
  char url[128];
  co_conf_t *c = co_conf_new();
  set(c, "llm.providers", providers);
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/oa/v1", fl->port);
  set(c, "llm.openai.url", url);
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/gm", fl->port);
  set(c, "llm.gemini.url", url);
  set(c, "llm.openai.keys", oa_keys ? oa_keys : "");
  set(c, "llm.gemini.keys", gm_keys ? gm_keys : "");
  set(c, "llm.rate.per.s", "1000");
  for (int i = 0; extra && extra[i]; i++) {
    char name[128];
    const char *eq = strchr(extra[i], '=');
    snprintf(name, sizeof(name), "%.*s", (int)(eq - extra[i]), extra[i]);
    set(c, name, eq + 1);
  }
  return c;
}

co_classify_model_t *fl_offline(void) {
  char err[256];
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  if (!m) fail_msg("offline model: %s", err);
  return m;
}
