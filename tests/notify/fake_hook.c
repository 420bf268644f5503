/* fake_hook.c: see fake_hook.h. One thread per connection so a hook that
 * blocks does not stall other requests. */
#include "fake_hook.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_th.h"

typedef struct {
  int status, retry_after;
} fh_resp_t;

typedef struct {
  char name[16];
  fh_resp_t script[FH_MAX_SCRIPT];
  int nscript, next;
} fh_route_t;

struct fh_s {
  struct MHD_Daemon *d;
  int port;
  char base[64];
  char *hmac_key;
  char wa_token[128];
  pthread_mutex_t lock;
  fh_route_t routes[4]; /* slack wa hook other */
  fh_req_t reqs[FH_MAX_REQS];
  int nreqs;
  void (*hook)(fh_t *, const char *, int, void *);
  void *hook_opaque;
};

typedef struct {
  char *data;
  size_t len;
} fh_upload_t;

static fh_route_t *route_of(fh_t *fh, const char *name) {
  for (int i = 0; i < 3; i++)
    if (!strcmp(fh->routes[i].name, name)) return &fh->routes[i];
  return &fh->routes[3];
}

static void route_name(const char *url, char *out, size_t size) {
  const char *p = url[0] == '/' ? url + 1 : url, *e = strchr(p, '/');
  size_t n = e ? (size_t)(e - p) : strlen(p);
  snprintf(out, size, "%.*s", (int)n, p);
  if (strcmp(out, "slack") && strcmp(out, "wa") && strcmp(out, "hook")) snprintf(out, size, "other");
}

static void hmac_hex(const char *key, const void *data, size_t len, char out[65]) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mlen = 0;
  HMAC(EVP_sha256(), key, (int)strlen(key), data, len, mac, &mlen);
  for (unsigned i = 0; i < mlen; i++) sprintf(out + 2 * i, "%02x", mac[i]);
  out[2 * mlen] = '\0';
}

static enum MHD_Result on_req(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  (void)method;
  (void)version;
  fh_t *fh = cls;
  fh_upload_t *up = *con_cls;
  if (!up) {
    *con_cls = calloc(1, sizeof(fh_upload_t));
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
  char rname[16];
  route_name(url, rname, sizeof(rname));
  const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
  const char *idem = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Idempotency-Key");
  const char *sig = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CareerOps-Signature");
  const char *bearer = auth && !strncmp(auth, "Bearer ", 7) ? auth + 7 : "";
  fh_resp_t r = {200, -1};
  int idx = -1, ri = 0;
  pthread_mutex_lock(&fh->lock);
  fh_route_t *rt = route_of(fh, rname);
  for (int i = 0; i < fh->nreqs; i++) ri += !strcmp(fh->reqs[i].route, rname);
  if (!strcmp(rname, "wa") && fh->wa_token[0] && strcmp(bearer, fh->wa_token))
    r.status = 401;
  else if (rt->next < rt->nscript)
    r = rt->script[rt->next++];
  if (fh->nreqs < FH_MAX_REQS) {
    idx = fh->nreqs++;
    fh_req_t *q = &fh->reqs[idx];
    snprintf(q->route, sizeof(q->route), "%s", rname);
    snprintf(q->path, sizeof(q->path), "%s", url);
    snprintf(q->bearer, sizeof(q->bearer), "%s", bearer);
    snprintf(q->idem, sizeof(q->idem), "%s", idem ? idem : "");
    q->body = strdup(up->data ? up->data : "");
    q->has_sig = sig != NULL;
    if (sig && fh->hmac_key) {
      char want[80] = "sha256=";
      hmac_hex(fh->hmac_key, up->data ? up->data : "", up->len, want + 7);
      q->sig_ok = !strcmp(sig, want);
    }
    q->status = 0; /* set once answered: a hook may kill the client first */
    q->t_ms = co_th_now_ms();
  }
  void (*hook)(fh_t *, const char *, int, void *) = fh->hook;
  void *hop = fh->hook_opaque;
  pthread_mutex_unlock(&fh->lock);
  if (hook) hook(fh, rname, ri, hop);
  pthread_mutex_lock(&fh->lock);
  if (idx >= 0) fh->reqs[idx].status = r.status;
  pthread_mutex_unlock(&fh->lock);
  static const char ok[] = "{\"ok\":true}";
  struct MHD_Response *resp = MHD_create_response_from_buffer(sizeof(ok) - 1, (void *)ok, MHD_RESPMEM_PERSISTENT);
  if (r.retry_after >= 0) {
    char ra[16];
    snprintf(ra, sizeof(ra), "%d", r.retry_after);
    MHD_add_response_header(resp, "Retry-After", ra);
  }
  MHD_add_response_header(resp, "Content-Type", "application/json");
  enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r.status, resp);
  MHD_destroy_response(resp);
  return ret;
}

static void on_done(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode tc) {
  (void)cls;
  (void)conn;
  (void)tc;
  fh_upload_t *up = *con_cls;
  if (up) free(up->data);
  free(up);
  *con_cls = NULL;
}

fh_t *fh_start(const char *hmac_key) {
  fh_t *fh = calloc(1, sizeof(*fh));
  assert_non_null(fh);
  pthread_mutex_init(&fh->lock, NULL);
  fh->hmac_key = hmac_key ? strdup(hmac_key) : NULL;
  const char *names[] = {"slack", "wa", "hook", "other"};
  for (int i = 0; i < 4; i++) snprintf(fh->routes[i].name, sizeof(fh->routes[i].name), "%s", names[i]);
  for (int tries = 0; tries < 20 && !fh->d; tries++) {
    fh->port = co_th_free_port();
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)fh->port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    fh->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, (uint16_t)fh->port, NULL,
                             NULL, on_req, fh, MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_NOTIFY_COMPLETED, on_done, fh,
                             MHD_OPTION_END);
  }
  assert_non_null(fh->d);
  snprintf(fh->base, sizeof(fh->base), "http://127.0.0.1:%d", fh->port);
  return fh;
}

void fh_stop(fh_t *fh) {
  if (!fh) return;
  MHD_stop_daemon(fh->d);
  for (int i = 0; i < fh->nreqs; i++) free(fh->reqs[i].body);
  free(fh->hmac_key);
  pthread_mutex_destroy(&fh->lock);
  free(fh);
}

const char *fh_base(fh_t *fh) {
  return fh->base;
}

void fh_script(fh_t *fh, const char *route, int status, int retry_after_s) {
  pthread_mutex_lock(&fh->lock);
  fh_route_t *rt = route_of(fh, route);
  assert_true(rt->nscript < FH_MAX_SCRIPT);
  rt->script[rt->nscript++] = (fh_resp_t){status, retry_after_s};
  pthread_mutex_unlock(&fh->lock);
}

void fh_set_wa_token(fh_t *fh, const char *token) {
  pthread_mutex_lock(&fh->lock);
  snprintf(fh->wa_token, sizeof(fh->wa_token), "%s", token ? token : "");
  pthread_mutex_unlock(&fh->lock);
}

void fh_set_hook(fh_t *fh, void (*fn)(fh_t *, const char *, int, void *), void *opaque) {
  pthread_mutex_lock(&fh->lock);
  fh->hook = fn;
  fh->hook_opaque = opaque;
  pthread_mutex_unlock(&fh->lock);
}

static int match(const fh_req_t *q, const char *route) {
  return !route || !*route || !strcmp(q->route, route);
}

int fh_count(fh_t *fh, const char *route) {
  int n = 0;
  pthread_mutex_lock(&fh->lock);
  for (int i = 0; i < fh->nreqs; i++) n += match(&fh->reqs[i], route);
  pthread_mutex_unlock(&fh->lock);
  return n;
}

int fh_ok_count_key(fh_t *fh, const char *route, const char *idem) {
  int n = 0;
  pthread_mutex_lock(&fh->lock);
  for (int i = 0; i < fh->nreqs; i++)
    n += match(&fh->reqs[i], route) && !strcmp(fh->reqs[i].idem, idem) && fh->reqs[i].status / 100 == 2;
  pthread_mutex_unlock(&fh->lock);
  return n;
}

int fh_count_key(fh_t *fh, const char *route, const char *idem) {
  int n = 0;
  pthread_mutex_lock(&fh->lock);
  for (int i = 0; i < fh->nreqs; i++) n += match(&fh->reqs[i], route) && !strcmp(fh->reqs[i].idem, idem);
  pthread_mutex_unlock(&fh->lock);
  return n;
}

int fh_get(fh_t *fh, const char *route, int i, fh_req_t *out) {
  int rc = -1;
  pthread_mutex_lock(&fh->lock);
  for (int k = 0, seen = 0; k < fh->nreqs; k++)
    if (match(&fh->reqs[k], route) && seen++ == i) {
      *out = fh->reqs[k];
      out->body = strdup(fh->reqs[k].body);
      rc = 0;
      break;
    }
  pthread_mutex_unlock(&fh->lock);
  return rc;
}
