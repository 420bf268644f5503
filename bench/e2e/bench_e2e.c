/* bench_e2e: email -> notification latency of the whole pipeline at a
 * steady rate, in embedded mode and in Kafka mode (a private 1-node broker
 * from tests/harness), and sustained throughput on the shipped sample inbox.
 *
 *   bench_e2e [SECS=30] [RATE=50] [REPLICAS=20] [MODES=embedded,kafka]
 *
 * Latency: an interview invitation with a new Message-ID is appended to
 * topic.raw (embedded: co_rt_append; Kafka: produced) and timed until the
 * fake webhook receives its notification. Baseline, same emails, same run:
 * append -> the committed classified event is visible (the path without
 * research and notify), so each percentile also prints as a ratio.
 * Throughput: the sample inbox replicated (each copy a new account) through
 * the whole topology, against the offline classifier alone on the same
 * events in this process. Not a test: figures only. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "be_mail.h"
#include "be_run.h"
#include "co_classify.h"
#include "co_log.h"
#include "co_th.h"

void be_die(const char *what, const char *err) {
  fprintf(stderr, "bench_e2e: %s: %s\n", what, err);
  exit(1);
}

void be_set(co_conf_t *c, const char *name, const char *value) {
  char err[256];
  if (co_conf_set(c, name, value, CO_CONF_SRC_CLI, err, sizeof(err))) be_die(name, err);
}

void be_conf_common(co_conf_t *c, const be_opts_t *o) {
  const char *minilm = getenv("CO_BENCH_E2E_MINILM");
  be_set(c, "webhook.url", be_hook_url(o->hook));
  be_set(c, "webhook.secret", "bench-e2e-hmac"); /* signed, as deployed */
  be_set(c, "log.level", "error");
  if (!minilm || strcmp(minilm, "1")) be_set(c, "embed.model.dir", "/nonexistent/bench-e2e-uses-hashed-embedder");
}

static void *runner_main(void *arg) {
  be_runner_t *r = arg;
  r->rc = co_pipeline_run(r->p, r->err, sizeof(r->err));
  return NULL;
}

void be_runner_start(be_runner_t *r, co_pipeline_t *p) {
  r->p = p;
  if (pthread_create(&r->th, NULL, runner_main, r)) be_die("thread", "pthread_create failed");
}

void be_runner_stop(be_runner_t *r) {
  co_pipeline_stop(r->p);
  pthread_join(r->th, NULL);
  if (r->rc) be_die("pipeline run", r->err);
}

void be_steady(const be_opts_t *o, void (*send)(long seq, void *opaque), void *opaque) {
  be_tab_t *t = o->tab;
  send(0, opaque);
  if (!CO_TH_WAIT_UNTIL(t->t_note[0] != 0, 120000)) be_die("warm-up", "no notification within 120 s");
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long seq = 1; seq < t->n; seq++) {
    double at = (double)(seq - 1) / o->rate;
    struct timespec due = {t0.tv_sec + (time_t)at, t0.tv_nsec + (long)((at - (double)(time_t)at) * 1e9)};
    if (due.tv_nsec >= 1000000000L) due.tv_sec++, due.tv_nsec -= 1000000000L;
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
    send(seq, opaque);
  }
  CO_TH_WAIT_UNTIL(be_tab_count(t, BE_NOTE) == t->n && be_tab_count(t, BE_CLS) == t->n, 60000);
}

/* The machine's 1-minute load average: other work on shared cores moves
 * these figures, so every report says how busy the machine was. */
static double loadavg(void) {
  double l = -1;
  FILE *f = fopen("/proc/loadavg", "r");
  if (f && fscanf(f, "%lf", &l) != 1) l = -1;
  if (f) fclose(f);
  return l;
}

static void line(const char *mode, const char *what, const double *v, long n) {
  printf("e2e %s: %-34s p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  max %8.1f ms  (n=%ld)\n", mode, what,
         be_pct(v, n, 50), be_pct(v, n, 95), be_pct(v, n, 99), n ? v[n - 1] : 0.0, n);
}

void be_report(const char *mode, const be_opts_t *o) {
  be_tab_t *t = o->tab;
  double *note = NULL, *cls = NULL;
  long nn = be_tab_lat(t, BE_NOTE, 1, &note), nc = be_tab_lat(t, BE_CLS, 1, &cls);
  printf("e2e %s: %ld emails at %.0f/s over %.1f s; notifications received %ld/%ld (repeated %ld); classified "
         "%ld/%ld; load average %.1f on %ld cores\n",
         mode, t->n - 1, o->rate, (double)(t->n - 1) / o->rate, nn, t->n - 1, t->dup_notes, nc, t->n - 1, loadavg(),
         sysconf(_SC_NPROCESSORS_ONLN));
  line(mode, "email -> notification", note, nn);
  line(mode, "baseline email -> classified", cls, nc);
  if (nn && nc)
    printf("e2e %s: ratio notification/classified   p50 %.2f  p95 %.2f  p99 %.2f;  p95 target <= 5000 ms: %s\n",
           mode, be_pct(note, nn, 50) / be_pct(cls, nc, 50), be_pct(note, nn, 95) / be_pct(cls, nc, 95),
           be_pct(note, nn, 99) / be_pct(cls, nc, 99), nn == t->n - 1 && be_pct(note, nn, 95) <= 5000 ? "met" : "NOT met");
  fflush(stdout);
  free(note);
  free(cls);
}

/* The offline classifier alone over the throughput events, as the
 * classify processor calls it (same input fields). */
static double classifier_rate(char **ev, long n) {
  char err[512], from[640];
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  if (!m) be_die("model", err);
  int64_t t0 = be_now_ns();
  for (long i = 0; i < n; i++) {
    json_t *e = json_loads(ev[i], 0, NULL), *f = json_object_get(e, "from");
    const char *nm = json_string_value(json_object_get(f, "name")), *ad = json_string_value(json_object_get(f, "address"));
    snprintf(from, sizeof(from), "%s <%s>", nm ? nm : "", ad ? ad : "");
    const char *s = json_string_value(json_object_get(e, "subject")), *b = json_string_value(json_object_get(e, "text"));
    co_classify_input_t in = {.subject = s, .from = from, .body = b,
                              .date = json_string_value(json_object_get(e, "date")),
                              .has_list_unsubscribe = json_is_true(json_object_get(e, "has_list_unsubscribe"))};
    co_classify_result_t res;
    if (co_classify_email(m, &in, &res, err, sizeof(err))) be_die("classify", err);
    json_decref(e);
  }
  double s = (double)(be_now_ns() - t0) / 1e9;
  co_classify_destroy(m);
  return (double)n / s;
}

int main(int argc, char **argv) {
  static be_tab_t tab = {.lock = PTHREAD_MUTEX_INITIALIZER};
  char mbox[4096];
  const char *src = getenv("CO_SOURCE_DIR");
  snprintf(mbox, sizeof(mbox), "%s/data/sample/inbox.mbox", src ? src : ".");
  be_opts_t o = {.secs = argc > 1 ? atof(argv[1]) : 30,
                 .rate = argc > 2 ? atof(argv[2]) : 50,
                 .replicas = argc > 3 ? atoi(argv[3]) : 20,
                 .mbox = mbox,
                 .tab = &tab};
  const char *modes = argc > 4 ? argv[4] : "embedded,kafka";
  if (o.secs <= 0 || o.rate <= 0 || o.replicas <= 0) be_die("usage", "bench_e2e [SECS] [RATE] [REPLICAS] [MODES]");
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_HUMAN, NULL, stderr);
  if (!(o.hook = be_hook_start(&tab))) be_die("webhook", "cannot start the fake receiver");
  char **ev = NULL;
  long n = be_mail_sample(mbox, o.replicas, &ev);
  o.cls_rate = classifier_rate(ev, n);
  be_mail_free(ev, n);
  printf("e2e: baseline offline classifier alone: %.0f emails/s (sample inbox x %d, %ld events, one thread)\n",
         o.cls_rate, o.replicas, n);
  const char *minilm = getenv("CO_BENCH_E2E_MINILM");
  printf("e2e: briefing index embedder: %s\n", minilm && !strcmp(minilm, "1") ? "MiniLM" : "hashed n-gram");
  if (strstr(modes, "embedded")) be_embedded(&o);
  if (strstr(modes, "kafka")) be_kafka(&o);
  be_hook_stop(o.hook);
  be_tab_free(&tab);
  return 0;
}
