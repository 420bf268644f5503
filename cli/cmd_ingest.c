/* cmd_ingest.c: `careerops ingest`: the Kafka-mode ingestion process.
 *
 * Runs every configured mail source (imap.* settings and the `accounts:`
 * list; one thread per IMAP folder and per Gmail account) and produces
 * normalized events to topic.raw, so ingestion scales apart from the
 * `careerops run` processors. Every batch goes out in one Kafka transaction
 * together with the source's cursor record in <app.id>-ingest-cursors
 * (pipeline/sources/co_pipeline_ingest_sink.c): a SIGKILL at any moment leaves
 * either the whole batch and its cursor or neither, and a restart resumes
 * from the last committed cursor. Readers of topic.raw must use
 * read_committed (the runtime does). One-shot imports are `careerops import
 * PATH --brokers ...`, which writes through the same kind of sink.
 *
 * Runs until SIGINT/SIGTERM (a second signal exits at once); --once syncs
 * every source once and exits. Several `ingest` processes must not share a
 * source: the second fences the first (by transactional.id), which then
 * retries and fences back. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "co_cli.h"
#include "co_term.h"
#include "co_log.h"
#include "co_pipeline_ingest.h"

static const char co_ingest_usage[] =
    "Usage: careerops ingest [--once] [options]\n"
    "Kafka mode only: runs the configured mail sources (imap.url, and each entry of\n"
    "the config file's accounts: list, see docs/ingest.md) and produces normalized\n"
    "events to topic.raw, each batch in one transaction with the source's cursor\n"
    "(topic <app.id>-ingest-cursors): restarts neither lose nor repeat mail.\n"
    "Run `careerops topics create` first. Runs until SIGINT/SIGTERM.\n"
    "      --once            sync every source once, print appended=N, and exit\n" CO_CLI_COMMON_HELP;

static co_pipeline_ingest_t *volatile g_ing;
static volatile sig_atomic_t g_signals;

static void on_signal(int sig) {
  (void)sig;
  if (++g_signals > 1) _exit(130);
  if (g_ing) co_pipeline_ingest_stop(g_ing);
}

int co_cmd_ingest(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      {"once", no_argument, NULL, 'O'}, CO_CLI_COMMON_LONG, {NULL, 0, NULL, 0}};
  int once = 0, opt, rc;
  char errstr[1024];
  co_ingest_accounts_t *accts = NULL;
  co_pipeline_ingest_t *ing = NULL;
  while ((opt = co_cli_getopt(cli, "ingest", co_ingest_usage, argc, argv, "", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'O') once = 1;
  }
  if (optind < argc) return co_cli_usage_error(cli, "ingest", "unexpected argument '%s'", argv[optind]);
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (!*co_conf_str(cli->conf, "brokers"))
    return co_cli_usage_error(cli, "ingest",
                              "needs brokers (Kafka mode); embedded `careerops run` runs the mail sources itself");
  const char *cfg = cli->config_path ? cli->config_path : getenv("CAREEROPS_CONFIG");
  if (co_ingest_accounts_load(cfg, &accts, errstr, sizeof(errstr))) {
    co_term_printf(stderr, "careerops ingest: %s\n", errstr);
    return CO_EXIT_USAGE;
  }
  if (!(ing = co_pipeline_ingest_new(cli->conf, NULL, accts, errstr, sizeof(errstr)))) {
    co_term_printf(stderr, "careerops ingest: %s\n", errstr);
    co_ingest_accounts_free(accts);
    return CO_EXIT_USAGE;
  }
  co_ingest_accounts_free(accts);
  rc = CO_EXIT_FAIL;
  if (!co_pipeline_ingest_count(ing)) {
    co_term_printf(stderr, "careerops ingest: no mail source configured (set imap.url or an accounts: list)\n");
    rc = CO_EXIT_USAGE;
    goto done;
  }
  g_ing = ing;
  struct sigaction sa = {.sa_handler = on_signal};
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  CO_LOGKV(CO_LOG_INFO, "cli", "ingest starting", "brokers", co_conf_str(cli->conf, "brokers"), "topic",
           co_conf_str(cli->conf, "topic.raw"));
  co_pipeline_ingest_stats_t st;
  if (once) {
    int64_t n = 0;
    if (co_pipeline_ingest_sync(ing, &n, errstr, sizeof(errstr))) goto fail;
  } else {
    if (co_pipeline_ingest_start(ing, errstr, sizeof(errstr))) goto fail;
    co_term_printf(stderr, "careerops ingest: %d source(s) running; Ctrl-C to stop\n", co_pipeline_ingest_count(ing));
    /* blocked while checking, so a signal between check and wait is not lost */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigprocmask(SIG_BLOCK, &block, &old);
    while (!g_signals) sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
  }
  co_pipeline_ingest_stop(ing);
  co_pipeline_ingest_stats(ing, &st);
  printf("appended=%lld malformed=%lld\n", (long long)st.appended, (long long)st.malformed);
  rc = CO_EXIT_OK;
  goto done;
fail:
  co_term_printf(stderr, "careerops ingest: %s\n", errstr);
done:
  g_ing = NULL;
  co_pipeline_ingest_destroy(ing);
  return rc;
}
