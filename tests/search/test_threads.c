/* Proves queries may run concurrently with each other and with writes:
 * four threads query while one thread upserts, replaces and removes other
 * documents (crossing the flat -> HNSW threshold and compacting). Every
 * query succeeds, and a document never touched by the writer is always
 * found first by its own code word. Run under ASan in CI. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "co_search.h"

#define READERS 4
#define STABLE 8

static co_search_t *g_s;
static int g_done, g_failures, g_queries;

static void *reader(void *arg) {
  char err[256], q[64], id[16];
  int n = 0, fails = 0;
  unsigned r = (unsigned)(size_t)arg;
  while (!__atomic_load_n(&g_done, __ATOMIC_SEQ_CST)) {
    int d = (int)(r++ % STABLE);
    snprintf(q, sizeof(q), "stablecode%d", d);
    snprintf(id, sizeof(id), "stable%d", d);
    co_search_query_t qq = {.text = q, .k = 3, .mode = (co_search_mode_t)(r % 3)};
    co_search_result_t *res = NULL;
    if (co_search_query(g_s, &qq, &res, err, sizeof(err)) != CO_OK) {
      fails++;
      continue;
    }
    /* VECTOR mode with hashed n-grams ranks by shared n-grams: the code
     * word still makes the stable document first. */
    if (res->n == 0 || strcmp(res->hits[0].doc_id, id) != 0) fails++;
    co_search_result_free(res);
    n++;
  }
  __atomic_add_fetch(&g_failures, fails, __ATOMIC_SEQ_CST);
  __atomic_add_fetch(&g_queries, n, __ATOMIC_SEQ_CST);
  return NULL;
}

static void queries_concurrent_with_writes(void **state) {
  (void)state;
  char err[256], id[16], text[512];
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  co_search_opts_t o;
  co_search_opts_default(&o);
  o.hnsw_threshold = 60;
  g_s = co_search_new(e, &o, err, sizeof(err));
  assert_non_null(g_s);
  for (int i = 0; i < STABLE; i++) {
    snprintf(id, sizeof(id), "stable%d", i);
    snprintf(text, sizeof(text), "This stable briefing carries stablecode%d and nothing more.", i);
    assert_int_equal(co_search_upsert(g_s, id, NULL, text, err, sizeof(err)), CO_OK);
  }
  pthread_t th[READERS];
  for (size_t i = 0; i < READERS; i++) pthread_create(&th[i], NULL, reader, (void *)i);
  for (int i = 0; i < 600; i++) {
    snprintf(id, sizeof(id), "churn%d", i % 90);
    if (i % 7 == 6) {
      co_err_t rc = co_search_remove(g_s, id, err, sizeof(err));
      assert_true(rc == CO_OK || rc == CO_ERR_NOT_FOUND);
      continue;
    }
    snprintf(text, sizeof(text), "Churning briefing %d about payments, robots and weather, version %d.", i % 90, i);
    assert_int_equal(co_search_upsert(g_s, id, NULL, text, err, sizeof(err)), CO_OK);
  }
  __atomic_store_n(&g_done, 1, __ATOMIC_SEQ_CST);
  for (size_t i = 0; i < READERS; i++) pthread_join(th[i], NULL);
  printf("%d queries during 600 writes, %d failures, index %s\n", g_queries, g_failures,
         co_search_index_kind(g_s));
  assert_true(g_queries > 0);
  assert_int_equal(g_failures, 0);
  assert_string_equal(co_search_index_kind(g_s), "hnsw");
  co_search_destroy(g_s);
  co_vec_embedder_close(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(queries_concurrent_with_writes)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
