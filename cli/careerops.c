/* careerops.c: the `careerops` binary: dispatch to a subcommand.
 * Data goes to stdout, diagnostics to stderr (kcat's rule). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_cli.h"

static const co_cmd_t co_cmds[] = {
    {"run", "run the pipeline (embedded mode unless brokers are set)", co_cmd_run, 1},
    {"config", "show settings: --help lists all, --show prints current values", co_cmd_config, 0},
    {"dlq", "list or replay dead-letter records", co_cmd_dlq, 0},
    {"import", "import an mbox, Maildir or .eml folder (embedded mode)", co_cmd_import, 0},
    {"ingest", "Kafka mode: run the mail sources into topic.raw (exactly once)", co_cmd_ingest, 1},
    {"train", "train the offline classifier on a JSON-lines corpus", co_cmd_train, 0},
    {"eval", "evaluate the classifier on labelled JSON-lines mail", co_cmd_eval, 0},
    {"corrections", "record manual corrections or export them as training examples", co_cmd_corrections, 0},
    {"review", "list the emails the classifier was unsure of, confirm or fix them", co_cmd_review, 0},
    {"reprocess", "re-apply the current model to all past mail (embedded mode)", co_cmd_reprocess, 0},
    {"topics", "create the pipeline's Kafka topics", co_cmd_topics, 0},
    {"search", "search the company briefings (local state or --url of a running instance)", co_cmd_search, 0},
    {"token", "create, list or revoke API bearer tokens", co_cmd_token, 0},
    {"version", "print version and library versions", co_cmd_version, 0},
};
#define CO_CMD_CNT (sizeof(co_cmds) / sizeof(co_cmds[0]))

static void co_usage(FILE *out, const char *prog) {
  fprintf(out, "Usage: %s <command> [options]\n\nCommands:\n", prog);
  for (size_t i = 0; i < CO_CMD_CNT; i++) fprintf(out, "  %-10s %s\n", co_cmds[i].name, co_cmds[i].summary);
  fprintf(out, "\n`%s <command> --help` describes a command.\n", prog);
}

int main(int argc, char **argv) {
  co_cli_t cli = {.prog = "careerops"};
  int rc;
  if (argc < 2) {
    co_usage(stderr, cli.prog);
    return CO_EXIT_USAGE;
  }
  if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
    co_usage(stdout, cli.prog);
    return CO_EXIT_OK;
  }
  if (!strcmp(argv[1], "--version")) argv[1] = "version";
  optind = 1;
  opterr = 0; /* co_cli_getopt reports errors as one line */
  for (size_t i = 0; i < CO_CMD_CNT; i++)
    if (!strcmp(argv[1], co_cmds[i].name)) {
      cli.service = co_cmds[i].service;
      rc = co_cmds[i].main(&cli, argc - 1, argv + 1);
      free(cli.xset);
      co_conf_destroy(cli.conf);
      return rc;
    }
  fprintf(stderr, "%s: unknown command '%s' (try `%s --help`)\n", cli.prog, argv[1], cli.prog);
  return CO_EXIT_USAGE;
}
