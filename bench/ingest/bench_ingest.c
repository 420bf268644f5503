/* bench_ingest: co_ingest_normalize throughput over the MIME corpus against
 * a baseline measured in the same run: GMime's parse alone
 * (g_mime_parser_construct_message on a memory stream, then unref). The
 * ratio says what normalization (charset conversion, HTML to text,
 * addresses, hashing, JSON) costs on top of parsing.
 * Usage: bench_ingest [corpus_dir] [seconds_per_mode=2] */
#include <dirent.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_ingest.h"

typedef struct {
  char *data;
  size_t len;
} msg_t;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void baseline_one(const msg_t *m) {
  GMimeStream *s = g_mime_stream_mem_new_with_buffer(m->data, m->len);
  GMimeParser *p = g_mime_parser_new_with_stream(s);
  GMimeMessage *msg = g_mime_parser_construct_message(p, NULL);
  if (msg) g_object_unref(msg);
  g_object_unref(p);
  g_object_unref(s);
}

static int normalize_one(const msg_t *m) {
  co_ingest_src_t src = {.account = "bench", .cursor_json = "{\"kind\":\"file\",\"path\":\"b\",\"offset\":0}",
                         .max_body_bytes = 1 << 20};
  char *out = NULL, errstr[256];
  co_err_t err = co_ingest_normalize(m->data, m->len, &src, &out, errstr, sizeof(errstr));
  free(out);
  return err == CO_OK;
}

/* Runs whole passes over msgs until secs elapse; returns messages/s. */
static double run(const msg_t *msgs, int n, double secs, int normalize, long *countp) {
  long count = 0;
  double t0 = now(), t;
  do {
    for (int i = 0; i < n; i++) {
      if (normalize) {
        if (!normalize_one(&msgs[i])) {
          fprintf(stderr, "bench: message %d failed to normalize\n", i);
          exit(1);
        }
      } else {
        baseline_one(&msgs[i]);
      }
    }
    count += n;
  } while ((t = now() - t0) < secs);
  *countp = count;
  return (double)count / t;
}

static int load(const char *dir, msg_t *msgs, int max, size_t max_len) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent *de;
  while ((de = readdir(d)) && n < max) {
    size_t nl = strlen(de->d_name);
    if (nl < 5 || strcmp(de->d_name + nl - 4, ".eml")) continue;
    char *path = g_build_filename(dir, de->d_name, NULL);
    gchar *data;
    gsize len;
    if (g_file_get_contents(path, &data, &len, NULL)) {
      if (len <= max_len) msgs[n].data = data, msgs[n++].len = len;
      else g_free(data);
    }
    g_free(path);
  }
  closedir(d);
  return n;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "tests/ingest/corpus";
  double secs = argc > 2 ? atof(argv[2]) : 2.0;
  g_mime_init();
  static msg_t all[1024], small[1024];
  int n = load(dir, all, 1024, (size_t)-1), ns = load(dir, small, 1024, 64 * 1024);
  if (n <= 0) {
    fprintf(stderr, "bench: no .eml files in %s\n", dir);
    return 1;
  }
  size_t bytes = 0;
  for (int i = 0; i < n; i++) bytes += all[i].len;
  printf("corpus: %d messages, %zu bytes (%d under 64 KiB)\n", n, bytes, ns);
  normalize_one(&all[0]); /* one-time library init outside the timing */
  const struct {
    const char *name;
    msg_t *m;
    int n;
  } sets[] = {{"all messages", all, n}, {"messages < 64 KiB", small, ns}};
  for (int s = 0; s < 2; s++) {
    long cb, cn;
    if (!sets[s].n) continue;
    double base = run(sets[s].m, sets[s].n, secs, 0, &cb);
    double norm = run(sets[s].m, sets[s].n, secs, 1, &cn);
    printf("%-18s baseline gmime parse: %9.0f msg/s (%ld)  normalize: %9.0f msg/s (%ld)  ratio normalize/parse: %.3f\n",
           sets[s].name, base, cb, norm, cn, norm / base);
  }
  for (int i = 0; i < n; i++) g_free(all[i].data);
  for (int i = 0; i < ns; i++) g_free(small[i].data);
  return 0;
}
