/* co_pipeline_index.c: the briefings' search index, derived state.
 *
 * The "briefings" store is the source of truth; each partition's store also
 * keeps a change log (sequence -> company, written with the briefing in one
 * transaction). This module keeps one co_search index per partition and a
 * thread that follows those change logs through committed reads, upserting
 * each changed briefing. The index is saved to state.dir/search/p<N>.idx
 * with the sequence it reflects (atomic rename), so a restart, even after a
 * SIGKILL mid-indexing, loads the last saved file and replays only the
 * entries after its sequence: the result equals a rebuild from the store.
 * A saved index newer than its store (a store rebuilt from an older
 * changelog) is dropped and rebuilt.
 *
 * Documents are per account, like the briefings: a document's id is its
 * briefing's store key (company \x1f account) and its account metadata the
 * briefing's account, so a search with an account filter (an account
 * token's) ranks that account's documents only, inside the index
 * (co_search_query). An older version's briefings of every account (bare
 * company keys) are never indexed, and its index files (p<N>.idx, one
 * document per company) are deleted at open: the p<N>.v2.idx files are
 * rebuilt from the change log.
 *
 * Embedder: MiniLM when its weights are installed, else the hashed n-gram
 * embedder (logged); a saved index from the other embedder is rebuilt. */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "co_json.h"
#include "co_log.h"
#include "co_pipeline_int.h"
#include "co_time.h"

/* Change-log entries read per step of a sync (see sync_part). */
#define CO_PL_INDEX_WINDOW 256

struct co_pl_index_s {
  co_pipeline_t *p;
  co_vec_embedder_t *emb;
  int nparts;
  co_search_t **idx;
  uint64_t *seq;   /* change-log sequence each index reflects */
  uint64_t *saved; /* sequence of the last saved file */
  pthread_mutex_t lock; /* one syncer at a time (thread or caller) */
  pthread_mutex_t wlock;
  pthread_cond_t wake;
  pthread_t thr;
  int started, stop;
  char dir[1024];
};

static void part_path(co_pl_index_t *ix, int part, char *buf, size_t size) {
  snprintf(buf, size, "%s/p%d.v2.idx", ix->dir, part);
}

/* An older version's index file of part: documents per company, folded over
 * every account. Removed at open, never loaded. */
static void drop_legacy(co_pl_index_t *ix, int part) {
  char path[1100];
  snprintf(path, sizeof(path), "%s/p%d.idx", ix->dir, part);
  if (!unlink(path))
    CO_LOGKV(CO_LOG_INFO, "index", "removed a per-company briefing index of an older version; rebuilding per account",
             "path", path);
}


/* The store's change-log head for part, or -1 when the partition is not
 * readable here (not owned in Kafka mode) or has no briefings yet (0). */
static long long store_seq(co_pipeline_t *p, int part) {
  void *v;
  size_t vl;
  co_err_t e = co_rt_store_get(p->rt, CO_PL_STORE_BRIEFINGS, part, CO_PL_BR_SEQ, strlen(CO_PL_BR_SEQ), &v, &vl);
  if (e == CO_ERR_NOT_FOUND) return 0;
  if (e) return -1;
  long long s = atoll(v);
  free(v);
  return s;
}

/* The latest dated history entry, else updated_at: the date filters see it. */
static const char *briefing_date(json_t *b) {
  json_t *h = json_object_get(b, "history");
  size_t n = json_array_size(h);
  const char *d = n ? co_json_str(json_array_get(h, n - 1), "at") : "";
  return *d ? d : co_json_str(b, "updated_at");
}

/* Indexes the briefing stored under key (company \x1f account). */
static co_err_t upsert_briefing(co_pl_index_t *ix, int part, const char *key, char *errstr, size_t sz) {
  const char *sep = strchr(key, '\x1f');
  if (!sep) return CO_OK; /* an older version's briefing of every account: not served, not indexed */
  json_t *b = co_pl_rt_get_json(ix->p->rt, CO_PL_STORE_BRIEFINGS, part, key);
  if (!b) return CO_OK; /* deleted meanwhile: nothing to index */
  char *company = strndup(key, (size_t)(sep - key));
  if (!company) {
    json_decref(b);
    return co_seterr(errstr, sz, CO_ERR_NOMEM, "index: out of memory");
  }
  co_search_meta_t m = {.account = sep + 1, /* the key's, whatever the value says */
                        .company = company,
                        .type = json_string_value(json_object_get(b, "type")),
                        .date = briefing_date(b)};
  co_err_t e = co_search_upsert(ix->idx[part], key, &m, co_json_str(b, "text"), errstr, sz);
  free(company);
  json_decref(b);
  return e;
}

static co_search_t *fresh_index(co_pl_index_t *ix, char *errstr, size_t sz) {
  co_search_opts_t o;
  co_search_opts_default(&o);
  o.hnsw_threshold = (size_t)co_conf_int(ix->p->conf, "vector.hnsw.threshold");
  return co_search_new(ix->emb, &o, errstr, sz);
}

/* Brings part's index up to its store; saves when asked and changed. */
static co_err_t sync_part(co_pl_index_t *ix, int part, int save, char *errstr, size_t sz) {
  long long head = store_seq(ix->p, part);
  co_err_t e = CO_OK;
  if (head < 0) return CO_OK;
  if ((uint64_t)head < ix->seq[part]) { /* store older than the index: rebuild */
    co_search_t *n = fresh_index(ix, errstr, sz);
    if (!n) return CO_ERR_NOMEM;
    co_search_destroy(ix->idx[part]);
    ix->idx[part] = n;
    ix->seq[part] = 0;
  }
  /* A window of change-log entries names each changed briefing once: a
   * briefing updated 30 times since the last sync is embedded once, at its
   * latest. The sequence moves past the window only when all of it is
   * indexed. Stop between briefings: the rest is indexed at the next start. */
  while (ix->seq[part] < (uint64_t)head && !e && !__atomic_load_n(&ix->stop, __ATOMIC_RELAXED)) {
    uint64_t end = ix->seq[part] + CO_PL_INDEX_WINDOW < (uint64_t)head ? ix->seq[part] + CO_PL_INDEX_WINDOW
                                                                         : (uint64_t)head;
    char *names[CO_PL_INDEX_WINDOW];
    int n = 0;
    for (uint64_t q = ix->seq[part] + 1; q <= end; q++) {
      char key[64];
      void *c = NULL;
      size_t cl;
      co_pl_briefing_chg_key((long long)q, key, sizeof(key));
      if (co_rt_store_get(ix->p->rt, CO_PL_STORE_BRIEFINGS, part, key, strlen(key), &c, &cl) != CO_OK) continue;
      int dup = 0;
      for (int i = 0; i < n && !dup; i++) dup = !strcmp(names[i], c); /* NUL-terminated by the store */
      if (dup)
        free(c);
      else
        names[n++] = c;
    }
    for (int i = 0; i < n; i++) {
      if (!e && !__atomic_load_n(&ix->stop, __ATOMIC_RELAXED))
        e = upsert_briefing(ix, part, names[i], errstr, sz);
      else if (!e)
        e = CO_ERR_UNSUPPORTED; /* stopping: leave the window for the next start */
      free(names[i]);
    }
    if (e == CO_ERR_UNSUPPORTED) {
      e = CO_OK;
      break;
    }
    if (!e) ix->seq[part] = end;
  }
  if (!e && save && ix->seq[part] != ix->saved[part]) {
    char path[1100];
    part_path(ix, part, path, sizeof(path));
    if (!(e = co_search_save(ix->idx[part], path, ix->seq[part], errstr, sz))) ix->saved[part] = ix->seq[part];
  }
  return e;
}

co_err_t co_pl_index_sync(co_pl_index_t *ix, int save, char *errstr, size_t sz) {
  co_err_t first = CO_OK;
  pthread_mutex_lock(&ix->lock);
  for (int i = 0; i < ix->nparts; i++) {
    co_err_t e = sync_part(ix, i, save, errstr, sz);
    if (e && !first) first = e;
  }
  pthread_mutex_unlock(&ix->lock);
  return first;
}

static void *index_main(void *arg) {
  co_pl_index_t *ix = arg;
  char err[256];
  int64_t last_save = 0;
  pthread_mutex_lock(&ix->wlock);
  while (!ix->stop) {
    pthread_mutex_unlock(&ix->wlock);
    int64_t ms = co_time_mono_ms();
    int save = ms - last_save >= 2000;
    if (co_pl_index_sync(ix, save, err, sizeof(err)))
      CO_LOGKV(CO_LOG_WARN, "index", "briefing index sync failed; retrying", "error", err);
    if (save) last_save = ms;
    pthread_mutex_lock(&ix->wlock);
    if (ix->stop) break;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 300 * 1000000L;
    if (until.tv_nsec >= 1000000000L) until.tv_sec++, until.tv_nsec -= 1000000000L;
    pthread_cond_timedwait(&ix->wake, &ix->wlock, &until);
  }
  pthread_mutex_unlock(&ix->wlock);
  return NULL;
}

co_pl_index_t *co_pl_index_new(co_pipeline_t *p, char *errstr, size_t sz) {
  co_pl_index_t *ix = calloc(1, sizeof(*ix));
  char err[256];
  if (!ix) goto nomem;
  ix->p = p;
  pthread_mutex_init(&ix->lock, NULL);
  pthread_mutex_init(&ix->wlock, NULL);
  pthread_cond_init(&ix->wake, NULL);
  const char *md = co_conf_str(p->conf, "embed.model.dir");
  if (!(ix->emb = co_vec_embedder_open(md, err, sizeof(err)))) {
    CO_LOGKV(CO_LOG_WARN, "index", "MiniLM embedder unavailable; using the hashed n-gram embedder", "error", err);
    if (!(ix->emb = co_vec_embedder_open_hash(CO_VEC_MINILM_DIM, errstr, sz))) goto err;
  }
  snprintf(ix->dir, sizeof(ix->dir), "%s/search", co_conf_str(p->conf, "state.dir"));
  if (mkdir(ix->dir, 0700) && errno != EEXIST) {
    co_seterr(errstr, sz, CO_ERR_IO, "index: cannot create %s: %s", ix->dir, strerror(errno));
    goto err;
  }
  ix->nparts = co_rt_partitions(p->rt);
  if (!(ix->idx = calloc((size_t)ix->nparts, sizeof(*ix->idx))) ||
      !(ix->seq = calloc((size_t)ix->nparts, sizeof(*ix->seq))) ||
      !(ix->saved = calloc((size_t)ix->nparts, sizeof(*ix->saved))))
    goto nomem;
  for (int i = 0; i < ix->nparts; i++) {
    char path[1100];
    uint64_t seq = 0;
    part_path(ix, i, path, sizeof(path));
    drop_legacy(ix, i);
    errno = 0;
    if ((ix->idx[i] = co_search_load(path, ix->emb, &seq, err, sizeof(err)))) {
      ix->seq[i] = ix->saved[i] = seq;
      continue;
    }
    if (errno != ENOENT) CO_LOGKV(CO_LOG_WARN, "index", "saved briefing index unusable; rebuilding", "error", err);
    if (!(ix->idx[i] = fresh_index(ix, errstr, sz))) goto err;
  }
  return ix;
nomem:
  co_seterr(errstr, sz, CO_ERR_NOMEM, "index: out of memory");
err:
  co_pl_index_destroy(ix);
  return NULL;
}

co_err_t co_pl_index_start(co_pl_index_t *ix, char *errstr, size_t sz) {
  if (pthread_create(&ix->thr, NULL, index_main, ix))
    return co_seterr(errstr, sz, CO_ERR_IO, "index: cannot start its thread");
  ix->started = 1;
  return CO_OK;
}

void co_pl_index_destroy(co_pl_index_t *ix) {
  if (!ix) return;
  char err[256];
  if (ix->started) {
    pthread_mutex_lock(&ix->wlock);
    __atomic_store_n(&ix->stop, 1, __ATOMIC_RELAXED);
    pthread_cond_signal(&ix->wake);
    pthread_mutex_unlock(&ix->wlock);
    pthread_join(ix->thr, NULL);
    if (co_pl_index_sync(ix, 1, err, sizeof(err)))
      CO_LOGKV(CO_LOG_WARN, "index", "final briefing index save failed", "error", err);
  }
  for (int i = 0; ix->idx && i < ix->nparts; i++) co_search_destroy(ix->idx[i]);
  free(ix->idx);
  free(ix->seq);
  free(ix->saved);
  co_vec_embedder_close(ix->emb);
  pthread_mutex_destroy(&ix->lock);
  pthread_mutex_destroy(&ix->wlock);
  pthread_cond_destroy(&ix->wake);
  free(ix);
}

static int by_key_desc(const void *a, const void *b, void *key) {
  double sx = json_number_value(json_object_get(*(json_t *const *)a, key));
  double sy = json_number_value(json_object_get(*(json_t *const *)b, key));
  return sx < sy ? 1 : sx > sy ? -1 : 0;
}

/* RRF's c, as co_search uses by default. */
#define CO_PL_RRF_K 10.0

json_t *co_pipeline_search_fuse(json_t *hits, int hybrid, size_t k) {
  size_t n = json_array_size(hits);
  json_t **v = calloc(n ? n : 1, sizeof(*v)), *res = json_array();
  if (!v || !res) goto done;
  /* Hybrid scores are reciprocal ranks within one index: fuse again over
   * the union, from each side's own scores, so indexes compare fairly. */
  if (hybrid) {
    static const char *const sides[] = {"vector_score", "bm25_score"};
    json_t *h;
    size_t i;
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
  for (size_t i = 0; i < n; i++) v[i] = json_array_get(hits, i);
  qsort_r(v, n, sizeof(*v), by_key_desc, "score");
  /* A document seen twice (a partition's old copy on an instance that no
   * longer owns it) counts once, at its best. */
  for (size_t i = 0; i < n && json_array_size(res) < k; i++) {
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

/* Scatter over the partitions' indexes, gather the best k. */
static co_err_t co_pl_index_query(co_pl_index_t *ix, const co_search_query_t *q, json_t **out, char *errstr, size_t sz) {
  json_t *all = json_array();
  co_err_t e = CO_OK;
  co_search_query_t one = *q;
  float *qv = NULL;
  if (!all) return CO_ERR_NOMEM;
  if (q->mode != CO_SEARCH_BM25 && !q->vector) { /* embed once for every partition */
    if (!(qv = malloc(co_vec_embedder_dim(ix->emb) * sizeof(float)))) e = CO_ERR_NOMEM;
    if (!e) e = co_vec_embed(ix->emb, q->text, qv, errstr, sz);
    one.vector = qv;
  }
  for (int i = 0; i < ix->nparts && !e; i++) {
    co_search_result_t *r = NULL;
    if ((e = co_search_query(ix->idx[i], &one, &r, errstr, sz))) break;
    for (size_t j = 0; j < r->n; j++) {
      co_search_hit_t *h = &r->hits[j];
      json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:f, s:s}", "doc_id", h->doc_id, "company", h->company,
                            "account", h->account, "type", h->type, "date", h->date, "score", (double)h->score,
                            "snippet", h->snippet ? h->snippet : "");
      if (o && !isnan(h->vector_score)) json_object_set_new(o, "vector_score", json_real(h->vector_score));
      if (o && h->bm25_score > 0) json_object_set_new(o, "bm25_score", json_real(h->bm25_score));
      if (o) json_array_append_new(all, o);
    }
    co_search_result_free(r);
  }
  free(qv);
  if (e) {
    json_decref(all);
    return e;
  }
  json_t *res = co_pipeline_search_fuse(all, q->mode == CO_SEARCH_HYBRID && ix->nparts > 1, q->k ? q->k : 10);
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

co_err_t co_pipeline_search(co_pipeline_t *p, const char *query_json, char **json_out, char *errstr,
                            size_t errstr_size) {
  json_error_t je;
  json_t *q = NULL, *out = NULL;
  co_err_t e;
  *json_out = NULL;
  if (!p->index) return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "search: the briefing index is not open");
  if (!(q = json_loads(query_json ? query_json : "", 0, &je)) || !json_is_object(q)) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: query is not a JSON object");
    goto done;
  }
  const char *m = opt(q, "mode");
  if (!opt(q, "q")) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: field \"q\" (the query text) is required");
    goto done;
  }
  if (m && strcmp(m, "vector") && strcmp(m, "bm25") && strcmp(m, "hybrid")) {
    e = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "search: field \"mode\" must be hybrid, vector or bm25");
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
                          .date_to = opt(q, "to")};
  json_t *ms = json_object_get(q, "min_score");
  if (json_is_number(ms)) sq.min_score = (float)json_number_value(ms), sq.use_min_score = 1;
  if ((e = co_pl_index_query(p->index, &sq, &out, errstr, errstr_size))) goto done;
  if (!(*json_out = json_dumps(out, JSON_COMPACT))) e = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "search: nomem");
done:
  json_decref(q);
  json_decref(out);
  return e;
}

co_err_t co_pipeline_index_sync(co_pipeline_t *p, char *errstr, size_t errstr_size) {
  if (!p->index) return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "index: not open");
  return co_pl_index_sync(p->index, 1, errstr, errstr_size);
}
