/* Proves a batch is a transaction view: get, iterators and meta reads
 * through the batch see its uncommitted puts and deletes over the committed
 * data, the committed-only view (b = NULL) does not, and commit publishes
 * all of it and empties the batch. */
#include "state_tu.h"

static void batch_reads_see_pending_writes(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-batch"), *scan;
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *s = tu_store(db, "agg.0", 0);
  co_state_batch_t *b = co_state_batch_new(db);
  int64_t v;

  tu_put(b, s, "a", "1");
  tu_put(b, s, "b", "2");
  tu_put(b, s, "c", "3");
  tu_commit(b);
  assert_int_equal(co_state_batch_count(b), 0);

  tu_put(b, s, "b", "20");
  tu_put(b, s, "b", "21"); /* latest write wins inside the batch */
  assert_int_equal(co_state_delete(b, s, "c", 1), CO_OK);
  tu_put(b, s, "d", "4");
  assert_int_equal(co_state_meta_put(b, "agg.0.ckpt", 42), CO_OK);
  assert_int_equal(co_state_batch_count(b), 5);

  /* Through the batch. */
  tu_expect(b, s, "a", "1");
  tu_expect(b, s, "b", "21");
  tu_expect(b, s, "c", NULL);
  tu_expect(b, s, "d", "4");
  scan = tu_scan(b, s, 0);
  assert_string_equal(scan, "a=1;b=21;d=4;");
  free(scan);
  assert_int_equal(co_state_meta_get(db, b, "agg.0.ckpt", &v), CO_OK);
  assert_int_equal(v, 42);

  /* Committed data only. */
  tu_expect(NULL, s, "b", "2");
  tu_expect(NULL, s, "c", "3");
  tu_expect(NULL, s, "d", NULL);
  scan = tu_scan(NULL, s, 0);
  assert_string_equal(scan, "a=1;b=2;c=3;");
  free(scan);
  assert_int_equal(co_state_meta_get(db, NULL, "agg.0.ckpt", &v), CO_OK);
  assert_int_equal(v, -1);

  tu_commit(b);
  assert_int_equal(co_state_batch_count(b), 0);
  scan = tu_scan(NULL, s, 0);
  assert_string_equal(scan, "a=1;b=21;d=4;");
  free(scan);
  assert_int_equal(co_state_meta_get(db, NULL, "agg.0.ckpt", &v), CO_OK);
  assert_int_equal(v, 42);

  /* Empty values and binary keys round-trip, NUL-terminated. */
  const char bin[] = {'k', 0, 'x'};
  assert_int_equal(co_state_put(b, s, bin, sizeof(bin), "", 0, 0), CO_OK);
  tu_commit(b);
  void *val = NULL;
  size_t vlen = 99;
  assert_int_equal(co_state_get(NULL, s, bin, sizeof(bin), 0, &val, &vlen, NULL, 0), CO_OK);
  assert_int_equal(vlen, 0);
  assert_int_equal(((char *)val)[0], '\0');
  free(val);
  assert_int_equal(co_state_get(NULL, s, bin, 1, 0, &val, &vlen, NULL, 0), CO_ERR_NOT_FOUND);

  co_state_batch_destroy(b);
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(batch_reads_see_pending_writes)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
