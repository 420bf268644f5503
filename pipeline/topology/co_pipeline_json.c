/* co_pipeline_json.c: the pipeline's stores hold compact JSON; these read
 * and write one value, inside a processor (co_ctx) or from outside the
 * topology (committed state through co_rt). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_pipeline_int.h"
#include "co_time.h"

json_t *co_pl_ctx_get_json(co_ctx_t *ctx, const char *store, const char *key) {
  void *v;
  size_t vl;
  if (co_ctx_get(ctx, store, key, strlen(key), &v, &vl) != CO_OK) return NULL;
  json_t *j = json_loadb(v, vl, 0, NULL);
  free(v);
  return j;
}

co_err_t co_pl_ctx_put_json(co_ctx_t *ctx, const char *store, const char *key, json_t *j) {
  char *s = json_dumps(j, JSON_COMPACT);
  if (!s) return CO_ERR_NOMEM;
  co_err_t e = co_ctx_put(ctx, store, key, strlen(key), s, strlen(s), 0);
  free(s);
  return e;
}

json_t *co_pl_rt_get_json(co_rt_t *rt, const char *store, int32_t part, const char *key) {
  void *v;
  size_t vl;
  if (co_rt_store_get(rt, store, part, key, strlen(key), &v, &vl) != CO_OK) return NULL;
  json_t *j = json_loadb(v, vl, 0, NULL);
  free(v);
  return j;
}

void co_pl_utc_iso(time_t t, char *buf, size_t size) {
  co_time_format_utc(t, buf, size);
}
