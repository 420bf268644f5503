/* co_task.c: a task (one processor on one source partition), the context a
 * processor callback sees, and the per-record path: savepoint, callback,
 * then either emit its buffered sends or roll back and retry / DLQ. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_log.h"
#include "co_rt_int.h"

co_task_t *co_task_new(co_rt_t *rt, const co_proc_def_t *proc, int32_t partition, char *errstr, size_t sz) {
  co_task_t *t = calloc(1, sizeof(*t));
  if (!t) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  t->rt = rt;
  t->proc = proc;
  t->partition = partition;
  t->committed_offset = -1;
  t->txn_offset = -1;
  t->input_end = -1;
  snprintf(t->id, sizeof(t->id), "%s.%d", proc->name, partition);
  for (int i = 0; i < proc->store_cnt; i++) {
    const co_store_def_t *sd = &rt->topo->stores[proc->stores[i]];
    char name[96];
    snprintf(name, sizeof(name), "%s.%d", sd->name, partition);
    t->stores[i] = co_state_store_open(rt->db, name, (sd->flags & CO_STORE_F_TTL) ? CO_STATE_F_TTL : 0, errstr, sz);
    if (!t->stores[i]) {
      free(t);
      return NULL;
    }
    t->cl_next[i] = -1;
  }
  return t;
}

void co_task_destroy(co_task_t *t) {
  if (!t) return;
  co_cache_free(&t->cache);
  co_cache_free(&t->overlay);
  co_cache_free(&t->prev);
  free(t);
}

/* Entries before a task flushes early. A flush mid-transaction makes reads
 * go through the indexed batch and keeps the next commit from overlapping,
 * and one fetch can bring tens of thousands of records of one partition
 * within a commit interval (at 20,000, 14 of about 70 commits of a 1M-record
 * bench/processor run followed an early flush). */
#define CO_CACHE_MAX 100000

static co_err_t co_task_log(co_task_t *t, co_cache_ent_t *x, char *errstr, size_t sz) {
  co_rt_t *rt = t->rt;
  co_err_t err = co_rt_emit(rt, rt->topo->stores[t->proc->stores[x->store]].changelog, t->partition, x->key, x->klen,
                            x->enc, x->enclen, NULL, 0, errstr, sz);
  x->logged = !err;
  return err;
}

/* A record's writes to keys the transaction has not written yet go to the
 * changelog at once (co_cache_move's on_new hook), so the changelog streams
 * out while records are processed instead of piling up before the commit
 * (the commit waits for every record to be acknowledged). Keys written
 * again stay in the cache and are logged once more at the flush, with their
 * final value: at most two changelog records per key and transaction. */
typedef struct co_task_log_arg_s {
  co_task_t *t;
  char *errstr;
  size_t sz;
} co_task_log_arg_t;

static co_err_t co_task_log_new(co_cache_ent_t *x, void *opaque) {
  co_task_log_arg_t *a = opaque;
  if (co_task_log(a->t, x, a->errstr, a->sz))
    return co_seterr(a->errstr, a->sz, CO_ERR_KAFKA, "task %s: cannot write a changelog", a->t->id);
  return CO_OK;
}

/* Merges the record's writes into the transaction's cache (and logs new
 * keys, see above). Only inside a transaction: at-least-once must not log a
 * dedupe entry before the output it guards is delivered (see
 * co_rt_commit_alos). Empties the overlay, also on error. */
static co_err_t co_task_merge(co_task_t *t, char *errstr, size_t sz) {
  co_task_log_arg_t a = {t, errstr, sz};
  int log = !t->rt->embedded && t->rt->eos;
  co_err_t err = co_cache_move(&t->cache, &t->overlay, log ? co_task_log_new : NULL, &a);
  if (err && err != CO_ERR_KAFKA) co_seterr(errstr, sz, err, "task %s: cannot cache a write", t->id);
  return err;
}

/* Writes entries of c to batch b (b NULL: to no batch); with changelog set
 * also to the changelog, unless it has the entry's value already. */
static co_err_t co_task_write_log(co_task_t *t, co_state_batch_t *b, co_cache_t *c, int changelog, char *errstr,
                                  size_t sz) {
  co_rt_t *rt = t->rt;
  for (int e = 0; e < c->cnt; e++) {
    co_cache_ent_t *x = &c->ents[e];
    co_state_store_t *st = t->stores[x->store];
    co_err_t err = !b       ? CO_OK
                   : x->enc ? co_state_put_encoded(b, st, x->key, x->klen, x->enc, x->enclen)
                            : co_state_delete(b, st, x->key, x->klen);
    if (!err && changelog && !rt->embedded && !x->logged) err = co_task_log(t, x, errstr, sz);
    if (err) return co_seterr(errstr, sz, err, "task %s: cannot write store %s", t->id, co_state_store_name(st));
  }
  return CO_OK;
}

static co_err_t co_task_write(co_task_t *t, co_cache_t *c, int changelog, char *errstr, size_t sz) {
  return co_task_write_log(t, t->rt->batch, c, changelog, errstr, sz);
}

static co_err_t co_task_write_to(co_task_t *t, co_state_batch_t *b, co_cache_t *c, char *errstr, size_t sz) {
  return co_task_write_log(t, b, c, 0, errstr, sz);
}

co_err_t co_task_write_prev(co_task_t *t, co_state_batch_t *b, char *errstr, size_t sz) {
  return co_task_write_to(t, b, &t->prev, errstr, sz);
}

/* The mid-transaction flush: the cache goes to the indexed batch, which
 * reads see, so the writer is drained first (prev must not be newer). */
co_err_t co_task_flush(co_task_t *t, char *errstr, size_t sz) {
  co_err_t err = co_rt_writer_drain(t->rt, errstr, sz);
  /* At-least-once: outputs before the changelog (see co_rt_commit_alos). */
  if (!err && !t->rt->eos && !t->rt->embedded && rd_kafka_flush(t->rt->producer, 60000))
    err = co_seterr(errstr, sz, CO_ERR_KAFKA, "task %s: outputs not delivered before a cache flush", t->id);
  if (!err) err = co_task_write(t, &t->cache, 1, errstr, sz);
  co_cache_clear(&t->cache);
  t->rt->batch_mid = 1; /* reads need rt->batch now: the next commit does not overlap */
  return err;
}

co_err_t co_rt_flush_tasks(co_rt_t *rt, int abort, char *errstr, size_t sz) {
  co_err_t err = CO_OK;
  char es[256];
  if (co_rt_writer_drain(rt, es, sizeof(es)) && !abort) return co_seterr(errstr, sz, CO_ERR_STORE, "%s", es);
  /* This is the commit's flush: nothing reads the batch until it commits. */
  if (!abort) co_state_batch_unindexed(rt->batch);
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    if (abort || t->state != CO_TASK_RUNNING || err) {
      co_cache_clear(&t->cache);
      continue;
    }
    /* With a writer the values stay readable in prev until it has applied
     * them, and the writer, not this thread, puts them into the batch (it
     * was half of a commit's flush here); prev is empty after the drain, so
     * the two swap. Their changelog records go out here, in the transaction. */
    err = co_task_write_log(t, rt->wstarted ? NULL : rt->batch, &t->cache, 1, errstr, sz);
    if (rt->wstarted && !err) {
      co_cache_t empty = t->prev;
      t->prev = t->cache;
      t->cache = empty;
      t->prev_unwritten = t->prev.cnt > 0;
    } else {
      co_cache_clear(&t->cache);
    }
  }
  return err;
}

void co_task_ckpt_key(const co_task_t *t, int store_i, char *buf, size_t sz) {
  snprintf(buf, sz, "ckpt.%s", co_state_store_name(t->stores[store_i]));
}

void co_task_load_ckpts(co_task_t *t) {
  for (int s = 0; s < t->proc->store_cnt; s++) {
    char key[200];
    co_task_ckpt_key(t, s, key, sizeof(key));
    co_state_meta_get(t->rt->db, NULL, key, &t->restore_pos[s]);
  }
}

co_task_t *co_rt_task_find(co_rt_t *rt, const char *topic, int32_t partition) {
  for (int i = 0; i < rt->task_cnt; i++)
    if (rt->tasks[i]->partition == partition && !strcmp(rt->tasks[i]->proc->topic, topic)) return rt->tasks[i];
  return NULL;
}

/* tasks[] changes under tlock: co_rt_metrics() reads it from API threads. */
co_err_t co_rt_task_add(co_rt_t *rt, co_task_t *task) {
  co_err_t err = CO_OK;
  pthread_mutex_lock(&rt->tlock);
  if (rt->task_cnt == rt->task_cap) {
    int cap = rt->task_cap ? rt->task_cap * 2 : 16;
    co_task_t **n = realloc(rt->tasks, sizeof(*n) * (size_t)cap);
    if (n) {
      rt->tasks = n;
      rt->task_cap = cap;
    } else {
      err = CO_ERR_NOMEM;
    }
  }
  if (!err) rt->tasks[rt->task_cnt++] = task;
  pthread_mutex_unlock(&rt->tlock);
  return err;
}

void co_rt_task_remove(co_rt_t *rt, co_task_t *task) {
  char es[256];
  /* The writer may hold this task's writes (and its stores' handles). */
  if (co_rt_writer_drain(rt, es, sizeof(es)))
    CO_LOGKV(CO_LOG_WARN, "task", "state write failed; the next owner restores the tail", "error", es);
  pthread_mutex_lock(&rt->tlock);
  for (int i = 0; i < rt->task_cnt; i++)
    if (rt->tasks[i] == task) {
      rt->tasks[i] = rt->tasks[--rt->task_cnt];
      break;
    }
  pthread_mutex_unlock(&rt->tlock);
  co_task_destroy(task);
}

/* --- context --- */

static int co_ctx_store_idx(co_ctx_t *ctx, const char *store) {
  const co_proc_def_t *p = ctx->task->proc;
  for (int i = 0; i < p->store_cnt; i++)
    if (!strcmp(ctx->task->rt->topo->stores[p->stores[i]].name, store)) return i;
  CO_ERROR("task", "processor '%s' used undeclared store '%s'", p->name, store);
  return -1;
}

co_err_t co_ctx_get(co_ctx_t *ctx, const char *store, const void *key, size_t klen, void **val, size_t *vlen) {
  int i = co_ctx_store_idx(ctx, store);
  if (i < 0) return CO_ERR_INVALID_ARG;
  co_task_t *t = ctx->task;
  uint64_t h = co_cache_hash(i, key, klen);
  co_cache_ent_t *x = co_cache_find_h(&t->overlay, i, key, klen, h);
  if (!x) x = co_cache_find_h(&t->cache, i, key, klen, h);
  if (!x) x = co_cache_find_h(&t->prev, i, key, klen, h);
  if (x) return x->enc ? co_state_decode(t->stores[i], x->enc, x->enclen, ctx->now_ms, val, vlen) : CO_ERR_NOT_FOUND;
  /* While a transaction commits, its batch is write-only and prev has its values. */
  return co_state_get(t->rt->cbusy ? NULL : t->rt->batch, t->stores[i], key, klen, ctx->now_ms, val, vlen, NULL, 0);
}

static co_err_t co_ctx_pend(co_ctx_t *ctx, const char *topic, int32_t partition, const void *key, size_t klen,
                            const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt) {
  return co_pend_push(&ctx->pend, &ctx->pend_cnt, &ctx->pend_cap, topic, partition, key, klen, val, vlen, hdrs,
                      hdr_cnt);
}

co_err_t co_pend_push(co_pend_t **arr, int *cnt, int *cap, const char *topic, int32_t partition, const void *key,
                      size_t klen, const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt) {
  if (*cnt == *cap) {
    int ncap = *cap ? *cap * 2 : 8;
    co_pend_t *n = realloc(*arr, sizeof(*n) * (size_t)ncap);
    if (!n) return CO_ERR_NOMEM;
    *arr = n;
    *cap = ncap;
  }
  co_pend_t *p = &(*arr)[*cnt];
  /* One allocation per send: header array, then topic, key, value, header data. */
  size_t tl = strlen(topic) + 1, size = sizeof(co_hdr_t) * (size_t)hdr_cnt + tl + klen + (val ? vlen : 0);
  for (int i = 0; i < hdr_cnt; i++) size += strlen(hdrs[i].name) + 1 + (hdrs[i].value ? hdrs[i].len : 0);
  char *m = malloc(size ? size : 1);
  if (!m) return CO_ERR_NOMEM;
  p->mem = m;
  p->hdrs = hdr_cnt ? (co_hdr_t *)m : NULL;
  m += sizeof(co_hdr_t) * (size_t)hdr_cnt;
  p->topic = memcpy(m, topic, tl);
  m += tl;
  p->key = memcpy(m, key, klen);
  p->klen = klen;
  m += klen;
  p->value = val ? memcpy(m, val, vlen) : NULL;
  p->vlen = vlen;
  if (val) m += vlen;
  for (int i = 0; i < hdr_cnt; i++) {
    size_t nl = strlen(hdrs[i].name) + 1;
    p->hdrs[i].name = memcpy(m, hdrs[i].name, nl);
    m += nl;
    p->hdrs[i].value = hdrs[i].value ? memcpy(m, hdrs[i].value, hdrs[i].len) : NULL;
    if (hdrs[i].value) m += hdrs[i].len;
    p->hdrs[i].len = hdrs[i].len;
  }
  p->hdr_cnt = hdr_cnt;
  p->partition = partition;
  (*cnt)++;
  return CO_OK;
}

static void co_ctx_pend_clear(co_ctx_t *ctx) {
  for (int i = 0; i < ctx->pend_cnt; i++) free(ctx->pend[i].mem);
  ctx->pend_cnt = 0;
}

co_err_t co_ctx_put(co_ctx_t *ctx, const char *store, const void *key, size_t klen, const void *val, size_t vlen,
                    int64_t ttl_ms) {
  int i = co_ctx_store_idx(ctx, store);
  if (i < 0) return CO_ERR_INVALID_ARG;
  co_task_t *t = ctx->task;
  void *enc;
  size_t enclen;
  co_err_t err = co_state_encode(t->stores[i], val, vlen, ttl_ms > 0 ? ctx->now_ms + ttl_ms : 0, &enc, &enclen);
  if (err) return err;
  return co_cache_set_take(&t->overlay, i, key, klen, enc, enclen);
}

co_err_t co_ctx_delete(co_ctx_t *ctx, const char *store, const void *key, size_t klen) {
  int i = co_ctx_store_idx(ctx, store);
  if (i < 0) return CO_ERR_INVALID_ARG;
  return co_cache_set(&ctx->task->overlay, i, key, klen, NULL, 0);
}

co_err_t co_ctx_scan(co_ctx_t *ctx, const char *store, const void *prefix, size_t plen,
                     int (*cb)(const void *key, size_t klen, const void *val, size_t vlen, void *opaque),
                     void *opaque) {
  int i = co_ctx_store_idx(ctx, store);
  if (i < 0) return CO_ERR_INVALID_ARG;
  /* Iterators see the batch only: put cached writes there first (the record's
   * own writes too; a failure rolls the batch back to the savepoint). The
   * cache keeps them, so the changelog still gets them at flush. */
  co_task_t *t = ctx->task;
  char es[256];
  /* While a transaction commits, rt->batch is write-only: a scratch batch
   * holds its values (prev) and the open ones over the DB instead. */
  co_state_batch_t *b = t->rt->cbusy ? co_state_batch_new(t->rt->db) : t->rt->batch;
  if (!b) return CO_ERR_NOMEM;
  co_err_t err = CO_OK;
  if (co_rt_writer_drain(t->rt, es, sizeof(es)) ||
      (b != t->rt->batch && co_task_write_to(t, b, &t->prev, es, sizeof(es))) ||
      co_task_write_to(t, b, &t->cache, es, sizeof(es)) || co_task_write_to(t, b, &t->overlay, es, sizeof(es)))
    err = CO_ERR_STORE;
  co_state_iter_t *it = err ? NULL : co_state_iter_new(b, ctx->task->stores[i], ctx->now_ms);
  if (!it) {
    if (b != t->rt->batch) co_state_batch_destroy(b);
    return err ? err : CO_ERR_NOMEM;
  }
  for (co_state_iter_seek(it, prefix, plen); co_state_iter_valid(it); co_state_iter_next(it)) {
    size_t kl, vl;
    const void *k = co_state_iter_key(it, &kl), *v = co_state_iter_value(it, &vl);
    if (kl < plen || memcmp(k, prefix, plen)) break;
    if (cb(k, kl, v, vl, opaque)) break;
  }
  co_state_iter_destroy(it);
  if (b != t->rt->batch) co_state_batch_destroy(b);
  return CO_OK;
}

co_err_t co_ctx_send(co_ctx_t *ctx, const char *topic, const void *key, size_t klen, const void *val, size_t vlen,
                     const co_hdr_t *hdrs, int hdr_cnt) {
  return co_ctx_pend(ctx, topic, -1, key, klen, val, vlen, hdrs, hdr_cnt);
}

int co_ctx_attempt(const co_ctx_t *ctx) {
  return ctx->attempt;
}
int co_ctx_max_attempts(const co_ctx_t *ctx) {
  return (int)ctx->task->rt->max_attempts;
}

co_err_t co_ctx_send_dlq(co_ctx_t *ctx, const char *err_class, const char *cause) {
  co_task_t *t = ctx->task;
  if (!ctx->rec) return CO_ERR_STATE; /* a punctuator has no record to dead-letter */
  co_hdr_t *hdrs = NULL;
  char *strs = NULL;
  int hc = co_dlq_headers(ctx->rec, t->proc->name, err_class, cause, ctx->attempt, ctx->first_seen, &hdrs, &strs);
  if (hc < 0) return CO_ERR_NOMEM;
  co_err_t err = co_ctx_pend(ctx, t->rt->dlq_topic, -1, ctx->rec->key, ctx->rec->key_len, ctx->rec->value,
                             ctx->rec->value_len, hdrs, hc);
  free(hdrs);
  free(strs);
  return err;
}

int32_t co_ctx_partition(const co_ctx_t *ctx) {
  return ctx->task->partition;
}
int64_t co_ctx_now_ms(const co_ctx_t *ctx) {
  return ctx->now_ms;
}

/* --- the per-record path --- */

static co_err_t co_task_emit_pending(co_task_t *t, co_ctx_t *ctx, char *errstr, size_t sz) {
  for (int i = 0; i < ctx->pend_cnt; i++) {
    co_pend_t *p = &ctx->pend[i];
    co_err_t err =
        co_rt_emit(t->rt, p->topic, p->partition, p->key, p->klen, p->value, p->vlen, p->hdrs, p->hdr_cnt, errstr, sz);
    if (err) return err;
    if (p->partition < 0) t->rec_out++;
    if (!strcmp(p->topic, t->rt->dlq_topic)) t->dlq_cnt++, t->rt->dlq_total++; /* co_ctx_send_dlq */
  }
  return CO_OK;
}

static void co_task_backoff(co_rt_t *rt, int attempt) {
  int64_t ms = rt->backoff_ms << (attempt - 1);
  if (ms > 5000) ms = 5000;
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

co_err_t co_task_process(co_task_t *t, const co_record_t *rec, char *errstr, size_t sz) {
  co_rt_t *rt = t->rt;
  co_ctx_t ctx = {.task = t, .rec = rec};
  char cause[512] = "";
  const char *err_class = "poison";
  int attempt = 0;
  int64_t first_seen = co_rt_now_ms();
  co_err_t err = CO_OK;
  t->rec_in++;
  if (rec->value_len > (size_t)rt->max_msg_bytes) {
    snprintf(cause, sizeof(cause), "record of %zu bytes exceeds max.message.bytes %lld", rec->value_len,
             (long long)rt->max_msg_bytes);
    attempt = 1;
    goto dlq;
  }
  ctx.first_seen = first_seen;
  for (attempt = 1;; attempt++) {
    ctx.now_ms = attempt == 1 ? first_seen : co_rt_now_ms();
    ctx.attempt = attempt;
    co_state_batch_savepoint(rt->batch);
    cause[0] = '\0';
    co_proc_rc_t rc = t->proc->fn(&ctx, rec, t->proc->opaque, cause, sizeof(cause));
    if (rc == CO_PROC_OK) {
      err = co_task_merge(t, errstr, sz);
      if (!err) err = co_task_emit_pending(t, &ctx, errstr, sz);
      /* Not while a transaction commits: rt->batch is its, write-only. */
      if (!err && t->cache.cnt > CO_CACHE_MAX && !rt->cbusy) err = co_task_flush(t, errstr, sz);
      co_rt_observe_latency(rt, (double)(co_rt_now_ms() - ctx.now_ms));
      goto out;
    }
    co_state_batch_rollback(rt->batch);
    co_cache_clear(&t->overlay);
    co_ctx_pend_clear(&ctx);
    if (!cause[0]) snprintf(cause, sizeof(cause), "processor '%s' failed without a message", t->proc->name);
    if (rc == CO_PROC_POISON) break;
    err_class = "retries_exhausted";
    if (attempt >= rt->max_attempts) break;
    t->retries++;
    CO_LOGKV(CO_LOG_WARN, "task", "retrying record", "task", t->id, "error", cause);
    co_task_backoff(rt, attempt);
  }
dlq:;
  co_hdr_t *hdrs = NULL;
  char *strs = NULL;
  int hc = co_dlq_headers(rec, t->proc->name, err_class, cause, attempt, first_seen, &hdrs, &strs);
  if (hc < 0) {
    err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory building DLQ record");
    goto out;
  }
  CO_LOGKV(CO_LOG_WARN, "task", "record sent to DLQ", "task", t->id, "class", err_class, "error", cause);
  err = co_rt_emit(rt, rt->dlq_topic, -1, rec->key, rec->key_len, rec->value, rec->value_len, hdrs, hc, errstr, sz);
  free(hdrs);
  free(strs);
  t->dlq_cnt++;
  rt->dlq_total++;
out:
  co_ctx_pend_clear(&ctx);
  free(ctx.pend);
  rt->dirty = 1;
  return err;
}

co_err_t co_rt_punctuate(co_rt_t *rt, char *errstr, size_t sz) {
  co_err_t err = CO_OK;
  int64_t now = co_rt_now_ms();
  for (int i = 0; i < rt->task_cnt && !err; i++) {
    co_task_t *t = rt->tasks[i];
    if (!t->proc->punct || t->state != CO_TASK_RUNNING || now < t->next_punct_ms) continue;
    t->next_punct_ms = now + t->proc->punct_ms;
    co_ctx_t ctx = {.task = t, .now_ms = now, .attempt = 1, .first_seen = now};
    char cause[512] = "";
    co_state_batch_savepoint(rt->batch);
    if (t->proc->punct(&ctx, t->proc->punct_opaque, cause, sizeof(cause)) == CO_PROC_OK) {
      err = co_cache_move(&t->cache, &t->overlay, NULL, NULL);
      if (!err) err = co_task_emit_pending(t, &ctx, errstr, sz);
      rt->dirty = 1;
    } else {
      co_state_batch_rollback(rt->batch);
      co_cache_clear(&t->overlay);
      CO_LOGKV(CO_LOG_WARN, "task", "punctuator failed; runs again at its next interval", "task", t->id, "error",
               cause[0] ? cause : "no message");
    }
    co_ctx_pend_clear(&ctx);
    free(ctx.pend);
  }
  return err;
}
