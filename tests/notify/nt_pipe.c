/* nt_pipe.c: see nt_pipe.h. */
#include "nt_pipe.h"

#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_rt.h"
#include "nt_util.h"

co_conf_t *nt_pipe_conf(fh_t *fh, const char *dir, const char *channels, const char *wa_token,
                        const char *const *extra) {
  char err[256];
  co_conf_t *c = nt_conf(fh, wa_token, extra);
  if (co_conf_set(c, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "log.level", "warn", CO_CONF_SRC_CLI, err, sizeof(err)))
    fail_msg("%s", err);
  if (!strstr(channels, "slack")) co_conf_set(c, "slack.webhook.url", "", CO_CONF_SRC_CLI, err, sizeof(err));
  if (!strstr(channels, "whatsapp")) co_conf_set(c, "whatsapp.token", "", CO_CONF_SRC_CLI, err, sizeof(err));
  if (!strstr(channels, "webhook")) co_conf_set(c, "webhook.url", "", CO_CONF_SRC_CLI, err, sizeof(err));
  if (co_conf_finalize(c, err, sizeof(err))) fail_msg("%s", err);
  return c;
}

co_pipeline_t *nt_pipe_open(const co_conf_t *conf) {
  char err[512];
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  return p;
}

void nt_pipe_import_run(co_pipeline_t *p, const char *path) {
  char err[512];
  if (path && co_pipeline_import_mbox(p, path, "me", NULL, err, sizeof(err))) fail_msg("import: %s", err);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
}

const char *nt_sample_mbox(void) {
  static char buf[4096];
  const char *src = getenv("CO_SOURCE_DIR");
  snprintf(buf, sizeof(buf), "%s/data/sample/inbox.mbox", src ? src : ".");
  return buf;
}

char *nt_write_mbox(const char *dir, const char *name, int first, int n) {
  static const char *const cos[] = {"Northwind Traders", "Contoso Robotics", "Fabrikam Health", "Tailspin Toys",
                                    "Litware Systems",   "Adatum Security",  "Proseware Cloud", "Wingtip Media"};
  char *path = NULL;
  if (asprintf(&path, "%s/%s", dir, name) < 0) fail();
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  for (int i = first; i < first + n; i++) {
    const char *co = cos[i % 8];
    fprintf(f,
            "From recruiter%d@hiring.example Wed Mar 12 20:52:00 2025\n"
            "From: Dana Recruiter <recruiter%d@hiring.example>\n"
            "To: Riley Moss <riley.moss@example.net>\n"
            "Subject: Interview invitation: Platform Engineer at %s\n"
            "Date: Wed, 12 Mar 2025 15:52:00 -0500\n"
            "Message-ID: <nt-%d@hiring.example>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            "Hi Riley,\n\nThanks for applying to %s. I'd love to set up a 30-minute phone screen to talk about the "
            "Platform Engineer role and your background.\n\nWould Monday, March 17 at 1:30 PM ET work for a call?\n\n"
            "Best,\nDana Recruiter\nTechnical Recruiter, %s\n\n",
            i, i, co, i, co, co);
  }
  fclose(f);
  return path;
}

typedef struct keys_s {
  co_notify_ch_t ch;
  char (*k)[65];
  int n, cap;
} keys_t;

static int key_cb(const co_record_t *rec, void *opaque) {
  keys_t *ks = opaque;
  json_t *note = json_loadb(rec->value, rec->value_len, 0, NULL);
  assert_non_null(note);
  char k[65];
  co_notify_idem_key(note, ks->ch, k);
  json_decref(note);
  for (int i = 0; i < ks->n; i++)
    if (!strcmp(ks->k[i], k)) return 0;
  if (ks->n == ks->cap) {
    ks->cap = ks->cap ? ks->cap * 2 : 64;
    ks->k = realloc(ks->k, sizeof(*ks->k) * (size_t)ks->cap);
    assert_non_null(ks->k);
  }
  memcpy(ks->k[ks->n++], k, 65);
  return 0;
}

int nt_pipe_keys(co_pipeline_t *p, const co_conf_t *conf, co_notify_ch_t ch, char (**keys)[65]) {
  keys_t ks = {.ch = ch};
  co_rt_t *rt = co_pipeline_rt(p);
  for (int part = 0; part < co_rt_partitions(rt); part++)
    co_rt_read(rt, co_conf_str(conf, "topic.notifications"), part, 0, key_cb, &ks);
  *keys = ks.k;
  return ks.n;
}
