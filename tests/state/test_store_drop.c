/* Proves dropping a store removes its data for good (a store re-created
 * under the same name starts empty, also after a reopen), leaves other
 * stores and meta untouched, and that dropping an unknown store fails. */
#include "state_tu.h"

static int names_has(co_state_db_t *db, const char *name) {
  char **names = co_state_store_names(db);
  int found = 0;
  assert_non_null(names);
  for (int i = 0; names[i]; i++) found |= !strcmp(names[i], name);
  co_state_names_free(names);
  return found;
}

static void drop_store_removes_data(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-drop"), *scan, err[256];
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *a = tu_store(db, "dedupe.3", CO_STATE_F_TTL), *k = tu_store(db, "keep.3", 0);
  co_state_batch_t *b = co_state_batch_new(db);
  int64_t v;
  tu_put(b, a, "m1", "x");
  tu_put(b, a, "m2", "y");
  tu_put(b, k, "m1", "kept");
  assert_int_equal(co_state_meta_put(b, "ckpt", 5), CO_OK);
  tu_commit(b);
  co_state_batch_destroy(b);

  assert_true(names_has(db, "dedupe.3"));
  assert_int_equal(co_state_store_drop(db, "dedupe.3", err, sizeof(err)), CO_OK);
  assert_false(names_has(db, "dedupe.3"));
  assert_int_equal(co_state_store_drop(db, "dedupe.3", err, sizeof(err)), CO_ERR_NOT_FOUND);
  assert_int_equal(co_state_store_drop(db, "nope", err, sizeof(err)), CO_ERR_NOT_FOUND);

  /* Re-created, possibly with other flags: empty. */
  a = tu_store(db, "dedupe.3", 0);
  scan = tu_scan(NULL, a, 0);
  assert_string_equal(scan, "");
  free(scan);
  tu_expect(NULL, k, "m1", "kept");
  assert_int_equal(co_state_meta_get(db, NULL, "ckpt", &v), CO_OK);
  assert_int_equal(v, 5);
  assert_int_equal(co_state_store_drop(db, "dedupe.3", err, sizeof(err)), CO_OK);
  co_state_db_close(db);

  /* After reopen the dropped store is gone and a new one is empty. */
  db = tu_open(dir);
  assert_false(names_has(db, "dedupe.3"));
  assert_true(names_has(db, "keep.3"));
  a = tu_store(db, "dedupe.3", CO_STATE_F_TTL);
  scan = tu_scan(NULL, a, 0);
  assert_string_equal(scan, "");
  free(scan);
  assert_int_equal(co_state_store_approx_count(a), 0);
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(drop_store_removes_data)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
