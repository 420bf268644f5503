/* Proves a state directory whose content went backwards is refused at
 * open, not run on: after commits, an older copy of the RocksDB directory
 * put back (or the directory lost and recreated empty) fails co_state_db_open
 * with a message that says so and names the marker, and a MANIFEST with
 * damaged bytes fails too (paranoid checks). The same directory reopened
 * normally, and after a clean reopen, is accepted. */
#include "state_tu.h"

static void commit_keys(const char *dir, int from, int n) {
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *s = tu_store(db, "kv.0", 0);
  co_state_batch_t *b = co_state_batch_new(db);
  for (int i = from; i < from + n; i++) {
    char k[32];
    snprintf(k, sizeof(k), "k%05d", i);
    tu_put(b, s, k, "value");
    tu_commit(b);
  }
  co_state_batch_destroy(b);
  co_state_db_close(db);
}

static void state_refuses_older_copy_put_back(void **state) {
  (void)state;
  char *root = co_th_tmpdir("state-rewind"), dir[600], old[600], cmd[2400], err[1024] = "";
  snprintf(dir, sizeof(dir), "%s/rocksdb", root);
  snprintf(old, sizeof(old), "%s/rocksdb.old", root);
  commit_keys(dir, 0, 5);
  snprintf(cmd, sizeof(cmd), "cp -a '%s' '%s'", dir, old);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  commit_keys(dir, 5, 50);
  commit_keys(dir, 55, 1); /* a normal reopen is accepted */

  snprintf(cmd, sizeof(cmd), "rm -rf '%s' && cp -a '%s' '%s'", dir, old, dir);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  co_state_opts_t o = {.cache_mb = 8, .write_buffer_mb = 16};
  co_state_db_t *db = co_state_db_open(dir, &o, err, sizeof(err));
  assert_null(db);
  if (!strstr(err, "went backwards") || !strstr(err, "committed-seq")) fail_msg("unclear refusal: %s", err);

  /* Lost and recreated empty: refused as well. */
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  err[0] = '\0';
  assert_null(co_state_db_open(dir, &o, err, sizeof(err)));
  assert_non_null(strstr(err, "went backwards"));
  co_th_rm_rf(root);
  free(root);
}

static void state_refuses_damaged_manifest(void **state) {
  (void)state;
  char *root = co_th_tmpdir("state-manifest"), dir[600], cmd[2400], err[1024] = "";
  snprintf(dir, sizeof(dir), "%s/rocksdb", root);
  commit_keys(dir, 0, 20);
  /* 16 bytes of garbage in the middle of the live MANIFEST (named by CURRENT) */
  snprintf(cmd, sizeof(cmd),
           "d='%s'; m=\"$d/$(cat \"$d/CURRENT\")\"; s=$(stat -c %%s \"$m\"); "
           "printf 'garbage!garbage!' | dd of=\"$m\" bs=1 seek=$((s / 2)) conv=notrunc 2>/dev/null",
           dir);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
  co_state_opts_t o = {.cache_mb = 8, .write_buffer_mb = 16};
  assert_null(co_state_db_open(dir, &o, err, sizeof(err)));
  if (!strstr(err, "MANIFEST")) fail_msg("damage not named: %s", err);
  co_th_rm_rf(root);
  free(root);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(state_refuses_older_copy_put_back),
      cmocka_unit_test(state_refuses_damaged_manifest),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
