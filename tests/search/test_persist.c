/* Proves a saved index loads back equal (same documents, same results and
 * scores in every mode, same seq), on flat and HNSW indexes; that a load
 * with another embedder is refused (CO_ERR_CONFIG), a damaged file is
 * refused (CO_ERR_PARSE) and a missing one reports ENOENT; and that
 * upserts after a load continue without reusing chunk ids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_search.h"
#include "co_th.h"
#include "search_test_util.h"

static const char *words[] = {"kafka",    "ledger",    "payments",  "robotics", "genomics", "satellite",
                              "compiler", "warehouse", "telemetry", "checkout", "lidar",    "quantum"};

static co_search_t *build(co_vec_embedder_t *e, size_t threshold, int ndocs) {
  char err[256], id[16], text[2048];
  co_search_opts_t o;
  co_search_opts_default(&o);
  o.hnsw_threshold = threshold;
  co_search_t *s = co_search_new(e, &o, err, sizeof(err));
  assert_non_null(s);
  for (int i = 0; i < ndocs; i++) {
    co_search_meta_t m = {"me@x.org", i % 2 ? "Acme" : "Borealis", i % 3 ? "INTERVIEW" : "OFFER", "2026-01-01"};
    snprintf(id, sizeof(id), "doc%d", i);
    text[0] = '\0';
    for (int j = 0; j < 1 + i % 9; j++) {
      size_t n = strlen(text);
      snprintf(text + n, sizeof(text) - n, "Sentence %d of briefing %d covers %s and %s work. ", j, i,
               words[(i + j) % 12], words[(i * 7 + j) % 12]);
    }
    assert_int_equal(co_search_upsert(s, id, &m, text, err, sizeof(err)), CO_OK);
  }
  return s;
}

static void assert_same_results(co_search_t *a, co_search_t *b) {
  char err[256];
  co_search_mode_t modes[] = {CO_SEARCH_VECTOR, CO_SEARCH_BM25, CO_SEARCH_HYBRID};
  for (int w = 0; w < 12; w++)
    for (int m = 0; m < 3; m++) {
      co_search_query_t q = {.text = words[w], .k = 8, .mode = modes[m], .company = w % 4 ? NULL : "Acme"};
      co_search_result_t *ra = NULL, *rb = NULL;
      assert_int_equal(co_search_query(a, &q, &ra, err, sizeof(err)), CO_OK);
      assert_int_equal(co_search_query(b, &q, &rb, err, sizeof(err)), CO_OK);
      assert_int_equal(ra->n, rb->n);
      assert_true(ra->n > 0);
      for (size_t i = 0; i < ra->n; i++) {
        assert_string_equal(ra->hits[i].doc_id, rb->hits[i].doc_id);
        assert_true(fabsf(ra->hits[i].score - rb->hits[i].score) < 1e-5f);
        assert_string_equal(ra->hits[i].snippet, rb->hits[i].snippet);
        assert_string_equal(ra->hits[i].type, rb->hits[i].type);
      }
      co_search_result_free(ra);
      co_search_result_free(rb);
    }
}

static void roundtrip(size_t threshold, const char *kind) {
  char err[256], path[4200];
  char *dir = co_th_tmpdir("search-persist");
  uint64_t seq = 0;
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  co_search_t *s = build(e, threshold, 80);
  assert_string_equal(co_search_index_kind(s), kind);
  snprintf(path, sizeof(path), "%s/index.cos", dir);
  assert_int_equal(co_search_save(s, path, 4242, err, sizeof(err)), CO_OK);
  co_search_t *l = co_search_load(path, e, &seq, err, sizeof(err));
  if (!l) fail_msg("%s", err);
  assert_int_equal(seq, 4242);
  assert_int_equal(co_search_docs(l), co_search_docs(s));
  assert_int_equal(co_search_chunks(l), co_search_chunks(s));
  assert_string_equal(co_search_index_kind(l), kind);
  assert_same_results(s, l);
  /* Both continue identically: new chunk ids do not collide with loaded ones. */
  co_search_meta_t m = {"me@x.org", "Acme", "OFFER", "2026-02-02"};
  assert_int_equal(co_search_upsert(s, "doc3", &m, "Rewritten: telemetry offer.", err, sizeof(err)), CO_OK);
  assert_int_equal(co_search_upsert(l, "doc3", &m, "Rewritten: telemetry offer.", err, sizeof(err)), CO_OK);
  assert_int_equal(co_search_upsert(l, "new", &m, "A new kafka ledger briefing.", err, sizeof(err)), CO_OK);
  assert_int_equal(co_search_upsert(s, "new", &m, "A new kafka ledger briefing.", err, sizeof(err)), CO_OK);
  assert_same_results(s, l);
  co_search_destroy(l);

  /* Another embedder: refused, naming both. */
  co_vec_embedder_t *other = co_vec_embedder_open_hash(256, err, sizeof(err));
  err[0] = '\0';
  assert_null(co_search_load(path, other, &seq, err, sizeof(err)));
  assert_non_null(strstr(err, "hash-ngram-384"));
  assert_non_null(strstr(err, "hash-ngram-256"));
  co_vec_embedder_close(other);

  /* One flipped byte in the middle: refused as damaged. */
  size_t len;
  char *data = co_th_read_file(path, &len);
  data[len / 2] ^= 0x5a;
  assert_int_equal(co_th_write_file(path, data, len), 0);
  free(data);
  assert_null(co_search_load(path, e, &seq, err, sizeof(err)));
  assert_non_null(strstr(err, "damaged"));

  snprintf(path, sizeof(path), "%s/absent.cos", dir);
  errno = 0;
  assert_null(co_search_load(path, e, &seq, err, sizeof(err)));
  assert_int_equal(errno, ENOENT);

  co_search_destroy(s);
  co_vec_embedder_close(e);
  co_th_rm_rf(dir);
  free(dir);
}

static void save_load_flat(void **state) {
  (void)state;
  roundtrip(100000, "flat");
}

static void save_load_hnsw(void **state) {
  (void)state;
  roundtrip(50, "hnsw");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(save_load_flat), cmocka_unit_test(save_load_hnsw)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
