/* pipeline_imap_restart_loses_and_duplicates_nothing: `careerops run` with
 * imap.url on a folder of 300 messages is SIGKILLed once its log shows a
 * committed batch; `careerops run --once` then resumes from the committed
 * cursor. topic.raw holds exactly 300 records with 300 distinct dedupe
 * keys (no loss, no duplicates) and 300 events are classified. The kill must
 * land mid-sync (the --once run appends some but not all 300). A third run
 * (IMAP thread idling) exits 0 on SIGTERM. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "co_th.h"
#include "co_th_imap.h"
#include "pl_tu.h"

static int log_has(const char *path, const char *what) {
  char *s = co_th_read_file(path, NULL);
  int r = s && strstr(s, what);
  free(s);
  return r;
}

static void test_restart(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *m = co_th_imap_start("jobs", "pw-restart", err, sizeof(err));
  if (!m) fail_msg("dovecot: %s", err);
  /* ~48 KB bodies make the sync take long enough for the kill to land in it.
   * They are plain words in 76-byte lines: a letter soup would tokenize into
   * ~4x as many subword tokens, and every email's first 512 bytes are embedded
   * by the classifier, so the test would spend its time in attention. */
  static const char words[] = "the weekly notes on the project plan follow below as usual ";
  size_t blen = 48 * 1024;
  char *body = malloc(blen + 1);
  for (size_t i = 0; i < blen; i++)
    body[i] = (i % 76 == 74) ? '\r' : (i % 76 == 75) ? '\n' : words[i % (sizeof(words) - 1)];
  body[blen] = '\0';
  for (int i = 1; i <= 300; i++) {
    size_t len;
    char *raw = co_th_imap_make_message(i, NULL, body, &len);
    assert_int_equal(co_th_imap_deliver(m, "INBOX", raw, len, err, sizeof(err)), CO_OK);
    free(raw);
  }
  free(body);
  char *dir = co_th_tmpdir("pl-imap-restart");
  char bin[4096], sd[4096], url[512], logp[4096];
  const char *b = getenv("CO_BINARY_DIR");
  snprintf(bin, sizeof(bin), "%s/cli/careerops", b ? b : ".");
  snprintf(sd, sizeof(sd), "state.dir=%s", dir);
  snprintf(url, sizeof(url), "imap.url=%s", co_th_imap_url(m));
  snprintf(logp, sizeof(logp), "%s/run.log", dir);
  char *argv[] = {bin, "run", "--sample", "", "-X", sd, "-X", url, "-X", "imap.user=jobs", "-X",
                  "imap.password=pw-restart", "-X", "log.level=debug", NULL};
  pid_t pid = co_th_spawn(argv, NULL, logp, err, sizeof(err));
  if (pid <= 0) fail_msg("spawn: %s", err);
  /* poll the log closely: the kill must land between two batches */
  int64_t deadline = co_th_now_ms() + 30000;
  while (!log_has(logp, "imap: committed") && co_th_now_ms() < deadline) co_th_sleep_ms(2);
  assert_true(log_has(logp, "imap: committed"));
  co_th_kill(pid, SIGKILL, 5000);
  char *log = co_th_read_file(logp, NULL);
  int batches = 0;
  for (const char *s = log; s && (s = strstr(s, "imap: committed")); s++) batches++;
  printf("killed after %d committed batch(es) in the log\n", batches);
  assert_null(strstr(log, "pw-restart")); /* the secret never reaches the log */
  free(log);

  char extra[1024], *out = NULL, *errout = NULL;
  snprintf(extra, sizeof(extra), "--sample '' -X '%s' -X imap.user=jobs -X imap.password=pw-restart", url);
  int rc = pl_run_once(dir, extra, &out, &errout);
  printf("--- stdout\n%s--- stderr\n%s", out ? out : "", errout);
  assert_int_equal(rc, 0);
  const char *n = strstr(errout, "imap: ");
  long resumed = n ? strtol(n + 6, NULL, 10) : -1;
  printf("restart appended %ld message(s): the kill landed %s\n", resumed,
         resumed > 0 ? "mid-sync" : "after the sync had finished");
  assert_true(resumed > 0 && resumed < 300); /* the kill did interrupt the sync */
  assert_non_null(strstr(out, "classified emails: 300 ("));
  free(out);
  free(errout);

  /* a running pipeline with its IMAP thread idling stops cleanly on SIGTERM */
  char logp2[4096];
  snprintf(logp2, sizeof(logp2), "%s/run2.log", dir);
  pid = co_th_spawn(argv, NULL, logp2, err, sizeof(err));
  if (pid <= 0) fail_msg("spawn: %s", err);
  assert_true(CO_TH_WAIT_UNTIL(log_has(logp2, "processing new imports") && log_has(logp2, "imap connected"), 30000));
  int64_t t0 = co_th_now_ms();
  kill(pid, SIGTERM);
  int status = -1;
  assert_true(CO_TH_WAIT_UNTIL(waitpid(pid, &status, WNOHANG) == pid, 20000));
  printf("SIGTERM -> exit in %lld ms, status %d\n", (long long)(co_th_now_ms() - t0), status);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);

  co_conf_t *conf = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  long total, distinct;
  pl_raw_count(p, conf, &total, &distinct);
  printf("raw records %ld, distinct %ld\n", total, distinct);
  assert_int_equal(total, 300);
  assert_int_equal(distinct, 300);
  assert_int_equal(pl_classified(p), 300);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_imap_stop(m);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_restart)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
