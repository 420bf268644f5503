/* co_notify_journal.c: the delivery journal (see co_notify.h).
 *
 * Why a file beside the state store: the store's "sent" mark commits with
 * the record's transaction, some time after the HTTP 2xx. A process killed
 * in between would send again on restart; a line fdatasync'd right after
 * the 2xx closes that window to the few microseconds between the response
 * and the sync. Lines are 64 hex characters and '\n'; a torn last line
 * (crash during the write) is ignored at load. Keys live in an open
 * addressing set of the key text; the set only grows until the next open
 * compacts the file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "co_log.h"
#include "co_notify.h"

#define KEYLEN 64

struct co_notify_journal_s {
  char *path;
  int fd;
  int max_entries;
  char (*slots)[KEYLEN]; /* empty slot: first byte 0 */
  size_t cap, cnt;
};

static int is_key(const char *k) {
  for (int i = 0; i < KEYLEN; i++)
    if (!((k[i] >= '0' && k[i] <= '9') || (k[i] >= 'a' && k[i] <= 'f'))) return 0;
  return 1;
}

static size_t slot_of(const co_notify_journal_t *j, const char *key) {
  size_t h = 0; /* keys are SHA-256 hex: their first digits are already uniform */
  for (int i = 0; i < 15; i++) h = h * 16 + (size_t)(key[i] <= '9' ? key[i] - '0' : key[i] - 'a' + 10);
  return h & (j->cap - 1);
}

static int set_add(co_notify_journal_t *j, const char *key) {
  if ((j->cnt + 1) * 2 > j->cap) {
    size_t ncap = j->cap ? j->cap * 2 : 1024;
    char(*ns)[KEYLEN] = calloc(ncap, KEYLEN), (*old)[KEYLEN] = j->slots;
    size_t ocap = j->cap;
    if (!ns) return -1;
    j->slots = ns;
    j->cap = ncap;
    j->cnt = 0;
    for (size_t i = 0; i < ocap; i++)
      if (old[i][0]) set_add(j, old[i]);
    free(old);
  }
  size_t s = slot_of(j, key);
  while (j->slots[s][0]) {
    if (!memcmp(j->slots[s], key, KEYLEN)) return 0;
    s = (s + 1) & (j->cap - 1);
  }
  memcpy(j->slots[s], key, KEYLEN);
  j->cnt++;
  return 0;
}

int co_notify_journal_has(const co_notify_journal_t *j, const char *key) {
  if (!j->cap || strlen(key) != KEYLEN) return 0;
  for (size_t s = slot_of(j, key); j->slots[s][0]; s = (s + 1) & (j->cap - 1))
    if (!memcmp(j->slots[s], key, KEYLEN)) return 1;
  return 0;
}

int co_notify_journal_count(const co_notify_journal_t *j) {
  return (int)j->cnt;
}

/* Keeps the newest keep lines of buf (n whole lines) in path, atomically. */
static co_err_t compact(co_notify_journal_t *j, const char *buf, size_t n, size_t keep, char *errstr, size_t sz) {
  char tmp[4096];
  snprintf(tmp, sizeof(tmp), "%s.tmp", j->path);
  const char *from = buf + (n - keep) * (KEYLEN + 1);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  size_t len = keep * (KEYLEN + 1);
  if (fd < 0 || write(fd, from, len) != (ssize_t)len || fsync(fd) || close(fd) || rename(tmp, j->path)) {
    int e = errno;
    if (fd >= 0) close(fd);
    unlink(tmp);
    return co_seterr(errstr, sz, CO_ERR_IO, "notify journal: cannot compact: %s", strerror(e));
  }
  return CO_OK;
}

co_notify_journal_t *co_notify_journal_open(const char *path, int max_entries, char *errstr, size_t errstr_size) {
  co_notify_journal_t *j = calloc(1, sizeof(*j));
  char *buf = NULL;
  if (!j || !(j->path = strdup(path))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify journal: out of memory");
    goto err;
  }
  j->fd = -1;
  j->max_entries = max_entries < 2 ? 2 : max_entries;
  /* Load whole lines; keep them packed in buf for a possible compaction. */
  FILE *f = fopen(path, "re");
  size_t n = 0, cap = 0;
  if (f) {
    char line[256];
    while (fgets(line, sizeof(line), f)) {
      if (strlen(line) != KEYLEN + 1 || line[KEYLEN] != '\n' || !is_key(line)) continue;
      if (n == cap) {
        cap = cap ? cap * 2 : 1024;
        char *nb = realloc(buf, cap * (KEYLEN + 1));
        if (!nb) {
          fclose(f);
          co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify journal: out of memory");
          goto err;
        }
        buf = nb;
      }
      memcpy(buf + n * (KEYLEN + 1), line, KEYLEN + 1);
      n++;
    }
    fclose(f);
  } else if (errno != ENOENT) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "notify journal %s: %s", path, strerror(errno));
    goto err;
  }
  size_t keep = n;
  if (n > (size_t)j->max_entries) {
    keep = (size_t)j->max_entries / 2;
    if (compact(j, buf, n, keep, errstr, errstr_size)) goto err;
  } else if (f) {
    /* Rewrite only when a torn or foreign line was dropped, so appends
     * start on a line boundary. */
    FILE *g = fopen(path, "re");
    long size = -1;
    if (g && !fseek(g, 0, SEEK_END)) size = ftell(g);
    if (g) fclose(g);
    if (size != (long)(n * (KEYLEN + 1)) && compact(j, buf, n, n, errstr, errstr_size)) goto err;
  }
  for (size_t i = n - keep; i < n; i++)
    if (set_add(j, buf + i * (KEYLEN + 1))) {
      co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify journal: out of memory");
      goto err;
    }
  if ((j->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) < 0) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "notify journal %s: %s", path, strerror(errno));
    goto err;
  }
  free(buf);
  return j;
err:
  free(buf);
  co_notify_journal_close(j);
  return NULL;
}

void co_notify_journal_close(co_notify_journal_t *j) {
  if (!j) return;
  if (j->fd >= 0) close(j->fd);
  free(j->slots);
  free(j->path);
  free(j);
}

co_err_t co_notify_journal_add(co_notify_journal_t *j, const char *key, char *errstr, size_t errstr_size) {
  char line[KEYLEN + 1];
  if (strlen(key) != KEYLEN || !is_key(key))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "notify journal: key is not 64 hex digits");
  if (co_notify_journal_has(j, key)) return CO_OK;
  memcpy(line, key, KEYLEN);
  line[KEYLEN] = '\n';
  if (write(j->fd, line, sizeof(line)) != (ssize_t)sizeof(line) || fdatasync(j->fd))
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "notify journal: cannot append: %s", strerror(errno));
  if (set_add(j, key)) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify journal: out of memory");
  return CO_OK;
}
