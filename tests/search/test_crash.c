/* Proves the saved index survives SIGKILL at any moment: a child upserts,
 * replaces and removes documents and saves after every few operations
 * (seq = operation number); it is killed at a random point (possibly mid
 * save). The file then loads, and equals a rebuild that replays the same
 * operations up to the saved seq: the same documents and the same top-k,
 * scores and snippets for sample queries in every mode. Three rounds;
 * the seed is printed so a failure can be replayed (SEARCH_CRASH_SEED). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "co_search.h"
#include "co_th.h"
#include "search_test_util.h"

#define NDOC 37
#define ROUNDS 3

static const char *topics[] = {"distributed databases",
                               "payments",
                               "observability",
                               "robotics",
                               "climate",
                               "genomics",
                               "compilers",
                               "logistics",
                               "streaming",
                               "security"};

/* Operation i (from 1): every 5th removes a document, the others upsert one
 * (replacing it when it exists). Deterministic in i. */
static co_err_t apply_op(co_search_t *s, uint64_t i, char *err, size_t errsz) {
  char id[16], text[4096], date[16];
  if (i % 5 == 0) {
    snprintf(id, sizeof(id), "d%02d", (int)((i * 7) % NDOC));
    co_err_t e = co_search_remove(s, id, err, errsz);
    return e == CO_ERR_NOT_FOUND ? CO_OK : e;
  }
  snprintf(id, sizeof(id), "d%02d", (int)(i % NDOC));
  snprintf(date, sizeof(date), "2026-%02d-%02d", (int)(1 + i % 12), (int)(1 + i % 28));
  co_search_meta_t m = {"me@x.org", i % 3 ? "Acme" : "Borealis", i % 2 ? "INTERVIEW" : "OFFER", date};
  text[0] = '\0';
  for (uint64_t j = 0; j < 2 + i % 11; j++) {
    size_t n = strlen(text);
    snprintf(text + n, sizeof(text) - n, "Version %lu sentence %lu of this briefing is about %s and %s. ",
             (unsigned long)i, (unsigned long)j, topics[(i + j) % 10], topics[(i * 3 + j) % 10]);
  }
  return co_search_upsert(s, id, &m, text, err, errsz);
}

static void child(const char *path, volatile uint64_t *progress) {
  char err[256];
  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  co_search_t *s = e ? co_search_new(e, NULL, err, sizeof(err)) : NULL;
  if (!s) _exit(2);
  for (uint64_t i = 1;; i++) {
    if (apply_op(s, i, err, sizeof(err)) != CO_OK) _exit(3);
    if (i % 3 == 0 && co_search_save(s, path, i, err, sizeof(err)) != CO_OK) _exit(4);
    __atomic_store_n(progress, i, __ATOMIC_SEQ_CST);
  }
}

static void assert_equal(co_search_t *a, co_search_t *b) {
  char err[256];
  co_search_mode_t modes[] = {CO_SEARCH_VECTOR, CO_SEARCH_BM25, CO_SEARCH_HYBRID};
  assert_int_equal(co_search_docs(a), co_search_docs(b));
  assert_int_equal(co_search_chunks(a), co_search_chunks(b));
  /* Every document says "briefing": BM25 over it lists them all. */
  co_search_query_t all = {.text = "briefing", .k = 1000, .mode = CO_SEARCH_BM25};
  co_search_result_t *ra = NULL, *rb = NULL;
  assert_int_equal(co_search_query(a, &all, &ra, err, sizeof(err)), CO_OK);
  assert_int_equal(co_search_query(b, &all, &rb, err, sizeof(err)), CO_OK);
  assert_int_equal(ra->n, co_search_docs(a));
  assert_int_equal(rb->n, ra->n);
  for (size_t i = 0; i < ra->n; i++) assert_true(st_has(rb, ra->hits[i].doc_id));
  co_search_result_free(ra);
  co_search_result_free(rb);
  for (int t = 0; t < 10; t++)
    for (int m = 0; m < 3; m++) {
      co_search_query_t q = {.text = topics[t], .k = 5, .mode = modes[m], .type = t % 2 ? "OFFER" : NULL};
      assert_int_equal(co_search_query(a, &q, &ra, err, sizeof(err)), CO_OK);
      assert_int_equal(co_search_query(b, &q, &rb, err, sizeof(err)), CO_OK);
      assert_int_equal(ra->n, rb->n);
      for (size_t i = 0; i < ra->n; i++) {
        assert_string_equal(ra->hits[i].doc_id, rb->hits[i].doc_id);
        assert_true(fabsf(ra->hits[i].score - rb->hits[i].score) < 1e-5f);
        assert_string_equal(ra->hits[i].snippet, rb->hits[i].snippet);
        assert_string_equal(ra->hits[i].date, rb->hits[i].date);
      }
      co_search_result_free(ra);
      co_search_result_free(rb);
    }
}

static void index_after_kill_equals_rebuild(void **state) {
  (void)state;
  char err[256], path[ROUNDS][4200];
  char *dirs[ROUNDS];
  const char *env = getenv("SEARCH_CRASH_SEED");
  unsigned seed = env ? (unsigned)atoi(env) : (unsigned)time(NULL) ^ (unsigned)getpid();
  printf("seed %u (SEARCH_CRASH_SEED to replay)\n", seed);
  srand(seed);
  /* All children first: the parent runs no searches (and so starts no
   * OpenMP threads) before it forks. */
  volatile uint64_t *progress = mmap(NULL, sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  assert_true(progress != MAP_FAILED);
  for (int r = 0; r < ROUNDS; r++) {
    dirs[r] = co_th_tmpdir("search-crash");
    snprintf(path[r], sizeof(path[r]), "%s/index.cos", dirs[r]);
    uint64_t target = 30 + (uint64_t)(rand() % 300);
    *progress = 0;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) child(path[r], progress);
    int ok = CO_TH_WAIT_UNTIL(__atomic_load_n(progress, __ATOMIC_SEQ_CST) >= target, 60000);
    kill(pid, SIGKILL);
    int st;
    waitpid(pid, &st, 0);
    assert_true(ok);
    assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL); /* it was still working, not failed */
    printf("round %d: killed after operation >= %lu\n", r, (unsigned long)target);
  }
  munmap((void *)progress, sizeof(uint64_t));

  co_vec_embedder_t *e = co_vec_embedder_open_hash(384, err, sizeof(err));
  for (int r = 0; r < ROUNDS; r++) {
    uint64_t seq = 0;
    co_search_t *loaded = co_search_load(path[r], e, &seq, err, sizeof(err));
    if (!loaded) fail_msg("round %d: %s", r, err);
    assert_true(seq >= 3 && seq % 3 == 0);
    co_search_t *rebuilt = co_search_new(e, NULL, err, sizeof(err));
    for (uint64_t i = 1; i <= seq; i++) assert_int_equal(apply_op(rebuilt, i, err, sizeof(err)), CO_OK);
    printf("round %d: saved seq %lu, %zu documents, %zu chunks\n", r, (unsigned long)seq, co_search_docs(loaded),
           co_search_chunks(loaded));
    assert_equal(loaded, rebuilt);
    /* The caller's restart path: re-apply what came after seq, and both
     * stay equal. */
    for (uint64_t i = seq + 1; i <= seq + 20; i++) {
      assert_int_equal(apply_op(loaded, i, err, sizeof(err)), CO_OK);
      assert_int_equal(apply_op(rebuilt, i, err, sizeof(err)), CO_OK);
    }
    assert_equal(loaded, rebuilt);
    co_search_destroy(loaded);
    co_search_destroy(rebuilt);
    co_th_rm_rf(dirs[r]);
    free(dirs[r]);
  }
  co_vec_embedder_close(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(index_after_kill_equals_rebuild)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
