/* Proves abort (co_state_batch_clear) and destroying an uncommitted batch
 * drop every pending write, data and meta alike, and that nothing of them
 * reaches disk: after a reopen only the committed state is there. */
#include "state_tu.h"

static void abort_discards_everything(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-abort"), *scan;
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *s = tu_store(db, "apps.1", 0);
  co_state_batch_t *b = co_state_batch_new(db);
  int64_t v;

  tu_put(b, s, "x", "1");
  assert_int_equal(co_state_meta_put(b, "ckpt", 7), CO_OK);
  tu_commit(b);

  tu_put(b, s, "y", "2");
  assert_int_equal(co_state_delete(b, s, "x", 1), CO_OK);
  assert_int_equal(co_state_meta_put(b, "ckpt", 8), CO_OK);
  assert_int_equal(co_state_meta_put(b, "other", 1), CO_OK);
  tu_expect(b, s, "y", "2");
  co_state_batch_clear(b);
  assert_int_equal(co_state_batch_count(b), 0);
  /* The batch view is the committed view again. */
  tu_expect(b, s, "x", "1");
  tu_expect(b, s, "y", NULL);
  assert_int_equal(co_state_meta_get(db, b, "ckpt", &v), CO_OK);
  assert_int_equal(v, 7);
  /* Committing the emptied batch writes nothing. */
  tu_commit(b);

  /* A batch destroyed without commit is an abort too. */
  co_state_batch_t *b2 = co_state_batch_new(db);
  tu_put(b2, s, "z", "3");
  assert_int_equal(co_state_meta_put(b2, "ckpt", 9), CO_OK);
  co_state_batch_destroy(b2);

  co_state_batch_destroy(b);
  co_state_db_close(db);

  db = tu_open(dir);
  s = tu_store(db, "apps.1", 0);
  scan = tu_scan(NULL, s, 0);
  assert_string_equal(scan, "x=1;");
  free(scan);
  assert_int_equal(co_state_meta_get(db, NULL, "ckpt", &v), CO_OK);
  assert_int_equal(v, 7);
  assert_int_equal(co_state_meta_get(db, NULL, "other", &v), CO_OK);
  assert_int_equal(v, -1);
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(abort_discards_everything)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
