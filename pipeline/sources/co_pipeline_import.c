/* co_pipeline_import.c: mbox → topic.raw, exactly once.
 *
 * Messages are normalized here (not in the topology) so the raw topic holds
 * schema-1 events, the contract every consumer reads. Each batch of records
 * and the file's cursor (last message offset + 1) go to the local log in one
 * atomic write, so an interrupted import resumes after the last batch and
 * a re-run appends nothing. The cursor belongs to one account and one
 * source identity (co_pipeline_import_key), so importing the same file for
 * a second account imports it for that account. A message ingest refuses is still appended (raw
 * bytes plus a co.ingest.error header): the classify processor turns it into
 * a DLQ record with the cause, so bad input is never silently lost. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "co_ingest.h"
#include "co_log.h"
#include "co_pipeline.h"
#include "co_pipeline_ingest.h"

#define CO_PL_IMPORT_BATCH 64

#define CO_PL_ID_PREFIX 4096 /* bytes read to find the first message's header block */
#define CO_PL_REREAD_MAX (256u << 20)

/* The source's identity (see co_pipeline.h). */
static co_err_t import_identity(const char *path, char *id, size_t size, char *errstr, size_t errstr_size) {
  struct stat st;
  char buf[CO_PL_ID_PREFIX];
  size_t n = 0, end;
  if (stat(path, &st)) return co_seterr(errstr, errstr_size, CO_ERR_IO, "cannot open %s: %s", path, strerror(errno));
  if (S_ISDIR(st.st_mode)) {
    snprintf(id, size, "dir-%llx-%llx", (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
    return CO_OK;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return co_seterr(errstr, errstr_size, CO_ERR_IO, "cannot open %s: %s", path, strerror(errno));
  while (n < sizeof(buf)) {
    ssize_t r = read(fd, buf + n, sizeof(buf) - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      co_err_t err = co_seterr(errstr, errstr_size, CO_ERR_IO, "cannot read %s: %s", path, strerror(errno));
      close(fd);
      return err;
    }
    if (!r) break;
    n += (size_t)r;
  }
  close(fd);
  /* The first message's "From " line and header block: appending to the
   * mbox never changes it, another mailbox has other headers. */
  for (end = 0; end + 1 < n; end++)
    if (buf[end] == '\n' && (buf[end + 1] == '\n' || (buf[end + 1] == '\r' && end + 2 < n && buf[end + 2] == '\n'))) {
      end++;
      break;
    }
  if (end + 1 >= n) end = n;
  snprintf(id, size, "mbox-%016llx", (unsigned long long)XXH64(buf, end, 0));
  return CO_OK;
}

co_err_t co_pipeline_import_key(const char *prefix, const char *account, const char *path, char *buf, size_t size,
                                char *errstr, size_t errstr_size) {
  char id[64], acct[160];
  co_err_t err = import_identity(path, id, sizeof(id), errstr, errstr_size);
  if (err) return err;
  /* Meta keys hold ~290 bytes: a long account name goes by hash. */
  if (strlen(account) < 120)
    snprintf(acct, sizeof(acct), "%s", account);
  else
    snprintf(acct, sizeof(acct), "xxh64-%016llx", (unsigned long long)XXH64(account, strlen(account), 0));
  snprintf(buf, size, "%s:%s:%s", prefix, acct, id);
  return CO_OK;
}

/* Before per-account cursors the key was the path alone; such a cursor is
 * still honoured for the "account" setting, the account it was most
 * likely written for (docs/state.md). */
static int64_t import_legacy_cursor(co_pipeline_t *p, const char *path, const char *account) {
  char abs[PATH_MAX], key[PATH_MAX + 32];
  if (strcmp(account, co_conf_str(co_pipeline_conf(p), "account"))) return -1;
  snprintf(key, sizeof(key), "import.mbox:%s", realpath(path, abs) ? abs : path);
  return strlen(key) < 280 ? co_rt_cursor(co_pipeline_rt(p), key) : -1;
}

int64_t co_pipeline_import_cursor(co_pipeline_t *p, const char *path) {
  char key[320], e[256];
  const char *account = co_conf_str(co_pipeline_conf(p), "account");
  if (co_pipeline_import_key("import.mbox", account, path, key, sizeof(key), e, sizeof(e))) return -1;
  int64_t c = co_rt_cursor(co_pipeline_rt(p), key);
  return c >= 0 ? c : import_legacy_cursor(p, path, account);
}

co_err_t co_pipeline_import_reread(const co_conf_t *conf, const char *account, const char *path, char **value,
                                   size_t *value_len, char **ingest_error, char *errstr, size_t errstr_size) {
  char cause[512];
  char *data = NULL, *json = NULL, *cur = NULL;
  size_t len = 0, cap = 0;
  co_err_t err = CO_OK;
  *value = *ingest_error = NULL;
  *value_len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return co_seterr(errstr, errstr_size, CO_ERR_IO, "%s: %s", path, strerror(errno));
  for (;;) {
    if (len == cap) {
      char *n = cap < CO_PL_REREAD_MAX ? realloc(data, cap = cap ? cap * 2 : 65536) : NULL;
      if (!n) {
        err = cap >= CO_PL_REREAD_MAX ? co_seterr(errstr, errstr_size, CO_ERR_IO, "%s: larger than %u MiB", path,
                                                   CO_PL_REREAD_MAX >> 20)
                                      : co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
        goto out;
      }
      data = n;
    }
    size_t r = fread(data + len, 1, cap - len, f);
    len += r;
    if (r == 0) break;
  }
  if (ferror(f)) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "%s: read error", path);
    goto out;
  }
  if (!(cur = co_ingest_cursor_file(path, 0))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto out;
  }
  co_ingest_src_t src = {.account = account,
                         .cursor_json = cur,
                         .max_body_bytes = (size_t)co_conf_int(conf, "ingest.max.body.bytes")};
  co_err_t ne = co_ingest_normalize(data ? data : "", len, &src, &json, cause, sizeof(cause));
  if (ne == CO_OK) {
    *value = json;
    *value_len = strlen(json);
  } else if (ne == CO_ERR_PARSE) { /* not mail: the raw bytes go on with the cause */
    if (!(*ingest_error = strdup(cause))) {
      err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
      goto out;
    }
    *value = data;
    *value_len = len;
    data = NULL;
  } else {
    err = co_seterr(errstr, errstr_size, ne, "%s: %s", path, cause);
  }
out:
  fclose(f);
  free(data);
  free(cur);
  return err;
}

typedef struct batch_s {
  co_rt_msg_t msgs[CO_PL_IMPORT_BATCH];
  char *vals[CO_PL_IMPORT_BATCH];
  char *errs[CO_PL_IMPORT_BATCH];
  co_hdr_t hdrs[CO_PL_IMPORT_BATCH];
  int cnt;
} batch_t;

static void batch_clear(batch_t *b) {
  for (int i = 0; i < b->cnt; i++) {
    free(b->vals[i]);
    free(b->errs[i]);
  }
  b->cnt = 0;
}

co_err_t co_pipeline_import_mbox(co_pipeline_t *p, const char *path, const char *account,
                                 co_pipeline_import_stats_t *st, char *errstr, size_t errstr_size) {
  co_pipeline_import_stats_t local = {0};
  co_ingest_reader_t *r = NULL;
  batch_t b = {.cnt = 0};
  co_ingest_msg_t m;
  co_err_t err = CO_OK;
  char ckey[320], ierr[512];
  if (!st) st = &local;
  memset(st, 0, sizeof(*st));
  if (!co_rt_embedded(co_pipeline_rt(p)))
    return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED,
                     "import: Kafka mode imports through a transactional producer, not the pipeline");
  if (!account || !*account) account = co_conf_str(co_pipeline_conf(p), "account");
  if ((err = co_pipeline_import_key("import.mbox", account, path, ckey, sizeof(ckey), errstr, errstr_size))) return err;
  int64_t cursor = co_rt_cursor(co_pipeline_rt(p), ckey);
  if (cursor < 0) cursor = import_legacy_cursor(p, path, account);
  /* The cursor is the offset of the last imported message + 1: reopen
   * there and skip that message. */
  uint64_t start = cursor > 0 ? (uint64_t)(cursor - 1) : 0;
  int skip_first = cursor > 0;
  if ((err = co_ingest_mbox_open(path, start, &r, errstr, errstr_size))) return err;
  int64_t last = cursor;
  size_t max_body = (size_t)co_conf_int(co_pipeline_conf(p), "ingest.max.body.bytes");
  for (;;) {
    co_err_t ne = co_ingest_reader_next(r, &m, ierr, sizeof(ierr));
    if (ne == CO_ERR_IO) {
      st->read_errors++;
      CO_WARN("pipeline", "import %s: %s", path, ierr);
      continue;
    }
    if (ne == CO_OK && skip_first) {
      skip_first = 0;
      if ((int64_t)m.offset + 1 == cursor) continue;
    }
    if (ne == CO_OK) {
      char *cur = co_ingest_cursor_file(m.path, m.offset), *json = NULL;
      co_ingest_src_t src = {.account = account, .cursor_json = cur, .max_body_bytes = max_body};
      int i = b.cnt;
      co_err_t ie = cur ? co_ingest_normalize(m.data, m.len, &src, &json, ierr, sizeof(ierr)) : CO_ERR_NOMEM;
      free(cur);
      b.errs[i] = NULL;
      if (ie == CO_OK) {
        b.vals[i] = json;
        b.msgs[i] = (co_rt_msg_t){account, strlen(account), json, strlen(json), NULL, 0, NULL};
      } else if (ie == CO_ERR_PARSE) {
        /* kept as raw bytes so the DLQ holds what was actually there */
        b.vals[i] = malloc(m.len ? m.len : 1);
        b.errs[i] = strdup(ierr);
        if (!b.vals[i] || !b.errs[i]) {
          free(b.vals[i]);
          free(b.errs[i]);
          err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "import: out of memory");
          goto done;
        }
        memcpy(b.vals[i], m.data, m.len);
        b.hdrs[i] = (co_hdr_t){CO_PL_HDR_INGEST_ERROR, b.errs[i], strlen(b.errs[i])};
        b.msgs[i] = (co_rt_msg_t){account, strlen(account), b.vals[i], m.len, &b.hdrs[i], 1, NULL};
        st->malformed++;
        CO_WARN("pipeline", "import %s offset %llu: %s (sent to the DLQ)", path, (unsigned long long)m.offset, ierr);
      } else {
        err = co_seterr(errstr, errstr_size, ie, "import %s offset %llu: %s", path, (unsigned long long)m.offset, ierr);
        goto done;
      }
      b.cnt++;
      last = (int64_t)m.offset + 1;
    }
    if (b.cnt == CO_PL_IMPORT_BATCH || (ne == CO_ERR_NOT_FOUND && b.cnt > 0)) {
      if ((err = co_rt_append(co_pipeline_rt(p), co_conf_str(co_pipeline_conf(p), "topic.raw"), b.msgs, b.cnt, ckey, last, errstr, errstr_size))) goto done;
      st->appended += b.cnt;
      batch_clear(&b);
    }
    if (ne == CO_ERR_NOT_FOUND) break;
  }
  st->skipped_all = st->appended == 0 && cursor > 0;
  CO_LOGKV(CO_LOG_INFO, "pipeline", "import done", "path", path, "account", account);
done:
  batch_clear(&b);
  co_ingest_reader_close(r);
  return err;
}
