/* cmd_import.c: `careerops import PATH`: load an mbox file, a Maildir or a
 * directory of .eml files into the raw topic (the embedded log, or Kafka).
 * The import itself, exactly once per account and source, is
 * co_pipeline_import_path (pipeline/sources/co_pipeline_import_path.c).
 * Embedded mode while `careerops run` holds the state dir: the running
 * instance imports it (POST /api/imports, co_cli_instance.c), and its
 * dashboard shows the new mail as soon as it is classified. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "co_cli.h"
#include "co_cli_instance.h"
#include "co_ingest.h"
#include "co_json.h"
#include "co_pipeline.h"
#include "co_term.h"
#include "co_pipeline_ingest.h"
#include "co_rt.h"
#include "co_time.h"


static const char co_import_usage[] =
    "Usage: careerops import PATH [--account NAME] [options]\n"
    "Imports an mbox file, a Maildir (a folder with cur/ or new/) or a folder of\n"
    "*.eml files into the raw topic (the embedded log, or Kafka when brokers are\n"
    "set). Each message becomes one normalized event keyed by the account; one\n"
    "that cannot be parsed goes to the DLQ (class parse) with its raw bytes.\n"
    "Progress is remembered per account and per source (an mbox by its first\n"
    "message, a folder by its inode), so running the same import again, or after\n"
    "a crash, adds nothing twice; the source may grow at its end between runs but\n"
    "must not be rewritten. A file that could not be read is read again by the\n"
    "next import.\n"
    "Prints a summary line on stdout: imported=N skipped=N failed=N.\n"
    "  --account NAME        account the events belong to (default: setting account)\n"
    "Kafka mode: run `careerops topics create` first; each batch, its DLQ records\n"
    "and the progress (topic <app.id>-ingest-cursors) commit in one transaction.\n"
    "Embedded mode: while `careerops run` runs on the same state.dir, it does\n"
    "the import (its dashboard shows the new mail); otherwise this command opens\n"
    "the state itself.\n" CO_CLI_COMMON_HELP;

typedef struct imp_tty_s {
  int64_t t0;
} imp_tty_t;

/* Progress on a terminal: messages, rate, and for an mbox percent and ETA. */
static void on_progress(void *opaque, const co_pipeline_import_progress_t *p) {
  imp_tty_t *t = opaque;
  double secs = (double)(co_time_mono_ms() - t->t0) / 1000.0;
  double rate = secs > 0 ? (double)p->imported / secs : 0;
  fprintf(stderr, "\rimport: %llu new, %llu skipped, %.0f msg/s", (unsigned long long)p->imported,
          (unsigned long long)p->skipped, rate);
  if (p->total_bytes && p->pos && p->pos <= p->total_bytes && secs > 0.5) {
    double frac = (double)p->pos / (double)p->total_bytes;
    double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
    fprintf(stderr, ", %.0f%%, ETA %.0fs", frac * 100, p->final ? 0 : eta);
  }
  fputs(p->final ? "\n" : "   ", stderr);
  fflush(stderr);
}

static void print_result(const char *kind, const char *real, const co_pipeline_import_result_t *r, const char *dlq,
                         double secs, int via) {
  if (r->reread || r->still_unreadable)
    co_term_printf(stderr, "careerops import: %d file(s) unreadable before: %d now imported, %d still unreadable%s%s\n",
                   r->reread + r->still_unreadable, r->reread, r->still_unreadable, r->still_unreadable ? ": " : "",
                   r->first_error);
  co_term_printf(stderr,
                 "careerops import: %s %s: %llu imported, %llu skipped as already imported, %llu failed -> DLQ (%s)%s "
                 "in %.1fs\n",
                 kind, real, (unsigned long long)r->imported, (unsigned long long)r->skipped,
                 (unsigned long long)r->failed, dlq, via ? " by the running instance" : "", secs);
  printf("imported=%llu skipped=%llu failed=%llu\n", (unsigned long long)r->imported, (unsigned long long)r->skipped,
         (unsigned long long)r->failed);
}

/* The running instance imports real: CO_EXIT_OK/FAIL, or -1 when none runs. */
static int via_instance(co_cli_t *cli, const char *real, const char *account) {
  char errstr[1024];
  long status = 0;
  json_t *resp = NULL, *body = json_pack("{s:s, s:s}", "path", real, "account", account);
  int64_t t0 = co_time_mono_ms();
  int r = body ? co_cli_instance_call(cli->conf, "/api/imports", body, 3600L * 1000, &status, &resp, errstr,
                                      sizeof(errstr))
               : 1;
  json_decref(body);
  if (r < 0) return -1;
  int rc = CO_EXIT_FAIL;
  if (r > 0) {
    co_term_printf(stderr, "careerops import: %s\n", errstr);
  } else if (status != 200) {
    co_term_printf(stderr, "careerops import: the running instance refused it (HTTP %ld): %s\n", status,
                   co_cli_instance_why(resp));
  } else {
    co_pipeline_import_result_t res = {.imported = (uint64_t)json_integer_value(json_object_get(resp, "imported")),
                                       .skipped = (uint64_t)json_integer_value(json_object_get(resp, "skipped")),
                                       .failed = (uint64_t)json_integer_value(json_object_get(resp, "failed")),
                                       .reread = (int)json_integer_value(json_object_get(resp, "reread")),
                                       .still_unreadable =
                                           (int)json_integer_value(json_object_get(resp, "still_unreadable"))};
    snprintf(res.first_error, sizeof(res.first_error), "%s", co_json_str(resp, "first_error"));
    print_result(co_json_str(resp, "kind"), real, &res, co_conf_str(cli->conf, "topic.dlq"),
                 (double)(co_time_mono_ms() - t0) / 1000.0, 1);
    rc = CO_EXIT_OK;
  }
  json_decref(resp);
  return rc;
}

int co_cmd_import(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      {"account", required_argument, NULL, 'a'}, CO_CLI_COMMON_LONG, {NULL, 0, NULL, 0}};
  const char *account = NULL, *path = NULL;
  char errstr[1024], real[PATH_MAX];
  int opt, rc;
  co_topo_t *topo = NULL;
  co_rt_t *rt = NULL;
  while ((opt = co_cli_getopt(cli, "import", co_import_usage, argc, argv, "a:", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'a') account = optarg;
  }
  if (optind >= argc) return co_cli_usage_error(cli, "import", "missing PATH (an mbox file, Maildir or .eml folder)");
  path = argv[optind++];
  if (optind < argc) return co_cli_usage_error(cli, "import", "unexpected argument '%s'", argv[optind]);
  if (account && !*account) return co_cli_usage_error(cli, "import", "--account must not be empty");
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (!realpath(path, real)) {
    co_term_printf(stderr, "careerops import: cannot open %s: %s\n", path, strerror(errno));
    return CO_EXIT_FAIL;
  }
  if (!account) account = co_conf_str(cli->conf, "account");
  int embedded = !*co_conf_str(cli->conf, "brokers");
  if (embedded && (rc = via_instance(cli, real, account)) >= 0) return rc;
  co_pipeline_import_result_t res;
  imp_tty_t tty = {co_time_mono_ms()};
  co_err_t err = CO_OK;
  if (embedded) {
    if (!(topo = co_topo_new(co_conf_str(cli->conf, "app.id")))) {
      snprintf(errstr, sizeof(errstr), "out of memory");
      err = CO_ERR_NOMEM;
    } else if (!(rt = co_rt_new(cli->conf, topo, errstr, sizeof(errstr)))) {
      err = CO_ERR_IO;
    }
  }
  memset(&res, 0, sizeof(res));
  if (!err)
    err = co_pipeline_import_path(cli->conf, rt, real, account, isatty(STDERR_FILENO) ? on_progress : NULL, &tty, &res,
                                  errstr, sizeof(errstr));
  if (!err) {
    print_result(res.kind, real, &res, co_conf_str(cli->conf, "topic.dlq"),
                 (double)(co_time_mono_ms() - tty.t0) / 1000.0, 0);
    rc = CO_EXIT_OK;
  } else {
    /* Whole batches written before the failure stay; a re-run continues after them. */
    co_term_printf(stderr, "careerops import: %s (%llu imported, %llu failed -> DLQ before stopping)\n", errstr,
                   (unsigned long long)res.imported, (unsigned long long)res.failed);
    rc = CO_EXIT_FAIL;
  }
  if (rt) co_rt_destroy(rt);
  co_topo_destroy(topo);
  return rc;
}
