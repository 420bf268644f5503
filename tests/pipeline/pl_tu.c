/* pl_tu.c: see pl_tu.h. */
#include "pl_tu.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "co_ingest.h"
#include "co_th.h"

co_conf_t *pl_conf(const char *dir) {
  char err[256];
  co_conf_t *c = co_conf_new();
  if (co_conf_set(c, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) || co_conf_finalize(c, err, sizeof(err))) {
    fprintf(stderr, "conf: %s\n", err);
    abort();
  }
  return c;
}

const char *pl_data(const char *dir, const char *file) {
  static char buf[4096];
  const char *src = getenv("CO_SOURCE_DIR");
  snprintf(buf, sizeof(buf), "%s/data/%s/%s", src ? src : ".", dir, file);
  return buf;
}

const char *pl_sample(const char *file) { return pl_data("sample", file); }

co_pipeline_t *pl_import_run(const co_conf_t *conf, const char *mbox, long long appended) {
  char err[512];
  co_pipeline_import_stats_t st;
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  if (co_pipeline_import_mbox(p, mbox, NULL, &st, err, sizeof(err))) fail_msg("import %s: %s", mbox, err);
  assert_int_equal(st.appended, appended);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);
  return p;
}

static int app_cb(const co_pipeline_app_t *a, void *opaque) {
  pl_apps_t *out = opaque;
  if (out->n >= (int)(sizeof(out->a) / sizeof(out->a[0]))) return 1;
  pl_app_t *x = &out->a[out->n++];
  snprintf(x->company, sizeof(x->company), "%s", a->company);
  snprintf(x->role, sizeof(x->role), "%s", a->role);
  snprintf(x->stage, sizeof(x->stage), "%s", a->stage);
  x->emails = (long)a->emails;
  return 0;
}

void pl_apps(co_pipeline_t *p, const char *account, pl_apps_t *out) {
  char err[256];
  out->n = 0;
  if (co_pipeline_applications(p, account, app_cb, out, err, sizeof(err))) fprintf(stderr, "apps: %s\n", err);
}

int pl_apps_find(const pl_apps_t *apps, const char *company) {
  for (int i = 0; i < apps->n; i++)
    if (!strcasecmp(apps->a[i].company, company)) return i;
  return -1;
}

int pl_run_once(const char *dir, const char *extra, char **out, char **err_out) {
  char cmd[8192], errpath[4096];
  const char *bin = getenv("CO_BINARY_DIR");
  snprintf(errpath, sizeof(errpath), "%s/run.stderr", dir);
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' run --once -X state.dir='%s' -X log.level=warn %s 2>'%s'",
           bin ? bin : ".", dir, extra ? extra : "", errpath);
  int rc = co_th_sh(cmd, out);
  *err_out = co_th_read_file(errpath, NULL);
  if (!*err_out) *err_out = strdup("");
  return rc;
}

co_conf_t *pl_conf_imap(const char *dir, const char *url, const char *user, const char *password) {
  char err[256];
  co_conf_t *c = co_conf_new();
  if (co_conf_set(c, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "imap.url", url, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "imap.user", user, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(c, "imap.password", password, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_finalize(c, err, sizeof(err))) {
    fprintf(stderr, "conf: %s\n", err);
    abort();
  }
  return c;
}

typedef struct raw_seen_s {
  char **keys;
  long n, cap, total;
} raw_seen_t;

static int raw_cb(const co_record_t *rec, void *opaque) {
  raw_seen_t *s = opaque;
  char err[256], *key = NULL, *json = strndup(rec->value ? rec->value : "", rec->value_len);
  s->total++;
  if (json && co_ingest_dedupe_key(json, &key, err, sizeof(err)) == CO_OK) {
    for (long i = 0; i < s->n; i++)
      if (!strcmp(s->keys[i], key)) {
        free(key);
        key = NULL;
        break;
      }
    if (key) {
      if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->keys = realloc(s->keys, (size_t)s->cap * sizeof(*s->keys));
      }
      s->keys[s->n++] = key;
    }
  }
  free(json);
  return 0;
}

void pl_raw_count(co_pipeline_t *p, const co_conf_t *conf, long *total, long *distinct) {
  raw_seen_t s = {0};
  int parts = (int)co_conf_int(conf, "topic.partitions");
  for (int i = 0; i < parts; i++) co_rt_read(co_pipeline_rt(p), co_conf_str(conf, "topic.raw"), i, 0, raw_cb, &s);
  *total = s.total;
  *distinct = s.n;
  for (long i = 0; i < s.n; i++) free(s.keys[i]);
  free(s.keys);
}

long pl_classified(co_pipeline_t *p) {
  co_pipeline_counts_t c;
  char err[256];
  if (co_pipeline_counts(p, &c, err, sizeof(err))) {
    fprintf(stderr, "counts: %s\n", err);
    return -1;
  }
  return (long)c.classified;
}

typedef struct pl_copy_s {
  co_pipeline_t *to;
  const char *topic;
  long n;
} pl_copy_t;

static int pl_copy_cb(const co_record_t *rec, void *opaque) {
  pl_copy_t *c = opaque;
  char err[256];
  co_rt_msg_t m = {rec->key, rec->key_len, rec->value, rec->value_len, rec->hdrs, rec->hdr_cnt, NULL};
  if (co_rt_append(co_pipeline_rt(c->to), c->topic, &m, 1, NULL, 0, err, sizeof(err))) {
    fprintf(stderr, "append: %s\n", err);
    abort();
  }
  c->n++;
  return 0;
}

long pl_copy_topic(co_pipeline_t *from, co_pipeline_t *to, const char *topic) {
  pl_copy_t c = {to, topic, 0};
  for (int32_t part = 0; part < co_rt_partitions(co_pipeline_rt(from)); part++)
    co_rt_read(co_pipeline_rt(from), topic, part, 0, pl_copy_cb, &c);
  return c.n;
}
