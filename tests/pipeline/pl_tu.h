/* pl_tu.h: helpers shared by the pipeline tests: a configuration on a
 * fresh state dir, the sample inbox path, an application snapshot. */
#ifndef PL_TU_H
#define PL_TU_H

#include <stddef.h>

#include "co_conf.h"
#include "co_pipeline.h"

/* Embedded-mode configuration with state.dir = dir (caller destroys). */
co_conf_t *pl_conf(const char *dir);
/* $CO_SOURCE_DIR/data/sample/<file> (static buffer). */
const char *pl_sample(const char *file);

typedef struct pl_app_s {
  char company[128], role[128], stage[16];
  long emails;
} pl_app_t;
typedef struct pl_apps_s {
  pl_app_t a[64];
  int n;
} pl_apps_t;
/* Snapshot of every application of account. */
void pl_apps(co_pipeline_t *p, const char *account, pl_apps_t *out);
/* Index of company (case-insensitive) in apps, or -1. */
int pl_apps_find(const pl_apps_t *apps, const char *company);

/* Runs `careerops run --once -X state.dir=DIR EXTRA`; returns the exit
 * status, *out its stdout and *err_out its stderr (malloc'd, caller frees). */
int pl_run_once(const char *dir, const char *extra, char **out, char **err_out);

/* Embedded-mode configuration with state.dir = dir and the IMAP source
 * imap.url = url, user / password (caller destroys). */
co_conf_t *pl_conf_imap(const char *dir, const char *url, const char *user, const char *password);
/* Records committed to topic.raw (every partition) into *total, and how
 * many distinct dedupe keys they carry into *distinct. */
void pl_raw_count(co_pipeline_t *p, const co_conf_t *conf, long *total, long *distinct);
/* Committed classified events. */
long pl_classified(co_pipeline_t *p);

#endif
