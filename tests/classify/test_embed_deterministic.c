/* Proves training with the embedding block is deterministic and the
 * embedding cache is exact: 20 rows of the corpus (4 per label) trained twice without a
 * cache (the embedder runs both times) give the same model bytes, and a
 * third training through a cache file, then a fourth reading only from it,
 * give those bytes again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "co_classify.h"
#include "co_classify_int.h"
#include "co_th.h"

/* First rows of each label from the corpus, up to per_label each. */
static void sample(const char *corpus, const char *out, int per_label) {
  FILE *in = fopen(corpus, "r"), *o = fopen(out, "w");
  assert_non_null(in);
  assert_non_null(o);
  static const char *const L[] = {"\"APPLIED\"", "\"INTERVIEW\"", "\"OFFER\"", "\"REJECTION\"", "\"OTHER\""};
  int got[5] = {0};
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, in) > 0)
    for (int k = 0; k < 5; k++)
      if (strstr(line, L[k]) && got[k] < per_label) {
        fputs(line, o);
        got[k]++;
        break;
      }
  free(line);
  fclose(in);
  fclose(o);
  for (int k = 0; k < 5; k++) assert_int_equal(got[k], per_label);
}

static void same_rows_same_bytes_with_and_without_cache(void **state) {
  (void)state;
  char err[512], corpus[600], rows[600], p[4][600], cache[600];
  char *dir = co_th_tmpdir("cls-emb-det");
  assert_non_null(dir);
  snprintf(corpus, sizeof(corpus), "%s/data/train/emails.jsonl", getenv("CO_SOURCE_DIR"));
  snprintf(rows, sizeof(rows), "%s/rows.jsonl", dir);
  snprintf(cache, sizeof(cache), "%s/cache.bin", dir);
  sample(corpus, rows, 4);
  for (int i = 0; i < 4; i++) snprintf(p[i], sizeof(p[i]), "%s/m%d.bin", dir, i);
  co_cls_trainfile_opt_t nocache = {.embed = 1}, cached = {.embed = 1, .embed_cache = cache};
  assert_int_equal(co_cls_train_file(rows, p[0], &nocache, err, sizeof(err)), CO_OK);
  assert_int_equal(co_cls_train_file(rows, p[1], &nocache, err, sizeof(err)), CO_OK);
  assert_int_equal(co_cls_train_file(rows, p[2], &cached, err, sizeof(err)), CO_OK);
  struct stat st;
  assert_int_equal(stat(cache, &st), 0);
  assert_int_equal(st.st_size, 16 + 20 * (8 + 384 * 4) + 8);
  assert_int_equal(co_cls_train_file(rows, p[3], &cached, err, sizeof(err)), CO_OK);
  size_t l0, li;
  char *d0 = co_th_read_file(p[0], &l0);
  assert_non_null(d0);
  assert_true(l0 > (1u << 18) * 5 * 4);
  for (int i = 1; i < 4; i++) {
    char *di = co_th_read_file(p[i], &li);
    assert_non_null(di);
    assert_int_equal(li, l0);
    assert_memory_equal(di, d0, l0);
    free(di);
  }
  free(d0);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(same_rows_same_bytes_with_and_without_cache)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
