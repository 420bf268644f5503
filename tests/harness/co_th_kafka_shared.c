/* co_th_kafka_shared.c: finding and reusing the suite's shared 1-node broker.
 *
 * Design: the kafka1 CTest fixture (co_th_kafkactl start) leaves a broker
 * running under a watchdog process and records it in a state file in the
 * build dir. A test asking for one node takes, in order: $CO_TEST_BOOTSTRAP,
 * the state file (if its watchdog still runs), or a broker of its own. A
 * stale state file (its watchdog gone) is ignored rather than trusted. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "co_log.h"
#include "co_th.h"
#include "co_th_kafka_int.h"

char *co_th_kafka_shared_state_path(void) {
  const char *bin = getenv("CO_BINARY_DIR");
  char *p = NULL;
  if (!bin || !*bin || asprintf(&p, "%s/kafka-shared.state", bin) < 0) return NULL;
  return p;
}

int co_th_kafka_pid_running(pid_t pid) {
  char path[64], *s, *rp;
  int running = 0;
  if (pid <= 0 || kill(pid, 0) != 0) return 0;
  snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
  if (!(s = co_th_read_file(path, NULL))) return 1; /* no /proc: trust kill() */
  /* "pid (comm) S ...": the state letter follows the last ')' */
  rp = strrchr(s, ')');
  running = rp && rp[1] == ' ' && rp[2] != 'Z' && rp[2] != 'X';
  free(s);
  return running;
}

int co_th_kafka_state_read(const char *path, co_th_kafka_state_t *st) {
  char *s = co_th_read_file(path, NULL), *line, *save = NULL;
  if (!s) return -1;
  memset(st, 0, sizeof(*st));
  for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *eq = strchr(line, '=');
    if (!eq) continue;
    *eq++ = '\0';
    if (!strcmp(line, "bootstrap")) snprintf(st->bootstrap, sizeof(st->bootstrap), "%s", eq);
    else if (!strcmp(line, "watchdog_pid")) st->watchdog = (pid_t)atoi(eq);
    else if (!strcmp(line, "jvm_pid")) st->jvm = (pid_t)atoi(eq);
    else if (!strcmp(line, "dir")) snprintf(st->dir, sizeof(st->dir), "%s", eq);
  }
  free(s);
  return st->bootstrap[0] && st->watchdog > 0 ? 0 : -1;
}

int co_th_kafka_state_write(const char *path, const co_th_kafka_state_t *st) {
  char *tmp = NULL, *body = NULL;
  int rc = -1, len;
  if (asprintf(&tmp, "%s.tmp", path) < 0) return -1;
  len = asprintf(&body, "bootstrap=%s\nwatchdog_pid=%d\njvm_pid=%d\ndir=%s\n", st->bootstrap, (int)st->watchdog,
                 (int)st->jvm, st->dir);
  if (len >= 0 && !co_th_write_file(tmp, body, (size_t)len) && !rename(tmp, path)) rc = 0;
  free(tmp);
  free(body);
  return rc;
}

static co_th_kafka_t *shared_handle(const char *bootstrap) {
  co_th_kafka_t *k = calloc(1, sizeof(*k));
  if (!k) return NULL;
  k->nodes = 1;
  k->shared = 1;
  for (int i = 0; i < CO_TH_KAFKA_MAX_NODES; i++) k->node[i].pid = -1;
  if (!(k->bootstrap = strdup(bootstrap))) {
    free(k);
    return NULL;
  }
  return k;
}

co_th_kafka_t *co_th_kafka_start(int nodes, char *errstr, size_t sz) {
  const char *env = getenv("CO_TEST_BOOTSTRAP");
  char *path = NULL;
  co_th_kafka_state_t st;
  co_th_kafka_t *k = NULL;
  if (nodes != 1) return co_th_kafka_start_fresh(nodes, errstr, sz);
  if (env && *env) {
    strncpy(st.bootstrap, env, sizeof(st.bootstrap) - 1);
    st.bootstrap[sizeof(st.bootstrap) - 1] = '\0';
  } else if ((path = co_th_kafka_shared_state_path()) && !co_th_kafka_state_read(path, &st)) {
    if (!co_th_kafka_pid_running(st.watchdog)) {
      fprintf(stderr, "co_th_kafka: ignoring stale %s (watchdog %d gone)\n", path, (int)st.watchdog);
      st.bootstrap[0] = '\0';
    }
  } else {
    st.bootstrap[0] = '\0';
  }
  free(path);
  if (!st.bootstrap[0]) return co_th_kafka_start_fresh(1, errstr, sz);
  if (!(k = shared_handle(st.bootstrap))) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  if (!co_th_kafka_answers(k, 15000)) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "shared broker %s does not answer", k->bootstrap);
    co_th_kafka_stop(k);
    return NULL;
  }
  CO_INFO("th_kafka", "using shared broker %s", k->bootstrap);
  return k;
}

char *co_th_kafka_unique_name(const char *prefix) {
  static unsigned counter;
  char *s = NULL;
  if (asprintf(&s, "%s-%d-%lld-%u", prefix, (int)getpid(), (long long)co_th_now_ms(), ++counter) < 0) return NULL;
  return s;
}
