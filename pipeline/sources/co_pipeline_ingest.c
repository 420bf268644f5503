/* co_pipeline_ingest.c: a set of mail sources, one thread each, feeding
 * topic.raw through their own sink (co_pipeline_ingest.h).
 *
 * A source is one IMAP folder of one account, or one Gmail account. Each
 * has its own connection, thread, cursor key and sink, so a slow or broken
 * account never holds up another, and in Kafka mode each source's
 * transactional.id fences only an older writer of that same source.
 *
 * Messages are normalized here (the importer's convention): records the
 * ingest library refuses are appended raw with a co.ingest.error header, and
 * the classify processor sends them to the DLQ with the cause.
 *
 * Cursors. IMAP: (uidvalidity << 32) | uid, committed with every batch of
 * 64, so a crash mid-sync replays nothing committed. Gmail: the historyId
 * is a mailbox-wide position, known to be complete only when a sync ends;
 * mid-sync batches are committed with the previous cursor and the last one
 * with the new historyId, so a crash mid-sync re-delivers that sync's
 * messages (same Message-ID: the dedupe store drops them).
 *
 * A source whose sync or sink fails closes its sink (a fenced or broken
 * Kafka producer never recovers; reopening re-reads the committed cursor)
 * and retries after a backoff of 1 s doubling to 30 s. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_ingest.h"
#include "co_ingest_gmail.h"
#include "co_ingest_imap.h"
#include "co_log.h"
#include "co_pipeline_ingest_int.h"
#include "co_time.h"

#define CO_PL_SRC_WAIT_MS 500

static void batch_clear(co_pl_src_t *s) {
  for (int i = 0; i < s->cnt; i++) {
    free(s->vals[i]);
    free(s->errs[i]);
  }
  s->cnt = 0;
}

static co_err_t sink_ready(co_pl_src_t *s, char *errstr, size_t sz) {
  if (s->sink) return CO_OK;
  s->sink = co_pipeline_sink_open(s->ing->conf, s->ing->rt, s->ckey, errstr, sz);
  return s->sink ? CO_OK : CO_ERR_KAFKA;
}

static co_err_t batch_flush(co_pl_src_t *s, int64_t cursor) {
  if (!s->cnt) return CO_OK;
  co_err_t err = co_pipeline_sink_append(s->sink, s->ing->topic, s->msgs, s->cnt, cursor, s->cb_errstr,
                                         sizeof(s->cb_errstr));
  if (!err) {
    atomic_fetch_add(&s->appended, s->cnt);
    CO_DEBUG("pipeline", "%s: committed %d record(s) up to %s %lld", s->kind == CO_INGEST_ACCT_IMAP ? "imap" : "gmail",
             s->cnt, s->kind == CO_INGEST_ACCT_IMAP ? "uid" : "cursor",
             (long long)(s->kind == CO_INGEST_ACCT_IMAP ? (cursor & 0xffffffff) : cursor));
  }
  batch_clear(s);
  return err;
}

/* Normalizes one message into the batch; 0 or an error (cb_err set). */
static int add_message(co_pl_src_t *s, const char *raw, size_t len, const char *cur, const char *where) {
  char ierr[512], *json = NULL;
  co_ingest_src_t is = {.account = s->account, .cursor_json = cur, .max_body_bytes = s->ing->max_body};
  co_err_t ie = co_ingest_normalize(raw, len, &is, &json, ierr, sizeof(ierr));
  int i = s->cnt;
  size_t alen = strlen(s->account);
  s->errs[i] = NULL;
  if (ie == CO_OK) {
    s->vals[i] = json;
    s->msgs[i] = (co_rt_msg_t){s->account, alen, json, strlen(json), NULL, 0, NULL};
  } else if (ie == CO_ERR_PARSE) {
    s->vals[i] = malloc(len ? len : 1);
    s->errs[i] = strdup(ierr);
    if (!s->vals[i] || !s->errs[i]) {
      free(s->vals[i]);
      free(s->errs[i]);
      s->cb_err = co_seterr(s->cb_errstr, sizeof(s->cb_errstr), CO_ERR_NOMEM, "out of memory");
      return 1;
    }
    memcpy(s->vals[i], raw, len);
    s->hdrs[i] = (co_hdr_t){CO_PL_HDR_INGEST_ERROR, s->errs[i], strlen(s->errs[i])};
    s->msgs[i] = (co_rt_msg_t){s->account, alen, s->vals[i], len, &s->hdrs[i], 1, NULL};
    atomic_fetch_add(&s->malformed, 1);
    CO_WARN("pipeline", "%s %s: %s (sent to the DLQ)", s->label, where, ierr);
  } else {
    s->cb_err = co_seterr(s->cb_errstr, sizeof(s->cb_errstr), ie, "%s %s: %s", s->label, where, ierr);
    return 1;
  }
  s->cnt++;
  return 0;
}

static int on_imap(const char *raw, size_t len, uint32_t uidvalidity, uint32_t uid, void *opaque) {
  co_pl_src_t *s = opaque;
  char cur[96], where[32];
  if (atomic_load(&s->ing->stop)) return 1;
  snprintf(cur, sizeof(cur), "{\"kind\":\"imap\",\"uidvalidity\":%u,\"uid\":%u}", uidvalidity, uid);
  snprintf(where, sizeof(where), "uid %u", uid);
  if (add_message(s, raw, len, cur, where)) return 1;
  s->batch_cursor = ((int64_t)uidvalidity << 32) | uid;
  if (s->cnt == CO_PL_SRC_BATCH && (s->cb_err = batch_flush(s, s->batch_cursor))) return 1;
  return 0;
}

static int on_gmail(const char *raw, size_t len, const char *id, uint64_t history_id, void *opaque) {
  co_pl_src_t *s = opaque;
  char cur[160], where[96];
  if (atomic_load(&s->ing->stop)) return 1;
  snprintf(cur, sizeof(cur), "{\"kind\":\"gmail\",\"id\":\"%.64s\",\"history_id\":%llu}", id,
           (unsigned long long)history_id);
  snprintf(where, sizeof(where), "message %.64s", id);
  if (add_message(s, raw, len, cur, where)) return 1;
  /* mid-sync, the position is not complete yet: keep the committed one */
  if (s->cnt == CO_PL_SRC_BATCH && (s->cb_err = batch_flush(s, co_pipeline_sink_cursor(s->sink)))) return 1;
  return 0;
}

/* One sync from the committed cursor; commits everything it delivered. */
static co_err_t sync_once(co_pl_src_t *s, int64_t *delivered, char *errstr, size_t sz) {
  co_err_t err, ferr = CO_OK;
  int64_t before = atomic_load(&s->appended);
  if ((err = sink_ready(s, errstr, sz))) goto out;
  int64_t c = co_pipeline_sink_cursor(s->sink);
  s->cb_err = CO_OK;
  if (s->kind == CO_INGEST_ACCT_IMAP) {
    co_ingest_imap_cursor_t from = {0, 0}, to;
    co_ingest_imap_sync_stats_t st = {0};
    if (c > 0) from = (co_ingest_imap_cursor_t){(uint32_t)((uint64_t)c >> 32), (uint32_t)(c & 0xffffffff)};
    err = co_ingest_imap_sync(s->imap, &from, on_imap, s, &to, &st, errstr, sz);
    /* what the callbacks accepted is committed even if the sync failed later */
    ferr = s->cb_err ? s->cb_err : batch_flush(s, s->batch_cursor);
    if (!err && !ferr && st.delivered)
      CO_INFO("pipeline", "imap: appended %zu message(s)%s (%s)", st.delivered,
              st.resync ? " (UIDVALIDITY resync)" : "", s->label);
  } else {
    co_ingest_gmail_cursor_t from = {c > 0 ? (uint64_t)c : 0}, to = from;
    co_ingest_gmail_sync_stats_t st = {0};
    err = co_ingest_gmail_sync(s->gmail, &from, on_gmail, s, &to, &st, errstr, sz);
    if (s->cb_err) {
      ferr = s->cb_err;
    } else {
      int64_t nc = (int64_t)to.history_id;
      /* nothing new but a newer position: commit the position alone */
      if (!s->cnt && nc != c && nc > 0) {
        if ((ferr = co_pipeline_sink_append(s->sink, s->ing->topic, NULL, 0, nc, s->cb_errstr,
                                            sizeof(s->cb_errstr))) == CO_OK)
          CO_DEBUG("pipeline", "gmail: cursor %lld (%s)", (long long)nc, s->label);
      } else {
        ferr = batch_flush(s, nc > 0 ? nc : c);
      }
    }
    if (!err && !ferr && st.delivered)
      CO_INFO("pipeline", "gmail: appended %zu message(s)%s (%s)", st.delivered,
              st.history_expired ? " (history expired: full sync)" : "", s->label);
  }
  batch_clear(s);
  if (ferr) {
    err = co_seterr(errstr, sz, ferr, "%s", s->cb_errstr);
    /* a failed append may leave a Kafka producer fenced or mid-abort:
     * reopen next time, reading back the committed cursor */
    co_pipeline_sink_close(s->sink);
    s->sink = NULL;
  }
out:
  atomic_fetch_add(&s->syncs, 1);
  if (err) atomic_fetch_add(&s->errors, 1);
  if (delivered) *delivered = atomic_load(&s->appended) - before;
  return err;
}

static void *src_thread(void *arg) {
  co_pl_src_t *s = arg;
  co_pipeline_ingest_t *ing = s->ing;
  char errstr[512];
  int need_sync = 1;
  int64_t retry_at = -1, backoff = 1000, next_poll = 0;
  while (!atomic_load(&ing->stop)) {
    if (retry_at >= 0 && co_time_mono_ms() >= retry_at) need_sync = 1;
    if (s->kind == CO_INGEST_ACCT_GMAIL && co_time_mono_ms() >= next_poll) need_sync = 1;
    if (need_sync) {
      co_err_t err = sync_once(s, NULL, errstr, sizeof(errstr));
      need_sync = 0;
      next_poll = co_time_mono_ms() + s->poll_ms;
      if (err) {
        CO_WARN("pipeline", "%s sync: %s (retrying in %lld ms)", s->label, errstr, (long long)backoff);
        retry_at = co_time_mono_ms() + backoff;
        backoff = backoff * 2 > 30000 ? 30000 : backoff * 2;
      } else {
        retry_at = -1;
        backoff = 1000;
      }
    }
    if (s->kind == CO_INGEST_ACCT_IMAP) {
      co_err_t w = co_ingest_imap_wait(s->imap, CO_PL_SRC_WAIT_MS, errstr, sizeof(errstr));
      if (w == CO_OK) need_sync = 1;
      else if (w != CO_ERR_TIMEOUT) CO_WARN("pipeline", "%s wait: %s", s->label, errstr);
      if (w != CO_OK && !co_ingest_imap_connected(s->imap)) atomic_fetch_add(&s->down_waits, 1);
    } else {
      struct timespec ts = {0, CO_PL_SRC_WAIT_MS * 1000000L};
      nanosleep(&ts, NULL);
    }
  }
  return NULL;
}

int co_pipeline_ingest_count(const co_pipeline_ingest_t *ing) { return ing->cnt; }

co_err_t co_pipeline_ingest_sync(co_pipeline_ingest_t *ing, int64_t *appended, char *errstr, size_t sz) {
  co_err_t err = CO_OK;
  int64_t total = 0;
  for (int i = 0; i < ing->cnt && !err; i++) {
    int64_t n = 0;
    err = sync_once(&ing->src[i], &n, errstr, sz);
    total += n;
  }
  if (appended) *appended = total;
  return err;
}

co_err_t co_pipeline_ingest_start(co_pipeline_ingest_t *ing, char *errstr, size_t sz) {
  for (int i = 0; i < ing->cnt; i++) {
    co_pl_src_t *s = &ing->src[i];
    if (s->started) continue;
    int rc = pthread_create(&s->thr, NULL, src_thread, s);
    if (rc) return co_seterr(errstr, sz, CO_ERR_IO, "%s: cannot start thread: %s", s->label, strerror(rc));
    s->started = 1;
    CO_LOGKV(CO_LOG_INFO, "pipeline", "source thread started", "source", s->label, "account", s->account);
  }
  return CO_OK;
}

void co_pipeline_ingest_stop(co_pipeline_ingest_t *ing) {
  if (ing) atomic_store(&ing->stop, 1);
}

void co_pipeline_ingest_stats(co_pipeline_ingest_t *ing, co_pipeline_ingest_stats_t *out) {
  memset(out, 0, sizeof(*out));
  for (int i = 0; i < ing->cnt; i++) {
    co_pl_src_t *s = &ing->src[i];
    int64_t a = atomic_load(&s->appended);
    out->appended += a;
    out->malformed += atomic_load(&s->malformed);
    out->syncs += atomic_load(&s->syncs);
    out->errors += atomic_load(&s->errors);
    out->down_waits += atomic_load(&s->down_waits);
    if (s->kind == CO_INGEST_ACCT_IMAP) out->imap_appended += a;
    else out->gmail_appended += a;
  }
}

void co_pipeline_ingest_destroy(co_pipeline_ingest_t *ing) {
  if (!ing) return;
  atomic_store(&ing->stop, 1);
  for (int i = 0; i < ing->cnt; i++)
    if (ing->src[i].started) pthread_join(ing->src[i].thr, NULL);
  for (int i = 0; i < ing->cnt; i++) {
    co_pl_src_t *s = &ing->src[i];
    batch_clear(s);
    co_ingest_imap_destroy(s->imap);
    co_ingest_gmail_destroy(s->gmail);
    co_pipeline_sink_close(s->sink);
    free(s->ckey);
    free(s->account);
    free(s->label);
  }
  free(ing->src);
  free(ing);
}
