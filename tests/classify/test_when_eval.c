/* Proves the extractor meets its targets on the project's extraction set
 * (data/extract/invites.jsonl, written by tools/gen_extract_set.py): time
 * exact-match >= 0.95, link >= 0.95, duration >= 0.9, date-only <= 0.02;
 * and on a hand-written hold-out set of another author's phrasings
 * (tests/classify/when_holdout.jsonl), which the generator never saw:
 * time >= 0.9, link >= 0.9; and the committed set is what the generator
 * writes (it is deterministic). */
#include <stdlib.h>
#include <unistd.h>

#include "co_th.h"
#include "when_tu.h"

static void run(const char *rel, co_classify_when_eval_t *r) {
  const char *src = getenv("CO_SOURCE_DIR");
  char path[1024], err[512];
  snprintf(path, sizeof(path), "%s/%s", src ? src : ".", rel);
  assert_int_equal(co_classify_eval_when(path, stdout, 0, 1, r, err, sizeof(err)), CO_OK);
}

static void extraction_set_meets_thresholds(void **state) {
  (void)state;
  co_classify_when_eval_t r;
  run("data/extract/invites.jsonl", &r);
  assert_true(r.rows >= 150);
  assert_true(r.time_ok >= 0.95 * r.time_n);
  assert_true(r.link_ok >= 0.95 * r.link_n);
  assert_true(r.dur_ok >= 0.90 * r.dur_n);
  assert_true(r.date_only <= 0.02 * r.time_n);
  assert_true(r.status_ok >= 0.95 * r.status_n);
}

static void holdout_meets_thresholds(void **state) {
  (void)state;
  co_classify_when_eval_t r;
  run("tests/classify/when_holdout.jsonl", &r);
  assert_true(r.rows >= 30);
  assert_true(r.time_ok >= 0.9 * r.time_n);
  assert_true(r.link_ok >= 0.9 * r.link_n);
}

static void generator_reproduces_committed_set(void **state) {
  (void)state;
  char why[512];
  if (co_th_generator_reproduces("gen_extract_set.py", "extract/invites.jsonl", why, sizeof(why))) fail_msg("%s", why);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(extraction_set_meets_thresholds),
                                     cmocka_unit_test(holdout_meets_thresholds),
                                     cmocka_unit_test(generator_reproduces_committed_set)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
