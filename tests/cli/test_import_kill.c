/* Proves a SIGKILLed `careerops import` loses and duplicates nothing: the
 * import is killed while it writes (the local log's WAL is growing), the
 * log then holds a strict prefix of whole batches, and a re-run adds exactly
 * the missing messages: total records == messages, all distinct. */
#include <dirent.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_tu.h"
#include "co_th.h"

/* Large enough that the import takes seconds, so the kill lands midway. */
#define N_MSGS 20000

/* Bytes in the RocksDB write-ahead logs under dir: grows with every batch. */
static long long wal_bytes(const char *dir) {
  char p[1024];
  long long sum = 0;
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d) return 0;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    struct stat st;
    if (n < 4 || strcmp(e->d_name + n - 4, ".log")) continue;
    snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
    if (!stat(p, &st)) sum += st.st_size;
  }
  closedir(d);
  return sum;
}

static void cli_import_resumes_after_sigkill(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("cli-kill"), mbox[512], st[512], rdb[600], set[600], log[600], errstr[256], args[1400];
  snprintf(mbox, sizeof(mbox), "%s/big.mbox", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  snprintf(rdb, sizeof(rdb), "%s/rocksdb", st);
  snprintf(set, sizeof(set), "state.dir=%s", st);
  snprintf(log, sizeof(log), "%s/import.log", dir);
  assert_int_equal(cli_tu_write_mbox(mbox, N_MSGS, -1), 0);
  struct stat mst;
  assert_int_equal(stat(mbox, &mst), 0);

  long before = 0;
  /* Kill twice at growing points: the second run resumes, then dies too. */
  for (int round = 1; round <= 2; round++) {
    char *argv[] = {(char *)cli_tu_bin(), "import", mbox, "-X", set, NULL};
    long long wal0 = wal_bytes(rdb);
    pid_t pid = co_th_spawn(argv, NULL, log, errstr, sizeof(errstr));
    assert_true(pid > 0);
    /* Wait until it has written a good share (~ a fifth of the mbox's size). */
    if (!CO_TH_WAIT_UNTIL(wal_bytes(rdb) - wal0 > (long long)mst.st_size / 5, 60000))
      fail_msg("import wrote nothing within 60 s");
    co_th_kill(pid, SIGKILL, 1000);
    long cnt = cli_tu_count(st, "raw_inbox_stream");
    if (cnt >= N_MSGS) fail_msg("import finished before SIGKILL (round %d): raise N_MSGS", round);
    assert_true(cnt > before);
    assert_int_equal(cli_tu_distinct(st, "raw_inbox_stream"), cnt);
    before = cnt;
  }

  char *out;
  long imp, skip, fail;
  snprintf(args, sizeof(args), "import '%s' -X state.dir='%s'", mbox, st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  free(out);
  assert_int_equal(skip, before);
  assert_int_equal(imp, N_MSGS - before);
  assert_int_equal(fail, 0);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), N_MSGS);
  assert_int_equal(cli_tu_distinct(st, "raw_inbox_stream"), N_MSGS);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_import_resumes_after_sigkill)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
