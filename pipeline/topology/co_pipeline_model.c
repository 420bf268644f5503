/* co_pipeline_model.c: the classifier model a running pipeline uses, and
 * picking up a new model file without a restart.
 *
 * The current model sits behind a mutex with a reference count per loaded
 * model: a classification takes a reference (acquire), classifies without
 * the lock, and gives it back (release). A reload loads the new file with
 * no lock held, then swaps the pointer under the lock; the old model is
 * destroyed by whoever drops its last reference, so a classification in
 * flight finishes on the model it started with. The file is watched by
 * inode, size and mtime (checked at most once a second by the classify
 * processor; `careerops train` writes through a temp file and rename, so a
 * half-written model is never seen) by a watcher thread once a second, so
 * an idle instance picks a new model up too. The model loaded at start stays owned
 * by the pipeline (the LLM chain's offline fallback holds it). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "co_log.h"
#include "co_pipeline_int.h"
#include "co_pipeline_review.h"
#include "co_time.h"

typedef struct co_pl_mref_s {
  co_classify_model_t *m;
  long refs;  /* acquires not yet released; @locks mu */
  int owned;  /* destroy with the last reference (not the start model) */
  struct co_pl_mref_s *next; /* retired, still referenced; @locks mu */
} co_pl_mref_t;

struct co_pl_models_s {
  pthread_mutex_t mu;
  co_pl_mref_t *cur;     /* @locks mu */
  co_pl_mref_t *retired; /* @locks mu */
  char *path;
  struct stat st;  /* of the file cur was loaded from; @locks mu */
  int64_t next_ms; /* next throttled check, monotonic; @locks mu */
  int loading;     /* a reload is loading the file; @locks mu */
  long gen;        /* @locks mu */
  pthread_cond_t cv;
  int stop;        /* @locks mu */
  int thread_ok;
  pthread_t watcher;
};

static void *watch(void *opaque) {
  co_pl_models_t *ms = opaque;
  pthread_mutex_lock(&ms->mu);
  while (!ms->stop) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += 1;
    pthread_cond_timedwait(&ms->cv, &ms->mu, &ts);
    if (ms->stop) break;
    pthread_mutex_unlock(&ms->mu);
    co_pl_models_check(ms, 0, NULL, NULL, 0);
    pthread_mutex_lock(&ms->mu);
  }
  pthread_mutex_unlock(&ms->mu);
  return NULL;
}

co_pl_models_t *co_pl_models_new(co_classify_model_t *initial, const char *path) {
  co_pl_models_t *ms = calloc(1, sizeof(*ms));
  if (!ms || !(ms->cur = calloc(1, sizeof(*ms->cur))) || !(ms->path = strdup(path))) goto err;
  ms->cur->m = initial;
  pthread_mutex_init(&ms->mu, NULL);
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_init(&ms->cv, &ca);
  pthread_condattr_destroy(&ca);
  if (stat(path, &ms->st) != 0) memset(&ms->st, 0, sizeof(ms->st));
  ms->next_ms = co_time_mono_ms() + 1000;
  ms->thread_ok = pthread_create(&ms->watcher, NULL, watch, ms) == 0;
  return ms;
err:
  if (ms) free(ms->cur);
  free(ms);
  return NULL;
}

static void mref_free(co_pl_mref_t *r) {
  if (r->owned) co_classify_destroy(r->m);
  free(r);
}

void co_pl_models_destroy(co_pl_models_t *ms) {
  if (!ms) return;
  pthread_mutex_lock(&ms->mu);
  ms->stop = 1;
  pthread_cond_signal(&ms->cv);
  pthread_mutex_unlock(&ms->mu);
  if (ms->thread_ok) pthread_join(ms->watcher, NULL);
  pthread_cond_destroy(&ms->cv);
  while (ms->retired) { /* nothing classifies any more */
    co_pl_mref_t *r = ms->retired;
    ms->retired = r->next;
    mref_free(r);
  }
  mref_free(ms->cur);
  pthread_mutex_destroy(&ms->mu);
  free(ms->path);
  free(ms);
}

const co_classify_model_t *co_pl_models_acquire(co_pl_models_t *ms) {
  pthread_mutex_lock(&ms->mu);
  ms->cur->refs++;
  const co_classify_model_t *m = ms->cur->m;
  pthread_mutex_unlock(&ms->mu);
  return m;
}

void co_pl_models_release(co_pl_models_t *ms, const co_classify_model_t *m) {
  co_pl_mref_t *gone = NULL;
  pthread_mutex_lock(&ms->mu);
  if (ms->cur->m == m) {
    ms->cur->refs--;
  } else {
    for (co_pl_mref_t **pp = &ms->retired; *pp; pp = &(*pp)->next) {
      if ((*pp)->m != m) continue;
      if (--(*pp)->refs == 0) {
        gone = *pp;
        *pp = gone->next;
      }
      break;
    }
  }
  pthread_mutex_unlock(&ms->mu);
  if (gone) mref_free(gone);
}

static int same_file(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

co_err_t co_pl_models_check(co_pl_models_t *ms, int force, int *reloaded, char *errstr, size_t errstr_size) {
  struct stat st;
  if (reloaded) *reloaded = 0;
  pthread_mutex_lock(&ms->mu);
  int64_t now = co_time_mono_ms();
  int skip = ms->loading || (!force && now < ms->next_ms);
  if (!skip) ms->next_ms = now + 1000;
  if (!skip && (stat(ms->path, &st) != 0 || same_file(&st, &ms->st))) skip = 1;
  if (!skip) ms->loading = 1;
  pthread_mutex_unlock(&ms->mu);
  if (skip) return CO_OK;

  char lerr[512];
  co_classify_model_t *m = co_classify_load(ms->path, lerr, sizeof(lerr));
  co_pl_mref_t *r = m ? calloc(1, sizeof(*r)) : NULL, *old = NULL;
  pthread_mutex_lock(&ms->mu);
  ms->loading = 0;
  ms->st = st; /* a bad file is reported once, not every second */
  if (r) {
    r->m = m;
    r->owned = 1;
    old = ms->cur;
    ms->cur = r;
    ms->gen++;
    if (old->refs > 0 || !old->owned) { /* in use, or the pipeline's own: keep until the end */
      old->next = ms->retired;
      ms->retired = old;
      old = NULL;
    }
  }
  long gen = ms->gen;
  pthread_mutex_unlock(&ms->mu);
  if (old) mref_free(old);
  if (!r) {
    co_classify_destroy(m);
    CO_WARN("pipeline", "model %s changed but did not load (%s): keeping the current model", ms->path,
            m ? "out of memory" : lerr);
    return co_seterr(errstr, errstr_size, m ? CO_ERR_NOMEM : CO_ERR_PARSE, "model reload: %s",
                     m ? "out of memory" : lerr);
  }
  CO_INFO("pipeline", "model %s reloaded (generation %ld)", ms->path, gen);
  if (reloaded) *reloaded = 1;
  return CO_OK;
}

long co_pl_models_generation(co_pl_models_t *ms) {
  pthread_mutex_lock(&ms->mu);
  long g = ms->gen;
  pthread_mutex_unlock(&ms->mu);
  return g;
}

co_err_t co_pipeline_model_reload(co_pipeline_t *p, int *reloaded, char *errstr, size_t errstr_size) {
  return co_pl_models_check(p->models, 1, reloaded, errstr, errstr_size);
}

long co_pipeline_model_generation(co_pipeline_t *p) {
  return co_pl_models_generation(p->models);
}
