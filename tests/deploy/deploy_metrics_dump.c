/* deploy_metrics_dump.c: prints the Prometheus text CareerOps serves, so
 * check_deploy.py can require that the Grafana dashboard and the alert rules
 * name only metrics that really exist.
 *
 * A tiny embedded pipeline processes a few records, one of them poisoned, so
 * every runtime family has samples. The text is fetched over HTTP from a
 * real co_api server on loopback whose backend serves that runtime's
 * metrics: the same path as GET /metrics of `careerops run`, HTTP request
 * metrics included (a /health request first gives them samples).
 * Usage: deploy_metrics_dump STATE_DIR (created, left for the caller). */
#include <stdio.h>
#include <string.h>

#include "co_rt.h"

#include <curl/curl.h>

#include "co_api.h"

static int be_ready(void *opaque, char *reason, size_t sz) {
  (void)opaque, (void)reason, (void)sz;
  return 1;
}
static void be_metrics(void *opaque, FILE *out) { co_rt_metrics(opaque, out); }
static co_err_t be_query(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t sz) {
  (void)opaque, (void)q, (void)res;
  return co_seterr(errstr, sz, CO_ERR_UNSUPPORTED, "no data in the metrics dump");
}
static co_err_t be_token(void *opaque, const char *hex, char *account, size_t asz, int *admin) {
  (void)opaque, (void)hex, (void)account, (void)asz, (void)admin;
  return CO_ERR_NOT_FOUND;
}
static long be_token_count(void *opaque) {
  (void)opaque;
  return 0;
}

static size_t to_stdout(char *p, size_t size, size_t n, void *ud) {
  (void)ud;
  return fwrite(p, size, n, stdout) * size;
}

/* GET http://127.0.0.1:port/path; 0 on HTTP 200. body != 0 prints it. */
static int get(int port, const char *path, int body, const char *token) {
  char url[128], auth[160];
  struct curl_slist *h = NULL;
  long code = 0;
  snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", port, path);
  CURL *c = curl_easy_init();
  if (!c) return -1;
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 10000L);
  if (token) { /* /metrics is admin-only: the server's session secret is an admin credential */
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, (h = curl_slist_append(NULL, auth)));
  }
  if (body) curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, to_stdout);
  else curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  else fprintf(stderr, "deploy_metrics_dump: GET %s: %s\n", path, curl_easy_strerror(rc));
  curl_easy_cleanup(c);
  curl_slist_free_all(h);
  return code == 200 ? 0 : -1;
}

/* Serves rt's metrics from a loopback API server and prints GET /metrics. */
static int dump(co_rt_t *rt, co_conf_t *conf, char *err, size_t sz) {
  co_api_backend_t be = {.opaque = rt, .instance_id = "deploy-metrics-dump", .ready = be_ready,
                         .metrics = be_metrics, .query = be_query, .token_lookup = be_token,
                         .token_count = be_token_count};
  int rc = -1;
  if (co_conf_set(conf, "api.listen", "127.0.0.1:0", CO_CONF_SRC_CLI, err, sz)) return -1;
  co_api_t *api = co_api_start(conf, &be, err, sz);
  if (!api) return -1;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  if (get(co_api_port(api), "/health", 0, NULL) || get(co_api_port(api), "/metrics", 1, co_api_session_secret(api)))
    snprintf(err, sz, "the API did not answer /health and /metrics with 200");
  else
    rc = 0;
  co_api_stop(api);
  curl_global_cleanup();
  return rc;
}

static co_proc_rc_t fwd(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)opaque;
  if (rec->value_len == 6 && !memcmp(rec->value, "poison", 6)) {
    snprintf(errstr, sz, "poisoned on purpose");
    return CO_PROC_POISON;
  }
  co_ctx_send(ctx, "out", rec->key, rec->key_len, rec->value, rec->value_len, NULL, 0);
  return CO_PROC_OK;
}

int main(int argc, char **argv) {
  char err[512] = "";
  int rc = 1;
  co_conf_t *conf = co_conf_new();
  co_topo_t *topo = co_topo_new("metrics");
  co_rt_t *rt = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s STATE_DIR\n", argv[0]);
    goto out;
  }
  if (co_conf_set(conf, "state.dir", argv[1], CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "topic.partitions", "2", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_topo_add_processor(topo, "fwd", "in", fwd, NULL, NULL, err, sizeof(err)) ||
      !(rt = co_rt_new(conf, topo, err, sizeof(err))))
    goto fail;
  co_rt_msg_t msgs[3] = {{"a", 1, "ok", 2, NULL, 0, NULL}, {"b", 1, "ok", 2, NULL, 0, NULL},
                         {"c", 1, "poison", 6, NULL, 0, NULL}};
  if (co_rt_append(rt, "in", msgs, 3, NULL, 0, err, sizeof(err)) || co_rt_run_until_idle(rt, err, sizeof(err)) ||
      dump(rt, conf, err, sizeof(err)))
    goto fail;
  rc = 0;
  goto out;
fail:
  fprintf(stderr, "deploy_metrics_dump: %s\n", err);
out:
  co_rt_destroy(rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  return rc;
}
