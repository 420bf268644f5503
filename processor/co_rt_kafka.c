/* co_rt_kafka.c: Kafka mode. One consumer (group member, group.assignor:
 * range by default, see co_rt_restore.c and docs/runtime.md, read_committed),
 * one transactional producer per instance (EOS v2: input
 * offsets, outputs and changelog writes in one transaction), and a restore
 * consumer (co_rt_restore.c). Local store writes wait in rt->batch and reach
 * RocksDB only after the Kafka transaction commits. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "co_kafka.h"
#include "co_log.h"
#include "co_time.h"
#include "co_rt_int.h"

/* Sends held back during an overlapping commit before the loop waits for it. */
#define CO_DEFER_MAX 50000

static int co_rt_kafka_passthru(const char *name, const char *value, void *opaque) {
  void **a = opaque;
  char *errstr = a[1];
  size_t sz = *(size_t *)a[2];
  char err[256];
  if (rd_kafka_conf_set(a[0], name, value, err, sizeof(err)) != RD_KAFKA_CONF_OK) {
    snprintf(errstr, sz, "invalid value for setting 'kafka.%s': %s", name, err);
    return 1;
  }
  return 0;
}

rd_kafka_conf_t *co_rt_kafka_conf(const co_conf_t *conf, char *errstr, size_t sz) {
  return co_rt_kafka_conf_defaults(conf, NULL, errstr, sz);
}

rd_kafka_conf_t *co_rt_kafka_conf_defaults(const co_conf_t *conf, const char *const *defaults, char *errstr,
                                           size_t sz) {
  rd_kafka_conf_t *kc = rd_kafka_conf_new();
  char err[256];
  if (rd_kafka_conf_set(kc, "bootstrap.servers", co_conf_str(conf, "brokers"), err, sizeof(err))) {
    co_seterr(errstr, sz, CO_ERR_CONFIG, "invalid value for setting 'brokers': %s", err);
    goto bad;
  }
  for (int i = 0; defaults && defaults[i]; i += 2)
    if (rd_kafka_conf_set(kc, defaults[i], defaults[i + 1], err, sizeof(err))) {
      co_seterr(errstr, sz, CO_ERR_CONFIG, "librdkafka rejected %s=%s: %s", defaults[i], defaults[i + 1], err);
      goto bad;
    }
  void *a[3] = {kc, errstr, &sz};
  if (co_conf_passthru_foreach(conf, "kafka.", co_rt_kafka_passthru, a)) goto bad;
  return kc;
bad:
  rd_kafka_conf_destroy(kc);
  return NULL;
}

static int co_rt_kset(rd_kafka_conf_t *kc, const char *name, const char *value, char *errstr, size_t sz) {
  char err[256];
  if (rd_kafka_conf_set(kc, name, value, err, sizeof(err)) != RD_KAFKA_CONF_OK) {
    co_seterr(errstr, sz, CO_ERR_CONFIG, "librdkafka rejected %s=%s: %s", name, value, err);
    return -1;
  }
  return 0;
}

/* A stable id per state dir, so a restarted instance fences its previous
 * incarnation's transaction at once instead of waiting for its timeout. */
static co_err_t co_rt_instance_id(co_rt_t *rt, char *errstr, size_t sz) {
  const char *gid = co_conf_str(rt->conf, "group.instance.id");
  if (*gid) {
    snprintf(rt->instance_id, sizeof(rt->instance_id), "%s", gid);
    return CO_OK;
  }
  char path[1024];
  snprintf(path, sizeof(path), "%s/instance.id", co_conf_str(rt->conf, "state.dir"));
  FILE *f = fopen(path, "r");
  if (f) {
    int ok = fscanf(f, "%63s", rt->instance_id) == 1;
    fclose(f);
    if (ok) return CO_OK;
  }
  unsigned char rnd[8];
  int fd = open("/dev/urandom", O_RDONLY);
  if (fd < 0 || read(fd, rnd, sizeof(rnd)) != (ssize_t)sizeof(rnd)) {
    if (fd >= 0) close(fd);
    return co_seterr(errstr, sz, CO_ERR_IO, "cannot read /dev/urandom");
  }
  close(fd);
  for (int i = 0; i < 8; i++) sprintf(rt->instance_id + 2 * i, "%02x", rnd[i]);
  if (!(f = fopen(path, "w"))) return co_seterr(errstr, sz, CO_ERR_IO, "cannot write %s: %s", path, strerror(errno));
  fprintf(f, "%s\n", rt->instance_id);
  fclose(f);
  return CO_OK;
}

static void co_rt_dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
  co_rt_t *rt = opaque;
  (void)rk;
  if (m->err) {
    rt->dr_failed = 1;
    CO_LOGKV(CO_LOG_WARN, "kafka", "delivery failed", "topic", rd_kafka_topic_name(m->rkt), "error",
             rd_kafka_err2str(m->err));
    return;
  }
  const char *topic = rd_kafka_topic_name(m->rkt);
  size_t tl = strlen(topic);
  if (tl < 10 || strcmp(topic + tl - 10, "-changelog")) return;
  /* Runs on the committer thread during an overlapping commit (co_rt_committer.c). */
  pthread_mutex_lock(&rt->tlock);
  for (int i = 0; i < rt->task_cnt; i++) {
    co_task_t *t = rt->tasks[i];
    if (t->partition != m->partition) continue;
    for (int s = 0; s < t->proc->store_cnt; s++)
      if (!strcmp(rt->topo->stores[t->proc->stores[s]].changelog, topic) && m->offset + 1 > t->cl_next[s])
        t->cl_next[s] = m->offset + 1;
  }
  pthread_mutex_unlock(&rt->tlock);
}

/* Creates the topics the topology needs that do not exist yet: sources and
 * sinks (topic.partitions), compacted changelogs (as many partitions as
 * their processor's source), and the DLQ; co_kafka_create_topics (the one
 * Admin API helper) also waits until metadata lists them, since a consumer
 * subscribing to a topic its first metadata lacks is not assigned it until
 * its next periodic refresh (a clean-clone CI run once never read its
 * corrections topic). */
static co_err_t co_rt_kafka_ensure_topics(co_rt_t *rt, char *errstr, size_t sz) {
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_resp_err_t e = rd_kafka_metadata(rt->producer, 1, NULL, &md, 15000);
  if (e) return co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot read cluster metadata: %s", rd_kafka_err2str(e));
  co_kafka_topic_t want[CO_TOPO_MAX_STORES + CO_TOPO_MAX_PROCS * 3 + 1];
  int n = 0;
#define CO_WANT(nm, p, c) (want[n].name = (nm), want[n].partitions = (p), want[n].compact = (c), n++)
  for (int i = 0; i < rt->topo->proc_cnt; i++) {
    const co_proc_def_t *p = &rt->topo->procs[i];
    int pc = rt->partitions;
    for (int j = 0; j < md->topic_cnt; j++)
      if (!strcmp(md->topics[j].topic, p->topic) && md->topics[j].partition_cnt > 0) pc = md->topics[j].partition_cnt;
    CO_WANT(p->topic, pc, 0);
    for (int s = 0; s < p->store_cnt; s++) CO_WANT(rt->topo->stores[p->stores[s]].changelog, pc, 1);
  }
  for (int i = 0; i < rt->topo->sink_cnt; i++) CO_WANT(rt->topo->sinks[i], rt->partitions, 0);
  CO_WANT(rt->dlq_topic, rt->partitions, 0);
#undef CO_WANT
  int nt = 0; /* the missing ones, each once (a sink may also be a source) */
  for (int i = 0; i < n; i++) {
    int exists = 0;
    for (int j = 0; j < md->topic_cnt; j++)
      if (!strcmp(md->topics[j].topic, want[i].name) && md->topics[j].err == RD_KAFKA_RESP_ERR_NO_ERROR) exists = 1;
    for (int j = 0; j < nt; j++)
      if (!strcmp(want[j].name, want[i].name)) exists = 1;
    if (!exists) want[nt++] = want[i];
  }
  rd_kafka_metadata_destroy(md);
  return nt ? co_kafka_create_topics(rt->producer, rt->conf, want, nt, 30000, NULL, errstr, sz) : CO_OK;
}

/* transaction.timeout.ms: 10 s (Kafka Streams' value) on top of the commit
 * interval and of the slowest record: the loop commits after the first
 * record past the interval, so a transaction lives one interval plus that
 * record, every attempt and backoff of it (co_task_process). A longer one is
 * aborted by the broker, which fences this producer (the instance stops).
 * At most the broker's default transaction.max.timeout.ms (15 min). A
 * kafka.transaction.timeout.ms the user set wins. */
static int co_rt_user_txn_timeout(const char *name, const char *value, void *opaque) {
  if (!strcmp(name, "transaction.timeout.ms")) *(int64_t *)opaque = strtoll(value, NULL, 10);
  return 0;
}

int64_t co_rt_txn_timeout_ms(const co_rt_t *rt) {
  int64_t rec = 0, back = 0, user = 0;
  co_conf_passthru_foreach(rt->conf, "kafka.", co_rt_user_txn_timeout, &user);
  if (user > 0) return user;
  if (rt->topo->attempt_max_ms) {
    for (int a = 1; a < rt->max_attempts; a++) {
      int64_t b = (int64_t)rt->backoff_ms << (a - 1);
      back += b > 5000 ? 5000 : b;
    }
    rec = rt->topo->attempt_max_ms * (rt->max_attempts > 0 ? rt->max_attempts : 1) + back;
  }
  int64_t ms = 10000 + rt->commit_interval_ms + rec;
  return ms > 900000 ? 900000 : ms;
}

co_err_t co_rt_kafka_start(co_rt_t *rt, char *errstr, size_t sz) {
  char err[512], txid[256];
  rd_kafka_conf_t *pc = NULL, *cc = NULL, *rc = NULL;
  if (co_rt_instance_id(rt, errstr, sz) || co_rt_writer_start(rt, errstr, sz)) return CO_ERR_IO;
  const char *app = co_conf_str(rt->conf, "app.id");

  /* Producer: our defaults, then the user's kafka.*, then what co-partitioning
   * (Java's partitioner) and EOS need. lz4: the broker, not this process,
   * limits an EOS pipeline on a small machine, and compressed batches cost
   * it less (bench/processor: steady b/a 0.47 -> 0.61 at 1M records).
   * linger.ms 100 as in Kafka Streams: a transaction's commit flushes at
   * once whatever the linger, so it costs no commit latency, and a few large
   * batches per commit cost this process and the broker less CPU than many
   * small ones (broker CPU per 1M records 3.1 -> 2.2 s at linger.ms 50). */
  static const char *const pdef[] = {"linger.ms", "100", "compression.type", "lz4", NULL};
  if (!(pc = co_rt_kafka_conf_defaults(rt->conf, pdef, errstr, sz))) goto err;
  if (co_rt_kset(pc, "partitioner", "murmur2_random", errstr, sz)) goto err;
  if (rt->eos) {
    char tmo[32];
    snprintf(tmo, sizeof(tmo), "%lld", (long long)co_rt_txn_timeout_ms(rt));
    snprintf(txid, sizeof(txid), "%s-%s", app, rt->instance_id);
    if (co_rt_kset(pc, "transactional.id", txid, errstr, sz) || co_rt_kset(pc, "transaction.timeout.ms", tmo, errstr, sz))
      goto err;
    CO_LOGKV(CO_LOG_INFO, "kafka", "transactions", "transactional.id", txid, "transaction.timeout.ms", tmo);
  } else if (co_rt_kset(pc, "enable.idempotence", "true", errstr, sz)) {
    goto err;
  }
  rd_kafka_conf_set_dr_msg_cb(pc, co_rt_dr_cb);
  /* Overlapping commits: off for at-least-once, which has no transaction. */
  rt->overlap = rt->eos && co_conf_bool(rt->conf, "commit.overlap");
  rt->abort_every = co_conf_int(rt->conf, "test.commit.abort.every");
  if (rt->overlap && co_rt_committer_start(rt, errstr, sz)) goto err;
  rd_kafka_conf_set_opaque(pc, rt);
  if (!(rt->producer = rd_kafka_new(RD_KAFKA_PRODUCER, pc, err, sizeof(err)))) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create producer: %s", err);
    goto err;
  }
  pc = NULL;
  if (co_rt_kafka_ensure_topics(rt, errstr, sz)) goto err;
  if (rt->eos) {
    rd_kafka_error_t *e = rd_kafka_init_transactions(rt->producer, 60000);
    if (e) {
      co_seterr(errstr, sz, CO_ERR_KAFKA, "init_transactions: %s", rd_kafka_error_string(e));
      rd_kafka_error_destroy(e);
      goto err;
    }
  }

  /* Restore consumer: reads changelogs to their committed end by assign().
   * librdkafka's assign() needs a group id; this group never subscribes or commits. */
  char rgroup[300];
  snprintf(rgroup, sizeof(rgroup), "%s-restore-%s", app, rt->instance_id);
  /* An empty or caught-up changelog answers after fetch.wait.max.ms: keep
   * it short so a task with little to restore starts at once. */
  static const char *const rdef[] = {"fetch.wait.max.ms", "20", NULL};
  if (!(rc = co_rt_kafka_conf_defaults(rt->conf, rdef, errstr, sz))) goto err;
  if (co_rt_kset(rc, "group.id", rgroup, errstr, sz) || co_rt_kset(rc, "enable.partition.eof", "true", errstr, sz) ||
      co_rt_kset(rc, "isolation.level", "read_committed", errstr, sz) ||
      co_rt_kset(rc, "enable.auto.commit", "false", errstr, sz) ||
      co_rt_kset(rc, "auto.offset.reset", "earliest", errstr, sz))
    goto err;
  if (!(rt->restorer = rd_kafka_new(RD_KAFKA_CONSUMER, rc, err, sizeof(err)))) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create restore consumer: %s", err);
    goto err;
  }
  rc = NULL;
  rd_kafka_poll_set_consumer(rt->restorer);

  /* Group consumer. */
  if (!(cc = co_rt_kafka_conf(rt->conf, errstr, sz))) goto err;
  if (co_rt_kset(cc, "group.id", app, errstr, sz) ||
      co_rt_kset(cc, "partition.assignment.strategy", co_conf_str(rt->conf, "group.assignor"), errstr, sz) ||
      co_rt_kset(cc, "enable.auto.commit", "false", errstr, sz) ||
      co_rt_kset(cc, "enable.auto.offset.store", "false", errstr, sz) ||
      co_rt_kset(cc, "auto.offset.reset", "earliest", errstr, sz) ||
      co_rt_kset(cc, "isolation.level", rt->eos ? "read_committed" : "read_uncommitted", errstr, sz))
    goto err;
  if (*co_conf_str(rt->conf, "group.instance.id") &&
      co_rt_kset(cc, "group.instance.id", co_conf_str(rt->conf, "group.instance.id"), errstr, sz))
    goto err;
  rd_kafka_conf_set_rebalance_cb(cc, co_rt_kafka_rebalance_cb);
  rd_kafka_conf_set_opaque(cc, rt);
  if (!(rt->consumer = rd_kafka_new(RD_KAFKA_CONSUMER, cc, err, sizeof(err)))) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create consumer: %s", err);
    goto err;
  }
  cc = NULL;
  rd_kafka_poll_set_consumer(rt->consumer);
  rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(rt->topo->proc_cnt);
  for (int i = 0; i < rt->topo->proc_cnt; i++)
    rd_kafka_topic_partition_list_add(sub, rt->topo->procs[i].topic, RD_KAFKA_PARTITION_UA);
  rd_kafka_resp_err_t se = rd_kafka_subscribe(rt->consumer, sub);
  rd_kafka_topic_partition_list_destroy(sub);
  if (se) {
    co_seterr(errstr, sz, CO_ERR_KAFKA, "subscribe: %s", rd_kafka_err2str(se));
    goto err;
  }
  if (!(rt->restore_batch = co_state_batch_new(rt->db))) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    goto err;
  }
  return CO_OK;
err:
  if (pc) rd_kafka_conf_destroy(pc);
  if (cc) rd_kafka_conf_destroy(cc);
  if (rc) rd_kafka_conf_destroy(rc);
  return CO_ERR_KAFKA;
}

co_err_t co_rt_kafka_emit(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen,
                          const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr, size_t sz) {
  if (rt->cbusy) /* the producer is the committer's until the transaction is done */
    return co_rt_defer(rt, topic, partition, key, klen, val, vlen, hdrs, hdr_cnt)
               ? co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory holding a send")
               : CO_OK;
  return co_rt_kafka_produce_rt(rt, topic, partition, key, klen, val, vlen, hdrs, hdr_cnt, errstr, sz);
}

/* rkt NULL: by topic name. */
static co_err_t co_rt_kafka_produce_to(rd_kafka_t *producer, rd_kafka_topic_t *rkt, const char *topic,
                                       int32_t partition, const void *key, size_t klen, const void *val, size_t vlen,
                                       const co_hdr_t *hdrs, int hdr_cnt, char *errstr, size_t sz) {
  for (;;) {
    rd_kafka_headers_t *h = NULL;
    if (hdr_cnt) {
      h = rd_kafka_headers_new((size_t)hdr_cnt);
      for (int i = 0; i < hdr_cnt; i++)
        rd_kafka_header_add(h, hdrs[i].name, -1, hdrs[i].value, hdrs[i].value ? (ssize_t)hdrs[i].len : 0);
    }
    int32_t part = partition < 0 ? RD_KAFKA_PARTITION_UA : partition;
    void *v = (void *)val;
    size_t vl = val ? vlen : 0;
    rd_kafka_resp_err_t e =
        rkt ? rd_kafka_producev(producer, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_PARTITION(part), RD_KAFKA_V_KEY(key, klen),
                                RD_KAFKA_V_VALUE(v, vl), RD_KAFKA_V_HEADERS(h),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END)
            : rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(part),
                                RD_KAFKA_V_KEY(key, klen), RD_KAFKA_V_VALUE(v, vl), RD_KAFKA_V_HEADERS(h),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    if (!e) return CO_OK;
    if (h) rd_kafka_headers_destroy(h);
    if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL)
      return co_seterr(errstr, sz, CO_ERR_KAFKA, "produce to %s: %s", topic, rd_kafka_err2str(e));
    rd_kafka_poll(producer, 50);
  }
}

/* NULL if the handle cannot be made (the caller produces by name). */
static rd_kafka_topic_t *co_rt_kafka_topic(co_rt_t *rt, const char *topic) {
  for (int i = 0; i < rt->topic_cnt; i++)
    if (!strcmp(rt->topics[i].name, topic)) return rt->topics[i].rkt;
  if (rt->topic_cnt == rt->topic_cap) {
    int cap = rt->topic_cap ? rt->topic_cap * 2 : 8;
    struct co_rt_topic_s *n = realloc(rt->topics, sizeof(*n) * (size_t)cap);
    if (!n) return NULL;
    rt->topics = n;
    rt->topic_cap = cap;
  }
  char *name = strdup(topic);
  rd_kafka_topic_t *rkt = name ? rd_kafka_topic_new(rt->producer, topic, NULL) : NULL;
  if (!rkt) {
    free(name);
    return NULL;
  }
  rt->topics[rt->topic_cnt++] = (struct co_rt_topic_s){name, rkt};
  return rkt;
}

co_err_t co_rt_kafka_produce_rt(co_rt_t *rt, const char *topic, int32_t partition, const void *key, size_t klen,
                                const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr,
                                size_t sz) {
  return co_rt_kafka_produce_to(rt->producer, co_rt_kafka_topic(rt, topic), topic, partition, key, klen, val, vlen,
                                hdrs, hdr_cnt, errstr, sz);
}

co_err_t co_rt_kafka_produce(rd_kafka_t *producer, const char *topic, int32_t partition, const void *key, size_t klen,
                             const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt, char *errstr, size_t sz) {
  return co_rt_kafka_produce_to(producer, NULL, topic, partition, key, klen, val, vlen, hdrs, hdr_cnt, errstr, sz);
}

/* Builds the co_record_t view of a consumed message; *hdrs malloc'd. */
static void co_rt_kafka_record(const rd_kafka_message_t *m, co_record_t *rec, co_hdr_t **hdrsp) {
  rd_kafka_headers_t *kh = NULL;
  memset(rec, 0, sizeof(*rec));
  rec->topic = rd_kafka_topic_name(m->rkt);
  rec->partition = m->partition;
  rec->offset = m->offset;
  rec->timestamp_ms = rd_kafka_message_timestamp(m, NULL);
  rec->key = m->key ? m->key : "";
  rec->key_len = m->key_len;
  rec->value = m->payload;
  rec->value_len = m->len;
  *hdrsp = NULL;
  if (!rd_kafka_message_headers(m, &kh) && kh) {
    size_t cnt = rd_kafka_header_cnt(kh);
    co_hdr_t *h = calloc(cnt ? cnt : 1, sizeof(*h));
    const char *name;
    const void *val;
    size_t len;
    for (size_t i = 0; h && i < cnt && !rd_kafka_header_get_all(kh, i, &name, &val, &len); i++)
      h[i] = (co_hdr_t){name, val, len}, rec->hdr_cnt++;
    rec->hdrs = h;
    *hdrsp = h;
  }
}

static co_err_t co_rt_kafka_handle(co_rt_t *rt, rd_kafka_message_t *m, char *errstr, size_t sz) {
  if (m->err) {
    if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
      CO_LOGKV(CO_LOG_WARN, "kafka", "consumer error", "error", rd_kafka_message_errstr(m));
    return CO_OK;
  }
  co_task_t *t = co_rt_task_find(rt, rd_kafka_topic_name(m->rkt), m->partition);
  /* Not ours or not restored yet: the partition is re-positioned when the
   * task starts running, so nothing is lost by dropping it here. */
  if (!t || t->state != CO_TASK_RUNNING || m->offset < t->next_offset) return CO_OK;
  /* A transaction's age counts from its first record: after an idle spell
   * or an abort's seek, the next commit still carries an interval's worth. */
  if (!rt->dirty) rt->last_commit_ms = co_time_mono_ms();
  co_record_t rec;
  co_hdr_t *hdrs;
  co_rt_kafka_record(m, &rec, &hdrs);
  co_err_t err = co_task_process(t, &rec, errstr, sz);
  free(hdrs);
  t->next_offset = m->offset + 1;
  return err;
}

void co_rt_kafka_flush_txn(co_rt_t *rt) {
  /* A timeout or a failed delivery is the commit's to report. */
  (void)rd_kafka_flush(rt->producer, 10000);
}

co_err_t co_rt_kafka_begin(co_rt_t *rt, char *errstr, size_t sz) {
  if (!rt->eos || rt->txn_open) return CO_OK;
  rd_kafka_error_t *e = rd_kafka_begin_transaction(rt->producer);
  if (e) {
    co_seterr(errstr, sz, CO_ERR_FENCED, "begin_transaction: %s", rd_kafka_error_string(e));
    rd_kafka_error_destroy(e);
    return CO_ERR_FENCED;
  }
  rt->txn_open = 1;
  return CO_OK;
}

co_err_t co_rt_kafka_loop(co_rt_t *rt, char *errstr, size_t sz) {
  co_err_t err = CO_OK;
  rt->last_commit_ms = co_time_mono_ms();
  while (!rt->stop && !err) {
    if (rt->cfatal) {
      err = co_seterr(errstr, sz, CO_ERR_FENCED, "a transaction commit failed fatally");
      break;
    }
    /* An overlapping commit is joined once it is done, or when the sends it
     * holds back reach their bound. */
    if (rt->cbusy && (rt->def_cnt >= CO_DEFER_MAX || co_rt_committer_done(rt)) &&
        (err = co_rt_committer_join(rt, errstr, sz)))
      break;
    if (!rt->cbusy && (err = co_rt_kafka_begin(rt, errstr, sz))) break;
    co_rt_standby_tick(rt);
    co_rt_writer_reap(rt);
    if ((err = co_rt_restore_step(rt, errstr, sz))) break;
    for (int n = 0; n < 1000 && !rt->stop && !err && rt->def_cnt < CO_DEFER_MAX; n++) {
      rd_kafka_message_t *m = rd_kafka_consumer_poll(rt->consumer, n ? 0 : (rt->restoring ? 5 : 50));
      if (!m) break;
      err = co_rt_kafka_handle(rt, m, errstr, sz);
      rd_kafka_message_destroy(m);
      /* After every record: one slow record after another (the classifier's
       * embedding on a loaded machine, a research call) must not keep a
       * transaction open past transaction.timeout.ms, or the broker aborts
       * it and fences this producer (checking every 64th record let 64
       * records of ~0.2 s each run over 10 s: an instance stopped fenced in
       * api_kafka_three_instances_...). The coarse clock costs ~7 ns. */
      if (!err && rt->dirty && co_time_mono_coarse_ms() - rt->last_commit_ms >= rt->commit_interval_ms) break;
    }
    if (!err) err = co_rt_punctuate(rt, errstr, sz);
    if (!rt->cbusy) rd_kafka_poll(rt->producer, 0);
    if (!err && rt->dirty && co_time_mono_ms() - rt->last_commit_ms >= rt->commit_interval_ms)
      err = co_rt_kafka_commit(rt, errstr, sz);
  }
  if (!err && rt->dirty) err = co_rt_kafka_commit(rt, errstr, sz);
  if (!err) err = co_rt_committer_join(rt, errstr, sz);
  if (err) CO_LOGKV(CO_LOG_ERROR, "kafka", "processing stopped", "error", errstr);
  return err;
}

void co_rt_kafka_close(co_rt_t *rt) {
  co_rt_committer_stop(rt); /* the consumer's revoke below commits or aborts the rest */
  if (rt->standby_q) {
    rd_kafka_queue_destroy(rt->standby_q);
    rt->standby_q = NULL;
  }
  if (rt->consumer) {
    /* Leaving the group runs the revoke callback, which commits or aborts. */
    rd_kafka_consumer_close(rt->consumer);
    rd_kafka_destroy(rt->consumer);
    rt->consumer = NULL;
  }
  if (rt->txn_open) {
    rd_kafka_error_t *e = rd_kafka_abort_transaction(rt->producer, 10000);
    if (e) rd_kafka_error_destroy(e);
    rt->txn_open = 0;
  }
  if (rt->restorer) {
    rd_kafka_consumer_close(rt->restorer);
    rd_kafka_destroy(rt->restorer);
    rt->restorer = NULL;
  }
  for (int i = 0; i < rt->topic_cnt; i++) {
    rd_kafka_topic_destroy(rt->topics[i].rkt);
    free(rt->topics[i].name);
  }
  free(rt->topics);
  rt->topics = NULL;
  rt->topic_cnt = rt->topic_cap = 0;
  if (rt->producer) {
    rd_kafka_flush(rt->producer, 10000);
    rd_kafka_destroy(rt->producer);
    rt->producer = NULL;
  }
  if (rt->restore_batch) co_state_batch_destroy(rt->restore_batch);
  rt->restore_batch = NULL;
  co_rt_writer_stop(rt);
}
