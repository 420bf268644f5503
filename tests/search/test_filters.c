/* Proves metadata filters (account, company, type, date range, and their
 * combination) return exactly the matching documents on every mode, even
 * when the matches rank below k non-matching ones, and that a vector
 * score threshold returns exactly the documents whose best chunk reaches
 * it (checked against the unthresholded ranking). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_search.h"
#include "search_test_util.h"

#define NDOC 120
static const char *companies[] = {"Acme", "Borealis", "Cobalt", "Dune"};
static const char *types[] = {"INTERVIEW", "OFFER", "REJECTION"};

static void meta_of(int i, co_search_meta_t *m, char *date) {
  sprintf(date, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28);
  m->account = i % 2 ? "a@x.org" : "b@x.org";
  m->company = companies[i % 4];
  m->type = types[i % 3];
  m->date = date;
}

static co_search_t *fill(co_vec_embedder_t *e) {
  char err[256], id[16], text[256], date[16];
  co_search_t *s = co_search_new(e, NULL, err, sizeof(err));
  assert_non_null(s);
  for (int i = 0; i < NDOC; i++) {
    co_search_meta_t m;
    meta_of(i, &m, date);
    snprintf(id, sizeof(id), "d%03d", i);
    snprintf(text, sizeof(text), "Briefing %d: the team works on payments infrastructure and fraud models.", i);
    assert_int_equal(co_search_upsert(s, id, &m, text, err, sizeof(err)), CO_OK);
  }
  return s;
}

static int want(int i, const co_search_query_t *q) {
  char date[16];
  co_search_meta_t m;
  meta_of(i, &m, date);
  return (!q->account || !strcmp(q->account, m.account)) && (!q->company || !strcmp(q->company, m.company)) &&
         (!q->type || !strcmp(q->type, m.type)) && (!q->date_from || strcmp(m.date, q->date_from) >= 0) &&
         (!q->date_to || strcmp(m.date, q->date_to) <= 0);
}

static void filters_exact(void **state) {
  (void)state;
  char err[256], id[16];
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  co_search_t *s = fill(e);
  co_search_query_t qs[] = {
      {.company = "Cobalt"},
      {.type = "OFFER"},
      {.date_from = "2026-03-01", .date_to = "2026-05-31"},
      {.account = "a@x.org", .company = "Borealis", .type = "REJECTION"},
      {.company = "Acme", .date_from = "2026-11-01"},
      {.company = "Nobody"},
  };
  co_search_mode_t modes[] = {CO_SEARCH_VECTOR, CO_SEARCH_BM25, CO_SEARCH_HYBRID};
  for (size_t qi = 0; qi < sizeof(qs) / sizeof(qs[0]); qi++)
    for (size_t mi = 0; mi < 3; mi++) {
      co_search_query_t q = qs[qi];
      co_search_result_t *r = NULL;
      q.text = "payments fraud";
      q.k = NDOC;
      q.mode = modes[mi];
      assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
      size_t expect = 0;
      for (int i = 0; i < NDOC; i++) {
        snprintf(id, sizeof(id), "d%03d", i);
        expect += want(i, &q);
        assert_int_equal(st_has(r, id), want(i, &q));
      }
      assert_int_equal(r->n, expect);
      co_search_result_free(r);
      /* Small k: still only matching documents, and k of them if there are. */
      q.k = 3;
      assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
      assert_int_equal(r->n, expect < 3 ? expect : 3);
      for (size_t h = 0; h < r->n; h++) assert_true(want(atoi(r->hits[h].doc_id + 1), &q));
      co_search_result_free(r);
    }
  co_search_destroy(s);
  co_vec_embedder_close(e);
}

static void threshold_exact(void **state) {
  (void)state;
  char err[256];
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  co_search_t *s = fill(e);
  co_search_query_t q = {.text = "Briefing 17: payments", .k = NDOC, .mode = CO_SEARCH_VECTOR};
  co_search_result_t *all = NULL, *r = NULL;
  assert_int_equal(co_search_query(s, &q, &all, err, sizeof(err)), CO_OK);
  assert_int_equal(all->n, NDOC);
  /* A threshold between the 10th and 11th best scores. */
  float thr = (all->hits[9].score + all->hits[10].score) / 2;
  assert_true(all->hits[9].score > all->hits[10].score);
  q.use_min_score = 1;
  q.min_score = thr;
  assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r->n, 10);
  for (size_t i = 0; i < r->n; i++) {
    assert_string_equal(r->hits[i].doc_id, all->hits[i].doc_id);
    assert_true(r->hits[i].vector_score >= thr);
  }
  co_search_result_free(r);
  /* Threshold plus a filter. */
  q.company = "Borealis";
  assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
  size_t expect = 0;
  for (size_t i = 0; i < 10; i++) expect += !strcmp(all->hits[i].company, "Borealis");
  assert_int_equal(r->n, expect);
  co_search_result_free(r);
  /* Above every score: nothing. */
  q.company = NULL;
  q.min_score = all->hits[0].score + 0.01f;
  assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r->n, 0);
  co_search_result_free(r);
  co_search_result_free(all);
  co_search_destroy(s);
  co_vec_embedder_close(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(filters_exact), cmocka_unit_test(threshold_exact)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
