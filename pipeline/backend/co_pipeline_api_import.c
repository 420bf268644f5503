/* co_pipeline_api_import.c: POST /api/imports {"path", "account"?}: an
 * import into a running instance, so `careerops import` works while
 * `careerops run` holds the state dir (the CLI sends its import here when
 * state.dir/instance.json names a live instance). Admin only and from this
 * machine only (the route's CO_API_RF_LOCAL): the body names a file of this
 * machine, read with the server's rights, like the CLI would. Embedded mode
 * only: with brokers set, `careerops import` writes to Kafka itself and
 * needs no instance. The import is co_pipeline_import_path on the
 * pipeline's own runtime, exactly once per account and source as always;
 * the processing thread picks the records up at once. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "co_json.h"
#include "co_pipeline_api_int.h"
#include "co_pipeline_ingest.h"

json_t *co_pl_api_import(co_pipeline_t *p, json_t *body, co_err_t *err, char *errstr, size_t sz) {
  const char *k, *path = NULL, *account = NULL;
  json_t *v;
  char real[PATH_MAX];
  *err = CO_OK;
  json_object_foreach(body, k, v) {
    if (strcmp(k, "path") && strcmp(k, "account")) {
      *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "unknown field \"%.40s\" (path, account)", k);
      return NULL;
    }
    if (!json_is_string(v) || !json_string_length(v) || strlen(json_string_value(v)) != json_string_length(v)) {
      *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "%s must be a non-empty string without NUL characters", k);
      return NULL;
    }
  }
  path = json_string_value(json_object_get(body, "path"));
  account = json_string_value(json_object_get(body, "account"));
  if (!path || path[0] != '/') {
    *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "path must be an absolute path on this machine");
    return NULL;
  }
  if (account && (strlen(account) > 200 || strchr(account, '\x1f'))) {
    *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "account must be at most 200 bytes");
    return NULL;
  }
  if (!co_rt_embedded(co_pipeline_rt(p))) {
    *err = co_seterr(errstr, sz, CO_ERR_INVALID_ARG,
                     "this instance runs on Kafka: `careerops import --brokers ...` writes to Kafka itself");
    return NULL;
  }
  if (!realpath(path, real)) {
    *err = co_seterr(errstr, sz, CO_ERR_NOT_FOUND, "cannot open %.300s: %s", path, strerror(errno));
    return NULL;
  }
  co_pipeline_import_result_t res;
  co_err_t e = co_pipeline_import_path(co_pipeline_conf(p), co_pipeline_rt(p), real, account, NULL, NULL, &res,
                                       errstr, sz);
  if (e) {
    *err = e == CO_ERR_IO || e == CO_ERR_INVALID_ARG ? CO_ERR_INVALID_ARG : e;
    return NULL;
  }
  json_t *out = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:i, s:i, s:s}", "path", real, "kind", res.kind, "account",
                          account ? account : co_conf_str(co_pipeline_conf(p), "account"), "imported",
                          (json_int_t)res.imported, "skipped", (json_int_t)res.skipped, "failed",
                          (json_int_t)res.failed, "reread", res.reread, "still_unreadable", res.still_unreadable,
                          "first_error", res.first_error);
  if (!out) *err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  return out;
}
