/* cmd_train.c: `careerops train --corpus FILE [--out MODEL]
 * [--with-corrections]`: train the offline classifier. The training corpus
 * lives in the source tree (data/train/emails.jsonl) and is not installed,
 * so --corpus is required: guessing a path would silently train on whatever
 * happens to be there.
 *
 * --with-corrections builds a personal model: the base corpus plus the
 * person's labelled emails of the local state (review answers, stage
 * corrections naming their email, not-job-related hides: exactly what
 * `careerops corrections export` writes), each repeated --weight times so a
 * handful of them count next to ~2,000 corpus rows. A running instance
 * whose classify.model is the output picks the new file up by itself. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "co_classify.h"
#include "co_cli.h"
#include "co_pipeline.h"
#include "co_term.h"

static const char co_train_usage[] =
    "Usage: careerops train --corpus FILE [--out MODEL] [options]\n"
    "Trains the offline classifier on a JSON-lines corpus (subject, from, body,\n"
    "label per line; a bad line is an error) and writes the model atomically.\n"
    "Same corpus, same model bytes.\n"
    "  --corpus FILE         training corpus (required; e.g. data/train/emails.jsonl\n"
    "                        in the source tree)\n"
    "  --out MODEL           model file to write (default: setting classify.model;\n"
    "                        required when that is empty)\n"
    "  --with-corrections    add the labelled emails of the local state (state.dir:\n"
    "                        review answers and corrections; embedded mode)\n"
    "  --weight N            with --with-corrections: each counts N times (default 10)\n" CO_CLI_COMMON_HELP;

/* Writes base then the state's labelled emails (each weight times) to path;
 * *extra gets their count. */
static int personal_corpus(co_cli_t *cli, const char *base, const char *path, long weight, int64_t *extra,
                           char *errstr, size_t sz) {
  co_pipeline_t *p = NULL;
  char *buf = NULL, *line = NULL;
  size_t len = 0, cap = 0;
  FILE *mem = NULL, *in = NULL, *out = NULL;
  int rc = -1;
  if (!(p = co_pipeline_new(cli->conf, errstr, sz))) goto done;
  if (!co_rt_embedded(co_pipeline_rt(p))) {
    snprintf(errstr, sz, "--with-corrections reads the local state: embedded mode only");
    goto done;
  }
  if (!(mem = open_memstream(&buf, &len)) || co_pipeline_run_until_idle(p, errstr, sz) ||
      co_pipeline_corrections_export(p, mem, extra, errstr, sz))
    goto done;
  fclose(mem);
  mem = NULL;
  if (!(in = fopen(base, "r")) || !(out = fopen(path, "w"))) {
    snprintf(errstr, sz, "%s: %s", in ? path : base, strerror(errno));
    goto done;
  }
  ssize_t n;
  int nl = 1;
  while ((n = getline(&line, &cap, in)) > 0) {
    fwrite(line, 1, (size_t)n, out);
    nl = line[n - 1] == '\n';
  }
  if (!nl) fputc('\n', out);
  for (long w = 0; w < weight; w++) fwrite(buf, 1, len, out);
  if (ferror(in) || fclose(out)) {
    out = NULL;
    snprintf(errstr, sz, "write %s: %s", path, strerror(errno));
    goto done;
  }
  out = NULL;
  rc = 0;
done:
  if (mem) fclose(mem);
  if (in) fclose(in);
  if (out) fclose(out);
  free(line);
  free(buf);
  co_pipeline_destroy(p);
  return rc;
}

int co_cmd_train(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"corpus", required_argument, NULL, 'C'},
                                           {"out", required_argument, NULL, 'o'},
                                           {"with-corrections", no_argument, NULL, 'W'},
                                           {"weight", required_argument, NULL, 'w'},
                                           CO_CLI_COMMON_LONG,
                                           {NULL, 0, NULL, 0}};
  const char *corpus = NULL, *out = NULL;
  char errstr[512], *tmp = NULL;
  int opt, rc, with = 0;
  long weight = 10;
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
    if (opt == 'W') with = 1;
    if (opt == 'w') {
      char *end;
      weight = strtol(optarg, &end, 10);
      if (*end || weight < 1 || weight > 1000) return co_cli_usage_error(cli, "train", "--weight must be 1..1000");
    }
  }
  if (optind < argc) return co_cli_usage_error(cli, "train", "unexpected argument '%s'", argv[optind]);
  if (!corpus || !*corpus)
    return co_cli_usage_error(cli, "train", "--corpus FILE is required (the training corpus is not installed)");
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (!out || !*out) out = co_conf_str(cli->conf, "classify.model");
  if (!*out) return co_cli_usage_error(cli, "train", "--out MODEL is required when classify.model is empty");
  if (with) {
    int64_t extra = 0;
    if (asprintf(&tmp, "%s.corpus.%d", out, (int)getpid()) < 0) return CO_EXIT_FAIL;
    if (personal_corpus(cli, corpus, tmp, weight, &extra, errstr, sizeof(errstr))) goto fail;
    co_term_printf(stderr, "careerops train: %lld labelled email(s) of your own, each counted %ld times\n",
                   (long long)extra, weight);
    corpus = tmp;
  }
  co_classify_train_stats_t st;
  if (co_classify_train_ex(corpus, out, &st, errstr, sizeof(errstr))) goto fail;
  if (tmp) unlink(tmp);
  free(tmp);
  co_term_printf(stderr, "careerops train: trained on %zu emails (", st.rows);
  for (int l = 0; l < CO_CLASSIFY__N; l++)
    fprintf(stderr, "%s%s %d", l ? ", " : "", co_classify_label_name(l), st.per_label[l]);
  co_term_printf(stderr, "), wrote %s\n", out);
  printf("%s\n", out);
  return CO_EXIT_OK;
fail:
  co_term_printf(stderr, "careerops train: %s\n", errstr);
  if (tmp) unlink(tmp);
  free(tmp);
  return CO_EXIT_FAIL;
}
