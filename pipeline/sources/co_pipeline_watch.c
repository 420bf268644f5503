/* co_pipeline_watch.c: the watched drop folder (import.watch.dir): mail
 * saved from a mail client, or an export, dropped into a folder is
 * imported by the running instance without a command.
 *
 * A thread looks at the folder every import.watch.interval.ms. A regular
 * file named *.mbox or *.eml (not starting with '.': a file being written
 * should be written under a dot name or elsewhere and renamed in) that has
 * not changed for one interval is imported with co_pipeline_import_path
 * (exactly once per account and source, as `careerops import`), then moved
 * to imported/ in the folder; one the import refuses goes to failed/ with
 * the cause logged. An .eml file is one message: it is moved into a fresh
 * folder under .work/ first and imported as a folder of .eml files, which
 * is what the emldir reader reads. A name already taken in imported/ or
 * failed/ gets the time appended. Both modes: rt is the embedded runtime,
 * or NULL for Kafka (the sink's transactional producer). */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "co_log.h"
#include "co_pipeline_ingest.h"
#include "co_time.h"

#define CO_PL_WATCH_MAX 256 /* files remembered between two looks */

typedef struct seen_s {
  char name[NAME_MAX + 1];
  off_t size;
  time_t mtime;
} seen_t;

struct co_pipeline_watch_s {
  const co_conf_t *conf;
  co_rt_t *rt;
  char dir[PATH_MAX];
  int64_t interval_ms;
  seen_t seen[CO_PL_WATCH_MAX]; /* what each candidate looked like at the last look */
  int nseen;
  uint64_t imported, failed; /* files */
  pthread_t thr;
  pthread_mutex_t lock;
  pthread_cond_t wake;
  int stop, started;
};

static int has_suffix(const char *name, const char *suf) {
  size_t n = strlen(name), s = strlen(suf);
  return n > s && !strcmp(name + n - s, suf);
}

/* Moves dir/name to dir/sub/name (the time appended when taken). */
static void move_to(co_pipeline_watch_t *w, const char *from, const char *name, const char *sub) {
  char d[PATH_MAX + 16], to[PATH_MAX * 2];
  snprintf(d, sizeof(d), "%s/%s", w->dir, sub);
  mkdir(d, 0700);
  snprintf(to, sizeof(to), "%s/%s", d, name);
  if (!access(to, F_OK)) snprintf(to, sizeof(to), "%s/%s.%lld", d, name, (long long)co_time_wall_ms());
  if (rename(from, to))
    CO_LOGKV(CO_LOG_WARN, "watch", "cannot move a file out of the watched folder", "file", from, "error",
             strerror(errno));
}

/* Imports one stable candidate and moves it out of the way. */
static void take(co_pipeline_watch_t *w, const char *entry) {
  char name[NAME_MAX + 1], path[PATH_MAX * 2], work[PATH_MAX * 2], err[512], n[32];
  size_t nl = strnlen(entry, NAME_MAX);
  memcpy(name, entry, nl);
  name[nl] = '\0';
  co_pipeline_import_result_t res;
  const char *src = path;
  snprintf(path, sizeof(path), "%s/%s", w->dir, name);
  if (has_suffix(name, ".eml")) { /* one message: a folder of one .eml */
    snprintf(work, sizeof(work), "%s/.work", w->dir);
    mkdir(work, 0700);
    snprintf(work, sizeof(work), "%s/.work/%lld", w->dir, (long long)co_time_wall_ms());
    char moved[PATH_MAX * 3];
    snprintf(moved, sizeof(moved), "%s/%s", work, name);
    if (mkdir(work, 0700) || rename(path, moved)) {
      CO_LOGKV(CO_LOG_WARN, "watch", "cannot stage a dropped .eml", "file", path, "error", strerror(errno));
      return;
    }
    src = work;
  }
  co_err_t e = co_pipeline_import_path(w->conf, w->rt, src, NULL, NULL, NULL, &res, err, sizeof(err));
  if (src != path) { /* the .eml back under its own name, then moved like a file */
    char moved[PATH_MAX * 3];
    snprintf(moved, sizeof(moved), "%s/%s", work, name);
    move_to(w, moved, name, e ? "failed" : "imported");
    rmdir(work);
  } else {
    move_to(w, path, name, e ? "failed" : "imported");
  }
  if (e) {
    w->failed++;
    CO_LOGKV(CO_LOG_WARN, "watch", "a dropped file was not imported; moved to failed/", "file", name, "error", err);
    return;
  }
  w->imported++;
  snprintf(n, sizeof(n), "%llu", (unsigned long long)res.imported);
  CO_LOGKV(CO_LOG_INFO, "watch", "imported a dropped file; moved to imported/", "file", name, "messages", n);
}

/* One look: candidates unchanged since the last look are taken. */
static void look(co_pipeline_watch_t *w) {
  DIR *d = opendir(w->dir);
  if (!d) return;
  seen_t now[CO_PL_WATCH_MAX];
  int n = 0;
  struct dirent *de;
  while ((de = readdir(d)) && n < CO_PL_WATCH_MAX) {
    if (de->d_name[0] == '.' || (!has_suffix(de->d_name, ".mbox") && !has_suffix(de->d_name, ".eml"))) continue;
    char p[PATH_MAX * 2];
    struct stat st;
    snprintf(p, sizeof(p), "%s/%s", w->dir, de->d_name);
    if (stat(p, &st) || !S_ISREG(st.st_mode)) continue;
    snprintf(now[n].name, sizeof(now[n].name), "%s", de->d_name);
    now[n].size = st.st_size;
    now[n].mtime = st.st_mtime;
    n++;
  }
  closedir(d);
  for (int i = 0; i < n && !__atomic_load_n(&w->stop, __ATOMIC_RELAXED); i++)
    for (int j = 0; j < w->nseen; j++)
      if (!strcmp(now[i].name, w->seen[j].name) && now[i].size == w->seen[j].size &&
          now[i].mtime == w->seen[j].mtime) {
        take(w, now[i].name);
        now[i].name[0] = '\0'; /* gone now */
        break;
      }
  w->nseen = 0;
  for (int i = 0; i < n; i++)
    if (now[i].name[0]) w->seen[w->nseen++] = now[i];
}

static void *watch_main(void *arg) {
  co_pipeline_watch_t *w = arg;
  pthread_mutex_lock(&w->lock);
  while (!w->stop) {
    pthread_mutex_unlock(&w->lock);
    look(w);
    pthread_mutex_lock(&w->lock);
    if (w->stop) break;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    int64_t ns = (int64_t)ts.tv_nsec + (w->interval_ms % 1000) * 1000000;
    ts.tv_sec += (time_t)(w->interval_ms / 1000 + ns / 1000000000);
    ts.tv_nsec = (long)(ns % 1000000000);
    pthread_cond_timedwait(&w->wake, &w->lock, &ts);
  }
  pthread_mutex_unlock(&w->lock);
  return NULL;
}

co_pipeline_watch_t *co_pipeline_watch_start(const co_conf_t *conf, co_rt_t *rt, char *errstr, size_t sz) {
  const char *dir = co_conf_str(conf, "import.watch.dir");
  struct stat st;
  if (!*dir) return NULL;
  errno = 0;
  if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
    co_seterr(errstr, sz, CO_ERR_CONFIG, "import.watch.dir %s: not a folder (%s)", dir,
              errno ? strerror(errno) : "not a directory");
    return NULL;
  }
  co_pipeline_watch_t *w = calloc(1, sizeof(*w));
  if (!w) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  w->conf = conf;
  w->rt = rt;
  w->interval_ms = co_conf_int(conf, "import.watch.interval.ms");
  if (!realpath(dir, w->dir)) snprintf(w->dir, sizeof(w->dir), "%s", dir);
  pthread_mutex_init(&w->lock, NULL);
  pthread_cond_init(&w->wake, NULL);
  if (pthread_create(&w->thr, NULL, watch_main, w)) {
    co_pipeline_watch_stop(w);
    co_seterr(errstr, sz, CO_ERR_IO, "cannot start the import.watch.dir thread");
    return NULL;
  }
  pthread_setname_np(w->thr, "co:watch");
  w->started = 1;
  CO_LOGKV(CO_LOG_INFO, "watch", "watching a drop folder", "dir", w->dir);
  return w;
}

void co_pipeline_watch_stop(co_pipeline_watch_t *w) {
  if (!w) return;
  if (w->started) {
    pthread_mutex_lock(&w->lock);
    __atomic_store_n(&w->stop, 1, __ATOMIC_RELAXED); /* look() reads it between files */
    pthread_cond_broadcast(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thr, NULL);
  }
  pthread_mutex_destroy(&w->lock);
  pthread_cond_destroy(&w->wake);
  free(w);
}
