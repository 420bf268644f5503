/* cmd_run.c: `careerops run`: start the pipeline.
 *
 * Embedded mode (no brokers): opens the pipeline in state.dir, imports the
 * sample inbox once if it was never imported (its cursor is absent), works
 * until idle, prints a summary on stdout (applications, labels, dead
 * letters), then keeps processing whatever later imports append until
 * SIGINT/SIGTERM; --once exits after the summary. Mail sources (imap.url
 * and every entry of the config file's `accounts:` list) each get a thread
 * feeding topic.raw (--once: one sync of each before processing).
 * In Kafka mode the sources run in `careerops ingest` instead, so that
 * several `run` instances never fight over one mailbox's cursor.
 * Kafka mode runs the same topology until a signal. A second signal exits at once. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "co_classify.h"
#include "co_cli.h"
#include "co_cli_instance.h"
#include "co_dlq.h"
#include "co_term.h"
#include "co_log.h"
#include "co_pipeline.h"
#include "co_pipeline_ingest.h"
#include "sample_shift.h"

#ifndef CO_SAMPLE_MBOX
#define CO_SAMPLE_MBOX ""
#endif

static const char co_run_usage[] =
    "Usage: careerops run [options]\n"
    "Runs the CareerOps pipeline. With no brokers configured it runs embedded: one\n"
    "process, a durable local log and the same stores. On first start it imports the\n"
    "sample inbox, prints a summary, then keeps processing new imports until SIGINT.\n"
    "      --sample PATH     mbox to import once on first start (default: $CAREEROPS_SAMPLE,\n"
    "                        else the source tree's data/sample/inbox.mbox); --sample '' skips it\n"
    "      --once            exit after the summary (embedded mode)\n" CO_CLI_COMMON_HELP;

static co_pipeline_t *volatile g_pipeline;
static co_pipeline_ingest_t *volatile g_ingest;
static volatile sig_atomic_t g_signals;

static void on_signal(int sig) {
  (void)sig;
  if (++g_signals > 1) _exit(130); /* second signal: the user means it */
  if (g_pipeline) co_pipeline_stop(g_pipeline);
  if (g_ingest) co_pipeline_ingest_stop(g_ingest);
}

/* One summary row, copied out of the listing callback (its strings live
 * only during the call) so the table can be sorted. */
typedef struct {
  char *account, *company, *role, *stage, *last_contact;
  long long emails;
} run_row_t;

typedef struct {
  run_row_t *rows;
  size_t n, cap;
  int oom; /* a row could not be copied (the listing stops there) */
} run_rows_t;

static int collect_app(const co_pipeline_app_t *a, void *opaque) {
  run_rows_t *t = opaque;
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 32;
    run_row_t *r = realloc(t->rows, cap * sizeof(*r));
    if (!r) return t->oom = -1;
    t->rows = r;
    t->cap = cap;
  }
  run_row_t *r = &t->rows[t->n];
  r->account = strdup(a->account ? a->account : "");
  r->company = strdup(*a->company ? a->company : "?");
  r->role = strdup(*a->role ? a->role : "-");
  r->stage = strdup(a->stage);
  r->last_contact = strdup(a->last_contact ? a->last_contact : "");
  r->emails = (long long)a->emails;
  t->n++; /* counted before the check: rows_free frees what was copied */
  if (!r->account || !r->company || !r->role || !r->stage || !r->last_contact) t->oom = -1;
  return t->oom;
}

static void rows_free(run_rows_t *t) {
  for (size_t i = 0; i < t->n; i++) {
    free(t->rows[i].account);
    free(t->rows[i].company);
    free(t->rows[i].role);
    free(t->rows[i].stage);
    free(t->rows[i].last_contact);
  }
  free(t->rows);
}

/* Per account, the latest contact first (ISO times sort as text), then by company. */
static int row_cmp(const void *x, const void *y) {
  const run_row_t *a = x, *b = y;
  int c = strcmp(a->account, b->account);
  if (!c) c = strcmp(b->last_contact, a->last_contact);
  return c ? c : strcmp(a->company, b->company);
}

static void print_rows(const run_rows_t *t) {
  if (t->n) printf("%-12s %-24s %-28s %-10s %6s  %s\n", "ACCOUNT", "COMPANY", "ROLE", "STAGE", "EMAILS", "LAST CONTACT");
  for (size_t i = 0; i < t->n; i++) {
    const run_row_t *r = &t->rows[i];
    /* account, company and role may come from mail or config: cells are
     * terminal-safe and sized in display columns */
    co_term_cell(stdout, r->account, 12, 0);
    fputc(' ', stdout);
    co_term_cell(stdout, r->company, 24, 0);
    fputc(' ', stdout);
    co_term_cell(stdout, r->role, 28, 0);
    fputc(' ', stdout);
    co_term_cell(stdout, r->stage, 10, 0);
    printf(" %6lld  ", r->emails);
    co_term_cell(stdout, r->last_contact, 0, 0);
    fputc('\n', stdout);
  }
}

static int summary(co_pipeline_t *p, char *errstr, size_t errstr_size) {
  co_pipeline_counts_t c;
  run_rows_t t = {0};
  if (co_pipeline_applications(p, NULL, collect_app, &t, errstr, errstr_size) ||
      co_pipeline_counts(p, &c, errstr, errstr_size) || t.oom) {
    if (t.oom) snprintf(errstr, errstr_size, "out of memory listing applications");
    rows_free(&t);
    return -1;
  }
  if (t.n) qsort(t.rows, t.n, sizeof(*t.rows), row_cmp); /* rows is NULL when there are none: qsort's base must not be */
  print_rows(&t);
  printf("%sapplications: %zu\n", t.n ? "\n" : "", t.n);
  rows_free(&t);
  printf("classified emails: %lld (", (long long)c.classified);
  for (int l = 0; l < CO_CLASSIFY__N; l++)
    printf("%s%s %lld", l ? ", " : "", co_classify_label_name(l), (long long)c.per_label[l]);
  printf(")\nresearch tasks: %lld, notifications: %lld\ndead letters: %lld%s", (long long)c.research,
         (long long)c.notifications, (long long)c.dlq, c.dlq ? " (see `careerops dlq list`)" : "");
  if (c.dlq_dismissed) printf(", %lld dismissed", (long long)c.dlq_dismissed);
  printf("\n");
  fflush(stdout);
  return 0;
}

static const char *sample_path(const char *flag) {
  if (flag) return flag;
  const char *env = getenv("CAREEROPS_SAMPLE");
  return env ? env : CO_SAMPLE_MBOX;
}

int co_cmd_run(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"sample", required_argument, NULL, 'S'},
                                           {"once", no_argument, NULL, 'O'},
                                           CO_CLI_COMMON_LONG,
                                           {NULL, 0, NULL, 0}};
  const char *sample_flag = NULL;
  int once = 0, opt, rc = CO_EXIT_FAIL;
  char errstr[512];
  co_pipeline_t *p = NULL;
  co_pipeline_api_t *api = NULL;
  co_pipeline_ingest_t *ing = NULL;
  co_pipeline_watch_t *watch = NULL;
  co_ingest_accounts_t *accts = NULL;
  while ((opt = co_cli_getopt(cli, "run", co_run_usage, argc, argv, "", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'S') {
      sample_flag = optarg;
      continue;
    }
    if (opt == 'O') {
      once = 1;
      continue;
    }
  }
  if (optind < argc) return co_cli_usage_error(cli, "run", "unexpected argument '%s'", argv[optind]);
  if ((rc = co_cli_load_conf(cli))) return rc;
  rc = CO_EXIT_FAIL;
  co_dlq_set_reread(co_pipeline_import_reread); /* the API's DLQ replay re-reads import failures */
  const char *brokers = co_conf_str(cli->conf, "brokers");
  if (*brokers && once) return co_cli_usage_error(cli, "run", "--once is for embedded mode (no brokers)");
  CO_LOGKV(CO_LOG_INFO, "cli", "starting", "mode", *brokers ? "kafka" : "embedded", "brokers", brokers, "state.dir",
           co_conf_str(cli->conf, "state.dir"));
  if (co_pipeline_api_prepare(cli->conf, errstr, sizeof(errstr))) goto fail;
  if (!(p = co_pipeline_new(cli->conf, errstr, sizeof(errstr)))) goto fail;
  g_pipeline = p;
  struct sigaction sa = {.sa_handler = on_signal};
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);

  if (!*brokers) {
    const char *sample = sample_path(sample_flag);
    char moved[4096];
    int weeks = 0;
    /* the shipped sample (no --sample) is imported as a copy moved to today
     * (sample_shift.c); a copy already written is kept, so its cursor holds */
    snprintf(moved, sizeof(moved), "%s/sample-inbox.mbox", co_conf_str(cli->conf, "state.dir"));
    if (!sample_flag && *sample && access(sample, R_OK) == 0 && co_pipeline_import_cursor(p, sample) < 0) {
      if (access(moved, R_OK) != 0 && co_cli_sample_shift(sample, moved, time(NULL), &weeks, errstr, sizeof(errstr)))
        goto fail;
      if (access(moved, R_OK) == 0) sample = moved;
      if (weeks) co_term_printf(stderr, "careerops run: sample dates moved %d weeks to today\n", weeks);
    }
    if (*sample && access(sample, R_OK) == 0 && co_pipeline_import_cursor(p, sample) < 0) {
      co_pipeline_import_stats_t st;
      if (co_pipeline_import_mbox(p, sample, NULL, &st, errstr, sizeof(errstr))) goto fail;
      co_term_printf(stderr, "careerops run: imported %s%s (%lld message%s, %lld not mail)\n",
                     sample_flag ? "" : "sample inbox ", sample, (long long)st.appended, st.appended == 1 ? "" : "s",
                     (long long)st.malformed);
    } else if (sample_flag && *sample_flag && access(sample_flag, R_OK) != 0) {
      co_term_printf(stderr, "careerops run: --sample %s: cannot read it; nothing imported\n", sample_flag);
    }
    /* mail sources: --once syncs each once here; otherwise a thread each syncs and waits */
    const char *cfg = cli->config_path ? cli->config_path : getenv("CAREEROPS_CONFIG");
    if (co_ingest_accounts_load(cfg, &accts, errstr, sizeof(errstr)) ||
        !(ing = co_pipeline_ingest_new(cli->conf, co_pipeline_rt(p), accts, errstr, sizeof(errstr))))
      goto fail;
    if (co_pipeline_ingest_count(ing)) {
      co_pipeline_ingest_stats_t st;
      g_ingest = ing;
      if (once ? co_pipeline_ingest_sync(ing, NULL, errstr, sizeof(errstr))
               : co_pipeline_ingest_start(ing, errstr, sizeof(errstr)))
        goto fail;
      co_pipeline_ingest_stats(ing, &st);
      if (once) {
        fprintf(stderr, "careerops run: imap: %lld new message(s) appended\n", (long long)st.imap_appended);
        if (st.gmail_appended) fprintf(stderr, "careerops run: gmail: %lld new message(s) appended\n", (long long)st.gmail_appended);
      }
    }
    if (co_pipeline_run_until_idle(p, errstr, sizeof(errstr))) goto fail;
    if (summary(p, errstr, sizeof(errstr))) goto fail;
  }
  if (!once && !g_signals) {
    if (!(api = co_pipeline_api_start(p, cli->conf, errstr, sizeof(errstr)))) goto fail;
    if (co_pipeline_api_session_secret(api)) /* api.auth local-session: the URL carries this run's secret */
      printf("careerops run: dashboard and API on %s/?token=%s\n", co_pipeline_api_url(api),
             co_pipeline_api_session_secret(api));
    else
      printf("careerops run: dashboard and API on %s/\n", co_pipeline_api_url(api));
    fflush(stdout);
    /* `careerops import` on this state dir asks this instance (co_cli_instance.c) */
    if (!*brokers && co_cli_instance_write(cli->conf, co_pipeline_api_url(api), co_pipeline_api_session_secret(api),
                                           errstr, sizeof(errstr)))
      goto fail;
    errstr[0] = '\0';
    if (!(watch = co_pipeline_watch_start(cli->conf, *brokers ? NULL : co_pipeline_rt(p), errstr, sizeof(errstr))) &&
        errstr[0])
      goto fail;
    if (watch) co_term_printf(stderr, "careerops run: importing what is dropped into %s\n",
                              co_conf_str(cli->conf, "import.watch.dir"));
    if (!*brokers) fprintf(stderr, "careerops run: processing new imports (also `careerops import`); Ctrl-C to stop\n");
    if (co_pipeline_run(p, errstr, sizeof(errstr))) goto fail;
  }
  rc = CO_EXIT_OK;
  goto done;
fail:
  co_term_printf(stderr, "careerops run: %s\n", errstr);
  rc = CO_EXIT_FAIL;
done:
  co_pipeline_watch_stop(watch); /* before the runtime it appends to */
  if (api && !*brokers) co_cli_instance_remove(cli->conf);
  co_pipeline_api_stop(api); /* before the pipeline it reads */
  g_ingest = NULL;
  co_pipeline_ingest_destroy(ing); /* joins the threads before the runtime goes */
  co_ingest_accounts_free(accts);
  g_pipeline = NULL;
  co_pipeline_destroy(p);
  return rc;
}
