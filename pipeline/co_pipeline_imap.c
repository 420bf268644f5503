/* co_pipeline_imap.c: IMAP → topic.raw, exactly once, on its own thread.
 *
 * The thread loops: sync from the committed cursor, then IDLE (bounded
 * waits, so a stop is seen within CO_PL_IMAP_WAIT_MS). Each message is
 * normalized here, like the mbox importer does, and batches of records go
 * to the local log together with the cursor (uidvalidity << 32 | uid) in
 * one atomic co_rt_append: a crash replays nothing that was committed and
 * loses nothing that was not. Messages ingest refuses are appended raw with
 * a co.ingest.error header; the classify processor turns them into DLQ
 * records with the cause (the importer's convention, one DLQ path).
 * A UIDVALIDITY change re-reads the folder; the re-appended events carry
 * the same dedupe keys and the classify processor's dedupe store drops
 * them. The cursor key names user and URL, never the password. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_ingest.h"
#include "co_ingest_imap.h"
#include "co_log.h"
#include "co_pipeline_int.h"

#define CO_PL_IMAP_BATCH 64
#define CO_PL_IMAP_WAIT_MS 500

struct co_pipeline_imap_s {
  co_pipeline_t *p;
  co_ingest_imap_t *src;
  char *ckey, *account;
  size_t max_body;
  pthread_t thr;
  int started;
  atomic_int stop;
  atomic_llong appended, malformed, syncs;
  /* the batch being built during a sync (thread-private) */
  co_rt_msg_t msgs[CO_PL_IMAP_BATCH];
  char *vals[CO_PL_IMAP_BATCH], *errs[CO_PL_IMAP_BATCH];
  co_hdr_t hdrs[CO_PL_IMAP_BATCH];
  int cnt;
  int64_t batch_cursor;
  co_err_t cb_err;
  char cb_errstr[512];
};

static void batch_clear(co_pipeline_imap_t *im) {
  for (int i = 0; i < im->cnt; i++) {
    free(im->vals[i]);
    free(im->errs[i]);
  }
  im->cnt = 0;
}

static co_err_t batch_flush(co_pipeline_imap_t *im) {
  if (!im->cnt) return CO_OK;
  co_err_t err = co_rt_append(im->p->rt, im->p->t_raw, im->msgs, im->cnt, im->ckey, im->batch_cursor,
                              im->cb_errstr, sizeof(im->cb_errstr));
  if (!err) {
    atomic_fetch_add(&im->appended, im->cnt);
    CO_DEBUG("pipeline", "imap: committed %d record(s) up to uid %u", im->cnt,
             (unsigned)(im->batch_cursor & 0xffffffff));
  }
  batch_clear(im);
  return err;
}

/* Returns non-zero to stop the sync before this message (it stays
 * uncommitted and is fetched again next time). */
static int on_message(const char *raw, size_t len, uint32_t uidvalidity, uint32_t uid, void *opaque) {
  co_pipeline_imap_t *im = opaque;
  char cur[96], ierr[512], *json = NULL;
  if (atomic_load(&im->stop)) return 1;
  snprintf(cur, sizeof(cur), "{\"kind\":\"imap\",\"uidvalidity\":%u,\"uid\":%u}", uidvalidity, uid);
  co_ingest_src_t s = {.account = im->account, .cursor_json = cur, .max_body_bytes = im->max_body};
  co_err_t ie = co_ingest_normalize(raw, len, &s, &json, ierr, sizeof(ierr));
  int i = im->cnt;
  im->errs[i] = NULL;
  if (ie == CO_OK) {
    im->vals[i] = json;
    im->msgs[i] = (co_rt_msg_t){im->account, strlen(im->account), json, strlen(json), NULL, 0, NULL};
  } else if (ie == CO_ERR_PARSE) {
    im->vals[i] = malloc(len ? len : 1);
    im->errs[i] = strdup(ierr);
    if (!im->vals[i] || !im->errs[i]) {
      free(im->vals[i]);
      free(im->errs[i]);
      im->cb_err = co_seterr(im->cb_errstr, sizeof(im->cb_errstr), CO_ERR_NOMEM, "imap: out of memory");
      return 1;
    }
    memcpy(im->vals[i], raw, len);
    im->hdrs[i] = (co_hdr_t){CO_PL_HDR_INGEST_ERROR, im->errs[i], strlen(im->errs[i])};
    im->msgs[i] = (co_rt_msg_t){im->account, strlen(im->account), im->vals[i], len, &im->hdrs[i], 1, NULL};
    atomic_fetch_add(&im->malformed, 1);
    CO_WARN("pipeline", "imap uid %u: %s (sent to the DLQ)", uid, ierr);
  } else {
    im->cb_err = co_seterr(im->cb_errstr, sizeof(im->cb_errstr), ie, "imap uid %u: %s", uid, ierr);
    return 1;
  }
  im->cnt++;
  im->batch_cursor = ((int64_t)uidvalidity << 32) | uid;
  if (im->cnt == CO_PL_IMAP_BATCH && (im->cb_err = batch_flush(im))) return 1;
  return 0;
}

/* One sync from the committed cursor; appends everything it delivered. */
static co_err_t sync_once(co_pipeline_imap_t *im, co_ingest_imap_sync_stats_t *stats, char *errstr,
                          size_t errstr_size) {
  int64_t c = co_rt_cursor(im->p->rt, im->ckey);
  co_ingest_imap_cursor_t from = {0, 0}, to;
  if (c > 0) from = (co_ingest_imap_cursor_t){(uint32_t)((uint64_t)c >> 32), (uint32_t)(c & 0xffffffff)};
  im->cb_err = CO_OK;
  co_err_t err = co_ingest_imap_sync(im->src, &from, on_message, im, &to, stats, errstr, errstr_size);
  /* what the callbacks accepted is committed even if the sync failed later */
  co_err_t ferr = im->cb_err ? im->cb_err : batch_flush(im);
  batch_clear(im);
  atomic_fetch_add(&im->syncs, 1);
  if (ferr) return co_seterr(errstr, errstr_size, ferr, "%s", im->cb_errstr);
  return err;
}

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A failed sync is retried (1 s doubling to 30 s) even without news: the
 * failure may have left messages behind that no new EXISTS will announce. */
static void *imap_thread(void *arg) {
  co_pipeline_imap_t *im = arg;
  char errstr[512];
  int need_sync = 1;
  int64_t retry_at = -1, backoff = 1000;
  while (!atomic_load(&im->stop)) {
    if (retry_at >= 0 && now_ms() >= retry_at) need_sync = 1;
    if (need_sync) {
      co_ingest_imap_sync_stats_t st = {0};
      co_err_t err = sync_once(im, &st, errstr, sizeof(errstr));
      need_sync = 0;
      if (err) {
        CO_WARN("pipeline", "imap sync: %s (retrying in %lld ms)", errstr, (long long)backoff);
        retry_at = now_ms() + backoff;
        backoff = backoff * 2 > 30000 ? 30000 : backoff * 2;
      } else {
        retry_at = -1;
        backoff = 1000;
        if (st.delivered)
          CO_INFO("pipeline", "imap: appended %zu message(s)%s", st.delivered,
                  st.resync ? " (UIDVALIDITY resync)" : "");
      }
    }
    co_err_t w = co_ingest_imap_wait(im->src, CO_PL_IMAP_WAIT_MS, errstr, sizeof(errstr));
    if (w == CO_OK) need_sync = 1;
    else if (w != CO_ERR_TIMEOUT) CO_WARN("pipeline", "imap wait: %s", errstr);
  }
  return NULL;
}

co_pipeline_imap_t *co_pipeline_imap_new(co_pipeline_t *p, const co_conf_t *conf, char *errstr, size_t errstr_size) {
  co_pipeline_imap_t *im = NULL;
  char *base = NULL, *folder = NULL;
  if (!co_rt_embedded(p->rt)) {
    co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "imap: the IMAP thread runs in embedded mode only");
    return NULL;
  }
  const char *url = co_conf_str(conf, "imap.url"), *user = co_conf_str(conf, "imap.user");
  const char *pw = co_conf_str(conf, "imap.password"), *tok = co_conf_str(conf, "imap.oauth.token");
  /* imap.url may name the folder (imaps://host/INBOX): split it off */
  const char *hs = strstr(url, "://");
  const char *slash = hs ? strchr(hs + 3, '/') : NULL;
  if (!(im = calloc(1, sizeof(*im)))) goto nomem;
  im->p = p;
  atomic_init(&im->stop, 0);
  atomic_init(&im->appended, 0);
  atomic_init(&im->malformed, 0);
  atomic_init(&im->syncs, 0);
  if (!(base = slash ? strndup(url, (size_t)(slash - url) + 1) : NULL)) {
    if (!(base = malloc(strlen(url) + 2))) goto nomem;
    sprintf(base, "%s/", url);
  }
  if (slash && slash[1] && !(folder = strdup(slash + 1))) goto nomem;
  if (folder && folder[strlen(folder) - 1] == '/') folder[strlen(folder) - 1] = '\0';
  co_ingest_imap_conf_t ic = {.url = base,
                              .user = user,
                              .password = *pw ? pw : NULL,
                              .oauth_token = *tok ? tok : NULL,
                              .folder = folder && *folder ? folder : NULL,
                              .account = co_conf_str(conf, "account"),
                              .poll_interval_ms = (int)co_conf_int(conf, "imap.poll.s") * 1000};
  if (!(im->src = co_ingest_imap_new(&ic, errstr, errstr_size))) goto err;
  size_t n = strlen(user) + strlen(url) + 8;
  if (!(im->ckey = malloc(n)) || !(im->account = strdup(co_conf_str(conf, "account")))) goto nomem;
  snprintf(im->ckey, n, "imap:%s@%s", user, url);
  im->max_body = (size_t)co_conf_int(conf, "ingest.max.body.bytes");
  free(base);
  free(folder);
  return im;
nomem:
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "imap: out of memory");
err:
  free(base);
  free(folder);
  co_pipeline_imap_destroy(im);
  return NULL;
}

co_err_t co_pipeline_imap_sync(co_pipeline_imap_t *im, int64_t *delivered, char *errstr, size_t errstr_size) {
  co_ingest_imap_sync_stats_t st = {0};
  co_err_t err = sync_once(im, &st, errstr, errstr_size);
  if (delivered) *delivered = (int64_t)st.delivered;
  return err;
}

co_err_t co_pipeline_imap_start(co_pipeline_imap_t *im, char *errstr, size_t errstr_size) {
  if (im->started) return CO_OK;
  int rc = pthread_create(&im->thr, NULL, imap_thread, im);
  if (rc) return co_seterr(errstr, errstr_size, CO_ERR_IO, "imap: cannot start thread: %s", strerror(rc));
  im->started = 1;
  CO_LOGKV(CO_LOG_INFO, "pipeline", "imap thread started", "account", im->account);
  return CO_OK;
}

void co_pipeline_imap_stop(co_pipeline_imap_t *im) {
  if (im) atomic_store(&im->stop, 1);
}

void co_pipeline_imap_stats(co_pipeline_imap_t *im, co_pipeline_imap_stats_t *out) {
  out->appended = atomic_load(&im->appended);
  out->malformed = atomic_load(&im->malformed);
  out->syncs = atomic_load(&im->syncs);
}

void co_pipeline_imap_destroy(co_pipeline_imap_t *im) {
  if (!im) return;
  atomic_store(&im->stop, 1);
  if (im->started) pthread_join(im->thr, NULL);
  batch_clear(im);
  co_ingest_imap_destroy(im->src);
  free(im->ckey);
  free(im->account);
  free(im);
}
