/* co_pipeline.c: builds the CareerOps topology and its runtime, and runs it.
 *
 * Four processors, each one task per partition of its source topic:
 *   classify    (topic.raw; stores dedupe with TTL, applications, review, emails)
 *               -> topic.classified, topic.research, topic.notifications
 *   research    (topic.research; store briefings)
 *   notify      (topic.notifications; stores notify_sent, notify_pending:
 *               registered by co_pipeline_notify.c)
 *   corrections (topic.corrections; store corrections)
 * The search index is a thread beside the runtime (co_pipeline_index.c). */
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_pipeline_int.h"
#include "co_pipeline_review.h"

co_pipeline_t *co_pipeline_new(const co_conf_t *conf, char *errstr, size_t errstr_size) {
  static const char *const stores[] = {CO_PL_STORE_DEDUPE, CO_PL_STORE_APPS, CO_PL_STORE_REVIEW, CO_PL_STORE_EMAILS,
                                       NULL};
  static const char *const rstores[] = {CO_PL_STORE_BRIEFINGS, NULL};
  static const char *const cstores[] = {CO_PL_STORE_CORRECTIONS, NULL};
  co_pipeline_t *p = calloc(1, sizeof(*p));
  if (!p) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "pipeline: out of memory");
    return NULL;
  }
  p->conf = conf;
  p->t_raw = co_conf_str(conf, "topic.raw");
  p->t_classified = co_conf_str(conf, "topic.classified");
  p->t_research = co_conf_str(conf, "topic.research");
  p->t_notify = co_conf_str(conf, "topic.notifications");
  p->t_dlq = co_conf_str(conf, "topic.dlq");
  p->t_corrections = co_conf_str(conf, "topic.corrections");
  p->dedupe_ttl_ms = co_conf_int(conf, "dedupe.ttl.s") * 1000;

  const char *model = co_conf_str(conf, "classify.model");
  if (!model || !*model) model = co_classify_default_model_path();
  char lerr[256];
  if (!(p->model = co_classify_load(model, lerr, sizeof(lerr)))) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "pipeline: classifier model %s: %s", model, lerr);
    goto err;
  }
  if (!(p->models = co_pl_models_new(p->model, model))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "pipeline: out of memory");
    goto err;
  }
  /* With llm.providers set the chain classifies, falling back to the model. */
  if (*co_conf_str(conf, "llm.providers") && !(p->llm = co_llm_chain_new(conf, p->model, errstr, errstr_size)))
    goto err;
  if (!(p->topo = co_topo_new(co_conf_str(conf, "app.id")))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "pipeline: out of memory");
    goto err;
  }
  if (co_topo_add_store(p->topo, CO_PL_STORE_DEDUPE, CO_STORE_F_TTL, errstr, errstr_size) ||
      co_topo_add_store(p->topo, CO_PL_STORE_APPS, 0, errstr, errstr_size) ||
      co_topo_add_store(p->topo, CO_PL_STORE_REVIEW, 0, errstr, errstr_size) ||
      co_topo_add_store(p->topo, CO_PL_STORE_EMAILS, 0, errstr, errstr_size) ||
      co_topo_add_processor(p->topo, "classify", p->t_raw, co_pl_classify_proc, p, stores, errstr, errstr_size) ||
      co_topo_add_sink(p->topo, p->t_classified, errstr, errstr_size) ||
      co_topo_add_sink(p->topo, p->t_research, errstr, errstr_size) ||
      co_topo_add_sink(p->topo, p->t_notify, errstr, errstr_size) ||
      co_topo_add_store(p->topo, CO_PL_STORE_BRIEFINGS, 0, errstr, errstr_size) ||
      co_topo_add_processor(p->topo, "research", p->t_research, co_pl_research_proc, p, rstores, errstr,
                            errstr_size) ||
      co_topo_add_store(p->topo, CO_PL_STORE_CORRECTIONS, 0, errstr, errstr_size) ||
      co_topo_add_processor(p->topo, "corrections", p->t_corrections, co_pl_corrections_proc, p, cstores, errstr,
                            errstr_size))
    goto err;
  if (!(p->research = co_research_new(conf, p->llm, errstr, errstr_size))) goto err;
  if (co_pl_notify_register(p, errstr, errstr_size)) goto err;
  { /* A record's remote calls happen inside its transaction: the slowest bounds how long one may live. */
    int64_t worst = co_llm_chain_worst_ms(p->llm), r = co_research_worst_ms(p->research),
            n = co_pl_notify_worst_ms(p);
    co_topo_set_attempt_max_ms(p->topo, worst > r ? (worst > n ? worst : n) : (r > n ? r : n));
  }
  if (!(p->rt = co_rt_new(conf, p->topo, errstr, errstr_size))) goto err;
  if (!(p->index = co_pl_index_new(p, errstr, errstr_size)) || co_pl_index_start(p->index, errstr, errstr_size))
    goto err;
  CO_LOGKV(CO_LOG_INFO, "pipeline", "topology ready", "source", p->t_raw, "model", model, "mode",
           co_rt_embedded(p->rt) ? "embedded" : "kafka");
  return p;
err:
  co_pipeline_destroy(p);
  return NULL;
}

void co_pipeline_destroy(co_pipeline_t *p) {
  if (!p) return;
  co_pl_index_destroy(p->index);
  co_rt_destroy(p->rt);
  co_research_destroy(p->research);
  co_pl_notify_destroy(p->notify);
  co_topo_destroy(p->topo);
  co_llm_chain_destroy(p->llm);
  co_pl_models_destroy(p->models);
  co_classify_destroy(p->model);
  free(p);
}

co_rt_t *co_pipeline_rt(co_pipeline_t *p) {
  return p->rt;
}

const co_conf_t *co_pipeline_conf(const co_pipeline_t *p) {
  return p->conf;
}

co_err_t co_pipeline_run(co_pipeline_t *p, char *errstr, size_t errstr_size) {
  return co_rt_run(p->rt, errstr, errstr_size);
}

co_err_t co_pipeline_run_until_idle(co_pipeline_t *p, char *errstr, size_t errstr_size) {
  return co_rt_run_until_idle(p->rt, errstr, errstr_size);
}

void co_pipeline_stop(co_pipeline_t *p) {
  co_rt_stop(p->rt);
}
