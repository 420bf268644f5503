/* co_rt_restore.c: Kafka-mode task lifecycle: tasks are created in the
 * rebalance callback (which only records work and pauses the partitions),
 * restored from their changelogs by the main loop starting at the local
 * checkpoint, then resumed. Also the commit and abort paths, which must
 * keep local state, checkpoints and Kafka transactions in step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_time.h"
#include "co_rt_int.h"

#define CO_RESTORE_BATCH 20000 /* changelog records per local commit */

void co_rt_restore_assign(co_rt_t *rt) {
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(8);
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    if (t->state == CO_TASK_RUNNING) continue;
    for (int s = 0; s < t->proc->store_cnt; s++)
      if (!t->restore_done[s])
        rd_kafka_topic_partition_list_add(l, rt->topo->stores[t->proc->stores[s]].changelog, t->partition)->offset =
            t->restore_pos[s] < 0 ? RD_KAFKA_OFFSET_BEGINNING : t->restore_pos[s];
  }
  rd_kafka_resp_err_t e = rd_kafka_assign(rt->restorer, l->cnt ? l : NULL);
  if (e) CO_LOGKV(CO_LOG_ERROR, "restore", "cannot assign changelogs", "error", rd_kafka_err2str(e));
  if (l->cnt) rd_kafka_resume_partitions(rt->restorer, l); /* undo pauses of earlier restores */
  rd_kafka_topic_partition_list_destroy(l);
}

const co_proc_def_t *co_rt_proc_for(co_rt_t *rt, const char *topic) {
  for (int i = 0; i < rt->topo->proc_cnt; i++)
    if (!strcmp(rt->topo->procs[i].topic, topic)) return &rt->topo->procs[i];
  return NULL;
}

static void co_rt_tasks_assigned(co_rt_t *rt, rd_kafka_topic_partition_list_t *parts) {
  for (int i = 0; i < parts->cnt; i++) {
    rd_kafka_topic_partition_t *p = &parts->elems[i];
    const co_proc_def_t *proc = co_rt_proc_for(rt, p->topic);
    char err[256];
    co_task_t *have = proc ? co_rt_task_find(rt, p->topic, p->partition) : NULL;
    if (have && have->state == CO_TASK_STANDBY) {
      /* A warm standby: restore only what it is behind. */
      have->state = CO_TASK_RESTORING;
      have->end_checked = 0; /* its end may have been signalled already: ask again */
      have->restored = 0;    /* count only what failover had to catch up */
      rt->standbys--;
      rt->restoring++;
      CO_LOGKV(CO_LOG_INFO, "task", "assigned, restoring from standby", "task", have->id);
      continue;
    }
    if (!proc || have) continue;
    co_task_t *t = co_task_new(rt, proc, p->partition, err, sizeof(err));
    if (!t || co_rt_task_add(rt, t)) {
      CO_LOGKV(CO_LOG_ERROR, "task", "cannot create task", "topic", p->topic, "error", err);
      co_task_destroy(t);
      continue;
    }
    t->state = CO_TASK_RESTORING;
    rt->restoring++;
    co_task_load_ckpts(t);
    CO_LOGKV(CO_LOG_INFO, "task", "assigned, restoring", "task", t->id);
  }
  rd_kafka_pause_partitions(rt->consumer, parts);
  co_rt_restore_assign(rt);
}

/* Every task runs again after a rebalance: logs how long this instance's
 * processing paused for it (from the revoke, or the assignment when nothing
 * was revoked, until the last task was restored and resumed). */
static void co_rt_rebalance_done(co_rt_t *rt) {
  if (!rt->rebal_ms || rt->restoring) return;
  rt->rebal_last_ms = co_rt_now_ms() - rt->rebal_ms;
  if (rt->rebal_last_ms > rt->rebal_max_ms) rt->rebal_max_ms = rt->rebal_last_ms;
  rt->rebal_ms = 0;
  rt->rebalances++;
  char ms[32], n[32];
  snprintf(ms, sizeof(ms), "%lld", (long long)rt->rebal_last_ms);
  snprintf(n, sizeof(n), "%d", rt->task_cnt - rt->standbys);
  CO_LOGKV(CO_LOG_INFO, "kafka", "rebalance done, every task running", "pause_ms", ms, "tasks", n);
}

/* Serves both protocols (group.assignor). COOPERATIVE (cooperative-sticky):
 * the lists are increments, tasks that stay keep running. EAGER (range): a
 * rebalance first revokes everything, so every task commits and closes, and
 * the assignment that follows reopens the tasks that stayed here; they
 * restore only the changelog tail past their checkpoint (nothing, as this
 * instance wrote it) and resume at their committed offsets. */
void co_rt_kafka_rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts,
                              void *opaque) {
  co_rt_t *rt = opaque;
  int coop = !strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE");
  char errstr[512];
  if (!rt->rebal_ms) rt->rebal_ms = co_rt_now_ms();
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
    rd_kafka_error_t *e = NULL;
    rd_kafka_resp_err_t ae = RD_KAFKA_RESP_ERR_NO_ERROR;
    if (coop)
      e = rd_kafka_incremental_assign(rk, parts);
    else
      ae = rd_kafka_assign(rk, parts);
    if (e || ae) {
      CO_LOGKV(CO_LOG_ERROR, "kafka", "cannot take the assignment", "error",
               e ? rd_kafka_error_string(e) : rd_kafka_err2str(ae));
      if (e) rd_kafka_error_destroy(e);
    }
    co_rt_tasks_assigned(rt, parts);
    co_rt_rebalance_done(rt);
    return;
  }
  /* Revoke or lose: finish what we did for these partitions first, so the
   * next owner starts exactly where our committed work ends. */
  if (co_rt_committer_join(rt, errstr, sizeof(errstr))) {
    CO_LOGKV(CO_LOG_ERROR, "kafka", "transaction commit failed fatally", "error", errstr);
    rt->cfatal = 1;
  }
  if (rd_kafka_assignment_lost(rk)) {
    if (rt->dirty || rt->txn_open) co_rt_kafka_abort(rt, "assignment lost");
  } else if (rt->dirty && co_rt_kafka_commit(rt, errstr, sizeof(errstr))) {
    CO_LOGKV(CO_LOG_WARN, "task", "commit on revoke failed", "error", errstr);
  }
  /* The commit may overlap (co_rt_committer.c): it must be done before the
   * partitions go, or their next owner could restore the changelogs to just
   * before this transaction and then read its offsets (a lost state update;
   * rt_kafka_exactly_once_under_sigkill saw a count restart at 1). */
  if (co_rt_committer_join(rt, errstr, sizeof(errstr))) {
    CO_LOGKV(CO_LOG_ERROR, "kafka", "transaction commit failed fatally", "error", errstr);
    rt->cfatal = 1;
  }
  for (int i = 0; i < parts->cnt; i++) {
    co_task_t *t = co_rt_task_find(rt, parts->elems[i].topic, parts->elems[i].partition);
    if (!t) continue;
    CO_LOGKV(CO_LOG_INFO, "task", "revoked", "task", t->id);
    if (t->state == CO_TASK_RESTORING) rt->restoring--;
    co_rt_task_remove(rt, t);
  }
  if (coop) {
    rd_kafka_error_t *e = rd_kafka_incremental_unassign(rk, parts);
    if (e) rd_kafka_error_destroy(e);
  } else {
    rd_kafka_assign(rk, NULL);
  }
  co_rt_restore_assign(rt);
}

/* A restored task starts at its committed input offset. */
static void co_rt_task_resume(co_rt_t *rt, co_task_t *t) {
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(l, t->proc->topic, t->partition);
  rd_kafka_resp_err_t e = rd_kafka_committed(rt->consumer, l, 30000);
  int64_t off = e ? RD_KAFKA_OFFSET_INVALID : l->elems[0].offset;
  if (e) CO_LOGKV(CO_LOG_WARN, "task", "cannot read committed offset; using reset policy", "task", t->id);
  t->committed_offset = off >= 0 ? off : -1;
  t->next_offset = off >= 0 ? off : 0;
  l->elems[0].offset = off >= 0 ? off : RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_error_t *se = rd_kafka_seek_partitions(rt->consumer, l, 10000);
  if (se) rd_kafka_error_destroy(se);
  rd_kafka_resume_partitions(rt->consumer, l);
  rd_kafka_topic_partition_list_destroy(l);
  /* Lag before the first fetch brings the partition's watermarks (up to
   * fetch.wait.max.ms on an idle partition): /metrics has it from the start.
   * Asked through the producer: the consumer's request would queue behind
   * its long-poll fetch (500 ms per task in bench/processor's restore). */
  int64_t lo, hi;
  t->input_end = rd_kafka_query_watermark_offsets(rt->producer, t->proc->topic, t->partition, &lo, &hi, 5000) ? -1 : hi;
  t->state = CO_TASK_RUNNING;
  rt->restoring--;
  char n[32];
  snprintf(n, sizeof(n), "%llu", (unsigned long long)t->restored);
  CO_LOGKV(CO_LOG_INFO, "task", "restored, running", "task", t->id, "records", n);
  co_rt_rebalance_done(rt);
}

static int co_rt_restore_find(co_rt_t *rt, const rd_kafka_message_t *m, co_task_t **tp) {
  const char *topic = rd_kafka_topic_name(m->rkt);
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    if (t->partition != m->partition || t->state == CO_TASK_RUNNING) continue;
    for (int s = 0; s < t->proc->store_cnt; s++)
      if (!strcmp(rt->topo->stores[t->proc->stores[s]].changelog, topic)) {
        *tp = t;
        return s;
      }
  }
  return -1;
}

/* Store s of t has read its changelog to the end. Returns 1 if that
 * finished a restoring store (a standby keeps tailing). */
static int co_rt_restore_at_end(co_rt_t *rt, co_task_t *t, int s) {
  if (t->state == CO_TASK_STANDBY && !t->standby_synced) {
    /* Said once per standby: operators (and tests) know failover is now cheap. */
    t->standby_eof |= 1 << s;
    if (t->standby_eof == (1 << t->proc->store_cnt) - 1) {
      t->standby_synced = 1;
      CO_LOGKV(CO_LOG_INFO, "standby", "standby caught up", "task", t->id);
    }
  }
  if (t->state != CO_TASK_RESTORING || t->restore_done[s]) return 0;
  t->restore_done[s] = 1;
  /* Pause just this changelog: re-assigning would restart every other fetch. */
  rd_kafka_topic_partition_list_t *pl = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(pl, rt->topo->stores[t->proc->stores[s]].changelog, t->partition);
  rd_kafka_pause_partitions(rt->restorer, pl);
  rd_kafka_topic_partition_list_destroy(pl);
  return 1;
}

/* librdkafka signals a partition's end when a fetch reaches it, once per
 * end offset: a standby that read its changelog to the end and is then
 * assigned the task got no second signal, and as no one else writes that
 * changelog, its restore waited forever (rt_kafka_standby_failover_restores_
 * only_tail hung under ASan; so did, now and then, a standby's "caught up").
 * So each store asks once, when it starts restoring or standing by, where its
 * changelog ends (its committed end), and is done at once if its position is
 * there. An empty changelog is done without waiting for a fetch either. */
static int co_rt_restore_check_ends(co_rt_t *rt) {
  int done_any = 0;
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    if (t->state == CO_TASK_RUNNING) continue;
    /* A stateless processor has nothing to restore: it runs at once (it
     * used to wait forever for a restore event that never came). */
    if (t->state == CO_TASK_RESTORING && !t->proc->store_cnt) done_any = 1;
    for (int s = 0; s < t->proc->store_cnt; s++) {
      if (t->end_checked & (1 << s) || t->restore_done[s]) continue;
      t->end_checked |= 1 << s;
      int64_t lo = -1, hi = -1;
      const char *cl = rt->topo->stores[t->proc->stores[s]].changelog;
      /* The producer's connection has no long-poll fetch to wait behind; it
       * asks read_committed too (librdkafka's default isolation.level), and
       * a read_uncommitted end would only be later. */
      if (rd_kafka_query_watermark_offsets(rt->producer, cl, t->partition, &lo, &hi, 5000)) continue; /* EOF then */
      int64_t pos = t->restore_pos[s] < lo ? lo : t->restore_pos[s];
      /* Exactly-once: a checkpoint taken at a commit points at that
       * transaction's marker, so a task that comes back after an eager
       * rebalance (or a restart) finds its changelog one offset further.
       * One offset past the checkpoint can hold no committed record: one
       * needs its own marker after it, and an open transaction's records
       * are past the committed end. Without this, such a task waited for a
       * fetch to signal the end: 0.4-1 s per rebalance, measured. */
      if (pos >= hi || (rt->eos && pos == hi - 1)) {
        t->restore_pos[s] = hi;
        done_any |= co_rt_restore_at_end(rt, t, s);
      }
    }
  }
  return done_any;
}

co_err_t co_rt_restore_step(co_rt_t *rt, char *errstr, size_t sz) {
  if (!rt->restoring && !rt->standbys) return CO_OK;
  int n = 0, done_any = co_rt_restore_check_ends(rt);
  co_state_batch_unindexed(rt->restore_batch); /* write-only: nothing reads a restore batch */
  while (n < CO_RESTORE_BATCH) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rt->restorer, n || !rt->restoring ? 0 : 10);
    if (!m) break;
    co_task_t *t = NULL;
    int s = co_rt_restore_find(rt, m, &t);
    if (s < 0) {
      rd_kafka_message_destroy(m);
      continue;
    }
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      t->restore_pos[s] = m->offset;
      done_any |= co_rt_restore_at_end(rt, t, s);
    } else if (m->err) {
      CO_LOGKV(CO_LOG_WARN, "restore", "changelog read error", "task", t->id, "error", rd_kafka_message_errstr(m));
    } else if (m->offset >= t->restore_pos[s]) {
      co_err_t e = m->payload
                       ? co_state_put_encoded(rt->restore_batch, t->stores[s], m->key, m->key_len, m->payload, m->len)
                       : co_state_delete(rt->restore_batch, t->stores[s], m->key, m->key_len);
      if (e) {
        rd_kafka_message_destroy(m);
        return co_seterr(errstr, sz, e, "restore of %s failed", t->id);
      }
      t->restore_pos[s] = m->offset + 1;
      t->restored++;
      rt->restored_total++;
      n++;
    }
    rd_kafka_message_destroy(m);
  }
  if (!n && !done_any) return CO_OK;
  /* Checkpoint progress with the data, so a crash resumes the restore. */
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    if (t->state == CO_TASK_RUNNING) continue;
    for (int s = 0; s < t->proc->store_cnt; s++)
      if (t->restore_pos[s] >= 0) {
        char key[200];
        co_task_ckpt_key(t, s, key, sizeof(key));
        co_state_meta_put(rt->restore_batch, key, t->restore_pos[s]);
      }
  }
  /* Applied by the writer thread while the next records are read. */
  co_err_t err = co_rt_writer_submit_batch(rt, &rt->restore_batch, errstr, sz);
  if (err) return err;
  if (done_any && (err = co_rt_writer_drain(rt, errstr, sz))) return err; /* a running task reads the DB */
  if (done_any) {
    for (int i = 0; i < rt->task_cnt; i++) {
      co_task_t *t = rt->tasks[i];
      int all = t->state == CO_TASK_RESTORING;
      for (int s = 0; all && s < t->proc->store_cnt; s++) all = t->restore_done[s];
      if (all) co_rt_task_resume(rt, t);
    }
  }
  return CO_OK;
}

void co_rt_checkpoints(co_rt_t *rt) {
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    for (int s = 0; s < t->proc->store_cnt; s++)
      if (t->cl_next[s] >= 0) {
        char key[200];
        co_task_ckpt_key(t, s, key, sizeof(key));
        co_state_meta_put(rt->batch, key, t->cl_next[s]);
        t->cl_next[s] = -1;
      }
  }
}

void co_rt_kafka_abort(co_rt_t *rt, const char *why) {
  /* A committing transaction first: committed, it stays (its held sends
   * open the transaction aborted here); failed, its join aborted it all. */
  if (rt->cbusy) {
    uint64_t aborts = rt->aborts;
    char es[256];
    if (co_rt_committer_join(rt, es, sizeof(es))) {
      CO_LOGKV(CO_LOG_ERROR, "kafka", "transaction commit failed fatally", "error", es);
      rt->cfatal = 1; /* the loop stops */
    }
    if (rt->aborts != aborts) return;
  }
  CO_LOGKV(CO_LOG_WARN, "kafka", "aborting transaction", "reason", why);
  /* An abort that times out (a coordinator moving after a broker died:
   * CONCURRENT_TRANSACTIONS, a PID being re-acquired) is retried, as
   * librdkafka asks: given up, the producer stays mid-abort, the next
   * begin_transaction fails with "Erroneous state" and the instance stops
   * for good. A fatal error (fenced) stops the loop. */
  while (rt->eos && rt->txn_open) {
    rd_kafka_error_t *e = rd_kafka_abort_transaction(rt->producer, 30000);
    if (!e) break;
    int again = rd_kafka_error_is_retriable(e) && !rd_kafka_error_is_fatal(e) && !rt->stop;
    CO_LOGKV(CO_LOG_ERROR, "kafka", again ? "abort not done yet; retrying" : "abort failed", "error",
             rd_kafka_error_string(e));
    if (rd_kafka_error_is_fatal(e)) rt->cfatal = 1;
    rd_kafka_error_destroy(e);
    if (!again) break;
  }
  rt->txn_open = 0;
  rt->aborts++;
  co_rt_defer_clear(rt);
  co_rt_flush_tasks(rt, 1, NULL, 0);
  co_state_batch_clear(rt->batch);
  rt->batch_mid = 0;
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(rt->task_cnt + 1);
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    for (int s = 0; s < t->proc->store_cnt; s++) t->cl_next[s] = -1;
    t->txn_offset = -1;
    if (t->state != CO_TASK_RUNNING) continue;
    t->next_offset = t->committed_offset >= 0 ? t->committed_offset : 0;
    rd_kafka_topic_partition_list_add(l, t->proc->topic, t->partition)->offset =
        t->committed_offset >= 0 ? t->committed_offset : RD_KAFKA_OFFSET_BEGINNING;
  }
  if (l->cnt) {
    rd_kafka_error_t *e = rd_kafka_seek_partitions(rt->consumer, l, 10000);
    if (e) rd_kafka_error_destroy(e);
  }
  rd_kafka_topic_partition_list_destroy(l);
  rt->dirty = 0;
  rt->dr_failed = 0;
  rt->last_commit_ms = co_time_mono_ms();
}

static rd_kafka_topic_partition_list_t *co_rt_positions(co_rt_t *rt) {
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(rt->task_cnt + 1);
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    if (t->state == CO_TASK_RUNNING && t->next_offset != t->committed_offset && t->next_offset > 0)
      rd_kafka_topic_partition_list_add(l, t->proc->topic, t->partition)->offset = t->next_offset;
  }
  return l;
}

static co_err_t co_rt_commit_local(co_rt_t *rt, char *errstr, size_t sz) {
  co_rt_checkpoints(rt);
  co_err_t err = co_rt_writer_submit(rt, errstr, sz);
  if (err) return err; /* Kafka has the data; a restart restores the tail from the changelog. */
  rt->batch_mid = 0;
  for (int i = 0; i < rt->task_cnt; i++)
    if (rt->tasks[i]->state == CO_TASK_RUNNING) rt->tasks[i]->committed_offset = rt->tasks[i]->next_offset;
  rt->dirty = 0;
  rt->commits++;
  rt->last_commit_ms = co_time_mono_ms();
  return CO_OK;
}

static co_err_t co_rt_commit_eos(co_rt_t *rt, char *errstr, size_t sz) {
  co_err_t jerr = co_rt_committer_join(rt, errstr, sz);
  if (jerr || !rt->dirty) return jerr; /* an abort in the join dropped the work */
  if (!rt->txn_open && co_rt_kafka_begin(rt, errstr, sz)) return CO_ERR_FENCED;
  /* A failed local write stops processing: a restart restores the tail. */
  if (co_rt_writer_drain(rt, errstr, sz)) return CO_ERR_STORE;
  int overlap = rt->overlap && !rt->batch_mid && rt->cstarted;
  if (co_rt_flush_tasks(rt, 0, errstr, sz)) {
    co_rt_kafka_abort(rt, errstr);
    return CO_OK;
  }
  rd_kafka_topic_partition_list_t *offs = co_rt_positions(rt);
  if (overlap) {
    for (int i = 0; i < rt->task_cnt; i++)
      rt->tasks[i]->txn_offset = rt->tasks[i]->state == CO_TASK_RUNNING ? rt->tasks[i]->next_offset : -1;
    co_rt_committer_submit(rt, offs, rd_kafka_consumer_group_metadata(rt->consumer));
    rt->dirty = 0;
    rt->last_commit_ms = co_time_mono_ms();
    return CO_OK;
  }
  rd_kafka_error_t *e = NULL;
  co_rt_kafka_flush_txn(rt);
  if (offs->cnt) {
    rd_kafka_consumer_group_metadata_t *cgmd = rd_kafka_consumer_group_metadata(rt->consumer);
    e = rd_kafka_send_offsets_to_transaction(rt->producer, offs, cgmd, -1);
    rd_kafka_consumer_group_metadata_destroy(cgmd);
  }
  rd_kafka_topic_partition_list_destroy(offs);
  for (int tries = 0; !e; tries++) {
    e = rd_kafka_commit_transaction(rt->producer, -1);
    if (!e) break;
    if (rd_kafka_error_is_retriable(e) && tries < 5) {
      rd_kafka_error_destroy(e);
      e = NULL;
    }
  }
  if (e) {
    co_err_t err = CO_ERR_KAFKA;
    if (rd_kafka_error_txn_requires_abort(e)) {
      co_rt_kafka_abort(rt, rd_kafka_error_string(e));
      err = CO_OK; /* the work is redone from the committed offsets */
    } else {
      co_seterr(errstr, sz, CO_ERR_FENCED, "transaction commit failed fatally: %s", rd_kafka_error_string(e));
      err = CO_ERR_FENCED;
    }
    rd_kafka_error_destroy(e);
    return err;
  }
  rt->txn_open = 0;
  rd_kafka_poll(rt->producer, 0); /* serve remaining delivery reports */
  return co_rt_commit_local(rt, errstr, sz);
}

static co_err_t co_rt_commit_alos(co_rt_t *rt, char *errstr, size_t sz) {
  if (co_rt_writer_drain(rt, errstr, sz)) return CO_ERR_STORE;
  /* Outputs first, then the changelog: a store entry (a dedupe mark) that
   * reached the changelog before its output would, after a crash, make the
   * reprocessed record look like a duplicate and its output be lost. */
  rd_kafka_flush(rt->producer, 60000);
  if (rt->dr_failed || rd_kafka_outq_len(rt->producer) > 0) {
    co_rt_kafka_abort(rt, "delivery failed; reprocessing from the last commit");
    return CO_OK;
  }
  if (co_rt_flush_tasks(rt, 0, errstr, sz)) {
    co_rt_kafka_abort(rt, errstr);
    return CO_OK;
  }
  rd_kafka_flush(rt->producer, 60000);
  if (rt->dr_failed || rd_kafka_outq_len(rt->producer) > 0) {
    co_rt_kafka_abort(rt, "delivery failed; reprocessing from the last commit");
    return CO_OK;
  }
  rd_kafka_topic_partition_list_t *offs = co_rt_positions(rt);
  co_err_t err = co_rt_commit_local(rt, errstr, sz);
  if (!err && offs->cnt) {
    rd_kafka_resp_err_t ke = rd_kafka_commit(rt->consumer, offs, 0);
    if (ke)
      CO_LOGKV(CO_LOG_WARN, "kafka", "offset commit failed; records will be seen again", "error", rd_kafka_err2str(ke));
  }
  rd_kafka_topic_partition_list_destroy(offs);
  return err;
}

co_err_t co_rt_kafka_commit(co_rt_t *rt, char *errstr, size_t sz) {
  return rt->eos ? co_rt_commit_eos(rt, errstr, sz) : co_rt_commit_alos(rt, errstr, sz);
}
