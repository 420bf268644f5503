/* bench_runtime.c: the Kafka-mode runtime against raw librdkafka, in one run
 * on one private broker (co_th_kafka_start_fresh(1)) and the same input.
 *
 *  (a) baseline: one consumer + one idempotent producer copying the N input
 *      records to another topic (no transactions, no state);
 *  (b) the runtime in-process, exactly-once, with the co_rt_testapp topology
 *      (dedupe TTL store + per-key count store + forward): from co_rt_new()
 *      until the transaction with the last input has committed (see
 *      end_by_reader; all N - N/10 outputs are then checked visible);
 *  (c) restore: the state dir of (b) wiped, a new runtime restores both
 *      changelogs until co_rt_ready(); against a raw read_committed read of
 *      the same changelog partitions;
 *  (d) peak RSS (wait4 ru_maxrss) of a co_rt_testapp process after M unique
 *      ids went through its dedupe store.
 *
 * "start" rates include what a user waits for (topic creation, group join,
 * transactional producer init); "steady" rates run from the first output
 * (b) or the first task assignment (c, from the runtime's own log lines), so
 * fixed costs and throughput can be told apart.
 *
 * Usage: bench_runtime [N] [M] [ROUNDS]   (defaults 1000000, 1000000 and 3;
 * M 0 skips (d)). At 200,000 records start-up and reader set-up are a large
 * share of each phase and the ratios move by +-0.1 between rounds.
 * $BRT_X="name=value,..." sets runtime settings (kafka.*, rocksdb.* too);
 * $BRT_THREADS=1 prints CPU seconds per thread name after each (b).
 * Needs the Kafka jars (scripts/fetch-kafka.sh). $CO_RT_TESTAPP replaces the
 * testapp binary of (d), e.g. with a script that execs it under
 * `valgrind --tool=callgrind` to profile the processing path. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <glob.h>
#include <time.h>
#include <unistd.h>

#include "bench_rt_util.h"
#include "co_conf.h"
#include "co_log.h"
#include "co_rt.h"
#include "co_th.h"
#include "co_th_kafka.h"

#ifndef BRT_TESTAPP
#define BRT_TESTAPP "co_rt_testapp"
#endif

typedef struct brt_run_s {
  co_rt_t *rt;
  co_err_t err;
  char errstr[512];
} brt_run_t;

static const char *g_brokers;

static void die(const char *what, const char *err) {
  fprintf(stderr, "bench_runtime: %s: %s\n", what, err);
  exit(1);
}

static void *run_thread(void *arg) {
  brt_run_t *r = arg;
  pthread_setname_np(pthread_self(), "co:runtime");
  r->err = co_rt_run(r->rt, r->errstr, sizeof(r->errstr));
  return NULL;
}

extern char **environ;

/* $BRT_X: "name=value[,name=value...]" settings (kafka.*, rocksdb.* too)
 * for the runtime under test. */
static int brt_conf_x(co_conf_t *c, char *err, size_t sz) {
  const char *x = getenv("BRT_X");
  if (!x || !*x) return 0;
  char *dup = strdup(x), *save = NULL;
  int rc = 0;
  for (char *kv = strtok_r(dup, ",", &save); kv && !rc; kv = strtok_r(NULL, ",", &save)) {
    char *eq = strchr(kv, '=');
    if (!eq) {
      snprintf(err, sz, "BRT_X: '%s' is not name=value", kv);
      rc = 1;
      break;
    }
    *eq = '\0';
    rc = co_conf_set(c, kv, eq + 1, CO_CONF_SRC_CLI, err, sz) != CO_OK;
  }
  free(dup);
  return rc;
}

static co_conf_t *rt_conf(const char *app, const char *state_dir) {
  char err[512], dlq[300];
  co_conf_t *c = co_conf_new();
  snprintf(dlq, sizeof(dlq), "%s-dlq", app);
  if (co_conf_set(c, "brokers", g_brokers, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "app.id", app, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "state.dir", state_dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "topic.dlq", dlq, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_load_env(c, environ, err, sizeof(err)) || /* CAREEROPS_* tune the runtime under test */
      brt_conf_x(c, err, sizeof(err)) ||
      co_conf_finalize(c, err, sizeof(err)))
    die("conf", err);
  return c;
}

/* One value of the runtime's Prometheus text, 0 if absent. */
static double metric(co_rt_t *rt, const char *name) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  co_rt_metrics(rt, m);
  fclose(m);
  double v = 0;
  size_t nl = strlen(name);
  for (char *p = buf; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
    if (!strncmp(p, name, nl) && p[nl] == ' ') v = atof(p + nl + 1);
  free(buf);
  return v;
}

/* Seconds since the epoch of a log line's "ts" (ms resolution), or 0. */
static double line_ts(const char *line) {
  const char *p = strstr(line, "\"ts\":\"");
  struct tm tm = {0};
  if (!p || !strptime(p + 6, "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return (double)timegm(&tm) + atoi(p + 6 + 20) / 1000.0;
}

/* From the runtime log: time of the first "assigned, restoring" to the last
 * "restored, running", and the records those lines report. */
static double restore_span(const char *log, long *records) {
  char *s = co_th_read_file(log, NULL);
  double first = 0, last = 0;
  *records = 0;
  for (char *line = s; line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    if (strstr(line, "\"msg\":\"assigned, restoring\"") && !first) first = line_ts(line);
    if (strstr(line, "\"msg\":\"restored, running\"")) {
      last = line_ts(line);
      const char *r = strstr(line, "\"records\":\"");
      if (r) *records += atol(r + 11);
    }
    line = nl ? nl + 1 : NULL;
  }
  free(s);
  return first && last ? last - first : 0;
}

/* Starts a runtime on its own thread, logging to log_path. */
static void rt_start(brt_run_t *r, pthread_t *th, co_conf_t *conf, co_topo_t *topo, const char *log_path, FILE **logf) {
  char err[512];
  if (!(*logf = fopen(log_path, "w"))) die("open", log_path);
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_JSON, NULL, *logf);
  memset(r, 0, sizeof(*r));
  if (!(r->rt = co_rt_new(conf, topo, err, sizeof(err)))) die("co_rt_new", err);
  pthread_create(th, NULL, run_thread, r);
}

static void rt_finish(brt_run_t *r, pthread_t th, FILE *logf) {
  co_rt_stop(r->rt);
  pthread_join(th, NULL);
  if (r->err) die("co_rt_run", r->errstr);
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_JSON, NULL, NULL);
  fclose(logf);
}

/* (d): a co_rt_testapp process; returns its peak RSS in MB once `want`
 * outputs are committed and it has exited on SIGTERM; *cpu its CPU seconds. */
static long rss_run(const char *app, const char *dir, long want, double *cpu) {
  char xs[4][1200], log[1100];
  snprintf(xs[0], sizeof(xs[0]), "brokers=%s", g_brokers);
  snprintf(xs[1], sizeof(xs[1]), "app.id=%s", app);
  snprintf(xs[2], sizeof(xs[2]), "state.dir=%s/rss", dir);
  snprintf(xs[3], sizeof(xs[3]), "topic.dlq=%s-dlq", app);
  snprintf(log, sizeof(log), "%s/rss.log", dir);
  const char *bin = getenv("CO_RT_TESTAPP") ? getenv("CO_RT_TESTAPP") : BRT_TESTAPP;
  char *argv[] = {(char *)bin, "run", "-X", xs[0], "-X", xs[1], "-X", xs[2], "-X", xs[3], NULL};
  pid_t pid = fork();
  if (pid < 0) die("fork", "failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) dup2(fd, 1), dup2(fd, 2);
    execv(bin, argv);
    _exit(127);
  }
  char out[300];
  snprintf(out, sizeof(out), "%s-output", app);
  const char *topics[] = {out, NULL};
  long got = brt_count(g_brokers, topics, want, 1800, NULL);
  kill(pid, SIGTERM);
  struct rusage ru;
  int st;
  if (wait4(pid, &st, 0, &ru) != pid) die("wait4", "failed");
  *cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  if (got < want) {
    fprintf(stderr, "bench_runtime: (d) saw %ld of %ld outputs; see %s\n", got, want, log);
    exit(1);
  }
  if (!WIFEXITED(st) || WEXITSTATUS(st)) fprintf(stderr, "bench_runtime: (d) testapp exit status %d\n", st);
  return ru.ru_maxrss / 1024;
}

/* (e): wipes (d)'s state dir and times a restart that restores every store
 * from its changelogs (co_rt_testapp dump-counts returns once all tasks run).
 * Returns seconds; *records gets the changelog records the log says it applied. */
static double restore_1m(const char *app, const char *dir, long *records) {
  char cmd[4096], path[1200];
  snprintf(path, sizeof(path), "%s/rss", dir);
  co_th_rm_rf(path);
  const char *bin = getenv("CO_RT_TESTAPP") ? getenv("CO_RT_TESTAPP") : BRT_TESTAPP;
  snprintf(cmd, sizeof(cmd),
           "'%s' dump-counts -X brokers=%s -X app.id=%s -X state.dir='%s/rss' -X topic.dlq=%s-dlq -X log.level=info "
           ">/dev/null 2>'%s/restore1m.log'",
           bin, g_brokers, app, dir, app, dir);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  if (system(cmd) != 0) die("restore of (d)'s state", cmd);
  clock_gettime(CLOCK_MONOTONIC, &b);
  snprintf(path, sizeof(path), "%s/restore1m.log", dir);
  *records = 0;
  FILE *f = fopen(path, "r");
  char line[4096];
  while (f && fgets(line, sizeof(line), f)) {
    char *r = strstr(line, "\"msg\":\"restored, running\"") ? strstr(line, "\"records\":\"") : NULL;
    if (r) *records += atol(r + 11);
  }
  if (f) fclose(f);
  return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

static void topics(co_th_kafka_t *k, const char *app, const char *const *suffixes) {
  char err[512], name[300];
  for (int i = 0; suffixes[i]; i++) {
    snprintf(name, sizeof(name), "%s-%s", app, suffixes[i]);
    if (co_th_kafka_create_topic(k, name, 6, 1, NULL, err, sizeof(err))) die("create topic", err);
  }
}

typedef struct phase_s {
  const char *name;
  long records;
  double t0, t1, first;  /* wall clock: start, end, first record out */
  double cpu, bcpu;      /* CPU seconds: this process (or the child), the broker */
} phase_t;

static void phase_begin(phase_t *p, const char *name, pid_t broker) {
  p->name = name;
  p->cpu = brt_cpu_s(0);
  p->bcpu = brt_cpu_s(broker);
  p->t0 = brt_now_s();
}

static void phase_end(phase_t *p, long records, double first, pid_t broker) {
  p->t1 = brt_now_s();
  p->records = records;
  p->first = first;
  p->cpu = brt_cpu_s(0) - p->cpu;
  p->bcpu = brt_cpu_s(broker) - p->bcpu;
}

/* records/s from the phase's start, or (steady) from its first record. */
static double rate(const phase_t *p, int steady) {
  double secs = steady && p->first > 0 ? p->t1 - p->first : p->t1 - p->t0;
  return secs > 0 ? p->records / secs : 0;
}

typedef struct pt_arg_s {
  const char *in, *out;
  long n;
  double first;
} pt_arg_t;

static void *passthrough_thread(void *arg) {
  pt_arg_t *a = arg;
  brt_passthrough(g_brokers, a->in, a->out, a->n, &a->first);
  return NULL;
}

/* How a phase's end is seen. Default: without a reader that competes for
 * the cores with what it measures ((a): the passthrough's producer has every
 * copy acknowledged; (b): the group's stable committed input offsets reach
 * N, i.e. the last transaction committed); a read_committed reader then
 * checks every output is visible, untimed. BRT_END=reader: a reader in this
 * process tails the outputs and the phase ends when it has seen them all
 * (sessions 3-4's method: it took about as much CPU as the runtime). */
static int end_by_reader(void) { return getenv("BRT_END") && !strcmp(getenv("BRT_END"), "reader"); }

/* (a): the passthrough on its own thread. */
static void run_a(phase_t *ph, const char *app, long n, pid_t bpid) {
  char in[300], out[300];
  snprintf(in, sizeof(in), "%s-input", app);
  snprintf(out, sizeof(out), "%s-baseline", app);
  pt_arg_t a = {in, out, n, 0};
  pthread_t th;
  const char *outs[] = {out, NULL};
  phase_begin(ph, "(a) raw consume->produce passthrough", bpid);
  pthread_create(&th, NULL, passthrough_thread, &a);
  long got = end_by_reader() ? brt_count(g_brokers, outs, n, 1800, NULL) : 0;
  pthread_join(th, NULL);
  phase_end(ph, n, 0, bpid);
  if (!end_by_reader()) got = brt_count(g_brokers, outs, n, 1800, NULL);
  ph->first = a.first; /* steady: from the first record the passthrough consumed */
  if (got < n) die("(a)", "not every copy became visible");
}

/* CPU seconds per thread name of this process (threads of one name summed),
 * printed as "name=secs" for names above 0.05 s. */
static void thread_cpu(char *out, size_t sz) {
  char names[64][32];
  double secs[64];
  int n = 0;
  size_t len = 0;
  out[0] = '\0';
  glob_t g;
  if (glob("/proc/self/task/*/stat", 0, NULL, &g)) return;
  for (size_t k = 0; k < g.gl_pathc; k++) {
    char comm[32];
    double cpu = brt_stat_cpu_s(g.gl_pathv[k], comm, sizeof(comm));
    if (cpu < 0) continue; /* the thread ended meanwhile */
    int i = 0;
    while (i < n && strcmp(names[i], comm)) i++;
    if (i == n && n < 64) snprintf(names[n], sizeof(names[n]), "%s", comm), secs[n++] = 0;
    if (i < n) secs[i] += cpu;
  }
  globfree(&g);
  for (int i = 0; i < n; i++)
    if (secs[i] >= 0.05 && len < sz) len += (size_t)snprintf(out + len, sz - len, " %s=%.2f", names[i], secs[i]);
}

/* (b): the runtime from co_rt_new() until every output is visible. */
static double run_b(phase_t *ph, const char *app, const char *dir, long n, pid_t bpid, co_topo_t **topo_out) {
  char path[1200], out[300];
  long want = n - n / 10;
  snprintf(out, sizeof(out), "%s-output", app);
  snprintf(path, sizeof(path), "%s/%s", dir, app);
  co_conf_t *conf = rt_conf(app, path);
  co_topo_t *topo = brt_topology(app);
  brt_run_t r;
  pthread_t th;
  FILE *logf;
  snprintf(path, sizeof(path), "%s/%s.log", dir, app);
  phase_begin(ph, "(b) runtime EOS dedupe+count+forward", bpid);
  rt_start(&r, &th, conf, topo, path, &logf);
  const char *outs[] = {out, NULL};
  char in[300];
  snprintf(in, sizeof(in), "%s-input", app);
  long got = 0;
  if (end_by_reader())
    got = brt_count(g_brokers, outs, want, 1800, NULL);
  else if (brt_wait_committed(g_brokers, app, in, 6, n, 1800))
    die("(b)", "the input was not committed in time");
  /* Rates in input records/s as (a)'s (both consume the same n); steady
   * from the first record the processor saw, as (a)'s from its first. */
  phase_end(ph, n, brt_first_processed_s(), bpid);
  if (!end_by_reader()) got = brt_count(g_brokers, outs, want, 1800, NULL);
  if (getenv("BRT_THREADS")) { /* per-thread CPU since process start, for profiling */
    char tc[1024];
    thread_cpu(tc, sizeof(tc));
    printf("  threads (cumulative cpu s):%s\n", tc);
  }
  rt_finish(&r, th, logf);
  double commits = metric(r.rt, "careerops_commits_total");
  co_rt_destroy(r.rt);
  co_conf_destroy(conf);
  if (got < want) {
    fprintf(stderr, "bench_runtime: (b) saw %ld of %ld outputs; see %s\n", got, want, path);
    exit(1);
  }
  if (topo_out)
    *topo_out = topo;
  else
    co_topo_destroy(topo);
  return commits;
}

static int cmp_dbl(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void print_phase(const phase_t *p) {
  double secs = p->t1 - p->t0, st = p->first > 0 ? p->t1 - p->first : 0;
  printf("%-40s %8ld %7.2f %9.0f %9.0f %7.2f %7.2f\n", p->name, p->records, secs, p->records / secs,
         st > 0 ? p->records / st : 0, p->cpu, p->bcpu);
}

#define BRT_MAX_ROUNDS 9

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000, m = argc > 2 ? atol(argv[2]) : 1000000;
  int rounds = argc > 3 ? atoi(argv[3]) : 3;
  char err[512], app[64], warm[64], rss_app[64], in[300], path[1200], cl[2][300];
  if (n < 10 || rounds < 1 || rounds > BRT_MAX_ROUNDS) die("usage", "bench_runtime [N>=10] [M] [ROUNDS 1..9]");
  setvbuf(stdout, NULL, _IOLBF, 0);
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_JSON, NULL, NULL);
  co_th_kafka_t *k = co_th_kafka_start_fresh(1, err, sizeof(err));
  if (!k) die("kafka", err);
  g_brokers = co_th_kafka_bootstrap(k);
  char *dir = co_th_tmpdir("bench-rt");
  pid_t bpid = co_th_kafka_node_pid(k, 0);
  static const char *const sfx[] = {"input", "output", "baseline", NULL};
  phase_t ph[7] = {{0}}, pa[BRT_MAX_ROUNDS] = {{0}}, pb[BRT_MAX_ROUNDS] = {{0}};
  double commits = 0;
  co_topo_t *topo = NULL;

  /* Warm-up, not measured: a fresh broker JIT-compiles its plain and its
   * transactional produce paths on first use; both run once on n/5 records
   * so neither measured phase pays for that. */
  snprintf(warm, sizeof(warm), "brtw%d", (int)getpid());
  topics(k, warm, sfx);
  snprintf(in, sizeof(in), "%s-input", warm);
  brt_produce(g_brokers, in, n / 5 < 10 ? 10 : n / 5, 1);
  run_a(&ph[5], warm, n / 5 < 10 ? 10 : n / 5, bpid);
  run_b(&ph[6], warm, dir, n / 5 < 10 ? 10 : n / 5, bpid, NULL);

  /* Measured: rounds of (a) then (b), each round on its own topics with the
   * same input; ratios are taken per round and the median is printed. */
  double t_prod = 0;
  for (int r = 0; r < rounds; r++) {
    snprintf(app, sizeof(app), "brt%dr%d", (int)getpid(), r);
    topics(k, app, sfx);
    snprintf(in, sizeof(in), "%s-input", app);
    double t0 = brt_now_s();
    brt_produce(g_brokers, in, n, 1);
    t_prod = brt_now_s() - t0;
    run_a(&pa[r], app, n, bpid);
    double c = run_b(&pb[r], app, dir, n, bpid, r == rounds - 1 ? &topo : NULL);
    if (r == rounds - 1) commits = c;
  }
  printf("bench_runtime: N=%ld records on 6 partitions (produced in %.2f s), broker %s, %d rounds after a warm-up\n",
         n, t_prod, g_brokers, rounds);
  printf("(a) producer: %s\n", brt_a_settings());
  printf("%-40s %8s %7s %9s %9s %7s %7s\n", "round / measure", "records", "secs", "rec/s", "steady/s", "cpu_s",
         "broker");
  double ra[BRT_MAX_ROUNDS], rs[BRT_MAX_ROUNDS];
  for (int r = 0; r < rounds; r++) {
    printf("round %d\n", r + 1);
    print_phase(&pa[r]);
    print_phase(&pb[r]);
    ra[r] = rate(&pb[r], 0) / rate(&pa[r], 0);
    rs[r] = rate(&pb[r], 1) / rate(&pa[r], 1);
    printf("  ratio b/a: %.2f from start, %.2f steady\n", ra[r], rs[r]);
  }
  qsort(ra, (size_t)rounds, sizeof(double), cmp_dbl);
  qsort(rs, (size_t)rounds, sizeof(double), cmp_dbl);
  snprintf(app, sizeof(app), "brt%dr%d", (int)getpid(), rounds - 1);
  snprintf(rss_app, sizeof(rss_app), "brss%d", (int)getpid());

  /* (c) raw read of the changelogs (b) wrote, then a runtime restore of
   * them into a wiped state dir */
  snprintf(cl[0], sizeof(cl[0]), "%s-dedupe-changelog", app);
  snprintf(cl[1], sizeof(cl[1]), "%s-counts-changelog", app);
  const char *cls[] = {cl[0], cl[1], NULL};
  double first;
  phase_begin(&ph[2], "(c) raw read_committed changelog read", bpid);
  long raw_cl = brt_count(g_brokers, cls, -1, 1800, &first);
  phase_end(&ph[2], raw_cl, first, bpid);
  snprintf(path, sizeof(path), "%s/%s", dir, app);
  co_th_rm_rf(path);
  co_conf_t *conf = rt_conf(app, path);
  snprintf(path, sizeof(path), "%s/restore.log", dir);
  brt_run_t r;
  pthread_t th;
  FILE *logf;
  phase_begin(&ph[3], "(c) runtime restore until co_rt_ready", bpid);
  rt_start(&r, &th, conf, topo, path, &logf);
  while (!co_rt_ready(r.rt) && brt_now_s() - ph[3].t0 < 1800) usleep(2000);
  phase_end(&ph[3], 0, 0, bpid);
  rt_finish(&r, th, logf);
  ph[3].records = (long)metric(r.rt, "careerops_restored_records_total");
  co_rt_destroy(r.rt);
  co_conf_destroy(conf);
  long span_recs;
  double span = restore_span(path, &span_recs);
  if (span > 0) ph[3].first = ph[3].t1 - span; /* steady: first task assigned -> last task running */

  /* (d) */
  long rss_mb = 0;
  if (m > 0) {
    static const char *const rsfx[] = {"input", "output", NULL};
    topics(k, rss_app, rsfx);
    snprintf(in, sizeof(in), "%s-input", rss_app);
    brt_produce(g_brokers, in, m, 0);
    phase_begin(&ph[4], "(d) co_rt_testapp process, unique ids", bpid);
    double child_cpu;
    rss_mb = rss_run(rss_app, dir, m, &child_cpu);
    phase_end(&ph[4], m, 0, bpid);
    ph[4].cpu = child_cpu; /* the testapp's own CPU, not the bench's */
  }
  long r1m = 0;
  double t1m = m > 0 ? restore_1m(rss_app, dir, &r1m) : 0;

  printf("restore and memory (the changelogs of the last round's (b))\n");
  for (int i = 2; i < 5; i++)
    if (ph[i].name) print_phase(&ph[i]);
  printf("rec/s: from the phase's start; steady/s: from the first record out (restore: first task assigned)\n"
         "cpu_s: CPU of the processing process (bench for a-c, testapp for d); broker: the Kafka JVM's CPU\n");
  printf("(b) transactions committed in the last round: %.0f (%.0f input records per transaction)\n", commits,
         commits > 0 ? n / commits : 0);
  printf("ratio runtime/raw (b/a), median of %d rounds: %.2f from start, %.2f steady (target >= 0.7); "
         "steady range %.2f..%.2f\n",
         rounds, ra[rounds / 2], rs[rounds / 2], rs[0], rs[rounds - 1]);
  printf("ratio restore/raw read (c): %.2f from start, %.2f steady (target >= 0.5)\n", rate(&ph[3], 0) / rate(&ph[2], 0),
         rate(&ph[3], 1) / rate(&ph[2], 1));
  if (m > 0) printf("peak RSS with %ld keys in the dedupe store: %ld MB (target <= 512)\n", m, rss_mb);
  if (m > 0)
    printf("(e) state dir of (d) deleted, full restore of %ld changelog records (%ld keys): %.2f s, %.0f rec/s "
           "(process start to all tasks running)\n",
           r1m, m, t1m, t1m > 0 ? r1m / t1m : 0);

  co_topo_destroy(topo);
  co_th_kafka_stop(k);
  if (!getenv("CO_TH_KEEP")) co_th_rm_rf(dir);
  free(dir);
  return 0;
}
