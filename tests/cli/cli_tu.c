/* cli_tu.c: see cli_tu.h. The log is read through the runtime itself
 * (co_rt_new on an empty topology + co_rt_read), so the count is what the
 * pipeline would consume, not a guess from files on disk. */
#include "cli_tu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "co_conf.h"
#include "co_rt.h"
#include "co_th.h"

const char *cli_tu_bin(void) {
  static char bin[1024];
  if (!*bin) snprintf(bin, sizeof(bin), "%s/cli/careerops", getenv("CO_BINARY_DIR"));
  return bin;
}

int cli_tu_run(const char *args, int merge, char **out) {
  char *cmd;
  if (asprintf(&cmd, "'%s' %s %s", cli_tu_bin(), args, merge ? "2>&1" : "") < 0) return -1;
  int rc = co_th_sh(cmd, out);
  free(cmd);
  return rc;
}

static const char *const companies[] = {"Acme Robotics",   "Northwind Labs",   "Blue Heron Health", "Kestrel Data",
                                        "Orchard Systems", "Pinecone Freight", "Lumen Bank"};
static const char *const roles[] = {"Backend Engineer", "Data Analyst", "Product Manager", "SRE", "ML Engineer"};

int cli_tu_write_mbox(const char *path, int n, int garbage_at) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  for (int i = 0; i < n; i++) {
    const char *co = companies[i % 7], *role = roles[i % 5];
    fprintf(f, "From sender%d@example.com Mon Jan  6 10:%02d:00 2025\n", i, i % 60);
    if (i == garbage_at) {
      /* Control bytes only: valid UTF-8, so `dlq list` (JSON) can show them. */
      static const unsigned char junk[] = {0x00, 0x01, 0x02, 0x7f, 0x1b, 0x00, 0x03, '\n'};
      for (int k = 0; k < 40; k++) fwrite(junk, 1, sizeof(junk), f);
      fputs("\n", f);
      continue;
    }
    fprintf(f, "From: %s Recruiting <jobs@%c%c%c.example.com>\nTo: me@example.org\n", co, co[0], co[1], co[2]);
    fprintf(f, "Subject: %s application #%d: %s\n", i % 3 ? "Update on your" : "Thanks for your", i, role);
    fprintf(f, "Date: Mon, 6 Jan 2025 10:%02d:%02d +0000\nMessage-ID: <gen-%d@mbox.example.com>\n", i % 60, i % 59, i);
    if (i % 5 == 1) {
      fprintf(f, "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b%d\"\n\n", i);
      fprintf(f, "--b%d\nContent-Type: text/plain; charset=utf-8\n\nHello,\nthanks for applying to %s as %s.\n", i, co,
              role);
      fprintf(f,
              "--b%d\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>Hello,</p><p>thanks for applying "
              "to <b>%s</b> as %s.</p></body></html>\n--b%d--\n\n",
              i, co, role, i);
      continue;
    }
    if (i % 5 == 2) {
      fprintf(f,
              "Content-Type: text/html; charset=utf-8\n\n<html><body><h1>%s</h1><p>We would like to invite you to "
              "an interview for %s next Tuesday at 10:00.</p></body></html>\n\n",
              co, role);
      continue;
    }
    fprintf(f, "Content-Type: text/plain; charset=utf-8\n\nHi,\n\nthank you for your interest in the %s role at %s.\n",
            role, co);
    if (i % 4 == 0) fputs(">From the hiring team: this line was quoted in the mbox.\n", f);
    for (int k = 0; k < 6; k++)
      fprintf(f, "Paragraph %d of message %d: we review every application carefully and will be in touch.\n", k, i);
    fputs("\nBest regards,\nThe team\n\n", f);
  }
  return fclose(f) ? -1 : 0;
}

typedef struct {
  long cnt;
  uint64_t *hashes;
  size_t cap;
} cli_tu_acc_t;

static int cli_tu_cb(const co_record_t *rec, void *opaque) {
  cli_tu_acc_t *a = opaque;
  if ((size_t)a->cnt == a->cap) {
    a->cap = a->cap ? a->cap * 2 : 1024;
    a->hashes = realloc(a->hashes, a->cap * sizeof(*a->hashes));
    if (!a->hashes) abort();
  }
  a->hashes[a->cnt++] = XXH64(rec->value, rec->value_len, 0);
  return 0;
}

static int cli_tu_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

static long cli_tu_scan(const char *state_dir, const char *topic, int distinct) {
  char errstr[512];
  co_conf_t *conf = co_conf_new();
  co_topo_t *topo = co_topo_new("careerops");
  co_rt_t *rt = NULL;
  cli_tu_acc_t acc = {0, NULL, 0};
  long rc = -1;
  if (!conf || !topo || co_conf_set(conf, "state.dir", state_dir, CO_CONF_SRC_CLI, errstr, sizeof(errstr)) ||
      co_conf_set(conf, "log.level", "warn", CO_CONF_SRC_CLI, errstr, sizeof(errstr)) ||
      co_conf_finalize(conf, errstr, sizeof(errstr)))
    goto out;
  if (!(rt = co_rt_new(conf, topo, errstr, sizeof(errstr)))) {
    fprintf(stderr, "cli_tu: %s\n", errstr);
    goto out;
  }
  for (int p = 0; p < co_rt_partitions(rt); p++) co_rt_read(rt, topic, p, 0, cli_tu_cb, &acc);
  rc = acc.cnt;
  if (distinct && acc.cnt) {
    qsort(acc.hashes, (size_t)acc.cnt, sizeof(*acc.hashes), cli_tu_cmp);
    rc = 1;
    for (long i = 1; i < acc.cnt; i++) rc += acc.hashes[i] != acc.hashes[i - 1];
  }
out:
  free(acc.hashes);
  if (rt) co_rt_destroy(rt);
  co_topo_destroy(topo);
  co_conf_destroy(conf);
  return rc;
}

long cli_tu_count(const char *state_dir, const char *topic) {
  return cli_tu_scan(state_dir, topic, 0);
}
long cli_tu_distinct(const char *state_dir, const char *topic) {
  return cli_tu_scan(state_dir, topic, 1);
}

int cli_tu_summary(const char *out, long *imported, long *skipped, long *failed) {
  const char *s = out ? strstr(out, "imported=") : NULL;
  return s && sscanf(s, "imported=%ld skipped=%ld failed=%ld", imported, skipped, failed) == 3 ? 0 : -1;
}
