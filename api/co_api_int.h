/* co_api_int.h: server internals shared by the api/ sources. */
#ifndef CO_API_INT_H
#define CO_API_INT_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdint.h>

#include "co_api.h"
#include "co_api_assets.h"

#define CO_API_MAX_URI 2048  /* longer request targets get 414 */
#define CO_API_MAX_SEGS 8
#define CO_API_MAX_NAMES 36 /* Host names answered besides loopback (co_api_guard.c) */

/* The metrics slot of a request (its route template is the label): the
 * server's own routes by name, then one slot per backend query kind
 * (CO_API_R_QUERY + co_api_query_kind_t), so an endpoint the backend
 * answers needs no entry here. */
typedef enum {
  CO_API_R_UNKNOWN = 0,
  CO_API_R_HEALTH,
  CO_API_R_READY,
  CO_API_R_METRICS,
  CO_API_R_OPENAPI,
  CO_API_R_ASSET,
  CO_API_R_CALENDAR,
  CO_API_R_QUERY,
  CO_API_R__CNT = CO_API_R_QUERY + CO_API_Q__CNT
} co_api_route_t;

#define CO_API_LAT_BUCKETS 10
#define CO_API_CODES 15

typedef struct co_api_metrics_s {
  pthread_mutex_t lock;
  /* requests by route and status class index (see co_api_metrics.c) */
  uint64_t req[CO_API_R__CNT][CO_API_CODES];
  uint64_t lat[CO_API_R__CNT][CO_API_LAT_BUCKETS + 1];
  double lat_sum[CO_API_R__CNT];
  uint64_t lat_cnt[CO_API_R__CNT];
} co_api_metrics_t;

struct co_api_s {
  const co_conf_t *conf;
  const co_api_backend_t *be;
  struct MHD_Daemon *mhd;
  int port, loopback;
  const char *admin_hash; /* SHA-256 hex of api.admin.token, or NULL */
  char admin_hash_buf[65];
  /* local-session mode (api.auth): this run's secret, its hash and the
   * cookie carrying it; session[0] == '\0' in required mode. Written once
   * before the daemon starts, then read-only. */
  char session[64];
  char session_hash[65];
  char cookie_name[48];
  struct {
    char name[256];
    char port[16]; /* "" = any */
  } allowed[CO_API_MAX_NAMES];
  int allowed_cnt;
  const char *cors_origin; /* NULL: no CORS headers */
  size_t max_body;
  co_api_metrics_t m;
};

/* Per-request state (MHD's con_cls). */
typedef struct co_api_req_s {
  char *uri; /* as received: path + '?' + query */
  int64_t start_us;
  char *body;
  size_t body_len;
  int too_large;
  int checked;      /* first call's checks (target, path, guard) done */
  int pend_status;  /* their refusal, answered on the final call (0: none) */
  const char *pend_code, *pend_msg; /* static strings */
  int internal;
  co_api_route_t route;
  char allow[32]; /* the path's methods (every row of it), for a 405's Allow header and OPTIONS */
  char *segs[CO_API_MAX_SEGS]; /* decoded path segments */
  int seg_cnt;
} co_api_req_t;

/* co_api_http.c: the headers every answer carries (instance, nosniff,
 * no-store, the security headers of the page, CORS when configured). */
void co_api_common_headers(co_api_t *api, struct MHD_Response *resp, const char *ctype, const char *instance);
/* co_api_auth.c: this run's session secret (local-session mode). */
co_err_t co_api_session_init(co_api_t *api, char *errstr, size_t errstr_size);
/* co_api_http.c: responses. They set route metrics and common headers. */
enum MHD_Result co_api_send(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, int status, const char *ctype,
                            const void *body, size_t len, int must_copy, const char *instance);
enum MHD_Result co_api_send_error(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, int status,
                                  const char *code, const char *message);
enum MHD_Result co_api_send_json(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, int status, json_t *j);

/* co_api_auth.c: who is calling. */
typedef enum { CO_API_AUTH_NONE, CO_API_AUTH_ACCOUNT, CO_API_AUTH_ADMIN } co_api_auth_kind_t;
typedef struct co_api_auth_s {
  co_api_auth_kind_t kind;
  char account[256];
} co_api_auth_t;
/* 0 on success (kind set); -1 when the token is missing or unknown. */
int co_api_authenticate(co_api_t *api, struct MHD_Connection *c, co_api_auth_t *out);

/* The cookie value of this run's session (local-session mode): an answer to
 * GET /?token=<secret>; 303 to / with the cookie, or 401. */
enum MHD_Result co_api_session_exchange(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, const char *token);
/* The 401 message: says why when no credential can exist yet. */
const char *co_api_unauthorized_message(co_api_t *api);

/* co_api_guard.c: Host, Origin and Content-Type rules (see there). */
co_err_t co_api_guard_init(co_api_t *api, const char *listen_host, int wildcard, char *errstr, size_t errstr_size);
int co_api_host_allowed(const co_api_t *api, const char *host);
/* 0 when r may go on; else the status (421, 403, 415) with code/message. */
int co_api_guard(const co_api_t *api, struct MHD_Connection *c, const co_api_req_t *r, const char *method,
                 const char **code, const char **message);

/* co_api_metrics.c (route names: co_api_routes.c, the route table) */
void co_api_metrics_init(co_api_metrics_t *m);
void co_api_metrics_destroy(co_api_metrics_t *m);
void co_api_metrics_observe(co_api_metrics_t *m, co_api_route_t route, int status, double seconds);
void co_api_metrics_write(co_api_metrics_t *m, FILE *out);
const char *co_api_route_name(co_api_route_t r);

/* co_api_routes.c: the route table, row by row (i < co_api_route_count()):
 * method and metrics name ("/api/accounts/{account}/applications"); for
 * the test that holds the table and docs/openapi.json to each other. */
size_t co_api_route_count(void);
const char *co_api_route_at(size_t i, const char **method, co_api_route_t *route);

/* co_api_http.c: libmicrohttpd's access handler (MHD_AccessHandlerCallback):
 * one request from its first call to its last, then co_api_dispatch. */
enum MHD_Result co_api_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_size, void **con_cls);

/* co_api_routes.c: routes a request once its body is complete. */
enum MHD_Result co_api_dispatch(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, const char *method);

/* Generated from docs/openapi.json (co_embed.cmake). */
const co_api_asset_t *co_api_doc_find(const char *path);

#endif
