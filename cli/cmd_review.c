/* cmd_review.c: `careerops review [--account A] [--json]`,
 * `careerops review confirm ID`, `careerops review set ID LABEL
 * [--company C] [--role R]`: the needs-review queue of the local state
 * (embedded mode; the dashboard's "Needs review" view does the same on a
 * running instance).
 *
 * ID is the email's message id as the list prints it. An answer is recorded
 * on topic.raw and applied at once (the pipeline is caught up before and
 * after), so the list and the board show it when the command returns. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_cli.h"
#include "co_pipeline.h"
#include "co_pipeline_review.h"
#include "co_term.h"

static const char co_review_usage[] =
    "Usage: careerops review [--account A] [--json] [options]\n"
    "       careerops review confirm ID [--account A] [options]\n"
    "       careerops review set ID LABEL [--company C] [--role R] [--account A] [options]\n"
    "Lists the emails the classifier was unsure of (confidence below\n"
    "classify.review.threshold, or read as OTHER with interview/offer evidence),\n"
    "or answers one: confirm keeps its label, set gives it LABEL (APPLIED,\n"
    "INTERVIEW, OFFER, REJECTION or OTHER) and optionally the company and role.\n"
    "The answer wins over the classifier, also after a reprocess, and becomes a\n"
    "training example (`careerops train --with-corrections`). ID is the message\n"
    "id the list prints. Embedded mode (local state.dir).\n"
    "  --account A           the account (default: setting account)\n"
    "  --json                print the list as one JSON object\n"
    "  --company C, --role R with set: the application's company and role\n" CO_CLI_COMMON_HELP;

static void print_list(json_t *l, int as_json) {
  json_t *it;
  size_t i;
  if (as_json) {
    char *s = json_dumps(l, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (s) co_cli_print_json_lines(stdout, s, strlen(s));
    if (s) printf("\n");
    free(s);
    return;
  }
  json_array_foreach(json_object_get(l, "items"), i, it) {
    co_term_printf(stdout, "%s\t%s\t%.2f\t%s\t%s\t%s\n", json_string_value(json_object_get(it, "message_id")),
                   json_string_value(json_object_get(it, "label")),
                   json_number_value(json_object_get(it, "confidence")),
                   json_string_value(json_object_get(it, "reason")), json_string_value(json_object_get(it, "company")),
                   json_string_value(json_object_get(it, "subject")));
  }
  co_term_printf(stderr, "careerops review: %lld email(s) need review\n",
                 (long long)json_integer_value(json_object_get(l, "count")));
}

/* The queued label of id (for confirm), or NULL. */
static const char *queued_label(json_t *l, const char *id) {
  json_t *it;
  size_t i;
  json_array_foreach(json_object_get(l, "items"), i, it) if (!strcmp(json_string_value(json_object_get(it, "message_id")),
                                                                    id)) return json_string_value(json_object_get(it, "label"));
  return NULL;
}

int co_cmd_review(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"account", required_argument, NULL, 'a'},
                                           {"json", no_argument, NULL, 'j'},
                                           {"company", required_argument, NULL, 'C'},
                                           {"role", required_argument, NULL, 'R'},
                                           CO_CLI_COMMON_LONG,
                                           {NULL, 0, NULL, 0}};
  const char *account = NULL, *company = NULL, *role = NULL;
  int as_json = 0, opt, rc;
  char errstr[512];
  co_pipeline_t *p = NULL;
  json_t *l = NULL;
  while ((opt = co_cli_getopt(cli, "review", co_review_usage, argc, argv, "", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'a') account = optarg;
    if (opt == 'j') as_json = 1;
    if (opt == 'C') company = optarg;
    if (opt == 'R') role = optarg;
  }
  const char *action = optind < argc ? argv[optind++] : "list";
  int confirm = !strcmp(action, "confirm"), set = !strcmp(action, "set");
  if (!confirm && !set && strcmp(action, "list"))
    return co_cli_usage_error(cli, "review", "unknown action '%s': use confirm or set (or nothing to list)", action);
  if (argc - optind != (set ? 2 : confirm ? 1 : 0))
    return co_cli_usage_error(cli, "review", set ? "set needs ID and LABEL" : confirm ? "confirm needs ID" : "unexpected argument");
  if ((company || role) && !set) return co_cli_usage_error(cli, "review", "--company and --role go with set");
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (!account) account = co_conf_str(cli->conf, "account");
  rc = CO_EXIT_FAIL;
  if (!(p = co_pipeline_new(cli->conf, errstr, sizeof(errstr)))) goto fail;
  if (!co_rt_embedded(co_pipeline_rt(p))) {
    snprintf(errstr, sizeof(errstr), "embedded mode only: use the dashboard or the API of a running instance");
    goto fail;
  }
  if (co_pipeline_run_until_idle(p, errstr, sizeof(errstr))) goto fail;
  if (!(l = co_pipeline_review_list(p, account))) {
    snprintf(errstr, sizeof(errstr), "out of memory");
    goto fail;
  }
  if (!confirm && !set) {
    print_list(l, as_json);
    rc = CO_EXIT_OK;
    goto done;
  }
  const char *id = argv[optind], *label = set ? argv[optind + 1] : queued_label(l, id);
  if (!label) {
    snprintf(errstr, sizeof(errstr), "no queued email with id %s (see `careerops review`)", id);
    goto fail;
  }
  if (co_pipeline_review_answer(p, account, id, label, company, role, errstr, sizeof(errstr)) ||
      co_pipeline_run_until_idle(p, errstr, sizeof(errstr)))
    goto fail;
  co_term_printf(stderr, "careerops review: %s %s\n", confirm ? "confirmed" : "set", label);
  rc = CO_EXIT_OK;
  goto done;
fail:
  co_term_printf(stderr, "careerops review: %s\n", errstr);
done:
  json_decref(l);
  co_pipeline_destroy(p);
  return rc;
}
