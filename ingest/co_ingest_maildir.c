/* co_ingest_maildir.c: one-message-per-file readers: Maildir and a
 * directory of .eml files.
 *
 * The file list is taken once at open (names only, sorted so a run is
 * repeatable); each next() reads one file whole. A file that vanished or
 * cannot be read (a Maildir client moved it) reports CO_ERR_IO, with its
 * path in msg->path, and the reader moves on to the next name.
 *
 * Symbolic links are followed only when they resolve inside the folder
 * being read (the Maildir or .eml folder): a link to /etc/shadow or to
 * another user's mail is skipped at listing, and checked again when the
 * file is read, so a link swapped in after the listing is refused too. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "co_ingest_int.h"
#include "co_log.h"

typedef struct {
  struct co_ingest_reader_s base;
  GPtrArray *files; /* full paths, g_free'd */
  guint idx;
  char *data; /* current message, g_free'd */
  char root[PATH_MAX]; /* the folder's real path: links must stay under it */
} dir_t;

/* 1 if path resolves (links followed) to a regular file under root. */
static int inside_root(const char *root, const char *path) {
  char real[PATH_MAX];
  struct stat st;
  size_t n = strlen(root);
  if (!realpath(path, real) || stat(real, &st) || !S_ISREG(st.st_mode)) return 0;
  return !strncmp(real, root, n) && (real[n] == '/' || (n == 1 && root[0] == '/'));
}

static gint cmp_str(gconstpointer a, gconstpointer b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Appends regular files in dir whose names pass the filter, sorted. */
static co_err_t list_dir(GPtrArray *out, const char *root, const char *dir, const char *suffix, int missing_ok,
                         char *errstr, size_t errstr_size) {
  DIR *d = opendir(dir);
  if (!d) {
    if (missing_ok && errno == ENOENT) return CO_OK;
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "%s: %s", dir, strerror(errno));
  }
  GPtrArray *names = g_ptr_array_new();
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (suffix && !g_str_has_suffix(de->d_name, suffix)) continue;
    char *p = g_build_filename(dir, de->d_name, NULL);
    struct stat st;
    int is_link = lstat(p, &st) == 0 && S_ISLNK(st.st_mode);
    int ok = is_link ? inside_root(root, p) : lstat(p, &st) == 0 && S_ISREG(st.st_mode);
    if (is_link && !ok) CO_WARN("ingest", "%s: symbolic link out of %s or not to a file: skipped", p, root);
    if (ok) g_ptr_array_add(names, p);
    else g_free(p);
  }
  closedir(d);
  g_ptr_array_sort(names, cmp_str);
  for (guint i = 0; i < names->len; i++) g_ptr_array_add(out, names->pdata[i]);
  g_ptr_array_free(names, TRUE);
  return CO_OK;
}

static co_err_t dir_next(co_ingest_reader_t *r, co_ingest_msg_t *msg, char *errstr, size_t errstr_size) {
  dir_t *d = (dir_t *)r;
  g_free(d->data);
  d->data = NULL;
  if (d->idx >= d->files->len) return CO_ERR_NOT_FOUND;
  const char *path = d->files->pdata[d->idx++];
  gsize len = 0;
  GError *ge = NULL;
  msg->path = path; /* also on failure: the caller names the file */
  msg->data = NULL;
  msg->len = 0;
  msg->offset = 0;
  if (!inside_root(d->root, path))
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "%s: not a file inside %s (a link out of the folder?)", path,
                     d->root);
  if (!g_file_get_contents(path, &d->data, &len, &ge)) {
    co_err_t err = co_seterr(errstr, errstr_size, CO_ERR_IO, "%s: %s", path, ge->message);
    g_error_free(ge);
    return err;
  }
  msg->data = d->data;
  msg->len = len;
  return CO_OK;
}

static void dir_close(co_ingest_reader_t *r) {
  dir_t *d = (dir_t *)r;
  g_ptr_array_free(d->files, TRUE);
  g_free(d->data);
  g_free(d);
}

static dir_t *dir_new(const char *path) {
  dir_t *d = g_new0(dir_t, 1);
  if (!realpath(path, d->root)) snprintf(d->root, sizeof(d->root), "%s", path);
  d->base.next = dir_next;
  d->base.close = dir_close;
  d->files = g_ptr_array_new_with_free_func(g_free);
  return d;
}

co_err_t co_ingest_maildir_open(const char *path, co_ingest_reader_t **rp, char *errstr, size_t errstr_size) {
  co_err_t err;
  dir_t *d = dir_new(path);
  char *cur = g_build_filename(path, "cur", NULL), *new = g_build_filename(path, "new", NULL);
  *rp = NULL;
  struct stat st;
  if (stat(cur, &st) != 0 && stat(new, &st) != 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "%s: not a Maildir (no cur/ or new/)", path);
    goto err;
  }
  if ((err = list_dir(d->files, d->root, cur, NULL, 1, errstr, errstr_size))) goto err;
  if ((err = list_dir(d->files, d->root, new, NULL, 1, errstr, errstr_size))) goto err;
  *rp = &d->base;
  d = NULL;
err:
  if (d) dir_close(&d->base);
  g_free(cur);
  g_free(new);
  return err;
}

co_err_t co_ingest_emldir_open(const char *path, co_ingest_reader_t **rp, char *errstr, size_t errstr_size) {
  dir_t *d = dir_new(path);
  *rp = NULL;
  co_err_t err = list_dir(d->files, d->root, path, ".eml", 0, errstr, errstr_size);
  if (err) {
    dir_close(&d->base);
    return err;
  }
  *rp = &d->base;
  return CO_OK;
}
