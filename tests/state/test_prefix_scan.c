/* Proves iterators return keys in unsigned byte order (including 0x00 and
 * 0xff bytes), that a seek to a prefix yields exactly the keys with that
 * prefix before the first key past it, and that pending batch writes and
 * deletes interleave in the right places. */
#include "state_tu.h"

static int has_prefix(const void *k, size_t kl, const char *p, size_t pl) { return kl >= pl && !memcmp(k, p, pl); }

static void prefix_scan_in_key_order(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-scan");
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *s = tu_store(db, "apps.2", 0);
  co_state_batch_t *b = co_state_batch_new(db);
  /* Inserted out of order; "user:1:" must not match "user:10:". */
  const char *committed[] = {"user:2:a", "user:1:b", "user:10:a", "user:1:a", "user:0:z", "user:1:\xff", "zz", "a"};
  for (size_t i = 0; i < sizeof(committed) / sizeof(*committed); i++) tu_put(b, s, committed[i], "c");
  const char nul_key[] = "user:1:\0x"; /* embedded NUL, sorts first in the prefix */
  assert_int_equal(co_state_put(b, s, nul_key, sizeof(nul_key) - 1, "c", 1, 0), CO_OK);
  tu_commit(b);
  tu_put(b, s, "user:1:c", "p"); /* pending */
  tu_put(b, s, "user:1:a", "p"); /* pending overwrite */
  assert_int_equal(co_state_delete(b, s, "user:1:b", 8), CO_OK);

  struct {
    const char *k;
    size_t kl;
    const char *v;
  } want[] = {{nul_key, sizeof(nul_key) - 1, "c"}, {"user:1:a", 8, "p"}, {"user:1:c", 8, "p"}, {"user:1:\xff", 8, "c"}};
  co_state_iter_t *it = co_state_iter_new(b, s, 0);
  int n = 0;
  for (co_state_iter_seek(it, "user:1:", 7); co_state_iter_valid(it); co_state_iter_next(it), n++) {
    size_t kl, vl;
    const char *k = co_state_iter_key(it, &kl), *v = co_state_iter_value(it, &vl);
    if (!has_prefix(k, kl, "user:1:", 7)) break;
    assert_true(n < 4);
    assert_int_equal(kl, want[n].kl);
    assert_memory_equal(k, want[n].k, kl);
    assert_int_equal(vl, 1);
    assert_memory_equal(v, want[n].v, 1);
  }
  assert_int_equal(n, 4);
  /* The scan stopped at the next key in order: "user:2:a" (":" > "0", so
   * "user:10:a" sorts before the whole "user:1:" range). */
  size_t kl;
  const char *k = co_state_iter_key(it, &kl);
  assert_int_equal(kl, 8);
  assert_memory_equal(k, "user:2:a", 8);

  /* The whole store is strictly increasing in memcmp order. */
  char prev[64];
  size_t prevl = 0, total = 0;
  for (co_state_iter_seek(it, NULL, 0); co_state_iter_valid(it); co_state_iter_next(it), total++) {
    k = co_state_iter_key(it, &kl);
    if (total) {
      int c = memcmp(prev, k, prevl < kl ? prevl : kl);
      assert_true(c < 0 || (c == 0 && prevl < kl));
    }
    memcpy(prev, k, kl);
    prevl = kl;
  }
  assert_int_equal(total, 9 + 1 - 1); /* 9 committed + 1 new - 1 deleted */
  co_state_iter_destroy(it);

  /* Without the batch: the committed keys only. */
  it = co_state_iter_new(NULL, s, 0);
  co_state_iter_seek(it, "user:1:b", 8);
  assert_true(co_state_iter_valid(it));
  k = co_state_iter_key(it, &kl);
  assert_memory_equal(k, "user:1:b", 8);
  co_state_iter_seek(it, "zzz", 3);
  assert_false(co_state_iter_valid(it));
  co_state_iter_destroy(it);

  co_state_batch_destroy(b);
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(prefix_scan_in_key_order)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
