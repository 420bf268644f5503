/* cmd_train.c: `careerops train --corpus FILE [--out MODEL]`: train the
 * offline classifier. The training corpus lives in the source tree
 * (data/train/emails.jsonl) and is not installed, so --corpus is required:
 * guessing a path would silently train on whatever happens to be there. */
#include <getopt.h>
#include <stdio.h>

#include "co_classify.h"
#include "co_cli.h"
#include "co_term.h"

static const char co_train_usage[] =
    "Usage: careerops train --corpus FILE [--out MODEL] [options]\n"
    "Trains the offline classifier on a JSON-lines corpus (subject, from, body,\n"
    "label per line; a bad line is an error) and writes the model atomically.\n"
    "Same corpus, same model bytes.\n"
    "  --corpus FILE         training corpus (required; e.g. data/train/emails.jsonl\n"
    "                        in the source tree)\n"
    "  --out MODEL           model file to write (default: setting classify.model;\n"
    "                        required when that is empty)\n" CO_CLI_COMMON_HELP;

int co_cmd_train(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"corpus", required_argument, NULL, 'C'},
                                           {"out", required_argument, NULL, 'o'},
                                           CO_CLI_COMMON_LONG,
                                           {NULL, 0, NULL, 0}};
  const char *corpus = NULL, *out = NULL;
  char errstr[512];
  int opt, rc;
  while ((opt = co_cli_getopt(cli, "train", co_train_usage, argc, argv, "", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'C') {
      corpus = optarg;
      continue;
    }
    if (opt == 'o') {
      out = optarg;
      continue;
    }
  }
  if (optind < argc) return co_cli_usage_error(cli, "train", "unexpected argument '%s'", argv[optind]);
  if (!corpus || !*corpus)
    return co_cli_usage_error(cli, "train", "--corpus FILE is required (the training corpus is not installed)");
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (!out || !*out) out = co_conf_str(cli->conf, "classify.model");
  if (!*out) return co_cli_usage_error(cli, "train", "--out MODEL is required when classify.model is empty");
  if (co_classify_train(corpus, out, errstr, sizeof(errstr))) {
    co_term_printf(stderr, "careerops train: %s\n", errstr);
    return CO_EXIT_FAIL;
  }
  co_term_printf(stderr, "careerops train: wrote %s\n", out);
  printf("%s\n", out);
  return CO_EXIT_OK;
}
