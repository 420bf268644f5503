/* cmd_review.c: `careerops review [--account A] [--json]`,
 * `careerops review confirm ID`, `careerops review set ID LABEL
 * [--company C] [--role R]`: the needs-review queue, and answers about any
 * stored email. While `careerops run` serves this state dir, the command
 * asks it (its API on loopback, co_cli_instance.c: the state is its);
 * otherwise it opens the local state (embedded mode).
 *
 * ID is the email's message id as the list prints it. Locally, an answer is
 * recorded on topic.raw and applied at once (the pipeline is caught up
 * before and after), so the list and the board show it when the command
 * returns; through the instance it is applied within a moment. */
#include <curl/curl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_cli.h"
#include "co_cli_instance.h"
#include "co_json.h"
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
    "set takes any stored email, queued or not (promote mail read as OTHER).\n"
    "The answer wins over the classifier, also after a reprocess, and becomes a\n"
    "training example (`careerops train --with-corrections`). ID is the message\n"
    "id the list prints. A running `careerops run` of the state dir is asked;\n"
    "else the local state is opened (embedded mode).\n"
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

/* Says why the running instance refused (status, its error message). */
static void refused(const char *what, long status, json_t *resp) {
  co_term_printf(stderr, "careerops review: the running instance refused %s (HTTP %ld): %s\n", what, status,
                 co_cli_instance_why(resp));
}

/* The running instance lists or answers: CO_EXIT_OK/FAIL, or -1 when none
 * runs (the caller opens the state). */
static int via_instance(co_cli_t *cli, const char *account, int confirm, int set, const char *id, const char *label,
                        const char *company, const char *role, int as_json) {
  char errstr[512], path[2048];
  long status = 0;
  json_t *l = NULL, *resp = NULL, *body = NULL;
  char *acc = curl_easy_escape(NULL, account, 0), *eid = NULL;
  int rc = CO_EXIT_FAIL;
  snprintf(path, sizeof(path), "/api/accounts/%s/review", acc ? acc : "");
  int r = acc ? co_cli_instance_call(cli->conf, path, NULL, 30000, &status, &l, errstr, sizeof(errstr)) : -1;
  if (r < 0) {
    rc = -1;
  } else if (r > 0) {
    co_term_printf(stderr, "careerops review: %s\n", errstr);
  } else if (status != 200) {
    refused("the list", status, l);
  } else if (!confirm && !set) {
    print_list(l, as_json);
    rc = CO_EXIT_OK;
  } else if (!label && !(label = queued_label(l, id))) {
    co_term_printf(stderr, "careerops review: no queued email with id %s (see `careerops review`)\n", id);
  } else if (!(eid = co_pipeline_api_id(id)) ||
             !(body = json_pack("{s:s, s:s*, s:s*}", "label", label, "company", company, "role", role))) {
    co_term_printf(stderr, "careerops review: out of memory\n");
  } else {
    snprintf(path, sizeof(path), "/api/accounts/%s/review/%s", acc, eid);
    if ((r = co_cli_instance_call(cli->conf, path, body, 30000, &status, &resp, errstr, sizeof(errstr))) != 0)
      co_term_printf(stderr, "careerops review: %s\n", r < 0 ? "the running instance stopped" : errstr);
    else if (status != 202)
      refused("the answer", status, resp);
    else
      rc = CO_EXIT_OK;
    if (rc == CO_EXIT_OK)
      co_term_printf(stderr, "careerops review: %s %s (by the running instance)\n", confirm ? "confirmed" : "set",
                            label);
  }
  json_decref(body);
  json_decref(resp);
  json_decref(l);
  curl_free(acc);
  free(eid);
  return rc;
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
  if ((rc = via_instance(cli, account, confirm, set, (confirm || set) ? argv[optind] : NULL,
                         set ? argv[optind + 1] : NULL, company, role, as_json)) >= 0)
    return rc;
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
