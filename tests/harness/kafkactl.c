/* kafkactl.c: co_th_kafkactl, the CTest fixture that keeps one Kafka broker
 * for a whole test run, and a way to run a test cluster by hand.
 *
 *   co_th_kafkactl start [STATE]   start the shared broker, record it in STATE
 *   co_th_kafkactl stop  [STATE]   stop it and remove its files
 *   co_th_kafkactl run   [NODES]   run a 1- or 3-node cluster until ^C
 *
 * STATE defaults to $CO_BINARY_DIR/kafka-shared.state.
 *
 * Design: `start` must return (CTest runs the next tests only after the
 * setup test exits), yet the broker must not outlive the run, even when ctest
 * is killed. So `start` forks a watchdog in its own session that owns the JVM
 * (the JVM gets SIGKILL from the kernel if the watchdog dies) and polls the
 * process that ran `start` (ctest) by pid and start time: when ctest is gone,
 * or the watchdog gets SIGTERM from `stop`, or the JVM dies, the watchdog
 * kills the JVM, removes the broker's directory and the state file, and
 * exits. Its stdio goes to STATE.log, never to ctest's pipes, which ctest
 * reads to EOF before it considers the setup test done. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "co_log.h"
#include "co_th.h"
#include "co_th_kafka.h"
#include "co_th_kafka_int.h"

static volatile sig_atomic_t stop_flag;
static void on_signal(int sig) { stop_flag = sig; }

static void catch_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_signal; /* no SA_RESTART: waits return early */
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
}

/* Field 22 of /proc/pid/stat, which tells a reused pid from the original. */
static unsigned long long start_time(pid_t pid) {
  char path[64], *s, *p;
  unsigned long long t = 0;
  snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
  if (!(s = co_th_read_file(path, NULL))) return 0;
  if ((p = strrchr(s, ')'))) {
    for (int field = 2; p && field < 22; field++) p = strchr(p + 1, ' ');
    if (p) t = strtoull(p + 1, NULL, 10);
  }
  free(s);
  return t;
}

static int still_there(pid_t pid, unsigned long long t0) {
  return co_th_kafka_pid_running(pid) && (!t0 || start_time(pid) == t0);
}

static void watchdog(const char *state, pid_t watched, int report_fd) {
  char errstr[512] = "", msg[600];
  unsigned long long t0 = start_time(watched);
  co_th_kafka_state_t st;
  co_th_kafka_t *k;
  const char *why = "stop requested";

  catch_signals();
  if (!(k = co_th_kafka_start_fresh(1, errstr, sizeof(errstr)))) {
    snprintf(msg, sizeof(msg), "err %s\n", errstr);
    if (write(report_fd, msg, strlen(msg)) < 0) _exit(1);
    _exit(1);
  }
  memset(&st, 0, sizeof(st));
  snprintf(st.bootstrap, sizeof(st.bootstrap), "%s", co_th_kafka_bootstrap(k));
  st.watchdog = getpid();
  st.jvm = co_th_kafka_node_pid(k, 0);
  snprintf(st.dir, sizeof(st.dir), "%s", k->dir);
  if (co_th_kafka_state_write(state, &st)) {
    snprintf(msg, sizeof(msg), "err cannot write %s\n", state);
  } else {
    snprintf(msg, sizeof(msg), "ok %s\n", st.bootstrap);
  }
  if (write(report_fd, msg, strlen(msg)) < 0 || msg[0] != 'o') {
    co_th_kafka_stop(k);
    _exit(1);
  }
  close(report_fd);
  fprintf(stderr, "watchdog %d: broker %s (jvm %d), watching pid %d\n", (int)getpid(), st.bootstrap, (int)st.jvm,
          (int)watched);
  while (!stop_flag) {
    if (!still_there(watched, t0)) {
      why = "the test run ended";
      break;
    }
    if (!co_th_kafka_node_alive(k, 0)) {
      why = "the broker JVM died";
      co_th_kafka_log_tail(k, 0, 40);
      break;
    }
    co_th_sleep_ms(250);
  }
  fprintf(stderr, "watchdog %d: stopping broker: %s\n", (int)getpid(), why);
  co_th_kafka_stop(k);
  unlink(state);
  _exit(0);
}

static int cmd_start(const char *state) {
  int fds[2];
  char buf[600], *log = NULL;
  ssize_t n, len = 0;
  pid_t watched = getppid(), pid;
  co_th_kafka_state_t old;

  /* a broker left by an earlier run in this build dir goes first */
  if (!co_th_kafka_state_read(state, &old) && co_th_kafka_pid_running(old.watchdog)) {
    fprintf(stderr, "kafkactl: stopping the previous shared broker (watchdog %d)\n", (int)old.watchdog);
    kill(old.watchdog, SIGTERM);
    CO_TH_WAIT_UNTIL(!co_th_kafka_pid_running(old.watchdog), 20000);
  }
  unlink(state);
  if (pipe2(fds, O_CLOEXEC) || asprintf(&log, "%s.log", state) < 0) return 1;
  if ((pid = fork()) < 0) return 1;
  if (pid == 0) {
    int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644), in = open("/dev/null", O_RDONLY);
    close(fds[0]);
    setsid();
    if (in >= 0) dup2(in, 0);
    if (fd >= 0) dup2(fd, 1), dup2(fd, 2);
    if (fd > 2) close(fd);
    if (in > 2) close(in);
    watchdog(state, watched, fds[1]);
  }
  close(fds[1]);
  /* one line; not EOF, which would also wait on any child that kept the fd */
  while (len < (ssize_t)sizeof(buf) - 1 && !memchr(buf, '\n', len) &&
         (n = read(fds[0], buf + len, sizeof(buf) - 1 - len)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    len += n;
  }
  buf[len] = '\0';
  close(fds[0]);
  if (strncmp(buf, "ok ", 3)) {
    fprintf(stderr, "kafkactl: shared broker failed to start: %s (watchdog log: %s)\n",
            len > 4 ? buf + 4 : "watchdog exited", log);
    free(log);
    return 1;
  }
  printf("kafkactl: shared broker at %s (state %s, watchdog %d)\n", strtok(buf + 3, "\n"), state, (int)pid);
  free(log);
  return 0;
}

/* 1 when pid's command line mentions dir (its properties file lives there). */
static int jvm_is_ours(pid_t pid, const char *dir) {
  char path[64], *cmd;
  size_t len = 0;
  int ours = 0;
  snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
  if (!(cmd = co_th_read_file(path, &len))) return 0;
  for (size_t off = 0; off < len && !ours; off += strlen(cmd + off) + 1) ours = strstr(cmd + off, dir) != NULL;
  free(cmd);
  return ours;
}

static int cmd_stop(const char *state) {
  co_th_kafka_state_t st;
  if (co_th_kafka_state_read(state, &st)) {
    printf("kafkactl: no shared broker recorded in %s\n", state);
    return 0;
  }
  if (co_th_kafka_pid_running(st.watchdog)) {
    kill(st.watchdog, SIGTERM);
    if (!CO_TH_WAIT_UNTIL(!co_th_kafka_pid_running(st.watchdog), 30000)) {
      fprintf(stderr, "kafkactl: watchdog %d ignored SIGTERM; killing it\n", (int)st.watchdog);
      kill(st.watchdog, SIGKILL);
    }
  }
  /* normally already done by the watchdog (the kernel kills the JVM with
   * it); here for safety, and only if that pid still runs from our dir */
  if (st.jvm > 0 && co_th_kafka_pid_running(st.jvm) && st.dir[0] && jvm_is_ours(st.jvm, st.dir))
    kill(st.jvm, SIGKILL);
  if (st.dir[0]) co_th_rm_rf(st.dir);
  unlink(state);
  printf("kafkactl: shared broker %s stopped\n", st.bootstrap);
  return 0;
}

static int cmd_run(int nodes) {
  char errstr[512];
  co_th_kafka_t *k;
  catch_signals();
  if (!(k = co_th_kafka_start_fresh(nodes, errstr, sizeof(errstr)))) {
    fprintf(stderr, "kafkactl: %s\n", errstr);
    return 1;
  }
  printf("%s\n", co_th_kafka_bootstrap(k));
  fflush(stdout);
  while (!stop_flag) pause();
  co_th_kafka_stop(k);
  return 0;
}

int main(int argc, char **argv) {
  char *def = co_th_kafka_shared_state_path();
  const char *state = argc > 2 ? argv[2] : def;
  int rc = 2;
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_HUMAN, NULL, NULL);
  if (argc < 2) goto usage;
  if (!strcmp(argv[1], "run")) {
    rc = cmd_run(argc > 2 ? atoi(argv[2]) : 1);
  } else if (!state) {
    fprintf(stderr, "kafkactl: give a STATE path or set CO_BINARY_DIR\n");
  } else if (!strcmp(argv[1], "start")) {
    rc = cmd_start(state);
  } else if (!strcmp(argv[1], "stop")) {
    rc = cmd_stop(state);
  } else {
    goto usage;
  }
  free(def);
  return rc;
usage:
  fprintf(stderr, "usage: co_th_kafkactl start|stop [STATE] | run [1|3]\n");
  free(def);
  return 2;
}
