/* Proves upsert replaces a document's chunks in both indexes (old words
 * are no longer found by BM25, the vector side returns the document once,
 * chunk counts follow the new text), remove drops it, and a document is
 * reported once however many of its chunks match. Uses the hashed n-gram
 * embedder: this is about bookkeeping, not model quality. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_search.h"
#include "search_test_util.h"

static co_search_result_t *run(co_search_t *s, const char *text, co_search_mode_t mode, size_t k) {
  char err[256];
  co_search_query_t q = {.text = text, .k = k, .mode = mode};
  co_search_result_t *r = NULL;
  assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
  return r;
}

static void upsert_replaces(void **state) {
  (void)state;
  char err[256], buf[4096];
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  assert_non_null(e);
  co_search_t *s = co_search_new(e, NULL, err, sizeof(err));
  assert_non_null(s);
  co_search_meta_t m = {"me@example.com", "Zentrix", "INTERVIEW", "2026-03-01"};
  /* A long first version: several chunks, all mentioning zebrafish. */
  buf[0] = '\0';
  for (int i = 0; i < 20; i++) strcat(buf, "Zentrix studies zebrafish genomics for drug discovery in Basel. ");
  assert_int_equal(co_search_upsert(s, "b1", &m, buf, err, sizeof(err)), CO_OK);
  size_t first_chunks = co_search_chunks(s);
  assert_true(first_chunks >= 2);
  assert_int_equal(co_search_upsert(s, "b2", &m, "An unrelated note on kangaroo logistics.", err, sizeof(err)), CO_OK);
  assert_int_equal(co_search_docs(s), 2);

  co_search_result_t *r = run(s, "zebrafish genomics", CO_SEARCH_BM25, 10);
  assert_int_equal(r->n, 1); /* many chunks match, one document */
  assert_string_equal(r->hits[0].doc_id, "b1");
  assert_non_null(strstr(r->hits[0].snippet, "zebrafish"));
  assert_string_equal(r->hits[0].company, "Zentrix");
  co_search_result_free(r);
  r = run(s, "zebrafish genomics", CO_SEARCH_VECTOR, 10);
  assert_int_equal(r->n, 2);
  assert_string_equal(r->hits[0].doc_id, "b1");
  co_search_result_free(r);

  /* Replace b1 with a short text about something else. */
  m.type = "OFFER";
  assert_int_equal(co_search_upsert(s, "b1", &m, "Zentrix now sells satellite imaging to farmers.", err, sizeof(err)),
                   CO_OK);
  assert_int_equal(co_search_docs(s), 2);
  assert_int_equal(co_search_chunks(s), 2); /* one chunk each */
  r = run(s, "zebrafish", CO_SEARCH_BM25, 10);
  assert_int_equal(r->n, 0);
  co_search_result_free(r);
  r = run(s, "satellite imaging", CO_SEARCH_HYBRID, 10);
  assert_int_equal(r->n, 2);
  assert_string_equal(r->hits[0].doc_id, "b1");
  assert_string_equal(r->hits[0].type, "OFFER");
  assert_string_equal(r->hits[0].snippet, "Zentrix now sells satellite imaging to farmers.");
  co_search_result_free(r);

  assert_int_equal(co_search_remove(s, "b1", err, sizeof(err)), CO_OK);
  assert_int_equal(co_search_remove(s, "b1", err, sizeof(err)), CO_ERR_NOT_FOUND);
  assert_int_equal(co_search_docs(s), 1);
  r = run(s, "satellite imaging Zentrix", CO_SEARCH_HYBRID, 10);
  assert_int_equal(r->n, 1);
  assert_string_equal(r->hits[0].doc_id, "b2");
  co_search_result_free(r);
  co_search_destroy(s);
  co_vec_embedder_close(e);
}

/* With a tiny HNSW threshold the index turns HNSW as chunks grow, and
 * replacing documents there (dead slots, compaction) keeps every document
 * findable by its own unique word. */
static void grows_into_hnsw(void **state) {
  (void)state;
  char err[256], id[32], text[256];
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  co_search_opts_t o;
  co_search_opts_default(&o);
  o.hnsw_threshold = 40;
  co_search_t *s = co_search_new(e, &o, err, sizeof(err));
  assert_non_null(s);
  assert_string_equal(co_search_index_kind(s), "flat");
  for (int round = 0; round < 3; round++)
    for (int i = 0; i < 60; i++) {
      snprintf(id, sizeof(id), "d%d", i);
      snprintf(text, sizeof(text), "Briefing %d round %d about the codeword qx%dz%d and nothing else.", i, round, i,
               round);
      assert_int_equal(co_search_upsert(s, id, NULL, text, err, sizeof(err)), CO_OK);
    }
  assert_string_equal(co_search_index_kind(s), "hnsw");
  assert_int_equal(co_search_docs(s), 60);
  for (int i = 0; i < 60; i++) {
    snprintf(text, sizeof(text), "qx%dz2", i);
    snprintf(id, sizeof(id), "d%d", i);
    co_search_result_t *r = run(s, text, CO_SEARCH_HYBRID, 3);
    assert_true(r->n >= 1);
    assert_string_equal(r->hits[0].doc_id, id);
    co_search_result_free(r);
  }
  co_search_destroy(s);
  co_vec_embedder_close(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(upsert_replaces), cmocka_unit_test(grows_into_hnsw)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
