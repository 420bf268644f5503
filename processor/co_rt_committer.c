/* co_rt_committer.c: exactly-once commits overlap the next records
 * (commit.overlap). A transaction's send_offsets_to_transaction and
 * commit_transaction wait on the broker for tens of milliseconds, and the
 * processing thread used to wait with them (bench/processor: a quarter of
 * its wall time). Here a committer thread runs them while the processing
 * thread goes on with the next records.
 *
 * The producer belongs to the committer until the commit returns, so the
 * next records' sends (outputs, changelog, DLQ) are held here, copied, and
 * produced in order once the next transaction has begun (co_rt_committer_join).
 * Their store writes go to the task caches as usual; reads see the committing
 * transaction's values in each task's `prev` cache and the DB below it (the
 * committing batch is write-only, see co_state_batch_unindexed). If the
 * commit fails, the held sends and the caches are dropped with the
 * transaction and every task seeks back to its last committed offset, as in
 * any abort: the next records were never visible anywhere.
 *
 * Only the committer thread calls the producer while rt->cbusy is set; the
 * processing thread reads cbusy/cdone under clock_m. Delivery reports run on
 * the committer thread then (co_rt_dr_cb reads rt->tasks), so tasks are
 * added and removed only after a join. */
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_rt_int.h"

#define CO_COMMIT_RETRIES 5

static void *co_rt_committer_main(void *arg) {
  co_rt_t *rt = arg;
  pthread_mutex_lock(&rt->clock_m);
  for (;;) {
    while (!rt->cwork && !rt->cstop) pthread_cond_wait(&rt->ccond, &rt->clock_m);
    if (!rt->cwork) break;
    pthread_mutex_unlock(&rt->clock_m);
    rd_kafka_error_t *e = NULL;
    co_rt_kafka_flush_txn(rt);
    if (rt->coffs->cnt) e = rd_kafka_send_offsets_to_transaction(rt->producer, rt->coffs, rt->ccgmd, -1);
    /* test.commit.abort.every: the join aborts this transaction as if the
     * broker had refused it, with the next records' work already done. */
    int inject = !e && rt->abort_every && ++rt->ccount % (uint64_t)rt->abort_every == 0;
    for (int tries = 0; !e && !inject; tries++) {
      e = rd_kafka_commit_transaction(rt->producer, -1);
      if (!e || !rd_kafka_error_is_retriable(e) || tries >= CO_COMMIT_RETRIES) break;
      rd_kafka_error_destroy(e);
      e = NULL;
    }
    pthread_mutex_lock(&rt->clock_m);
    rt->cerror = e;
    rt->cinject = inject;
    rt->cwork = 0;
    rt->cdone = 1;
    pthread_cond_broadcast(&rt->ccond);
  }
  pthread_mutex_unlock(&rt->clock_m);
  return NULL;
}

co_err_t co_rt_committer_start(co_rt_t *rt, char *errstr, size_t sz) {
  pthread_mutex_init(&rt->clock_m, NULL);
  pthread_cond_init(&rt->ccond, NULL);
  if (pthread_create(&rt->cthread, NULL, co_rt_committer_main, rt)) {
    pthread_mutex_destroy(&rt->clock_m);
    pthread_cond_destroy(&rt->ccond);
    return co_seterr(errstr, sz, CO_ERR_IO, "cannot start the committer thread");
  }
  pthread_setname_np(rt->cthread, "co:committer");
  rt->cstarted = 1;
  return CO_OK;
}

void co_rt_committer_submit(co_rt_t *rt, rd_kafka_topic_partition_list_t *offs,
                            rd_kafka_consumer_group_metadata_t *cgmd) {
  pthread_mutex_lock(&rt->clock_m);
  rt->coffs = offs;
  rt->ccgmd = cgmd;
  rt->cwork = 1;
  rt->cdone = 0;
  rt->cbusy = 1;
  pthread_cond_broadcast(&rt->ccond);
  pthread_mutex_unlock(&rt->clock_m);
}

int co_rt_committer_done(co_rt_t *rt) {
  if (!rt->cbusy) return 0;
  pthread_mutex_lock(&rt->clock_m);
  int done = rt->cdone;
  pthread_mutex_unlock(&rt->clock_m);
  return done;
}

co_err_t co_rt_defer(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen, const void *val,
                     size_t vlen, const co_hdr_t *hdrs, int hdr_cnt) {
  return co_pend_push(&rt->deferred, &rt->def_cnt, &rt->def_cap, topic, partition, key, klen, val, vlen, hdrs, hdr_cnt);
}

void co_rt_defer_clear(co_rt_t *rt) {
  for (int i = 0; i < rt->def_cnt; i++) free(rt->deferred[i].mem);
  rt->def_cnt = 0;
}

/* The committed transaction's local side: its checkpoints join its batch,
 * which goes to the writer; the tasks' committed offsets move to what the
 * transaction sent. Records processed since stay dirty. */
static co_err_t co_rt_committer_local(co_rt_t *rt, char *errstr, size_t sz) {
  co_rt_checkpoints(rt);
  co_err_t err = co_rt_writer_submit(rt, errstr, sz);
  if (err) return err;
  rt->batch_mid = 0;
  for (int i = 0; i < rt->task_cnt; i++)
    if (rt->tasks[i]->state == CO_TASK_RUNNING && rt->tasks[i]->txn_offset >= 0)
      rt->tasks[i]->committed_offset = rt->tasks[i]->txn_offset;
  rt->commits++;
  return CO_OK;
}

co_err_t co_rt_committer_join(co_rt_t *rt, char *errstr, size_t sz) {
  if (!rt->cbusy) return CO_OK;
  pthread_mutex_lock(&rt->clock_m);
  while (!rt->cdone) pthread_cond_wait(&rt->ccond, &rt->clock_m);
  rd_kafka_error_t *e = rt->cerror;
  int inject = rt->cinject;
  rt->cerror = NULL;
  rt->cbusy = 0;
  pthread_mutex_unlock(&rt->clock_m);
  rd_kafka_topic_partition_list_destroy(rt->coffs);
  rd_kafka_consumer_group_metadata_destroy(rt->ccgmd);
  rt->coffs = NULL;
  rt->ccgmd = NULL;
  if (inject) {
    co_rt_kafka_abort(rt, "commit failure injected by test.commit.abort.every");
    return CO_OK;
  }
  if (e) {
    co_err_t err = CO_OK;
    if (rd_kafka_error_txn_requires_abort(e)) {
      co_rt_kafka_abort(rt, rd_kafka_error_string(e)); /* drops the held sends too */
    } else {
      err = co_seterr(errstr, sz, CO_ERR_FENCED, "transaction commit failed fatally: %s", rd_kafka_error_string(e));
    }
    rd_kafka_error_destroy(e);
    return err;
  }
  rt->txn_open = 0;
  rd_kafka_poll(rt->producer, 0); /* serve remaining delivery reports */
  co_err_t err = co_rt_committer_local(rt, errstr, sz);
  if (err) return err;            /* Kafka has the data; a restart restores the tail from the changelog. */
  if (!rt->def_cnt) return CO_OK; /* the loop begins the next transaction */
  rd_kafka_error_t *be = rd_kafka_begin_transaction(rt->producer);
  if (be) {
    err = co_seterr(errstr, sz, CO_ERR_FENCED, "begin_transaction: %s", rd_kafka_error_string(be));
    rd_kafka_error_destroy(be);
    return err;
  }
  rt->txn_open = 1;
  for (int i = 0; i < rt->def_cnt && !err; i++) {
    co_pend_t *p = &rt->deferred[i];
    err = co_rt_kafka_produce_rt(rt, p->topic, p->partition, p->key, p->klen, p->value, p->vlen, p->hdrs, p->hdr_cnt,
                                 errstr, sz);
  }
  co_rt_defer_clear(rt);
  return err;
}

void co_rt_committer_stop(co_rt_t *rt) {
  if (!rt->cstarted) return;
  char es[256];
  if (co_rt_committer_join(rt, es, sizeof(es)))
    CO_LOGKV(CO_LOG_ERROR, "kafka", "last transaction commit failed", "error", es);
  pthread_mutex_lock(&rt->clock_m);
  rt->cstop = 1;
  pthread_cond_broadcast(&rt->ccond);
  pthread_mutex_unlock(&rt->clock_m);
  pthread_join(rt->cthread, NULL);
  pthread_mutex_destroy(&rt->clock_m);
  pthread_cond_destroy(&rt->ccond);
  co_rt_defer_clear(rt);
  free(rt->deferred);
  rt->deferred = NULL;
  rt->def_cap = 0;
  rt->cstarted = 0;
}
