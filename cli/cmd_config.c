/* cmd_config.c: `careerops config`: the settings table and current values. */
#include <getopt.h>
#include <stdio.h>

#include "co_cli.h"

static const char co_config_usage[] =
    "Usage: careerops config [--help | --markdown | --show] [options]\n"
    "  (no flag), --help  list every setting: type, default, range, doc\n"
    "  --markdown         the same as a Markdown table (docs/CONFIGURATION.md)\n"
    "  --show             validate and print the effective values and their source (secrets redacted)\n" CO_CLI_COMMON_HELP;

int co_cmd_config(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      {"markdown", no_argument, NULL, 'm'}, {"show", no_argument, NULL, 's'}, CO_CLI_COMMON_LONG, {NULL, 0, NULL, 0}};
  int opt, mode = 'h';
  /* No usage text: --help here lists the settings too, below. */
  while ((opt = co_cli_getopt(cli, "config", NULL, argc, argv, "", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    mode = opt; /* 'm', 's' or 'h' */
  }
  if (optind < argc) return co_cli_usage_error(cli, "config", "unexpected argument '%s'", argv[optind]);
  if (mode == 'h') {
    fputs(co_config_usage, stdout);
    fputs("\nSettings:\n", stdout);
    co_conf_print_help(stdout, 0);
    return CO_EXIT_OK;
  }
  if (mode == 'm') {
    co_conf_print_help(stdout, 1);
    return CO_EXIT_OK;
  }
  int rc = co_cli_load_conf(cli);
  if (rc) return rc;
  co_conf_dump(cli->conf, stdout);
  return CO_EXIT_OK;
}
