/* co_pipeline_search.c: one query over a person's briefings and mail.
 *
 * Scatters the query over this instance's partition indexes (both kinds,
 * co_pipeline_index.c keeps them), embeds the query once for all of them,
 * and gathers the best k. Each hit says its kind ("briefing" or "email");
 * an email hit carries what a results list shows (sender, subject, the
 * application it belongs to and that application's stage now, after the
 * person's corrections), read from this instance's committed stores, so a
 * peer's answer is complete when it arrives.
 *
 * Relevance: the vector side keeps only chunks whose cosine reaches a
 * floor (search.min.score with MiniLM, or the query's min_score), so an
 * off-topic query returns nothing instead of every document at a low
 * score; the BM25 side only chunks holding half the query's words
 * (search.min.coverage), so one common word finds nothing. A query that is
 * exactly a hit's company or role (case aside) puts those hits first: a
 * person typing a name wants that company's mail, not mail that only
 * resembles it. docs/search.md has the measurements behind both. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_json.h"
#include "co_pipeline_int.h"

/* RRF's c, as co_search uses by default. */
#define CO_PL_RRF_K 10.0

static int by_key_desc(const void *a, const void *b, void *key) {
  double sx = json_number_value(json_object_get(*(json_t *const *)a, key));
  double sy = json_number_value(json_object_get(*(json_t *const *)b, key));
  return sx < sy ? 1 : sx > sy ? -1 : 0;
}

/* Exact-name hits first, then by score. */
static int by_rank(const void *a, const void *b, void *unused) {
  (void)unused;
  int ea = json_is_true(json_object_get(*(json_t *const *)a, "exact_match"));
  int eb = json_is_true(json_object_get(*(json_t *const *)b, "exact_match"));
  return ea != eb ? eb - ea : by_key_desc(a, b, "score");
}

/* Whether s equals q, case and q's outer spaces aside. */
static int same_name(const char *s, const char *q) {
  while (isspace((unsigned char)*q)) q++;
  size_t n = strlen(q);
  while (n && isspace((unsigned char)q[n - 1])) n--;
  return s && *s && strlen(s) == n && !strncasecmp(s, q, n);
}

json_t *co_pipeline_search_fuse(json_t *hits, const char *q, int hybrid, size_t k) {
  size_t n = json_array_size(hits), i;
  json_t **v = calloc(n ? n : 1, sizeof(*v)), *res = json_array(), *h;
  if (!v || !res) goto done;
  /* Hybrid scores are reciprocal ranks within one index: fuse again over
   * the union, from each side's own scores, so indexes compare fairly. */
  if (hybrid) {
    static const char *const sides[] = {"vector_score", "bm25_score"};
    json_array_foreach(hits, i, h) json_object_set_new(h, "score", json_real(0));
    for (int sd = 0; sd < 2; sd++) {
      size_t m = 0;
      json_array_foreach(hits, i, h) if (json_object_get(h, sides[sd])) v[m++] = h;
      qsort_r(v, m, sizeof(*v), by_key_desc, (void *)sides[sd]);
      for (size_t r = 0; r < m; r++)
        json_object_set_new(v[r], "score",
                            json_real(json_real_value(json_object_get(v[r], "score")) + 1.0 / (CO_PL_RRF_K + r + 1)));
    }
  }
  json_array_foreach(hits, i, h) {
    if (q && (same_name(co_json_str(h, "company"), q) || same_name(co_json_str(h, "role"), q)))
      json_object_set_new(h, "exact_match", json_true());
    v[i] = h;
  }
  qsort_r(v, n, sizeof(*v), by_rank, NULL);
  /* A document seen twice (a partition's old copy on an instance that no
   * longer owns it) counts once, at its best. */
  for (i = 0; i < n && json_array_size(res) < k; i++) {
    const char *id = json_string_value(json_object_get(v[i], "doc_id"));
    int dup = 0;
    for (size_t j = 0; j < i && id && !dup; j++) {
      const char *o = json_string_value(json_object_get(v[j], "doc_id"));
      dup = o && !strcmp(id, o);
    }
    if (!dup) json_array_append(res, v[i]);
  }
done:
  free(v);
  return res;
}

/* What a results list shows of the email under key (account \x1f id) of
 * part: sender, subject, role, its application and that one's stage now. */
static void add_email_fields(co_pipeline_t *p, int part, const char *key, json_t *o) {
  json_t *m = co_pl_rt_get_json(p->rt, CO_PL_STORE_EMAILS, part, key);
  if (!m) return;
  static const char *const copy[] = {"message_id", "from", "subject", "role", "application", NULL};
  for (int i = 0; copy[i]; i++)
    if (!json_is_null(json_object_get(m, copy[i])) && json_object_get(m, copy[i]))
      json_object_set(o, copy[i], json_object_get(m, copy[i])); /* "from" is an object: name, address */
  const char *ak = json_string_value(json_object_get(m, "application"));
  json_t *stored = ak ? co_pl_rt_get_json(p->rt, CO_PL_STORE_APPS, part, ak) : NULL;
  json_t *app = stored ? co_pl_corrections_overlay(p, part, ak, stored) : NULL; /* NULL: hidden or merged away */
  if (app && *co_json_str(app, "stage")) json_object_set(o, "stage", json_object_get(app, "stage"));
  json_decref(app);
  json_decref(stored);
  json_decref(m);
}

/* One kind's hits over every local partition, appended to all as JSON. */
static co_err_t query_kind(co_pipeline_t *p, co_pl_index_kind_t kind, const co_search_query_t *q, json_t *all,
                           char *errstr, size_t sz) {
  static const char *const kinds[] = {"briefing", "email"};
  for (int i = 0; i < co_pl_index_parts(p->index); i++) {
    co_search_result_t *r = NULL;
    co_err_t e = co_search_query(co_pl_index_of(p->index, kind, i), q, &r, errstr, sz);
    if (e) return e;
    for (size_t j = 0; j < r->n; j++) {
      co_search_hit_t *h = &r->hits[j];
      json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:f, s:s}", "kind", kinds[kind], "doc_id", h->doc_id,
                            "company", h->company, "account", h->account, "type", h->type, "date", h->date, "score",
                            (double)h->score, "snippet", h->snippet ? h->snippet : "");
      if (!o) continue;
      if (!isnan(h->vector_score)) json_object_set_new(o, "vector_score", json_real(h->vector_score));
      if (h->bm25_score > 0) json_object_set_new(o, "bm25_score", json_real(h->bm25_score));
      if (kind == CO_PL_INDEX_EMAILS) add_email_fields(p, i, h->doc_id, o);
      json_array_append_new(all, o);
    }
    co_search_result_free(r);
  }
  return CO_OK;
}

/* Scatter over the partitions' indexes of the kinds asked, gather the best k. */
static co_err_t query_local(co_pipeline_t *p, const co_search_query_t *q, int kinds, json_t **out, char *errstr,
                            size_t sz) {
  json_t *all = json_array();
  co_err_t e = CO_OK;
  co_search_query_t one = *q;
  co_vec_embedder_t *emb = co_pl_index_embedder(p->index);
  float *qv = NULL;
  if (!all) return CO_ERR_NOMEM;
  if (q->mode != CO_SEARCH_BM25 && !q->vector) { /* embed once for every index */
    if (!(qv = malloc(co_vec_embedder_dim(emb) * sizeof(float)))) e = CO_ERR_NOMEM;
    if (!e) e = co_vec_embed(emb, q->text, qv, errstr, sz);
    one.vector = qv;
  }
  for (int k = 0; k < 2 && !e; k++)
    if (kinds & (1 << k)) e = query_kind(p, (co_pl_index_kind_t)k, &one, all, errstr, sz);
  free(qv);
  if (e) {
    json_decref(all);
    return e;
  }
  json_t *res = co_pipeline_search_fuse(all, q->text, q->mode == CO_SEARCH_HYBRID, q->k ? q->k : 10);
  json_decref(all);
  *out = json_pack("{s:s, s:o}", "query", q->text, "results", res);
  return *out ? CO_OK : CO_ERR_NOMEM;
}

/* ---- public: search from a JSON query ---------------------------------- */

static co_search_mode_t mode_of(const char *m) {
  if (m && !strcmp(m, "vector")) return CO_SEARCH_VECTOR;
  if (m && !strcmp(m, "bm25")) return CO_SEARCH_BM25;
  return CO_SEARCH_HYBRID;
}

static const char *opt(json_t *q, const char *k) {
  const char *s = json_string_value(json_object_get(q, k));
  return s && *s ? s : NULL;
}

/* The "in" field as a set of index kinds (bit per co_pl_index_kind_t), 0 if bad. */
static int kinds_of(const char *in) {
  if (!in || !strcmp(in, "all")) return 3;
  if (!strcmp(in, "briefings")) return 1 << CO_PL_INDEX_BRIEFINGS;
  if (!strcmp(in, "mail")) return 1 << CO_PL_INDEX_EMAILS;
  return 0;
}

co_err_t co_pipeline_search(co_pipeline_t *p, const char *query_json, char **json_out, char *errstr,
                            size_t errstr_size) {
  json_error_t je;
  json_t *q = NULL, *out = NULL;
  co_err_t e;
  *json_out = NULL;
  if (!p->index) return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "search: the search index is not open");
  if (!(q = json_loads(query_json ? query_json : "", 0, &je)) || !json_is_object(q)) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: query is not a JSON object");
    goto done;
  }
  const char *m = opt(q, "mode");
  int kinds = kinds_of(opt(q, "in"));
  if (!opt(q, "q")) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: field \"q\" (the query text) is required");
    goto done;
  }
  if (m && strcmp(m, "vector") && strcmp(m, "bm25") && strcmp(m, "hybrid")) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: field \"mode\" must be hybrid, vector or bm25");
    goto done;
  }
  if (!kinds) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: field \"in\" must be all, mail or briefings");
    goto done;
  }
  json_int_t k = json_is_integer(json_object_get(q, "k")) ? json_integer_value(json_object_get(q, "k")) : 10;
  if (k < 1 || k > 100) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: field \"k\" must be 1..100");
    goto done;
  }
  co_search_query_t sq = {.text = opt(q, "q"),
                          .k = (size_t)k,
                          .mode = mode_of(m),
                          .account = opt(q, "account"),
                          .company = opt(q, "company"),
                          .type = opt(q, "type"),
                          .date_from = opt(q, "from"),
                          .date_to = opt(q, "to"),
                          /* the floor was measured on MiniLM's cosines; the hashed fallback's run lower */
                          .use_min_score = !strcmp(co_vec_embedder_id(co_pl_index_embedder(p->index)), "minilm-l6-v2"),
                          .min_score = (float)co_conf_dbl(p->conf, "search.min.score"),
                          .bm25_min_coverage = (float)co_conf_dbl(p->conf, "search.min.coverage")};
  json_t *ms = json_object_get(q, "min_score");
  if (json_is_number(ms)) sq.min_score = (float)json_number_value(ms), sq.use_min_score = 1;
  if ((e = query_local(p, &sq, kinds, &out, errstr, errstr_size))) goto done;
  if (!(*json_out = json_dumps(out, JSON_COMPACT))) e = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search: nomem");
done:
  json_decref(q);
  json_decref(out);
  return e;
}
