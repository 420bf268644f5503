/* Proves hybrid ranking beats both vector-only and BM25-only on the
 * labeled set data/search (600 briefings, 62 queries; made by
 * tools/gen_search_set.py), on recall@10 and on MRR@10, with the real
 * MiniLM embedder. Prints the table per mode and per query kind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_search.h"
#include "search_test_util.h"

#define K 10

static json_t *load_jsonl(const char *name) {
  char path[4096], line[8192];
  const char *src = getenv("CO_SOURCE_DIR");
  snprintf(path, sizeof(path), "%s/data/search/%s", src ? src : ".", name);
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    return NULL;
  }
  json_t *arr = json_array();
  while (fgets(line, sizeof(line), f)) {
    json_error_t je;
    json_t *o = json_loads(line, 0, &je);
    if (!o) {
      fprintf(stderr, "%s: %s\n", path, je.text);
      json_decref(arr);
      arr = NULL;
      break;
    }
    json_array_append_new(arr, o);
  }
  fclose(f);
  return arr;
}

static const char *str(json_t *o, const char *k) {
  return json_string_value(json_object_get(o, k));
}

typedef struct {
  double recall, mrr;
} metrics_t;

static metrics_t score_query(const co_search_result_t *r, json_t *relevant) {
  metrics_t m = {0, 0};
  size_t nrel = json_array_size(relevant), found = 0, i;
  json_t *v;
  for (size_t h = 0; h < r->n && h < K; h++) {
    int hit = 0;
    json_array_foreach(relevant, i, v) hit |= !strcmp(r->hits[h].doc_id, json_string_value(v));
    if (hit) {
      found++;
      if (m.mrr == 0) m.mrr = 1.0 / (double)(h + 1);
    }
  }
  m.recall = (double)found / (double)nrel;
  return m;
}

static void hybrid_beats_vector_and_bm25(void **state) {
  (void)state;
  char err[256], dir[4096];
  json_t *briefs = load_jsonl("briefings.jsonl"), *queries = load_jsonl("queries.jsonl"), *o;
  size_t i;
  assert_non_null(briefs);
  assert_non_null(queries);
  assert_true(json_array_size(briefs) >= 500);
  assert_true(json_array_size(queries) >= 50);
  assert_int_equal(co_vec_model_dir_default(dir, sizeof(dir), err, sizeof(err)), CO_OK);
  co_vec_embedder_t *e = co_vec_embedder_open(dir, err, sizeof(err));
  if (!e) fprintf(stderr, "MiniLM: %s (run scripts/install-model.sh)\n", err);
  assert_non_null(e);
  co_search_t *s = co_search_new(e, NULL, err, sizeof(err));
  assert_non_null(s);
  json_array_foreach(briefs, i, o) {
    co_search_meta_t m = {str(o, "account"), str(o, "company"), str(o, "type"), str(o, "date")};
    if (co_search_upsert(s, str(o, "id"), &m, str(o, "text"), err, sizeof(err)) != CO_OK) fail_msg("%s", err);
  }
  printf("indexed %zu briefings as %zu chunks (%s)\n", co_search_docs(s), co_search_chunks(s), co_search_index_kind(s));

  const char *kinds[] = {"company", "product", "person", "concept+city", "concept+tech", "concept+news", "concept"};
  enum { NKIND = 7 };
  const co_search_mode_t modes[] = {CO_SEARCH_VECTOR, CO_SEARCH_BM25, CO_SEARCH_HYBRID};
  const char *mode_names[] = {"vector", "bm25", "hybrid"};
  metrics_t tot[3] = {{0, 0}}, per[3][NKIND];
  size_t nk[NKIND] = {0};
  memset(per, 0, sizeof(per));
  json_array_foreach(queries, i, o) {
    size_t kind = 0;
    while (kind < NKIND && strcmp(kinds[kind], str(o, "kind"))) kind++;
    assert_true(kind < NKIND);
    nk[kind]++;
    for (int mi = 0; mi < 3; mi++) {
      co_search_query_t q = {.text = str(o, "text"), .k = K, .mode = modes[mi]};
      co_search_result_t *r = NULL;
      assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
      metrics_t m = score_query(r, json_object_get(o, "relevant"));
      tot[mi].recall += m.recall;
      tot[mi].mrr += m.mrr;
      per[mi][kind].recall += m.recall;
      per[mi][kind].mrr += m.mrr;
      co_search_result_free(r);
    }
  }
  double nq = (double)json_array_size(queries);
  printf("\n%-14s %5s   %-15s %-15s %-15s\n", "query kind", "n", "vector R@10/MRR", "bm25 R@10/MRR", "hybrid R@10/MRR");
  for (size_t k = 0; k < NKIND; k++) {
    printf("%-14s %5zu", kinds[k], nk[k]);
    for (int mi = 0; mi < 3; mi++)
      printf("   %.3f / %.3f  ", per[mi][k].recall / (double)nk[k], per[mi][k].mrr / (double)nk[k]);
    printf("\n");
  }
  printf("%-14s %5zu", "ALL", json_array_size(queries));
  for (int mi = 0; mi < 3; mi++) printf("   %.3f / %.3f  ", tot[mi].recall / nq, tot[mi].mrr / nq);
  printf("\n");
  for (int mi = 0; mi < 3; mi++)
    printf("%s: recall@10 %.3f  MRR@10 %.3f\n", mode_names[mi], tot[mi].recall / nq, tot[mi].mrr / nq);
  assert_true(tot[2].recall > tot[0].recall);
  assert_true(tot[2].recall > tot[1].recall);
  assert_true(tot[2].mrr > tot[0].mrr);
  assert_true(tot[2].mrr > tot[1].mrr);
  co_search_destroy(s);
  co_vec_embedder_close(e);
  json_decref(briefs);
  json_decref(queries);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(hybrid_beats_vector_and_bm25)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
