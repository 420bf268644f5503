/* co_rt.c: the runtime object: configuration, state DB, mode dispatch,
 * partitioning and metrics. The loops live in co_rt_embedded.c and
 * co_rt_kafka.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "co_log.h"
#include "co_rt_int.h"

int64_t co_rt_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Kafka's murmur2 (as in the Java client's default partitioner). */
static uint32_t co_murmur2(const void *key, size_t len) {
  const uint32_t seed = 0x9747b28c, m = 0x5bd1e995;
  const int r = 24;
  uint32_t h = seed ^ (uint32_t)len;
  const unsigned char *d = key;
  while (len >= 4) {
    uint32_t k;
    memcpy(&k, d, 4);
    k *= m;
    k ^= k >> r;
    k *= m;
    h *= m;
    h ^= k;
    d += 4;
    len -= 4;
  }
  switch (len) {
    case 3:
      h ^= (uint32_t)d[2] << 16;
      /* fall through */
    case 2:
      h ^= (uint32_t)d[1] << 8;
      /* fall through */
    case 1:
      h ^= d[0];
      h *= m;
  }
  h ^= h >> 13;
  h *= m;
  h ^= h >> 15;
  return h;
}

int32_t co_rt_partition_for(const void *key, size_t klen, int32_t cnt) {
  return (int32_t)((co_murmur2(key, klen) & 0x7fffffff) % (uint32_t)cnt);
}

static const double co_rt_lat_bounds[CO_RT_LAT_BUCKETS] = {0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000};

void co_rt_observe_latency(co_rt_t *rt, double ms) {
  int b = 0;
  while (b < CO_RT_LAT_BUCKETS && ms > co_rt_lat_bounds[b]) b++;
  rt->lat_buckets[b]++;
  rt->lat_sum += ms;
  rt->lat_cnt++;
}

static int co_rt_rocksdb_opt(const char *name, const char *value, void *opaque) {
  const char ***pp = opaque;
  *(*pp)++ = name;
  *(*pp)++ = value;
  return 0;
}

co_rt_t *co_rt_new(const co_conf_t *conf, co_topo_t *topo, char *errstr, size_t sz) {
  co_rt_t *rt = calloc(1, sizeof(*rt));
  const char *extra[66] = {0}, **ep = extra;
  if (!rt) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  rt->conf = conf;
  rt->topo = topo;
  rt->embedded = !*co_conf_str(conf, "brokers");
  rt->eos = !strcmp(co_conf_str(conf, "processing.guarantee"), "exactly_once");
  rt->partitions = (int)co_conf_int(conf, "topic.partitions");
  rt->commit_interval_ms = co_conf_int(conf, "commit.interval.ms");
  rt->backoff_ms = co_conf_int(conf, "retry.backoff.ms");
  rt->max_attempts = (int)co_conf_int(conf, "dlq.max.attempts");
  rt->max_msg_bytes = co_conf_int(conf, "max.message.bytes");
  rt->dlq_topic = co_conf_str(conf, "topic.dlq");
  rt->standby_replicas = (int)co_conf_int(conf, "num.standby.replicas");
  pthread_mutex_init(&rt->lock, NULL);
  pthread_mutex_init(&rt->tlock, NULL);
  pthread_cond_init(&rt->wake, NULL);

  const char *dir = co_conf_str(conf, "state.dir");
  if (mkdir(dir, 0755) && errno != EEXIST) {
    co_seterr(errstr, sz, CO_ERR_IO, "cannot create state.dir %s: %s", dir, strerror(errno));
    goto err;
  }
  char dbdir[1024];
  snprintf(dbdir, sizeof(dbdir), "%s/rocksdb", dir);
  co_conf_passthru_foreach(conf, "rocksdb.", co_rt_rocksdb_opt, &ep);
  co_state_opts_t so = {.cache_mb = (size_t)co_conf_int(conf, "state.cache.mb"),
                        .write_buffer_mb = (size_t)co_conf_int(conf, "state.write.buffer.mb"),
                        .sync = 0,
                        .extra = extra,
                        .rebuild_if_backwards = !rt->embedded}; /* Kafka mode: the changelogs hold it all */
  if (!(rt->db = co_state_db_open(dbdir, &so, errstr, sz))) goto err;
  if (!(rt->batch = co_state_batch_new(rt->db))) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    goto err;
  }
  if ((rt->embedded ? co_rt_emb_start(rt, errstr, sz) : co_rt_kafka_start(rt, errstr, sz))) goto err;
  CO_LOGKV(CO_LOG_INFO, "runtime", "started", "mode", rt->embedded ? "embedded" : "kafka", "guarantee",
           rt->eos ? "exactly_once" : "at_least_once", "state.dir", dir);
  return rt;
err:
  co_rt_destroy(rt);
  return NULL;
}

void co_rt_destroy(co_rt_t *rt) {
  if (!rt) return;
  if (!rt->embedded) co_rt_kafka_close(rt);
  while (rt->task_cnt) co_rt_task_remove(rt, rt->tasks[0]);
  free(rt->tasks);
  co_rt_emb_forget_logs(rt);
  free(rt->logs);
  if (rt->batch) co_state_batch_destroy(rt->batch);
  if (rt->db) co_state_db_close(rt->db);
  pthread_mutex_destroy(&rt->lock);
  pthread_mutex_destroy(&rt->tlock);
  pthread_cond_destroy(&rt->wake);
  free(rt);
}

co_err_t co_rt_run(co_rt_t *rt, char *errstr, size_t sz) {
  return rt->embedded ? co_rt_emb_loop(rt, 0, errstr, sz) : co_rt_kafka_loop(rt, errstr, sz);
}

co_err_t co_rt_run_until_idle(co_rt_t *rt, char *errstr, size_t sz) {
  if (!rt->embedded) return co_seterr(errstr, sz, CO_ERR_UNSUPPORTED, "run_until_idle is for embedded mode");
  return co_rt_emb_loop(rt, 1, errstr, sz);
}

void co_rt_stop(co_rt_t *rt) {
  rt->stop = 1;
  if (rt->embedded) pthread_cond_signal(&rt->wake); /* not async-signal-safe; the loop also polls stop */
}

int co_rt_embedded(const co_rt_t *rt) {
  return rt->embedded;
}
int co_rt_ready(const co_rt_t *rt) {
  return rt->embedded || (rt->task_cnt > 0 && rt->restoring == 0);
}
int co_rt_partitions(const co_rt_t *rt) {
  return rt->partitions;
}

co_err_t co_rt_emit(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen, const void *val,
                    size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr, size_t sz) {
  if (rt->embedded)
    return co_rt_emb_emit(rt, topic, partition, key, klen, val, vlen, hdrs, hdr_cnt, co_rt_now_ms(), errstr, sz);
  return co_rt_kafka_emit(rt, topic, partition, key, klen, val, vlen, hdrs, hdr_cnt, errstr, sz);
}

co_err_t co_rt_store_get(co_rt_t *rt, const char *store, int32_t partition, const void *key, size_t klen, void **val,
                         size_t *vlen) {
  char name[128];
  int flags = 0;
  for (int i = 0; i < rt->topo->store_cnt; i++)
    if (!strcmp(rt->topo->stores[i].name, store)) flags = rt->topo->stores[i].flags;
  if (partition < 0) partition = co_rt_partition_for(key, klen, rt->partitions);
  snprintf(name, sizeof(name), "%s.%d", store, partition);
  co_state_store_t *s = co_state_store_open(rt->db, name, (flags & CO_STORE_F_TTL) ? CO_STATE_F_TTL : 0, NULL, 0);
  if (!s) return CO_ERR_NOT_FOUND;
  return co_state_get(NULL, s, key, klen, co_rt_now_ms(), val, vlen, NULL, 0);
}

static void co_rt_metrics_locked(co_rt_t *rt, FILE *out);

/* Called from API threads while the runtime runs: the task array is read
 * under tlock (embedded: also the log lock, taken first as the runtime
 * does); counters are read as they are. */
void co_rt_metrics(co_rt_t *rt, FILE *out) {
  if (rt->embedded) pthread_mutex_lock(&rt->lock);
  pthread_mutex_lock(&rt->tlock);
  co_rt_metrics_locked(rt, out);
  pthread_mutex_unlock(&rt->tlock);
  if (rt->embedded) pthread_mutex_unlock(&rt->lock);
}

static void co_rt_metrics_locked(co_rt_t *rt, FILE *out) {
  fprintf(out,
          "# HELP careerops_records_in_total Records processed per task.\n# TYPE careerops_records_in_total counter\n");
  for (int i = 0; i < rt->task_cnt; i++)
    fprintf(out, "careerops_records_in_total{task=\"%s\"} %llu\n", rt->tasks[i]->id,
            (unsigned long long)rt->tasks[i]->rec_in);
  fprintf(out,
          "# HELP careerops_records_out_total Records sent per task.\n# TYPE careerops_records_out_total counter\n");
  for (int i = 0; i < rt->task_cnt; i++)
    fprintf(out, "careerops_records_out_total{task=\"%s\"} %llu\n", rt->tasks[i]->id,
            (unsigned long long)rt->tasks[i]->rec_out);
  fprintf(out,
          "# HELP careerops_consumer_lag Records behind the partition's end (Kafka mode; from cached watermarks).\n"
          "# TYPE careerops_consumer_lag gauge\n");
  for (int i = 0; !rt->embedded && i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    int64_t lo = 0, hi = 0;
    if (t->state != CO_TASK_RUNNING) continue;
    if (rd_kafka_get_watermark_offsets(rt->consumer, t->proc->topic, t->partition, &lo, &hi) || hi < 0)
      hi = t->input_end; /* no fetch answered yet */
    if (hi < 0) continue;
    fprintf(out, "careerops_consumer_lag{task=\"%s\"} %lld\n", t->id,
            (long long)(hi > t->next_offset ? hi - t->next_offset : 0));
  }
  for (int i = 0; rt->embedded && i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    co_logend_t *l = co_rt_emb_log(rt, t->proc->topic, t->partition, NULL, 0);
    if (l)
      fprintf(out, "careerops_consumer_lag{task=\"%s\"} %lld\n", t->id,
              (long long)(l->end > t->next_offset ? l->end - t->next_offset : 0));
  }
  fprintf(
      out,
      "# HELP careerops_task_restoring 1 while a task restores its stores.\n# TYPE careerops_task_restoring gauge\n");
  for (int i = 0; i < rt->task_cnt; i++)
    fprintf(out, "careerops_task_restoring{task=\"%s\"} %d\n", rt->tasks[i]->id,
            rt->tasks[i]->state == CO_TASK_RESTORING);
  fprintf(out,
          "# HELP careerops_task_standby 1 for a standby copy of another instance's task.\n"
          "# TYPE careerops_task_standby gauge\n");
  for (int i = 0; i < rt->task_cnt; i++)
    fprintf(out, "careerops_task_standby{task=\"%s\"} %d\n", rt->tasks[i]->id, rt->tasks[i]->state == CO_TASK_STANDBY);
  fprintf(out,
          "# HELP careerops_restored_records_total Changelog records applied by restores.\n"
          "# TYPE careerops_restored_records_total counter\ncareerops_restored_records_total %llu\n"
          "# HELP careerops_dlq_records_total Records sent to the dead-letter queue.\n"
          "# TYPE careerops_dlq_records_total counter\ncareerops_dlq_records_total %llu\n"
          "# HELP careerops_commits_total Transactions committed.\n# TYPE careerops_commits_total counter\n"
          "careerops_commits_total %llu\n"
          "# HELP careerops_transaction_aborts_total Transactions aborted.\n"
          "# TYPE careerops_transaction_aborts_total counter\ncareerops_transaction_aborts_total %llu\n",
          (unsigned long long)rt->restored_total, (unsigned long long)rt->dlq_total, (unsigned long long)rt->commits,
          (unsigned long long)rt->aborts);
  fprintf(out,
          "# HELP careerops_rebalances_total Rebalances after which every task of this instance ran again.\n"
          "# TYPE careerops_rebalances_total counter\ncareerops_rebalances_total %llu\n"
          "# HELP careerops_rebalance_pause_seconds Last and longest pause of this instance's processing for a "
          "rebalance.\n"
          "# TYPE careerops_rebalance_pause_seconds gauge\ncareerops_rebalance_pause_seconds{which=\"last\"} %.3f\n"
          "careerops_rebalance_pause_seconds{which=\"max\"} %.3f\n",
          (unsigned long long)rt->rebalances, (double)rt->rebal_last_ms / 1000.0, (double)rt->rebal_max_ms / 1000.0);
  fprintf(out,
          "# HELP careerops_processing_latency_ms Processing time per record.\n"
          "# TYPE careerops_processing_latency_ms histogram\n");
  uint64_t cum = 0;
  for (int b = 0; b < CO_RT_LAT_BUCKETS; b++) {
    cum += rt->lat_buckets[b];
    fprintf(out, "careerops_processing_latency_ms_bucket{le=\"%g\"} %llu\n", co_rt_lat_bounds[b],
            (unsigned long long)cum);
  }
  cum += rt->lat_buckets[CO_RT_LAT_BUCKETS];
  fprintf(out,
          "careerops_processing_latency_ms_bucket{le=\"+Inf\"} %llu\ncareerops_processing_latency_ms_sum %g\n"
          "careerops_processing_latency_ms_count %llu\n",
          (unsigned long long)cum, rt->lat_sum, (unsigned long long)rt->lat_cnt);
}
