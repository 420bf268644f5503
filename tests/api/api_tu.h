/* api_tu.h: helpers shared by the API tests: an embedded pipeline with the
 * sample inbox imported (as account "alice", and a copy as "bob"), its API
 * on a free loopback port, and a small libcurl client. */
#ifndef API_TU_H
#define API_TU_H

#include <jansson.h>

#include "co_conf.h"
#include "co_pipeline.h"

typedef struct api_tu_s {
  char *dir;
  co_conf_t *conf;
  co_pipeline_t *p;
  co_pipeline_api_t *api;
  char base[64]; /* http://127.0.0.1:PORT */
} api_tu_t;

/* Starts it all; extra: NULL-terminated "name", "value" settings, or NULL.
 * Fails the test on error. */
void api_tu_start(api_tu_t *t, const char *const *extra);
void api_tu_stop(api_tu_t *t);

typedef struct api_resp_s {
  long status;
  char *body; /* malloc'd, NUL-terminated */
  size_t len;
  char ctype[128];
  char instance[128];
  json_t *json; /* parsed body, or NULL */
  void (*hdr_cb)(void); /* internal: api_req_cb's callback */
} api_resp_t;

/* method "GET"/"POST"; token NULL for none; body NULL for none. */
void api_req(const char *base, const char *method, const char *path, const char *token, const char *body,
             api_resp_t *r);
/* The same with one extra header line ("Name: value"), or NULL. */
void api_req_h(const char *base, const char *method, const char *path, const char *token, const char *body,
               const char *header, api_resp_t *r);
/* The same with a NULL-terminated list of header lines (or NULL). Writes
 * (any method but GET/HEAD) carry Content-Type: application/json unless a
 * Content-Type line is given ("Content-Type:" alone sends none). */
void api_req_hv(const char *base, const char *method, const char *path, const char *token, const char *body,
                const char *const *hdrs, api_resp_t *r);
/* A request without body whose header lines also go to cb (opaque NULL). */
void api_req_cb(const char *base, const char *method, const char *path, const char *token,
                size_t (*cb)(char *line, size_t size, size_t nmemb, void *opaque), api_resp_t *r);
void api_resp_free(api_resp_t *r);
/* Asserts status and, for errors, the JSON error body with that code and a
 * message naming no file path. */
void api_expect_error(const api_resp_t *r, long status, const char *code);

/* Writes the sample inbox to dst with every Message-ID, In-Reply-To and
 * References id prefixed by tag: the same mail for another account, not
 * deduplicated against the first (dedupe keys are message ids). */
void api_tu_sample_copy(const char *dst, const char *tag);

/* A new token through the token store (not via the CLI binary). */
void api_tu_token(const co_conf_t *conf, const char *account, int admin, char out[64]);

#endif
