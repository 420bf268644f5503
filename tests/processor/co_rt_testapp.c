/* co_rt_testapp: a test topology run by the runtime tests as a real process
 * (so it can be SIGKILLed): dedupe by record id (TTL store) + per-key count
 * + forward. Topics are named after app.id: "<app>-input", "<app>-output".
 * Input value: "<id>" or "POISON<id>". Output:
 * key = input key, value = "<id>:<count after this record>".
 *
 *   co_rt_testapp run [-X name=value ...]           process until SIGTERM
 *   co_rt_testapp generate N [-X ...]               embedded: append N records
 *        (keys k0..k99, ids 0..N-1, every 10th id repeated once) with an
 *        exactly-once source cursor, then process until idle and exit
 *   co_rt_testapp append KEY VALUE [-X ...]         embedded: append one record, process until idle
 *   co_rt_testapp process [-X ...]                  embedded: process until idle
 *   co_rt_testapp dump-counts [-X ...]              print "key count" of every
 *        count store this instance holds (after a restore when Kafka mode)
 *   co_rt_testapp dump-output [-X ...]              embedded: print output values
 * CO_TESTAPP_ACCEPT_POISON=1 makes POISON records valid (the "fix" before a replay). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "co_conf.h"
#include "co_log.h"
#include "co_rt.h"
#include "co_rt_int.h" /* task_cnt: a dump waits for every task */
#include "co_state.h"

static co_rt_t *g_rt;
static char g_in[256], g_out[256];
static volatile sig_atomic_t g_signals;

static void on_signal(int sig) {
  (void)sig;
  if (++g_signals > 1) _exit(130);
  if (g_rt) co_rt_stop(g_rt);
}

static co_proc_rc_t count_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)opaque;
  char id[128];
  size_t n = rec->value_len < sizeof(id) - 1 ? rec->value_len : sizeof(id) - 1;
  if (!rec->value) return CO_PROC_OK;
  memcpy(id, rec->value, n);
  id[n] = '\0';
  if (!strncmp(id, "POISON", 6) && !getenv("CO_TESTAPP_ACCEPT_POISON")) {
    snprintf(errstr, sz, "poison record %s", id);
    return CO_PROC_POISON;
  }
  void *v;
  size_t vl;
  if (co_ctx_get(ctx, "dedupe", id, strlen(id), &v, &vl) == CO_OK) {
    free(v);
    return CO_PROC_OK; /* a duplicate input */
  }
  co_ctx_put(ctx, "dedupe", id, strlen(id), "1", 1, 3600 * 1000);
  long long cnt = 0;
  if (co_ctx_get(ctx, "counts", rec->key, rec->key_len, &v, &vl) == CO_OK) {
    cnt = atoll(v);
    free(v);
  }
  char buf[160];
  int bl = snprintf(buf, sizeof(buf), "%lld", ++cnt);
  co_ctx_put(ctx, "counts", rec->key, rec->key_len, buf, (size_t)bl, 0);
  bl = snprintf(buf, sizeof(buf), "%s:%lld", id, cnt);
  co_ctx_send(ctx, g_out, rec->key, rec->key_len, buf, (size_t)bl, NULL, 0);
  return CO_PROC_OK;
}

static co_topo_t *build_topology(const char *app_id) {
  char err[256];
  snprintf(g_in, sizeof(g_in), "%s-input", app_id);
  snprintf(g_out, sizeof(g_out), "%s-output", app_id);
  static const char *const stores[] = {"dedupe", "counts", NULL};
  co_topo_t *t = co_topo_new(app_id);
  if (co_topo_add_store(t, "dedupe", CO_STORE_F_TTL, err, sizeof(err)) ||
      co_topo_add_store(t, "counts", 0, err, sizeof(err)) ||
      co_topo_add_processor(t, "count", g_in, count_proc, NULL, stores, err, sizeof(err)) ||
      co_topo_add_sink(t, g_out, err, sizeof(err))) {
    fprintf(stderr, "topology: %s\n", err);
    exit(2);
  }
  return t;
}

/* Kafka dump: stop once this instance holds every partition's task and
 * each is restored. Holding every one matters: a static member of a run
 * just stopped stays in the group until its session times out, and the
 * range assignor gives it its share meanwhile (a dump of half the keys made
 * rt_kafka_failed_overlapping_commits_drop_held_work fail). After 30 s it
 * dumps what it has, and the caller's check says what is missing. */
static void *stop_when_ready(void *arg) {
  co_rt_t *rt = arg;
  for (int waited = 0; waited < 30000; waited += 20) {
    if (co_rt_ready(rt) && __atomic_load_n(&rt->task_cnt, __ATOMIC_RELAXED) >= co_rt_partitions(rt)) break;
    usleep(20000);
  }
  co_rt_stop(rt);
  return NULL;
}

static int print_output(const co_record_t *rec, void *opaque) {
  (void)opaque;
  printf("%.*s %.*s\n", (int)rec->key_len, (const char *)rec->key, (int)rec->value_len, (const char *)rec->value);
  return 0;
}

static int generate(co_rt_t *rt, long total) {
  char err[512];
  int64_t done = co_rt_cursor(rt, "gen");
  if (done < 0) done = 0;
  while (done < total) {
    co_rt_msg_t msgs[200];
    char keys[200][16], vals[200][32];
    int n = 0;
    for (; n < 200 && done + n < total; n++) {
      long i = (long)done + n;
      /* every 10th record repeats the previous id: dedupe must drop it */
      long id = (i % 10 == 9) ? i - 1 : i;
      snprintf(keys[n], sizeof(keys[n]), "k%ld", id % 100);
      snprintf(vals[n], sizeof(vals[n]), "%ld", id);
      msgs[n] = (co_rt_msg_t){keys[n], strlen(keys[n]), vals[n], strlen(vals[n]), NULL, 0, NULL};
    }
    if (co_rt_append(rt, g_in, msgs, n, "gen", done + n, err, sizeof(err))) {
      fprintf(stderr, "append: %s\n", err);
      return 1;
    }
    done += n;
    if (co_rt_run_until_idle(rt, err, sizeof(err))) {
      fprintf(stderr, "run: %s\n", err);
      return 1;
    }
  }
  return co_rt_run_until_idle(rt, err, sizeof(err)) ? 1 : 0;
}

static int dump_counts(co_rt_t *rt) {
  for (int k = 0; k < 100; k++) {
    char key[16];
    void *v;
    size_t vl;
    snprintf(key, sizeof(key), "k%d", k);
    if (co_rt_store_get(rt, "counts", -1, key, strlen(key), &v, &vl) == CO_OK) {
      printf("%s %s\n", key, (char *)v);
      free(v);
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  char err[512];
  if (argc < 2) {
    fprintf(stderr, "usage: co_rt_testapp run|generate N|dump-counts|dump-output [-X name=value]...\n");
    return 2;
  }
  const char *cmd = argv[1];
  long n = 0;
  int i = 2;
  const char *akey = NULL, *aval = NULL;
  if (!strcmp(cmd, "generate")) n = argc > 2 ? atol(argv[i++]) : 0;
  if (!strcmp(cmd, "append")) {
    if (argc < 4) return 2;
    akey = argv[i++];
    aval = argv[i++];
  }
  co_conf_t *conf = co_conf_new();
  for (; i < argc; i++) {
    if (strcmp(argv[i], "-X") || i + 1 >= argc || !strchr(argv[i + 1], '=')) {
      fprintf(stderr, "bad argument %s\n", argv[i]);
      return 2;
    }
    char *nv = strdup(argv[++i]), *eq = strchr(nv, '=');
    *eq = '\0';
    if (co_conf_set(conf, nv, eq + 1, CO_CONF_SRC_CLI, err, sizeof(err))) {
      fprintf(stderr, "%s\n", err);
      return 2;
    }
    free(nv);
  }
  extern char **environ;
  if (co_conf_load_env(conf, environ, err, sizeof(err))) {
    fprintf(stderr, "%s\n", err);
    return 2;
  }
  co_conf_finalize(conf, err, sizeof(err));
  co_log_setup(co_log_level_parse(co_conf_str(conf, "log.level")), CO_LOG_FMT_JSON, co_conf_str(conf, "debug"), NULL);
  co_topo_t *topo = build_topology(co_conf_str(conf, "app.id"));
  struct sigaction sa = {.sa_handler = on_signal};
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  int rc = 0;
  if (!(g_rt = co_rt_new(conf, topo, err, sizeof(err)))) {
    fprintf(stderr, "runtime: %s\n", err);
    return 1;
  }
  if (!strcmp(cmd, "run")) {
    rc = co_rt_run(g_rt, err, sizeof(err)) ? 1 : 0;
  } else if (!strcmp(cmd, "generate")) {
    rc = generate(g_rt, n);
  } else if (!strcmp(cmd, "append")) {
    co_rt_msg_t m = {akey, strlen(akey), aval, strlen(aval), NULL, 0, NULL};
    rc = co_rt_append(g_rt, g_in, &m, 1, NULL, 0, err, sizeof(err)) || co_rt_run_until_idle(g_rt, err, sizeof(err));
  } else if (!strcmp(cmd, "process")) {
    rc = co_rt_run_until_idle(g_rt, err, sizeof(err)) ? 1 : 0;
  } else if (!strcmp(cmd, "dump-counts")) {
    if (!co_rt_embedded(g_rt)) {
      /* Kafka: run until every assigned task is restored, then dump. */
      pthread_t th;
      pthread_create(&th, NULL, stop_when_ready, g_rt);
      rc = co_rt_run(g_rt, err, sizeof(err)) ? 1 : 0;
      pthread_join(th, NULL);
    }
    dump_counts(g_rt);
  } else if (!strcmp(cmd, "dump-output")) {
    for (int p = 0; p < co_rt_partitions(g_rt); p++) co_rt_read(g_rt, g_out, p, 0, print_output, NULL);
  } else {
    fprintf(stderr, "unknown command %s\n", cmd);
    rc = 2;
  }
  co_rt_destroy(g_rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  return rc;
}
