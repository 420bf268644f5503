/* bench_state.c: co_state write and read throughput against raw RocksDB in
 * the same run, and the process's peak RSS.
 *
 * Baseline: rocksdb_put into a plain rocksdb_writebatch_t, rocksdb_write
 * every BATCH keys, on a DB with the same cache and memtable budget. Then
 * co_state: the same keys through co_state_put into a write batch with
 * index plus a __meta checkpoint, co_state_batch_commit every BATCH keys.
 * Gets read every key back in a scrambled order, both ways. Both run
 * without fsync (the runtime's default; sync is a per-deployment choice).
 *
 * Usage: bench_state [dir] [nkeys] [cache_mb]   (defaults: a temp dir,
 * 1000000, 64). Prints one line per measure; the ratios are the result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <rocksdb/c.h>

#include "co_log.h"
#include "co_state.h"

#define BATCH 1000
#define VLEN 100

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long peak_rss_mb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

/* Key i, scrambled so inserts are not in key order. */
static size_t key(char *buf, long i) {
  return (size_t)sprintf(buf, "user:%010lu", (unsigned long)((uint64_t)i * 2654435761u % 4294967291u));
}

static void fill(char *v, long i) {
  memset(v, 'a' + (int)(i % 26), VLEN);
  sprintf(v, "%ld", i);
}

static void die(const char *what, const char *err) {
  fprintf(stderr, "bench_state: %s: %s\n", what, err ? err : "failed");
  exit(1);
}

static double raw_puts(const char *dir, long n, size_t cache_mb, rocksdb_t **dbp, rocksdb_options_t **op,
                       rocksdb_cache_t **cachep, rocksdb_block_based_table_options_t **bbtop) {
  char k[32], v[VLEN + 16], *err = NULL;
  rocksdb_cache_t *cache = rocksdb_cache_create_lru(cache_mb << 20);
  rocksdb_block_based_table_options_t *bbto = rocksdb_block_based_options_create();
  rocksdb_block_based_options_set_block_cache(bbto, cache);
  rocksdb_options_t *o = rocksdb_options_create();
  rocksdb_options_set_create_if_missing(o, 1);
  rocksdb_options_set_block_based_table_factory(o, bbto);
  rocksdb_options_set_db_write_buffer_size(o, 64u << 20);
  rocksdb_t *db = rocksdb_open(o, dir, &err);
  if (err) die("raw open", err);
  rocksdb_writeoptions_t *wo = rocksdb_writeoptions_create();
  rocksdb_writebatch_t *wb = rocksdb_writebatch_create();
  double t0 = now_s();
  for (long i = 0; i < n; i++) {
    size_t kl = key(k, i);
    fill(v, i);
    rocksdb_writebatch_put(wb, k, kl, v, VLEN);
    if ((i + 1) % BATCH == 0 || i == n - 1) {
      rocksdb_write(db, wo, wb, &err);
      if (err) die("raw write", err);
      rocksdb_writebatch_clear(wb);
    }
  }
  double dt = now_s() - t0;
  rocksdb_writebatch_destroy(wb);
  rocksdb_writeoptions_destroy(wo);
  *dbp = db, *op = o, *cachep = cache, *bbtop = bbto;
  return n / dt;
}

static double raw_gets(rocksdb_t *db, long n) {
  char k[32], *err = NULL;
  rocksdb_readoptions_t *ro = rocksdb_readoptions_create();
  long found = 0;
  double t0 = now_s();
  for (long i = 0; i < n; i++) {
    size_t kl = key(k, (i * 7919) % n), vl;
    char *v = rocksdb_get(db, ro, k, kl, &vl, &err);
    if (err) die("raw get", err);
    found += v != NULL;
    rocksdb_free(v);
  }
  double dt = now_s() - t0;
  rocksdb_readoptions_destroy(ro);
  if (found != n) die("raw get", "keys missing");
  return n / dt;
}

static double state_puts(co_state_db_t *db, co_state_store_t *s, long n) {
  char k[32], v[VLEN + 16], err[512];
  co_state_batch_t *b = co_state_batch_new(db);
  double t0 = now_s();
  for (long i = 0; i < n; i++) {
    size_t kl = key(k, i);
    fill(v, i);
    co_state_put(b, s, k, kl, v, VLEN, 0);
    if ((i + 1) % BATCH == 0 || i == n - 1) {
      co_state_meta_put(b, "bench.ckpt", i);
      if (co_state_batch_commit(b, err, sizeof(err)) != CO_OK) die("commit", err);
    }
  }
  double dt = now_s() - t0;
  co_state_batch_destroy(b);
  return n / dt;
}

static double state_gets(co_state_store_t *s, long n) {
  char k[32], err[512];
  long found = 0;
  double t0 = now_s();
  for (long i = 0; i < n; i++) {
    size_t kl = key(k, (i * 7919) % n), vl;
    void *v = NULL;
    co_err_t e = co_state_get(NULL, s, k, kl, 0, &v, &vl, err, sizeof(err));
    if (e != CO_OK && e != CO_ERR_NOT_FOUND) die("get", err);
    found += e == CO_OK;
    free(v);
  }
  double dt = now_s() - t0;
  if (found != n) die("get", "keys missing");
  return n / dt;
}

int main(int argc, char **argv) {
  char tmpl[] = "/tmp/bench-state-XXXXXX", path[1024], err[512], cmd[1100];
  const char *base = argc > 1 ? argv[1] : mkdtemp(tmpl);
  long n = argc > 2 ? atol(argv[2]) : 1000000;
  size_t cache_mb = argc > 3 ? (size_t)atol(argv[3]) : 64;
  if (!base || n <= 0) die("usage", "bench_state [dir] [nkeys] [cache_mb]");
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_HUMAN, NULL, NULL);
  mkdir(base, 0755);

  /* Baseline first, closed before co_state starts. */
  rocksdb_t *rdb;
  rocksdb_options_t *ro;
  rocksdb_cache_t *rc;
  rocksdb_block_based_table_options_t *rb;
  snprintf(path, sizeof(path), "%s/raw", base);
  double raw_p = raw_puts(path, n, cache_mb, &rdb, &ro, &rc, &rb);
  double raw_g = raw_gets(rdb, n);
  rocksdb_close(rdb);
  rocksdb_options_destroy(ro);
  rocksdb_block_based_options_destroy(rb);
  rocksdb_cache_destroy(rc);
  long rss_raw = peak_rss_mb();

  snprintf(path, sizeof(path), "%s/state", base);
  co_state_opts_t o = {.cache_mb = cache_mb, .write_buffer_mb = 64};
  co_state_db_t *db = co_state_db_open(path, &o, err, sizeof(err));
  if (!db) die("open", err);
  co_state_store_t *s = co_state_store_open(db, "bench.0", 0, err, sizeof(err));
  if (!s) die("store", err);
  double st_p = state_puts(db, s, n);
  double st_g = state_gets(s, n);
  co_state_db_close(db);

  printf("keys %ld, batch %d, value %d B, cache %zu MB, write buffer 64 MB, sync off\n", n, BATCH, VLEN, cache_mb);
  printf("puts/s   raw rocksdb writebatch %10.0f   co_state %10.0f   ratio %.2f\n", raw_p, st_p, st_p / raw_p);
  printf("gets/s   raw rocksdb_get        %10.0f   co_state %10.0f   ratio %.2f\n", raw_g, st_g, st_g / raw_g);
  printf("peak RSS %ld MB after baseline, %ld MB at end (target <= 512 MB)\n", rss_raw, peak_rss_mb());
  if (argc <= 1) {
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", base);
    if (system(cmd) != 0) fprintf(stderr, "bench_state: could not remove %s\n", base);
  }
  return 0;
}
