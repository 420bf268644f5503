/* co_ingest_imap_idle.c: waiting for new mail.
 *
 * "New mail" means the folder's message count (EXISTS) rose above what the
 * last sync's EXAMINE saw, or the folder's UIDVALIDITY differs from the last
 * sync's. Counting from the sync, not from the start of the wait, means a
 * message that arrived while the sync ran (and that its SEARCH may have
 * missed) still wakes the caller; at worst it costs one empty sync.
 *
 * With IDLE (RFC 2177) the server pushes "* N EXISTS"; IDLE is re-issued
 * every 25 minutes, inside the 30-minute limit servers apply. Without it (or
 * with no_idle) a NOOP every poll interval makes the server report the same.
 * A dropped connection is reopened with exponential backoff (0.25 s doubling
 * to 30 s) for as long as the caller's timeout allows. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "co_ingest_imap_int.h"
#include "co_log.h"
#include "co_time.h"

#define IDLE_RENEW_MS (25 * 60 * 1000)
#define BACKOFF_MIN_MS 250
#define BACKOFF_MAX_MS 30000

static int has_news(const co_ingest_imap_t *src) {
  return src->exists > src->synced_exists || src->uidvalidity != src->synced_uidvalidity;
}

static void sleep_ms(int64_t ms) {
  struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

/* Ends an IDLE: DONE, then read up to its tagged completion. */
static co_err_t idle_done(co_ingest_imap_t *src, unsigned tag, char *errstr, size_t errstr_size) {
  co_imap_unit_t u;
  co_err_t err, done;
  int64_t deadline = co_time_mono_ms() + src->io_ms;
  if ((err = co_imap_send_raw(src, "DONE\r\n", 6, errstr, errstr_size))) return err;
  for (;;) {
    if ((err = co_imap_read_unit(src, deadline, &u, errstr, errstr_size))) goto err;
    if (co_imap_is_done(src, &u, tag, "IDLE", &done, errstr, errstr_size)) return done;
    co_imap_note_untagged(src, &u);
  }
err:
  co_imap_disconnect(src);
  return err;
}

/* One IDLE until news or until_ms. */
static co_err_t idle_once(co_ingest_imap_t *src, int64_t until_ms, char *errstr, size_t errstr_size) {
  co_imap_unit_t u;
  unsigned tag;
  co_err_t err, done;
  int idling = 0;
  if ((err = co_imap_send_cmd(src, "IDLE", &tag, errstr, errstr_size))) return err;
  for (;;) {
    /* before the "+" the server owes a prompt answer; after it, silence is
     * the normal case and lasts until news or our deadline */
    int64_t deadline = idling ? until_ms : co_time_mono_ms() + src->io_ms;
    err = co_imap_read_unit(src, deadline, &u, errstr, errstr_size);
    if (err == CO_ERR_TIMEOUT && idling) return idle_done(src, tag, errstr, errstr_size);
    if (err) goto err;
    if (co_imap_is_done(src, &u, tag, "IDLE", &done, errstr, errstr_size)) {
      /* the server refused IDLE after all: poll from now on */
      if (done != CO_OK) src->has_idle = 0;
      return CO_OK;
    }
    if (u.text[0] == '+') {
      idling = 1;
      CO_LOGKV(CO_LOG_DEBUG, "ingest", "imap idling", "account", src->account, "folder", src->folder);
    } else {
      co_imap_note_untagged(src, &u);
    }
    if (idling && has_news(src)) return idle_done(src, tag, errstr, errstr_size);
  }
err:
  co_imap_disconnect(src);
  return err;
}

/* Waits one poll interval (bounded by until_ms), then NOOP. */
static co_err_t poll_once(co_ingest_imap_t *src, int64_t until_ms, char *errstr, size_t errstr_size) {
  int64_t now = co_time_mono_ms(), at = now + src->poll_ms;
  if (at > until_ms) at = until_ms;
  if (at > now) sleep_ms(at - now);
  return co_imap_cmd(src, "NOOP", NULL, NULL, errstr, errstr_size);
}

co_err_t co_ingest_imap_wait(co_ingest_imap_t *src, int timeout_ms, char *errstr, size_t errstr_size) {
  int64_t deadline = co_time_mono_ms() + (timeout_ms > 0 ? timeout_ms : 0);
  char last[512] = "";
  co_err_t err;
  for (;;) {
    if (!src->connected || !src->selected) {
      if (!(err = co_imap_connect(src, last, sizeof(last)))) err = co_imap_examine(src, last, sizeof(last));
      if (err == CO_ERR_CONFIG || err == CO_ERR_NOT_FOUND || err == CO_ERR_NOMEM)
        return co_seterr(errstr, errstr_size, err, "%s", last); /* retrying will not help */
      if (err) {
        int64_t delay = src->backoff_ms ? src->backoff_ms : BACKOFF_MIN_MS, left = deadline - co_time_mono_ms();
        CO_LOGKV(CO_LOG_WARN, "ingest", "imap connection failed; retrying", "account", src->account, "error", last);
        src->backoff_ms = (int)(delay * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : delay * 2);
        if (left <= 0) break;
        sleep_ms(delay < left ? delay : left);
        continue;
      }
      src->backoff_ms = 0;
    }
    if (has_news(src)) return CO_OK;
    int64_t now = co_time_mono_ms();
    if (now >= deadline) break;
    if (src->has_idle && !src->no_idle) {
      int64_t until = now + IDLE_RENEW_MS < deadline ? now + IDLE_RENEW_MS : deadline;
      err = idle_once(src, until, last, sizeof(last));
    } else {
      err = poll_once(src, deadline, last, sizeof(last));
    }
    if (!err && has_news(src)) return CO_OK;
    /* on error the connection is gone; the loop reconnects */
    if (err)
      CO_LOGKV(CO_LOG_INFO, "ingest", "imap connection lost; reconnecting", "account", src->account, "error", last);
  }
  if (last[0]) return co_seterr(errstr, errstr_size, CO_ERR_TIMEOUT, "no new mail in time; last error: %s", last);
  return co_seterr(errstr, errstr_size, CO_ERR_TIMEOUT, "no new mail in %d ms", timeout_ms);
}
