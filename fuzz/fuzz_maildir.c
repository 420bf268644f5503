/* fuzz_maildir: libFuzzer target for the one-message-per-file readers
 * (co_ingest_maildir.c): a Maildir (cur/ then new/) and a folder of .eml
 * files, built from the input, then read whole. Input: NUL-separated
 * entries "name\ncontent"; entries alternate between cur/ and new/; a '/'
 * in a name becomes '_'; a name starting with '@' makes a symbolic link
 * named by the rest whose target is the content (so links that leave the
 * folder, dangle or loop are tried). Checks: every message read is a file
 * inside the folder (a link is read only when it resolves to a file inside
 * the folder), with as many bytes as the file holds. Seeds:
 * fuzz/corpus/maildir. */
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>

#include "co_ingest.h"
#include "co_log.h"
#include "fuzz_util.h"

#define N 12

static char root[600], real_root[PATH_MAX];

static void empty_dir(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *de;
  char p[PATH_MAX];
  if (!d) return;
  while ((de = readdir(d))) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
    snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
    unlink(p);
  }
  closedir(d);
}

static void cleanup(void) {
  char p[700];
  for (int i = 0; i < 3; i++) {
    snprintf(p, sizeof(p), "%s/%s", root, i == 0 ? "cur" : i == 1 ? "new" : "tmp");
    empty_dir(p);
    rmdir(p);
  }
  rmdir(root);
  rmdir(fuzz_scratch_dir());
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  co_log_setup(CO_LOG_ERROR, CO_LOG_FMT_HUMAN, NULL, stderr); /* skipped links warn once each: too loud here */
  snprintf(root, sizeof(root), "%s/Maildir", fuzz_scratch_dir());
  char p[700];
  if (mkdir(root, 0700)) abort();
  for (int i = 0; i < 3; i++) {
    snprintf(p, sizeof(p), "%s/%s", root, i == 0 ? "cur" : i == 1 ? "new" : "tmp");
    if (mkdir(p, 0700)) abort();
  }
  if (!realpath(root, real_root)) abort();
  atexit(cleanup);
  return 0;
}

/* Reads every message of r; aborts on a message that breaks the contract. */
static void read_all(co_ingest_reader_t *r) {
  co_ingest_msg_t m;
  char errstr[512], real[PATH_MAX];
  co_err_t e;
  while ((e = co_ingest_reader_next(r, &m, errstr, sizeof(errstr))) != CO_ERR_NOT_FOUND) {
    if (!m.path) abort();
    if (e != CO_OK) {
      if (e != CO_ERR_IO || m.data) abort();
      continue;
    }
    if (!m.data || !realpath(m.path, real) || strncmp(real, real_root, strlen(real_root)) ||
        real[strlen(real_root)] != '/')
      abort(); /* read from outside the folder */
    struct stat st;
    if (stat(m.path, &st) || (size_t)st.st_size != m.len) abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *f[N], p[PATH_MAX], errstr[512];
  fuzz_fields(data, size, f, N);
  for (int i = 0; i < N; i++) {
    char *nl = strchr(f[i], '\n'), name[80];
    const char *content = nl ? nl + 1 : "";
    size_t nlen = nl ? (size_t)(nl - f[i]) : strlen(f[i]);
    int link = f[i][0] == '@';
    if (link) f[i]++, nlen--;
    if (nlen == 0 || nlen >= sizeof(name)) goto next;
    memcpy(name, f[i], nlen);
    name[nlen] = '\0';
    for (char *c = name; *c; c++)
      if (*c == '/') *c = '_';
    if (!strcmp(name, ".") || !strcmp(name, "..")) goto next;
    snprintf(p, sizeof(p), "%s/%s/%s", root, i % 2 ? "new" : "cur", name);
    unlink(p);
    if (link) {
      if (*content) (void)symlink(content, p); /* too long a target: no link, like a failed write */
    } else {
      fuzz_write_file(p, content, strlen(content));
    }
  next:
    if (link) f[i]--;
  }
  co_ingest_reader_t *r;
  if (co_ingest_maildir_open(root, &r, errstr, sizeof(errstr))) abort();
  read_all(r);
  co_ingest_reader_close(r);
  snprintf(p, sizeof(p), "%s/cur", root);
  if (co_ingest_emldir_open(p, &r, errstr, sizeof(errstr))) abort();
  read_all(r);
  co_ingest_reader_close(r);
  for (int i = 0; i < 2; i++) {
    snprintf(p, sizeof(p), "%s/%s", root, i ? "new" : "cur");
    empty_dir(p);
  }
  fuzz_fields_free(f, N);
  return 0;
}
