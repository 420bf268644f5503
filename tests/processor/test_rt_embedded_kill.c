/* Proves embedded-mode exactly-once: a process appending 300,000 records
 * (with duplicates) and counting them per key is SIGKILLed at random moments
 * at least 10 times and restarted; afterwards every record is in the output
 * exactly once and every per-key count in the store equals the true count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "co_th.h"
#include "rt_check.h"

#define N 300000
#define MIN_KILLS 10

static char app[1024], statedir[1024];

static int run_capture(const char *sub, char **out) {
  char cmd[4096];
  snprintf(cmd, sizeof(cmd), "'%s' %s -X state.dir='%s' -X log.level=warn", app, sub, statedir);
  return co_th_sh(cmd, out);
}

static void rt_embedded_exactly_once_under_sigkill(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("rt-emb");
  snprintf(statedir, sizeof(statedir), "%s/state", dir);
  char log[1100], err[256], xs[1100], nstr[32];
  snprintf(log, sizeof(log), "%s/app.log", dir);
  snprintf(xs, sizeof(xs), "state.dir=%s", statedir);
  snprintf(nstr, sizeof(nstr), "%d", N);
  char *argv[] = {app, "generate", nstr, "-X", xs, "-X", "log.level=warn", NULL};
  srand((unsigned)co_th_now_ms());
  int kills = 0, finished = 0;
  while (!finished) {
    pid_t pid = co_th_spawn(argv, NULL, log, err, sizeof(err));
    assert_true(pid > 0);
    /* Kill after a random moment while the run is still going; once enough
     * kills happened, let it finish. */
    int wait_ms = kills < MIN_KILLS ? 100 + rand() % 300 : 600000;
    int st = 0;
    int exited = CO_TH_WAIT_UNTIL(waitpid(pid, &st, WNOHANG) == pid, wait_ms);
    if (exited) {
      if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) fail_msg("testapp failed (status %d); see %s", st, log);
      finished = 1;
    } else {
      kill(pid, SIGKILL);
      waitpid(pid, NULL, 0);
      kills++;
    }
  }
  printf("# %d SIGKILLs during the run\n", kills);
  assert_true(kills >= MIN_KILLS);

  char *out = NULL, why[256];
  assert_int_equal(run_capture("dump-output", &out), 0);
  if (rt_check_output(out, N, why, sizeof(why))) fail_msg("output: %s", why);
  free(out);
  assert_int_equal(run_capture("dump-counts", &out), 0);
  if (rt_check_counts(out, N, why, sizeof(why))) fail_msg("counts: %s", why);
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  snprintf(app, sizeof(app), "%s/tests/processor/co_rt_testapp", getenv("CO_BINARY_DIR"));
  const struct CMUnitTest tests[] = {cmocka_unit_test(rt_embedded_exactly_once_under_sigkill)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
