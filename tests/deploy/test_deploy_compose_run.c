/* Proves deploy/compose.yaml's CareerOps services work as configured, without
 * a container engine: the test reads each careerops service's command and
 * environment as compose would assemble it (image ENV from the Dockerfile,
 * env_file from secrets made by gen-secrets.sh, then `environment`; via
 * check_deploy.py run-spec), runs the topics-init job and the two `run`
 * instances as local processes against the harness's real broker, and waits
 * until both instances own running tasks in one consumer group and answer
 * /ready with 200, then checks /metrics answers the admin token Prometheus
 * is given (and nobody without it).
 *
 * Only what cannot be the same outside containers is changed: the brokers
 * (the test broker), container paths (mapped to their bind-mount sources or
 * to what the Dockerfile installs), each instance's state volume (a temp
 * dir), its API port (a free one; api.advertised.url follows), and the app
 * id and topic names (unique, since the broker is shared). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <ctype.h>
#include <curl/curl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "co_th.h"
#include "co_th_kafka.h"

#define MAX_ENV 64
#define MAX_INST 4

typedef struct {
  char *env[MAX_ENV + 1];
  int env_cnt;
  char *argv[8];
  char log[700];
  char url[64];
  pid_t pid;
} proc_t;

static void proc_setenv(proc_t *p, const char *k, const char *v) {
  char *kv = NULL;
  assert_true(asprintf(&kv, "%s=%s", k, v) > 0);
  for (int i = 0; i < p->env_cnt; i++)
    if (!strncmp(p->env[i], k, strlen(k)) && p->env[i][strlen(k)] == '=') {
      free(p->env[i]);
      p->env[i] = kv;
      return;
    }
  assert_true(p->env_cnt < MAX_ENV);
  p->env[p->env_cnt++] = kv;
}

static void proc_free(proc_t *p) {
  if (p->pid > 0) co_th_kill(p->pid, SIGTERM, 20000);
  for (int i = 0; i < p->env_cnt; i++) free(p->env[i]);
  for (int i = 0; p->argv[i]; i++) free(p->argv[i]);
  memset(p, 0, sizeof(*p));
}

/* Builds a local process from one service of the run spec; topics: the
 * topic.* name settings, each renamed to <app>-<suffix>. */
static void proc_from_service(proc_t *p, json_t *svc, json_t *topics, const char *dir, const char *bootstrap,
                              const char *app) {
  const char *name = json_string_value(json_object_get(svc, "name")), *k;
  json_t *v, *paths = json_object_get(svc, "paths");
  size_t i;
  char path[700];
  memset(p, 0, sizeof(*p));
  p->argv[0] = strdup(CO_CAREEROPS_BIN);
  json_array_foreach(json_object_get(svc, "argv"), i, v) {
    assert_true(i < 6);
    p->argv[i + 1] = strdup(json_string_value(v));
  }
  json_object_foreach(json_object_get(svc, "env"), k, v) {
    const char *val = json_string_value(v);
    json_t *host = json_object_get(paths, val);
    proc_setenv(p, k, host ? json_string_value(host) : val);
  }
  /* The state volume: a directory of this instance's own. */
  snprintf(path, sizeof(path), "%s/%s-state", dir, name);
  proc_setenv(p, "CAREEROPS_STATE_DIR", path);
  proc_setenv(p, "CAREEROPS_BROKERS", bootstrap);
  proc_setenv(p, "CAREEROPS_APP_ID", app);
  json_array_foreach(topics, i, v) { /* "topic.raw" -> CAREEROPS_TOPIC_RAW=<app>-raw */
    const char *setting = json_string_value(v);
    char var[128];
    size_t n = 0;
    for (const char *c = "CAREEROPS_"; *c; c++) var[n++] = *c;
    for (const char *c = setting; *c && n + 1 < sizeof(var); c++) var[n++] = *c == '.' ? '_' : (char)toupper(*c);
    var[n] = '\0';
    snprintf(path, sizeof(path), "%s-%s", app, setting + strlen("topic."));
    proc_setenv(p, var, path);
  }
  int port = co_th_free_port();
  snprintf(path, sizeof(path), "127.0.0.1:%d", port);
  proc_setenv(p, "CAREEROPS_API_LISTEN", path);
  snprintf(p->url, sizeof(p->url), "http://127.0.0.1:%d", port);
  if (json_object_get(json_object_get(svc, "env"), "CAREEROPS_API_ADVERTISED_URL"))
    proc_setenv(p, "CAREEROPS_API_ADVERTISED_URL", p->url);
  snprintf(p->log, sizeof(p->log), "%s/%s.log", dir, name);
}

static size_t discard(char *ptr, size_t size, size_t nmemb, void *ud) {
  (void)ptr, (void)ud;
  return size * nmemb;
}

static size_t collect(char *ptr, size_t size, size_t nmemb, void *ud) {
  FILE *f = ud;
  return fwrite(ptr, size, nmemb, f) * size;
}

/* HTTP status of GET url+path, or 0 when nothing answers. token: bearer
 * token or NULL; body: receives the malloc'd body (caller frees) or NULL. */
static long http_get(const char *url, const char *path, const char *token, char **body) {
  char full[128], auth[256];
  long code = 0;
  size_t len = 0;
  FILE *f = body ? open_memstream(body, &len) : NULL;
  struct curl_slist *h = NULL;
  snprintf(full, sizeof(full), "%s%s", url, path);
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_URL, full);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 5000L);
  if (token) {
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, (h = curl_slist_append(NULL, auth)));
  }
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, f ? collect : discard);
  if (f) curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_cleanup(c);
  curl_slist_free_all(h);
  if (f) fclose(f);
  return code;
}

static long http_status(const char *url, const char *path) { return http_get(url, path, NULL, NULL); }

static const char *proc_getenv(const proc_t *p, const char *k) {
  size_t kl = strlen(k);
  for (int i = 0; i < p->env_cnt; i++)
    if (!strncmp(p->env[i], k, kl) && p->env[i][kl] == '=') return p->env[i] + kl + 1;
  return NULL;
}

/* Tasks the instance runs now, from its JSON log: tasks whose last event is
 * "restored, running" rather than "revoked" (a task revoked while still
 * restoring never logged running, so counting lines would be wrong). */
static int tasks_running(const proc_t *p) {
  enum { MAX_TASKS = 256 };
  char *t = co_th_read_file(p->log, NULL), names[MAX_TASKS][64];
  int running[MAX_TASKS] = {0}, cnt = 0, n = 0;
  static const char run_pfx[] = "\"msg\":\"restored, running\",\"task\":\"", rev_pfx[] = "\"msg\":\"revoked\",\"task\":\"";
  for (char *line = t; line && *line;) {
    char *nl = strchr(line, '\n'), *hit;
    if (nl) *nl = '\0';
    int up = (hit = strstr(line, run_pfx)) ? 1 : (hit = strstr(line, rev_pfx)) ? 0 : -1;
    if (up >= 0) {
      const char *name = hit + (up ? sizeof(run_pfx) : sizeof(rev_pfx)) - 1, *q = strchr(name, '"');
      int len = q ? (int)(q - name) : 0, i = 0;
      while (i < cnt && (strncmp(names[i], name, (size_t)len) || names[i][len])) i++;
      if (i == cnt && cnt < MAX_TASKS && len < 64) snprintf(names[cnt++], 64, "%.*s", len, name);
      if (i < cnt) running[i] = up;
    }
    line = nl ? nl + 1 : NULL;
  }
  for (int i = 0; i < cnt; i++) n += running[i];
  free(t);
  return n;
}

static int instance_ready(proc_t *p) {
  return tasks_running(p) > 0 && http_status(p->url, "/ready") == 200;
}

static void deploy_compose_instances_run_and_get_tasks(void **state) {
  (void)state;
  char err[512], cmd[4096], sec[700];
  setvbuf(stdout, NULL, _IONBF, 0);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  if (!k) fail_msg("kafka: %s", err);
  char *dir = co_th_tmpdir("deploy-run"), *app = co_th_kafka_unique_name("deploy"), *spec_text = NULL;
  const char *src = getenv("CO_SOURCE_DIR"), *bin = getenv("CO_BINARY_DIR");
  assert_non_null(src);
  assert_non_null(bin);

  /* Secrets made the documented way, then the spec compose would run. */
  snprintf(sec, sizeof(sec), "%s/secrets", dir);
  snprintf(cmd, sizeof(cmd), "'%s/deploy/gen-secrets.sh' '%s' >/dev/null", src, sec);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  snprintf(cmd, sizeof(cmd),
           "'%s' '%s/tests/deploy/check_deploy.py' run-spec --src '%s' --careerops '%s' --binary-dir '%s' "
           "--secrets-dir '%s'",
           CO_DEBIAN_PYTHON3, src, src, CO_CAREEROPS_BIN, bin, sec);
  assert_int_equal(co_th_sh(cmd, &spec_text), 0);
  json_error_t jerr;
  json_t *spec = json_loads(spec_text, 0, &jerr), *svc;
  if (!spec) fail_msg("run-spec output: %s", jerr.text);
  json_t *topics = json_object_get(spec, "topic_settings");
  assert_true(json_array_size(topics) >= 5);

  proc_t init = {0}, inst[MAX_INST] = {0};
  int n_init = 0, n_inst = 0;
  size_t i;
  json_array_foreach(json_object_get(spec, "services"), i, svc) {
    const char *verb = json_string_value(json_array_get(json_object_get(svc, "argv"), 0));
    if (verb && !strcmp(verb, "topics")) {
      assert_int_equal(n_init++, 0);
      proc_from_service(&init, svc, topics, dir, co_th_kafka_bootstrap(k), app);
    } else if (verb && !strcmp(verb, "run")) {
      assert_true(n_inst < MAX_INST);
      proc_from_service(&inst[n_inst++], svc, topics, dir, co_th_kafka_bootstrap(k), app);
    }
  }
  assert_int_equal(n_init, 1);
  assert_true(n_inst >= 2);
  /* Every instance carries the admin token from the env_file. */
  for (int n = 0; n < n_inst; n++) {
    int has = 0;
    for (int e = 0; e < inst[n].env_cnt; e++) has |= !strncmp(inst[n].env[e], "CAREEROPS_API_ADMIN_TOKEN=", 26);
    assert_true(has);
  }

  /* topics-init: exits 0 having created the five topics. */
  int status = -1;
  init.pid = co_th_spawn(init.argv, init.env, init.log, err, sizeof(err));
  assert_true(init.pid > 0);
  assert_int_equal(waitpid(init.pid, &status, 0), init.pid);
  init.pid = 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status)) {
    char *l = co_th_read_file(init.log, NULL);
    fail_msg("topics create failed: %s", l ? l : "(no log)");
  }
  char want[300];
  snprintf(want, sizeof(want), "created %s-raw ", app);
  assert_true(co_th_file_contains(init.log, want));

  /* Both instances join one group and each ends up running tasks. */
  for (int n = 0; n < n_inst; n++) {
    inst[n].pid = co_th_spawn(inst[n].argv, inst[n].env, inst[n].log, err, sizeof(err));
    assert_true(inst[n].pid > 0);
  }
  int all = CO_TH_WAIT_UNTIL(({
                               int r = 1;
                               for (int n = 0; n < n_inst; n++) r &= instance_ready(&inst[n]);
                               r;
                             }),
                             300000);
  for (int n = 0; n < n_inst; n++) {
    printf("instance %d (%s): tasks running=%d /health=%ld /ready=%ld\n", n, inst[n].url, tasks_running(&inst[n]),
           http_status(inst[n].url, "/health"), http_status(inst[n].url, "/ready"));
    if (!all) {
      char *l = co_th_read_file(inst[n].log, NULL);
      fprintf(stderr, "---- %s\n%s\n", inst[n].log, l ? l : "");
      free(l);
    }
  }
  assert_true(all);
  /* Neither instance exited on the way (a crash would also stop "ready"). */
  for (int n = 0; n < n_inst; n++) assert_int_equal(waitpid(inst[n].pid, &status, WNOHANG), 0);
  /* /metrics is what Prometheus scrapes, with the env_file's admin token
   * (and refused without it), and shows this instance's tasks. */
  for (int n = 0; n < n_inst; n++) {
    char *m = NULL;
    assert_int_equal(http_status(inst[n].url, "/metrics"), 401);
    assert_int_equal(http_get(inst[n].url, "/metrics", proc_getenv(&inst[n], "CAREEROPS_API_ADMIN_TOKEN"), &m), 200);
    assert_non_null(strstr(m, "careerops_records_in_total{"));
    assert_non_null(strstr(m, "careerops_consumer_lag{"));
    assert_non_null(strstr(m, "careerops_http_requests_total"));
    free(m);
  }

  for (int n = 0; n < n_inst; n++) proc_free(&inst[n]);
  proc_free(&init);
  json_decref(spec);
  free(spec_text);
  co_th_kafka_stop(k);
  if (!getenv("CO_TH_KEEP")) co_th_rm_rf(dir);
  free(dir);
  free(app);
  curl_global_cleanup();
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(deploy_compose_instances_run_and_get_tasks)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
