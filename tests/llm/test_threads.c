/* Proves one chain is safe to share: 4 threads classify 20 emails each at
 * once while the first key is rate-limited; every email gets the provider's
 * answer, every thread that raced onto the limited key rotated off it, the
 * server sees exactly one request per email on the good key, and ASan/UBSan
 * builds see no race-born corruption. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm.h"
#include "fakellm.h"

#define NTHR 4
#define PER 20

typedef struct {
  co_llm_chain_t *c;
  int ok;
} arg_t;

static void *worker(void *opaque) {
  arg_t *a = opaque;
  for (int i = 0; i < PER; i++) {
    char err[512], cls[32];
    co_classify_result_t out;
    if (co_llm_classify(a->c, &fl_email, &out, cls, sizeof(cls), err, sizeof(err)) == CO_OK &&
        !strcmp(cls, "openai") && out.label == CO_CLASSIFY_INTERVIEW)
      a->ok++;
  }
  return NULL;
}

static void shared_across_threads(void **state) {
  (void)state;
  char err[512];
  const char *extra[] = {"llm.breaker.failures=1000", NULL};
  fl_t *fl = fl_start();
  co_conf_t *conf = fl_conf(fl, "openai", "sk-thr-key-A,sk-thr-key-B", NULL, extra);
  co_classify_model_t *m = fl_offline();
  co_llm_chain_t *c = co_llm_chain_new(conf, m, err, sizeof(err));
  assert_non_null(c);
  fl_ban_key(fl, "sk-thr-key-A");
  for (int i = 0; i < NTHR * PER; i++) fl_reply(fl, "oa", FL_GOOD_INTERVIEW);
  pthread_t t[NTHR];
  arg_t a[NTHR];
  for (int i = 0; i < NTHR; i++) {
    a[i] = (arg_t){c, 0};
    assert_int_equal(pthread_create(&t[i], NULL, worker, &a[i]), 0);
  }
  int ok = 0;
  for (int i = 0; i < NTHR; i++) {
    pthread_join(t[i], NULL);
    ok += a[i].ok;
  }
  assert_int_equal(ok, NTHR * PER);
  int on_a = 0, on_b = 0, n = fl_count(fl, "oa");
  for (int i = 0; i < n; i++) {
    fl_req_t q;
    assert_int_equal(fl_get(fl, "oa", i, &q), 0);
    on_a += !strcmp(q.key, "sk-thr-key-A");
    on_b += !strcmp(q.key, "sk-thr-key-B");
    free(q.body);
  }
  assert_int_equal(on_b, NTHR * PER);
  assert_int_equal(on_a + on_b, n);
  /* only threads that read the key before the first rotation used A */
  assert_in_range(on_a, 1, NTHR);
  co_llm_chain_destroy(c);
  co_classify_destroy(m);
  co_conf_destroy(conf);
  fl_stop(fl);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(shared_across_threads)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
