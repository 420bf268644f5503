/* co_pipeline_import_path.c: an mbox file, a Maildir or a folder of .eml
 * files into topic.raw, exactly once: the engine of `careerops import`
 * (cli/cmd_import.c, its own runtime on the state dir, or Kafka) and of
 * POST /api/imports (a running instance's runtime: an import while
 * `careerops run` holds the state).
 *
 * Exactly-once without a dedupe pass: every message read gets an index in
 * the reader's deterministic order (mbox: file order; Maildir: cur/ then
 * new/, by name; .eml: by name). Messages are normalized and appended in
 * batches, and each batch is written in one atomic co_rt_append together
 * with the source cursor "import:<account>:<source identity>" = number of
 * messages handled (co_pipeline_import_key: per account, and per file
 * identity rather than path). A killed import leaves whole batches only;
 * a re-run skips the first <cursor> messages and so ingests nothing twice.
 *
 * A message that does not normalize is not dropped: its raw bytes go to
 * the DLQ topic in the same atomic batch, with the co.dlq.* headers that
 * `careerops dlq list` reads. A file that cannot be read (Maildir, .eml)
 * goes to the DLQ as class io with its path and this import's cursor key;
 * the next import of the same source for the same account re-reads it
 * first (co_dlq_replay_ex). Both modes write through one
 * co_pipeline_sink_t (co_pipeline_ingest_sink.c). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "co_dlq.h"
#include "co_ingest.h"
#include "co_pipeline.h"
#include "co_pipeline_ingest.h"
#include "co_rt.h"
#include "co_time.h"

#define CO_PL_IMPORT_BATCH 200

/* One DLQ record's headers and the strings they point to. */
typedef struct co_pl_imp_dlq_s {
  co_hdr_t h[9];
  char att[8], seen[24], off[24], path[PATH_MAX], msg[512];
} co_pl_imp_dlq_t;

typedef struct co_pl_imp_s {
  co_rt_t *rt;              /* embedded mode: the log the sink writes */
  co_pipeline_sink_t *sink; /* batches + cursor, all or nothing */
  const char *raw_topic, *dlq_topic, *account, *cursor_key;
  co_rt_msg_t msgs[CO_PL_IMPORT_BATCH];
  void *vals[CO_PL_IMPORT_BATCH]; /* owned values of msgs */
  co_pl_imp_dlq_t *dlqs[CO_PL_IMPORT_BATCH];
  int cnt;
  uint64_t imported, skipped, failed, handled;
  /* progress */
  co_pipeline_import_progress_fn progress;
  void *opaque;
  uint64_t total_bytes; /* mbox size, 0 when unknown */
  int64_t last_print;
} co_pl_imp_t;

/* Before per-account cursors the key was "import:<real path>"; such a
 * cursor is honoured for the "account" setting (docs/state.md). */
static int64_t co_pl_imp_legacy_cursor(const co_conf_t *conf, co_rt_t *rt, const char *real, const char *account) {
  char key[PATH_MAX + 16];
  if (strcmp(account, co_conf_str(conf, "account"))) return -1;
  if (strlen(real) < 240)
    snprintf(key, sizeof(key), "import:%s", real);
  else
    snprintf(key, sizeof(key), "import:xxh64:%016llx", (unsigned long long)XXH64(real, strlen(real), 0));
  return co_rt_cursor(rt, key);
}

static void co_pl_imp_batch_clear(co_pl_imp_t *im) {
  for (int i = 0; i < im->cnt; i++) {
    free(im->vals[i]);
    free(im->dlqs[i]);
    im->vals[i] = NULL;
    im->dlqs[i] = NULL;
  }
  im->cnt = 0;
}

/* Writes the batch and the cursor (= messages handled so far) atomically. */
static co_err_t co_pl_imp_flush(co_pl_imp_t *im, char *errstr, size_t sz) {
  if (!im->cnt) return CO_OK;
  co_err_t err = co_pipeline_sink_append(im->sink, im->raw_topic, im->msgs, im->cnt, (int64_t)im->handled, errstr, sz);
  if (!err)
    for (int i = 0; i < im->cnt; i++) {
      if (im->dlqs[i])
        im->failed++;
      else
        im->imported++;
    }
  co_pl_imp_batch_clear(im);
  return err;
}

static co_err_t co_pl_imp_add_event(co_pl_imp_t *im, char *json) {
  int i = im->cnt++;
  im->vals[i] = json;
  im->msgs[i] =
      (co_rt_msg_t){.key = im->account, .key_len = strlen(im->account), .value = json, .value_len = strlen(json)};
  return CO_OK;
}

/* Queues raw bytes for the DLQ with the cause. */
static co_err_t co_pl_imp_add_dlq(co_pl_imp_t *im, const char *cls, const char *cause, const co_ingest_msg_t *m, char *errstr,
                               size_t sz) {
  co_pl_imp_dlq_t *d = calloc(1, sizeof(*d));
  void *raw = malloc(m && m->len ? m->len : 1);
  if (!d || !raw) {
    free(d);
    free(raw);
    return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  }
  if (m && m->len) memcpy(raw, m->data, m->len);
  snprintf(d->att, sizeof(d->att), "1");
  snprintf(d->seen, sizeof(d->seen), "%lld", (long long)co_time_wall_ms());
  snprintf(d->off, sizeof(d->off), "%llu", m ? (unsigned long long)m->offset : 0ULL);
  snprintf(d->path, sizeof(d->path), "%s", m && m->path ? m->path : "");
  snprintf(d->msg, sizeof(d->msg), "%s", cause);
  int n = 0;
#define CO_H(nm, v) d->h[n++] = (co_hdr_t){nm, v, strlen(v)}
  CO_H("co.dlq.source.topic", "import");
  CO_H("co.dlq.source.offset", d->off);
  CO_H("co.dlq.source.path", d->path);
  CO_H("co.dlq.processor", "import");
  CO_H("co.dlq.error.class", cls);
  CO_H("co.dlq.error.message", d->msg);
  CO_H("co.dlq.attempts", d->att);
  CO_H("co.dlq.first.seen.ms", d->seen);
  CO_H("co.dlq.import.cursor", im->cursor_key); /* an unreadable file is retried by the next import */
#undef CO_H
  int i = im->cnt++;
  im->vals[i] = raw;
  im->dlqs[i] = d;
  im->msgs[i] = (co_rt_msg_t){.key = im->account,
                              .key_len = strlen(im->account),
                              .value = raw,
                              .value_len = m ? m->len : 0,
                              .hdrs = d->h,
                              .hdr_cnt = n,
                              .topic = im->dlq_topic};
  return CO_OK;
}

static void co_pl_imp_progress(co_pl_imp_t *im, uint64_t pos, int final) {
  if (!im->progress) return;
  int64_t now = co_time_mono_ms();
  if (!final && now - im->last_print < 250) return;
  im->last_print = now;
  co_pipeline_import_progress_t pr = {.imported = im->imported + im->failed + (uint64_t)im->cnt,
                                      .skipped = im->skipped,
                                      .pos = pos,
                                      .total_bytes = im->total_bytes,
                                      .final = final};
  im->progress(im->opaque, &pr);
}

/* Opens the right reader for path and sets *kind and *size. */
static co_err_t co_pl_imp_open(const char *path, co_ingest_reader_t **r, const char **kind, uint64_t *size, char *errstr,
                            size_t sz) {
  struct stat st, sub;
  char p[PATH_MAX + 8];
  if (stat(path, &st)) return co_seterr(errstr, sz, CO_ERR_IO, "cannot open %s: %s", path, strerror(errno));
  if (S_ISREG(st.st_mode)) {
    *kind = "mbox";
    *size = (uint64_t)st.st_size;
    return co_ingest_mbox_open(path, 0, r, errstr, sz);
  }
  if (!S_ISDIR(st.st_mode)) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "%s is not a file or directory", path);
  snprintf(p, sizeof(p), "%s/cur", path);
  int is_maildir = !stat(p, &sub) && S_ISDIR(sub.st_mode);
  snprintf(p, sizeof(p), "%s/new", path);
  is_maildir |= !stat(p, &sub) && S_ISDIR(sub.st_mode);
  *size = 0;
  *kind = is_maildir ? "maildir" : "eml";
  return is_maildir ? co_ingest_maildir_open(path, r, errstr, sz) : co_ingest_emldir_open(path, r, errstr, sz);
}

static co_err_t co_pl_imp_run(co_pl_imp_t *im, co_ingest_reader_t *r, int64_t done, size_t max_body, char *errstr,
                           size_t sz) {
  co_err_t err = CO_OK;
  co_ingest_msg_t m;
  char cause[512];
  for (;;) {
    co_err_t e = co_ingest_reader_next(r, &m, cause, sizeof(cause));
    if (e == CO_ERR_NOT_FOUND) break;
    if (e && e != CO_ERR_IO) return co_seterr(errstr, sz, e, "%s", cause);
    im->handled++;
    if ((int64_t)im->handled <= done) {
      im->skipped++;
      continue;
    }
    if (e == CO_ERR_IO) {
      /* An unreadable file: the cause and its path; the next import (or
       * `dlq replay`) reads it again. */
      if ((err = co_pl_imp_add_dlq(im, "io", cause, &m, errstr, sz))) return err;
    } else {
      char *cur = co_ingest_cursor_file(m.path, m.offset), *json = NULL;
      if (!cur) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      co_ingest_src_t src = {.account = im->account, .cursor_json = cur, .max_body_bytes = max_body};
      e = co_ingest_normalize(m.data, m.len, &src, &json, cause, sizeof(cause));
      free(cur);
      if (e == CO_ERR_PARSE)
        err = co_pl_imp_add_dlq(im, "parse", cause, &m, errstr, sz);
      else if (e)
        return co_seterr(errstr, sz, e, "message at %s offset %llu: %s", m.path, (unsigned long long)m.offset, cause);
      else
        err = co_pl_imp_add_event(im, json);
      if (err) return err;
    }
    if (im->cnt == CO_PL_IMPORT_BATCH && (err = co_pl_imp_flush(im, errstr, sz))) return err;
    co_pl_imp_progress(im, e ? 0 : m.offset, 0);
  }
  return co_pl_imp_flush(im, errstr, sz);
}

co_err_t co_pipeline_import_path(const co_conf_t *conf, co_rt_t *rt, const char *real, const char *account,
                                 co_pipeline_import_progress_fn progress, void *opaque,
                                 co_pipeline_import_result_t *res, char *errstr, size_t sz) {
  char key[320];
  const char *kind = "";
  co_ingest_reader_t *r = NULL;
  co_pl_imp_t im;
  co_err_t err;
  memset(&im, 0, sizeof(im));
  memset(res, 0, sizeof(*res));
  im.account = account && *account ? account : co_conf_str(conf, "account");
  im.rt = rt;
  im.progress = progress;
  im.opaque = opaque;
  /* One cursor per account and source identity (co_pipeline_import_key). */
  if ((err = co_pipeline_import_key("import", im.account, real, key, sizeof(key), errstr, sz))) return err;
  if ((err = co_pl_imp_open(real, &r, &kind, &im.total_bytes, errstr, sz))) return err;
  snprintf(res->kind, sizeof(res->kind), "%s", kind);
  if (!(im.sink = co_pipeline_sink_open(conf, rt, key, errstr, sz))) {
    co_ingest_reader_close(r);
    return CO_ERR_IO;
  }
  int64_t done = co_pipeline_sink_cursor(im.sink);
  if (done < 0 && rt) done = co_pl_imp_legacy_cursor(conf, rt, real, im.account);
  im.raw_topic = co_conf_str(conf, "topic.raw");
  im.dlq_topic = co_conf_str(conf, "topic.dlq");
  im.cursor_key = key;
  /* Files this import could not read before are read again first. */
  co_dlq_replay_stats_t rs;
  co_dlq_set_reread(co_pipeline_import_reread);
  if (!(err = co_dlq_replay_ex(conf, rt, NULL, key, &rs, errstr, sz))) {
    im.imported += (uint64_t)rs.appended;
    res->reread = rs.appended;
    res->still_unreadable = rs.unreadable;
    snprintf(res->first_error, sizeof(res->first_error), "%s", rs.first_error);
    im.last_print = co_time_mono_ms();
    err = co_pl_imp_run(&im, r, done, (size_t)co_conf_int(conf, "ingest.max.body.bytes"), errstr, sz);
    co_pl_imp_progress(&im, err ? 0 : im.total_bytes, 1);
  }
  /* Whole batches written before a failure stay; a re-run continues after them. */
  res->imported = im.imported;
  res->skipped = im.skipped;
  res->failed = im.failed;
  co_pl_imp_batch_clear(&im);
  co_ingest_reader_close(r);
  co_pipeline_sink_close(im.sink);
  return err;
}
