/* co_rt_writer.c: Kafka mode applies a committed transaction's local batch
 * (store writes + changelog checkpoints) on a background thread while the
 * next transaction is processed: the RocksDB write took about a third of a
 * commit cycle on the processing thread (bench/processor).
 *
 * Restores hand their batches (changelog records + restore checkpoints)
 * over the same way, so reading the next records overlaps the write; a
 * task's restore is drained before it starts running.
 *
 * Correctness rests on three rules. (1) The batch is handed over only after
 * Kafka committed it, so a crash still never leaves uncommitted state on
 * disk; a crash before the write lands leaves an older checkpoint, and the
 * restore replays the tail. (2) Until the write lands, each task's `prev`
 * cache holds the values it wrote (reads: overlay, cache, prev, then the
 * batch over RocksDB). (3) Anything that writes the indexed batch mid-
 * transaction, scans, removes a task or commits first drains the writer
 * (co_rt_writer_drain), which also empties every `prev`, so prev is never
 * older than what the batch or RocksDB holds. Only the processing thread
 * changes caches. The writer thread changes only the batch it was given,
 * and reads the prev caches of the tasks handed over with it: a commit's
 * flush leaves its values there (prev_unwritten), and the writer puts them
 * into the batch before the write. prev then changes only after a drain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_rt_int.h"

static void *co_rt_writer_main(void *arg) {
  co_rt_t *rt = arg;
  pthread_mutex_lock(&rt->wlock);
  for (;;) {
    while (!rt->wbatch && !rt->wstop) pthread_cond_wait(&rt->wcond, &rt->wlock);
    if (!rt->wbatch) break;
    co_state_batch_t *b = rt->wbatch;
    pthread_mutex_unlock(&rt->wlock);
    char es[256];
    co_err_t err = CO_OK;
    for (int i = 0; i < rt->wtask_cnt && !err; i++) err = co_task_write_prev(rt->wtasks[i], b, es, sizeof(es));
    if (!err) err = co_state_batch_commit(b, es, sizeof(es));
    pthread_mutex_lock(&rt->wlock);
    rt->wtask_cnt = 0;
    if (err && !rt->werr) {
      rt->werr = err;
      snprintf(rt->werrstr, sizeof(rt->werrstr), "%s", es);
    }
    co_state_batch_clear(b);
    rt->wspare = b;
    rt->wbatch = NULL;
    pthread_cond_broadcast(&rt->wcond);
  }
  pthread_mutex_unlock(&rt->wlock);
  return NULL;
}

co_err_t co_rt_writer_start(co_rt_t *rt, char *errstr, size_t sz) {
  if (!(rt->wspare = co_state_batch_new(rt->db))) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  pthread_mutex_init(&rt->wlock, NULL);
  pthread_cond_init(&rt->wcond, NULL);
  if (pthread_create(&rt->wthread, NULL, co_rt_writer_main, rt)) {
    co_state_batch_destroy(rt->wspare);
    rt->wspare = NULL;
    pthread_mutex_destroy(&rt->wlock);
    pthread_cond_destroy(&rt->wcond);
    return co_seterr(errstr, sz, CO_ERR_IO, "cannot start the state writer thread");
  }
  pthread_setname_np(rt->wthread, "co:state-writer");
  rt->wstarted = 1;
  return CO_OK;
}

co_err_t co_rt_writer_drain(co_rt_t *rt, char *errstr, size_t sz) {
  if (!rt->wstarted) return CO_OK;
  pthread_mutex_lock(&rt->wlock);
  while (rt->wbatch) pthread_cond_wait(&rt->wcond, &rt->wlock);
  co_err_t err = rt->werr;
  if (err) co_seterr(errstr, sz, err, "%s", rt->werrstr);
  pthread_mutex_unlock(&rt->wlock);
  /* While a transaction commits (co_rt_committer.c), prev holds its values,
   * which no batch handed to the writer has yet. */
  for (int i = 0; !rt->cbusy && i < rt->task_cnt; i++) {
    co_cache_clear(&rt->tasks[i]->prev);
    rt->tasks[i]->prev_unwritten = 0; /* an aborted commit's, if any */
  }
  return err;
}

void co_rt_writer_reap(co_rt_t *rt) {
  if (!rt->wstarted || rt->cbusy || pthread_mutex_trylock(&rt->wlock)) return;
  int idle = !rt->wbatch && !rt->werr; /* a failed write left its values only in prev */
  pthread_mutex_unlock(&rt->wlock);
  for (int i = 0; idle && i < rt->task_cnt; i++)
    if (!rt->tasks[i]->prev_unwritten) co_cache_clear(&rt->tasks[i]->prev);
}

static co_err_t co_rt_writer_handover(co_rt_t *rt, co_state_batch_t **bp, int with_prev, char *errstr, size_t sz) {
  if (!rt->wstarted) return co_state_batch_commit(*bp, errstr, sz);
  pthread_mutex_lock(&rt->wlock);
  while (rt->wbatch) pthread_cond_wait(&rt->wcond, &rt->wlock);
  co_err_t err = rt->werr;
  co_task_t **n = NULL;
  if (err)
    co_seterr(errstr, sz, err, "%s", rt->werrstr);
  else if (with_prev && rt->wtask_cap < rt->task_cnt && !(n = realloc(rt->wtasks, sizeof(*n) * (size_t)rt->task_cnt)))
    err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory handing a batch to the state writer");
  else if (n)
    rt->wtasks = n, rt->wtask_cap = rt->task_cnt;
  if (!err) {
    for (int i = 0; with_prev && i < rt->task_cnt; i++)
      if (rt->tasks[i]->prev_unwritten) {
        rt->wtasks[rt->wtask_cnt++] = rt->tasks[i];
        rt->tasks[i]->prev_unwritten = 0;
      }
    rt->wbatch = *bp;
    *bp = rt->wspare;
    rt->wspare = NULL;
    pthread_cond_broadcast(&rt->wcond);
  }
  pthread_mutex_unlock(&rt->wlock);
  return err;
}

co_err_t co_rt_writer_submit(co_rt_t *rt, char *errstr, size_t sz) {
  return co_rt_writer_handover(rt, &rt->batch, 1, errstr, sz);
}

co_err_t co_rt_writer_submit_batch(co_rt_t *rt, co_state_batch_t **bp, char *errstr, size_t sz) {
  return co_rt_writer_handover(rt, bp, 0, errstr, sz);
}

void co_rt_writer_stop(co_rt_t *rt) {
  if (!rt->wstarted) return;
  char es[256];
  co_err_t err = co_rt_writer_drain(rt, es, sizeof(es));
  if (err)
    CO_LOGKV(CO_LOG_ERROR, "state", "background state write failed; the next start restores the tail", "error", es);
  pthread_mutex_lock(&rt->wlock);
  rt->wstop = 1;
  pthread_cond_broadcast(&rt->wcond);
  pthread_mutex_unlock(&rt->wlock);
  pthread_join(rt->wthread, NULL);
  co_state_batch_destroy(rt->wspare);
  rt->wspare = NULL;
  free(rt->wtasks);
  rt->wtasks = NULL;
  rt->wtask_cnt = rt->wtask_cap = 0;
  pthread_mutex_destroy(&rt->wlock);
  pthread_cond_destroy(&rt->wcond);
  rt->wstarted = 0;
}
