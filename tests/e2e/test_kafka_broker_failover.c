/* e2e_kafka_broker_killed_mid_stream_exactly_once (labels kafka imap): the
 * scaled-out product on a 3-broker cluster that loses a broker while mail
 * flows (issue 15 item 9).
 *
 * A fresh 3-node KRaft cluster (co_th_kafka_start_fresh). The world of
 * e2e_kafka.h: the sample inbox's N distinct messages over six accounts in
 * dovecot, `careerops topics create` with topic.replication.factor=3 and
 * topic.min.insync.replicas=2 (checked as topic-level configs; the
 * instances create their changelogs the same way), two `careerops run
 * --brokers` instances and one `careerops ingest`. The first half of the
 * mail is in dovecot before anything starts.
 *
 * The victim is the broker with the most roles in the stream: transaction
 * coordinator of an instance's transactional id, group coordinator, leader
 * of a topic.raw or topic.classified partition (coordinators by Kafka's
 * hash of the id over the internal topics' partitions, then the leader of
 * that partition). The fake webhook holds the KILL_AT'th request while the
 * victim is SIGKILLed, so the kill lands inside a transaction with a
 * delivery in flight. The third quarter of the mail arrives with the broker
 * down; the test waits until the pipeline has classified all of it on the
 * two survivors (RF 3, min.insync 2: writes go on), restarts the broker,
 * delivers the last quarter at once, waits until the restarted broker is
 * back in every raw and classified partition's ISR, and then until:
 *  - topic.classified (read_committed) holds N records, each delivered
 *    Message-ID exactly once, in its account;
 *  - each account's applications, asked of either instance, equal what the
 *    events imply (e2e_kafka_check);
 *  - the webhook received exactly the keys the INTERVIEW/OFFER events
 *    imply, each signed; per key at most two requests with identical
 *    bodies, and more than one only for the request held at the kill.
 * What happened is printed. */
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <librdkafka/rdkafka.h>

#include "co_th.h"
#include "co_th_kafka.h"
#include "e2e_kafka.h"
#include "e2e_tu.h"

#define N_ACCT 6
#define N_PARTS 6
#define N_INST 2
#define N_NODES 3
#define KILL_AT 3 /* the webhook request held while the broker dies */

/* ---- which broker matters ------------------------------------------------ */

/* Kafka's coordinator partition of an id: Utils.abs(id.hashCode()) % parts
 * (String.hashCode over UTF-16 units; the ids here are ASCII). */
static int coordinator_partition(const char *id, int parts) {
  uint32_t h = 0;
  for (const char *p = id; *p; p++) h = 31 * h + (unsigned char)*p;
  int32_t s = (int32_t)h;
  return (s == INT32_MIN ? 0 : (s < 0 ? -s : s)) % parts;
}

static int partition_count(const char *bootstrap, const char *topic) {
  char err[256];
  int cnt = -1;
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err));
  assert_non_null(rk);
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  const struct rd_kafka_metadata *md = NULL;
  if (!rd_kafka_metadata(rk, 0, rkt, &md, 15000) && !md->topics[0].err) cnt = md->topics[0].partition_cnt;
  if (md) rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(rkt);
  rd_kafka_destroy(rk);
  return cnt;
}

typedef struct roles_s {
  char text[N_NODES][1024]; /* what each node leads or coordinates */
  int score[N_NODES];
} roles_t;

__attribute__((format(printf, 3, 4))) static void add_role(roles_t *r, int node, const char *fmt, ...) {
  size_t len = strlen(r->text[node]);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->text[node] + len, sizeof(r->text[node]) - len, fmt, ap);
  va_end(ap);
}

/* The leader of the coordinator partition of id in internal topic `itopic`. */
static void add_coordinator(co_th_kafka_t *k, roles_t *r, const char *itopic, const char *id, const char *what) {
  char err[512];
  int parts = partition_count(co_th_kafka_bootstrap(k), itopic);
  if (parts <= 0) fail_msg("%s: no metadata", itopic);
  int p = coordinator_partition(id, parts), node = co_th_kafka_leader(k, itopic, p, 60000, err, sizeof(err));
  if (node < 0) fail_msg("%s: %s", itopic, err);
  add_role(r, node, " %s(%s, %s[%d])", what, id, itopic, p);
  r->score[node] += 10;
}

static int pick_victim(co_th_kafka_t *k, const e2e_world_t *w, roles_t *r) {
  char err[512], topic[300], txid[300];
  memset(r, 0, sizeof(*r));
  for (int t = 0; t < 2; t++) {
    snprintf(topic, sizeof(topic), t ? "%s" : "%s-raw", t ? w->t_cl : w->app);
    for (int p = 0; p < w->parts; p++) {
      int node = co_th_kafka_leader(k, topic, p, 60000, err, sizeof(err));
      if (node < 0) fail_msg("%s", err);
      add_role(r, node, " leader(%s[%d])", t ? "classified" : "raw", p);
      r->score[node]++;
    }
  }
  for (int s = 0; s < w->n_inst; s++) { /* co_rt_kafka.c: transactional.id = app.id-instance id */
    snprintf(txid, sizeof(txid), "%s-%s-i%d", w->app, w->app, s);
    add_coordinator(k, r, "__transaction_state", txid, "txn-coordinator");
  }
  add_coordinator(k, r, "__consumer_offsets", w->app, "group-coordinator");
  int best = 0;
  for (int i = 0; i < N_NODES; i++) {
    printf("broker %d:%s\n", co_th_kafka_node_id(k, i), r->text[i]);
    if (r->score[i] > r->score[best]) best = i;
  }
  return best;
}

/* ---- progress probes ------------------------------------------------------ */

static long committed(const e2e_world_t *w) {
  char *g = co_th_kafka_unique_name("e2e-count");
  long n = co_th_kafka_count_committed(w->bootstrap, w->t_cl, g, NULL);
  free(g);
  return n;
}

/* 1 when every partition of topic.raw and topic.classified has `want` in-sync replicas. */
static int isr_all(co_th_kafka_t *k, const e2e_world_t *w, int want) {
  char err[512], topic[300];
  for (int t = 0; t < 2; t++) {
    snprintf(topic, sizeof(topic), t ? "%s" : "%s-raw", t ? w->t_cl : w->app);
    for (int p = 0; p < w->parts; p++)
      if (co_th_kafka_isr_count(k, topic, p, err, sizeof(err)) != want) return 0;
  }
  return 1;
}

static void expect_min_isr_2(const e2e_world_t *w, const char *topic) {
  int own = 0;
  char *v = e2e_kafka_topic_config(w->bootstrap, topic, "min.insync.replicas", &own);
  printf("%s: min.insync.replicas=%s (%s)\n", topic, v ? v : "?", own ? "topic config" : "broker default");
  assert_non_null(v);
  assert_string_equal(v, "2");
  assert_true(own);
  free(v);
}

static void test_broker_failover(void **state) {
  (void)state;
  char err[1024], topic[300];
  static e2e_world_t w;
  e2e_kafka_world_init(&w, N_ACCT, N_INST, N_PARTS, "e2e-kafka-failover");
  int n = w.n, q3 = 3 * n / 4;
  e2e_kafka_deliver(&w, 0, n / 2);

  int64_t t_start = co_th_now_ms();
  co_th_kafka_t *k = co_th_kafka_start_fresh(N_NODES, err, sizeof(err));
  if (!k) fail_msg("brokers: %s", err);
  printf("3-node cluster ready in %lld ms: %s\n", (long long)(co_th_now_ms() - t_start), co_th_kafka_bootstrap(k));
  e2e_kafka_world_topics(&w, co_th_kafka_bootstrap(k), "-X topic.replication.factor=3 -X topic.min.insync.replicas=2");
  snprintf(topic, sizeof(topic), "%s-raw", w.app);
  expect_min_isr_2(&w, topic);
  expect_min_isr_2(&w, w.t_cl);

  e2e_kafka_world_start_instances(&w);
  snprintf(topic, sizeof(topic), "%s-applications-changelog", w.app);
  expect_min_isr_2(&w, topic); /* created by the instances */

  roles_t roles;
  int v = pick_victim(k, &w, &roles);
  pid_t broker = co_th_kafka_node_pid(k, v);
  assert_true(broker > 0);
  e2e_killer_t kc; /* the fake holds its KILL_AT'th request while the broker dies */
  e2e_killer_arm(&kc, &w, KILL_AT, &broker, 1);
  int64_t t0 = co_th_now_ms();
  e2e_kafka_world_start_ingest(&w);

  if (!CO_TH_WAIT_UNTIL(e2e_killer_victim(&kc) >= 0, 300000))
    fail_msg("no %d webhook requests within 300 s (got %d)", KILL_AT, fh_count(w.fh, "hook"));
  if (co_th_kafka_kill_node(k, v, err, sizeof(err))) fail_msg("kill: %s", err); /* reaps it */
  int64_t t_kill = co_th_now_ms();
  long at_kill = committed(&w);
  printf("SIGKILLed broker %d (%s) %lld ms after ingest started, holding webhook request %d (key %.16s...); "
         "committed classified events then: %ld of the %d delivered\n",
         co_th_kafka_node_id(k, v), roles.text[v], (long long)(t_kill - t0), KILL_AT, kc.idem, at_kill, n / 2);

  /* the third quarter flows through the two survivors */
  e2e_kafka_deliver(&w, n / 2, q3);
  if (!CO_TH_WAIT_UNTIL(committed(&w) >= q3, 300000)) {
    e2e_kafka_print_trouble(&w);
    fail_msg("with broker %d down, only %ld of %d delivered messages classified within 300 s",
             co_th_kafka_node_id(k, v), committed(&w), q3);
  }
  long down = committed(&w);
  printf("with broker %d down: %ld committed classified events (all %d delivered), %d webhook requests, "
         "raw/classified partitions with 2 in-sync replicas: %s\n",
         co_th_kafka_node_id(k, v), down, q3, fh_count(w.fh, "hook"), isr_all(k, &w, 2) ? "all" : "not all");

  if (co_th_kafka_restart_node(k, v, err, sizeof(err))) {
    co_th_kafka_log_tail(k, v, 40);
    fail_msg("restart: %s", err);
  }
  int64_t t_back = co_th_now_ms();
  e2e_kafka_deliver(&w, q3, n); /* the last quarter while the broker catches up */
  if (!CO_TH_WAIT_UNTIL(isr_all(k, &w, 3), 180000)) {
    e2e_kafka_print_trouble(&w);
    fail_msg("broker %d not back in every raw/classified ISR within 180 s", co_th_kafka_node_id(k, v));
  }
  printf("broker %d restarted after %lld ms down; back in every raw/classified ISR %lld ms later\n",
         co_th_kafka_node_id(k, v), (long long)(t_back - t_kill), (long long)(co_th_now_ms() - t_back));

  e2e_kafka_settle(&w, t0);
  assert_true(e2e_kafka_webhook_resends(&w, kc.idem) <= 1);

  e2e_kafka_world_free(&w);
  co_th_kafka_stop(k);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_broker_failover)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
