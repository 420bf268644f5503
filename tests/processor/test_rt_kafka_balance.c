/* Proves the default group.assignor spreads every source topic evenly over
 * the live instances: 2 and 3 in-process runtimes on one consumer group
 * whose topology reads three topics, "a" and "b" (6 partitions each,
 * co-partitioned: keyed alike) and "c" (4 partitions). For each group
 * formation (all instances starting, and each restart of one instance) the
 * test waits until the group is stable, every partition is assigned, and
 * every partition's latest record was processed by the instance the group
 * assigned it to; then, for every topic, each instance owns within one
 * partition of every other, and partition p of "a" and of "b" belong to the
 * same instance.
 *
 * Two kinds of membership, 10 formations each for 2 and for 3 instances:
 * - static (group.instance.id): a restart within session.timeout.ms comes
 *   back to the same assignment (sticky: asserted);
 * - dynamic: a stopping instance leaves the group at once and the assignor
 *   runs again for the others and again when it is back, so most
 *   formations are new assignments.
 *
 * Records flow into every partition all the time (a producer thread), and the
 * test prints, per formation, the longest time a partition went without a
 * record processed: on instances that were not restarted (the cost of the
 * eager protocol's full revoke) and overall. RT_BAL_ASSIGNOR=
 * cooperative-sticky runs the same checks with the other assignor (they
 * fail: it balances the partition count over all topics, not per topic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <librdkafka/rdkafka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_conf.h"
#include "co_log.h"
#include "co_rt.h"
#include "co_th.h"
#include "co_th_kafka.h"

#define NT 3    /* source topics */
#define MAXP 6  /* partitions of the largest */
#define MAXI 3  /* instances */
#define NFORM 10

static const int g_parts[NT] = {6, 6, 4};
static const char *const g_suffix[NT] = {"a", "b", "c"};

typedef struct inst_s {
  int idx;
  co_conf_t *conf;
  co_topo_t *topo;
  co_rt_t *rt;
  pthread_t thr;
  co_err_t rc;
  char err[512];
} inst_t;

typedef struct bal_s {
  co_th_kafka_t *k;
  char *app, *dir;
  char topic[NT][256];
  int stat; /* static membership */
  inst_t in[MAXI];
  int up[MAXI];
  rd_kafka_t *admin;
  /* the producer thread */
  pthread_t pthr;
  volatile int pstop;
} bal_t;

/* What the processors saw, under g_mu. */
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static int64_t g_last[NT][MAXP];  /* when the partition's latest record was processed */
static int g_owner[NT][MAXP];     /* by which instance */
static int64_t g_gap_kept[MAXI];  /* longest gap between records of a partition that stayed on the instance */
static int64_t g_gap_any;         /* longest gap of any partition */

static int topic_idx(bal_t *b, const char *topic) {
  for (int t = 0; t < NT; t++)
    if (!strcmp(b->topic[t], topic)) return t;
  return -1;
}

static bal_t *g_b;

static co_proc_rc_t bal_proc(co_ctx_t *ctx, const co_record_t *rec, void *opaque, char *errstr, size_t sz) {
  inst_t *in = opaque;
  (void)errstr;
  (void)sz;
  int t = topic_idx(g_b, rec->topic), p = rec->partition;
  if (t < 0 || p < 0 || p >= MAXP) return CO_PROC_POISON;
  int64_t now = co_th_now_ms();
  pthread_mutex_lock(&g_mu);
  if (g_last[t][p]) {
    int64_t gap = now - g_last[t][p];
    if (gap > g_gap_any) g_gap_any = gap;
    if (g_owner[t][p] == in->idx && gap > g_gap_kept[in->idx]) g_gap_kept[in->idx] = gap;
  }
  g_last[t][p] = now;
  g_owner[t][p] = in->idx;
  pthread_mutex_unlock(&g_mu);
  /* a store per processor, so tasks have changelogs to restore */
  char store[4] = {'s', g_suffix[t][0], 0, 0}, buf[32];
  void *v = NULL;
  size_t vl = 0;
  long long n = 0;
  if (co_ctx_get(ctx, store, rec->key, rec->key_len, &v, &vl) == CO_OK) n = atoll(v);
  free(v);
  int bl = snprintf(buf, sizeof(buf), "%lld", n + 1);
  co_ctx_put(ctx, store, rec->key, rec->key_len, buf, (size_t)bl, 0);
  return CO_PROC_OK;
}

static void set(co_conf_t *c, const char *name, const char *value) {
  char err[256];
  if (co_conf_set(c, name, value, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf %s: %s", name, err);
}

static void *inst_run(void *arg) {
  inst_t *in = arg;
  in->rc = co_rt_run(in->rt, in->err, sizeof(in->err));
  return NULL;
}

static void inst_start(bal_t *b, int i) {
  inst_t *in = &b->in[i];
  char v[1200], err[512];
  memset(in, 0, sizeof(*in));
  in->idx = i;
  in->conf = co_conf_new();
  set(in->conf, "brokers", co_th_kafka_bootstrap(b->k));
  set(in->conf, "app.id", b->app);
  snprintf(v, sizeof(v), "%s/i%d", b->dir, i);
  set(in->conf, "state.dir", v);
  snprintf(v, sizeof(v), "%s-dlq", b->app);
  set(in->conf, "topic.dlq", v);
  set(in->conf, "log.level", "warn");
  set(in->conf, "commit.interval.ms", "100");
  set(in->conf, "kafka.session.timeout.ms", "6000");
  set(in->conf, "kafka.heartbeat.interval.ms", "500"); /* members hear of a rebalance sooner: a shorter test */
  snprintf(v, sizeof(v), "bal-i%d", i);
  set(in->conf, "kafka.client.id", v);
  if (b->stat) {
    snprintf(v, sizeof(v), "%s-i%d", b->app, i);
    set(in->conf, "group.instance.id", v);
  }
  if (getenv("RT_BAL_ASSIGNOR")) set(in->conf, "group.assignor", getenv("RT_BAL_ASSIGNOR"));
  if (co_conf_finalize(in->conf, err, sizeof(err))) fail_msg("conf: %s", err);
  in->topo = co_topo_new(b->app);
  for (int t = 0; t < NT; t++) {
    char store[4] = {'s', g_suffix[t][0], 0, 0}, proc[4] = {'p', g_suffix[t][0], 0, 0};
    const char *stores[] = {store, NULL};
    if (co_topo_add_store(in->topo, store, 0, err, sizeof(err)) ||
        co_topo_add_processor(in->topo, proc, b->topic[t], bal_proc, in, stores, err, sizeof(err)))
      fail_msg("topology: %s", err);
  }
  if (!(in->rt = co_rt_new(in->conf, in->topo, err, sizeof(err)))) fail_msg("instance %d: %s", i, err);
  assert_int_equal(pthread_create(&in->thr, NULL, inst_run, in), 0);
  b->up[i] = 1;
}

static void inst_stop(bal_t *b, int i) {
  inst_t *in = &b->in[i];
  co_rt_stop(in->rt);
  pthread_join(in->thr, NULL);
  if (in->rc) fail_msg("instance %d stopped with: %s", i, in->err);
  co_rt_destroy(in->rt);
  co_topo_destroy(in->topo);
  co_conf_destroy(in->conf);
  b->up[i] = 0;
}

/* Longest rebalance pause the runtime itself measured (metrics). */
static long inst_pause_max(inst_t *in) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  co_rt_metrics(in->rt, f);
  fclose(f);
  static const char key[] = "careerops_rebalance_pause_seconds{which=\"max\"} ";
  char *m = strstr(buf, key);
  long v = m ? (long)(atof(m + strlen(key)) * 1000.0 + 0.5) : -1;
  free(buf);
  return v;
}

/* Keeps records flowing into every partition of every topic. */
static void *producer_run(void *arg) {
  bal_t *b = arg;
  char err[256];
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", co_th_kafka_bootstrap(b->k), err, sizeof(err));
  rd_kafka_conf_set(c, "linger.ms", "5", err, sizeof(err));
  rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err));
  if (!p) return NULL;
  for (long seq = 0; !b->pstop; seq++) {
    for (int t = 0; t < NT; t++)
      for (int q = 0; q < g_parts[t]; q++) {
        char key[16], val[32];
        snprintf(key, sizeof(key), "k%d", q);
        snprintf(val, sizeof(val), "%ld", seq);
        rd_kafka_producev(p, RD_KAFKA_V_TOPIC(b->topic[t]), RD_KAFKA_V_PARTITION(q), RD_KAFKA_V_KEY(key, strlen(key)),
                          RD_KAFKA_V_VALUE(val, strlen(val)), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
      }
    rd_kafka_poll(p, 20); /* the pace: ~50 records/s per partition */
  }
  rd_kafka_flush(p, 10000);
  rd_kafka_destroy(p);
  return NULL;
}

/* The group's assignment into own[t][p] (instance index, -1 none). 1 when
 * the group is stable with exactly the instances that are up, each
 * partition of each topic assigned once. */
static int group_assignment(bal_t *b, int own[NT][MAXP]) {
  const char *groups[] = {b->app};
  char err[256];
  int ok = 0, members = 0, want = 0;
  for (int i = 0; i < MAXI; i++) want += b->up[i];
  for (int t = 0; t < NT; t++)
    for (int p = 0; p < MAXP; p++) own[t][p] = -1;
  rd_kafka_queue_t *q = rd_kafka_queue_new(b->admin);
  rd_kafka_AdminOptions_t *o = rd_kafka_AdminOptions_new(b->admin, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS);
  rd_kafka_AdminOptions_set_request_timeout(o, 5000, err, sizeof(err));
  rd_kafka_DescribeConsumerGroups(b->admin, groups, 1, o, q);
  rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 6000);
  const rd_kafka_DescribeConsumerGroups_result_t *res = ev ? rd_kafka_event_DescribeConsumerGroups_result(ev) : NULL;
  size_t cnt = 0;
  const rd_kafka_ConsumerGroupDescription_t **gs = res ? rd_kafka_DescribeConsumerGroups_result_groups(res, &cnt) : NULL;
  if (cnt != 1 || rd_kafka_ConsumerGroupDescription_error(gs[0]) ||
      rd_kafka_ConsumerGroupDescription_state(gs[0]) != RD_KAFKA_CONSUMER_GROUP_STATE_STABLE)
    goto out;
  size_t m = rd_kafka_ConsumerGroupDescription_member_count(gs[0]);
  for (size_t i = 0; i < m; i++) {
    const rd_kafka_MemberDescription_t *d = rd_kafka_ConsumerGroupDescription_member(gs[0], i);
    const char *cid = rd_kafka_MemberDescription_client_id(d);
    int idx = cid && !strncmp(cid, "bal-i", 5) ? atoi(cid + 5) : -1;
    if (idx < 0 || idx >= MAXI || !b->up[idx]) goto out; /* a member of an earlier incarnation */
    members++;
    const rd_kafka_topic_partition_list_t *pl =
        rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_assignment(d));
    for (int k = 0; pl && k < pl->cnt; k++) {
      int t = topic_idx(b, pl->elems[k].topic), p = pl->elems[k].partition;
      if (t < 0 || p < 0 || p >= g_parts[t] || own[t][p] >= 0) goto out;
      own[t][p] = idx;
    }
  }
  ok = members == want;
  for (int t = 0; ok && t < NT; t++)
    for (int p = 0; p < g_parts[t]; p++) ok &= own[t][p] >= 0;
out:
  if (ev) rd_kafka_event_destroy(ev);
  rd_kafka_AdminOptions_destroy(o);
  rd_kafka_queue_destroy(q);
  return ok;
}

/* The group is formed and the runtimes agree: every instance up has all its
 * tasks running, and every partition's latest record since `since` was
 * processed by its assigned owner. */
static int formed(bal_t *b, int own[NT][MAXP], int64_t since) {
  for (int i = 0; i < MAXI; i++)
    if (b->up[i] && !co_rt_ready(b->in[i].rt)) return 0;
  if (!group_assignment(b, own)) return 0;
  int ok = 1;
  pthread_mutex_lock(&g_mu);
  for (int t = 0; t < NT; t++)
    for (int p = 0; p < g_parts[t]; p++) ok &= g_last[t][p] > since && g_owner[t][p] == own[t][p];
  pthread_mutex_unlock(&g_mu);
  return ok;
}

/* A broken property is printed and counted; the case fails at its end, so
 * one run shows every formation (and, with RT_BAL_ASSIGNOR, the pauses of
 * the other assignor). */
static int g_violations;
#define VIOLATION(...) (printf("# VIOLATION: " __VA_ARGS__), printf("\n"), g_violations++)

static void print_assignment(int own[NT][MAXP]) {
  for (int t = 0; t < NT; t++) {
    printf(" %s:", g_suffix[t]);
    for (int p = 0; p < g_parts[t]; p++) printf("%d", own[t][p]);
  }
}

/* Waits for the formation and checks balance and co-partitioning; with
 * sticky set, also that the assignment equals prev. */
static void check_formation(bal_t *b, int form, const char *what, int restarted, int own[NT][MAXP],
                            int prev[NT][MAXP], int sticky, int64_t since) {
  int64_t t0 = co_th_now_ms();
  if (!CO_TH_WAIT_UNTIL(formed(b, own, since), 60000)) {
    group_assignment(b, own);
    printf("# assignment seen:");
    print_assignment(own);
    printf("\n");
    fail_msg("formation %d (%s): the group never formed with the runtimes agreeing", form, what);
  }
  int64_t gap_kept = 0, gap_any;
  pthread_mutex_lock(&g_mu);
  for (int i = 0; i < MAXI; i++)
    if (i != restarted && g_gap_kept[i] > gap_kept) gap_kept = g_gap_kept[i];
  gap_any = g_gap_any;
  pthread_mutex_unlock(&g_mu);
  int live = 0;
  for (int i = 0; i < MAXI; i++) live += b->up[i];
  printf("# formation %2d, %d instances, %-26s formed in %5lld ms; longest gap: not-restarted %5lld ms, any %5lld ms;",
         form, live, what, (long long)(co_th_now_ms() - t0), (long long)gap_kept, (long long)gap_any);
  print_assignment(own);
  printf("\n");
  for (int t = 0; t < NT; t++) {
    int n[MAXI] = {0}, lo = 1 << 30, hi = 0;
    for (int p = 0; p < g_parts[t]; p++) n[own[t][p]]++;
    for (int i = 0; i < MAXI; i++)
      if (b->up[i]) lo = n[i] < lo ? n[i] : lo, hi = n[i] > hi ? n[i] : hi;
    if (hi - lo > 1)
      VIOLATION("formation %d (%s): topic %s is not balanced: instances own between %d and %d of its %d partitions",
                form, what, g_suffix[t], lo, hi, g_parts[t]);
  }
  for (int p = 0; p < g_parts[0]; p++)
    if (own[0][p] != own[1][p])
      VIOLATION("formation %d (%s): co-partitioned a[%d] and b[%d] are on instances %d and %d", form, what, p, p,
                own[0][p], own[1][p]);
  if (sticky)
    for (int t = 0; t < NT; t++)
      for (int p = 0; p < g_parts[t]; p++)
        if (own[t][p] != prev[t][p]) {
          VIOLATION("formation %d (%s): %s[%d] moved from instance %d to %d across a static restart", form, what,
                    g_suffix[t], p, prev[t][p], own[t][p]);
          return;
        }
}

static void reset_gaps(void) {
  pthread_mutex_lock(&g_mu);
  memset(g_gap_kept, 0, sizeof(g_gap_kept));
  g_gap_any = 0;
  pthread_mutex_unlock(&g_mu);
}

static void run_case(int ninst, int stat) {
  bal_t *b = calloc(1, sizeof(*b));
  char err[512];
  g_b = b;
  memset(g_last, 0, sizeof(g_last));
  memset(g_owner, 0xff, sizeof(g_owner));
  reset_gaps();
  b->stat = stat;
  if (!(b->k = co_th_kafka_start(1, err, sizeof(err)))) fail_msg("kafka: %s", err);
  b->app = co_th_kafka_unique_name(stat ? "bals" : "bald");
  b->dir = co_th_tmpdir("rt-balance");
  for (int t = 0; t < NT; t++) {
    snprintf(b->topic[t], sizeof(b->topic[t]), "%s-%s", b->app, g_suffix[t]);
    if (co_th_kafka_create_topic(b->k, b->topic[t], g_parts[t], 1, NULL, err, sizeof(err))) fail_msg("topic: %s", err);
  }
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", co_th_kafka_bootstrap(b->k), err, sizeof(err));
  if (!(b->admin = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err)))) fail_msg("admin: %s", err);
  assert_int_equal(pthread_create(&b->pthr, NULL, producer_run, b), 0);

  printf("# %d instances, %s membership, group.assignor=%s\n", ninst, stat ? "static" : "dynamic",
         getenv("RT_BAL_ASSIGNOR") ? getenv("RT_BAL_ASSIGNOR") : "(default)");
  int own[NT][MAXP], prev[NT][MAXP];
  int64_t since = co_th_now_ms();
  for (int i = 0; i < ninst; i++) inst_start(b, i);
  int form = 1;
  check_formation(b, form, "all start", -1, own, prev, 0, since);
  for (int r = 0; form < NFORM; r++) {
    int i = r % ninst;
    char what[64];
    memcpy(prev, own, sizeof(own));
    reset_gaps();
    since = co_th_now_ms();
    inst_stop(b, i);
    if (!stat) { /* it left: the others form a group of their own first */
      snprintf(what, sizeof(what), "instance %d left", i);
      check_formation(b, ++form, what, i, own, prev, 0, since);
      if (form >= NFORM) break;
      reset_gaps();
      since = co_th_now_ms();
    }
    inst_start(b, i);
    snprintf(what, sizeof(what), "instance %d restarted", i);
    check_formation(b, ++form, what, i, own, prev, stat, since);
  }
  for (int i = 0; i < MAXI; i++)
    if (b->up[i]) printf("# instance %d: longest pause it measured itself: %ld ms\n", i, inst_pause_max(&b->in[i]));
  b->pstop = 1;
  pthread_join(b->pthr, NULL);
  int violations = g_violations;
  g_violations = 0;
  for (int i = 0; i < MAXI; i++)
    if (b->up[i]) inst_stop(b, i);
  rd_kafka_destroy(b->admin);
  co_th_kafka_stop(b->k);
  if (!getenv("CO_TH_KEEP")) co_th_rm_rf(b->dir);
  free(b->dir);
  free(b->app);
  free(b);
  g_b = NULL;
  if (violations) fail_msg("%d formation(s) broke balance, co-partitioning or stickiness (see above)", violations);
}

static void rt_kafka_balance_static_2(void **state) {
  (void)state;
  run_case(2, 1);
}
static void rt_kafka_balance_static_3(void **state) {
  (void)state;
  run_case(3, 1);
}
static void rt_kafka_balance_dynamic_2(void **state) {
  (void)state;
  run_case(2, 0);
}
static void rt_kafka_balance_dynamic_3(void **state) {
  (void)state;
  run_case(3, 0);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  /* the runtimes' info lines ("rebalance done" with its pause) go to a file */
  char path[1024];
  snprintf(path, sizeof(path), "%s/rt-balance.log", getenv("CO_TEST_TMPDIR") ? getenv("CO_TEST_TMPDIR") : "/tmp");
  FILE *log = fopen(path, "w");
  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_JSON, NULL, log ? log : stderr);
  printf("# runtime log: %s\n", path);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(rt_kafka_balance_static_2),
      cmocka_unit_test(rt_kafka_balance_static_3),
      cmocka_unit_test(rt_kafka_balance_dynamic_2),
      cmocka_unit_test(rt_kafka_balance_dynamic_3),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_JSON, NULL, stderr);
  if (log) fclose(log);
  return rc;
}
