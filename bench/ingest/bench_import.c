/* bench_import: `careerops import` throughput on a generated mbox (100,000
 * messages by default) in a temp dir, against a baseline measured in the
 * same run: the same reader + co_ingest_normalize in-process with nothing
 * written. The ratio says what the durable, exactly-once append to the
 * embedded log (RocksDB batches of 200 plus the source cursor) costs. A
 * second import of the same file must add 0 records; its time is the cost
 * of skipping (one sequential scan, no parse).
 * Usage: bench_import [messages=100000] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_tu.h"
#include "co_ingest.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long normalize_only(const char *mbox) {
  co_ingest_reader_t *r;
  co_ingest_msg_t m;
  char errstr[512];
  long n = 0;
  if (co_ingest_mbox_open(mbox, 0, &r, errstr, sizeof(errstr))) return -1;
  while (!co_ingest_reader_next(r, &m, errstr, sizeof(errstr))) {
    char *cur = co_ingest_cursor_file(m.path, m.offset), *json = NULL;
    co_ingest_src_t src = {.account = "bench", .cursor_json = cur, .max_body_bytes = 262144};
    if (!co_ingest_normalize(m.data, m.len, &src, &json, errstr, sizeof(errstr))) n++;
    free(json);
    free(cur);
  }
  co_ingest_reader_close(r);
  return n;
}

static int import(const char *st, const char *mbox, long *imported, long *skipped) {
  char cmd[2048], *out = NULL;
  long failed;
  snprintf(cmd, sizeof(cmd), "'%s' import '%s' -X state.dir='%s' -X log.level=warn 2>/dev/null", CO_CAREEROPS_BIN, mbox,
           st);
  FILE *p = popen(cmd, "r");
  size_t cap = 0;
  if (!p || getline(&out, &cap, p) < 0) {
    if (p) pclose(p);
    free(out);
    return -1;
  }
  int rc = pclose(p);
  rc = rc || cli_tu_summary(out, imported, skipped, &failed);
  free(out);
  return rc;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000, imp, skip;
  char dir[] = "/tmp/bench_import.XXXXXX", mbox[128], st[128], cmd[300];
  if (!mkdtemp(dir)) return 1;
  snprintf(mbox, sizeof(mbox), "%s/inbox.mbox", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  if (cli_tu_write_mbox(mbox, (int)n, -1)) return 1;
  double t0 = now();
  long base = normalize_only(mbox);
  double t_base = now() - t0;
  t0 = now();
  int bad = import(st, mbox, &imp, &skip);
  double t_imp = now() - t0;
  t0 = now();
  long imp2 = -1, skip2 = -1;
  bad |= import(st, mbox, &imp2, &skip2);
  double t_re = now() - t0;
  long in_log = cli_tu_count(st, "raw_inbox_stream");
  printf("bench_import: %ld messages\n", n);
  printf("  baseline normalize only : %8.0f msg/s (%ld ok, %.2f s)\n", (double)base / t_base, base, t_base);
  printf("  careerops import        : %8.0f msg/s (%ld imported, %.2f s, incl. process start)\n", (double)imp / t_imp,
         imp, t_imp);
  printf("  ratio import/normalize  : %.2f\n", ((double)imp / t_imp) / ((double)base / t_base));
  printf("  re-import               : %ld imported, %ld skipped in %.2f s (%.0f msg/s scanned)\n", imp2, skip2, t_re,
         (double)skip2 / t_re);
  printf("  records in log          : %ld (%s)\n", in_log, in_log == n && imp2 == 0 ? "exactly once" : "MISMATCH");
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
  if (system(cmd)) bad = 1;
  return bad || in_log != n || imp2 != 0;
}
