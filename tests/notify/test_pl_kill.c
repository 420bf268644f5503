/* Proves a SIGKILL in the middle of deliveries loses nothing and repeats
 * only what no sender can know was received. A child process runs the
 * pipeline (webhook channel only) on the sample inbox; the fake receiver
 * SIGKILLs it while holding its 6th request, before answering. By then
 * requests 1-5 were answered 2xx and journaled, but their "sent" marks
 * were not committed (embedded mode commits once per round, after all of
 * the round's notifications). The parent then reopens the same state.dir
 * and runs to idle.
 *
 * Expected, and asserted: every notification's key reached the receiver;
 * keys 1-5 exactly once (the journal stopped the re-send although the
 * records were processed again); key 6, whose request was in flight when
 * the process died, exactly twice, with the same Idempotency-Key both
 * times, so a receiver that dedupes on it delivers it once; every other
 * key exactly once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "co_th.h"
#include "nt_pipe.h"
#include "nt_util.h"

#define KILL_AT 5 /* 0-based index of the webhook request held and killed */

static volatile pid_t child;

static void kill_hook(fh_t *fh, const char *route, int i, void *opaque) {
  (void)fh;
  (void)opaque;
  if (strcmp(route, "hook") || i != KILL_AT || child <= 0) return;
  kill(child, SIGKILL);
}

static void notify_pipeline_sigkill_mid_delivery_sends_each_once(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("notify-pl-kill"), sd[4096];
  snprintf(sd, sizeof(sd), "%s/state", dir);
  fh_t *fh = fh_start(NT_HMAC_KEY);
  co_conf_t *conf = nt_pipe_conf(fh, sd, "webhook", NT_WA_TOKEN, NULL);
  fh_set_hook(fh, kill_hook, NULL);

  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    char err[512];
    co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
    if (!p || co_pipeline_import_mbox(p, nt_sample_mbox(), "me", NULL, err, sizeof(err)) ||
        co_pipeline_run_until_idle(p, err, sizeof(err))) {
      fprintf(stderr, "child: %s\n", err);
      _exit(2);
    }
    _exit(0); /* not reached when the kill lands */
  }
  child = pid;
  int st = 0;
  assert_int_equal(waitpid(pid, &st, 0), pid);
  child = 0;
  fh_set_hook(fh, NULL, NULL);
  assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
  int before = fh_count(fh, "hook");
  printf("child killed holding webhook request %d (%d received)\n", KILL_AT + 1, before);
  assert_int_equal(before, KILL_AT + 1);
  fh_req_t held;
  assert_int_equal(fh_get(fh, "hook", KILL_AT, &held), 0);
  free(held.body);

  co_pipeline_t *p = nt_pipe_open(conf);
  nt_pipe_import_run(p, nt_sample_mbox()); /* the cursor says the import finished: nothing appended */
  char(*keys)[65] = NULL;
  int n = nt_pipe_keys(p, conf, CO_NOTIFY_WEBHOOK, &keys);
  int twice = 0, total = fh_count(fh, "hook");
  for (int i = 0; i < n; i++) {
    int got = fh_count_key(fh, "hook", keys[i]);
    if (!strcmp(keys[i], held.idem)) {
      assert_int_equal(got, 2);
      assert_int_equal(fh_ok_count_key(fh, "hook", keys[i]), 2); /* the held one was answered after the kill */
      twice++;
    } else if (got != 1) {
      fail_msg("key %d received %d times", i, got);
    }
  }
  for (int i = 0; i < KILL_AT; i++) {
    fh_req_t q;
    assert_int_equal(fh_get(fh, "hook", i, &q), 0);
    assert_int_equal(fh_count_key(fh, "hook", q.idem), 1); /* journaled: not re-sent */
    free(q.body);
  }
  printf(
      "%d notifications, %d requests after restart: every key received; %d key received twice "
      "(the one in flight at the kill, same Idempotency-Key), all others once\n",
      n, total, twice);
  assert_int_equal(twice, 1);
  assert_int_equal(total, n + 1);
  free(keys);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  fh_stop(fh);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_pipeline_sigkill_mid_delivery_sends_each_once)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
