/* co_rt_embedded.c: embedded mode. Topics are a durable local log kept in
 * the same RocksDB as the stores ("log.<topic>.<p>" families, keys are
 * big-endian offsets), so one write batch holds a round's store writes,
 * outputs and input cursors: exactly-once without a broker. One writer
 * holds rt->lock per round; appenders get it between rounds. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_log.h"
#include "co_rt_int.h"

#define CO_EMB_ROUND_MAX 500 /* records per task per round */

static void co_be64(unsigned char *p, int64_t v) {
  for (int i = 7; i >= 0; i--, v >>= 8) p[i] = (unsigned char)(v & 0xff);
}
static int64_t co_unbe64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v = (v << 8) | p[i];
  return (int64_t)v;
}

co_logend_t *co_rt_emb_log(co_rt_t *rt, const char *topic, int32_t partition, char *errstr, size_t sz) {
  char name[256], meta[300];
  snprintf(name, sizeof(name), "log.%s.%d", topic, partition);
  for (int i = 0; i < rt->log_cnt; i++)
    if (!strcmp(rt->logs[i]->name, name)) return rt->logs[i];
  if (rt->log_cnt == rt->log_cap) {
    int cap = rt->log_cap ? rt->log_cap * 2 : 16;
    co_logend_t **n = realloc(rt->logs, sizeof(*n) * (size_t)cap);
    if (!n) return NULL;
    rt->logs = n;
    rt->log_cap = cap;
  }
  /* Entries are allocated one by one so pointers stay valid as the array grows. */
  co_logend_t *l = calloc(1, sizeof(*l));
  if (!l || !(l->name = strdup(name)) || !(l->store = co_state_store_open(rt->db, name, 0, errstr, sz))) {
    if (l) free(l->name);
    free(l);
    return NULL;
  }
  snprintf(meta, sizeof(meta), "end.%s", name);
  co_state_meta_get(rt->db, rt->batch, meta, &l->end);
  if (l->end < 0) l->end = 0;
  rt->logs[rt->log_cnt++] = l;
  return l;
}

co_err_t co_rt_emb_emit(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen,
                        const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, int64_t ts, char *errstr,
                        size_t sz) {
  if (partition < 0) partition = co_rt_partition_for(key, klen, rt->partitions);
  co_logend_t *l = co_rt_emb_log(rt, topic, partition, errstr, sz);
  if (!l) return CO_ERR_STORE;
  void *enc;
  size_t enclen;
  unsigned char k[8];
  char meta[300];
  co_err_t err = co_rec_encode(key, klen, val, vlen, hdrs, hdr_cnt, ts, &enc, &enclen);
  if (err) return co_seterr(errstr, sz, err, "cannot frame record for %s", topic);
  co_be64(k, l->end);
  err = co_state_put(rt->batch, l->store, k, 8, enc, enclen, 0);
  free(enc);
  if (err) return co_seterr(errstr, sz, err, "cannot append to %s", l->name);
  l->end++;
  snprintf(meta, sizeof(meta), "end.%s", l->name);
  return co_state_meta_put(rt->batch, meta, l->end);
}

void co_rt_emb_forget_logs(co_rt_t *rt) {
  for (int i = 0; i < rt->log_cnt; i++) {
    free(rt->logs[i]->name);
    free(rt->logs[i]);
  }
  rt->log_cnt = 0;
}

co_err_t co_rt_emb_start(co_rt_t *rt, char *errstr, size_t sz) {
  for (int i = 0; i < rt->topo->proc_cnt; i++)
    for (int p = 0; p < rt->partitions; p++) {
      co_task_t *t = co_task_new(rt, &rt->topo->procs[i], p, errstr, sz);
      if (!t) return CO_ERR_STORE;
      char meta[300];
      snprintf(meta, sizeof(meta), "cursor.%s.%d", t->proc->topic, p);
      co_state_meta_get(rt->db, NULL, meta, &t->next_offset);
      if (t->next_offset < 0) t->next_offset = 0;
      t->committed_offset = t->next_offset;
      t->state = CO_TASK_RUNNING;
      if (co_rt_task_add(rt, t)) {
        co_task_destroy(t);
        return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      }
    }
  return CO_OK;
}

/* Processes up to CO_EMB_ROUND_MAX committed records of t's input. */
static int co_rt_emb_task_round(co_rt_t *rt, co_task_t *t, co_err_t *errp, char *errstr, size_t sz) {
  co_logend_t *l = co_rt_emb_log(rt, t->proc->topic, t->partition, errstr, sz);
  if (!l) {
    *errp = CO_ERR_STORE;
    return 0;
  }
  if (t->next_offset >= l->end) return 0; /* nothing new (end includes this round's appends) */
  co_state_iter_t *it = co_state_iter_new(NULL, l->store, 0);
  unsigned char k[8];
  int n = 0;
  co_be64(k, t->next_offset);
  for (co_state_iter_seek(it, k, 8); co_state_iter_valid(it) && n < CO_EMB_ROUND_MAX; co_state_iter_next(it)) {
    size_t kl, vl;
    const unsigned char *key = co_state_iter_key(it, &kl);
    const void *val = co_state_iter_value(it, &vl);
    co_record_t rec = {.topic = t->proc->topic, .partition = t->partition};
    co_hdr_t *hdrs = NULL;
    if (kl != 8) continue;
    rec.offset = co_unbe64(key);
    if (co_rec_decode(val, vl, &rec, &hdrs)) {
      /* A frame we wrote ourselves cannot be read: disk corruption. Keep going, say so. */
      CO_LOGKV(CO_LOG_ERROR, "embedded", "skipping unreadable log record", "log", l->name);
    } else {
      *errp = co_task_process(t, &rec, errstr, sz);
      free(hdrs);
      if (*errp) break;
    }
    t->next_offset = rec.offset + 1;
    n++;
  }
  co_state_iter_destroy(it);
  if (n) {
    char meta[300];
    snprintf(meta, sizeof(meta), "cursor.%s.%d", t->proc->topic, t->partition);
    co_state_meta_put(rt->batch, meta, t->next_offset);
    rt->dirty = 1;
  }
  return n;
}

static co_err_t co_rt_emb_commit(co_rt_t *rt, char *errstr, size_t sz) {
  if (!rt->dirty) return CO_OK;
  co_err_t err = co_rt_flush_tasks(rt, 0, errstr, sz);
  if (!err) err = co_state_batch_commit(rt->batch, errstr, sz);
  if (err) return err;
  for (int i = 0; i < rt->task_cnt; i++) rt->tasks[i]->committed_offset = rt->tasks[i]->next_offset;
  rt->dirty = 0;
  rt->commits++;
  return CO_OK;
}

co_err_t co_rt_emb_loop(co_rt_t *rt, int until_idle, char *errstr, size_t sz) {
  co_err_t err = CO_OK;
  pthread_mutex_lock(&rt->lock);
  while (!rt->stop) {
    int processed = 0;
    for (int i = 0; i < rt->task_cnt && !err; i++) processed += co_rt_emb_task_round(rt, rt->tasks[i], &err, errstr, sz);
    if (!err) err = co_rt_punctuate(rt, errstr, sz);
    if (err || (err = co_rt_emb_commit(rt, errstr, sz))) break;
    if (processed) {
      /* Let appenders in between rounds. */
      pthread_mutex_unlock(&rt->lock);
      pthread_mutex_lock(&rt->lock);
      continue;
    }
    if (until_idle) break;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 100 * 1000000L;
    if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
    pthread_cond_timedwait(&rt->wake, &rt->lock, &ts);
  }
  if (!err) err = co_rt_emb_commit(rt, errstr, sz);
  pthread_mutex_unlock(&rt->lock);
  if (err) CO_LOGKV(CO_LOG_ERROR, "embedded", "processing stopped", "error", errstr);
  return err;
}

co_err_t co_rt_append(co_rt_t *rt, const char *topic, const co_rt_msg_t *msgs, int cnt, const char *cursor_key,
                      int64_t cursor_value, char *errstr, size_t sz) {
  if (!rt->embedded)
    return co_seterr(errstr, sz, CO_ERR_UNSUPPORTED, "co_rt_append is for embedded mode; produce to Kafka instead");
  co_err_t err = CO_OK;
  pthread_mutex_lock(&rt->lock);
  /* The batch is empty between rounds; anything left is a previous failure. */
  int64_t now = co_rt_now_ms();
  for (int i = 0; i < cnt && !err; i++)
    err = co_rt_emb_emit(rt, msgs[i].topic ? msgs[i].topic : topic, -1, msgs[i].key, msgs[i].key_len, msgs[i].value, msgs[i].value_len, msgs[i].hdrs,
                         msgs[i].hdr_cnt, now, errstr, sz);
  if (!err && cursor_key) {
    char meta[300];
    snprintf(meta, sizeof(meta), "src.%s", cursor_key);
    err = co_state_meta_put(rt->batch, meta, cursor_value);
  }
  if (!err) err = co_state_batch_commit(rt->batch, errstr, sz);
  if (err) {
    /* Undo: drop the batch and forget end offsets we advanced in memory. */
    co_state_batch_clear(rt->batch);
    co_rt_emb_forget_logs(rt);
  }
  pthread_cond_signal(&rt->wake);
  pthread_mutex_unlock(&rt->lock);
  return err;
}

int64_t co_rt_cursor(co_rt_t *rt, const char *cursor_key) {
  char meta[300];
  int64_t v = -1;
  snprintf(meta, sizeof(meta), "src.%s", cursor_key);
  co_state_meta_get(rt->db, NULL, meta, &v);
  return v;
}

int64_t co_rt_read(co_rt_t *rt, const char *topic, int32_t partition, int64_t from,
                   int (*cb)(const co_record_t *rec, void *opaque), void *opaque) {
  pthread_mutex_lock(&rt->lock);
  co_logend_t *l = co_rt_emb_log(rt, topic, partition, NULL, 0);
  co_state_store_t *store = l ? l->store : NULL;
  pthread_mutex_unlock(&rt->lock);
  if (!store) return from;
  co_state_iter_t *it = co_state_iter_new(NULL, store, 0);
  unsigned char k[8];
  co_be64(k, from < 0 ? 0 : from);
  for (co_state_iter_seek(it, k, 8); co_state_iter_valid(it); co_state_iter_next(it)) {
    size_t kl, vl;
    const unsigned char *key = co_state_iter_key(it, &kl);
    const void *val = co_state_iter_value(it, &vl);
    co_record_t rec = {.topic = topic, .partition = partition};
    co_hdr_t *hdrs = NULL;
    if (kl != 8 || co_rec_decode(val, vl, &rec, &hdrs)) continue;
    rec.offset = co_unbe64(key);
    from = rec.offset + 1;
    int stop = cb(&rec, opaque);
    free(hdrs);
    if (stop) break;
  }
  co_state_iter_destroy(it);
  return from;
}
