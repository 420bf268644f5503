/* Proves Kafka-mode exactly-once on a real broker: 200,000 input records on
 * 6 partitions, 3 instances of the test topology (dedupe + per-key count +
 * forward), a random instance SIGKILLed and restarted at least 10 times
 * during the run. Input arrives in one chunk per kill, so every kill lands
 * while records are being processed. Read with read_committed, every input is in the output
 * exactly once with per-key counts 1..c (never reset or doubled), and the
 * stores, restored from their changelogs, hold the true counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_th.h"
#include "rt_check.h"
#include "rt_kafka.h"

static void rt_kafka_exactly_once_under_sigkill(void **state) {
  (void)state;
  long n = getenv("RT_N") ? atol(getenv("RT_N")) : 200000;
  int min_kills = getenv("RT_KILLS") ? atoi(getenv("RT_KILLS")) : 10;
  rt_env_t e;
  rt_env_init(&e, "eoskill");
  for (int i = 0; i < 3; i++) rt_start(&e, i, NULL);
  srand((unsigned)co_th_now_ms());
  long want = n - n / 10, cnt = 0, chunk = n / (min_kills + 1);
  for (int kills = 0; kills < min_kills; kills++) {
    rt_produce(&e, kills * chunk, (kills + 1) * chunk);
    /* Kill at a random point while this chunk is being processed. */
    long before = rt_progress(&e), step = 500 + rand() % (chunk / 2);
    if (!CO_TH_WAIT_UNTIL(rt_progress(&e) >= before + step, 120000)) fail_msg("no progress before kill %d", kills);
    printf("# kill %d at %ld input records processed\n", kills + 1, rt_progress(&e));
    int i = rand() % 3;
    rt_kill(&e, i, SIGKILL);
    rt_start(&e, i, NULL);
  }
  rt_produce(&e, min_kills * chunk, n);
  char *peek = rt_collect(&e, e.output, -1, 60000, &cnt);
  printf("# %d kills done with %ld of %ld outputs committed\n", min_kills, cnt, want);
  free(peek);
  char *out = rt_collect(&e, e.output, want, getenv("RT_WAIT") ? atoi(getenv("RT_WAIT")) : 600000, &cnt);
  free(out);
  for (int i = 0; i < 3; i++) rt_kill(&e, i, SIGTERM);
  out = rt_collect(&e, e.output, -1, 60000, &cnt); /* everything, after a clean stop */
  char why[256];
  printf("# output records: %ld (want %ld)\n", cnt, want);
  if (rt_check_output(out, n, why, sizeof(why))) fail_msg("output: %s (dir %s)", why, e.dir);
  free(out);
  char *counts = rt_dump_counts(&e, "fresh");
  if (rt_check_counts(counts, n, why, sizeof(why))) fail_msg("counts after full restore: %s", why);
  free(counts);
  counts = rt_dump_counts(&e, "i0");
  if (rt_check_counts(counts, n, why, sizeof(why))) fail_msg("counts after incremental restore: %s", why);
  free(counts);
  printf("# restored records: fresh=%ld i0-dump=%ld\n", rt_restored(&e, "fresh"), rt_restored(&e, "i0"));
  rt_env_fini(&e);
}

/* processing.guarantee=at_least_once: the same kills lose nothing (every
 * input id reaches the output), though some may be processed twice. */
static void rt_kafka_at_least_once_under_sigkill(void **state) {
  (void)state;
  const long n = 50000;
  const int kills = 5;
  char *env[] = {"CAREEROPS_PROCESSING_GUARANTEE=at_least_once", NULL};
  rt_env_t e;
  rt_env_init(&e, "alos");
  for (int i = 0; i < 3; i++) rt_start(&e, i, env);
  srand((unsigned)co_th_now_ms());
  long chunk = n / (kills + 1), cnt;
  for (int k = 0; k < kills; k++) {
    rt_produce(&e, k * chunk, (k + 1) * chunk);
    long before = rt_progress(&e);
    if (!CO_TH_WAIT_UNTIL(rt_progress(&e) >= before + 200 + rand() % (chunk / 2), 120000)) fail_msg("no progress");
    int i = rand() % 3;
    rt_kill(&e, i, SIGKILL);
    rt_start(&e, i, env);
  }
  rt_produce(&e, kills * chunk, n);
  assert_true(CO_TH_WAIT_UNTIL(rt_progress(&e) >= n, 300000));
  for (int i = 0; i < 3; i++) rt_kill(&e, i, SIGTERM);
  char *out = rt_collect(&e, e.output, -1, 60000, &cnt);
  unsigned char *seen = calloc((size_t)n, 1);
  for (char *p = out; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
    int k;
    long id, c;
    if (sscanf(p, "k%d %ld:%ld", &k, &id, &c) == 3 && id >= 0 && id < n) seen[id] = 1;
  }
  long missing = 0;
  for (long i = 0; i < n; i++)
    if (i % 10 != 9 && !seen[i]) missing++;
  printf("# at-least-once: %ld output records for %ld unique inputs, %ld missing\n", cnt, n - n / 10, missing);
  assert_int_equal(missing, 0);
  free(seen);
  free(out);
  rt_env_fini(&e);
}

/* commit.overlap: records processed while a transaction commits hold their
 * outputs back until it has committed. Every 2nd commit fails here
 * (test.commit.abort.every), after the next records' work is done: their
 * held outputs, changelog writes and store writes must go with the aborted
 * transaction, or read_committed would show them twice. */
static void rt_kafka_failed_overlapping_commits_drop_held_work(void **state) {
  (void)state;
  const long n = 120000;
  char *env[] = {"CAREEROPS_TEST_COMMIT_ABORT_EVERY=2", NULL};
  rt_env_t e;
  rt_env_init(&e, "ovlabort");
  for (int i = 0; i < 2; i++) rt_start(&e, i, env);
  for (int k = 0; k < 12; k++) rt_produce(&e, k * n / 12, (k + 1) * n / 12); /* records keep arriving */
  long cnt, want = n - n / 10;
  char *out = rt_collect(&e, e.output, want, 300000, &cnt);
  free(out);
  for (int i = 0; i < 2; i++) rt_kill(&e, i, SIGTERM);
  long injected = 0;
  for (int i = 0; i < 2; i++) {
    char path[1200];
    snprintf(path, sizeof(path), "%s/i%d.log", e.dir, i);
    char *log = co_th_read_file(path, NULL);
    for (char *p = log; p && (p = strstr(p, "injected by test.commit.abort.every")); p++) injected++;
    free(log);
  }
  out = rt_collect(&e, e.output, -1, 60000, &cnt);
  char why[256];
  printf("# %ld injected commit failures; output records: %ld (want %ld)\n", injected, cnt, want);
  assert_true(injected >= 2);
  if (rt_check_output(out, n, why, sizeof(why))) fail_msg("output: %s (dir %s)", why, e.dir);
  free(out);
  char *counts = rt_dump_counts(&e, "fresh");
  if (rt_check_counts(counts, n, why, sizeof(why))) fail_msg("counts after full restore: %s", why);
  free(counts);
  rt_env_fini(&e);
}

int main(int argc, char **argv) {
  const struct CMUnitTest eos[] = {cmocka_unit_test(rt_kafka_exactly_once_under_sigkill)};
  const struct CMUnitTest alos[] = {cmocka_unit_test(rt_kafka_at_least_once_under_sigkill)};
  const struct CMUnitTest aborts[] = {cmocka_unit_test(rt_kafka_failed_overlapping_commits_drop_held_work)};
  if (argc > 1 && !strcmp(argv[1], "alos")) return cmocka_run_group_tests(alos, NULL, NULL);
  if (argc > 1 && !strcmp(argv[1], "aborts")) return cmocka_run_group_tests(aborts, NULL, NULL);
  return cmocka_run_group_tests(eos, NULL, NULL);
}
