/* Proves "rocksdb." pass-through settings reach RocksDB (DB-wide ones and
 * column-family ones, which stores inherit), checked in the OPTIONS file
 * RocksDB writes, and that an unknown name or a bad value is an error that
 * names the setting and opens nothing. */
#include <dirent.h>

#include "state_tu.h"

/* Text of the newest OPTIONS-<n> file in dir (caller frees). */
static char *latest_options(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  long best = -1;
  char path[1024];
  assert_non_null(d);
  while ((e = readdir(d)))
    if (!strncmp(e->d_name, "OPTIONS-", 8) && strtol(e->d_name + 8, NULL, 10) > best)
      best = strtol(e->d_name + 8, NULL, 10);
  closedir(d);
  assert_true(best >= 0);
  snprintf(path, sizeof(path), "%s/OPTIONS-%06ld", dir, best);
  char *txt = co_th_read_file(path, NULL);
  assert_non_null(txt);
  return txt;
}

static void rocksdb_passthrough_options(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-passthru"), err[512];
  const char *extra[] = {"rocksdb.max_open_files", "77", "write_buffer_size", "3145728", NULL};
  co_state_opts_t o = {.cache_mb = 8, .write_buffer_mb = 16, .extra = extra};
  co_state_db_t *db = co_state_db_open(dir, &o, err, sizeof(err));
  if (!db) fail_msg("open: %s", err);
  tu_store(db, "s.0", 0);
  char *txt = latest_options(dir);
  assert_non_null(strstr(txt, "max_open_files=77"));
  /* The store's own column family section carries the CF option. */
  char *cf = strstr(txt, "[CFOptions \"s.0\"]");
  assert_non_null(cf);
  char *next = strstr(cf + 1, "[TableOptions");
  assert_non_null(next);
  *next = '\0';
  assert_non_null(strstr(cf, "write_buffer_size=3145728"));
  free(txt);
  co_state_db_close(db);

  const char *unknown[] = {"rocksdb.max_open_files", "64", "rocksdb.no_such_knob", "1", NULL};
  o.extra = unknown;
  err[0] = '\0';
  assert_null(co_state_db_open(dir, &o, err, sizeof(err)));
  print_message("unknown: %s\n", err);
  assert_non_null(strstr(err, "rocksdb.no_such_knob"));

  const char *bad[] = {"max_open_files", "lots", NULL};
  o.extra = bad;
  err[0] = '\0';
  assert_null(co_state_db_open(dir, &o, err, sizeof(err)));
  print_message("bad value: %s\n", err);
  assert_non_null(strstr(err, "rocksdb.max_open_files"));

  const char *novalue[] = {"max_open_files", NULL};
  o.extra = novalue;
  assert_null(co_state_db_open(dir, &o, err, sizeof(err)));
  assert_non_null(strstr(err, "max_open_files"));

  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(rocksdb_passthrough_options)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
