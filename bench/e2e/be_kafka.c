/* be_kafka.c: bench_e2e in Kafka mode on a private 1-node broker
 * (tests/harness, jars from scripts/fetch-kafka.sh). The pipeline runs
 * in this process as one instance of the consumer group; emails are
 * produced to topic.raw by a plain producer (what `careerops ingest` is to
 * the processors), and a read_committed consumer on topic.classified
 * stamps the baseline. Throughput: the replicated sample inbox produced at
 * once, timed until its last classified event is committed. */
#include <jansson.h>
#include <librdkafka/rdkafka.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "be_mail.h"
#include "be_run.h"
#include "co_th.h"
#include "co_th_kafka.h"

typedef struct kaf_s {
  rd_kafka_t *prod;
  const char *t_raw, *t_cls, *bootstrap;
  char **events;
  char acct[6][8];
  be_tab_t *tab;
  atomic_int stop;
} kaf_t;

static void kset(rd_kafka_conf_t *c, const char *name, const char *value) {
  char err[256];
  if (rd_kafka_conf_set(c, name, value, err, sizeof(err)) != RD_KAFKA_CONF_OK) be_die(name, err);
}

static void produce(kaf_t *k, const char *key, const char *val) {
  for (;;) {
    rd_kafka_resp_err_t r = rd_kafka_producev(k->prod, RD_KAFKA_V_TOPIC(k->t_raw), RD_KAFKA_V_KEY(key, strlen(key)),
                                              RD_KAFKA_V_VALUE((void *)val, strlen(val)),
                                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    if (!r) break;
    if (r != RD_KAFKA_RESP_ERR__QUEUE_FULL) be_die("produce", rd_kafka_err2str(r));
    rd_kafka_poll(k->prod, 10);
  }
  rd_kafka_poll(k->prod, 0);
}

static void kaf_send(long seq, void *opaque) {
  kaf_t *k = opaque;
  be_tab_mark_seq(k->tab, BE_SENT, seq);
  produce(k, k->acct[seq % 6], k->events[seq]);
}

static void *watch_main(void *arg) {
  kaf_t *k = arg;
  char err[256], *group = co_th_kafka_unique_name("bench-e2e-watch");
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  kset(c, "bootstrap.servers", k->bootstrap);
  kset(c, "group.id", group);
  kset(c, "isolation.level", "read_committed");
  kset(c, "auto.offset.reset", "earliest");
  kset(c, "enable.auto.commit", "false");
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  if (!rk) be_die("consumer", err);
  rd_kafka_poll_set_consumer(rk);
  rd_kafka_topic_partition_list_t *tl = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(tl, k->t_cls, RD_KAFKA_PARTITION_UA);
  if (rd_kafka_subscribe(rk, tl)) be_die("subscribe", k->t_cls);
  rd_kafka_topic_partition_list_destroy(tl);
  while (!atomic_load(&k->stop)) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 50);
    if (!m) continue;
    if (!m->err && m->payload) {
      json_t *v = json_loadb(m->payload, m->len, 0, NULL);
      be_tab_mark(k->tab, BE_CLS, json_string_value(json_object_get(v, "message_id")));
      json_decref(v);
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  free(group);
  return NULL;
}

static void throughput(be_opts_t *o, kaf_t *k) {
  char **ev = NULL;
  long n = be_mail_sample(o->mbox, o->replicas, &ev);
  long cls0 = o->tab->cls_other;
  int64_t t0 = be_now_ns();
  for (long i = 0; i < n; i++) {
    json_t *j = json_loads(ev[i], 0, NULL);
    produce(k, json_string_value(json_object_get(j, "account")), ev[i]);
    json_decref(j);
  }
  int done = CO_TH_WAIT_UNTIL(o->tab->cls_other - cls0 >= o->tp_expect, 600000);
  double s = (double)(be_now_ns() - t0) / 1e9;
  if (!done)
    printf("e2e kafka: throughput: only %ld of %ld classified events within 600 s\n", o->tab->cls_other - cls0,
           o->tp_expect);
  else
    printf("e2e kafka: throughput %.0f emails/s (%ld events produced, %ld classified events committed in %.2f s); "
           "ratio to the classifier alone %.2f\n",
           (double)n / s, n, o->tp_expect, s, (double)n / s / o->cls_rate);
  fflush(stdout);
  be_mail_free(ev, n);
}

void be_kafka(be_opts_t *o) {
  char err[512];
  co_th_kafka_t *kc = co_th_kafka_start(1, err, sizeof(err));
  if (!kc) be_die("kafka", err);
  kaf_t k = {.tab = o->tab, .bootstrap = co_th_kafka_bootstrap(kc)};
  char *app = co_th_kafka_unique_name("bench-e2e-app"), *raw = co_th_kafka_unique_name("bench-e2e-raw"),
       *cls = co_th_kafka_unique_name("bench-e2e-cls"), *res = co_th_kafka_unique_name("bench-e2e-res"),
       *note = co_th_kafka_unique_name("bench-e2e-note"), *dlq = co_th_kafka_unique_name("bench-e2e-dlq"),
       *corr = co_th_kafka_unique_name("bench-e2e-corr");
  const char *create[] = {raw, cls, note, res};
  for (int i = 0; i < 4; i++)
    if (co_th_kafka_create_topic(kc, create[i], 3, 1, NULL, err, sizeof(err))) be_die("create topic", err);
  k.t_raw = raw;
  k.t_cls = cls;
  char *dir = co_th_tmpdir("bench-e2e-kafka");
  co_conf_t *c = co_conf_new();
  const char *kv[][2] = {{"state.dir", dir},     {"brokers", k.bootstrap}, {"app.id", app},
                         {"topic.raw", raw},     {"topic.classified", cls}, {"topic.research", res},
                         {"topic.notifications", note}, {"topic.dlq", dlq}, {"topic.corrections", corr},
                         {"topic.partitions", "3"}, };
  for (size_t i = 0; i < sizeof(kv) / sizeof(kv[0]); i++) be_set(c, kv[i][0], kv[i][1]);
  be_conf_common(c, o);
  if (co_conf_finalize(c, err, sizeof(err))) be_die("conf", err);
  co_pipeline_t *p = co_pipeline_new(c, err, sizeof(err));
  if (!p) be_die("pipeline", err);

  rd_kafka_conf_t *pc = rd_kafka_conf_new();
  kset(pc, "bootstrap.servers", k.bootstrap);
  kset(pc, "partitioner", "murmur2_random"); /* the runtime's partitioning */
  kset(pc, "enable.idempotence", "true");
  kset(pc, "linger.ms", "5");
  if (!(k.prod = rd_kafka_new(RD_KAFKA_PRODUCER, pc, err, sizeof(err)))) be_die("producer", err);

  long n = 1 + (long)(o->secs * o->rate);
  be_tab_reset(o->tab, 'k', n);
  if (!(k.events = calloc((size_t)n, sizeof(char *)))) be_die("events", "out of memory");
  for (int i = 0; i < 6; i++) snprintf(k.acct[i], sizeof(k.acct[i]), "lat%d", i);
  for (long i = 0; i < n; i++) k.events[i] = be_mail_interview('k', i, k.acct[i % 6]);

  be_runner_t r = {0};
  pthread_t w;
  be_runner_start(&r, p);
  if (pthread_create(&w, NULL, watch_main, &k)) be_die("thread", "pthread_create failed");
  if (!CO_TH_WAIT_UNTIL(co_rt_ready(co_pipeline_rt(p)), 120000)) be_die("kafka", "pipeline not ready in 120 s");
  be_steady(o, kaf_send, &k);
  be_report("kafka", o);
  if (o->tp_expect > 0) throughput(o, &k);
  atomic_store(&k.stop, 1);
  pthread_join(w, NULL);
  be_runner_stop(&r);
  rd_kafka_flush(k.prod, 10000);
  rd_kafka_destroy(k.prod);
  be_mail_free(k.events, n);
  co_pipeline_destroy(p);
  co_conf_destroy(c);
  co_th_rm_rf(dir);
  free(dir);
  free(app), free(raw), free(cls), free(res), free(note), free(dlq), free(corr);
  co_th_kafka_stop(kc);
}
