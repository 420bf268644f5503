/* co_log.c: formats and writes log lines; masks secrets last, on the final
 * text, so no field or message can leak one. */
#include "co_log.h"

#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define CO_LOG_MAX_SECRETS 64

static struct {
  pthread_mutex_t lock;
  co_log_level_t level;
  co_log_fmt_t fmt;
  FILE *out;
  char debug_ctxs[256];
  char *secrets[CO_LOG_MAX_SECRETS];
  int secret_cnt;
} co_log = {PTHREAD_MUTEX_INITIALIZER, CO_LOG_INFO, CO_LOG_FMT_AUTO, NULL, "", {0}, 0};

static const char *co_log_level_names[] = {"error", "warn", "info", "debug"};

void co_log_setup(co_log_level_t level, co_log_fmt_t fmt, const char *debug_ctxs, FILE *out) {
  pthread_mutex_lock(&co_log.lock);
  co_log.level = level;
  co_log.out = out;
  if (fmt == CO_LOG_FMT_AUTO) fmt = isatty(fileno(out ? out : stderr)) ? CO_LOG_FMT_HUMAN : CO_LOG_FMT_JSON;
  co_log.fmt = fmt;
  snprintf(co_log.debug_ctxs, sizeof(co_log.debug_ctxs), "%s", debug_ctxs ? debug_ctxs : "");
  pthread_mutex_unlock(&co_log.lock);
}

int co_log_level_parse(const char *s) {
  for (int i = 0; i < 4; i++)
    if (!strcmp(s, co_log_level_names[i])) return i;
  return -1;
}

int co_log_fmt_parse(const char *s) {
  if (!strcmp(s, "auto")) return CO_LOG_FMT_AUTO;
  if (!strcmp(s, "json")) return CO_LOG_FMT_JSON;
  if (!strcmp(s, "human")) return CO_LOG_FMT_HUMAN;
  return -1;
}

void co_log_add_secret(const char *value) {
  if (!value || strlen(value) < 4) return;
  pthread_mutex_lock(&co_log.lock);
  int dup = 0;
  for (int i = 0; i < co_log.secret_cnt; i++)
    if (!strcmp(co_log.secrets[i], value)) dup = 1;
  if (!dup && co_log.secret_cnt < CO_LOG_MAX_SECRETS) co_log.secrets[co_log.secret_cnt++] = strdup(value);
  pthread_mutex_unlock(&co_log.lock);
}

void co_log_clear_secrets(void) {
  pthread_mutex_lock(&co_log.lock);
  for (int i = 0; i < co_log.secret_cnt; i++) free(co_log.secrets[i]);
  co_log.secret_cnt = 0;
  pthread_mutex_unlock(&co_log.lock);
}

/* A component is in the list if it appears as a whole comma-separated word. */
static int co_log_ctx_listed(const char *component) {
  const char *p = co_log.debug_ctxs;
  size_t n = strlen(component);
  if (!strcmp(p, "all")) return 1;
  while (*p) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len == n && !strncmp(p, component, n)) return 1;
    p += len + (e ? 1 : 0);
  }
  return 0;
}

int co_log_enabled(co_log_level_t level, const char *component) {
  if (level == CO_LOG_DEBUG && component && co_log_ctx_listed(component)) return 1;
  return level <= co_log.level;
}

/* Returns a malloc'd copy of line with every secret replaced by "***". */
static char *co_log_mask(const char *line) {
  char *cur = strdup(line);
  for (int i = 0; cur && i < co_log.secret_cnt; i++) {
    const char *s = co_log.secrets[i];
    size_t sl = strlen(s);
    char *hit;
    while ((hit = strstr(cur, s))) {
      size_t pre = (size_t)(hit - cur), rest = strlen(hit + sl);
      char *n = malloc(pre + 3 + rest + 1);
      if (!n) break;
      memcpy(n, cur, pre);
      memcpy(n + pre, "***", 3);
      memcpy(n + pre + 3, hit + sl, rest + 1);
      free(cur);
      cur = n;
    }
  }
  return cur;
}

static void co_log_ts(char *buf, size_t size) {
  struct timeval tv;
  struct tm tm;
  gettimeofday(&tv, NULL);
  gmtime_r(&tv.tv_sec, &tm);
  size_t n = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
  snprintf(buf + n, size - n, ".%03dZ", (int)(tv.tv_usec / 1000));
}

static void co_log_write(co_log_level_t level, const char *component, const char *msg, va_list kv) {
  char ts[40];
  char *line = NULL;
  co_log_ts(ts, sizeof(ts));
  pthread_mutex_lock(&co_log.lock);
  if (co_log.fmt == CO_LOG_FMT_HUMAN) {
    size_t size = 0;
    FILE *m = open_memstream(&line, &size);
    if (m) {
      fprintf(m, "%s %-5s [%s] %s", ts, co_log_level_names[level], component ? component : "-", msg);
      const char *k;
      while ((k = va_arg(kv, const char *))) {
        const char *v = va_arg(kv, const char *);
        fprintf(m, " %s=%s", k, v ? v : "");
      }
      fclose(m);
    }
  } else {
    json_t *o = json_object();
    json_object_set_new(o, "ts", json_string(ts));
    json_object_set_new(o, "level", json_string(co_log_level_names[level]));
    json_object_set_new(o, "component", json_string(component ? component : "-"));
    json_object_set_new(o, "msg", json_string(msg));
    const char *k;
    while ((k = va_arg(kv, const char *))) {
      const char *v = va_arg(kv, const char *);
      json_object_set_new(o, k, json_string(v ? v : ""));
    }
    line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(o);
  }
  if (line) {
    char *masked = co_log_mask(line);
    FILE *out = co_log.out ? co_log.out : stderr;
    fprintf(out, "%s\n", masked ? masked : "(log line lost: out of memory)");
    fflush(out);
    free(masked);
    free(line);
  }
  pthread_mutex_unlock(&co_log.lock);
}

void co_log_kv(co_log_level_t level, const char *component, const char *msg, ...) {
  va_list ap;
  va_start(ap, msg);
  co_log_write(level, component, msg, ap);
  va_end(ap);
}

/* Helper so co_log_printf can pass an empty key list through a va_list. */
static void co_log_nokv(co_log_level_t level, const char *component, const char *msg, ...) {
  va_list ap;
  va_start(ap, msg);
  co_log_write(level, component, msg, ap);
  va_end(ap);
}

void co_log_printf(co_log_level_t level, const char *component, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  co_log_nokv(level, component, buf, (const char *)NULL);
}
