/* search_account_query_ranks_only_that_accounts_documents: a query with an
 * account filter considers that account's documents only, inside both
 * indexes (FAISS id selector, the account's own BM25 postings and
 * statistics), not by dropping other accounts' hits afterwards:
 *  - alice's answer over an index that also holds 300 of bob's documents,
 *    all matching the query better than hers (and turning the vector index
 *    into HNSW), equals her answer over an index of her documents alone:
 *    the same documents in the same order with the same scores, on every
 *    mode and k, and again after a save and load; so bob's documents
 *    neither push hers out of a small k nor move her BM25 scores (which
 *    would tell her how often a word occurs in his mail);
 *  - no hit of hers is bob's; an unfiltered (admin) query sees both. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "co_search.h"
#include "search_test_util.h"

#define NBOB 300

static const char *const alice_docs[] = {
    "Acme Robotics: interview schedule with Priya Natarajan on Tuesday, then a systems design round.",
    "Borealis Energy: offer letter received, salary and start date under discussion.",
    "Cobalt Health: interview loop feedback expected next week from the hiring manager.",
    "Dune Logistics: application received, no answer yet.",
    "Ember Foods: rejection after the second interview; the team hired internally.",
};
#define NALICE (sizeof(alice_docs) / sizeof(alice_docs[0]))

static void add(co_search_t *s, const char *id, const char *account, const char *company, const char *text) {
  char err[256];
  co_search_meta_t m = {.account = account, .company = company, .type = "INTERVIEW", .date = "2026-03-01"};
  assert_int_equal(co_search_upsert(s, id, &m, text, err, sizeof(err)), CO_OK);
}

static co_search_t *index_of(co_vec_embedder_t *e, int with_bob) {
  char err[256], id[32], text[256], company[32];
  co_search_opts_t o;
  co_search_opts_default(&o);
  o.hnsw_threshold = 64; /* with bob's documents the vector side is HNSW */
  co_search_t *s = co_search_new(e, &o, err, sizeof(err));
  assert_non_null(s);
  for (int i = 0; with_bob && i < NBOB / 2; i++) { /* bob's before and after hers: ids interleave */
    snprintf(id, sizeof(id), "bob-%03d", i);
    snprintf(company, sizeof(company), "Globex %d", i);
    snprintf(text, sizeof(text), "Interview schedule: interview with Globex %d, interview loop, interview feedback.", i);
    add(s, id, "bob", company, text);
  }
  for (size_t i = 0; i < NALICE; i++) {
    snprintf(id, sizeof(id), "alice-%zu", i);
    add(s, id, "alice", "", alice_docs[i]);
  }
  for (int i = NBOB / 2; with_bob && i < NBOB; i++) {
    snprintf(id, sizeof(id), "bob-%03d", i);
    snprintf(company, sizeof(company), "Globex %d", i);
    snprintf(text, sizeof(text), "Interview schedule: interview with Globex %d, interview loop, interview feedback.", i);
    add(s, id, "bob", company, text);
  }
  return s;
}

/* alice's answer from both indexes, compared hit by hit. */
static void same_answer(co_search_t *mine, co_search_t *both, const char *text, co_search_mode_t mode, size_t k) {
  char err[256];
  co_search_query_t q = {.text = text, .k = k, .mode = mode, .account = "alice"};
  co_search_result_t *a = NULL, *b = NULL;
  assert_int_equal(co_search_query(mine, &q, &a, err, sizeof(err)), CO_OK);
  assert_int_equal(co_search_query(both, &q, &b, err, sizeof(err)), CO_OK);
  assert_true(a->n > 0);
  if (a->n != b->n) fail_msg("'%s' mode %d k %zu: %zu hits alone, %zu beside bob's", text, (int)mode, k, a->n, b->n);
  for (size_t i = 0; i < a->n; i++) {
    assert_string_equal(b->hits[i].account, "alice");
    /* equal scores may come in either order (FAISS flat and HNSW break ties apart) */
    if (strcmp(a->hits[i].doc_id, b->hits[i].doc_id) && a->hits[i].score != b->hits[i].score)
      fail_msg("'%s' mode %d k %zu hit %zu: %s alone (%g), %s beside bob's (%g)", text, (int)mode, k, i, a->hits[i].doc_id, (double)a->hits[i].score,
               b->hits[i].doc_id, (double)b->hits[i].score);
    if (a->hits[i].bm25_score != b->hits[i].bm25_score)
      fail_msg("'%s' mode %d: %s's BM25 score %g alone, %g beside bob's", text, (int)mode, a->hits[i].doc_id,
               (double)a->hits[i].bm25_score, (double)b->hits[i].bm25_score);
    assert_true(fabsf(a->hits[i].score - b->hits[i].score) < 1e-5f);
  }
  co_search_result_free(a);
  co_search_result_free(b);
}

static void account_query_ranks_only_its_documents(void **state) {
  (void)state;
  char err[256], path[] = "/tmp/co-search-account-XXXXXX";
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  assert_non_null(e);
  co_search_t *mine = index_of(e, 0), *both = index_of(e, 1);
  assert_string_equal(co_search_index_kind(both), "hnsw");
  static const char *const queries[] = {"interview schedule", "interview feedback", "offer salary"};
  co_search_mode_t modes[] = {CO_SEARCH_VECTOR, CO_SEARCH_BM25, CO_SEARCH_HYBRID};
  size_t ks[] = {1, 3, 10};
  for (int round = 0; round < 2; round++) {
    for (size_t qi = 0; qi < 3; qi++)
      for (size_t mi = 0; mi < 3; mi++)
        for (size_t ki = 0; ki < 3; ki++) same_answer(mine, both, queries[qi], modes[mi], ks[ki]);
    if (round) break;
    /* the per-account postings come back from a saved file */
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(co_search_save(both, path, 7, err, sizeof(err)), CO_OK);
    co_search_destroy(both);
    assert_non_null(both = co_search_load(path, e, NULL, err, sizeof(err)));
    unlink(path);
  }
  /* admin: no account filter, both accounts' documents */
  co_search_query_t q = {.text = "interview schedule", .k = 20, .mode = CO_SEARCH_HYBRID};
  co_search_result_t *r = NULL;
  assert_int_equal(co_search_query(both, &q, &r, err, sizeof(err)), CO_OK);
  int bob = 0;
  for (size_t i = 0; i < r->n; i++) bob += !strcmp(r->hits[i].account, "bob");
  assert_true(bob > 0);
  co_search_result_free(r);
  q.k = NBOB + NALICE;
  assert_int_equal(co_search_query(both, &q, &r, err, sizeof(err)), CO_OK);
  assert_true(st_has(r, "alice-0") && st_has(r, "bob-000"));
  co_search_result_free(r);
  /* an account with no document here: nothing, on every side */
  q.account = "carol";
  assert_int_equal(co_search_query(both, &q, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r->n, 0);
  co_search_result_free(r);
  /* removing bob's documents leaves alice's answer as before */
  char id[32];
  for (int i = 0; i < NBOB; i++) {
    snprintf(id, sizeof(id), "bob-%03d", i);
    assert_int_equal(co_search_remove(both, id, err, sizeof(err)), CO_OK);
  }
  same_answer(mine, both, "interview schedule", CO_SEARCH_BM25, 3);
  co_search_destroy(mine);
  co_search_destroy(both);
  co_vec_embedder_close(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(account_query_ranks_only_its_documents)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
