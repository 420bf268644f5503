/* cmd_corrections.c: `careerops corrections add|export`: record a manual
 * correction of an application, or export corrected emails as labelled
 * examples for `careerops train --corpus`.
 *
 * Both open the pipeline on state.dir (embedded mode), so they cannot run
 * while `careerops run` holds it; the API's POST endpoint is the way to
 * correct a running instance. Export first catches the pipeline up, so a
 * correction just added is folded in before it is read. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jansson.h>

#include "co_cli.h"
#include "co_cli_instance.h"
#include "co_term.h"
#include "co_pipeline.h"

static const char co_corrections_usage[] =
    "Usage: careerops corrections add ACCOUNT JSON [options]\n"
    "       careerops corrections export [--out FILE] [options]\n"
    "add records one correction of an application of ACCOUNT, e.g.\n"
    "  '{\"application\":\"<key>\",\"set\":{\"stage\":\"INTERVIEW\",\"company\":\"Acme\"}}'\n"
    "  (also \"not_job_related\":true, \"merge_into\":\"<key>\", \"message_id\", \"at\";\n"
    "  the key is the \"key\" field of an application in the API, the dashboard's\n"
    "  CSV and the webhooks). Corrections survive\n"
    "  reprocessing of the raw topic.\n"
    "export writes the corrected emails as JSON lines in the training-corpus\n"
    "format (subject, from, body, label, company) for `careerops train --corpus`.\n"
    "add goes through a running `careerops run` of the state dir when there is\n"
    "one. Embedded mode only.\n"
    "  --out FILE            write to FILE instead of stdout\n" CO_CLI_COMMON_HELP;

/* The correction with "application" and "merge_into" given as the API,
 * CSV and webhooks show application keys turned into store keys (malloc'd),
 * or NULL when there is nothing to turn (bad JSON is left to
 * co_pipeline_correct, which names the problem). */
static char *api_keys_to_store_keys(const char *account, const char *json) {
  static const char *const fields[] = {"application", "merge_into", NULL};
  json_t *c = json_loads(json, 0, NULL);
  int changed = 0;
  for (int i = 0; json_is_object(c) && fields[i]; i++) {
    const char *v = json_string_value(json_object_get(c, fields[i]));
    char *key = v ? co_pipeline_app_key(account, v) : NULL;
    if (key) changed |= json_object_set_new(c, fields[i], json_string(key)) == 0;
    free(key);
  }
  char *out = changed ? json_dumps(c, JSON_COMPACT) : NULL;
  json_decref(c);
  return out;
}

/* The running instance records the correction (the state is its):
 * CO_EXIT_OK/FAIL, or -1 when none runs (the caller opens the state). */
static int add_via_instance(co_cli_t *cli, const char *account, const char *json) {
  char errstr[512], path[4096];
  long status = 0;
  json_t *c = json_loads(json, 0, NULL), *resp = NULL;
  const char *app = json_string_value(json_object_get(c, "application"));
  char *acc = curl_easy_escape(NULL, account, 0), *key = app ? curl_easy_escape(NULL, app, 0) : NULL;
  int rc = CO_EXIT_FAIL, r = 0;
  if (!json_is_object(c) || !app) { /* the local path says what is wrong with it */
    rc = -1;
    goto done;
  }
  json_object_del(c, "application"); /* the path names it */
  snprintf(path, sizeof(path), "/api/accounts/%s/applications/%s/corrections", acc ? acc : "", key ? key : "");
  if ((r = co_cli_instance_call(cli->conf, path, c, 30000, &status, &resp, errstr, sizeof(errstr))) < 0) {
    rc = -1;
  } else if (r > 0) {
    co_term_printf(stderr, "careerops corrections: %s\n", errstr);
  } else if (status != 202) {
    co_term_printf(stderr, "careerops corrections: the running instance refused it (HTTP %ld): %s\n", status,
                   co_cli_instance_why(resp));
  } else {
    co_term_printf(stderr, "careerops corrections: recorded by the running instance\n");
    rc = CO_EXIT_OK;
  }
done:
  json_decref(resp);
  json_decref(c);
  curl_free(acc);
  curl_free(key);
  return rc;
}

int co_cmd_corrections(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"out", required_argument, NULL, 'o'}, CO_CLI_COMMON_LONG, {NULL, 0, NULL, 0}};
  const char *outpath = NULL, *action;
  char errstr[512];
  int opt, rc;
  co_pipeline_t *p = NULL;
  FILE *out = NULL;
  while ((opt = co_cli_getopt(cli, "corrections", co_corrections_usage, argc, argv, "", longopts)) != -1) {
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'o') outpath = optarg;
  }
  if (optind >= argc) return co_cli_usage_error(cli, "corrections", "missing action: add or export");
  action = argv[optind++];
  int add = !strcmp(action, "add");
  if (!add && strcmp(action, "export"))
    return co_cli_usage_error(cli, "corrections", "unknown action '%s': use add or export", action);
  if (add && argc - optind != 2) return co_cli_usage_error(cli, "corrections", "add needs ACCOUNT and JSON");
  if (!add && optind < argc) return co_cli_usage_error(cli, "corrections", "unexpected argument '%s'", argv[optind]);
  if (add && outpath) return co_cli_usage_error(cli, "corrections", "--out is for export");
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (add && (rc = add_via_instance(cli, argv[optind], argv[optind + 1])) >= 0) return rc;
  rc = CO_EXIT_FAIL;
  if (!(p = co_pipeline_new(cli->conf, errstr, sizeof(errstr)))) goto fail;
  if (add) {
    char *json = api_keys_to_store_keys(argv[optind], argv[optind + 1]);
    co_err_t err = co_pipeline_correct(p, argv[optind], json ? json : argv[optind + 1], errstr, sizeof(errstr));
    free(json);
    if (err) goto fail;
    if (co_rt_embedded(co_pipeline_rt(p)) && co_pipeline_run_until_idle(p, errstr, sizeof(errstr))) goto fail;
    co_term_printf(stderr, "careerops corrections: recorded\n");
    rc = CO_EXIT_OK;
    goto done;
  }
  if (co_rt_embedded(co_pipeline_rt(p)) && co_pipeline_run_until_idle(p, errstr, sizeof(errstr))) goto fail;
  if (outpath && !(out = fopen(outpath, "w"))) {
    snprintf(errstr, sizeof(errstr), "cannot write %s: %s", outpath, strerror(errno));
    goto fail;
  }
  int64_t n = 0;
  if (!out) { /* to stdout: mail text, so printed terminal-safe (the same JSON values) */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    co_err_t err = mem ? co_pipeline_corrections_export(p, mem, &n, errstr, sizeof(errstr)) : CO_ERR_NOMEM;
    if (mem) fclose(mem);
    if (!err) co_cli_print_json_lines(stdout, buf, len);
    free(buf);
    if (err == CO_ERR_NOMEM && !mem) snprintf(errstr, sizeof(errstr), "out of memory");
    if (err) goto fail;
  } else if (co_pipeline_corrections_export(p, out, &n, errstr, sizeof(errstr))) {
    goto fail;
  }
  if (out && fclose(out)) {
    out = NULL;
    snprintf(errstr, sizeof(errstr), "cannot write %s: %s", outpath, strerror(errno));
    goto fail;
  }
  out = NULL;
  co_term_printf(stderr, "careerops corrections: exported %lld example(s)\n", (long long)n);
  rc = CO_EXIT_OK;
  goto done;
fail:
  co_term_printf(stderr, "careerops corrections: %s\n", errstr);
done:
  if (out) fclose(out);
  co_pipeline_destroy(p);
  return rc;
}
