/* co_state_guard.c: what keeps the state honest under faults.
 *
 * Disk full. RocksDB reports ENOSPC as an IO error ("No space left on
 * device"); co_state_rerr() turns it into "disk full: ... <path>" so every
 * caller's message names the cause and the place. The write that failed
 * is not applied (a WAL record written in part is dropped at the next open,
 * which recovers to the last whole record), the batch keeps its writes, and
 * RocksDB refuses further writes until reopened: callers stop, and a
 * restart with space back resumes from the last committed batch. RocksDB's
 * own info LOG is kept at header level (co_state_db.c), and after a failed
 * write the WAL is not synced again (no marker update): a file writer that
 * failed with ENOSPC and was then used again tripped an assertion inside
 * librocksdb (SIGABRT) instead of returning the error.
 *
 * Going backwards. RocksDB opens whatever its MANIFEST names; a damaged
 * MANIFEST, or an older copy of the directory put back, opens "fine" on
 * older (or no) data. The highest sequence number known to be durable is
 * kept outside RocksDB, in "<dir>.committed-seq" next to its directory,
 * written atomically (temp file, fsync, rename, fsync of the parent) at
 * most once per CO_STATE_MARK_MS and at close, always after the WAL was
 * synced up to it, so it is a lower bound of what RocksDB must have after
 * any crash or power loss. At open, a RocksDB whose latest sequence number
 * is below it is refused with a message saying so. The marker cannot catch
 * a copy of the whole state dir restored together with its marker. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "co_log.h"
#include "co_state_int.h"
#include "co_time.h"

#define CO_STATE_MARK_MS 1000

int co_state_is_nospace(const char *msg) {
  return msg && (strstr(msg, "No space left") || strstr(msg, "NoSpace") || strstr(msg, "no space"));
}

co_err_t co_state_rerr(co_state_db_t *db, const char *what, const char *rerr, char *errstr, size_t errstr_size) {
  /* RocksDB's files may hold a failed writer now: touching the WAL again
   * (the marker's sync) would trip librocksdb's assertion. */
  atomic_store(&db->write_failed, 1);
  if (co_state_is_nospace(rerr))
    return co_seterr(errstr, errstr_size, CO_ERR_IO,
                     "disk full: %s in %s failed, nothing of it was committed (free space, then run again: it "
                     "resumes after the last commit): %s",
                     what, db->dir, rerr);
  return co_seterr(errstr, errstr_size, CO_ERR_STORE, "state: %s: %s", what, rerr);
}

/* Reads the marker; -1 when there is none. */
static int64_t co_state_mark_read(const char *path) {
  char buf[64];
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  size_t n = fread(buf, 1, sizeof(buf) - 1, f);
  fclose(f);
  buf[n] = '\0';
  char *end;
  long long v = strtoll(buf, &end, 10);
  return end == buf ? -1 : v;
}

static co_err_t co_state_mark_write(const co_state_db_t *db, uint64_t seq, char *errstr, size_t errstr_size) {
  char tmp[4200], line[32];
  int n = snprintf(line, sizeof(line), "%" PRIu64 "\n", seq);
  snprintf(tmp, sizeof(tmp), "%s.tmp", db->mark_path);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) goto fail;
  if (write(fd, line, (size_t)n) != n || fsync(fd)) {
    int e = errno;
    close(fd);
    unlink(tmp);
    errno = e;
    goto fail;
  }
  close(fd);
  if (rename(tmp, db->mark_path)) goto fail;
  char parent[4200];
  snprintf(parent, sizeof(parent), "%s", db->mark_path);
  char *slash = strrchr(parent, '/');
  if (slash) *slash = '\0';
  int dfd = open(slash ? (*parent ? parent : "/") : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return CO_OK;
fail:
  if (errno == ENOSPC)
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "disk full: writing %s: %s", db->mark_path, strerror(errno));
  return co_seterr(errstr, errstr_size, CO_ERR_IO, "state: writing %s: %s", db->mark_path, strerror(errno));
}

co_err_t co_state_mark_check(co_state_db_t *db, char *errstr, size_t errstr_size) {
  int64_t marked = co_state_mark_read(db->mark_path);
  uint64_t seq = rocksdb_get_latest_sequence_number(db->rdb);
  atomic_store(&db->mark_seq, marked < 0 ? 0 : (uint64_t)marked);
  if (marked < 0 || seq >= (uint64_t)marked) return CO_OK;
  return co_seterr(errstr, errstr_size, CO_ERR_STATE,
                   "state in %s went backwards: RocksDB's latest sequence number is %" PRIu64
                   " but %" PRId64 " was committed before (%s). Its MANIFEST is damaged or an older copy of "
                   "the directory was put back; refusing to run on it. Restore the newest backup of the whole "
                   "state dir, or move the directory away and reprocess (Kafka mode rebuilds it from the "
                   "changelogs)",
                   db->dir, seq, marked, db->mark_path);
}

void co_state_mark_maybe(co_state_db_t *db, int force) {
  int64_t now = co_time_mono_ms();
  if (!db->rdb || atomic_load(&db->write_failed) || (!force && now - atomic_load(&db->mark_ms) < CO_STATE_MARK_MS))
    return;
  if (pthread_mutex_trylock(&db->mark_lock)) {
    if (!force) return;
    pthread_mutex_lock(&db->mark_lock);
  }
  atomic_store(&db->mark_ms, now);
  uint64_t seq = rocksdb_get_latest_sequence_number(db->rdb);
  char *rerr = NULL, err[512];
  if (seq > atomic_load(&db->mark_seq)) {
    /* Durable first: the marker never names a sequence a power loss could take back. */
    if (!db->sync) rocksdb_flush_wal(db->rdb, 1, &rerr);
    if (rerr) {
      CO_WARN("state", "marker not advanced: syncing the WAL: %s", rerr);
      rocksdb_free(rerr);
    } else if (co_state_mark_write(db, seq, err, sizeof(err))) {
      CO_WARN("state", "marker not advanced: %s", err);
    } else {
      atomic_store(&db->mark_seq, seq);
    }
  }
  pthread_mutex_unlock(&db->mark_lock);
}
