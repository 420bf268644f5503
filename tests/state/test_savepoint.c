/* Proves savepoints nest inside a batch: a rollback drops exactly the writes
 * (puts, deletes, meta) made after the latest savepoint, reads through the
 * batch reflect it at once, earlier writes still commit, and a rollback
 * with no savepoint left is CO_ERR_NOT_FOUND. */
#include "state_tu.h"

static void savepoint_rollback_drops_only_later_writes(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-savepoint"), *scan;
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *s = tu_store(db, "agg.1", 0);
  co_state_batch_t *b = co_state_batch_new(db);
  int64_t v;

  tu_put(b, s, "keep", "1");
  tu_commit(b);

  tu_put(b, s, "a", "1"); /* record 1 */
  co_state_batch_savepoint(b);
  tu_put(b, s, "b", "2"); /* record 2, fails */
  assert_int_equal(co_state_delete(b, s, "keep", 4), CO_OK);
  assert_int_equal(co_state_meta_put(b, "ckpt", 2), CO_OK);
  co_state_batch_savepoint(b); /* nested */
  tu_put(b, s, "c", "3");
  assert_int_equal(co_state_batch_count(b), 5);

  assert_int_equal(co_state_batch_rollback(b), CO_OK);
  tu_expect(b, s, "c", NULL);
  tu_expect(b, s, "b", "2");
  assert_int_equal(co_state_batch_rollback(b), CO_OK);
  assert_int_equal(co_state_batch_count(b), 1);
  tu_expect(b, s, "b", NULL);
  tu_expect(b, s, "keep", "1");
  assert_int_equal(co_state_meta_get(db, b, "ckpt", &v), CO_OK);
  assert_int_equal(v, -1);
  scan = tu_scan(b, s, 0);
  assert_string_equal(scan, "a=1;keep=1;");
  free(scan);
  assert_int_equal(co_state_batch_rollback(b), CO_ERR_NOT_FOUND);

  tu_commit(b);
  scan = tu_scan(NULL, s, 0);
  assert_string_equal(scan, "a=1;keep=1;");
  free(scan);
  co_state_batch_destroy(b);
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(savepoint_rollback_drops_only_later_writes)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
