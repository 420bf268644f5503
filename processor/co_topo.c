/* co_topo.c: declaring a topology: stores and processors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_rt_int.h"

co_topo_t *co_topo_new(const char *app_id) {
  co_topo_t *t = calloc(1, sizeof(*t));
  if (!t || !(t->app_id = strdup(app_id))) {
    free(t);
    return NULL;
  }
  return t;
}

void co_topo_set_attempt_max_ms(co_topo_t *t, int64_t ms) {
  t->attempt_max_ms = ms > 0 ? ms : 0;
}

void co_topo_destroy(co_topo_t *t) {
  if (!t) return;
  for (int i = 0; i < t->store_cnt; i++) {
    free(t->stores[i].name);
    free(t->stores[i].changelog);
  }
  for (int i = 0; i < t->proc_cnt; i++) {
    free(t->procs[i].name);
    free(t->procs[i].topic);
  }
  for (int i = 0; i < t->sink_cnt; i++) free(t->sinks[i]);
  free(t->app_id);
  free(t);
}

static int co_topo_store_idx(const co_topo_t *t, const char *name) {
  for (int i = 0; i < t->store_cnt; i++)
    if (!strcmp(t->stores[i].name, name)) return i;
  return -1;
}

co_err_t co_topo_add_store(co_topo_t *t, const char *name, int flags, char *errstr, size_t sz) {
  if (!*name || strchr(name, '.') || strlen(name) > 48)
    return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "store name '%s' must be 1-48 chars without '.'", name);
  if (co_topo_store_idx(t, name) >= 0) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "store '%s' declared twice", name);
  if (t->store_cnt == CO_TOPO_MAX_STORES) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "too many stores");
  co_store_def_t *s = &t->stores[t->store_cnt];
  s->name = strdup(name);
  s->flags = flags;
  if (asprintf(&s->changelog, "%s-%s-changelog", t->app_id, name) < 0) s->changelog = NULL;
  if (!s->name || !s->changelog) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  t->store_cnt++;
  return CO_OK;
}

co_err_t co_topo_add_processor(co_topo_t *t, const char *name, const char *topic, co_proc_fn_t fn, void *opaque,
                               const char *const *stores, char *errstr, size_t sz) {
  if (t->proc_cnt == CO_TOPO_MAX_PROCS) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "too many processors");
  for (int i = 0; i < t->proc_cnt; i++)
    if (!strcmp(t->procs[i].topic, topic))
      return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "topic '%s' already has processor '%s'", topic, t->procs[i].name);
  co_proc_def_t *p = &t->procs[t->proc_cnt];
  memset(p, 0, sizeof(*p));
  for (int i = 0; stores && stores[i]; i++) {
    int idx = co_topo_store_idx(t, stores[i]);
    if (idx < 0) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "processor '%s': unknown store '%s'", name, stores[i]);
    for (int j = 0; j < t->proc_cnt; j++)
      for (int k = 0; k < t->procs[j].store_cnt; k++)
        if (t->procs[j].stores[k] == idx)
          return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "store '%s' already owned by processor '%s'", stores[i],
                           t->procs[j].name);
    if (p->store_cnt == CO_PROC_MAX_STORES) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "too many stores");
    p->stores[p->store_cnt++] = idx;
  }
  p->name = strdup(name);
  p->topic = strdup(topic);
  p->fn = fn;
  p->opaque = opaque;
  if (!p->name || !p->topic) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  t->proc_cnt++;
  return CO_OK;
}

co_err_t co_topo_add_punctuator(co_topo_t *t, const char *proc, int64_t interval_ms, co_punct_fn_t fn, void *opaque,
                                char *errstr, size_t sz) {
  for (int i = 0; i < t->proc_cnt; i++) {
    co_proc_def_t *p = &t->procs[i];
    if (strcmp(p->name, proc)) continue;
    if (p->punct) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "processor '%s' already has a punctuator", proc);
    if (!fn || interval_ms < 1)
      return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "punctuator of '%s': needs a function and interval >= 1 ms", proc);
    p->punct = fn;
    p->punct_opaque = opaque;
    p->punct_ms = interval_ms;
    return CO_OK;
  }
  return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "punctuator: unknown processor '%s'", proc);
}

co_err_t co_topo_add_sink(co_topo_t *t, const char *topic, char *errstr, size_t sz) {
  for (int i = 0; i < t->sink_cnt; i++)
    if (!strcmp(t->sinks[i], topic)) return CO_OK;
  if (t->sink_cnt == (int)(sizeof(t->sinks) / sizeof(*t->sinks)))
    return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "too many sink topics");
  if (!(t->sinks[t->sink_cnt] = strdup(topic))) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  t->sink_cnt++;
  return CO_OK;
}
