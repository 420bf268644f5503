/* cmd_reprocess.c: `careerops reprocess`: re-applies the current model
 * (classify.model, e.g. a personal one from `train --with-corrections`) to
 * all past mail of the local state (embedded mode).
 *
 * Everything derived is rebuilt from the inputs: a new state directory
 * beside state.dir receives the committed records of topic.raw (mail and
 * review answers, in order) and topic.corrections, the pipeline runs until
 * idle, and the new directory replaces the old one (rename; the old one is
 * removed after). Corrections and review answers still win: they are
 * replayed after the mail they are about. Plain files of the state dir
 * (API tokens, the notification journal, so reprocessed interviews are not
 * notified again) are copied. Not carried over: the import/IMAP source
 * cursors (a re-import appends again and the dedupe store drops the
 * duplicates). `careerops run` must not be running on the same state.dir
 * (RocksDB's lock refuses it). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "co_cli.h"
#include "co_pipeline.h"
#include "co_term.h"

static const char co_reprocess_usage[] =
    "Usage: careerops reprocess [options]\n"
    "Rebuilds the applications, the needs-review queue and everything derived\n"
    "from the mail of the local state with the current model (classify.model),\n"
    "then replays corrections and review answers on top. Embedded mode; stop\n"
    "`careerops run` on the same state.dir first.\n" CO_CLI_COMMON_HELP;

typedef struct copy_s {
  co_rt_t *to;
  const char *topic;
  co_rt_msg_t msgs[256];
  void *bufs[256];
  int n;
  long total;
  co_err_t err;
  char errstr[256];
} copy_t;

static void flush(copy_t *c) {
  if (c->n && !c->err) c->err = co_rt_append(c->to, c->topic, c->msgs, c->n, NULL, 0, c->errstr, sizeof(c->errstr));
  for (int i = 0; i < c->n; i++) {
    free(c->bufs[i]);
    free((void *)c->msgs[i].hdrs);
  }
  c->total += c->err ? 0 : c->n;
  c->n = 0;
}

/* Keeps a copy of rec (the runtime's buffers live for the callback only). */
static int copy_cb(const co_record_t *rec, void *opaque) {
  copy_t *c = opaque;
  size_t hl = 0;
  for (int i = 0; i < rec->hdr_cnt; i++) hl += strlen(rec->hdrs[i].name) + 1 + rec->hdrs[i].len;
  char *b = malloc(rec->key_len + rec->value_len + hl + 1), *q = b;
  co_hdr_t *h = rec->hdr_cnt ? calloc((size_t)rec->hdr_cnt, sizeof(*h)) : NULL;
  if (!b || (rec->hdr_cnt && !h)) {
    free(b);
    free(h);
    c->err = CO_ERR_NOMEM;
    return 1;
  }
  co_rt_msg_t *m = &c->msgs[c->n];
  memset(m, 0, sizeof(*m));
  if (rec->key_len) memcpy(q, rec->key, rec->key_len);
  m->key = q;
  m->key_len = rec->key_len;
  q += rec->key_len;
  if (rec->value_len) memcpy(q, rec->value, rec->value_len);
  m->value = rec->value ? q : NULL;
  m->value_len = rec->value_len;
  q += rec->value_len;
  for (int i = 0; i < rec->hdr_cnt; i++) {
    size_t nl = strlen(rec->hdrs[i].name) + 1;
    memcpy(q, rec->hdrs[i].name, nl);
    h[i].name = q;
    q += nl;
    if (rec->hdrs[i].value && rec->hdrs[i].len) memcpy(q, rec->hdrs[i].value, rec->hdrs[i].len);
    h[i].value = rec->hdrs[i].value ? q : NULL;
    h[i].len = rec->hdrs[i].len;
    q += rec->hdrs[i].len;
  }
  m->hdrs = h;
  m->hdr_cnt = rec->hdr_cnt;
  c->bufs[c->n++] = b;
  if (c->n == 256) flush(c);
  return c->err != CO_OK;
}

static long copy_topic(co_pipeline_t *from, co_pipeline_t *to, const char *topic, char *errstr, size_t sz) {
  copy_t *c = calloc(1, sizeof(*c));
  if (!c) return snprintf(errstr, sz, "out of memory"), -1;
  c->to = co_pipeline_rt(to);
  c->topic = topic;
  for (int32_t part = 0; part < co_rt_partitions(co_pipeline_rt(from)) && !c->err; part++) {
    co_rt_read(co_pipeline_rt(from), topic, part, 0, copy_cb, c);
    flush(c); /* one partition's records stay in their order */
  }
  long n = c->err ? -1 : c->total;
  if (c->err) snprintf(errstr, sz, "copy %s: %s", topic, *c->errstr ? c->errstr : co_err2str(c->err));
  flush(c);
  free(c);
  return n;
}

static int rm_cb(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

/* Copies the plain files at the top of dir into to. */
static int copy_files(const char *dir, const char *to, char *errstr, size_t sz) {
  DIR *d = opendir(dir);
  struct dirent *e;
  int rc = 0;
  if (!d) return snprintf(errstr, sz, "open %s: %s", dir, strerror(errno)), -1;
  while (!rc && (e = readdir(d))) {
    char src[4096], dst[4096], buf[65536];
    struct stat st;
    snprintf(src, sizeof(src), "%s/%s", dir, e->d_name);
    snprintf(dst, sizeof(dst), "%s/%s", to, e->d_name);
    if (stat(src, &st) || !S_ISREG(st.st_mode) || !access(dst, F_OK)) continue;
    FILE *in = fopen(src, "rb"), *out = in ? fopen(dst, "wb") : NULL;
    size_t n;
    while (out && (n = fread(buf, 1, sizeof(buf), in)) > 0)
      if (fwrite(buf, 1, n, out) != n) break;
    if (!in || !out || ferror(in) || fclose(out)) {
      snprintf(errstr, sz, "copy %.300s: %s", e->d_name, strerror(errno));
      rc = -1;
    } else {
      chmod(dst, st.st_mode & 07777);
    }
    if (in) fclose(in);
  }
  closedir(d);
  return rc;
}

int co_cmd_reprocess(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {CO_CLI_COMMON_LONG, {NULL, 0, NULL, 0}};
  char errstr[512], *newdir = NULL, *olddir = NULL;
  int opt, rc;
  co_pipeline_t *from = NULL, *to = NULL;
  co_conf_t *conf1, *conf2 = NULL;
  while ((opt = co_cli_getopt(cli, "reprocess", co_reprocess_usage, argc, argv, "", longopts)) != -1)
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
  if (optind < argc) return co_cli_usage_error(cli, "reprocess", "unexpected argument '%s'", argv[optind]);
  if ((rc = co_cli_load_conf(cli))) return rc;
  conf1 = cli->conf;
  cli->conf = NULL;
  rc = co_cli_load_conf(cli); /* the same settings again, for the new directory */
  conf2 = cli->conf;
  cli->conf = conf1;
  if (rc) goto done;
  rc = CO_EXIT_FAIL;
  const char *dir = co_conf_str(conf1, "state.dir");
  if (asprintf(&newdir, "%s.reprocess", dir) < 0 || asprintf(&olddir, "%s.old.%d", dir, (int)getpid()) < 0) goto done;
  nftw(newdir, rm_cb, 16, FTW_DEPTH | FTW_PHYS); /* a reprocess that died before */
  if (co_conf_set(conf2, "state.dir", newdir, CO_CONF_SRC_CLI, errstr, sizeof(errstr))) goto fail;
  if (!(from = co_pipeline_new(conf1, errstr, sizeof(errstr)))) goto fail;
  if (!co_rt_embedded(co_pipeline_rt(from))) {
    snprintf(errstr, sizeof(errstr), "embedded mode only (in Kafka mode, reset the application's consumer group)");
    goto fail;
  }
  if (co_pipeline_run_until_idle(from, errstr, sizeof(errstr))) goto fail;
  if (!(to = co_pipeline_new(conf2, errstr, sizeof(errstr)))) goto fail;
  long raw = copy_topic(from, to, co_conf_str(conf1, "topic.raw"), errstr, sizeof(errstr));
  long corr = raw < 0 ? -1 : copy_topic(from, to, co_conf_str(conf1, "topic.corrections"), errstr, sizeof(errstr));
  if (corr < 0 || co_pipeline_run_until_idle(to, errstr, sizeof(errstr))) goto fail;
  co_pipeline_destroy(from);
  co_pipeline_destroy(to);
  from = to = NULL;
  if (copy_files(dir, newdir, errstr, sizeof(errstr))) goto fail;
  if (rename(dir, olddir) || rename(newdir, dir)) {
    snprintf(errstr, sizeof(errstr), "replace %s: %s", dir, strerror(errno));
    goto fail;
  }
  nftw(olddir, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
  co_term_printf(stderr, "careerops reprocess: %ld record(s) of mail and answers, %ld correction(s) replayed into %s\n",
                 raw, corr, dir);
  rc = CO_EXIT_OK;
  goto done;
fail:
  co_term_printf(stderr, "careerops reprocess: %s\n", errstr);
done:
  co_pipeline_destroy(to);
  co_pipeline_destroy(from);
  co_conf_destroy(conf2);
  free(newdir);
  free(olddir);
  return rc;
}
