/* co_pipeline_notify.c: the "notify" processor: topic.notifications in,
 * one message per (event, enabled channel) out through notify/.
 *
 * Once per event, across restarts. Per channel, in order:
 *   1. "notify_sent" holds the channel's idempotency key (co_notify_idem_key):
 *      done, skip. Written in the record's transaction.
 *   2. The delivery journal (state.dir/notify.journal, fdatasync'd right
 *      after each 2xx) holds it: delivered by a run that died before its
 *      transaction committed (or by an attempt the runtime rolled back):
 *      write the mark, skip.
 *   3. Channel paused (401/403), or older messages still kept for it: keep
 *      this one in "notify_pending" (key <channel>\x1f<offset>\x1f<idem>),
 *      in order.
 *   4. Send, with the key as Idempotency-Key. OK: journal, mark. AUTH: keep.
 *      PERMANENT: mark "dlq" and write a dead letter for this channel only
 *      (header co.notify.channel), so a replay retries that channel alone.
 *      RETRYABLE after notify.retry.max attempts: the record fails as
 *      CO_PROC_RETRYABLE; the runtime retries it (dlq.max.attempts) and the
 *      journal keeps channels already served from being sent twice. On the
 *      last attempt the failing channel alone is dead-lettered (mark "dlq")
 *      and the record succeeds, so the other channels' marks commit.
 * Kept messages go out, oldest first, before the channel's next message
 * once it is no longer paused (co_pipeline_notify_resume, or a restart
 * with new credentials): at the partition's next notification record, or
 * from the punctuator (every notify.pending.interval.ms, and at start).
 * What remains is the window between a receiver accepting a request and
 * the journal sync: docs/notify.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_notify.h"
#include "co_pipeline_int.h"

#define CO_PL_HDR_NOTIFY_CHANNEL "co.notify.channel"
#define CO_PL_PENDING_BATCH 64 /* kept messages tried per channel per record or punctuation */

struct co_pl_notify_s {
  co_pipeline_t *p;
  co_notify_t *n;
  co_notify_journal_t *journal; /* opened at the first record: state.dir exists by then */
  char journal_path[4096];
  int journal_max;
};

void co_pl_notify_destroy(co_pl_notify_t *nt) {
  if (!nt) return;
  co_notify_journal_close(nt->journal);
  co_notify_destroy(nt->n);
  free(nt);
}

static int channel_of(const char *name) {
  for (int c = 0; c < CO_NOTIFY__CH_CNT; c++)
    if (!strcmp(name, co_notify_ch_name(c))) return c;
  return -1;
}

/* Where a notification came from: the record, or a kept copy of it. */
typedef struct src_s {
  int32_t partition;
  int64_t offset;
  const void *val;
  size_t vlen;
} src_t;

/* A dead letter for one channel of a notification, written in the current
 * transaction; keyed by account like the source topic. */
static co_err_t dead_letter(co_ctx_t *ctx, co_pipeline_t *p, const src_t *src, json_t *note, co_notify_ch_t ch,
                            const char *err_class, int attempts, const char *cause) {
  char part[24], off[24], seen[24], att[16];
  const char *account = json_string_value(json_object_get(note, "account"));
  if (!account) account = "";
  snprintf(part, sizeof(part), "%d", src->partition);
  snprintf(off, sizeof(off), "%lld", (long long)src->offset);
  snprintf(att, sizeof(att), "%d", attempts);
  snprintf(seen, sizeof(seen), "%lld", (long long)co_ctx_now_ms(ctx));
  const char *cname = co_notify_ch_name(ch);
#define H(n, v) {n, v, strlen(v)}
  co_hdr_t h[] = {H("co.dlq.source.topic", p->t_notify),
                  H("co.dlq.source.partition", part),
                  H("co.dlq.source.offset", off),
                  H("co.dlq.processor", "notify"),
                  H("co.dlq.error.class", err_class),
                  H("co.dlq.error.message", cause),
                  H("co.dlq.attempts", att),
                  H("co.dlq.first.seen.ms", seen),
                  H(CO_PL_HDR_NOTIFY_CHANNEL, cname)};
#undef H
  return co_ctx_send(ctx, p->t_dlq, account, strlen(account), src->val, src->vlen, h, (int)(sizeof(h) / sizeof(h[0])));
}

static co_err_t mark(co_ctx_t *ctx, const char *idem, const char *what) {
  return co_ctx_put(ctx, CO_PL_STORE_NOTIFY_SENT, idem, strlen(idem), what, strlen(what), 0);
}

/* The sent mark of idem: 1 sent, 2 dead-lettered, 0 none. */
static int marked(co_ctx_t *ctx, const char *idem) {
  void *v = NULL;
  size_t vl = 0;
  if (co_ctx_get(ctx, CO_PL_STORE_NOTIFY_SENT, idem, strlen(idem), &v, &vl) != CO_OK) return 0;
  int r = vl == 3 && !memcmp(v, "dlq", 3) ? 2 : 1;
  free(v);
  return r;
}

/* Journal lookups and appends; a journal that cannot be opened makes the
 * record RETRYABLE (sending without it would lose the crash protection). */
static int journal_ready(co_pl_notify_t *nt, char *errstr, size_t sz) {
  if (nt->journal) return 1;
  nt->journal = co_notify_journal_open(nt->journal_path, nt->journal_max, errstr, sz);
  return nt->journal != NULL;
}

typedef enum { DELIVER_DONE, DELIVER_KEEP, DELIVER_RETRY, DELIVER_FAIL } deliver_t;

/* Steps 1, 2 and 4 for one (note, channel). DONE: marked (sent or dead-
 * lettered); KEEP: paused, keep it; RETRY: transient failure, cause in
 * errstr (last_try: dead-letter it instead); FAIL: a store write failed. */
static deliver_t deliver(co_ctx_t *ctx, co_pl_notify_t *nt, const src_t *src, json_t *note, co_notify_ch_t ch,
                         int replay, int last_try, char *errstr, size_t sz) {
  char idem[65], cause[512];
  co_notify_idem_key(note, ch, idem);
  int m = marked(ctx, idem);
  if (m == 1 || (m == 2 && !replay)) return DELIVER_DONE;
  if (co_notify_journal_has(nt->journal, idem)) return mark(ctx, idem, "sent") ? DELIVER_FAIL : DELIVER_DONE;
  switch (co_notify_send(nt->n, ch, note, idem, NULL, cause, sizeof(cause))) {
    case CO_NOTIFY_OK:
      if (co_notify_journal_add(nt->journal, idem, cause, sizeof(cause)))
        CO_LOGKV(CO_LOG_ERROR, "notify", "delivered, but the journal write failed", "error", cause);
      return mark(ctx, idem, "sent") ? DELIVER_FAIL : DELIVER_DONE;
    case CO_NOTIFY_AUTH:
    case CO_NOTIFY_PAUSED:
      return DELIVER_KEEP;
    case CO_NOTIFY_PERMANENT:
      if (mark(ctx, idem, "dlq") || dead_letter(ctx, nt->p, src, note, ch, "permanent", 1, cause)) return DELIVER_FAIL;
      return DELIVER_DONE;
    case CO_NOTIFY_RETRYABLE:
      break;
  }
  if (last_try) { /* this channel alone goes to the DLQ; the others keep their marks */
    if (mark(ctx, idem, "dlq") ||
        dead_letter(ctx, nt->p, src, note, ch, "retries_exhausted", co_ctx_max_attempts(ctx), cause))
      return DELIVER_FAIL;
    return DELIVER_DONE;
  }
  snprintf(errstr, sz, "%s", cause);
  return DELIVER_RETRY;
}

typedef struct pend_ent_s {
  char *key, *val;
  size_t klen, vlen;
} pend_ent_t;

typedef struct pend_list_s {
  pend_ent_t e[CO_PL_PENDING_BATCH];
  int n, oom;
} pend_list_t;

static int pend_collect(const void *key, size_t klen, const void *val, size_t vlen, void *opaque) {
  pend_list_t *l = opaque;
  pend_ent_t *e = &l->e[l->n];
  if (!(e->key = malloc(klen + 1)) || !(e->val = malloc(vlen + 1))) {
    free(e->key);
    l->oom = 1;
    return 1;
  }
  memcpy(e->key, key, klen);
  memcpy(e->val, val, vlen);
  e->key[klen] = e->val[vlen] = '\0';
  e->klen = klen;
  e->vlen = vlen;
  return ++l->n == CO_PL_PENDING_BATCH;
}

/* How many messages are kept for ch, in the same store (key \x1e<channel>,
 * below every "<channel>\x1f" entry): transactional like the entries, so a
 * rolled-back record or a restore never leaves it wrong, and the common case
 * (nothing kept) costs one read instead of a scan, which would write the
 * task's whole cache into the batch on every record. */
static int64_t pending_count(co_ctx_t *ctx, co_notify_ch_t ch) {
  char key[32];
  void *v = NULL;
  size_t vl;
  int n = snprintf(key, sizeof(key), "\x1e%s", co_notify_ch_name(ch));
  if (co_ctx_get(ctx, CO_PL_STORE_NOTIFY_PENDING, key, (size_t)n, &v, &vl) != CO_OK) return 0;
  int64_t c = atoll(v);
  free(v);
  return c;
}

static co_err_t pending_add(co_ctx_t *ctx, co_notify_ch_t ch, int64_t delta) {
  char key[32], val[24];
  int n = snprintf(key, sizeof(key), "\x1e%s", co_notify_ch_name(ch));
  int64_t c = pending_count(ctx, ch) + delta;
  if (c <= 0) return co_ctx_delete(ctx, CO_PL_STORE_NOTIFY_PENDING, key, (size_t)n);
  int vn = snprintf(val, sizeof(val), "%lld", (long long)c);
  return co_ctx_put(ctx, CO_PL_STORE_NOTIFY_PENDING, key, (size_t)n, val, (size_t)vn, 0);
}

/* Sends the channel's kept messages, oldest first, while it is not paused.
 * *left gets 1 when some remain (so newer ones must be kept behind them). */
static co_err_t flush_pending(co_ctx_t *ctx, co_pl_notify_t *nt, co_notify_ch_t ch, int *left) {
  char prefix[32], es[512];
  pend_list_t l = {.n = 0};
  co_err_t err = CO_OK;
  int plen = snprintf(prefix, sizeof(prefix), "%s\x1f", co_notify_ch_name(ch));
  *left = 0;
  if (pending_count(ctx, ch) <= 0) return CO_OK;
  if ((err = co_ctx_scan(ctx, CO_PL_STORE_NOTIFY_PENDING, prefix, (size_t)plen, pend_collect, &l))) return err;
  if (l.oom) err = CO_ERR_NOMEM;
  int i = 0;
  for (; i < l.n && !err; i++) {
    if (co_notify_paused(nt->n, ch)) break;
    json_t *note = json_loadb(l.e[i].val, l.e[i].vlen, 0, NULL);
    const char *off = memchr(l.e[i].key, '\x1f', l.e[i].klen);
    src_t src = {co_ctx_partition(ctx), off ? atoll(off + 1) : -1, l.e[i].val, l.e[i].vlen};
    deliver_t d = note ? deliver(ctx, nt, &src, note, ch, 0, 0, es, sizeof(es)) : DELIVER_DONE;
    json_decref(note);
    if (d == DELIVER_FAIL) err = CO_ERR_STORE;
    if (d != DELIVER_DONE) break; /* KEEP / RETRY: stays kept, order preserved */
    if ((err = co_ctx_delete(ctx, CO_PL_STORE_NOTIFY_PENDING, l.e[i].key, l.e[i].klen)) ||
        (err = pending_add(ctx, ch, -1)))
      break;
  }
  *left = i < l.n || l.n == CO_PL_PENDING_BATCH;
  for (int k = 0; k < l.n; k++) {
    free(l.e[k].key);
    free(l.e[k].val);
  }
  return err;
}

static co_err_t keep(co_ctx_t *ctx, const co_record_t *rec, json_t *note, co_notify_ch_t ch, const void *val,
                     size_t vlen) {
  char idem[65], key[160];
  co_notify_idem_key(note, ch, idem);
  int n = snprintf(key, sizeof(key), "%s\x1f%020lld\x1f%s", co_notify_ch_name(ch), (long long)rec->offset, idem);
  void *old = NULL;
  size_t ol;
  int fresh = co_ctx_get(ctx, CO_PL_STORE_NOTIFY_PENDING, key, (size_t)n, &old, &ol) != CO_OK;
  free(old);
  co_err_t err = co_ctx_put(ctx, CO_PL_STORE_NOTIFY_PENDING, key, (size_t)n, val, vlen, 0);
  return err || !fresh ? err : pending_add(ctx, ch, 1);
}

static co_proc_rc_t co_pl_notify_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr,
                                      size_t errstr_size) {
  co_pl_notify_t *nt = opaque;
  co_proc_rc_t rc = CO_PROC_OK;
  json_error_t je;
  json_t *note = NULL;
  int only = -1;

  if (!rec->value) return CO_PROC_OK;
  if (!(note = json_loadb(rec->value, rec->value_len, 0, &je)) || !json_is_object(note) ||
      !json_is_string(json_object_get(note, "kind"))) {
    snprintf(errstr, errstr_size, "notify: value is not a notification object (%s)", note ? "no kind" : je.text);
    json_decref(note);
    return CO_PROC_POISON;
  }
  for (int i = 0; i < rec->hdr_cnt; i++)
    if (!strcmp(rec->hdrs[i].name, CO_PL_HDR_NOTIFY_CHANNEL) && rec->hdrs[i].value) {
      char name[32];
      snprintf(name, sizeof(name), "%.*s", (int)rec->hdrs[i].len, (const char *)rec->hdrs[i].value);
      only = channel_of(name);
    }
  if (!journal_ready(nt, errstr, errstr_size)) {
    rc = CO_PROC_RETRYABLE;
    goto done;
  }
  for (int c = 0; c < CO_NOTIFY__CH_CNT; c++) {
    if (!co_notify_enabled(nt->n, c) || (only >= 0 && c != only)) continue;
    int left = 0;
    if (flush_pending(ctx, nt, c, &left)) goto store_err;
    if (left || co_notify_paused(nt->n, c)) {
      char idem[65];
      co_notify_idem_key(note, c, idem);
      if (marked(ctx, idem)) continue;
      if (co_notify_journal_has(nt->journal, idem) ? mark(ctx, idem, "sent")
                                                   : keep(ctx, rec, note, c, rec->value, rec->value_len))
        goto store_err;
      continue;
    }
    src_t src = {rec->partition, rec->offset, rec->value, rec->value_len};
    switch (deliver(ctx, nt, &src, note, c, only >= 0, co_ctx_attempt(ctx) >= co_ctx_max_attempts(ctx), errstr,
                    errstr_size)) {
      case DELIVER_DONE:
        break;
      case DELIVER_KEEP:
        if (keep(ctx, rec, note, c, rec->value, rec->value_len)) goto store_err;
        break;
      case DELIVER_RETRY:
        rc = CO_PROC_RETRYABLE;
        break; /* the other channels still go now */
      case DELIVER_FAIL:
        goto store_err;
    }
  }
  goto done;
store_err:
  snprintf(errstr, errstr_size, "notify: state store write failed");
  rc = CO_PROC_RETRYABLE;
done:
  json_decref(note);
  return rc;
}

/* Punctuator: kept messages of channels no longer paused go out without
 * waiting for the next notification (a restart with new credentials, or
 * co_pipeline_notify_resume). */
static co_proc_rc_t co_pl_notify_punct(co_ctx_t *ctx, void *opaque, char *errstr, size_t errstr_size) {
  co_pl_notify_t *nt = opaque;
  if (!journal_ready(nt, errstr, errstr_size)) return CO_PROC_RETRYABLE;
  for (int c = 0; c < CO_NOTIFY__CH_CNT; c++) {
    int left = 0;
    if (!co_notify_enabled(nt->n, c) || co_notify_paused(nt->n, c)) continue;
    if (flush_pending(ctx, nt, c, &left)) {
      snprintf(errstr, errstr_size, "notify: state store write failed");
      return CO_PROC_RETRYABLE;
    }
  }
  return CO_PROC_OK;
}

int64_t co_pl_notify_worst_ms(const co_pipeline_t *p) {
  return p->notify && p->notify->n ? co_notify_worst_ms(p->notify->n) : 0;
}

co_err_t co_pl_notify_register(co_pipeline_t *p, char *errstr, size_t errstr_size) {
  static const char *const stores[] = {CO_PL_STORE_NOTIFY_SENT, CO_PL_STORE_NOTIFY_PENDING, NULL};
  co_pl_notify_t *nt = calloc(1, sizeof(*nt));
  if (!nt) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "pipeline: out of memory");
  p->notify = nt;
  nt->p = p;
  nt->journal_max = (int)co_conf_int(p->conf, "notify.journal.max");
  snprintf(nt->journal_path, sizeof(nt->journal_path), "%s/notify.journal", co_conf_str(p->conf, "state.dir"));
  if (!(nt->n = co_notify_new(p->conf, errstr, errstr_size))) return CO_ERR_CONFIG;
  if (co_topo_add_store(p->topo, CO_PL_STORE_NOTIFY_SENT, 0, errstr, errstr_size) ||
      co_topo_add_store(p->topo, CO_PL_STORE_NOTIFY_PENDING, 0, errstr, errstr_size) ||
      co_topo_add_processor(p->topo, "notify", p->t_notify, co_pl_notify_proc, nt, stores, errstr, errstr_size) ||
      co_topo_add_punctuator(p->topo, "notify", co_conf_int(p->conf, "notify.pending.interval.ms"), co_pl_notify_punct,
                             nt, errstr, errstr_size) ||
      co_topo_add_sink(p->topo, p->t_dlq, errstr, errstr_size))
    return CO_ERR_INVALID_ARG;
  return CO_OK;
}

co_err_t co_pipeline_notify_health(co_pipeline_t *p, char **json_out) {
  json_t *h = NULL;
  *json_out = NULL;
  if (!p->notify || co_notify_health(p->notify->n, &h)) return CO_ERR_NOMEM;
  *json_out = json_dumps(h, JSON_COMPACT);
  json_decref(h);
  return *json_out ? CO_OK : CO_ERR_NOMEM;
}

co_err_t co_pipeline_notify_resume(co_pipeline_t *p, const char *channel, const char *new_secret, char *errstr,
                                   size_t errstr_size) {
  int c = channel_of(channel);
  if (c < 0 || !p->notify)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "notify: unknown channel '%s' (slack|whatsapp|webhook)",
                     channel);
  co_notify_resume(p->notify->n, c, new_secret);
  return CO_OK;
}
