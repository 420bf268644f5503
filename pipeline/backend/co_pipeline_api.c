/* co_pipeline_api.c: the REST API's backend (api/co_api.h) over the
 * pipeline's stores, and its wiring (start/stop).
 *
 * Who answers: an account's data lives in the task owning partition
 * murmur2(account) of topic.raw. In Kafka mode a request for it reaching
 * another instance is forwarded to the owner found through the consumer
 * group (processor/co_rt_owners.c), with the caller's Authorization header
 * and X-CareerOps-Internal so it is not forwarded again; a failed forward
 * refreshes the owners and retries once. /api/accounts and /api/stats
 * without an account ask every instance (scatter-gather) and merge. The
 * owner's X-CareerOps-Instance comes back with its answer. */
#include <curl/curl.h>
#include <librdkafka/rdkafka.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "co_buf.h"
#include "co_log.h"
#include "co_pipeline_api_int.h"
#include "co_pipeline_review.h"

struct co_pipeline_api_s {
  co_pipeline_t *p;
  const co_conf_t *conf;
  co_pipeline_tokens_t *tokens;
  co_rt_owners_t *owners;
  co_api_backend_t be;
  co_api_t *api;
  char self_url[512];
  char instance[256];
  long forward_timeout_ms;
  pthread_key_t curl_key;
};

/* ---- addresses ---- */

static void co_pl_api_self_url(const co_conf_t *conf, char *buf, size_t size) {
  const char *adv = co_conf_str(conf, "api.advertised.url"), *listen = co_conf_str(conf, "api.listen");
  if (adv && *adv) {
    snprintf(buf, size, "%s", adv);
  } else if (!strncmp(listen, "0.0.0.0:", 8) || !strncmp(listen, "[::]:", 5)) {
    char host[256] = "localhost";
    gethostname(host, sizeof(host) - 1);
    snprintf(buf, size, "http://%s:%s", host, strrchr(listen, ':') + 1);
  } else {
    snprintf(buf, size, "http://%s", listen);
  }
  size_t n = strlen(buf);
  if (n && buf[n - 1] == '/') buf[n - 1] = '\0';
}

co_err_t co_pipeline_api_prepare(co_conf_t *conf, char *errstr, size_t errstr_size) {
  char url[512], cid[600];
  if (!*co_conf_str(conf, "brokers")) return CO_OK;
  co_pl_api_self_url(conf, url, sizeof(url));
  co_rt_owners_client_id(url, cid, sizeof(cid));
  return co_conf_set(conf, "kafka.client.id", cid, CO_CONF_SRC_CLI, errstr, errstr_size);
}

/* ---- forwarding ---- */

typedef struct co_pl_buf_s {
  co_buf_t body; /* unbounded: the peer is another instance of ours */
  char instance[128];
  char ctype[128];
} co_pl_buf_t;

static void co_pl_hdr_value(const char *line, size_t n, const char *name, char *out, size_t size) {
  size_t nl = strlen(name);
  if (n <= nl + 1 || strncasecmp(line, name, nl) || line[nl] != ':') return;
  const char *v = line + nl + 1;
  while (*v == ' ') v++;
  size_t vl = (size_t)(line + n - v);
  while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n')) vl--;
  snprintf(out, size, "%.*s", (int)vl, v);
}

static size_t co_pl_header_cb(char *line, size_t size, size_t nmemb, void *opaque) {
  co_pl_buf_t *b = opaque;
  size_t n = size * nmemb;
  co_pl_hdr_value(line, n, "X-CareerOps-Instance", b->instance, sizeof(b->instance));
  co_pl_hdr_value(line, n, "Content-Type", b->ctype, sizeof(b->ctype));
  return n;
}

static void co_pl_curl_free(void *h) {
  curl_easy_cleanup(h);
}

/* One GET/POST to url+uri as an internal sub-request. The curl handle is
 * per server thread, so connections to peers are kept alive. */
static co_err_t co_pl_http(co_pipeline_api_t *a, const char *base, const co_api_query_t *q, int post, long *status,
                           co_pl_buf_t *b, char *errstr, size_t sz) {
  CURL *h = pthread_getspecific(a->curl_key);
  struct curl_slist *hdrs = NULL;
  char url[4096], auth[2048];
  memset(b, 0, sizeof(*b));
  if (!h) {
    if (!(h = curl_easy_init())) return co_seterr(errstr, sz, CO_ERR_NOMEM, "forward: out of memory");
    pthread_setspecific(a->curl_key, h);
  }
  curl_easy_reset(h);
  snprintf(url, sizeof(url), "%s%s", base, q->uri);
  hdrs = curl_slist_append(hdrs, "X-CareerOps-Internal: 1");
  if (q->authorization) {
    snprintf(auth, sizeof(auth), "Authorization: %s", q->authorization);
    hdrs = curl_slist_append(hdrs, auth);
  }
  if (post) hdrs = curl_slist_append(hdrs, "Content-Type: application/json"); /* the owner's guard wants it */
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, a->forward_timeout_ms);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, co_buf_curl_write);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &b->body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, co_pl_header_cb);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, b);
  if (post) { /* the body travels along (a review answer's); the DLQ replay has none */
    char *body = q->body ? json_dumps(q->body, JSON_COMPACT) : NULL;
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, body ? body : "");
    free(body);
  }
  CURLcode cc = curl_easy_perform(h);
  curl_slist_free_all(hdrs);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
  if (cc != CURLE_OK) {
    co_buf_free(&b->body);
    return co_seterr(errstr, sz, cc == CURLE_OPERATION_TIMEDOUT ? CO_ERR_TIMEOUT : CO_ERR_HTTP, "forward to %s: %s",
                     base, curl_easy_strerror(cc));
  }
  if (!b->body.data && !(b->body.data = strdup("")))
    return co_seterr(errstr, sz, CO_ERR_NOMEM, "forward: out of memory");
  return CO_OK;
}

static int co_pl_owns(void *opaque, int32_t part) {
  co_pipeline_api_t *a = opaque;
  int local = 0;
  return co_rt_partition_owner(a->owners, a->p->t_raw, part, NULL, 0, &local, NULL, 0) == CO_OK && local;
}

/* Answers q locally or at the owner of key in topic. *handled = 0: local.
 * An internal sub-request for a key this instance does not own is refused
 * (503): the sender's owner cache is stale; it refreshes and retries. */
static co_err_t co_pl_route(co_pipeline_api_t *a, const co_api_query_t *q, const char *topic, const char *key,
                            co_api_result_t *res, int *handled, char *errstr, size_t sz) {
  char url[512];
  int local = 1;
  co_err_t rc;
  *handled = 0;
  if (co_rt_embedded(a->p->rt)) return CO_OK;
  if (q->internal) {
    if (co_rt_owner_url(a->owners, topic, key, strlen(key), url, sizeof(url), &local, errstr, sz) == CO_OK && local)
      return CO_OK;
    return co_seterr(errstr, sz, CO_ERR_UNSUPPORTED, "not the owner of this key (any more)");
  }
  for (int attempt = 0; attempt < 2; attempt++) {
    if ((rc = co_rt_owner_url(a->owners, topic, key, strlen(key), url, sizeof(url), &local, errstr, sz))) {
      if (attempt == 0) { /* unassigned right now: look again once */
        co_rt_owners_invalidate(a->owners);
        continue;
      }
      return rc == CO_ERR_NOT_FOUND ? CO_ERR_UNSUPPORTED : rc;
    }
    if (local) return CO_OK;
    co_pl_buf_t b;
    long status = 0;
    rc = co_pl_http(a, url, q,
                    q->kind == CO_API_Q_DLQ_REPLAY || q->kind == CO_API_Q_DLQ_DISMISS || q->kind == CO_API_Q_REVIEW_ANSWER ||
                        q->kind == CO_API_Q_APP_ADD,
                    &status, &b, errstr, sz);
    if (rc || status == 503) { /* owner gone or moving: refresh and retry once */
      co_buf_free(&b.body);
      co_rt_owners_invalidate(a->owners);
      CO_LOGKV(CO_LOG_INFO, "api", "forward failed; refreshing owners", "owner", url, "attempt",
               attempt ? "2" : "1");
      continue;
    }
    res->status = (int)status;
    res->body = b.body.data;
    res->content_type = strstr(b.ctype, "text/calendar") ? "text/calendar; charset=utf-8" : "application/json";
    snprintf(res->instance, sizeof(res->instance), "%s", b.instance);
    *handled = 1;
    return CO_OK;
  }
  return rc ? rc : CO_ERR_UNSUPPORTED;
}

/* Asks every other instance; parts gets each JSON answer. */
static co_err_t co_pl_scatter(co_pipeline_api_t *a, const co_api_query_t *q, json_t *parts, char *errstr, size_t sz) {
  char **urls = NULL;
  int cnt = 0;
  co_err_t rc;
  if (q->internal || co_rt_embedded(a->p->rt)) return CO_OK;
  if ((rc = co_rt_member_urls(a->owners, &urls, &cnt, errstr, sz))) return rc;
  for (int i = 0; i < cnt && !rc; i++) {
    if (!strcmp(urls[i], a->self_url)) continue;
    co_pl_buf_t b;
    long status = 0;
    if ((rc = co_pl_http(a, urls[i], q, 0, &status, &b, errstr, sz))) break;
    json_t *j = status == 200 ? json_loads(b.body.data, 0, NULL) : NULL;
    co_buf_free(&b.body);
    if (!j) rc = co_seterr(errstr, sz, CO_ERR_HTTP, "scatter: %s answered %ld", urls[i], status);
    json_array_append_new(parts, j);
  }
  co_rt_urls_free(urls, cnt);
  return rc;
}

static int co_pl_acc_cmp(const void *x, const void *y) {
  return strcmp(json_string_value(json_object_get(*(json_t *const *)x, "account")),
                json_string_value(json_object_get(*(json_t *const *)y, "account")));
}

static json_t *co_pl_accounts_all(co_pipeline_api_t *a, const co_api_query_t *q, co_err_t *rc, char *errstr,
                                  size_t sz) {
  json_t *parts = json_array(), *part, *it;
  size_t i, j, n = 0;
  co_pl_owned_t owned = {co_rt_embedded(a->p->rt) ? NULL : co_pl_owns, a};
  json_array_append_new(parts, co_pl_api_accounts(a->p, q->scope, &owned));
  if ((*rc = co_pl_scatter(a, q, parts, errstr, sz))) {
    json_decref(parts);
    return NULL;
  }
  json_array_foreach(parts, i, part) n += json_array_size(json_object_get(part, "items"));
  json_t **v = calloc(n + 1, sizeof(*v)), *items = json_array();
  n = 0;
  json_array_foreach(parts, i, part) json_array_foreach(json_object_get(part, "items"), j, it) if (v) v[n++] = it;
  if (v) qsort(v, n, sizeof(*v), co_pl_acc_cmp);
  for (i = 0; v && i < n; i++) json_array_append(items, v[i]);
  free(v);
  json_decref(parts);
  return json_pack("{s:o}", "items", items);
}

static json_t *co_pl_stats_all(co_pipeline_api_t *a, const co_api_query_t *q, co_err_t *rc, char *errstr, size_t sz) {
  json_t *parts = json_array(), *out = NULL;
  co_pl_owned_t owned = {co_rt_embedded(a->p->rt) ? NULL : co_pl_owns, a};
  json_array_append_new(parts, co_pl_api_stats(a->p, q->scope, 1, &owned));
  if (q->internal) { /* a peer merges: keep the parts needed for exact distincts and median */
    out = json_incref(json_array_get(parts, 0));
  } else if (!(*rc = co_pl_scatter(a, q, parts, errstr, sz))) {
    out = co_pl_api_stats_merge(parts);
  }
  json_decref(parts);
  return out;
}

/* A briefing: an account token reads its account's own (the store keeps
 * one per account), an admin every account's. */
static co_err_t co_pl_api_briefing(co_pipeline_t *p, const co_api_query_t *q, co_api_result_t *res, char *errstr,
                                   size_t sz) {
  return co_pipeline_briefing_of(p, q->scope, q->company, &res->body, errstr, sz);
}

/* An email hit names its email and application as the rest of the API
 * does (URL-safe base64 ids, docs/api.md), so the dashboard links them. */
static void co_pl_search_ids(json_t *part) {
  size_t i;
  json_t *h;
  json_array_foreach(json_object_get(part, "results"), i, h) {
    const char *mid = json_string_value(json_object_get(h, "message_id"));
    const char *ak = json_string_value(json_object_get(h, "application"));
    char *id = mid ? co_pl_b64url(mid, strlen(mid)) : NULL, *aid = ak ? co_pl_b64url(ak, strlen(ak)) : NULL;
    if (id) json_object_set_new(h, "email_id", json_string(id));
    if (aid) json_object_set_new(h, "application", json_string(aid));
    free(id);
    free(aid);
  }
}

/* Search: this instance's indexes, then (unless a peer asked) every other
 * instance's, fused into one top-k. q->account is already the token's
 * account for an account token. */
static json_t *co_pl_search_all(co_pipeline_api_t *a, const co_api_query_t *q, co_err_t *rc, char *errstr,
                                size_t sz) {
  json_t *qj = json_deep_copy(q->args), *parts = json_array(), *hits = json_array(), *part, *h, *out = NULL;
  char *qs = NULL, *local = NULL;
  size_t i, j;
  if (!qj || !parts || !hits) goto nomem;
  json_object_del(qj, "account");
  if (q->account) json_object_set_new(qj, "account", json_string(q->account));
  if (!(qs = json_dumps(qj, JSON_COMPACT))) goto nomem;
  if ((*rc = co_pipeline_search(a->p, qs, &local, errstr, sz))) goto done;
  json_t *mine = json_loads(local, 0, NULL);
  co_pl_search_ids(mine);
  json_array_append_new(parts, mine);
  if (!q->internal && (*rc = co_pl_scatter(a, q, parts, errstr, sz))) goto done;
  json_array_foreach(parts, i, part) json_array_foreach(json_object_get(part, "results"), j, h)
      json_array_append(hits, h);
  const char *mode = json_string_value(json_object_get(qj, "mode"));
  json_int_t k = json_integer_value(json_object_get(qj, "k"));
  json_t *best = co_pipeline_search_fuse(hits, json_string_value(json_object_get(qj, "q")),
                                         json_array_size(parts) > 1 && (!mode || !strcmp(mode, "hybrid")),
                                         k > 0 ? (size_t)k : 10);
  out = json_pack("{s:O, s:o}", "query", json_object_get(qj, "q"), "results", best);
  goto done;
nomem:
  *rc = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
done:
  free(qs);
  free(local);
  json_decref(qj);
  json_decref(parts);
  json_decref(hits);
  return out;
}

/* ---- the backend ---- */

static co_err_t co_pl_api_query(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t sz) {
  co_pipeline_api_t *a = opaque;
  co_pipeline_t *p = a->p;
  json_t *out = NULL;
  co_err_t rc = CO_OK;
  int handled = 0;
  switch (q->kind) {
  case CO_API_Q_APPLICATIONS:
  case CO_API_Q_COMPANY:
  case CO_API_Q_INTERVIEWS:
  case CO_API_Q_INTERVIEWS_ICS:
    if ((rc = co_pl_route(a, q, p->t_raw, q->account, res, &handled, errstr, sz)) || handled) return rc;
    if (q->kind == CO_API_Q_APPLICATIONS)
      out = co_pl_api_applications(p, q->account, q->args, &rc, errstr, sz);
    else if (q->kind == CO_API_Q_COMPANY)
      out = co_pl_api_company(p, q->account, q->company, &rc, errstr, sz);
    else if (q->kind == CO_API_Q_INTERVIEWS)
      out = co_pl_api_interviews(p, q->account);
    else {
      if (!(res->body = co_pl_api_ics(p, q->account, a->instance))) return CO_ERR_NOMEM;
      res->content_type = "text/calendar; charset=utf-8";
      return CO_OK;
    }
    break;
  case CO_API_Q_STATS:
    if (q->account) {
      if ((rc = co_pl_route(a, q, p->t_raw, q->account, res, &handled, errstr, sz)) || handled) return rc;
      out = co_pl_api_stats(p, q->account, 0, NULL);
    } else {
      out = co_pl_stats_all(a, q, &rc, errstr, sz);
    }
    break;
  case CO_API_Q_VERSION: /* this instance's build; the same on every instance of one release */
    out = json_pack("{s:s, s:s, s:s, s:s}", "version", CO_VERSION, "librdkafka", rd_kafka_version_str(), "mode",
                    co_rt_embedded(p->rt) ? "embedded" : "kafka", "instance", a->instance);
    break;
  case CO_API_Q_ACCOUNTS:
    if (q->internal) {
      co_pl_owned_t owned = {co_rt_embedded(p->rt) ? NULL : co_pl_owns, a};
      out = co_pl_api_accounts(p, q->scope, &owned);
    } else {
      out = co_pl_accounts_all(a, q, &rc, errstr, sz);
    }
    break;
  case CO_API_Q_DLQ_LIST:
    out = co_pl_api_dlq_list(p, q->args, &rc, errstr, sz);
    break;
  case CO_API_Q_DLQ_REPLAY:
    out = co_pl_api_dlq_replay(p, q->id, &rc, errstr, sz);
    break;
  case CO_API_Q_DLQ_DISMISS:
    out = co_pl_api_dlq_dismiss(p, q->id, &rc, errstr, sz);
    break;
  case CO_API_Q_BRIEFING:
    if ((rc = co_pl_route(a, q, p->t_research, q->company, res, &handled, errstr, sz)) || handled) return rc;
    return co_pl_api_briefing(p, q, res, errstr, sz);
  case CO_API_Q_SEARCH:
    out = co_pl_search_all(a, q, &rc, errstr, sz);
    break;
  case CO_API_Q_REVIEW: /* the owner's review store (co_pipeline_review_api.c) */
  case CO_API_Q_REVIEW_ANSWER:
  case CO_API_Q_APP_ADD:
    if ((rc = co_pl_route(a, q, p->t_raw, q->account, res, &handled, errstr, sz)) || handled) return rc;
    out = co_pl_api_review(p, q, &rc, errstr, sz);
    if (out && q->kind != CO_API_Q_REVIEW) res->status = 202;
    break;
  case CO_API_Q_IMPORT: /* this instance's runtime (co_pipeline_api_import.c) */
    out = co_pl_api_import(p, q->body, &rc, errstr, sz);
    break;
  case CO_API_Q_EMAIL: /* the owner's emails store (co_pipeline_review_api.c) */
    if ((rc = co_pl_route(a, q, p->t_raw, q->account, res, &handled, errstr, sz)) || handled) return rc;
    out = co_pl_api_email(p, q->account, q->id, &rc, errstr, sz);
    break;
  case CO_API_Q_CORRECTION: /* local in both modes: see co_pipeline_api_correct.c */
    if ((out = co_pl_api_correct(p, q->account, q->key, q->body, &rc, errstr, sz))) res->status = 202;
    break;
  default:
    return co_seterr(errstr, sz, CO_ERR_NOT_FOUND, "no such endpoint");
  }
  if (rc) {
    json_decref(out);
    return rc;
  }
  if (!out) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  res->body = json_dumps(out, JSON_COMPACT);
  json_decref(out);
  return res->body ? CO_OK : co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
}

static int co_pl_api_ready(void *opaque, char *reason, size_t size) {
  co_pipeline_api_t *a = opaque;
  if (co_rt_ready(a->p->rt)) return 1;
  snprintf(reason, size, "tasks are restoring or not yet assigned");
  return 0;
}

/* The runtime reports its histogram in milliseconds; Prometheus wants base
 * units (promtool rejects "_ms"), so it is exposed here in seconds. */
static void co_pl_api_metrics(void *opaque, FILE *out) {
  co_pipeline_api_t *a = opaque;
  char *buf = NULL, *line, *save = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  if (!m) return;
  co_rt_metrics(a->p->rt, m);
  fclose(m);
  static const char ms[] = "careerops_processing_latency_ms";
  for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *at = strstr(line, ms);
    if (!at) {
      fprintf(out, "%s\n", line);
      continue;
    }
    const char *rest = at + strlen(ms);
    fprintf(out, "%.*scareerops_processing_latency_seconds", (int)(at - line), line);
    if (line[0] == '#') {
      fprintf(out, "%s\n", strstr(rest, "histogram") ? rest : " Processing time per record (seconds).");
    } else if (!strncmp(rest, "_bucket{le=\"", 12)) {
      const char *le = rest + 12, *q = strchr(le, '"');
      if (!q) continue;
      if (!strncmp(le, "+Inf", 4))
        fprintf(out, "_bucket{le=\"+Inf\"}%s\n", q + 2);
      else
        fprintf(out, "_bucket{le=\"%g\"}%s\n", strtod(le, NULL) / 1000.0, q + 2);
    } else if (!strncmp(rest, "_sum ", 5)) {
      fprintf(out, "_sum %g\n", strtod(rest + 5, NULL) / 1000.0);
    } else {
      fprintf(out, "%s\n", rest);
    }
  }
  free(buf);
}

static co_err_t co_pl_api_token_lookup(void *opaque, const char *hash, char *account, size_t size, int *admin) {
  co_pipeline_api_t *a = opaque;
  return co_pipeline_tokens_lookup(a->tokens, hash, account, size, admin);
}

static long co_pl_api_token_count(void *opaque) {
  co_pipeline_api_t *a = opaque;
  return co_pipeline_tokens_count(a->tokens);
}

co_pipeline_api_t *co_pipeline_api_start(co_pipeline_t *p, const co_conf_t *conf, char *errstr, size_t errstr_size) {
  co_pipeline_api_t *a = calloc(1, sizeof(*a));
  if (!a) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "api: out of memory");
    return NULL;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  a->p = p;
  a->conf = conf;
  a->forward_timeout_ms = (long)co_conf_int(conf, "api.forward.timeout.ms");
  pthread_key_create(&a->curl_key, co_pl_curl_free);
  co_pl_api_self_url(conf, a->self_url, sizeof(a->self_url));
  const char *host = strstr(a->self_url, "://");
  snprintf(a->instance, sizeof(a->instance), "%.255s", host ? host + 3 : a->self_url);
  if (!(a->tokens = co_pipeline_tokens_open(conf, 1, errstr, errstr_size))) goto err;
  if (!(a->owners = co_rt_owners_new(p->rt, a->self_url))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "api: out of memory");
    goto err;
  }
  a->be = (co_api_backend_t){.opaque = a,
                             .instance_id = a->instance,
                             .ready = co_pl_api_ready,
                             .metrics = co_pl_api_metrics,
                             .query = co_pl_api_query,
                             .token_lookup = co_pl_api_token_lookup,
                             .token_count = co_pl_api_token_count};
  if (!(a->api = co_api_start(conf, &a->be, errstr, errstr_size))) goto err;
  CO_LOGKV(CO_LOG_INFO, "api", "API started", "instance", a->instance, "url", a->self_url);
  return a;
err:
  co_pipeline_api_stop(a);
  return NULL;
}

void co_pipeline_api_stop(co_pipeline_api_t *a) {
  if (!a) return;
  co_api_stop(a->api);
  co_rt_owners_destroy(a->owners);
  co_pipeline_tokens_close(a->tokens);
  void *h = pthread_getspecific(a->curl_key);
  if (h) curl_easy_cleanup(h);
  pthread_key_delete(a->curl_key);
  free(a);
}

int co_pipeline_api_port(const co_pipeline_api_t *a) {
  return co_api_port(a->api);
}

const char *co_pipeline_api_url(const co_pipeline_api_t *a) {
  return a->self_url;
}

const char *co_pipeline_api_session_secret(const co_pipeline_api_t *a) {
  return co_api_session_secret(a->api);
}
