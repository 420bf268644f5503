/* cli_import_while_running_goes_through_the_instance (issue 19 item 1),
 * embedded mode: with `careerops run` holding the state dir,
 *  - `careerops import FILE` exits 0 (it used to fail on the RocksDB lock),
 *    says the running instance imported it, and the new application is on
 *    the instance's API (the time it took is printed, not asserted);
 *  - the same import again adds nothing (exactly once, the same cursor);
 *  - `careerops review` lists and `careerops review set ID LABEL --company C`
 *    answers through the instance too (exit 0, "by the running instance"):
 *    the imported invitation, moved to another company, shows on the API;
 *    `careerops corrections add` with the API's key sets its stage (OFFER);
 *  - POST /api/imports without a credential is 401, with a relative path
 *    400, with a missing file 404, each a JSON error;
 *  - with import.watch.dir set, an .mbox and an .eml renamed into the
 *    folder are imported by the instance (their applications on the API)
 *    and moved to imported/; a file that is no mail at all is imported into
 *    the DLQ (nothing is lost) and moved to imported/ too;
 *  - once the instance stopped, state.dir/instance.json is gone and
 *    `careerops import` opens the state itself again (another file is
 *    imported, the first one is still "already imported"). */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <jansson.h>

#include "co_th.h"

#define MAIL(id, company, role)                                                                          \
  "From ana@" id ".example Mon Dec  7 14:00:00 2026\n"                                                  \
  "From: Ana Ruiz <ana@" id ".example>\n"                                                               \
  "Subject: Interview invitation: " role " at " company "\n"                                            \
  "Date: Mon, 07 Dec 2026 09:00:00 -0500\n"                                                             \
  "Message-ID: <inv-" id "@" id ".example>\n\n"                                                         \
  "Hi Riley,\n\nI'd love to schedule a 45-minute video interview about the " role " role at " company   \
  ".\nWould Thursday, December 10 at 2:00 PM ET work for a call?\n\nBest,\nAna Ruiz\nSenior Recruiter, " \
  company "\n\n"

static char D[1024], X[1400];

static int sh(const char *cmd, char **out) {
  return co_th_sh(cmd, out);
}

/* HTTP status of a curl call (body to $D/body). */
static int http(const char *args, char *status, size_t size) {
  char cmd[8192], *out = NULL;
  snprintf(cmd, sizeof(cmd), "curl -s -o \"$D/body\" -w '%%{http_code}' %s", args);
  int rc = sh(cmd, &out);
  snprintf(status, size, "%s", out ? out : "");
  free(out);
  return rc;
}

static int has_company(const char *company) {
  char st[16], args[1024];
  snprintf(args, sizeof(args),
           "-H \"Authorization: Bearer $TOKEN\" \"http://127.0.0.1:$PORT/api/accounts/me/applications?limit=200\"");
  if (http(args, st, sizeof(st)) || strcmp(st, "200")) return 0;
  char path[1100], *body;
  snprintf(path, sizeof(path), "%s/body", D);
  body = co_th_read_file(path, NULL);
  int found = body && strstr(body, company) != NULL;
  free(body);
  return found;
}

static void import_while_running(void **state) {
  (void)state;
  const char *bin = getenv("CO_BINARY_DIR");
  char *dir = co_th_tmpdir("cli-imp-run"), path[2048], *out = NULL, err[256], cmd[16384], st[16];
  snprintf(D, sizeof(D), "%s", dir);
  int port = co_th_free_port();
  snprintf(X, sizeof(X), "-X state.dir=%s/state -X log.level=warn -X api.listen=127.0.0.1:%d", D, port);
  snprintf(path, sizeof(path), "%d", port);
  setenv("PORT", path, 1);
  setenv("D", D, 1);
  const char *m1 = MAIL("northwind", "Northwind Robotics", "Platform Engineer");
  const char *m2 = MAIL("eastgate", "Eastgate Analytics", "Data Engineer");
  snprintf(path, sizeof(path), "%s/one.mbox", D);
  assert_int_equal(co_th_write_file(path, m1, strlen(m1)), 0);
  snprintf(path, sizeof(path), "%s/two.mbox", D);
  assert_int_equal(co_th_write_file(path, m2, strlen(m2)), 0);

  char exe[2048], log[2048], sd[2100], lst[64];
  snprintf(exe, sizeof(exe), "%s/cli/careerops", bin);
  snprintf(log, sizeof(log), "%s/run.log", D);
  snprintf(sd, sizeof(sd), "state.dir=%s/state", D);
  snprintf(lst, sizeof(lst), "api.listen=127.0.0.1:%d", port);
  char wd[2100];
  snprintf(wd, sizeof(wd), "import.watch.dir=%s/drop", D);
  snprintf(path, sizeof(path), "%s/drop", D);
  assert_int_equal(mkdir(path, 0700), 0);
  char *argv[] = {exe, "run", "--sample", "", "-X", sd, "-X", lst, "-X", "log.level=info", "-X", wd,
                  "-X", "import.watch.interval.ms=200", NULL};
  pid_t pid = co_th_spawn(argv, NULL, log, err, sizeof(err));
  assert_true(pid > 0);
  assert_true(CO_TH_WAIT_UNTIL(co_th_file_contains(log, "processing new imports"), 120000));
  snprintf(path, sizeof(path), "%s/state/instance.json", D);
  struct stat sb;
  assert_int_equal(stat(path, &sb), 0);
  assert_int_equal(sb.st_mode & 077, 0); /* it holds the session secret */
  char *runlog = co_th_read_file(log, NULL), *tok = runlog ? strstr(runlog, "/?token=") : NULL, token[128] = "";
  if (tok) sscanf(tok + 8, "%127[A-Za-z0-9_-]", token);
  free(runlog);
  assert_true(token[0]);
  setenv("TOKEN", token, 1);

  /* through the instance */
  int64_t t0 = co_th_now_ms();
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' import \"$D/one.mbox\" %s 2>&1", bin, X);
  int rc = sh(cmd, &out);
  printf("--- import while running (rc %d)\n%s", rc, out ? out : "");
  assert_int_equal(rc, 0);
  assert_non_null(strstr(out, "imported=1 skipped=0 failed=0"));
  assert_non_null(strstr(out, "by the running instance"));
  free(out);
  assert_true(CO_TH_WAIT_UNTIL(has_company("Northwind Robotics"), 30000));
  printf("the new application was on the API %lld ms after the import command started\n",
         (long long)(co_th_now_ms() - t0));
  rc = sh(cmd, &out);
  assert_int_equal(rc, 0);
  assert_non_null(strstr(out, "imported=0 skipped=1 failed=0"));
  free(out);

  /* review through the instance: list, then move the invitation to another company */
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' review --account me %s 2>&1", bin, X);
  rc = sh(cmd, &out);
  printf("--- review list while running (rc %d)\n%s", rc, out ? out : "");
  assert_int_equal(rc, 0);
  assert_non_null(strstr(out, "need review"));
  free(out);
  snprintf(cmd, sizeof(cmd),
           "'%s/cli/careerops' review set inv-northwind@northwind.example INTERVIEW --company 'Northwind Dynamics' "
           "--account me %s 2>&1", bin, X);
  rc = sh(cmd, &out);
  printf("--- review set while running (rc %d)\n%s", rc, out ? out : "");
  assert_int_equal(rc, 0);
  assert_non_null(strstr(out, "by the running instance"));
  free(out);
  assert_true(CO_TH_WAIT_UNTIL(has_company("Northwind Dynamics"), 30000));
  /* corrections add through the instance: the key the API lists */
  snprintf(path, sizeof(path), "%s/body", D);
  char *apps = co_th_read_file(path, NULL), key[512] = "";
  json_t *list = apps ? json_loads(apps, 0, NULL) : NULL, *a;
  size_t ai;
  json_array_foreach(json_object_get(list, "items"), ai, a) if (!strcmp(json_string_value(json_object_get(a, "company")),
                                                                         "Northwind Dynamics"))
      snprintf(key, sizeof(key), "%s", json_string_value(json_object_get(a, "key")));
  json_decref(list);
  free(apps);
  assert_true(key[0]);
  snprintf(cmd, sizeof(cmd),
           "'%s/cli/careerops' corrections add me '{\"application\":\"%s\",\"set\":{\"stage\":\"OFFER\"}}' %s 2>&1",
           bin, key, X);
  rc = sh(cmd, &out);
  printf("--- corrections add while running (rc %d)\n%s", rc, out ? out : "");
  assert_int_equal(rc, 0);
  assert_non_null(strstr(out, "recorded by the running instance"));
  free(out);
  assert_true(CO_TH_WAIT_UNTIL(has_company("Northwind Dynamics") && co_th_file_contains(path, "\"OFFER\""), 30000));

  /* the drop folder: written under another name, renamed in */
  const char *m3 = MAIL("southpeak", "Southpeak Labs", "QA Engineer");
  const char *m4 = MAIL("westbay", "Westbay Foods", "Backend Engineer");
  const char *m5 = "this is not mail at all\n";
  snprintf(path, sizeof(path), "%s/.m3", D);
  assert_int_equal(co_th_write_file(path, m3, strlen(m3)), 0);
  snprintf(path, sizeof(path), "%s/.m4", D);
  assert_int_equal(co_th_write_file(path, strchr(m4, '\n') + 1, strlen(strchr(m4, '\n') + 1)), 0); /* .eml: no "From " line */
  snprintf(path, sizeof(path), "%s/.m5", D);
  assert_int_equal(co_th_write_file(path, m5, strlen(m5)), 0);
  t0 = co_th_now_ms();
  assert_int_equal(sh("mv \"$D/.m3\" \"$D/drop/southpeak.mbox\" && mv \"$D/.m4\" \"$D/drop/westbay.eml\" && "
                      "mv \"$D/.m5\" \"$D/drop/junk.mbox\"", NULL), 0);
  assert_true(CO_TH_WAIT_UNTIL(has_company("Southpeak Labs") && has_company("Westbay Foods"), 60000));
  printf("dropped files were on the API %lld ms after the rename (interval 200 ms)\n", (long long)(co_th_now_ms() - t0));
  static const char *const moved[] = {"southpeak.mbox", "westbay.eml", "junk.mbox"};
  for (int i = 0; i < 3; i++) {
    char f[2200], g[2200];
    snprintf(f, sizeof(f), "%s/drop/imported/%s", D, moved[i]);
    snprintf(g, sizeof(g), "%s/drop/%s", D, moved[i]);
    assert_true(CO_TH_WAIT_UNTIL(!access(f, F_OK), 30000));
    assert_int_not_equal(access(g, F_OK), 0);
  }
  assert_int_equal(http("-H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:$PORT/api/dlq", st, sizeof(st)), 0);
  assert_string_equal(st, "200");
  snprintf(path, sizeof(path), "%s/body", D);
  assert_true(co_th_file_contains(path, "this is not mail at all")); /* its bytes, with the cause */

  /* the endpoint's own refusals */
  assert_int_equal(http("-X POST -H 'Content-Type: application/json' -d '{\"path\":\"/tmp/x\"}' "
                        "http://127.0.0.1:$PORT/api/imports", st, sizeof(st)), 0);
  assert_string_equal(st, "401");
  assert_int_equal(http("-X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
                        "-d '{\"path\":\"one.mbox\"}' http://127.0.0.1:$PORT/api/imports", st, sizeof(st)), 0);
  assert_string_equal(st, "400");
  assert_int_equal(http("-X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
                        "-d '{\"path\":\"/nonexistent/none.mbox\"}' http://127.0.0.1:$PORT/api/imports", st, sizeof(st)), 0);
  assert_string_equal(st, "404");
  snprintf(path, sizeof(path), "%s/body", D);
  assert_true(co_th_file_contains(path, "\"error\""));

  /* stopped: the state is the CLI's again */
  co_th_kill(pid, SIGTERM, 30000);
  snprintf(path, sizeof(path), "%s/state/instance.json", D);
  assert_int_not_equal(stat(path, &sb), 0);
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' import \"$D/two.mbox\" %s 2>&1 && "
           "'%s/cli/careerops' import \"$D/one.mbox\" %s 2>&1", bin, X, bin, X);
  rc = sh(cmd, &out);
  printf("--- imports after the stop (rc %d)\n%s", rc, out ? out : "");
  assert_int_equal(rc, 0);
  assert_null(strstr(out, "by the running instance"));
  assert_non_null(strstr(out, "imported=1 skipped=0 failed=0"));
  assert_non_null(strstr(out, "imported=0 skipped=1 failed=0"));
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(import_while_running)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
