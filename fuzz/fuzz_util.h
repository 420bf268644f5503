/* fuzz_util.h: helpers shared by the libFuzzer targets (header only: each
 * target is one translation unit plus the project sources it drives).
 *
 * Inputs that carry several strings (subject, from, body; method, target,
 * body; file name, content) separate them with NUL bytes: a C string can
 * hold no NUL, so the split loses nothing the code under test could see,
 * and libFuzzer's mutations move bytes across fields freely. */
#ifndef FUZZ_UTIL_H
#define FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_MAX_FIELDS 16

/* Up to max NUL-separated fields of data, each a malloc'd NUL-terminated
 * copy; missing fields are "" (so f[i] is never NULL for i < max); bytes
 * past the max-th field are ignored. Free with fuzz_fields_free(f, max). */
static inline void fuzz_fields(const uint8_t *data, size_t size, char **f, int max) {
  size_t start = 0;
  for (int i = 0; i < max; i++) {
    size_t end = start;
    while (end < size && data[end]) end++;
    size_t n = start < size ? end - start : 0;
    f[i] = malloc(n + 1);
    if (!f[i]) abort();
    if (n) memcpy(f[i], data + start, n);
    f[i][n] = '\0';
    start = end + 1;
  }
}

static inline void fuzz_fields_free(char **f, int max) {
  for (int i = 0; i < max; i++) free(f[i]);
}

/* A private scratch directory for targets whose code under test reads files
 * (config, mbox, Maildir): made once per process under TMPDIR, removed at
 * exit by the caller's atexit handler. */
static inline const char *fuzz_scratch_dir(void) {
  static char dir[512];
  if (!dir[0]) {
    const char *t = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/co-fuzz-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(dir)) abort();
  }
  return dir;
}

/* The one scratch file of a target that reads a single file (config,
 * accounts list, mbox): "<scratch dir>/<name>", removed with the directory
 * at exit. Call once, from LLVMFuzzerInitialize; returns the path. */
static inline char *fuzz_scratch_path(void) {
  static char path[600];
  return path;
}
static inline void fuzz_scratch_cleanup(void) {
  if (fuzz_scratch_path()[0]) unlink(fuzz_scratch_path());
  rmdir(fuzz_scratch_dir());
}
static inline const char *fuzz_scratch_file(const char *name) {
  snprintf(fuzz_scratch_path(), 600, "%s/%s", fuzz_scratch_dir(), name);
  atexit(fuzz_scratch_cleanup);
  return fuzz_scratch_path();
}

/* Writes data to path (truncating); aborts on failure: the target cannot
 * test anything without its file. */
static inline void fuzz_write_file(const char *path, const void *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f)) abort();
}

#endif
