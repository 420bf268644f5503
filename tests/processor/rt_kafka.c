/* rt_kafka.c: see rt_kafka.h. */
#include "rt_kafka.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <librdkafka/rdkafka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "co_th.h"

static char g_app_bin[1024];

void rt_env_init(rt_env_t *e, const char *prefix) {
  char err[512];
  memset(e, 0, sizeof(*e));
  snprintf(g_app_bin, sizeof(g_app_bin), "%s/tests/processor/co_rt_testapp", getenv("CO_BINARY_DIR"));
  setvbuf(stdout, NULL, _IONBF, 0);
  e->k = co_th_kafka_start(1, err, sizeof(err));
  if (!e->k) fail_msg("kafka: %s", err);
  e->app = co_th_kafka_unique_name(prefix);
  e->dir = co_th_tmpdir(prefix);
  snprintf(e->input, sizeof(e->input), "%s-input", e->app);
  snprintf(e->output, sizeof(e->output), "%s-output", e->app);
  snprintf(e->dlq, sizeof(e->dlq), "%s-dlq", e->app);
  if (co_th_kafka_create_topic(e->k, e->input, 6, 1, NULL, err, sizeof(err)) ||
      co_th_kafka_create_topic(e->k, e->output, 6, 1, NULL, err, sizeof(err)))
    fail_msg("topics: %s", err);
}

void rt_env_fini(rt_env_t *e) {
  for (int i = 0; i < RT_MAX_INST; i++)
    if (e->pid[i] > 0) co_th_kill(e->pid[i], SIGKILL, 5000);
  co_th_kafka_stop(e->k);
  if (!getenv("CO_TH_KEEP")) co_th_rm_rf(e->dir);
  free(e->dir);
  free(e->app);
}

static rd_kafka_t *rt_producer(rt_env_t *e) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", co_th_kafka_bootstrap(e->k), err, sizeof(err));
  rd_kafka_conf_set(c, "enable.idempotence", "true", err, sizeof(err));
  rd_kafka_conf_set(c, "partitioner", "murmur2_random", err, sizeof(err));
  rd_kafka_conf_set(c, "linger.ms", "20", err, sizeof(err));
  rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err));
  if (!p) fail_msg("producer: %s", err);
  return p;
}

static void rt_send(rd_kafka_t *p, const char *topic, const char *key, const char *val) {
  for (;;) {
    rd_kafka_resp_err_t r = rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(key, strlen(key)),
                                              RD_KAFKA_V_VALUE((void *)val, strlen(val)),
                                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    if (!r) return;
    if (r != RD_KAFKA_RESP_ERR__QUEUE_FULL) fail_msg("produce: %s", rd_kafka_err2str(r));
    rd_kafka_poll(p, 50);
  }
}

void rt_produce(rt_env_t *e, long from, long to) {
  rd_kafka_t *p = rt_producer(e);
  for (long i = from; i < to; i++) {
    long id = (i % 10 == 9) ? i - 1 : i;
    char key[16], val[32];
    snprintf(key, sizeof(key), "k%ld", id % 100);
    snprintf(val, sizeof(val), "%ld", id);
    rt_send(p, e->input, key, val);
  }
  if (rd_kafka_flush(p, 60000)) fail_msg("input flush timed out");
  rd_kafka_destroy(p);
}

void rt_produce_one(rt_env_t *e, const char *key, const char *value) {
  rd_kafka_t *p = rt_producer(e);
  rt_send(p, e->input, key, value);
  if (rd_kafka_flush(p, 30000)) fail_msg("flush timed out");
  rd_kafka_destroy(p);
}

void rt_start(rt_env_t *e, int i, char *const *env) {
  char xs[6][1200], log[1100], err[256];
  snprintf(xs[0], sizeof(xs[0]), "state.dir=%s/i%d", e->dir, i);
  snprintf(xs[1], sizeof(xs[1]), "brokers=%s", co_th_kafka_bootstrap(e->k));
  snprintf(xs[2], sizeof(xs[2]), "app.id=%s", e->app);
  snprintf(xs[3], sizeof(xs[3]), "group.instance.id=%s-i%d", e->app, i);
  snprintf(xs[4], sizeof(xs[4]), "topic.dlq=%s", e->dlq);
  snprintf(xs[5], sizeof(xs[5]), "kafka.session.timeout.ms=6000");
  snprintf(log, sizeof(log), "%s/i%d.log", e->dir, i);
  char *argv[] = {g_app_bin, "run", "-X", xs[0], "-X", xs[1], "-X", xs[2], "-X", xs[3], "-X", xs[4],
                  "-X", xs[5], "-X", "log.level=info", "-X", "commit.interval.ms=100", "-X", "retry.backoff.ms=10", NULL};
  e->pid[i] = co_th_spawn(argv, env, log, err, sizeof(err));
  if (e->pid[i] <= 0) fail_msg("spawn: %s", err);
}

void rt_kill(rt_env_t *e, int i, int sig) {
  co_th_kill(e->pid[i], sig, 60000);
  e->pid[i] = -1;
}

char *rt_collect(rt_env_t *e, const char *topic, long want, int timeout_ms, long *cnt) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", co_th_kafka_bootstrap(e->k), err, sizeof(err));
  rd_kafka_conf_set(c, "isolation.level", "read_committed", err, sizeof(err));
  rd_kafka_conf_set(c, "enable.partition.eof", "true", err, sizeof(err));
  /* assign() needs a group id; this group never commits. */
  char *gid = co_th_kafka_unique_name("collect");
  rd_kafka_conf_set(c, "group.id", gid, err, sizeof(err));
  free(gid);
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  rd_kafka_poll_set_consumer(rk);
  const struct rd_kafka_metadata *md;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  if (rd_kafka_metadata(rk, 0, rkt, &md, 10000)) fail_msg("metadata for %s", topic);
  int parts = md->topics[0].partition_cnt;
  rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(rkt);
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts);
  for (int p = 0; p < parts; p++) rd_kafka_topic_partition_list_add(l, topic, p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(rk, l);
  rd_kafka_topic_partition_list_destroy(l);
  size_t cap = 1 << 20, len = 0;
  char *buf = malloc(cap);
  buf[0] = '\0';
  *cnt = 0;
  int64_t deadline = co_th_now_ms() + timeout_ms;
  int eof = 0, at_end[64] = {0};
  /* Until we have what we want, then until every partition is at its end. */
  while (co_th_now_ms() < deadline && (*cnt < want || eof < parts)) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 200);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      if (m->partition < 64 && !at_end[m->partition]++) eof++;
    } else if (!m->err) {
      if (m->partition < 64 && at_end[m->partition]) at_end[m->partition] = 0, eof--; /* not at its end any more */
      if (len + m->key_len + m->len + 4 > cap) buf = realloc(buf, cap *= 2);
      len += (size_t)sprintf(buf + len, "%.*s %.*s\n", (int)m->key_len, (const char *)m->key, (int)m->len,
                             (const char *)m->payload);
      (*cnt)++;
    }
    rd_kafka_message_destroy(m);
    if (want < 0 && eof >= parts) break;
  }
  if (*cnt < want) printf("# collect %s: %ld of %ld records before the deadline\n", topic, *cnt, want);
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return buf;
}

char *rt_dump_counts(rt_env_t *e, const char *sub) {
  char cmd[4096], *out = NULL;
  snprintf(cmd, sizeof(cmd),
           "'%s' dump-counts -X state.dir='%s/%s' -X brokers=%s -X app.id=%s -X topic.dlq=%s -X log.level=info "
           "2>>'%s/%s.log'",
           g_app_bin, e->dir, sub, co_th_kafka_bootstrap(e->k), e->app, e->dlq, e->dir, sub);
  int rc = co_th_sh(cmd, &out);
  if (rc) fail_msg("dump-counts failed (%d); see %s/%s.log", rc, e->dir, sub);
  return out;
}

long rt_restored(rt_env_t *e, const char *logname) {
  char path[1200];
  snprintf(path, sizeof(path), "%s/%s.log", e->dir, logname);
  char *s = co_th_read_file(path, NULL);
  long total = 0;
  for (char *p = s; p && (p = strstr(p, "\"msg\":\"restored, running\"")); p++) {
    char *r = strstr(p, "\"records\":\"");
    if (r) total += atol(r + 11);
  }
  free(s);
  return total;
}

long rt_progress(rt_env_t *e) {
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", co_th_kafka_bootstrap(e->k), err, sizeof(err));
  rd_kafka_conf_set(c, "group.id", e->app, err, sizeof(err)); /* never subscribes: only reads offsets */
  /* Committed offsets, without waiting for pending ones: a read_committed
   * read retries while any of the 6 partitions has a transaction's offsets
   * pending, which with three instances committing can be most of the time. */
  rd_kafka_conf_set(c, "isolation.level", "read_uncommitted", err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(6);
  for (int p = 0; p < 6; p++) rd_kafka_topic_partition_list_add(l, e->input, p);
  long sum = 0;
  if (!rd_kafka_committed(rk, l, 10000))
    for (int p = 0; p < l->cnt; p++)
      if (l->elems[p].offset > 0) sum += (long)l->elems[p].offset;
  rd_kafka_topic_partition_list_destroy(l);
  rd_kafka_destroy(rk);
  return sum;
}
