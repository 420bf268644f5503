/* Proves a reopened DB lists every store it had, with its data, that a
 * store's flags persist so opening it with other flags is rejected (and
 * the error says so), and that reserved or empty names are refused. */
#include "state_tu.h"

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void reopen_lists_stores_and_rejects_flag_mismatch(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-reopen"), err[256];
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *p = tu_store(db, "plain.0", 0), *t = tu_store(db, "ttl.0", CO_STATE_F_TTL);
  assert_ptr_equal(tu_store(db, "plain.0", 0), p); /* same handle twice */
  assert_string_equal(co_state_store_name(t), "ttl.0");
  co_state_batch_t *b = co_state_batch_new(db);
  tu_put(b, p, "k", "pv");
  tu_put(b, t, "k", "tv");
  tu_commit(b);
  co_state_batch_destroy(b);
  /* Mismatch is caught in the same session too. */
  assert_null(co_state_store_open(db, "ttl.0", 0, err, sizeof(err)));
  co_state_db_close(db);

  db = tu_open(dir);
  char **names = co_state_store_names(db);
  int n = 0;
  while (names[n]) n++;
  assert_int_equal(n, 2);
  qsort(names, (size_t)n, sizeof(*names), cmp);
  assert_string_equal(names[0], "plain.0");
  assert_string_equal(names[1], "ttl.0");
  co_state_names_free(names);

  err[0] = '\0';
  assert_null(co_state_store_open(db, "ttl.0", 0, err, sizeof(err)));
  assert_non_null(strstr(err, "ttl.0"));
  assert_non_null(strstr(err, "flags"));
  assert_null(co_state_store_open(db, "plain.0", CO_STATE_F_TTL, err, sizeof(err)));
  assert_non_null(strstr(err, "plain.0"));

  p = tu_store(db, "plain.0", 0);
  t = tu_store(db, "ttl.0", CO_STATE_F_TTL);
  tu_expect(NULL, p, "k", "pv");
  tu_expect(NULL, t, "k", "tv");

  assert_null(co_state_store_open(db, "__meta", 0, err, sizeof(err)));
  assert_null(co_state_store_open(db, "default", 0, err, sizeof(err)));
  assert_null(co_state_store_open(db, "", 0, err, sizeof(err)));
  assert_null(co_state_store_open(db, "x", 0x80, err, sizeof(err)));
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(reopen_lists_stores_and_rejects_flag_mismatch)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
