/* cmd_eval.c: `careerops eval FILE.jsonl`: confusion matrix, per-class
 * precision/recall/F1, company match rate, per-language figures, calibration
 * and (--errors) the misclassified rows of a model on labelled mail.
 * The report is data, so it goes to stdout; text or one JSON object. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "co_classify.h"
#include "co_cli.h"

static const char co_eval_usage[] =
    "Usage: careerops eval FILE.jsonl [--json] [--errors] [--langs FILE] [--model PATH] [options]\n"
    "Evaluates the classifier on a JSON-lines file (subject, from, body, label,\n"
    "company, optional id and lang per line) and prints a confusion matrix,\n"
    "per-class precision, recall and F1, company exact-match rate, throughput,\n"
    "the same figures per language (a row's lang, else --langs, else detected)\n"
    "and the expected calibration error of the confidence. Bad lines are\n"
    "reported and skipped; the command fails when no line is usable.\n"
    "  --json                one JSON object instead of text\n"
    "  --errors              also list every misclassified row (id, language, gold,\n"
    "                        predicted, confidence, rule)\n"
    "  --langs FILE          JSON object mapping row ids to languages (en, de, es,\n"
    "                        fr, pt, nl, it); wins over a row's lang field\n"
    "  --model PATH          model file (default: setting classify.model, else the\n"
    "                        model built with this binary)\n"
    "  --extract             FILE is an interview extraction set (data/extract/): print\n"
    "                        time exact-match, date-only, duration, link and status\n"
    "                        rates of the time/place extractor (--errors: the misses)\n" CO_CLI_COMMON_HELP;

int co_cmd_eval(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"json", no_argument, NULL, 'j'},
                                           {"errors", no_argument, NULL, 'e'},
                                           {"langs", required_argument, NULL, 'l'},
                                           {"model", required_argument, NULL, 'm'},
                                           {"extract", no_argument, NULL, 'x'},
                                           CO_CLI_COMMON_LONG,
                                           {NULL, 0, NULL, 0}};
  const char *model = NULL, *file;
  char errstr[512];
  int opt, rc, extract = 0;
  co_classify_eval_opts_t eo = {0};
  co_classify_model_t *m = NULL;
  while ((opt = co_cli_getopt(cli, "eval", co_eval_usage, argc, argv, "", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'j') {
      eo.json = 1;
      continue;
    }
    if (opt == 'e') {
      eo.errors = 1;
      continue;
    }
    if (opt == 'l') {
      eo.langs = optarg;
      continue;
    }
    if (opt == 'm') {
      model = optarg;
      continue;
    }
    if (opt == 'x') {
      extract = 1;
      continue;
    }
  }
  if (optind >= argc) return co_cli_usage_error(cli, "eval", "missing FILE.jsonl");
  file = argv[optind++];
  if (optind < argc) return co_cli_usage_error(cli, "eval", "unexpected argument '%s'", argv[optind]);
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (access(file, R_OK)) {
    fprintf(stderr, "careerops eval: cannot read %s: %s\n", file, strerror(errno));
    return CO_EXIT_FAIL;
  }
  if (extract) { /* no model: co_classify_eval_when.c */
    if (co_classify_eval_when(file, stdout, eo.json, eo.errors, NULL, errstr, sizeof(errstr))) {
      fprintf(stderr, "careerops eval: %s: %s\n", file, errstr);
      return CO_EXIT_FAIL;
    }
    return CO_EXIT_OK;
  }
  if (!model || !*model) model = co_conf_str(cli->conf, "classify.model");
  if (!*model) model = co_classify_default_model_path();
  if (!(m = co_classify_load(model, errstr, sizeof(errstr)))) {
    fprintf(stderr, "careerops eval: cannot load model %s: %s\n", model, errstr);
    return CO_EXIT_FAIL;
  }
  rc = CO_EXIT_OK;
  if (co_classify_eval_opts(file, m, &eo, stdout, errstr, sizeof(errstr))) {
    fprintf(stderr, "careerops eval: %s: %s\n", file, errstr);
    rc = CO_EXIT_FAIL;
  }
  co_classify_destroy(m);
  return rc;
}
