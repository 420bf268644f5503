/* Proves commit is atomic together with its checkpoint across a crash.
 *
 * A forked child commits numbered batches in a loop: every batch i sets
 * SMALL keys of store "a.0" and key "last" of TTL store "b.0" to i, moves
 * the single "del.*" marker from del.<i-1> to del.<i>, and sets meta "ckpt"
 * to i. Every 5th batch is large (> RocksDB's 1 MB WAL write buffer, so a
 * kill can land between the write() calls of one record) and also sets the
 * BIG keys and meta "big" to i. The child reports each commit on a pipe; the
 * parent SIGKILLs it at a random moment (a random number of acknowledged
 * commits, then 0-3 ms of jitter so the kill lands anywhere in building or
 * writing the next batch), reopens the DB, and checks that the
 * state is exactly that of one committed batch: every key equals the
 * checkpoint written with it, and no acknowledged commit was lost.
 * Several rounds continue the same DB from its recovered checkpoint.
 *
 * The child is this binary exec'd with --child, not a bare fork: the
 * parent has RocksDB's background threads (from verify()) and, under ASan,
 * the sanitizer's; a fork copies any lock one of them held, and an ASan CI
 * run's child once never acknowledged a commit (round 18 waited until the
 * 300 s test timeout). */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "state_tu.h"

#define SMALL 50
#define BIG 1100
#define BIGVAL 1000 /* bytes per big value: 1100 * ~1 KB > 1 MB */
#define ROUNDS 20

static void key(char *buf, size_t sz, int j) {
  snprintf(buf, sz, "k%05d", j);
}

/* Value carrying batch number i; big values are padded. */
static size_t val(char *buf, size_t sz, int64_t i, int big) {
  int n = snprintf(buf, sz, "%lld", (long long)i);
  if (!big) return (size_t)n;
  buf[n] = '|';
  memset(buf + n + 1, 'p', BIGVAL - n - 1);
  return BIGVAL;
}

static int child_run(const char *dir, int fd, int64_t from) {
  char err[512], k[32], v[BIGVAL + 1];
  co_state_opts_t o = {.cache_mb = 8, .write_buffer_mb = 16};
  co_state_db_t *db = co_state_db_open(dir, &o, err, sizeof(err));
  if (!db) return 2;
  co_state_store_t *a = co_state_store_open(db, "a.0", 0, err, sizeof(err));
  co_state_store_t *bs = co_state_store_open(db, "b.0", CO_STATE_F_TTL, err, sizeof(err));
  co_state_batch_t *b = co_state_batch_new(db);
  if (!a || !bs || !b) return 3;
  for (int64_t i = from + 1;; i++) {
    int big = i % 5 == 0;
    for (int j = 0; j < (big ? BIG : SMALL); j++) {
      key(k, sizeof(k), j);
      size_t vl = val(v, sizeof(v), i, j >= SMALL);
      co_state_put(b, a, k, strlen(k), v, vl, 0);
    }
    size_t vl = val(v, sizeof(v), i, 0);
    co_state_put(b, bs, "last", 4, v, vl, 0);
    snprintf(k, sizeof(k), "del.%08lld", (long long)(i - 1));
    co_state_delete(b, bs, k, strlen(k));
    snprintf(k, sizeof(k), "del.%08lld", (long long)i);
    co_state_put(b, bs, k, strlen(k), "x", 1, 0);
    co_state_meta_put(b, "ckpt", i);
    if (big) co_state_meta_put(b, "big", i);
    if (co_state_batch_commit(b, err, sizeof(err)) != CO_OK) return 4;
    if (write(fd, &i, sizeof(i)) != sizeof(i)) return 5;
  }
}

static int64_t get_int(co_state_batch_t *b, co_state_store_t *s, const char *k) {
  char *v = tu_get(b, s, k, 0);
  if (!v) return -1;
  int64_t n = strtoll(v, NULL, 10);
  free(v);
  return n;
}

/* Checks the reopened DB is exactly one committed batch; returns ckpt. */
static int64_t verify(const char *dir) {
  char k[32];
  int64_t ckpt, big;
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *a = tu_store(db, "a.0", 0), *bs = tu_store(db, "b.0", CO_STATE_F_TTL);
  assert_int_equal(co_state_meta_get(db, NULL, "ckpt", &ckpt), CO_OK);
  assert_int_equal(co_state_meta_get(db, NULL, "big", &big), CO_OK);
  for (int j = 0; j < BIG; j++) {
    key(k, sizeof(k), j);
    int64_t want = j < SMALL ? ckpt : big, got = get_int(NULL, a, k);
    if (got != want)
      fail_msg("ckpt %lld big %lld: %s = %lld, half-applied batch", (long long)ckpt, (long long)big, k, (long long)got);
  }
  assert_int_equal(get_int(NULL, bs, "last"), ckpt);
  /* Exactly one marker, the one this checkpoint's batch wrote. */
  char *scan = tu_scan(NULL, bs, 0), want[64];
  snprintf(want, sizeof(want), "del.%08lld=x;last=%lld;", (long long)ckpt, (long long)ckpt);
  if (ckpt > 0) assert_string_equal(scan, want);
  free(scan);
  co_state_db_close(db);
  return ckpt;
}

static void commit_is_atomic_with_checkpoint(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-crash");
  unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
  int64_t recovered = 0;
  srand(seed);
  print_message("seed %u\n", seed);
  for (int round = 0; round < ROUNDS; round++) {
    int p[2];
    assert_int_equal(pipe(p), 0);
    char fd_s[16], from_s[32];
    snprintf(fd_s, sizeof(fd_s), "%d", p[1]);
    snprintf(from_s, sizeof(from_s), "%lld", (long long)recovered);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) { /* only async-signal-safe calls until exec */
      close(p[0]);
      execl("/proc/self/exe", "test_crash_atomic", "--child", dir, fd_s, from_s, (char *)NULL);
      _exit(127);
    }
    close(p[1]);
    /* Kill after a random number of acknowledged commits (1..10) plus
     * jitter: the jitter picks the moment, it does not wait for anything. */
    int64_t target = recovered + 1 + rand() % 10, acked = recovered, i;
    while (acked < target && read(p[0], &i, sizeof(i)) == sizeof(i)) acked = i;
    struct timespec jitter = {0, (long)(rand() % 3000) * 1000L};
    nanosleep(&jitter, NULL);
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    close(p[0]);
    if (!WIFSIGNALED(status)) fail_msg("child exited early with %d", WEXITSTATUS(status));
    assert_int_equal(acked, target);
    int64_t ckpt = verify(dir);
    print_message("round %d: acked %lld, recovered ckpt %lld (%s)\n", round, (long long)acked, (long long)ckpt,
                  ckpt % 5 == 0 ? "large batch" : "small batch");
    /* An acknowledged commit survives a process crash (it is in the OS). */
    assert_true(ckpt >= acked);
    recovered = ckpt;
  }
  co_th_rm_rf(dir);
  free(dir);
}

int main(int argc, char **argv) {
  if (argc == 5 && !strcmp(argv[1], "--child")) return child_run(argv[2], atoi(argv[3]), atoll(argv[4]));
  const struct CMUnitTest tests[] = {cmocka_unit_test(commit_is_atomic_with_checkpoint)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
