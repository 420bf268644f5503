/* state_tu.h: small helpers shared by the tests/state executables. */
#ifndef STATE_TU_H
#define STATE_TU_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_state.h"
#include "co_th.h"

static inline co_state_db_t *tu_open(const char *dir) {
  char err[512] = "";
  co_state_opts_t o = {.cache_mb = 8, .write_buffer_mb = 16};
  co_state_db_t *db = co_state_db_open(dir, &o, err, sizeof(err));
  if (!db) fail_msg("open %s: %s", dir, err);
  return db;
}

static inline co_state_store_t *tu_store(co_state_db_t *db, const char *name, int flags) {
  char err[512] = "";
  co_state_store_t *s = co_state_store_open(db, name, flags, err, sizeof(err));
  if (!s) fail_msg("store %s: %s", name, err);
  return s;
}

static inline void tu_put(co_state_batch_t *b, co_state_store_t *s, const char *k, const char *v) {
  assert_int_equal(co_state_put(b, s, k, strlen(k), v, strlen(v), 0), CO_OK);
}

static inline void tu_commit(co_state_batch_t *b) {
  char err[512] = "";
  if (co_state_batch_commit(b, err, sizeof(err)) != CO_OK) fail_msg("commit: %s", err);
}

/* Value of k as a malloc'd string (caller frees), or NULL if absent. */
static inline char *tu_get(co_state_batch_t *b, co_state_store_t *s, const char *k, int64_t now_ms) {
  char err[512] = "";
  void *v = NULL;
  size_t vlen = 0;
  co_err_t e = co_state_get(b, s, k, strlen(k), now_ms, &v, &vlen, err, sizeof(err));
  if (e == CO_ERR_NOT_FOUND) return NULL;
  if (e != CO_OK) fail_msg("get %s: %s", k, err);
  assert_int_equal(((char *)v)[vlen], '\0'); /* promised NUL beyond *vlen */
  assert_int_equal(strlen(v), vlen);
  return v;
}

static inline void tu_expect(co_state_batch_t *b, co_state_store_t *s, const char *k, const char *want) {
  char *got = tu_get(b, s, k, 0);
  if (!want) {
    if (got) fail_msg("%s: expected absent, got '%s'", k, got);
    return;
  }
  if (!got) fail_msg("%s: expected '%s', got nothing", k, want);
  assert_string_equal(got, want);
  free(got);
}

/* The whole store as "k=v;" in iteration order (caller frees). */
static inline char *tu_scan(co_state_batch_t *b, co_state_store_t *s, int64_t now_ms) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  co_state_iter_t *it = co_state_iter_new(b, s, now_ms);
  assert_non_null(it);
  for (co_state_iter_seek(it, NULL, 0); co_state_iter_valid(it); co_state_iter_next(it)) {
    size_t kl, vl;
    const char *k = co_state_iter_key(it, &kl), *v = co_state_iter_value(it, &vl);
    fprintf(m, "%.*s=%.*s;", (int)kl, k, (int)vl, v);
  }
  co_state_iter_destroy(it);
  fclose(m);
  return buf;
}

#endif
