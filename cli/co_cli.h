/* co_cli.h: what every `careerops` subcommand shares: its table entry,
 * the common options (-c FILE, -X name=value) and configuration loading. */
#ifndef CO_CLI_H
#define CO_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "co_conf.h"

#define CO_EXIT_OK 0
#define CO_EXIT_FAIL 1  /* the command ran and failed */
#define CO_EXIT_USAGE 2 /* bad flag, bad setting: nothing was done */

typedef struct co_cli_s {
  const char *prog;
  const char *config_path; /* -c, or CAREEROPS_CONFIG */
  int xset_cnt;
  char **xset; /* "name=value" from -X, applied last */
  co_conf_t *conf;
  int rc; /* exit code when co_cli_getopt returns CO_CLI_OPT_EXIT */
  int service; /* a long-running command (run, ingest): logs at log.level's default, info */
} co_cli_t;

typedef struct co_cmd_s {
  const char *name;
  const char *summary;
  int (*main)(co_cli_t *cli, int argc, char **argv); /* argv[0] is the command name */
  int service; /* see co_cli_t.service */
} co_cmd_t;

/* Handles an option every command takes (-c, -X, --brokers). Returns 1 if
 * opt was one of them, 0 if not, -1 on a bad value (message printed). */
int co_cli_common_opt(co_cli_t *cli, int opt, const char *arg);
/* getopt_long entries and short letters for the common options. */
#define CO_CLI_COMMON_SHORT "c:X:"
#define CO_CLI_COMMON_LONG                                                                 \
  {"config", required_argument, NULL, 'c'}, {"set", required_argument, NULL, 'X'},        \
      {"brokers", required_argument, NULL, 'B'}, {"help", no_argument, NULL, 'h'}
#define CO_CLI_COMMON_HELP                                                                 \
  "  -c, --config FILE     YAML configuration file (default: $CAREEROPS_CONFIG)\n"      \
  "  -X, --set NAME=VALUE  set one setting (see `careerops config --help`)\n"            \
  "      --brokers LIST    Kafka bootstrap servers (empty: embedded mode)\n"             \
  "  -h, --help            this help\n"

#define CO_CLI_OPT_EXIT (-2)
/* getopt_long for a subcommand: handles the common options, -h (prints
 * usage) and unknown options (one-line error) itself and returns the next
 * command-specific option (optarg set), -1 at the end, or CO_CLI_OPT_EXIT
 * with cli->rc set. shortopts lists only the command's own letters; a
 * leading '+' stops at the first non-option (an action word). usage NULL:
 * 'h' is returned to the caller, which prints its own help. main() resets
 * getopt once before dispatching. */
int co_cli_getopt(co_cli_t *cli, const char *cmd, const char *usage, int argc, char **argv, const char *shortopts,
                  const struct option *longopts);

/* Builds cli->conf from defaults, file, environment and -X, finalizes it and
 * sets up logging: a one-shot command (not cli->service) logs warnings and
 * errors only unless log.level was set, so its answer is not buried. On error prints one line naming the setting and returns
 * CO_EXIT_USAGE; CO_EXIT_OK on success. */
int co_cli_load_conf(co_cli_t *cli);

/* Prints text (JSON lines) to f so that no byte of it can drive a
 * terminal: each line that parses as JSON is re-written with every
 * non-ASCII character and DEL as a \uXXXX escape (the same JSON value);
 * any other line is printed through co_term (control codes escaped). */
void co_cli_print_json_lines(FILE *f, const char *text, size_t len);

/* Prints "careerops <cmd>: msg" to stderr and returns CO_EXIT_USAGE. */
int co_cli_usage_error(const co_cli_t *cli, const char *cmd, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

int co_cmd_run(co_cli_t *cli, int argc, char **argv);
int co_cmd_config(co_cli_t *cli, int argc, char **argv);
int co_cmd_version(co_cli_t *cli, int argc, char **argv);
int co_cmd_dlq(co_cli_t *cli, int argc, char **argv);
int co_cmd_import(co_cli_t *cli, int argc, char **argv);
int co_cmd_ingest(co_cli_t *cli, int argc, char **argv);
int co_cmd_train(co_cli_t *cli, int argc, char **argv);
int co_cmd_eval(co_cli_t *cli, int argc, char **argv);
int co_cmd_corrections(co_cli_t *cli, int argc, char **argv);
int co_cmd_review(co_cli_t *cli, int argc, char **argv);
int co_cmd_reprocess(co_cli_t *cli, int argc, char **argv);
int co_cmd_topics(co_cli_t *cli, int argc, char **argv);
int co_cmd_search(co_cli_t *cli, int argc, char **argv);
int co_cmd_token(co_cli_t *cli, int argc, char **argv);

#endif
