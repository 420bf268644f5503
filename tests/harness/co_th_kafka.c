/* co_th_kafka.c: starting, killing and restarting real Kafka JVMs.
 *
 * Design: each node is one `java kafka.Kafka server.properties` process in
 * KRaft combined mode (broker+controller), all nodes voters of a static
 * quorum. A node's directory holds its properties, a log4j file that sends
 * the broker log to server.log (readiness is read from there: "Kafka Server
 * started"), and its data. Nodes are formatted in parallel and started in
 * parallel, because a 3-node quorum needs its peers to come up at all.
 *
 * Ports are picked free just before start; another process may grab one in
 * between, so a start whose JVM dies is retried once on new ports.
 * Everything is waited on with deadlines, never fixed sleeps. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "co_log.h"
#include "co_th.h"
#include "co_th_kafka_int.h"

#define START_TIMEOUT_MS 120000
#define RESTART_TIMEOUT_MS 90000
#define READY_NEEDLE "Kafka Server started"

/* Where the jars are: $CO_KAFKA_LIBS, else what scripts/fetch-kafka.sh
 * (under $CO_SOURCE_DIR, or the source dir this was built from) prints: it
 * fetches them on first use and is instant afterwards. */
static char *find_libs(char *errstr, size_t sz) {
  const char *env = getenv("CO_KAFKA_LIBS"), *src = getenv("CO_SOURCE_DIR");
  char *cmd = NULL, *out = NULL, *libs = NULL;
  if (env && *env) return strdup(env);
#ifdef CO_TH_SOURCE_DIR
  if (!src || !*src) src = CO_TH_SOURCE_DIR;
#endif
  if (!src || !*src) {
    co_seterr(errstr, sz, CO_ERR_CONFIG, "set CO_KAFKA_LIBS or CO_SOURCE_DIR (ctest sets it) to find the Kafka jars");
    return NULL;
  }
  if (asprintf(&cmd, "'%s/scripts/fetch-kafka.sh'", src) < 0) return NULL;
  int rc = co_th_sh(cmd, &out);
  if (rc == 0 && out) {
    char *end = out + strlen(out);
    while (end > out && (end[-1] == '\n' || end[-1] == ' ')) *--end = '\0';
    char *line = strrchr(out, '\n');
    libs = strdup(line ? line + 1 : out);
  } else {
    co_seterr(errstr, sz, CO_ERR_IO, "%s failed (exit %d)", cmd, rc);
  }
  free(cmd);
  free(out);
  return libs;
}

/* 22-char base64url of 16 random bytes, as Kafka's Uuid prints; never
 * starting with '-', which the format tool would read as an option. */
static int make_cluster_id(char out[23]) {
  static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  unsigned char r[18] = {0};
  int fd = open("/dev/urandom", O_RDONLY);
  if (fd < 0) return -1;
  do {
    if (read(fd, r, 16) != 16) {
      close(fd);
      return -1;
    }
    for (int i = 0, o = 0; i < 18 && o < 22; i += 3) {
      unsigned v = (unsigned)r[i] << 16 | (unsigned)r[i + 1] << 8 | r[i + 2];
      for (int s = 18; s >= 0 && o < 22; s -= 6) out[o++] = b64[(v >> s) & 63];
    }
    out[22] = '\0';
  } while (out[0] == '-');
  close(fd);
  return 0;
}

static int write_node_files(co_th_kafka_t *k, co_th_kafka_node_t *n) {
  char voters[256] = "", *props = NULL, *l4j = NULL;
  int rf = k->nodes, min_isr = k->nodes > 1 ? 2 : 1, rc = -1;
  for (int i = 0; i < k->nodes; i++) {
    size_t len = strlen(voters);
    snprintf(voters + len, sizeof(voters) - len, "%s%d@127.0.0.1:%d", i ? "," : "", k->node[i].id,
             k->node[i].ctl_port);
  }
  if (asprintf(&props,
               "# written by co_th_kafka.c\n"
               "process.roles=broker,controller\n"
               "node.id=%d\n"
               "listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d\n"
               "advertised.listeners=PLAINTEXT://127.0.0.1:%d\n"
               "controller.listener.names=CONTROLLER\n"
               "inter.broker.listener.name=PLAINTEXT\n"
               "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
               "controller.quorum.voters=%s\n"
               "log.dirs=%s/data\n"
               "auto.create.topics.enable=false\n"
               "num.partitions=1\n"
               "default.replication.factor=%d\n"
               "min.insync.replicas=%d\n"
               "offsets.topic.replication.factor=%d\n"
               "offsets.topic.num.partitions=4\n"
               "transaction.state.log.replication.factor=%d\n"
               "transaction.state.log.min.isr=%d\n"
               "transaction.state.log.num.partitions=4\n"
               "group.initial.rebalance.delay.ms=0\n"
               /* a killed node is fenced and its partitions move in seconds */
               "broker.heartbeat.interval.ms=500\n"
               "broker.session.timeout.ms=4000\n"
               "replica.lag.time.max.ms=8000\n"
               "num.network.threads=2\n"
               "num.io.threads=2\n"
               "num.recovery.threads.per.data.dir=1\n"
               "log.cleaner.enable=false\n"
               "log.segment.bytes=16777216\n",
               n->id, n->port, n->ctl_port, n->port, voters, n->dir, rf, min_isr, rf, rf, min_isr) < 0)
    goto err;
  if (asprintf(&l4j,
               "log4j.rootLogger=INFO, file\n"
               "log4j.appender.file=org.apache.log4j.FileAppender\n"
               "log4j.appender.file.File=%s\n"
               "log4j.appender.file.layout=org.apache.log4j.PatternLayout\n"
               "log4j.appender.file.layout.ConversionPattern=[%%d] %%p %%m (%%c)%%n\n"
               "log4j.logger.state.change.logger=WARN\n"
               "log4j.logger.kafka.log.LogCleaner=WARN\n"
               "log4j.logger.org.apache.kafka.clients=WARN\n",
               n->log) < 0)
    goto err;
  if (co_th_write_file(n->props, props, strlen(props)) || co_th_write_file(n->log4j, l4j, strlen(l4j))) goto err;
  rc = 0;
err:
  free(props);
  free(l4j);
  return rc;
}

/* Spawns java with our JVM options, the jars on the class path, main_class and args, for node n. */
static pid_t spawn_java(co_th_kafka_t *k, co_th_kafka_node_t *n, const char *main_class, char *const *args,
                        char *errstr, size_t sz) {
  char *cp = NULL, *l4j = NULL, *argv[24];
  const char *jh = getenv("JAVA_HOME");
  char java[1024];
  int a = 0;
  pid_t pid = -1;
  snprintf(java, sizeof(java), "%s%s", jh && *jh ? jh : "", jh && *jh ? "/bin/java" : "java");
  if (asprintf(&cp, "%s/*", k->libs) < 0 || asprintf(&l4j, "-Dlog4j.configuration=file:%s", n->log4j) < 0) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    goto err;
  }
  argv[a++] = java;
  argv[a++] = k->nodes > 1 ? "-Xmx384m" : "-Xmx512m";
  argv[a++] = "-Xms64m";
  argv[a++] = "-XX:+UseSerialGC";
  argv[a++] = "-XX:TieredStopAtLevel=1";
  argv[a++] = "-XX:-UsePerfData";
  argv[a++] = "-Djava.awt.headless=true";
  argv[a++] = l4j;
  argv[a++] = "-cp";
  argv[a++] = cp;
  argv[a++] = (char *)main_class;
  for (int i = 0; args[i] && a < 23; i++) argv[a++] = args[i];
  argv[a] = NULL;
  pid = co_th_spawn(argv, NULL, n->out, errstr, sz);
err:
  free(cp);
  free(l4j);
  return pid;
}

static int reap(pid_t pid, int *status) {
  pid_t r = waitpid(pid, status, WNOHANG);
  return r == pid || (r < 0 && errno == ECHILD);
}

/* Formats every node's data dir, all JVMs at once. */
static co_err_t format_nodes(co_th_kafka_t *k, char *errstr, size_t sz) {
  pid_t pids[CO_TH_KAFKA_MAX_NODES];
  co_err_t err = CO_OK;
  for (int i = 0; i < k->nodes; i++) {
    char *args[] = {"format", "-t", k->cluster_id, "-c", k->node[i].props, NULL};
    pids[i] = spawn_java(k, &k->node[i], "kafka.tools.StorageTool", args, errstr, sz);
    if (pids[i] < 0) err = CO_ERR_IO;
  }
  for (int i = 0; i < k->nodes; i++) {
    int st = 0;
    if (pids[i] < 0) continue;
    if (waitpid(pids[i], &st, 0) != pids[i] || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
      err = co_seterr(errstr, sz, CO_ERR_IO, "formatting node %d failed; see %s", k->node[i].id, k->node[i].out);
    }
  }
  return err;
}

static long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) ? 0 : (long)st.st_size;
}

static int log_has_since(const char *path, long offset, const char *needle) {
  char *s = co_th_read_file(path, NULL);
  int r = s && (long)strlen(s) >= offset && strstr(s + offset, needle) != NULL;
  free(s);
  return r;
}

/* Waits until each listed node logged READY_NEEDLE past its offset. Fails
 * early when a JVM exits. */
static co_err_t wait_ready(co_th_kafka_t *k, const int *idx, const long *offs, int cnt, int timeout_ms,
                           char *errstr, size_t sz) {
  int64_t deadline = co_th_now_ms() + timeout_ms;
  int delay = 50;
  for (;;) {
    int ready = 0;
    for (int j = 0; j < cnt; j++) {
      co_th_kafka_node_t *n = &k->node[idx[j]];
      if (log_has_since(n->log, offs[j], READY_NEEDLE)) {
        ready++;
        continue;
      }
      if (!co_th_kafka_node_alive(k, idx[j])) {
        co_th_kafka_log_tail(k, idx[j], 30);
        return co_seterr(errstr, sz, CO_ERR_IO, "kafka node %d exited during start; log %s", n->id, n->log);
      }
    }
    if (ready == cnt) return CO_OK;
    if (co_th_now_ms() > deadline) {
      for (int j = 0; j < cnt; j++) co_th_kafka_log_tail(k, idx[j], 30);
      return co_seterr(errstr, sz, CO_ERR_TIMEOUT, "kafka not ready after %d ms", timeout_ms);
    }
    co_th_sleep_ms(delay);
    if (delay < 200) delay *= 2;
  }
}

static co_err_t start_node_jvm(co_th_kafka_t *k, int i, char *errstr, size_t sz) {
  char *args[] = {k->node[i].props, NULL};
  k->node[i].pid = spawn_java(k, &k->node[i], "kafka.Kafka", args, errstr, sz);
  return k->node[i].pid < 0 ? CO_ERR_IO : CO_OK;
}

static void kill_all(co_th_kafka_t *k) {
  for (int i = 0; i < k->nodes; i++)
    if (k->node[i].pid > 0) kill(k->node[i].pid, SIGKILL);
  for (int i = 0; i < k->nodes; i++) {
    if (k->node[i].pid > 0) waitpid(k->node[i].pid, NULL, 0);
    k->node[i].pid = -1;
  }
}

static void free_nodes(co_th_kafka_t *k) {
  for (int i = 0; i < CO_TH_KAFKA_MAX_NODES; i++) {
    co_th_kafka_node_t *n = &k->node[i];
    free(n->dir), free(n->props), free(n->log4j), free(n->log), free(n->out);
    memset(n, 0, sizeof(*n));
    n->pid = -1;
  }
}

/* One attempt: fresh dirs and ports, format, start, wait for the logs, then
 * prove the cluster works by creating a topic replicated on every node. */
static co_err_t start_once(co_th_kafka_t *k, char *errstr, size_t sz) {
  int idx[CO_TH_KAFKA_MAX_NODES];
  long offs[CO_TH_KAFKA_MAX_NODES] = {0};
  size_t blen = 0;
  co_err_t err;
  if (!(k->dir = co_th_tmpdir("kafka"))) return co_seterr(errstr, sz, CO_ERR_IO, "cannot create temp dir");
  if (make_cluster_id(k->cluster_id)) return co_seterr(errstr, sz, CO_ERR_IO, "cannot read /dev/urandom");
  free(k->bootstrap);
  if (!(k->bootstrap = calloc(1, 32 * CO_TH_KAFKA_MAX_NODES))) return CO_ERR_NOMEM;
  for (int i = 0; i < k->nodes; i++) {
    co_th_kafka_node_t *n = &k->node[i];
    n->id = i + 1;
    n->pid = -1;
    n->port = co_th_free_port();
    n->ctl_port = co_th_free_port();
    if (n->port <= 0 || n->ctl_port <= 0 || n->port == n->ctl_port)
      return co_seterr(errstr, sz, CO_ERR_IO, "no free port");
    if (asprintf(&n->dir, "%s/node%d", k->dir, n->id) < 0 || asprintf(&n->props, "%s/server.properties", n->dir) < 0 ||
        asprintf(&n->log4j, "%s/log4j.properties", n->dir) < 0 || asprintf(&n->log, "%s/server.log", n->dir) < 0 ||
        asprintf(&n->out, "%s/jvm.out", n->dir) < 0)
      return CO_ERR_NOMEM;
    if (mkdir(n->dir, 0755)) return co_seterr(errstr, sz, CO_ERR_IO, "mkdir %s: %s", n->dir, strerror(errno));
    blen += snprintf(k->bootstrap + blen, 32, "%s127.0.0.1:%d", i ? "," : "", n->port);
    idx[i] = i;
  }
  for (int i = 0; i < k->nodes; i++)
    if (write_node_files(k, &k->node[i])) return co_seterr(errstr, sz, CO_ERR_IO, "cannot write node files");
  if ((err = format_nodes(k, errstr, sz))) return err;
  for (int i = 0; i < k->nodes; i++)
    if ((err = start_node_jvm(k, i, errstr, sz))) return err;
  if ((err = wait_ready(k, idx, offs, k->nodes, START_TIMEOUT_MS, errstr, sz))) return err;
  return co_th_kafka_create_topic(k, "co-th-ready-probe", 1, k->nodes, NULL, errstr, sz);
}

static void discard(co_th_kafka_t *k) {
  kill_all(k);
  if (k->dir && !getenv("CO_TH_KEEP")) co_th_rm_rf(k->dir);
  free(k->dir);
  k->dir = NULL;
  free_nodes(k);
}

co_th_kafka_t *co_th_kafka_start_fresh(int nodes, char *errstr, size_t sz) {
  co_th_kafka_t *k = NULL;
  co_err_t err = CO_OK;
  int64_t t0 = co_th_now_ms();
  if (nodes != 1 && nodes != 3) {
    co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "nodes must be 1 or 3, not %d", nodes);
    return NULL;
  }
  if (!(k = calloc(1, sizeof(*k)))) return NULL;
  k->nodes = nodes;
  free_nodes(k);
  if (!(k->libs = find_libs(errstr, sz))) goto err;
  for (int attempt = 0; attempt < 2; attempt++) {
    if (!(err = start_once(k, errstr, sz))) break;
    fprintf(stderr, "co_th_kafka: start attempt %d failed: %s\n", attempt + 1, errstr);
    discard(k);
    if (err == CO_ERR_NOMEM || err == CO_ERR_CONFIG) break;
  }
  if (err) goto err;
  CO_INFO("th_kafka", "%d-node kafka ready at %s in %lld ms", nodes, k->bootstrap, (long long)(co_th_now_ms() - t0));
  return k;
err:
  co_th_kafka_stop(k);
  return NULL;
}

void co_th_kafka_stop(co_th_kafka_t *k) {
  if (!k) return;
  if (!k->shared) discard(k);
  free_nodes(k);
  free(k->libs);
  free(k->bootstrap);
  free(k);
}

const char *co_th_kafka_bootstrap(const co_th_kafka_t *k) { return k->bootstrap; }
int co_th_kafka_node_count(const co_th_kafka_t *k) { return k->nodes; }
int co_th_kafka_is_shared(const co_th_kafka_t *k) { return k->shared; }
int co_th_kafka_node_id(const co_th_kafka_t *k, int idx) { return idx >= 0 && idx < k->nodes ? idx + 1 : -1; }

pid_t co_th_kafka_node_pid(const co_th_kafka_t *k, int idx) {
  return idx >= 0 && idx < k->nodes && !k->shared ? k->node[idx].pid : -1;
}

int co_th_kafka_node_alive(co_th_kafka_t *k, int idx) {
  co_th_kafka_node_t *n;
  if (idx < 0 || idx >= k->nodes || k->shared) return 0;
  n = &k->node[idx];
  if (n->pid <= 0) return 0;
  if (reap(n->pid, NULL)) n->pid = -1;
  return n->pid > 0;
}

co_err_t co_th_kafka_kill_node(co_th_kafka_t *k, int idx, char *errstr, size_t sz) {
  if (k->shared) return co_seterr(errstr, sz, CO_ERR_STATE, "the shared broker cannot be killed by a test");
  if (idx < 0 || idx >= k->nodes) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "no node %d", idx);
  if (k->node[idx].pid <= 0) return co_seterr(errstr, sz, CO_ERR_STATE, "node %d is not running", idx);
  kill(k->node[idx].pid, SIGKILL);
  waitpid(k->node[idx].pid, NULL, 0);
  k->node[idx].pid = -1;
  CO_INFO("th_kafka", "killed node %d (port %d)", k->node[idx].id, k->node[idx].port);
  return CO_OK;
}

co_err_t co_th_kafka_restart_node(co_th_kafka_t *k, int idx, char *errstr, size_t sz) {
  co_err_t err;
  long off;
  if (k->shared) return co_seterr(errstr, sz, CO_ERR_STATE, "the shared broker cannot be restarted by a test");
  if (idx < 0 || idx >= k->nodes) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "no node %d", idx);
  if (co_th_kafka_node_alive(k, idx)) return co_seterr(errstr, sz, CO_ERR_STATE, "node %d is running", idx);
  off = file_size(k->node[idx].log);
  if ((err = start_node_jvm(k, idx, errstr, sz))) return err;
  return wait_ready(k, &idx, &off, 1, RESTART_TIMEOUT_MS, errstr, sz);
}

void co_th_kafka_log_tail(const co_th_kafka_t *k, int idx, int lines) {
  char *s;
  const char *p;
  int seen = 0;
  if (k->shared || idx < 0 || idx >= k->nodes || !k->node[idx].log) return;
  if (!(s = co_th_read_file(k->node[idx].log, NULL))) return;
  for (p = s + strlen(s); p > s; p--)
    if (p[-1] == '\n' && ++seen > lines) break;
  fprintf(stderr, "---- tail of kafka node %d log (%s) ----\n%s---- end of node %d log ----\n", k->node[idx].id,
          k->node[idx].log, p, k->node[idx].id);
  free(s);
}
