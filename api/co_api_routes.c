/* co_api_routes.c: the route table: which path answers what, who may ask,
 * and which query parameters are valid (400 otherwise). Validated values go
 * to the backend in a json object, so the backend never re-parses input. */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_api_int.h"
#include "co_log.h"

typedef struct co_api_argctx_s {
  json_t *raw; /* first value of each name (valid UTF-8) */
  int bad;
} co_api_argctx_t;

static enum MHD_Result co_api_arg_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
  co_api_argctx_t *a = cls;
  (void)kind;
  if (!key || json_object_get(a->raw, key)) return MHD_YES;
  json_t *v = json_string(value ? value : "");
  if (!v) {
    a->bad = 1;
    return MHD_YES;
  }
  if (json_object_set_new(a->raw, key, v)) a->bad = 1;
  return MHD_YES;
}

static const char *co_api_arg(json_t *raw, const char *name) {
  return json_string_value(json_object_get(raw, name));
}

/* YYYY-MM-DD naming a real day (2025-02-31 is not one): the fields must
 * survive a round trip through timegm/gmtime_r unchanged. */
static int co_api_is_date(const char *s) {
  struct tm tm = {0}, back;
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return 0;
  tm.tm_year = atoi(s) - 1900;
  tm.tm_mon = atoi(s + 5) - 1;
  tm.tm_mday = atoi(s + 8);
  tm.tm_hour = 12;
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1) return 0;
  struct tm norm = tm; /* timegm normalizes its argument: 02-31 becomes 03-03 */
  time_t t = timegm(&norm);
  return gmtime_r(&t, &back) && back.tm_year == tm.tm_year && back.tm_mon == tm.tm_mon && back.tm_mday == tm.tm_mday;
}

/* Copies optional string args; validates limit/k ranges, dates and enums.
 * Returns NULL and sets *why on a bad value. */
static const char *co_api_int_arg(json_t *raw, json_t *out, const char *name, long lo, long hi, long def) {
  const char *s = co_api_arg(raw, name);
  long v = def;
  if (s) {
    char *end;
    if (!*s) return "must be an integer";
    v = strtol(s, &end, 10);
    if (*end || v < lo || v > hi) return "out of range";
  }
  json_object_set_new(out, name, json_integer(v));
  return NULL;
}

static json_t *co_api_args(co_api_query_kind_t kind, json_t *raw, char *why, size_t why_size) {
  static const char *const strs[] = {"q", "company", "type", "cursor", "account", "in", NULL};
  json_t *out = json_object();
  const char *e = NULL, *bad = NULL;
  for (int i = 0; strs[i]; i++)
    if (co_api_arg(raw, strs[i])) json_object_set(out, strs[i], json_object_get(raw, strs[i]));
  const char *dates[] = {"from", "to"};
  for (int i = 0; i < 2; i++) {
    const char *d = co_api_arg(raw, dates[i]);
    if (!d) continue;
    if (!co_api_is_date(d)) {
      bad = dates[i];
      e = "must be a real day as YYYY-MM-DD";
      goto fail;
    }
    json_object_set_new(out, dates[i], json_string(d));
  }
  if (kind == CO_API_Q_APPLICATIONS || kind == CO_API_Q_DLQ_LIST) {
    if ((e = co_api_int_arg(raw, out, "limit", 1, 200, 50))) {
      bad = "limit";
      goto fail;
    }
  }
  if (kind == CO_API_Q_APPLICATIONS) {
    const char *st = co_api_arg(raw, "stage");
    if (st) {
      if (strcmp(st, "APPLIED") && strcmp(st, "INTERVIEW") && strcmp(st, "OFFER") && strcmp(st, "REJECTION")) {
        bad = "stage";
        e = "must be APPLIED, INTERVIEW, OFFER or REJECTION";
        goto fail;
      }
      json_object_set_new(out, "stage", json_string(st));
    }
  }
  if (kind == CO_API_Q_SEARCH) {
    const char *q = co_api_arg(raw, "q"), *mode = co_api_arg(raw, "mode");
    if (!q || !*q) {
      bad = "q";
      e = "is required";
      goto fail;
    }
    if ((e = co_api_int_arg(raw, out, "k", 1, 100, 10))) {
      bad = "k";
      goto fail;
    }
    if (mode && strcmp(mode, "hybrid") && strcmp(mode, "vector") && strcmp(mode, "bm25")) {
      bad = "mode";
      e = "must be hybrid, vector or bm25";
      goto fail;
    }
    json_object_set_new(out, "mode", json_string(mode ? mode : "hybrid"));
    const char *in = co_api_arg(raw, "in");
    if (in && strcmp(in, "all") && strcmp(in, "mail") && strcmp(in, "briefings")) {
      bad = "in";
      e = "must be all, mail or briefings";
      goto fail;
    }
  }
  return out;
fail:
  snprintf(why, why_size, "query parameter '%s' %s", bad, e);
  json_decref(out);
  return NULL;
}

/* The request body as a JSON object (a new reference), or NULL with why:
 * the server checks the shape, the backend the fields. */
static json_t *co_api_body_object(co_api_req_t *r, char *why, size_t why_size) {
  json_error_t je;
  json_t *j;
  if (!r->body || !r->body_len) return snprintf(why, why_size, "request body: a JSON object is required"), NULL;
  if (!(j = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je)))
    return snprintf(why, why_size, "request body: not JSON (%.100s)", je.text), NULL;
  if (!json_is_object(j)) {
    json_decref(j);
    return snprintf(why, why_size, "request body: must be a JSON object"), NULL;
  }
  return j;
}

/* ---------------------------------------------------------------- the table */

#define CO_API_RF_PUBLIC 0x01 /* answered without a credential */
#define CO_API_RF_ADMIN 0x02  /* admin token only */
#define CO_API_RF_OWN 0x04    /* {account} must be the token's own account */
#define CO_API_RF_FILTER 0x08 /* ?account= filters; an account token sees only its own */
#define CO_API_RF_BODY 0x10   /* the body must be a JSON object */
#define CO_API_RF_LOCAL 0x20  /* only from this machine (a loopback peer): it names local files */

/* One row per endpoint: adding one the backend answers is a row here, its
 * query kind (co_api.h), the backend's answer and the two docs. pattern: "/"-split
 * segments; "{account}", "{company}", "{key}", "{id}" capture one segment
 * into the query (a capture followed by text, "{id}.ics", needs a segment
 * ending in that text and captures all of it); a trailing "**" takes one
 * or more segments. name: the metrics label (the pattern when NULL).
 * "GET" rows answer HEAD too. */
typedef struct co_api_route_def_s {
  co_api_route_t route;
  const char *method, *pattern, *name;
  co_api_query_kind_t kind;
  unsigned flags;
} co_api_route_def_t;

static const co_api_route_def_t co_api_routes[] = {
    {CO_API_R_HEALTH, "GET", "/health", NULL, 0, CO_API_RF_PUBLIC},
    {CO_API_R_READY, "GET", "/ready", NULL, 0, CO_API_RF_PUBLIC},
    {CO_API_R_METRICS, "GET", "/metrics", NULL, 0, CO_API_RF_ADMIN},
    {CO_API_R_OPENAPI, "GET", "/openapi.json", NULL, 0, CO_API_RF_PUBLIC},
    {CO_API_R_ASSET, "GET", "/assets/**", "/assets", 0, CO_API_RF_PUBLIC},
    {CO_API_R_ASSET, "GET", "/", "/assets", 0, CO_API_RF_PUBLIC},
    {CO_API_R_CALENDAR, "GET", "/calendar/{id}.ics", "/calendar/{token}.ics", 0, CO_API_RF_PUBLIC},
    /* answered by the backend (co_api_backend_t.query) */
    {CO_API_R_QUERY, "GET", "/api/accounts", NULL, CO_API_Q_ACCOUNTS, 0},
    {CO_API_R_QUERY, "GET", "/api/search", NULL, CO_API_Q_SEARCH, CO_API_RF_FILTER},
    {CO_API_R_QUERY, "GET", "/api/stats", NULL, CO_API_Q_STATS, CO_API_RF_FILTER},
    {CO_API_R_QUERY, "GET", "/api/version", NULL, CO_API_Q_VERSION, 0},
    {CO_API_R_QUERY, "GET", "/api/dlq", NULL, CO_API_Q_DLQ_LIST, CO_API_RF_ADMIN},
    {CO_API_R_QUERY, "POST", "/api/dlq/{id}/replay", NULL, CO_API_Q_DLQ_REPLAY, CO_API_RF_ADMIN},
    {CO_API_R_QUERY, "POST", "/api/dlq/{id}/dismiss", NULL, CO_API_Q_DLQ_DISMISS, CO_API_RF_ADMIN},
    {CO_API_R_QUERY, "GET", "/api/companies/{company}/briefing", NULL, CO_API_Q_BRIEFING, 0},
    {CO_API_R_QUERY, "GET", "/api/accounts/{account}/applications", NULL, CO_API_Q_APPLICATIONS, CO_API_RF_OWN},
    {CO_API_R_QUERY, "GET", "/api/accounts/{account}/interviews", NULL, CO_API_Q_INTERVIEWS, CO_API_RF_OWN},
    {CO_API_R_QUERY, "GET", "/api/accounts/{account}/interviews.ics", NULL, CO_API_Q_INTERVIEWS_ICS, CO_API_RF_OWN},
    {CO_API_R_QUERY, "GET", "/api/accounts/{account}/companies/{company}", NULL, CO_API_Q_COMPANY, CO_API_RF_OWN},
    {CO_API_R_QUERY, "POST", "/api/accounts/{account}/applications/{key}/corrections", NULL, CO_API_Q_CORRECTION,
     CO_API_RF_OWN | CO_API_RF_BODY},
    {CO_API_R_QUERY, "GET", "/api/accounts/{account}/review", NULL, CO_API_Q_REVIEW, CO_API_RF_OWN},
    {CO_API_R_QUERY, "GET", "/api/accounts/{account}/emails/{id}", NULL, CO_API_Q_EMAIL, CO_API_RF_OWN},
    {CO_API_R_QUERY, "POST", "/api/imports", NULL, CO_API_Q_IMPORT, CO_API_RF_ADMIN | CO_API_RF_BODY | CO_API_RF_LOCAL},
    {CO_API_R_QUERY, "POST", "/api/accounts/{account}/review/{id}", NULL, CO_API_Q_REVIEW_ANSWER,
     CO_API_RF_OWN | CO_API_RF_BODY},
    {CO_API_R_QUERY, "POST", "/api/accounts/{account}/applications", NULL, CO_API_Q_APP_ADD,
     CO_API_RF_OWN | CO_API_RF_BODY},
};
#define CO_API_N_ROUTES (sizeof(co_api_routes) / sizeof(co_api_routes[0]))

/* The metrics slot of a row. */
static co_api_route_t co_api_slot(const co_api_route_def_t *d) {
  return d->route == CO_API_R_QUERY ? (co_api_route_t)(CO_API_R_QUERY + (int)d->kind) : d->route;
}

const char *co_api_route_name(co_api_route_t r) {
  for (size_t i = 0; i < CO_API_N_ROUTES; i++)
    if (co_api_slot(&co_api_routes[i]) == r) return co_api_routes[i].name ? co_api_routes[i].name : co_api_routes[i].pattern;
  return "unknown";
}

size_t co_api_route_count(void) {
  return CO_API_N_ROUTES;
}

const char *co_api_route_at(size_t i, const char **method, co_api_route_t *route) {
  const co_api_route_def_t *d = &co_api_routes[i < CO_API_N_ROUTES ? i : 0];
  *method = d->method;
  *route = co_api_slot(d);
  return d->name ? d->name : d->pattern;
}

/* 1 when the connection comes from this machine: 127.0.0.0/8, ::1, or an
 * IPv4-mapped loopback address. */
static int co_api_peer_is_loopback(struct MHD_Connection *c) {
  const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  const struct sockaddr *sa = ci ? ci->client_addr : NULL;
  if (!sa) return 0;
  if (sa->sa_family == AF_INET) return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
  if (sa->sa_family != AF_INET6) return 0;
  const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
  if (IN6_IS_ADDR_LOOPBACK(a)) return 1;
  return IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127;
}

/* 1 when the segments match def's pattern; captures go to q. */
static int co_api_match_one(const co_api_route_def_t *def, char **s, int n, co_api_query_t *q) {
  const char *p = def->pattern + 1;
  int i = 0;
  while (*p) {
    const char *e = strchr(p, '/');
    size_t pl = e ? (size_t)(e - p) : strlen(p);
    if (pl == 2 && !strncmp(p, "**", 2)) return i < n;
    if (i >= n) return 0;
    if (*p == '{') {
      const char *close = memchr(p, '}', pl), *tail = close + 1;
      size_t tl = pl - (size_t)(tail - p), sl = strlen(s[i]);
      if (sl <= tl || strncmp(s[i] + sl - tl, tail, tl)) return 0;
      size_t nl = (size_t)(close - p - 1);
      const char **slot = !strncmp(p + 1, "account", nl) ? &q->account
                          : !strncmp(p + 1, "company", nl) ? &q->company
                          : !strncmp(p + 1, "key", nl)     ? &q->key
                                                           : &q->id;
      *slot = s[i];
    } else if (strlen(s[i]) != pl || strncmp(s[i], p, pl)) {
      return 0;
    }
    i++;
    p += pl + (e ? 1 : 0);
  }
  return i == n;
}

/* The row for the request's path and method: NULL when none; *path_known
 * says a row has the path (then the method is wrong: 405). */
static const co_api_route_def_t *co_api_match(co_api_req_t *r, const char *method, co_api_query_t *q,
                                              int *path_known) {
  const co_api_route_def_t *found = NULL;
  *path_known = 0;
  r->allow[0] = '\0';
  /* Every row of the path adds its method to Allow (one path may have a GET
   * and a POST row); the first row the method fits answers. */
  for (size_t i = 0; i < CO_API_N_ROUTES; i++) {
    const co_api_route_def_t *d = &co_api_routes[i];
    co_api_query_t cap = {0};
    if (!co_api_match_one(d, r->segs, r->seg_cnt, &cap)) continue;
    if (!*path_known) r->route = co_api_slot(d); /* a 405 counts under the path's first row */
    *path_known = 1;
    size_t n = strlen(r->allow);
    snprintf(r->allow + n, sizeof(r->allow) - n, "%s%s", n ? ", " : "", strcmp(d->method, "GET") ? d->method : "GET, HEAD");
    int allowed = !strcmp(method, d->method) || !strcmp(method, "OPTIONS") || /* OPTIONS: the caller answers it */
                  (!strcmp(method, "HEAD") && !strcmp(d->method, "GET"));
    if (!allowed || found) continue;
    r->route = co_api_slot(d);
    *q = cap;
    q->kind = d->kind;
    found = d;
  }
  return found;
}

static enum MHD_Result co_api_static(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r,
                                     const co_api_asset_t *a) {
  if (!a) return co_api_send_error(api, c, r, 404, "not_found", "no such file");
  return co_api_send(api, c, r, 200, a->content_type, a->data, a->len, 0, NULL);
}

static enum MHD_Result co_api_metrics_page(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return co_api_send_error(api, c, r, 500, "internal", "out of memory");
  if (api->be->metrics) api->be->metrics(api->be->opaque, f);
  co_api_metrics_write(&api->m, f);
  fclose(f);
  enum MHD_Result rc = co_api_send(api, c, r, 200, "text/plain; version=0.0.4; charset=utf-8", buf, len, 1, NULL);
  free(buf);
  return rc;
}

static enum MHD_Result co_api_run_query(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, co_api_query_t *q) {
  co_api_result_t res = {0};
  char err[256] = "";
  co_err_t e = api->be->query ? api->be->query(api->be->opaque, q, &res, err, sizeof(err)) : CO_ERR_UNSUPPORTED;
  if (e == CO_OK && res.body) {
    enum MHD_Result rc = co_api_send(api, c, r, res.status ? res.status : 200,
                                     res.content_type ? res.content_type : "application/json", res.body,
                                     strlen(res.body), 1, res.instance);
    free(res.body);
    return rc;
  }
  free(res.body);
  switch (e) {
  case CO_ERR_NOT_FOUND:
    return co_api_send_error(api, c, r, 404, "not_found", *err ? err : "not found");
  case CO_ERR_INVALID_ARG:
  case CO_ERR_PARSE:
    return co_api_send_error(api, c, r, 400, "bad_request", *err ? err : "bad request");
  case CO_ERR_UNSUPPORTED:
  case CO_ERR_TIMEOUT:
  case CO_ERR_HTTP:
    CO_WARN("api", "%s: unavailable: %s", co_api_route_name(r->route), err);
    return co_api_send_error(api, c, r, 503, "unavailable", "not available on this instance right now");
  default:
    CO_WARN("api", "%s: %s: %s", co_api_route_name(r->route), co_err2str(e), err);
    return co_api_send_error(api, c, r, 500, "internal", "internal error");
  }
}

/* GET /calendar/{token}.ics: a calendar app's subscription, which can send
 * no header. The token is one of the token store whose account is
 * "calendar:<account>" (`careerops token create calendar:ACCOUNT`; revoked
 * like any token): it grants that account's .ics and nothing else (as a
 * bearer token its account names no account's data). Any other token: 404. */
static enum MHD_Result co_api_calendar(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, co_api_query_t *q) {
  char tok[256], hash[65], account[256] = "";
  int admin = 0;
  size_t n = strlen(q->id);
  if (n <= 4 || n - 4 >= sizeof(tok) || strcmp(q->id + n - 4, ".ics"))
    return co_api_send_error(api, c, r, 404, "not_found", "no such calendar");
  snprintf(tok, sizeof(tok), "%.*s", (int)(n - 4), q->id);
  co_api_token_hash(tok, hash);
  if (!api->be->token_lookup ||
      api->be->token_lookup(api->be->opaque, hash, account, sizeof(account), &admin) != CO_OK || admin ||
      strncmp(account, "calendar:", 9) || !account[9])
    return co_api_send_error(api, c, r, 404, "not_found", "no such calendar");
  json_t *args = json_object();
  if (!args) return co_api_send_error(api, c, r, 500, "internal", "out of memory");
  q->kind = CO_API_Q_INTERVIEWS_ICS;
  q->account = q->scope = account + 9;
  q->args = args;
  q->uri = r->uri;
  q->internal = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CareerOps-Internal") != NULL;
  enum MHD_Result rc = co_api_run_query(api, c, r, q);
  json_decref(args);
  return rc;
}

enum MHD_Result co_api_dispatch(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, const char *method) {
  co_api_query_t q = {0};
  co_api_auth_t who;
  char why[256];
  int path_known;
  const co_api_route_def_t *def = co_api_match(r, method, &q, &path_known);
  if (!path_known) return co_api_send_error(api, c, r, 404, "not_found", "no such endpoint");
  if (def && !strcmp(method, "OPTIONS") && api->cors_origin) {
    struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, api->cors_origin);
    MHD_add_response_header(resp, "Access-Control-Allow-Methods", "GET, POST");
    MHD_add_response_header(resp, "Access-Control-Allow-Headers", "Authorization, Content-Type");
    enum MHD_Result rc = MHD_queue_response(c, 204, resp);
    MHD_destroy_response(resp);
    co_api_metrics_observe(&api->m, r->route, 204, 0);
    return rc;
  }
  if (!def || !strcmp(method, "OPTIONS")) return co_api_send_error(api, c, r, 405, "bad_request", "method not allowed");

  if (def->flags & CO_API_RF_PUBLIC) switch (r->route) {
  case CO_API_R_HEALTH:
    return co_api_send(api, c, r, 200, "application/json", "{\"status\":\"ok\"}", 15, 0, NULL);
  case CO_API_R_READY: {
    char reason[128] = "";
    if (!api->be->ready || api->be->ready(api->be->opaque, reason, sizeof(reason)))
      return co_api_send(api, c, r, 200, "application/json", "{\"ready\":true}", 14, 0, NULL);
    return co_api_send_json(api, c, r, 503, json_pack("{s:b, s:s}", "ready", 0, "reason", reason));
  }
  case CO_API_R_OPENAPI:
    return co_api_static(api, c, r, co_api_doc_find("openapi.json"));
  case CO_API_R_CALENDAR:
    return co_api_calendar(api, c, r, &q);
  case CO_API_R_ASSET: {
    if (r->seg_cnt == 0) {
      const char *tok = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
      if (tok) return co_api_session_exchange(api, c, r, tok);
      return co_api_static(api, c, r, co_api_asset_find("index.html"));
    }
    char path[512] = "";
    for (int i = 1; i < r->seg_cnt; i++) {
      if (!strcmp(r->segs[i], "..")) return co_api_send_error(api, c, r, 404, "not_found", "no such file");
      size_t l = strlen(path);
      snprintf(path + l, sizeof(path) - l, "%s%s", i > 1 ? "/" : "", r->segs[i]);
    }
    return co_api_static(api, c, r, co_api_asset_find(path));
  }
  default:
    break;
  }

  if (co_api_authenticate(api, c, &who))
    return co_api_send_error(api, c, r, 401, "unauthorized", co_api_unauthorized_message(api));
  int admin = who.kind == CO_API_AUTH_ADMIN;
  if ((def->flags & CO_API_RF_ADMIN) && !admin) return co_api_send_error(api, c, r, 403, "forbidden", "admin token required");
  if ((def->flags & CO_API_RF_LOCAL) && !co_api_peer_is_loopback(c))
    return co_api_send_error(api, c, r, 403, "forbidden", "only from this machine (a loopback connection)");
  if (r->route == CO_API_R_METRICS) return co_api_metrics_page(api, c, r);

  co_api_argctx_t ac = {json_object(), 0};
  if (!ac.raw) return co_api_send_error(api, c, r, 500, "internal", "out of memory");
  MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, co_api_arg_cb, &ac);
  json_t *args = ac.bad ? NULL : co_api_args(q.kind, ac.raw, why, sizeof(why));
  if (ac.bad) snprintf(why, sizeof(why), "query parameters must be UTF-8");
  enum MHD_Result rc;
  if (!args) {
    rc = co_api_send_error(api, c, r, 400, "bad_request", why);
    goto out;
  }
  if (def->flags & CO_API_RF_FILTER) q.account = json_string_value(json_object_get(args, "account"));
  if (!admin) {
    if (q.account && strcmp(q.account, who.account)) {
      rc = co_api_send_error(api, c, r, 403, "forbidden", "this token reads only its own account");
      goto out;
    }
    if (def->flags & CO_API_RF_FILTER) q.account = who.account;
    q.scope = who.account;
  }
  if ((def->flags & CO_API_RF_BODY) && !(q.body = co_api_body_object(r, why, sizeof(why)))) {
    rc = co_api_send_error(api, c, r, 400, "bad_request", why);
    goto out;
  }
  q.args = args;
  q.uri = r->uri;
  q.authorization = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
  q.internal = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CareerOps-Internal") != NULL;
  rc = co_api_run_query(api, c, r, &q);
out:
  json_decref(q.body);
  json_decref(args);
  json_decref(ac.raw);
  return rc;
}
