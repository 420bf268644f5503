/* be_mail.c: see be_mail.h. Normalizing here, outside the timed path,
 * mirrors the product: ingestion normalizes before topic.raw. */
#include "be_mail.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"

static void die(const char *what, const char *err) {
  fprintf(stderr, "bench_e2e: %s: %s\n", what, err);
  exit(1);
}

char *be_mail_interview(char tag, long seq, const char *account) {
  static const char *const cos[] = {"Northwind Traders", "Contoso Robotics", "Fabrikam Health", "Tailspin Toys",
                                    "Litware Systems",   "Adatum Security",  "Proseware Cloud", "Wingtip Media"};
  const char *co = cos[seq % 8];
  char raw[2048], err[512], *json = NULL;
  int len = snprintf(raw, sizeof(raw),
                     "From: Dana Recruiter <recruiter@hiring.example>\r\n"
                     "To: Riley Moss <riley.moss@example.net>\r\n"
                     "Subject: Interview invitation: Platform Engineer at %s\r\n"
                     "Date: Wed, 12 Mar 2025 15:52:00 -0500\r\n"
                     "Message-ID: <e2e-%c%ld@hiring.example>\r\n"
                     "MIME-Version: 1.0\r\n"
                     "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                     "Hi Riley,\r\n\r\nThanks for applying to %s. I'd love to set up a 30-minute phone screen to "
                     "talk about the Platform Engineer role and your background.\r\n\r\nWould Monday, March 17 at "
                     "1:30 PM ET work for a call?\r\n\r\nBest,\r\nDana Recruiter\r\nTechnical Recruiter, %s\r\n",
                     co, tag, seq, co, co);
  char *cur = co_ingest_cursor_file("bench-e2e", (uint64_t)seq);
  if (!cur) die("normalize", "out of memory");
  co_ingest_src_t src = {.account = account, .cursor_json = cur, .max_body_bytes = 65536};
  if (co_ingest_normalize(raw, (size_t)len, &src, &json, err, sizeof(err))) die("normalize", err);
  free(cur);
  return json;
}

long be_mail_sample(const char *path, int replicas, char ***events) {
  co_ingest_reader_t *r = NULL;
  co_ingest_msg_t m;
  char err[512];
  long n = 0, cap = 0, base_n = 0;
  char **out = NULL, **base = NULL;
  if (co_ingest_mbox_open(path, 0, &r, err, sizeof(err))) die(path, err);
  for (;;) {
    co_err_t e = co_ingest_reader_next(r, &m, err, sizeof(err));
    if (e == CO_ERR_NOT_FOUND) break;
    if (e) continue;
    char *json = NULL, *cur = co_ingest_cursor_file(path, m.offset);
    co_ingest_src_t src = {.account = "tp", .cursor_json = cur, .max_body_bytes = 1 << 20};
    if (cur && !co_ingest_normalize(m.data, m.len, &src, &json, err, sizeof(err))) {
      char **nb = realloc(base, sizeof(char *) * (size_t)(base_n + 1));
      if (!nb) die("sample", "out of memory");
      base = nb;
      base[base_n++] = json;
    }
    free(cur);
  }
  co_ingest_reader_close(r);
  cap = base_n * replicas;
  if (!(out = calloc((size_t)(cap ? cap : 1), sizeof(char *)))) die("sample", "out of memory");
  for (int rep = 0; rep < replicas; rep++) {
    char acct[32];
    snprintf(acct, sizeof(acct), "tp%d", rep);
    for (long i = 0; i < base_n; i++) {
      json_t *ev = json_loads(base[i], 0, NULL);
      if (!ev) die("sample", "normalized event does not parse");
      const char *mid = json_string_value(json_object_get(ev, "message_id"));
      if (mid) {
        char *nm = NULL;
        if (asprintf(&nm, "%s.%s", mid, acct) < 0) die("sample", "out of memory");
        json_object_set_new(ev, "message_id", json_string(nm));
        free(nm);
      }
      json_object_set_new(ev, "account", json_string(acct));
      json_object_del(ev, "dedupe_key"); /* recomputed from the new Message-ID */
      if (!(out[n++] = json_dumps(ev, JSON_COMPACT))) die("sample", "out of memory");
      json_decref(ev);
    }
  }
  be_mail_free(base, base_n);
  *events = out;
  return n;
}

void be_mail_free(char **events, long n) {
  for (long i = 0; i < n; i++) free(events[i]);
  free(events);
}
