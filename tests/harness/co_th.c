/* co_th.c: harness basics (see co_th.h). */
#include "co_th.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

char *co_th_tmpdir(const char *name) {
  const char *base = getenv("CO_TEST_TMPDIR");
  char *path;
  if (!base || !*base) base = "/tmp";
  mkdir(base, 0755);
  if (asprintf(&path, "%s/%s-XXXXXX", base, name) < 0) return NULL;
  if (!mkdtemp(path)) {
    free(path);
    return NULL;
  }
  return path;
}

void co_th_rm_rf(const char *path) {
  char *cmd;
  if (!path || !*path || !strcmp(path, "/")) return;
  if (asprintf(&cmd, "rm -rf '%s'", path) < 0) return;
  if (system(cmd) != 0) fprintf(stderr, "harness: could not remove %s\n", path);
  free(cmd);
}

int co_th_free_port(void) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof(a);
  int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;
  if (fd < 0) return -1;
  if (!bind(fd, (struct sockaddr *)&a, sizeof(a)) && !getsockname(fd, (struct sockaddr *)&a, &len))
    port = ntohs(a.sin_port);
  close(fd);
  return port;
}

int64_t co_th_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void co_th_sleep_ms(int ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
  }
}

pid_t co_th_spawn(char *const argv[], char *const env[], const char *log_path, char *errstr, size_t sz) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    snprintf(errstr, sz, "fork: %s", strerror(errno));
    return -1;
  }
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127); /* parent already gone */
    setpgid(0, 0);
    if (log_path) {
      int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
      }
    }
    int in = open("/dev/null", O_RDONLY);
    if (in >= 0) dup2(in, 0);
    for (int i = 0; env && env[i]; i++) putenv(env[i]);
    execvp(argv[0], argv);
    fprintf(stderr, "harness: exec %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  return pid;
}

void co_th_kill(pid_t pid, int sig, int timeout_ms) {
  if (pid <= 0) return;
  kill(pid, sig);
  int64_t deadline = co_th_now_ms() + timeout_ms;
  for (;;) {
    pid_t r = waitpid(pid, NULL, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD)) return;
    if (co_th_now_ms() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, NULL, 0);
      return;
    }
    co_th_sleep_ms(20);
  }
}

int co_th_sh(const char *cmd, char **out) {
  FILE *p = popen(cmd, "r");
  if (!p) return -1;
  char *buf = NULL;
  size_t len = 0, cap = 0;
  char tmp[4096];
  size_t n;
  while ((n = fread(tmp, 1, sizeof(tmp), p)) > 0) {
    if (out) {
      if (len + n + 1 > cap) {
        cap = (len + n + 1) * 2;
        char *nb = realloc(buf, cap);
        if (!nb) break;
        buf = nb;
      }
      memcpy(buf + len, tmp, n);
      len += n;
      buf[len] = '\0';
    }
  }
  int st = pclose(p);
  if (out) *out = buf ? buf : strdup("");
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int co_th_generator_reproduces(const char *script, const char *data_rel, char *why, size_t why_size) {
  const char *src = getenv("CO_SOURCE_DIR");
  char *dir = co_th_tmpdir("generated"), out[1200], committed[1200], cmd[4200];
  snprintf(out, sizeof(out), "%s/out", dir);
  snprintf(committed, sizeof(committed), "%s/data/%s", src ? src : ".", data_rel);
  snprintf(cmd, sizeof(cmd), "python3 '%s/tools/%s' '%s' >/dev/null 2>&1", src ? src : ".", script, out);
  int rc = -1;
  size_t a = 0, b = 0;
  char *x = NULL, *y = NULL;
  if (co_th_sh(cmd, NULL) != 0)
    snprintf(why, why_size, "tools/%s failed", script);
  else if (!(x = co_th_read_file(out, &a)) || !(y = co_th_read_file(committed, &b)))
    snprintf(why, why_size, "cannot read %s", x ? committed : out);
  else {
    size_t i = 0;
    while (i < a && i < b && x[i] == y[i]) i++;
    if (i == a && a == b)
      rc = 0;
    else
      snprintf(why, why_size, "tools/%s output (%zu bytes) differs from data/%s (%zu bytes) at byte %zu", script, a,
               data_rel, b, i);
  }
  free(x), free(y);
  co_th_rm_rf(dir);
  free(dir);
  return rc;
}

char *co_th_read_file(const char *path, size_t *lenp) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t len = 0, cap = 0, n;
  char tmp[8192];
  while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) {
    if (len + n + 1 > cap) {
      cap = (len + n + 1) * 2;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
    }
    memcpy(buf + len, tmp, n);
    len += n;
  }
  fclose(f);
  if (!buf && !(buf = malloc(1))) return NULL;
  buf[len] = '\0';
  if (lenp) *lenp = len;
  return buf;
}

int co_th_file_contains(const char *path, const char *needle) {
  char *s = co_th_read_file(path, NULL);
  int r = s && strstr(s, needle) != NULL;
  free(s);
  return r;
}

int co_th_write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t w = fwrite(data, 1, len, f);
  return (fclose(f) || w != len) ? -1 : 0;
}

char *co_th_b64url(const char *k) {
  static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  size_t n = strlen(k), o = 0;
  const unsigned char *u = (const unsigned char *)k;
  char *out = malloc(n * 4 / 3 + 4);
  if (!out) abort();
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)u[i] << 16 | (i + 1 < n ? (unsigned)u[i + 1] << 8 : 0) | (i + 2 < n ? u[i + 2] : 0);
    out[o++] = tbl[v >> 18 & 63];
    out[o++] = tbl[v >> 12 & 63];
    if (i + 1 < n) out[o++] = tbl[v >> 6 & 63];
    if (i + 2 < n) out[o++] = tbl[v & 63];
  }
  out[o] = 0;
  return out;
}
