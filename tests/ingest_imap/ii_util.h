/* ii_util.h: helpers shared by the IMAP source tests: a dovecot with the
 * source pointed at it, a recording callback, and the normalize + dedupe-key
 * path every fetched message can be pushed through. */
#ifndef II_UTIL_H
#define II_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"
#include "co_ingest_imap.h"
#include "co_th.h"
#include "co_th_imap.h"

/* What a recording callback saw. */
typedef struct {
  int *idx;       /* message number i of co_th_imap_make_message(i), per call */
  uint32_t *uids; /* UID per call */
  char **keys;    /* dedupe key per call (when normalize is on), malloc'd */
  size_t n, cap;
  int stop_after;  /* > 0: refuse the message after this many calls */
  int normalize;   /* 1: run co_ingest_normalize + co_ingest_dedupe_key */
  int check_bytes; /* 1: the bytes must equal co_th_imap_make_message(i) */
  int bad;         /* count of messages that failed a check */
  char why[256];
} ii_rec_t;

/* The number i from "Message-ID: <co-th-<i>@careerops.test>", or -1. */
static inline int ii_msg_index(const char *raw, size_t len) {
  const char *p = memmem(raw, len, "<co-th-", 7);
  return p ? atoi(p + 7) : -1;
}

static inline int ii_record(const char *raw, size_t len, uint32_t uidvalidity, uint32_t uid, void *opaque) {
  ii_rec_t *r = opaque;
  if (r->stop_after > 0 && (int)r->n >= r->stop_after) return 1;
  if (r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 64;
    r->idx = realloc(r->idx, r->cap * sizeof(*r->idx));
    r->uids = realloc(r->uids, r->cap * sizeof(*r->uids));
    r->keys = realloc(r->keys, r->cap * sizeof(*r->keys));
  }
  int i = ii_msg_index(raw, len);
  r->idx[r->n] = i;
  r->uids[r->n] = uid;
  r->keys[r->n] = NULL;
  if (r->check_bytes) {
    size_t wl = 0;
    char *want = co_th_imap_make_message(i, NULL, NULL, &wl);
    if (!want || wl != len || memcmp(want, raw, len)) {
      r->bad++;
      snprintf(r->why, sizeof(r->why), "uid %u: bytes differ from message %d (%zu vs %zu bytes)", uid, i, len, wl);
    }
    free(want);
  }
  if (r->normalize) {
    char cursor[128], err[256], *json = NULL, *key = NULL;
    snprintf(cursor, sizeof(cursor), "{\"kind\":\"imap\",\"uidvalidity\":%u,\"uid\":%u}", uidvalidity, uid);
    co_ingest_src_t s = {.account = "test", .cursor_json = cursor};
    if (co_ingest_normalize(raw, len, &s, &json, err, sizeof(err)) ||
        co_ingest_dedupe_key(json, &key, err, sizeof(err)) || !strstr(json, cursor)) {
      r->bad++;
      snprintf(r->why, sizeof(r->why), "uid %u: normalize: %.200s", uid, err);
    }
    r->keys[r->n] = key;
    free(json);
  }
  r->n++;
  return 0;
}

static inline void ii_rec_free(ii_rec_t *r) {
  for (size_t i = 0; i < r->n; i++) free(r->keys[i]);
  free(r->idx);
  free(r->uids);
  free(r->keys);
  memset(r, 0, sizeof(*r));
}

/* A source configuration for dovecot m (strings owned by m / static). */
static inline co_ingest_imap_conf_t ii_conf(co_th_imap_t *m, const char *user, const char *password) {
  co_ingest_imap_conf_t c = {.url = co_th_imap_url(m),
                             .user = user,
                             .password = password,
                             .folder = "INBOX",
                             .account = "test-account",
                             .io_timeout_ms = 30000};
  return c;
}

#endif
