/* bench_rt_util.c: see bench_rt_util.h. Failures exit: a bench that cannot
 * reach its broker has nothing to print. */
#include "bench_rt_util.h"

#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

double brt_cpu_s(pid_t pid) {
  if (!pid) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
  }
  char path[64];
  snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
  double cpu = brt_stat_cpu_s(path, NULL, 0);
  return cpu < 0 ? 0 : cpu;
}

double brt_stat_cpu_s(const char *path, char *comm, size_t commsz) {
  char buf[2048];
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  size_t len = fread(buf, 1, sizeof(buf) - 1, f);
  fclose(f);
  buf[len] = '\0';
  char *o = strchr(buf, '('), *p = strrchr(buf, ')'); /* after the name: state is field 3, utime 14, stime 15 */
  unsigned long ut = 0, st = 0;
  if (!o || !p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2) return -1;
  if (comm) snprintf(comm, commsz, "%.*s", (int)(p - o - 1), o + 1);
  return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

double brt_now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void brt_die(const char *what, const char *err) {
  fprintf(stderr, "bench_runtime: %s: %s\n", what, err);
  exit(1);
}

static void brt_set(rd_kafka_conf_t *c, const char *name, const char *value) {
  char err[256];
  if (rd_kafka_conf_set(c, name, value, err, sizeof(err)) != RD_KAFKA_CONF_OK) brt_die(name, err);
}

/* Sets "name=value[,name=value...]" on c. */
static void brt_set_pairs(rd_kafka_conf_t *c, const char *pairs) {
  char *dup = strdup(pairs), *save = NULL;
  for (char *kv = strtok_r(dup, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
    char *eq = strchr(kv, '=');
    if (!eq) brt_die("producer setting without '='", kv);
    *eq = '\0';
    brt_set(c, kv, eq + 1);
  }
  free(dup);
}

/* The passthrough's producer gets the runtime's producer defaults
 * (co_rt_kafka.c) unless $BRT_A sets others, e.g. "linger.ms=5,compression.type=none". */
#define BRT_A_DEFAULT "linger.ms=100,compression.type=lz4"

const char *brt_a_settings(void) {
  const char *a = getenv("BRT_A");
  return a && *a ? a : BRT_A_DEFAULT;
}

static rd_kafka_t *brt_producer(const char *brokers, const char *settings) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  brt_set(c, "bootstrap.servers", brokers);
  brt_set(c, "enable.idempotence", "true");
  brt_set(c, "partitioner", "murmur2_random");
  if (settings) brt_set_pairs(c, settings);
  rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err));
  if (!p) brt_die("producer", err);
  return p;
}

static void brt_send(rd_kafka_t *p, const char *topic, const void *key, size_t klen, const void *val, size_t vlen) {
  for (;;) {
    rd_kafka_resp_err_t r =
        rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(key, klen), RD_KAFKA_V_VALUE((void *)val, vlen),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    if (!r) return;
    if (r != RD_KAFKA_RESP_ERR__QUEUE_FULL) brt_die("produce", rd_kafka_err2str(r));
    rd_kafka_poll(p, 10);
  }
}

void brt_produce(const char *brokers, const char *topic, long n, int dup_every10) {
  rd_kafka_t *p = brt_producer(brokers, "linger.ms=5");
  for (long i = 0; i < n; i++) {
    long id = (dup_every10 && i % 10 == 9) ? i - 1 : i;
    char key[16], val[32];
    int kl = snprintf(key, sizeof(key), "k%ld", id % 100), vl = snprintf(val, sizeof(val), "%ld", id);
    brt_send(p, topic, key, (size_t)kl, val, (size_t)vl);
    if ((i & 1023) == 0) rd_kafka_poll(p, 0);
  }
  if (rd_kafka_flush(p, 120000)) brt_die("produce", "flush timed out");
  rd_kafka_destroy(p);
}

/* A consumer assigned to every partition of topics, from the beginning.
 * assign() needs a group id; this group never commits. */
static rd_kafka_t *brt_reader(const char *brokers, const char *const *topics, int *parts_total, int batched) {
  char err[256], gid[64];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  /* The counting reader tails topics being written: left at one fetch per
   * few records it took as much CPU as the pipeline it watched. */
  if (batched) brt_set(c, "fetch.wait.max.ms", "100"), brt_set(c, "fetch.min.bytes", "1000000");
  snprintf(gid, sizeof(gid), "bench-reader-%d-%ld", (int)getpid(), (long)(brt_now_s() * 1000));
  brt_set(c, "bootstrap.servers", brokers);
  brt_set(c, "group.id", gid);
  brt_set(c, "isolation.level", "read_committed");
  brt_set(c, "enable.partition.eof", "true");
  brt_set(c, "enable.auto.commit", "false");
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  if (!rk) brt_die("consumer", err);
  rd_kafka_poll_set_consumer(rk);
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(16);
  for (int t = 0; topics[t]; t++) {
    const struct rd_kafka_metadata *md;
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topics[t], NULL);
    if (rd_kafka_metadata(rk, 0, rkt, &md, 10000) || md->topics[0].err) brt_die("metadata", topics[t]);
    for (int p = 0; p < md->topics[0].partition_cnt; p++)
      rd_kafka_topic_partition_list_add(l, topics[t], p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_metadata_destroy(md);
    rd_kafka_topic_destroy(rkt);
  }
  *parts_total = l->cnt;
  rd_kafka_assign(rk, l);
  rd_kafka_topic_partition_list_destroy(l);
  return rk;
}

long brt_count(const char *brokers, const char *const *topics, long want, double timeout_s, double *first_s) {
  int parts, eof = 0;
  rd_kafka_t *rk = brt_reader(brokers, topics, &parts, want >= 0);
  long cnt = 0;
  double deadline = brt_now_s() + timeout_s;
  if (first_s) *first_s = 0;
  /* EOF is tracked per (topic, partition): at most 4 topics of 64 partitions here. */
  char seen_eof[64][4] = {{0}};
  while (brt_now_s() < deadline && (want < 0 ? eof < parts : cnt < want)) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      int ti = 0;
      while (ti < 3 && topics[ti + 1] && strcmp(rd_kafka_topic_name(m->rkt), topics[ti])) ti++;
      if (m->partition < 64 && !seen_eof[m->partition][ti]) seen_eof[m->partition][ti] = 1, eof++;
    } else if (!m->err) {
      if (!cnt && first_s) *first_s = brt_now_s();
      cnt++;
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return cnt;
}

int brt_wait_committed(const char *brokers, const char *group, const char *topic, int parts, long want,
                       double timeout_s) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  brt_set(c, "bootstrap.servers", brokers);
  brt_set(c, "group.id", group);                   /* never subscribes: reads the group's offsets */
  brt_set(c, "isolation.level", "read_committed"); /* librdkafka then asks for stable offsets */
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  if (!rk) brt_die("consumer", err);
  int rc = -1;
  for (double deadline = brt_now_s() + timeout_s; brt_now_s() < deadline;) {
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts);
    for (int p = 0; p < parts; p++) rd_kafka_topic_partition_list_add(l, topic, p);
    long sum = 0;
    if (!rd_kafka_committed(rk, l, 10000))
      for (int p = 0; p < l->cnt; p++)
        if (l->elems[p].offset > 0) sum += (long)l->elems[p].offset;
    rd_kafka_topic_partition_list_destroy(l);
    if (sum >= want) {
      rc = 0;
      break;
    }
    struct timespec ts = {0, 10 * 1000000L};
    nanosleep(&ts, NULL);
  }
  rd_kafka_destroy(rk);
  return rc;
}

double brt_passthrough(const char *brokers, const char *in, const char *out, long n, double *first_s) {
  const char *topics[] = {in, NULL};
  int parts;
  double t0 = brt_now_s();
  rd_kafka_t *rk = brt_reader(brokers, topics, &parts, 0);
  rd_kafka_t *p = brt_producer(brokers, brt_a_settings());
  long cnt = 0;
  double deadline = t0 + 600;
  while (cnt < n && brt_now_s() < deadline) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
    if (!m) continue;
    if (!m->err) {
      if (!cnt) *first_s = brt_now_s();
      brt_send(p, out, m->key, m->key_len, m->payload, m->len);
      cnt++;
    }
    rd_kafka_message_destroy(m);
    rd_kafka_poll(p, 0);
  }
  if (cnt < n) brt_die("passthrough", "input ended early or timed out");
  if (rd_kafka_flush(p, 120000)) brt_die("passthrough", "flush timed out");
  double t = brt_now_s() - t0;
  rd_kafka_destroy(p);
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return t;
}

/* --- the topology (same logic as tests/processor/co_rt_testapp.c) --- */

static char brt_out[256];
static _Atomic double brt_first;

double brt_first_processed_s(void) {
  return brt_first;
}

static co_proc_rc_t brt_count_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  (void)opaque, (void)errstr, (void)sz;
  char id[128], buf[160];
  if (!brt_first) brt_first = brt_now_s();
  void *v;
  size_t vl;
  if (!rec->value) return CO_PROC_OK;
  size_t n = rec->value_len < sizeof(id) - 1 ? rec->value_len : sizeof(id) - 1;
  memcpy(id, rec->value, n);
  id[n] = '\0';
  if (co_ctx_get(ctx, "dedupe", id, n, &v, &vl) == CO_OK) {
    free(v);
    return CO_PROC_OK;
  }
  co_ctx_put(ctx, "dedupe", id, n, "1", 1, 3600 * 1000);
  long long cnt = 0;
  if (co_ctx_get(ctx, "counts", rec->key, rec->key_len, &v, &vl) == CO_OK) {
    cnt = atoll(v);
    free(v);
  }
  int bl = snprintf(buf, sizeof(buf), "%lld", ++cnt);
  co_ctx_put(ctx, "counts", rec->key, rec->key_len, buf, (size_t)bl, 0);
  bl = snprintf(buf, sizeof(buf), "%s:%lld", id, cnt);
  co_ctx_send(ctx, brt_out, rec->key, rec->key_len, buf, (size_t)bl, NULL, 0);
  return CO_PROC_OK;
}

co_topo_t *brt_topology(const char *app_id) {
  char err[256], in[256];
  static const char *const stores[] = {"dedupe", "counts", NULL};
  snprintf(in, sizeof(in), "%s-input", app_id);
  snprintf(brt_out, sizeof(brt_out), "%s-output", app_id);
  brt_first = 0;
  co_topo_t *t = co_topo_new(app_id);
  if (!t || co_topo_add_store(t, "dedupe", CO_STORE_F_TTL, err, sizeof(err)) ||
      co_topo_add_store(t, "counts", 0, err, sizeof(err)) ||
      co_topo_add_processor(t, "count", in, brt_count_proc, NULL, stores, err, sizeof(err)) ||
      co_topo_add_sink(t, brt_out, err, sizeof(err)))
    brt_die("topology", err);
  return t;
}
