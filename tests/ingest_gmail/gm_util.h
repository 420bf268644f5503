/* gm_util.h: helpers shared by the Gmail source tests: a source pointed at
 * the fake server, and a callback that records (and optionally normalizes)
 * what it was handed. */
#ifndef GM_UTIL_H
#define GM_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"
#include "co_ingest_gmail.h"
#include "co_th.h"
#include "fake_gmail.h"

#define GM_CLIENT_ID "client-42.apps.example"
#define GM_SECRET "GOCSPX-cl1ent-S3cret-9931"
#define GM_REFRESH "1//rEfResh-T0ken-77410"

typedef struct {
  int idx[FG_MAX_MSGS]; /* i of fg_make_message(i) per accepted call */
  char ids[FG_MAX_MSGS][32];
  size_t n;
  int stop_at; /* > 0: refuse the call number stop_at (1-based) */
  int calls;
  int normalize; /* 1: co_ingest_normalize each and check its subject */
  int bad;
  char why[256];
} gm_rec_t;

static inline int gm_record(const char *raw, size_t len, const char *id, uint64_t hid, void *opaque) {
  gm_rec_t *r = opaque;
  if (++r->calls == r->stop_at) return 1;
  const char *s = memmem(raw, len, "Subject: job ", 13);
  int i = s ? atoi(s + 13) : -1;
  char *want = i >= 0 ? fg_make_message(i) : NULL;
  if (!want || strlen(want) != len || memcmp(want, raw, len)) {
    r->bad++;
    snprintf(r->why, sizeof(r->why), "bytes of %s differ from message %d", id, i);
  }
  free(want);
  if (r->normalize) {
    char cur[64], err[512], *json = NULL, subj[32];
    snprintf(cur, sizeof(cur), "{\"kind\":\"gmail\",\"history_id\":%llu}", (unsigned long long)hid);
    co_ingest_src_t src = {.account = "me@example.com", .cursor_json = cur};
    snprintf(subj, sizeof(subj), "\"subject\":\"job %d\"", i);
    if (co_ingest_normalize(raw, len, &src, &json, err, sizeof(err)) || !strstr(json, subj)) {
      r->bad++;
      snprintf(r->why, sizeof(r->why), "normalize %s: %.200s", id, json ? json : err);
    }
    free(json);
  }
  if (r->n < FG_MAX_MSGS) {
    r->idx[r->n] = i;
    snprintf(r->ids[r->n], sizeof(r->ids[r->n]), "%s", id);
    r->n++;
  }
  return 0;
}

static inline co_ingest_gmail_conf_t gm_conf(const fake_gmail_t *fg) {
  co_ingest_gmail_conf_t c = {.api_url = fg->base,
                              .token_url = fg->token_url,
                              .client_id = GM_CLIENT_ID,
                              .client_secret = GM_SECRET,
                              .refresh_token = GM_REFRESH,
                              .account = "me@example.com",
                              .retry_base_ms = 10,
                              .io_timeout_ms = 10000,
                              .page_size = 100};
  return c;
}

/* Adds messages first..last (fg_make_message(i)). */
static inline void gm_seed(fake_gmail_t *fg, int first, int last) {
  for (int i = first; i <= last; i++) {
    char *m = fg_make_message(i);
    fg_add(fg, m);
    free(m);
  }
}

#endif
