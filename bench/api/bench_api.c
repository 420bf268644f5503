/* bench_api: API requests/s measured with wrk, as ratios against GET
 * /health (the server's floor: routing, headers, metrics, no data) in the
 * same run on the same machine.
 *   local:     an account's applications (a key lookup: index + 10 objects
 *              from the store) and search, embedded mode, sample inbox;
 *   forwarded: Kafka mode, two instances on a 1-node broker; the same
 *              lookup sent to the instance that does not own the account
 *              (A -> B over HTTP keep-alive) vs sent to the owner.
 * CO_BENCH_API_SECS (default 5) per measurement; CO_BENCH_API_KAFKA=0 skips
 * the forwarded part. Prints one line per figure. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_pipeline.h"
#include "co_th.h"
#include "co_th_kafka.h"

static int g_secs = 5;

/* Requests/s of wrk on url, or -1. */
static double wrk(const char *url) {
  char cmd[2048], *out = NULL;
  snprintf(cmd, sizeof(cmd), "wrk -t2 -c16 -d%ds --latency '%s' 2>&1", g_secs, url);
  if (co_th_sh(cmd, &out) != 0) {
    fprintf(stderr, "wrk failed: %s\n", out ? out : "");
    free(out);
    return -1;
  }
  const char *r = out ? strstr(out, "Requests/sec:") : NULL;
  const char *non2xx = out ? strstr(out, "Non-2xx") : NULL;
  double v = r ? strtod(r + 13, NULL) : -1;
  if (non2xx) v = -2; /* errors are not throughput */
  free(out);
  return v;
}

static void set(co_conf_t *c, const char *n, const char *v) {
  char err[256];
  if (co_conf_set(c, n, v, CO_CONF_SRC_CLI, err, sizeof(err))) {
    fprintf(stderr, "conf %s: %s\n", n, err);
    exit(1);
  }
}

static const char *sample(void) {
  static char buf[4096];
  const char *src = getenv("CO_SOURCE_DIR");
  snprintf(buf, sizeof(buf), "%s/data/sample/inbox.mbox", src ? src : ".");
  return buf;
}

static int bench_local(void) {
  char err[512], listen[64], base[64], url[256];
  char *dir = co_th_tmpdir("bench-api");
  int port = co_th_free_port();
  co_conf_t *c = co_conf_new();
  snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
  snprintf(base, sizeof(base), "http://127.0.0.1:%d", port);
  set(c, "state.dir", dir);
  set(c, "api.listen", listen);
  set(c, "log.level", "warn");
  if (co_conf_finalize(c, err, sizeof(err))) return fprintf(stderr, "%s\n", err), 1;
  co_pipeline_t *p = co_pipeline_new(c, err, sizeof(err));
  if (!p || co_pipeline_import_mbox(p, sample(), "alice", NULL, err, sizeof(err)) ||
      co_pipeline_run_until_idle(p, err, sizeof(err)))
    return fprintf(stderr, "pipeline: %s\n", err), 1;
  co_pipeline_api_t *api = co_pipeline_api_start(p, c, err, sizeof(err));
  if (!api) return fprintf(stderr, "api: %s\n", err), 1;
  snprintf(url, sizeof(url), "%s/health", base);
  double h = wrk(url);
  snprintf(url, sizeof(url), "%s/api/accounts/alice/applications?limit=10", base);
  double k = wrk(url);
  snprintf(url, sizeof(url), "%s/api/search?q=interview%%20invitation&k=10", base);
  double s = wrk(url);
  printf("local  /health                         %9.0f req/s  (baseline 1.00)\n", h);
  printf("local  key lookup (10 applications)    %9.0f req/s  ratio %.3f\n", k, h > 0 ? k / h : 0);
  if (s == -2)
    printf("local  search (k=10)                   n/a: the endpoint answers non-2xx (search not wired in this build)\n");
  else
    printf("local  search (k=10)                   %9.0f req/s  ratio %.3f\n", s, h > 0 ? s / h : 0);
  co_pipeline_api_stop(api);
  co_pipeline_destroy(p);
  co_conf_destroy(c);
  co_th_rm_rf(dir);
  free(dir);
  return 0;
}

typedef struct inst_s {
  co_conf_t *conf;
  co_pipeline_t *p;
  co_pipeline_api_t *api;
  pthread_t thr;
  char base[64];
} inst_t;

static void *run_inst(void *arg) {
  inst_t *in = arg;
  char err[256];
  co_pipeline_run(in->p, err, sizeof(err));
  return NULL;
}

/* Status of GET url with header X-CareerOps-Instance into inst. */
static int probe(const char *url, char *inst, size_t size) {
  char cmd[1024], *out = NULL;
  snprintf(cmd, sizeof(cmd), "curl -s -o /dev/null -D - '%s'", url);
  int rc = co_th_sh(cmd, &out);
  const char *h = out ? strcasestr(out, "X-CareerOps-Instance:") : NULL;
  int ok = rc == 0 && out && strstr(out, " 200");
  inst[0] = '\0';
  if (h) sscanf(h + 21, " %127s", inst);
  (void)size;
  free(out);
  return ok;
}

static int bench_forwarded(void) {
  char err[1024], cmd[8192];
  co_th_kafka_t *k = co_th_kafka_start_fresh(1, err, sizeof(err));
  if (!k) return fprintf(stderr, "broker: %s\n", err), 1;
  const char *bs = co_th_kafka_bootstrap(k);
  char *dir = co_th_tmpdir("bench-api-k");
  const char *app = "bapi";
  inst_t in[2];
  memset(in, 0, sizeof(in));
  for (int i = 0; i < 2; i++) {
    char sdir[4096], listen[64], gid[64];
    int port = co_th_free_port();
    snprintf(sdir, sizeof(sdir), "%s/i%d", dir, i);
    snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
    snprintf(in[i].base, sizeof(in[i].base), "http://127.0.0.1:%d", port);
    snprintf(gid, sizeof(gid), "bapi-i%d", i);
    in[i].conf = co_conf_new();
    set(in[i].conf, "brokers", bs);
    set(in[i].conf, "app.id", app);
    set(in[i].conf, "state.dir", sdir);
    set(in[i].conf, "api.listen", listen);
    set(in[i].conf, "group.instance.id", gid);
    set(in[i].conf, "log.level", "warn");
    if (co_pipeline_api_prepare(in[i].conf, err, sizeof(err)) || co_conf_finalize(in[i].conf, err, sizeof(err)) ||
        !(in[i].p = co_pipeline_new(in[i].conf, err, sizeof(err))) ||
        !(in[i].api = co_pipeline_api_start(in[i].p, in[i].conf, err, sizeof(err))))
      return fprintf(stderr, "instance %d: %s\n", i, err), 1;
    pthread_create(&in[i].thr, NULL, run_inst, &in[i]);
  }
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' import '%s' --account alice --brokers '%s' -X app.id=%s -X log.level=warn >/dev/null",
           getenv("CO_BINARY_DIR"), sample(), bs, app);
  if (co_th_sh(cmd, NULL) != 0) return fprintf(stderr, "import failed\n"), 1;
  char url[256], inst0[128], owner[128];
  snprintf(url, sizeof(url), "%s/api/accounts/alice/applications?limit=10", in[0].base);
  /* processed and the owner known: the answer lists 10 applications */
  if (!CO_TH_WAIT_UNTIL(probe(url, owner, sizeof(owner)) && ({
        char u2[300], *o = NULL;
        snprintf(u2, sizeof(u2), "curl -s '%s'", url);
        int n = co_th_sh(u2, &o) == 0 && o && strstr(o, "\"total\":10");
        free(o);
        n;
      }), 180000))
    return fprintf(stderr, "data never arrived\n"), 1;
  probe(url, owner, sizeof(owner));
  snprintf(inst0, sizeof(inst0), "%.100s", in[0].base + 7);
  int a = strcmp(owner, inst0) ? 0 : 1; /* a: the instance that does not own alice */
  char fwd[256], loc[256], health[256];
  snprintf(fwd, sizeof(fwd), "%s/api/accounts/alice/applications?limit=10", in[a].base);
  snprintf(loc, sizeof(loc), "%s/api/accounts/alice/applications?limit=10", in[1 - a].base);
  snprintf(health, sizeof(health), "%s/health", in[a].base);
  double h = wrk(health), l = wrk(loc), f = wrk(fwd);
  printf("kafka  /health                         %9.0f req/s  (baseline 1.00)\n", h);
  printf("kafka  key lookup at the owner         %9.0f req/s  ratio %.3f\n", l, h > 0 ? l / h : 0);
  printf("kafka  key lookup forwarded A -> B     %9.0f req/s  ratio %.3f  (forwarded/owner %.3f)\n", f,
         h > 0 ? f / h : 0, l > 0 ? f / l : 0);
  for (int i = 0; i < 2; i++) co_pipeline_stop(in[i].p);
  for (int i = 0; i < 2; i++) {
    pthread_join(in[i].thr, NULL);
    co_pipeline_api_stop(in[i].api);
    co_pipeline_destroy(in[i].p);
    co_conf_destroy(in[i].conf);
  }
  co_th_kafka_stop(k);
  co_th_rm_rf(dir);
  free(dir);
  return 0;
}

int main(void) {
  const char *s = getenv("CO_BENCH_API_SECS"), *kf = getenv("CO_BENCH_API_KAFKA");
  if (s && atoi(s) > 0) g_secs = atoi(s);
  if (co_th_sh("command -v wrk >/dev/null", NULL) != 0) {
    fprintf(stderr, "bench_api: wrk not found (scripts/install-deps.sh installs it)\n");
    return 1;
  }
  int rc = bench_local();
  if (!rc && !(kf && !strcmp(kf, "0"))) rc = bench_forwarded();
  return rc;
}
