/* cli_train_with_corrections_reload_reprocess_changes_past_label (issue 17
 * item 5), through the CLI, embedded mode:
 *   an inbox with the same short note twice (sent again a day later), which
 *   the base model reads as something other than an interview; `careerops
 *   review set` answers the first one INTERVIEW; `careerops train
 *   --with-corrections` builds a personal model; a running `careerops run`
 *   whose classify.model is replaced by it (rename, as train writes) logs the
 *   reload without a restart; `careerops reprocess` then re-reads past mail
 *   with it: the second note, never answered, is now an INTERVIEW, and the
 *   answered one keeps the person's label and company on the board. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "co_th.h"

#define NOTE(id, day)                                                                                    \
  "From bo@quillstone.example Thu Mar " day " 14:00:00 2025\n"                                          \
  "From: Bo Lind <bo@quillstone.example>\n"                                                             \
  "Subject: Following up\n"                                                                             \
  "Date: Thu, " day " Mar 2025 11:00:00 -0500\n"                                                        \
  "Message-ID: <" id "@quillstone.example>\n\n"                                                         \
  "Hi Sam,\n\nThanks for getting back to me. Let's find some time next week to go over things.\n\nBo\n\n"

static char D[1024], X[8192];

static int sh(const char *fmt, const char *arg, char **out) {
  char cmd[16384];
  snprintf(cmd, sizeof(cmd), fmt, arg);
  return co_th_sh(cmd, out);
}

/* Labels of the classified events in `careerops run --once` summary, e.g. "INTERVIEW 1". */
static int interview_count(void) {
  char *out = NULL;
  assert_int_equal(sh("'%s/cli/careerops' run --once --sample '' $X 2>&1", getenv("CO_BINARY_DIR"), &out), 0);
  const char *s = out ? strstr(out, "INTERVIEW ") : NULL;
  int n = s ? atoi(s + 10) : -1;
  if (n < 0) fail_msg("no classified summary in: %s", out ? out : "");
  free(out);
  return n;
}

static void cli_train_with_corrections_reload_reprocess_changes_past_label(void **state) {
  (void)state;
  const char *bin = getenv("CO_BINARY_DIR"), *src = getenv("CO_SOURCE_DIR");
  char *dir = co_th_tmpdir("cli-learn"), path[2048], *out = NULL, err[256];
  snprintf(D, sizeof(D), "%s", dir);
  int port = co_th_free_port();
  snprintf(X, sizeof(X),
           "-X state.dir=%s/state -X classify.model=%s/model.bin -X account=sam -X log.level=warn "
           "-X classify.review.threshold=1 -X api.listen=127.0.0.1:%d",
           D, D, port);
  setenv("X", X, 1);
  setenv("D", D, 1);
  /* the trainer's embedding cache: a copy of the build's (it is rewritten per corpus) */
  snprintf(path, sizeof(path), "%s/embed-cache.bin", D);
  setenv("CO_CLASSIFY_EMBED_CACHE", path, 1);
  assert_int_equal(sh("cp '%1$s/classify/model/embed-cache.bin' \"$CO_CLASSIFY_EMBED_CACHE\" 2>/dev/null; "
                      "cp '%1$s/classify/model/careerops-offline.bin' \"$D/model.bin\"", bin, NULL), 0);
  snprintf(path, sizeof(path), "%s/in.mbox", D);
  const char *mbox = NOTE("note-1", "13") NOTE("note-2", "14") NOTE("note-3", "15");
  assert_int_equal(co_th_write_file(path, mbox, strlen(mbox)), 0);
  assert_int_equal(sh("'%s/cli/careerops' import \"$D/in.mbox\" $X 2>&1", bin, NULL), 0);
  int before = interview_count();
  if (before != 0) skip(); /* the base model already reads the note as an interview: nothing to learn here */

  /* the person answers the first note */
  assert_int_equal(sh("'%s/cli/careerops' review set note-1@quillstone.example INTERVIEW --company Quillstone $X 2>&1",
                      bin, &out), 0);
  free(out);
  /* a personal model, written next to the one in use */
  char train[8192];
  snprintf(train, sizeof(train), "'%s/cli/careerops' train --with-corrections --corpus '%s/data/train/emails.jsonl' "
           "--out \"$D/model.new\" $X 2>&1", bin, src);
  assert_int_equal(sh("%s", train, &out), 0);
  if (!strstr(out, "1 labelled email(s) of your own")) fail_msg("train: %s", out);
  free(out);

  /* a running instance picks it up without a restart */
  char exe[2048], log[2048], st[2100], mdl[2100], lst[64];
  snprintf(exe, sizeof(exe), "%s/cli/careerops", bin);
  snprintf(log, sizeof(log), "%s/run.log", D);
  snprintf(st, sizeof(st), "state.dir=%s/state", D);
  snprintf(mdl, sizeof(mdl), "classify.model=%s/model.bin", D);
  snprintf(lst, sizeof(lst), "api.listen=127.0.0.1:%d", port);
  char *argv[] = {exe, "run", "--sample", "", "-X", st, "-X", mdl, "-X", lst, "-X", "log.level=info", NULL};
  pid_t pid = co_th_spawn(argv, NULL, log, err, sizeof(err));
  assert_true(pid > 0);
  CO_TH_WAIT_UNTIL(co_th_file_contains(log, "processing new imports"), 120000);
  assert_true(co_th_file_contains(log, "processing new imports"));
  assert_int_equal(sh("mv \"$D/model.new\" \"$D/model.bin\"%s", "", NULL), 0);
  /* the classify processor looks at the file when a record arrives: an
   * answer about the third note through the API of the running instance */
  char *runlog = co_th_read_file(log, NULL), *tok = runlog ? strstr(runlog, "/?token=") : NULL, token[128] = "";
  if (tok) sscanf(tok + 8, "%127[A-Za-z0-9_-]", token);
  free(runlog);
  assert_true(token[0]);
  setenv("TOKEN", token, 1);
  char post[8192];
  snprintf(post, sizeof(post),
           "id=$(printf %%s note-3@quillstone.example | base64 | tr '+/' '-_' | tr -d '=\\n'); "
           "curl -s -o /dev/null -w '%%{http_code}' -X POST -H \"Authorization: Bearer $TOKEN\" "
           "-H 'Content-Type: application/json' -d '{\"label\":\"OTHER\"}' "
           "http://127.0.0.1:%d/api/accounts/sam/review/$id", port);
  assert_int_equal(sh("%s", post, &out), 0);
  if (strcmp(out, "202")) fail_msg("review answer through the API: %s", out);
  free(out);
  CO_TH_WAIT_UNTIL(co_th_file_contains(log, "reloaded"), 120000);
  assert_true(co_th_file_contains(log, "reloaded"));
  co_th_kill(pid, SIGTERM, 30000);

  /* reprocess past mail with it: the unanswered note is now an interview */
  assert_int_equal(sh("'%s/cli/careerops' reprocess $X 2>&1", bin, &out), 0);
  free(out);
  int after = interview_count();
  if (after < 1) fail_msg("no past email reads as INTERVIEW after the reprocess (before %d, after %d)", before, after);
  /* the answered note keeps the person's company on the board */
  assert_int_equal(sh("'%s/cli/careerops' corrections export $X 2>/dev/null", bin, &out), 0);
  assert_non_null(strstr(out, "\"company\":\"Quillstone\""));
  assert_non_null(strstr(out, "note-1@quillstone.example"));
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_train_with_corrections_reload_reprocess_changes_past_label)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
