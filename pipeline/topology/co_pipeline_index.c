/* co_pipeline_index.c: the search indexes of briefings and of mail,
 * derived state (queried by co_pipeline_search.c).
 *
 * The "briefings" and "emails" stores are the source of truth; each
 * partition's store also keeps a change log (sequence -> the changed key,
 * written with the value in one transaction). This module keeps one
 * co_search index per store and partition and a thread that follows those
 * change logs through committed reads, upserting each changed document.
 * Each index is saved to state.dir/search (p<N>.v2.idx for briefings,
 * mail-p<N>.idx for mail) with the sequence it reflects (atomic rename), so
 * a restart, even after a SIGKILL mid-indexing, loads the last saved file
 * and replays only the entries after its sequence: the result equals a
 * rebuild from the store. A saved index newer than its store (a store
 * rebuilt from an older changelog) is dropped and rebuilt.
 *
 * Documents are per account: a briefing's id is its store key (company
 * \x1f account), an email's its store key (account \x1f Message-ID), and
 * the account metadata the key's, so a search with an account filter (an
 * account token's) ranks that account's documents only, inside the index
 * (co_search_query). Every stored email is indexed, OTHER included (its
 * label is the document's type), so mail the classifier missed can be
 * found and promoted. An
 * older version's briefings of every account (bare company keys) are never
 * indexed, and its index files (p<N>.idx, one document per company) are
 * deleted at open: the p<N>.v2.idx files are rebuilt from the change log.
 *
 * Mail is embedded here with the index's embedder, not with the
 * classifier's e5 vector: the two encoders' spaces differ, and one index
 * holds one embedder's vectors (docs/search.md says why MiniLM).
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
#include "co_llm.h"
#include "co_log.h"
#include "co_pipeline_int.h"
#include "co_time.h"

/* Change-log entries read per step of a sync (see sync_part). */
#define CO_PL_INDEX_WINDOW 256

/* One store an index follows: its change log and how a changed key
 * becomes a document. */
typedef struct co_pl_index_src_s co_pl_index_src_t;
typedef struct {
  const co_pl_index_src_t *d;
  co_search_t **idx; /* per partition */
  uint64_t *seq;     /* change-log sequence each index reflects */
  uint64_t *saved;   /* sequence of the last saved file */
} co_pl_ixs_t;

struct co_pl_index_src_s {
  const char *what; /* "briefing", "email": the hits' kind and the logs' word */
  const char *store, *seq_key;
  void (*chg_key)(long long seq, char *buf, size_t size);
  const char *file; /* file name in state.dir/search, a format of the partition */
  co_err_t (*upsert)(co_pl_index_t *ix, co_pl_ixs_t *s, int part, const char *key, char *errstr, size_t sz);
};

#define CO_PL_IX_NSRC 2

struct co_pl_index_s {
  co_pipeline_t *p;
  co_vec_embedder_t *emb;
  int nparts;
  co_pl_ixs_t src[CO_PL_IX_NSRC]; /* by co_pl_index_kind_t */
  pthread_mutex_t lock; /* one syncer at a time (thread or caller) */
  pthread_mutex_t wlock;
  pthread_cond_t wake;
  pthread_t thr;
  int started, stop;
  char dir[1024];
};

static void part_path(co_pl_index_t *ix, const co_pl_ixs_t *s, int part, char *buf, size_t size) {
  char name[64];
  snprintf(name, sizeof(name), s->d->file, part);
  snprintf(buf, size, "%s/%s", ix->dir, name);
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
 * readable here (not owned in Kafka mode) or has no entries yet (0). */
static long long store_seq(co_pipeline_t *p, const co_pl_index_src_t *d, int part) {
  void *v;
  size_t vl;
  co_err_t e = co_rt_store_get(p->rt, d->store, part, d->seq_key, strlen(d->seq_key), &v, &vl);
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
static co_err_t upsert_briefing(co_pl_index_t *ix, co_pl_ixs_t *s, int part, const char *key, char *errstr,
                                size_t sz) {
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
  co_err_t e = co_search_upsert(s->idx[part], key, &m, co_json_str(b, "text"), errstr, sz);
  free(company);
  json_decref(b);
  return e;
}

/* Text of an email an index keeps: what a person searches is the subject
 * and the first screens of the body, not a long quoted thread. */
#define CO_PL_INDEX_MAIL_CHARS 6000

/* Indexes the email stored under key (account \x1f message id), whatever
 * it was read as: an invitation the classifier read as OTHER is exactly
 * what a person searches for, to promote it (the type filter narrows). */
static co_err_t upsert_email(co_pl_index_t *ix, co_pl_ixs_t *s, int part, const char *key, char *errstr, size_t sz) {
  const char *sep = strchr(key, '\x1f');
  json_t *m = sep ? co_pl_rt_get_json(ix->p->rt, CO_PL_STORE_EMAILS, part, key) : NULL;
  if (!m) return CO_OK;
  const char *label = co_json_str(m, "classified_as"), *body = co_json_str(m, "text");
  co_err_t e = CO_OK;
  char *account = strndup(key, (size_t)(sep - key)), *text = NULL;
  int tl = (int)co_llm_utf8_cut(body, strlen(body), CO_PL_INDEX_MAIL_CHARS);
  if (!account || asprintf(&text, "%s\n\n%.*s", co_json_str(m, "subject"), tl, body) < 0) text = NULL;
  co_search_meta_t meta = {.account = account,
                           .company = co_json_str(m, "company"),
                           .type = label,
                           .date = co_json_str(m, "date")};
  e = text ? co_search_upsert(s->idx[part], key, &meta, text, errstr, sz)
           : co_seterr(errstr, sz, CO_ERR_NOMEM, "index: out of memory");
  free(text);
  free(account);
  json_decref(m);
  return e;
}

/* In co_pl_index_kind_t's order. */
static const co_pl_index_src_t co_pl_index_srcs[CO_PL_IX_NSRC] = {
    {"briefing", CO_PL_STORE_BRIEFINGS, CO_PL_BR_SEQ, co_pl_briefing_chg_key, "p%d.v2.idx", upsert_briefing},
    {"email", CO_PL_STORE_EMAILS, CO_PL_EM_SEQ, co_pl_email_chg_key, "mail-p%d.idx", upsert_email},
};

static co_search_t *fresh_index(co_pl_index_t *ix, char *errstr, size_t sz) {
  co_search_opts_t o;
  co_search_opts_default(&o);
  o.hnsw_threshold = (size_t)co_conf_int(ix->p->conf, "vector.hnsw.threshold");
  return co_search_new(ix->emb, &o, errstr, sz);
}

/* Brings part's index of source s up to its store; saves when asked and
 * changed. */
static co_err_t sync_part(co_pl_index_t *ix, co_pl_ixs_t *s, int part, int save, char *errstr, size_t sz) {
  long long head = store_seq(ix->p, s->d, part);
  co_err_t e = CO_OK;
  if (head < 0) return CO_OK;
  if ((uint64_t)head < s->seq[part]) { /* store older than the index: rebuild */
    co_search_t *n = fresh_index(ix, errstr, sz);
    if (!n) return CO_ERR_NOMEM;
    co_search_destroy(s->idx[part]);
    s->idx[part] = n;
    s->seq[part] = 0;
  }
  /* A window of change-log entries names each changed document once: a
   * briefing updated 30 times since the last sync is embedded once, at its
   * latest. The sequence moves past the window only when all of it is
   * indexed. Stop between documents: the rest is indexed at the next start. */
  while (s->seq[part] < (uint64_t)head && !e && !__atomic_load_n(&ix->stop, __ATOMIC_RELAXED)) {
    uint64_t end = s->seq[part] + CO_PL_INDEX_WINDOW < (uint64_t)head ? s->seq[part] + CO_PL_INDEX_WINDOW
                                                                       : (uint64_t)head;
    char *names[CO_PL_INDEX_WINDOW];
    int n = 0;
    for (uint64_t q = s->seq[part] + 1; q <= end; q++) {
      char key[64];
      void *c = NULL;
      size_t cl;
      s->d->chg_key((long long)q, key, sizeof(key));
      if (co_rt_store_get(ix->p->rt, s->d->store, part, key, strlen(key), &c, &cl) != CO_OK) continue;
      int dup = 0;
      for (int i = 0; i < n && !dup; i++) dup = !strcmp(names[i], c); /* NUL-terminated by the store */
      if (dup)
        free(c);
      else
        names[n++] = c;
    }
    for (int i = 0; i < n; i++) {
      if (!e && !__atomic_load_n(&ix->stop, __ATOMIC_RELAXED))
        e = s->d->upsert(ix, s, part, names[i], errstr, sz);
      else if (!e)
        e = CO_ERR_UNSUPPORTED; /* stopping: leave the window for the next start */
      free(names[i]);
    }
    if (e == CO_ERR_UNSUPPORTED) {
      e = CO_OK;
      break;
    }
    if (!e) s->seq[part] = end;
  }
  if (!e && save && s->seq[part] != s->saved[part]) {
    char path[1100];
    part_path(ix, s, part, path, sizeof(path));
    if (!(e = co_search_save(s->idx[part], path, s->seq[part], errstr, sz))) s->saved[part] = s->seq[part];
  }
  return e;
}

co_err_t co_pl_index_sync(co_pl_index_t *ix, int save, char *errstr, size_t sz) {
  co_err_t first = CO_OK;
  pthread_mutex_lock(&ix->lock);
  for (int k = 0; k < CO_PL_IX_NSRC; k++)
    for (int i = 0; i < ix->nparts; i++) {
      co_err_t e = sync_part(ix, &ix->src[k], i, save, errstr, sz);
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
      CO_LOGKV(CO_LOG_WARN, "index", "search index sync failed; retrying", "error", err);
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

/* Opens source k's saved index files, or fresh ones. */
static co_err_t open_src(co_pl_index_t *ix, int k, char *errstr, size_t sz) {
  co_pl_ixs_t *s = &ix->src[k];
  char err[256];
  s->d = &co_pl_index_srcs[k];
  if (!(s->idx = calloc((size_t)ix->nparts, sizeof(*s->idx))) ||
      !(s->seq = calloc((size_t)ix->nparts, sizeof(*s->seq))) ||
      !(s->saved = calloc((size_t)ix->nparts, sizeof(*s->saved))))
    return co_seterr(errstr, sz, CO_ERR_NOMEM, "index: out of memory");
  for (int i = 0; i < ix->nparts; i++) {
    char path[1100];
    uint64_t seq = 0;
    part_path(ix, s, i, path, sizeof(path));
    errno = 0;
    if ((s->idx[i] = co_search_load(path, ix->emb, &seq, err, sizeof(err)))) {
      s->seq[i] = s->saved[i] = seq;
      continue;
    }
    if (errno != ENOENT)
      CO_LOGKV(CO_LOG_WARN, "index", "saved search index unusable; rebuilding", "index", s->d->what, "error", err);
    if (!(s->idx[i] = fresh_index(ix, errstr, sz))) return CO_ERR_NOMEM;
  }
  return CO_OK;
}

co_pl_index_t *co_pl_index_new(co_pipeline_t *p, char *errstr, size_t sz) {
  co_pl_index_t *ix = calloc(1, sizeof(*ix));
  char err[256];
  if (!ix) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "index: out of memory");
    return NULL;
  }
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
  for (int i = 0; i < ix->nparts; i++) drop_legacy(ix, i);
  for (int k = 0; k < CO_PL_IX_NSRC; k++)
    if (open_src(ix, k, errstr, sz)) goto err;
  return ix;
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
      CO_LOGKV(CO_LOG_WARN, "index", "final search index save failed", "error", err);
  }
  for (int k = 0; k < CO_PL_IX_NSRC; k++) {
    co_pl_ixs_t *s = &ix->src[k];
    for (int i = 0; s->idx && i < ix->nparts; i++) co_search_destroy(s->idx[i]);
    free(s->idx);
    free(s->seq);
    free(s->saved);
  }
  co_vec_embedder_close(ix->emb);
  pthread_mutex_destroy(&ix->lock);
  pthread_mutex_destroy(&ix->wlock);
  pthread_cond_destroy(&ix->wake);
  free(ix);
}

int co_pl_index_parts(co_pl_index_t *ix) { return ix->nparts; }

co_search_t *co_pl_index_of(co_pl_index_t *ix, co_pl_index_kind_t kind, int part) {
  return ix->src[kind].idx[part];
}

co_vec_embedder_t *co_pl_index_embedder(co_pl_index_t *ix) { return ix->emb; }

co_err_t co_pipeline_index_sync(co_pipeline_t *p, char *errstr, size_t errstr_size) {
  if (!p->index) return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "index: not open");
  return co_pl_index_sync(p->index, 1, errstr, errstr_size);
}
