/* co_pipeline_import.c: mbox → topic.raw, exactly once.
 *
 * Messages are normalized here (not in the topology) so the raw topic holds
 * schema-1 events, the contract every consumer reads. Each batch of records
 * and the file's cursor (last message offset + 1) go to the local log in one
 * atomic write, so an interrupted import resumes after the last batch and
 * a re-run appends nothing. A message ingest refuses is still appended (raw
 * bytes plus a co.ingest.error header): the classify processor turns it into
 * a DLQ record with the cause, so bad input is never silently lost. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"
#include "co_log.h"
#include "co_pipeline_int.h"

#define CO_PL_IMPORT_BATCH 64

void co_pipeline_import_cursor_key(const char *path, char *buf, size_t size) {
  char abs[PATH_MAX];
  snprintf(buf, size, "import.mbox:%s", realpath(path, abs) ? abs : path);
}

int64_t co_pipeline_import_cursor(co_pipeline_t *p, const char *path) {
  char key[PATH_MAX + 32];
  co_pipeline_import_cursor_key(path, key, sizeof(key));
  return co_rt_cursor(p->rt, key);
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
  char ckey[PATH_MAX + 32], ierr[512];
  if (!st) st = &local;
  memset(st, 0, sizeof(*st));
  if (!co_rt_embedded(p->rt))
    return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED,
                     "import: Kafka mode imports through a transactional producer, not the pipeline");
  if (!account || !*account) account = co_conf_str(p->conf, "account");
  co_pipeline_import_cursor_key(path, ckey, sizeof(ckey));
  int64_t cursor = co_rt_cursor(p->rt, ckey);
  /* The cursor is the offset of the last imported message + 1: reopen
   * there and skip that message. */
  uint64_t start = cursor > 0 ? (uint64_t)(cursor - 1) : 0;
  int skip_first = cursor > 0;
  if ((err = co_ingest_mbox_open(path, start, &r, errstr, errstr_size))) return err;
  int64_t last = cursor;
  size_t max_body = (size_t)co_conf_int(p->conf, "ingest.max.body.bytes");
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
      if ((err = co_rt_append(p->rt, p->t_raw, b.msgs, b.cnt, ckey, last, errstr, errstr_size))) goto done;
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
