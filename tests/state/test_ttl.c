/* Proves TTL stores hide values at and after their expiry (clock given by
 * the caller), that the encoded form round-trips through put_encoded with
 * its expiry intact, and that compaction physically drops values whose
 * expiry has passed on the wall clock - also after a reopen, when the
 * store's TTL flag comes back from __meta - while plain stores and live
 * values are kept.
 *
 * White-box: compaction is forced through the internal handles, since the
 * public API has no reason to expose it. */
#include <time.h>

#include "co_state_int.h"
#include "state_tu.h"

static void put_exp(co_state_batch_t *b, co_state_store_t *s, const char *k, const char *v, int64_t exp) {
  assert_int_equal(co_state_put(b, s, k, strlen(k), v, strlen(v), exp), CO_OK);
}

static int64_t wall_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void compact(co_state_store_t *s) {
  char *err = NULL;
  rocksdb_flushoptions_t *fo = rocksdb_flushoptions_create();
  rocksdb_flushoptions_set_wait(fo, 1);
  rocksdb_flush_cf(s->db->rdb, fo, s->cf, &err);
  assert_null(err);
  rocksdb_flushoptions_destroy(fo);
  rocksdb_compact_range_cf(s->db->rdb, s->cf, NULL, 0, NULL, 0);
}

static void ttl_hides_and_compacts_expired(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-ttl"), *scan, err[256];
  co_state_db_t *db = tu_open(dir);
  co_state_store_t *t = tu_store(db, "seen.0", CO_STATE_F_TTL), *p = tu_store(db, "plain.0", 0);
  co_state_batch_t *b = co_state_batch_new(db);
  int64_t future = wall_ms() + 3600 * 1000;

  put_exp(b, t, "k1", "v1", 1000);
  put_exp(b, t, "k2", "v2", 0); /* never expires */
  put_exp(b, t, "k3", "v3", 5000);
  put_exp(b, t, "k5", "v5", future);
  assert_int_equal(co_state_put(b, t, "bad", 3, "x", 1, -5), CO_ERR_INVALID_ARG);

  /* Hidden through the batch as well as after commit. */
  char *v = tu_get(b, t, "k1", 999);
  assert_string_equal(v, "v1");
  free(v);
  assert_null(tu_get(b, t, "k1", 1000));
  tu_commit(b);
  assert_null(tu_get(NULL, t, "k1", 1000));
  assert_null(tu_get(NULL, t, "k1", 2000));
  v = tu_get(NULL, t, "k3", 4999);
  assert_string_equal(v, "v3");
  free(v);
  assert_null(tu_get(NULL, t, "k3", 5000));
  v = tu_get(NULL, t, "k2", INT64_MAX);
  assert_string_equal(v, "v2");
  free(v);
  scan = tu_scan(NULL, t, 2000);
  assert_string_equal(scan, "k2=v2;k3=v3;k5=v5;");
  free(scan);
  scan = tu_scan(NULL, t, 6000);
  assert_string_equal(scan, "k2=v2;k5=v5;");
  free(scan);

  /* Encoded roundtrip: what a changelog carries restores the same expiry. */
  void *enc = NULL;
  size_t enclen = 0;
  assert_int_equal(co_state_encode(t, "v4", 2, 7000, &enc, &enclen), CO_OK);
  assert_int_equal(enclen, 8 + 2);
  assert_int_equal(co_state_put_encoded(b, t, "k4", 2, enc, enclen), CO_OK);
  assert_int_equal(co_state_put_encoded(b, t, "k6", 2, "short", 5), CO_ERR_INVALID_ARG);
  tu_commit(b);
  v = tu_get(NULL, t, "k4", 6999);
  assert_string_equal(v, "v4");
  free(v);
  assert_null(tu_get(NULL, t, "k4", 7000));
  co_state_iter_t *it = co_state_iter_new(NULL, t, 0);
  co_state_iter_seek(it, "k4", 2);
  assert_true(co_state_iter_valid(it));
  size_t l;
  const void *e = co_state_iter_encoded(it, &l);
  assert_int_equal(l, enclen);
  assert_memory_equal(e, enc, enclen);
  co_state_iter_destroy(it);
  free(enc);
  /* A plain store's encoding is the value itself. */
  assert_int_equal(co_state_encode(p, "abc", 3, 1234, &enc, &enclen), CO_OK);
  assert_int_equal(enclen, 3);
  assert_memory_equal(enc, "abc", 3);
  free(enc);

  /* A plain value that looks like an expired TTL header must survive. */
  const char fake[] = {0, 0, 0, 0, 0, 0, 0, 1, 'z'};
  assert_int_equal(co_state_put(b, p, "f", 1, fake, sizeof(fake), 0), CO_OK);
  tu_commit(b);

  /* At now_ms = 0 nothing is hidden: what a scan shows is what is stored. */
  scan = tu_scan(NULL, t, 0);
  assert_string_equal(scan, "k1=v1;k2=v2;k3=v3;k4=v4;k5=v5;");
  free(scan);
  compact(t);
  compact(p);
  scan = tu_scan(NULL, t, 0);
  assert_string_equal(scan, "k2=v2;k5=v5;");
  free(scan);
  void *pv;
  size_t pvl;
  assert_int_equal(co_state_get(NULL, p, "f", 1, 0, &pv, &pvl, err, sizeof(err)), CO_OK);
  assert_int_equal(pvl, sizeof(fake));
  free(pv);

  /* After reopen the filter knows the store is TTL again. */
  co_state_batch_destroy(b);
  co_state_db_close(db);
  db = tu_open(dir);
  t = tu_store(db, "seen.0", CO_STATE_F_TTL);
  b = co_state_batch_new(db);
  put_exp(b, t, "k7", "v7", 3000);
  tu_commit(b);
  compact(t);
  scan = tu_scan(NULL, t, 0);
  assert_string_equal(scan, "k2=v2;k5=v5;");
  free(scan);

  co_state_batch_destroy(b);
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(ttl_hides_and_compacts_expired)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
