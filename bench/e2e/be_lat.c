/* be_lat.c: see be_lat.h. The webhook answers at once and does no
 * signature check: it stands for a receiver, the latency is the pipeline's. */
#include "be_lat.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_th.h"

int64_t be_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void be_tab_reset(be_tab_t *t, char tag, long n) {
  pthread_mutex_lock(&t->lock);
  free(t->t_sent), free(t->t_cls), free(t->t_note);
  t->tag = tag;
  t->n = n;
  t->t_sent = calloc((size_t)n, sizeof(int64_t));
  t->t_cls = calloc((size_t)n, sizeof(int64_t));
  t->t_note = calloc((size_t)n, sizeof(int64_t));
  if (!t->t_sent || !t->t_cls || !t->t_note) {
    fprintf(stderr, "bench_e2e: out of memory\n");
    exit(1);
  }
  t->notes = t->dup_notes = t->other_notes = t->cls_other = 0;
  pthread_mutex_unlock(&t->lock);
}

void be_tab_free(be_tab_t *t) {
  free(t->t_sent), free(t->t_cls), free(t->t_note);
  t->t_sent = t->t_cls = t->t_note = NULL;
}

long be_seq_of(const be_tab_t *t, const char *mid) {
  char tag = 0;
  long seq = -1;
  if (!mid) return -1;
  if (*mid == '<') mid++;
  if (sscanf(mid, "e2e-%c%ld@", &tag, &seq) != 2 || tag != t->tag || seq < 0 || seq >= t->n) return -1;
  return seq;
}

static int64_t *col(be_tab_t *t, be_what_t w) { return w == BE_SENT ? t->t_sent : w == BE_CLS ? t->t_cls : t->t_note; }

void be_tab_mark_seq(be_tab_t *t, be_what_t what, long seq) {
  int64_t now = be_now_ns();
  pthread_mutex_lock(&t->lock);
  if (seq >= 0 && seq < t->n) {
    int64_t *c = col(t, what);
    if (what == BE_NOTE) c[seq] ? t->dup_notes++ : t->notes++;
    if (!c[seq]) c[seq] = now;
  }
  pthread_mutex_unlock(&t->lock);
}

int be_tab_mark(be_tab_t *t, be_what_t what, const char *mid) {
  pthread_mutex_lock(&t->lock);
  long seq = be_seq_of(t, mid);
  if (seq < 0) what == BE_NOTE ? t->other_notes++ : t->cls_other++;
  pthread_mutex_unlock(&t->lock);
  if (seq >= 0) be_tab_mark_seq(t, what, seq);
  return seq >= 0;
}

long be_tab_count(be_tab_t *t, be_what_t what) {
  long c = 0;
  pthread_mutex_lock(&t->lock);
  int64_t *v = col(t, what);
  for (long i = 0; i < t->n; i++) c += v[i] != 0;
  pthread_mutex_unlock(&t->lock);
  return c;
}

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

long be_tab_lat(be_tab_t *t, be_what_t what, long from, double **out) {
  long c = 0;
  pthread_mutex_lock(&t->lock);
  double *v = malloc(sizeof(double) * (size_t)(t->n > 0 ? t->n : 1));
  int64_t *e = col(t, what);
  for (long i = from; v && i < t->n; i++)
    if (t->t_sent[i] && e[i]) v[c++] = (double)(e[i] - t->t_sent[i]) / 1e6;
  pthread_mutex_unlock(&t->lock);
  if (v) qsort(v, (size_t)c, sizeof(double), cmp_d);
  *out = v;
  return v ? c : 0;
}

double be_pct(const double *v, long n, double p) {
  if (n <= 0) return 0;
  long i = (long)(p / 100.0 * (double)n + 0.999999) - 1;
  return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

/* ---- the webhook ---- */

struct be_hook_s {
  struct MHD_Daemon *d;
  be_tab_t *t;
  char url[64];
};

typedef struct upload_s {
  char *data;
  size_t len;
} upload_t;

static enum MHD_Result on_req(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  (void)url, (void)method, (void)version;
  be_hook_t *h = cls;
  upload_t *up = *con_cls;
  if (!up) {
    *con_cls = calloc(1, sizeof(upload_t));
    return *con_cls ? MHD_YES : MHD_NO;
  }
  if (*upload_size) {
    char *d = realloc(up->data, up->len + *upload_size + 1);
    if (!d) return MHD_NO;
    up->data = d;
    memcpy(up->data + up->len, upload, *upload_size);
    up->len += *upload_size;
    up->data[up->len] = '\0';
    *upload_size = 0;
    return MHD_YES;
  }
  json_t *body = up->data ? json_loadb(up->data, up->len, 0, NULL) : NULL;
  be_tab_mark(h->t, BE_NOTE, json_string_value(json_object_get(json_object_get(body, "notification"), "message_id")));
  json_decref(body);
  static const char ok[] = "{\"ok\":true}";
  struct MHD_Response *resp = MHD_create_response_from_buffer(sizeof(ok) - 1, (void *)ok, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(resp, "Content-Type", "application/json");
  enum MHD_Result ret = MHD_queue_response(conn, 200, resp);
  MHD_destroy_response(resp);
  return ret;
}

static void on_done(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode tc) {
  (void)cls, (void)conn, (void)tc;
  upload_t *up = *con_cls;
  if (up) free(up->data);
  free(up);
  *con_cls = NULL;
}

be_hook_t *be_hook_start(be_tab_t *t) {
  be_hook_t *h = calloc(1, sizeof(*h));
  if (!h) return NULL;
  h->t = t;
  for (int tries = 0; tries < 20 && !h->d; tries++) {
    int port = co_th_free_port();
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    h->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, (uint16_t)port, NULL,
                            NULL, on_req, h, MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_NOTIFY_COMPLETED, on_done, h,
                            MHD_OPTION_END);
    snprintf(h->url, sizeof(h->url), "http://127.0.0.1:%d/hook", port);
  }
  if (!h->d) {
    free(h);
    return NULL;
  }
  return h;
}

const char *be_hook_url(const be_hook_t *h) { return h->url; }

void be_hook_stop(be_hook_t *h) {
  if (!h) return;
  MHD_stop_daemon(h->d);
  free(h);
}
