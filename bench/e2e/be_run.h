/* be_run.h: what the two modes of bench_e2e share: options, the pipeline
 * runner thread, the steady sender and the report. */
#ifndef BE_RUN_H
#define BE_RUN_H

#include <pthread.h>

#include "be_lat.h"
#include "co_pipeline.h"

typedef struct be_opts_s {
  double secs;      /* steady phase length */
  double rate;      /* emails/s in the steady phase */
  int replicas;     /* copies of the sample inbox in the throughput phase */
  long tp_expect;   /* classified events the throughput input yields (embedded run), 0 unknown */
  double cls_rate;  /* classifier alone on the throughput input, emails/s */
  const char *mbox; /* the sample inbox */
  be_tab_t *tab;
  be_hook_t *hook;
} be_opts_t;

typedef struct be_runner_s {
  co_pipeline_t *p;
  pthread_t th;
  int rc;
  char err[512];
} be_runner_t;

void be_die(const char *what, const char *err);
void be_set(co_conf_t *c, const char *name, const char *value);
/* Settings both modes share: the webhook, and the briefing-index embedder:
 * the hashed one unless $CO_BENCH_E2E_MINILM=1. With MiniLM the index
 * thread re-embeds a company's whole briefing per interview email and on
 * 2 shared cores falls minutes behind at 50/s (docs/benchmarks.md); it runs
 * beside the notification path, not in it. */
void be_conf_common(co_conf_t *c, const be_opts_t *o);
void be_runner_start(be_runner_t *r, co_pipeline_t *p);
void be_runner_stop(be_runner_t *r);

/* Sends seq 0 (warm-up: the first email pays for connections and lazy
 * loads; it is left out) and waits for its notification, then seqs
 * 1..n-1 at o->rate on an absolute schedule through send(seq), then
 * waits up to 60 s for every notification and classified event. */
void be_steady(const be_opts_t *o, void (*send)(long seq, void *opaque), void *opaque);
/* Prints the latency lines of a finished steady phase. */
void be_report(const char *mode, const be_opts_t *o);

/* The modes. */
void be_embedded(be_opts_t *o);
void be_kafka(be_opts_t *o);

#endif
