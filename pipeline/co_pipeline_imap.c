/* co_pipeline_imap.c: the single-account IMAP source (imap.* settings) of
 * co_pipeline.h, kept for its callers; a source set of one
 * (co_pipeline_ingest.c does the work: sync from the committed cursor,
 * batches and cursor in one atomic append, IDLE, retries). */
#include <stdlib.h>

#include "co_pipeline_ingest.h"
#include "co_pipeline_int.h"

struct co_pipeline_imap_s {
  co_pipeline_ingest_t *ing;
};

co_pipeline_imap_t *co_pipeline_imap_new(co_pipeline_t *p, const co_conf_t *conf, char *errstr, size_t errstr_size) {
  co_pipeline_imap_t *im = NULL;
  if (!co_rt_embedded(p->rt)) {
    co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED,
              "imap: the pipeline's IMAP thread runs in embedded mode only (Kafka mode: `careerops ingest`)");
    return NULL;
  }
  if (!*co_conf_str(conf, "imap.url")) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "imap: imap.url is not set");
    return NULL;
  }
  if (!(im = calloc(1, sizeof(*im)))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "imap: out of memory");
    return NULL;
  }
  if (!(im->ing = co_pipeline_ingest_new(conf, p->rt, NULL, errstr, errstr_size))) {
    free(im);
    return NULL;
  }
  return im;
}

co_err_t co_pipeline_imap_sync(co_pipeline_imap_t *im, int64_t *delivered, char *errstr, size_t errstr_size) {
  return co_pipeline_ingest_sync(im->ing, delivered, errstr, errstr_size);
}

co_err_t co_pipeline_imap_start(co_pipeline_imap_t *im, char *errstr, size_t errstr_size) {
  return co_pipeline_ingest_start(im->ing, errstr, errstr_size);
}

void co_pipeline_imap_stop(co_pipeline_imap_t *im) {
  if (im) co_pipeline_ingest_stop(im->ing);
}

void co_pipeline_imap_stats(co_pipeline_imap_t *im, co_pipeline_imap_stats_t *out) {
  co_pipeline_ingest_stats_t st;
  co_pipeline_ingest_stats(im->ing, &st);
  out->appended = st.appended;
  out->malformed = st.malformed;
  out->syncs = st.syncs;
}

void co_pipeline_imap_destroy(co_pipeline_imap_t *im) {
  if (!im) return;
  co_pipeline_ingest_destroy(im->ing);
  free(im);
}
