/* e2e_tu.h: helpers of the end-to-end tests (tests/e2e): the real
 * `careerops` binary as a child process, and a small libcurl client that,
 * unlike tests/api's, reports a refused connection instead of failing the
 * test (the tests poll an API that is not up yet, or was just killed). */
#ifndef E2E_TU_H
#define E2E_TU_H

#include <jansson.h>
#include <sys/types.h>

typedef struct e2e_resp_s {
  long status; /* -1: no answer (connection refused, timeout) */
  char *body;  /* malloc'd, NUL-terminated (never NULL after e2e_get) */
  char instance[128];
  json_t *json; /* parsed body, or NULL */
} e2e_resp_t;

/* GET base+path with an optional extra header line; fills r (free with
 * e2e_resp_free). Returns r->status. */
/* The admin token every `careerops` that e2e_spawn starts has (environment)
 * and e2e_get sends. */
#define E2E_ADMIN_TOKEN "e2e-admin-token-for-tests"
long e2e_get(const char *base, const char *path, const char *header, e2e_resp_t *r);
void e2e_resp_free(e2e_resp_t *r);

/* URL-encodes s into out (query or path segment). */
void e2e_escape(const char *s, char *out, size_t size);

/* "$CO_BINARY_DIR/cli/careerops", and a data/sample file of the source tree. */
const char *e2e_bin(void);
const char *e2e_sample(const char *name);

/* Starts `/bin/sh -c "exec <cmd>"` with stdout+stderr to log. Fails the test
 * on error. The child dies with the test (co_th_spawn). */
pid_t e2e_spawn(const char *cmd, const char *log);

/* Waits until log holds "dashboard and API on <url>/" and GET <url>/ready is
 * 200; base receives the URL without the trailing slash. 1 on success. */
int e2e_wait_ready(const char *log, const char *want_base, int timeout_ms);

/* Fails the test when log holds a sanitizer report (ASan, UBSan, LSan):
 * under -DCO_SANITIZE=ON the child's findings land in its log, not in the
 * test's exit status. */
void e2e_log_clean(const char *log);

/* Every application of account (all pages), as one JSON array (caller
 * decrefs), or NULL when the API does not answer 200. */
json_t *e2e_apps(const char *base, const char *account);

#endif
