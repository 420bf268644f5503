/* co_rt_int.h: runtime internals shared by the processor sources. */
#ifndef CO_RT_INT_H
#define CO_RT_INT_H

#include <librdkafka/rdkafka.h>
#include <pthread.h>
#include <signal.h>

#include "co_cache.h"
#include "co_kafka.h"
#include "co_rt.h"
#include "co_state.h"
#include "co_topo.h"

#define CO_TOPO_MAX_STORES 16
#define CO_TOPO_MAX_PROCS 16
#define CO_PROC_MAX_STORES 8

typedef struct co_store_def_s {
  char *name;
  int flags;
  char *changelog; /* <app_id>-<name>-changelog */
} co_store_def_t;

typedef struct co_proc_def_s {
  char *name;
  char *topic;
  co_proc_fn_t fn;
  void *opaque;
  int stores[CO_PROC_MAX_STORES]; /* indexes into topo->stores */
  int store_cnt;
  co_punct_fn_t punct; /* NULL: none */
  void *punct_opaque;
  int64_t punct_ms;
} co_proc_def_t;

struct co_topo_s {
  char *app_id;
  co_store_def_t stores[CO_TOPO_MAX_STORES];
  int store_cnt;
  co_proc_def_t procs[CO_TOPO_MAX_PROCS];
  int proc_cnt;
  char *sinks[CO_TOPO_MAX_PROCS * 2];
  int sink_cnt;
  int64_t attempt_max_ms; /* co_topo_set_attempt_max_ms; 0: records are quick */
};

/* A send buffered during a callback; emitted only if the callback succeeds. */
typedef struct co_pend_s {
  void *mem; /* one allocation holding everything below */
  char *topic;
  int32_t partition; /* -1: by key */
  void *key, *value; /* value NULL = tombstone */
  size_t klen, vlen;
  co_hdr_t *hdrs;
  int hdr_cnt;
} co_pend_t;

/* STANDBY: not ours; its stores are kept warm from the changelogs. */
typedef enum { CO_TASK_RESTORING, CO_TASK_RUNNING, CO_TASK_STANDBY } co_task_state_t;

typedef struct co_task_s {
  struct co_rt_s *rt;
  const co_proc_def_t *proc;
  int32_t partition;
  char id[96];
  co_task_state_t state;
  co_state_store_t *stores[CO_PROC_MAX_STORES];
  int64_t next_offset;      /* next input offset to process */
  int64_t committed_offset; /* input offset of the last commit (Kafka: -1 unknown) */
  int64_t txn_offset;       /* input offset the committing transaction sent (commit.overlap), -1 none */
  int64_t next_punct_ms;    /* when the processor's punctuator is due (0: at once) */
  int64_t input_end;        /* the input partition's end when the task started running (-1 unknown) */
  /* Kafka mode: changelog bookkeeping per store. */
  int64_t cl_next[CO_PROC_MAX_STORES];     /* next changelog offset known delivered in this txn, -1 none */
  int64_t restore_pos[CO_PROC_MAX_STORES]; /* restore: next changelog offset to apply */
  int restore_done[CO_PROC_MAX_STORES];
  int standby_eof, standby_synced; /* standby: stores whose changelog end was seen (bits); all seen once */
  int end_checked; /* stores whose changelog end offset was queried since the task began restoring (bits) */
  uint64_t restored;
  co_cache_t cache;   /* the open transaction's writes, latest per key */
  co_cache_t overlay; /* the current record's writes, merged on success */
  co_cache_t prev;    /* the last commit's writes until the writer applied them (co_rt_writer.c) */
  int prev_unwritten; /* prev is in no batch yet: the writer puts it into the commit's (co_rt_writer.c) */
  /* metrics */
  uint64_t rec_in, rec_out, dlq_cnt, retries;
} co_task_t;

struct co_ctx_s {
  co_task_t *task;
  const co_record_t *rec;
  co_pend_t *pend;
  int pend_cnt, pend_cap;
  int64_t now_ms;
  int attempt;        /* 1 on the first try of this record */
  int64_t first_seen; /* when the runtime first tried it */
};

typedef struct co_logend_s {
  char *name; /* log store name "log.<topic>.<p>" */
  int64_t end;
  co_state_store_t *store;
} co_logend_t;

/* Latency histogram buckets (ms) for processing time per record. */
#define CO_RT_LAT_BUCKETS 12

struct co_rt_s {
  const co_conf_t *conf;
  co_topo_t *topo;
  co_state_db_t *db;
  co_state_batch_t *batch; /* the open transaction's local writes */
  int embedded, eos, partitions;
  volatile sig_atomic_t stop;
  int64_t commit_interval_ms, backoff_ms, max_msg_bytes;
  int max_attempts;
  const char *dlq_topic;
  pthread_mutex_t lock;  /* embedded: one writer of the local log at a time */
  pthread_mutex_t tlock; /* changes of tasks[] vs co_rt_metrics() from API threads */
  pthread_cond_t wake;

  co_task_t **tasks;
  int task_cnt, task_cap;
  int dirty; /* something to commit */
  int64_t last_commit_ms; /* co_time_mono_ms(): a deadline, never a timestamp */

  /* embedded */
  co_logend_t **logs;
  int log_cnt, log_cap;

  /* kafka */
  rd_kafka_t *consumer, *producer, *restorer;
  /* The producer's topic handles by name: producing by name takes the
   * client's write lock per record, which its broker threads contend for. */
  struct co_rt_topic_s {
    char *name;
    rd_kafka_topic_t *rkt;
  } * topics;
  int topic_cnt, topic_cap;
  co_state_batch_t *restore_batch;
  int restoring; /* tasks in CO_TASK_RESTORING */
  int standbys;  /* tasks in CO_TASK_STANDBY */
  int standby_replicas;
  rd_kafka_queue_t *standby_q;
  int standby_inflight;
  int64_t standby_next_ms;
  /* Rebalance pause (co_rt_restore.c): when the current rebalance first
   * stopped or added tasks (0: none under way); the last and longest time
   * from then until every task ran again. Processing thread only. */
  int64_t rebal_ms, rebal_last_ms, rebal_max_ms;
  uint64_t rebalances;
  int txn_open;
  int dr_failed;
  /* background state writer (co_rt_writer.c) */
  pthread_t wthread;
  pthread_mutex_t wlock;
  pthread_cond_t wcond;
  co_state_batch_t *wbatch, *wspare; /* being applied; the next rt->batch */
  co_task_t **wtasks;                /* tasks whose prev the writer puts into wbatch first */
  int wtask_cnt, wtask_cap;
  int wstop, wstarted;
  co_err_t werr;
  char werrstr[256];
  /* overlapping commits (co_rt_committer.c) */
  int overlap;   /* commit.overlap under exactly-once */
  int batch_mid; /* rt->batch got a mid-transaction flush: reads need it, no overlap */
  pthread_t cthread;
  pthread_mutex_t clock_m;
  pthread_cond_t ccond;
  int cstarted, cstop, cwork, cdone;
  int cbusy;  /* a transaction is committing: the producer is the committer's */
  int cfatal; /* a commit failed fatally where no error could be returned */
  int cinject;
  int64_t abort_every; /* test.commit.abort.every */
  uint64_t ccount;
  rd_kafka_topic_partition_list_t *coffs;
  rd_kafka_consumer_group_metadata_t *ccgmd;
  rd_kafka_error_t *cerror;
  co_pend_t *deferred; /* sends held while cbusy */
  int def_cnt, def_cap;
  char instance_id[64];

  /* metrics */
  uint64_t commits, aborts, dlq_total, restored_total;
  uint64_t lat_buckets[CO_RT_LAT_BUCKETS + 1];
  double lat_sum;
  uint64_t lat_cnt;
};

/* co_task.c */
co_task_t *co_task_new(co_rt_t *rt, const co_proc_def_t *proc, int32_t partition, char *errstr, size_t sz);
void co_task_destroy(co_task_t *task);
/* Runs the processor on rec with retries, DLQ on failure; emits sends. */
co_err_t co_task_process(co_task_t *task, const co_record_t *rec, char *errstr, size_t sz);
/* Writes the task's cache to the batch (and, in Kafka mode, its changelog
 * records to the producer) and empties it. Called before every commit. */
co_err_t co_task_flush(co_task_t *task, char *errstr, size_t sz);
/* Puts the task's prev cache into b (the writer thread, for a commit's
 * batch: see co_rt_writer.c). */
co_err_t co_task_write_prev(co_task_t *task, co_state_batch_t *b, char *errstr, size_t sz);
/* Runs the punctuators that are due on running tasks (see co_topo.h). */
co_err_t co_rt_punctuate(co_rt_t *rt, char *errstr, size_t sz);
/* Flushes every task for the commit that follows (nothing may read
 * rt->batch until then: see co_state_batch_unindexed); drops every cache
 * when abort is set. */
co_err_t co_rt_flush_tasks(co_rt_t *rt, int abort, char *errstr, size_t sz);
co_task_t *co_rt_task_find(co_rt_t *rt, const char *topic, int32_t partition);
co_err_t co_rt_task_add(co_rt_t *rt, co_task_t *task);
void co_rt_task_remove(co_rt_t *rt, co_task_t *task);
/* Sets restore_pos of every store from its committed checkpoint (-1 if none). */
void co_task_load_ckpts(co_task_t *task);
/* The processor reading topic, or NULL. */
const co_proc_def_t *co_rt_proc_for(co_rt_t *rt, const char *topic);
/* Meta key names. */
void co_task_ckpt_key(const co_task_t *task, int store_i, char *buf, size_t sz);

/* Backend: emits one record to a topic (Kafka produce or local log append). */
co_err_t co_rt_emit(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen, const void *val,
                    size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr, size_t sz);

/* co_rt_embedded.c */
co_err_t co_rt_emb_start(co_rt_t *rt, char *errstr, size_t sz);
co_err_t co_rt_emb_loop(co_rt_t *rt, int until_idle, char *errstr, size_t sz);
co_err_t co_rt_emb_emit(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen,
                        const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, int64_t ts, char *errstr,
                        size_t sz);
co_logend_t *co_rt_emb_log(co_rt_t *rt, const char *topic, int32_t partition, char *errstr, size_t sz);
/* Frees the log table (ends are re-read from committed meta on next use). */
void co_rt_emb_forget_logs(co_rt_t *rt);

/* co_rt_kafka.c */
co_err_t co_rt_kafka_start(co_rt_t *rt, char *errstr, size_t sz);
co_err_t co_rt_kafka_loop(co_rt_t *rt, char *errstr, size_t sz);
/* The transaction.timeout.ms this runtime's producer gets (co_rt_kafka.c). */
int64_t co_rt_txn_timeout_ms(const co_rt_t *rt);
void co_rt_kafka_close(co_rt_t *rt);
co_err_t co_rt_kafka_emit(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen,
                          const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr, size_t sz);
/* As co_rt_kafka_produce with rt's producer and its cached handle of topic
 * (the runtime's own sends). */
co_err_t co_rt_kafka_produce_rt(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen,
                                const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr,
                                size_t sz);

/* co_rt_restore.c */
/* librdkafka rebalance callback: creates/destroys tasks, never blocks on restore. */
void co_rt_kafka_rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts,
                              void *opaque);
/* Applies up to a batch of changelog records to restoring tasks; resumes
 * tasks that caught up. */
co_err_t co_rt_restore_step(co_rt_t *rt, char *errstr, size_t sz);
/* Points the restore consumer at every changelog partition to read. */
void co_rt_restore_assign(co_rt_t *rt);
/* co_rt_standby.c: refreshes the standby placement now and then. */
void co_rt_standby_tick(co_rt_t *rt);
/* Sends the open transaction's records and waits for them, before its
 * offsets join it: from send_offsets_to_transaction until the commit, the
 * group's offsets are pending, and readers of stable offsets (librdkafka's
 * read_committed rd_kafka_committed) retry until none of theirs is. With
 * linger.ms 100 the commit's own flush made that window most of a commit
 * (with three instances committing, the likely reason an ASan CI run of
 * rt_kafka_exactly_once_under_sigkill saw no progress in 120 s of 6-partition
 * reads: librdkafka retries the whole read while any partition is pending). */
void co_rt_kafka_flush_txn(co_rt_t *rt);
/* Begins a transaction unless one is open (exactly-once only). */
co_err_t co_rt_kafka_begin(co_rt_t *rt, char *errstr, size_t sz);
/* Commits (EOS: the transaction) then the local batch with checkpoints. */
co_err_t co_rt_kafka_commit(co_rt_t *rt, char *errstr, size_t sz);
/* Drops the open transaction's work and seeks every task back. */
void co_rt_kafka_abort(co_rt_t *rt, const char *why);

/* Writes each task's delivered changelog offsets to rt->batch as checkpoints. */
void co_rt_checkpoints(co_rt_t *rt);

/* co_rt_committer.c: commits a transaction while the next records run. */
co_err_t co_rt_committer_start(co_rt_t *rt, char *errstr, size_t sz);
/* Hands offs and cgmd (owned by the committer from here) over for
 * send_offsets + commit_transaction; sets rt->cbusy. */
void co_rt_committer_submit(co_rt_t *rt, rd_kafka_topic_partition_list_t *offs,
                            rd_kafka_consumer_group_metadata_t *cgmd);
/* 1 once the committing transaction has an outcome (join will not wait). */
int co_rt_committer_done(co_rt_t *rt);
/* Waits for the committing transaction. Committed: its local batch goes to
 * the writer, and the held sends open the next transaction. Abortable
 * failure: co_rt_kafka_abort (the held work is dropped), CO_OK. Fatal:
 * CO_ERR_FENCED. A no-op when nothing is committing. */
co_err_t co_rt_committer_join(co_rt_t *rt, char *errstr, size_t sz);
/* Joins and stops the thread; frees the held sends. */
void co_rt_committer_stop(co_rt_t *rt);
/* Holds a copy of one send until the join. */
co_err_t co_rt_defer(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen, const void *val,
                     size_t vlen, const co_hdr_t *hdrs, int hdr_cnt);
void co_rt_defer_clear(co_rt_t *rt);
/* Appends to *arr (grown as needed; *cnt, *cap updated) a send whose
 * copies of everything live in one allocation (p->mem, freed by the caller). */
co_err_t co_pend_push(co_pend_t **arr, int *cnt, int *cap, const char *topic, int32_t partition, const void *key,
                      size_t klen, const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt);

/* co_rt_writer.c: applies committed batches on a background thread. */
co_err_t co_rt_writer_start(co_rt_t *rt, char *errstr, size_t sz);
/* Hands rt->batch (committed in Kafka) to the writer; rt gets an empty batch.
 * Without a writer, commits rt->batch here. Returns an earlier write's error. */
co_err_t co_rt_writer_submit(co_rt_t *rt, char *errstr, size_t sz);
/* The same for another batch (a restore's): *bp is handed over, *bp gets an
 * empty one. */
co_err_t co_rt_writer_submit_batch(co_rt_t *rt, co_state_batch_t **bp, char *errstr, size_t sz);
/* Waits until every handed-over batch is applied, then empties every task's
 * prev cache. Returns a failed write's error (sticky). */
co_err_t co_rt_writer_drain(co_rt_t *rt, char *errstr, size_t sz);
/* Empties the prev caches if the writer has applied them, without waiting:
 * the values are in RocksDB then, and reads skip one cache. */
void co_rt_writer_reap(co_rt_t *rt);
/* Drains and joins the thread. */
void co_rt_writer_stop(co_rt_t *rt);

/* co_rec.c: framing of records in the embedded log. */
co_err_t co_rec_encode(const void *key, size_t klen, const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt,
                       int64_t ts, void **out, size_t *outlen);
/* Decodes in place: pointers in rec point into buf; *hdrs is malloc'd (caller frees). */
co_err_t co_rec_decode(const void *buf, size_t len, co_record_t *rec, co_hdr_t **hdrs);

/* co_dlq.c */
/* Headers of a DLQ record for rec; *out malloc'd (names/values static or in *strs, caller frees both). */
int co_dlq_headers(const co_record_t *rec, const char *proc, const char *err_class, const char *err_msg, int attempts,
                   int64_t first_seen_ms, co_hdr_t **out, char **strs);

int64_t co_rt_now_ms(void);
void co_rt_observe_latency(co_rt_t *rt, double ms);

#endif
