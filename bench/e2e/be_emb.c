/* be_emb.c: bench_e2e in embedded mode. The runner thread processes
 * (co_pipeline_run); the sender appends one email per co_rt_append (one
 * atomic local-log write, as a source does) from the main thread; a watcher
 * thread tails the committed classified topic with co_rt_read. */
#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "be_mail.h"
#include "be_run.h"
#include "co_th.h"

typedef struct emb_s {
  co_pipeline_t *p;
  co_rt_t *rt;
  const char *t_raw, *t_cls;
  char **events; /* pre-built: normalizing is not part of the timed path */
  char acct[6][8];
  be_tab_t *tab;
  atomic_int stop;
} emb_t;

static void emb_send(long seq, void *opaque) {
  emb_t *e = opaque;
  char err[512];
  const char *a = e->acct[seq % 6];
  co_rt_msg_t m = {a, strlen(a), e->events[seq], strlen(e->events[seq]), NULL, 0, NULL};
  be_tab_mark_seq(e->tab, BE_SENT, seq);
  if (co_rt_append(e->rt, e->t_raw, &m, 1, NULL, 0, err, sizeof(err))) be_die("append", err);
}

static int cls_cb(const co_record_t *rec, void *opaque) {
  emb_t *e = opaque;
  json_t *v = rec->value ? json_loadb(rec->value, rec->value_len, 0, NULL) : NULL;
  be_tab_mark(e->tab, BE_CLS, json_string_value(json_object_get(v, "message_id")));
  json_decref(v);
  return 0;
}

static void *watch_main(void *arg) {
  emb_t *e = arg;
  int np = co_rt_partitions(e->rt);
  int64_t *off = calloc((size_t)np, sizeof(int64_t));
  while (off && !atomic_load(&e->stop)) {
    for (int i = 0; i < np; i++) off[i] = co_rt_read(e->rt, e->t_cls, i, off[i], cls_cb, e);
    co_th_sleep_ms(2);
  }
  free(off);
  return NULL;
}

static co_pipeline_t *open_pipeline(const be_opts_t *o, const char *dir, co_conf_t **confp) {
  char err[512];
  co_conf_t *c = co_conf_new();
  be_set(c, "state.dir", dir);
  be_conf_common(c, o);
  if (co_conf_finalize(c, err, sizeof(err))) be_die("conf", err);
  co_pipeline_t *p = co_pipeline_new(c, err, sizeof(err));
  if (!p) be_die("pipeline", err);
  *confp = c;
  return p;
}

static void latency(be_opts_t *o) {
  char *dir = co_th_tmpdir("bench-e2e-emb");
  co_conf_t *conf = NULL;
  emb_t e = {.tab = o->tab};
  e.p = open_pipeline(o, dir, &conf);
  e.rt = co_pipeline_rt(e.p);
  e.t_raw = co_conf_str(conf, "topic.raw");
  e.t_cls = co_conf_str(conf, "topic.classified");
  long n = 1 + (long)(o->secs * o->rate);
  be_tab_reset(o->tab, 'e', n);
  if (!(e.events = calloc((size_t)n, sizeof(char *)))) be_die("events", "out of memory");
  for (int i = 0; i < 6; i++) snprintf(e.acct[i], sizeof(e.acct[i]), "lat%d", i);
  for (long i = 0; i < n; i++) e.events[i] = be_mail_interview('e', i, e.acct[i % 6]);
  be_runner_t r = {0};
  pthread_t w;
  be_runner_start(&r, e.p);
  if (pthread_create(&w, NULL, watch_main, &e)) be_die("thread", "pthread_create failed");
  be_steady(o, emb_send, &e);
  atomic_store(&e.stop, 1);
  pthread_join(w, NULL);
  be_runner_stop(&r);
  be_report("embedded", o);
  be_mail_free(e.events, n);
  int64_t td = be_now_ns();
  co_pipeline_destroy(e.p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
  fprintf(stderr, "e2e embedded: latency pipeline closed in %.1f s\n", (double)(be_now_ns() - td) / 1e9);
}

/* Appends the replicated sample inbox, then times run_until_idle: every
 * record through dedupe, classify, applications, research and notify. */
static void throughput(be_opts_t *o) {
  char *dir = co_th_tmpdir("bench-e2e-emb-tp"), err[512];
  co_conf_t *conf = NULL;
  co_pipeline_t *p = open_pipeline(o, dir, &conf);
  co_rt_t *rt = co_pipeline_rt(p);
  char **ev = NULL;
  long n = be_mail_sample(o->mbox, o->replicas, &ev);
  for (long i = 0; i < n; i += 64) {
    co_rt_msg_t m[64];
    int c = 0;
    for (; c < 64 && i + c < n; c++) {
      json_t *j = json_loads(ev[i + c], 0, NULL);
      const char *a = json_string_value(json_object_get(j, "account"));
      char *ak = strdup(a ? a : "me");
      json_decref(j);
      m[c] = (co_rt_msg_t){ak, strlen(ak), ev[i + c], strlen(ev[i + c]), NULL, 0, NULL};
    }
    if (co_rt_append(rt, co_conf_str(conf, "topic.raw"), m, c, NULL, 0, err, sizeof(err))) be_die("append", err);
    for (int k = 0; k < c; k++) free((void *)m[k].key);
  }
  fprintf(stderr, "e2e embedded: throughput: %ld events appended, processing\n", n);
  long notes0 = o->tab->other_notes;
  int64_t t0 = be_now_ns();
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) be_die("run", err);
  double s = (double)(be_now_ns() - t0) / 1e9;
  co_pipeline_counts_t cnt;
  if (co_pipeline_counts(p, &cnt, err, sizeof(err))) be_die("counts", err);
  o->tp_expect = cnt.classified;
  printf("e2e embedded: throughput %.0f emails/s (%ld events in %.2f s: %lld classified, %lld notifications, "
         "%ld webhook requests, %lld dead letters); ratio to the classifier alone %.2f\n",
         (double)n / s, n, s, (long long)cnt.classified, (long long)cnt.notifications, o->tab->other_notes - notes0,
         (long long)cnt.dlq, (double)n / s / o->cls_rate);
  fflush(stdout);
  be_mail_free(ev, n);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

void be_embedded(be_opts_t *o) {
  latency(o);
  throughput(o);
}
