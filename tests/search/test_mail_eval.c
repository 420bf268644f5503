/* Search over mail, measured on data/search/mail*.jsonl (258 job emails of
 * 90 made-up companies, 53 queries that have answers and 20 off-topic
 * ones; made by tools/gen_mail_search_set.py) with the real MiniLM
 * embedder and the pipeline's own ranking step (co_pipeline_search_fuse:
 * exact company/role names first) at the pipeline's relevance floor
 * (search.min.score's default).
 *
 * Proves: hybrid has the best recall@10 and MRR@10 on the queries with
 * answers, and at least 95% of off-topic queries return nothing in hybrid
 * mode. Prints recall@10 / MRR@10 per mode and query kind, the off-topic
 * empty rate per mode, and hybrid's figures over a sweep of floors (the
 * curve the default was read from). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_conf.h"
#include "co_pipeline.h"
#include "co_search.h"
#include "search_test_util.h"

#define K 10

static json_t *load_jsonl(const char *name) {
  char path[4096];
  const char *src = getenv("CO_SOURCE_DIR");
  snprintf(path, sizeof(path), "%s/data/search/%s", src ? src : ".", name);
  FILE *f = fopen(path, "r");
  json_t *arr = f ? json_array() : NULL;
  char line[8192];
  while (f && fgets(line, sizeof(line), f)) json_array_append_new(arr, json_loads(line, 0, NULL));
  if (f) fclose(f);
  return arr;
}

static const char *str(json_t *o, const char *k) {
  return json_string_value(json_object_get(o, k));
}

/* A setting's default, from the settings table. */
static float default_of(const char *name) {
  int n = 0;
  const co_conf_prop_t *t = co_conf_props(&n);
  for (int i = 0; i < n; i++)
    if (!strcmp(t[i].name, name)) return (float)atof(t[i].def);
  fail_msg("%s is not in the settings table", name);
  return 0;
}

static float cover; /* search.min.coverage, or the sweep's value */

/* Runs one query as the pipeline ranks it: the index's hits as JSON (role
 * added as the pipeline adds it from the email), then the fuse step. */
static json_t *run(co_search_t *s, json_t *roles, const char *text, co_search_mode_t mode, float floor) {
  char err[256];
  co_search_query_t q = {.text = text, .k = K, .mode = mode, .use_min_score = 1, .min_score = floor,
                         .bm25_min_coverage = cover};
  co_search_result_t *r = NULL;
  assert_int_equal(co_search_query(s, &q, &r, err, sizeof(err)), CO_OK);
  json_t *hits = json_array();
  for (size_t i = 0; i < r->n; i++) {
    json_t *h = json_pack("{s:s, s:s, s:f, s:O}", "doc_id", r->hits[i].doc_id, "company", r->hits[i].company,
                          "score", (double)r->hits[i].score, "role", json_object_get(roles, r->hits[i].doc_id));
    if (!isnan(r->hits[i].vector_score)) json_object_set_new(h, "vector_score", json_real(r->hits[i].vector_score));
    if (r->hits[i].bm25_score > 0) json_object_set_new(h, "bm25_score", json_real(r->hits[i].bm25_score));
    json_array_append_new(hits, h);
  }
  co_search_result_free(r);
  json_t *best = co_pipeline_search_fuse(hits, text, mode == CO_SEARCH_HYBRID, K);
  json_decref(hits);
  return best;
}

typedef struct {
  double recall, mrr;
  size_t n, empty;
} metrics_t;

static void score(metrics_t *m, json_t *best, json_t *relevant) {
  size_t nrel = json_array_size(relevant), found = 0, i, j;
  json_t *h, *v;
  double rr = 0;
  m->n++;
  m->empty += json_array_size(best) == 0;
  if (!nrel) return;
  json_array_foreach(best, i, h) {
    int hit = 0;
    json_array_foreach(relevant, j, v) hit |= !strcmp(str(h, "doc_id"), json_string_value(v));
    if (hit && !found++) rr = 1.0 / (double)(i + 1);
  }
  m->recall += (double)found / (double)(nrel < K ? nrel : K);
  m->mrr += rr;
}

static const char *const kinds[] = {"company", "role", "person", "paraphrase", "topic", "off-topic"};
enum { NKIND = 6, OFF = 5 };

static size_t kind_of(json_t *q) {
  size_t k = 0;
  while (k < NKIND && strcmp(kinds[k], str(q, "kind"))) k++;
  assert_true(k < NKIND);
  return k;
}

static void hybrid_finds_mail_and_off_topic_finds_nothing(void **state) {
  (void)state;
  char err[256], dir[4096];
  json_t *mail = load_jsonl("mail.jsonl"), *queries = load_jsonl("mail_queries.jsonl"), *o, *roles = json_object();
  size_t i;
  assert_non_null(mail);
  assert_non_null(queries);
  assert_true(json_array_size(mail) >= 200);
  assert_int_equal(co_vec_model_dir_default(dir, sizeof(dir), err, sizeof(err)), CO_OK);
  co_vec_embedder_t *e = co_vec_embedder_open(dir, err, sizeof(err));
  if (!e) fail_msg("MiniLM: %s (run scripts/install-model.sh)", err);
  co_search_t *s = co_search_new(e, NULL, err, sizeof(err));
  assert_non_null(s);
  json_array_foreach(mail, i, o) {
    co_search_meta_t m = {str(o, "account"), str(o, "company"), str(o, "type"), str(o, "date")};
    if (co_search_upsert(s, str(o, "id"), &m, str(o, "text"), err, sizeof(err)) != CO_OK) fail_msg("%s", err);
    json_object_set(roles, str(o, "id"), json_object_get(o, "role"));
  }
  float floor = default_of("search.min.score");
  cover = default_of("search.min.coverage");
  printf("indexed %zu emails as %zu chunks; floor %.2f, coverage %.2f\n", co_search_docs(s), co_search_chunks(s),
         (double)floor, (double)cover);

  const co_search_mode_t modes[] = {CO_SEARCH_VECTOR, CO_SEARCH_BM25, CO_SEARCH_HYBRID};
  const char *mode_names[] = {"vector", "bm25", "hybrid"};
  metrics_t per[3][NKIND], tot[3];
  memset(per, 0, sizeof(per));
  memset(tot, 0, sizeof(tot));
  json_array_foreach(queries, i, o) {
    size_t k = kind_of(o);
    for (int mi = 0; mi < 3; mi++) {
      json_t *best = run(s, roles, str(o, "text"), modes[mi], floor);
      score(&per[mi][k], best, json_object_get(o, "relevant"));
      if (k != OFF) score(&tot[mi], best, json_object_get(o, "relevant"));
      json_decref(best);
    }
  }
  printf("\n%-11s %4s   %-15s %-15s %-15s\n", "query kind", "n", "vector R@10/MRR", "bm25 R@10/MRR", "hybrid R@10/MRR");
  for (size_t k = 0; k < OFF; k++) {
    printf("%-11s %4zu", kinds[k], per[0][k].n);
    for (int mi = 0; mi < 3; mi++)
      printf("   %.3f / %.3f  ", per[mi][k].recall / (double)per[mi][k].n, per[mi][k].mrr / (double)per[mi][k].n);
    printf("\n");
  }
  printf("%-11s %4zu", "ALL", tot[0].n);
  for (int mi = 0; mi < 3; mi++)
    printf("   %.3f / %.3f  ", tot[mi].recall / (double)tot[mi].n, tot[mi].mrr / (double)tot[mi].n);
  printf("\n%-11s %4zu", "off-topic", per[0][OFF].n);
  for (int mi = 0; mi < 3; mi++) printf("   empty %.2f       ", (double)per[mi][OFF].empty / (double)per[mi][OFF].n);
  printf("\n\nhybrid: floor coverage  R@10   MRR    off-topic empty\n");
  static const float sweep[] = {0.0f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f};
  static const float covers[] = {0.0f, 0.3f, 0.4f, 0.5f, 0.6f};
  float keep = cover;
  for (size_t c = 0; c < sizeof(covers) / sizeof(covers[0]); c++)
    for (size_t f = 0; f < sizeof(sweep) / sizeof(sweep[0]); f++) {
      metrics_t on, off;
      memset(&on, 0, sizeof(on));
      memset(&off, 0, sizeof(off));
      cover = covers[c];
      json_array_foreach(queries, i, o) {
        json_t *best = run(s, roles, str(o, "text"), CO_SEARCH_HYBRID, sweep[f]);
        score(kind_of(o) == OFF ? &off : &on, best, json_object_get(o, "relevant"));
        json_decref(best);
      }
      printf("        %.2f  %.2f      %.3f  %.3f  %.2f\n", (double)sweep[f], (double)covers[c],
             on.recall / (double)on.n, on.mrr / (double)on.n, (double)off.empty / (double)off.n);
    }
  cover = keep;
  for (int mi = 0; mi < 3; mi++)
    printf("%s: recall@10 %.3f  MRR@10 %.3f  off-topic empty %.2f\n", mode_names[mi], tot[mi].recall / (double)tot[mi].n,
           tot[mi].mrr / (double)tot[mi].n, (double)per[mi][OFF].empty / (double)per[mi][OFF].n);
  assert_true(tot[2].recall >= tot[0].recall && tot[2].recall >= tot[1].recall);
  assert_true(tot[2].mrr >= tot[0].mrr && tot[2].mrr >= tot[1].mrr);
  assert_true((double)per[2][OFF].empty >= 0.95 * (double)per[2][OFF].n);
  co_search_destroy(s);
  co_vec_embedder_close(e);
  json_decref(roles);
  json_decref(mail);
  json_decref(queries);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(hybrid_finds_mail_and_off_topic_finds_nothing)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
