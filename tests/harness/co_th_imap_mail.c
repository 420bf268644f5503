/* co_th_imap_mail.c: puts mail into the harness dovecot and reads it back.
 *
 * Delivery writes Maildir files directly, as a local delivery agent would:
 * write into tmp/, chown to the mail user, rename into new/. The rename is
 * atomic, so a running dovecot never sees half a message, and inotify on
 * new/ wakes IDLE sessions. Dovecot assigns UIDs to new files sorted by the
 * time stamp at the front of the file name (only seconds in some versions),
 * so each delivery gets a strictly larger stamp: UIDs then follow delivery
 * order. The stamp only orders files; INTERNALDATE comes from the mtime.
 *
 * Reading back uses libcurl, the same IMAP client library the product uses. */
#include "co_th_imap_int.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Maildir dir of folder into a malloc'd string; NULL if the name is bad. */
static char *folder_path(const co_th_imap_t *m, const char *folder) {
  char *p = NULL;
  if (!folder || !strcasecmp(folder, "INBOX")) return strdup(m->maildir);
  if (!*folder || folder[0] == '.' || strchr(folder, '/')) return NULL;
  if (asprintf(&p, "%s/.%s", m->maildir, folder) < 0) return NULL;
  return p;
}

static int mkdir_as(const co_th_imap_t *m, const char *path) {
  if (mkdir(path, 0700) && errno != EEXIST) return -1;
  return chown(path, m->uid, m->gid);
}

co_err_t co_th_imap_create_folder(co_th_imap_t *m, const char *folder, char *errstr, size_t sz) {
  static const char *const subs[] = {"", "/cur", "/new", "/tmp"};
  char *dir = folder_path(m, folder), *p = NULL;
  co_err_t err = CO_OK;
  int fd;
  if (!dir) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "imap: bad folder name \"%s\"", folder ? folder : "");
  for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
    if (asprintf(&p, "%s%s", dir, subs[i]) < 0) {
      p = NULL;
      goto err;
    }
    if (mkdir_as(m, p)) goto err;
    free(p);
    p = NULL;
  }
  if (strcmp(dir, m->maildir)) {
    /* Maildir++ marks subfolders with this empty file. */
    if (asprintf(&p, "%s/maildirfolder", dir) < 0) {
      p = NULL;
      goto err;
    }
    if ((fd = open(p, O_WRONLY | O_CREAT, 0600)) < 0 || fchown(fd, m->uid, m->gid)) {
      if (fd >= 0) close(fd);
      goto err;
    }
    close(fd);
  }
  goto done;
err:
  err = co_seterr(errstr, sz, CO_ERR_IO, "imap: creating folder %s: %s", dir, strerror(errno));
done:
  free(p);
  free(dir);
  return err;
}

/* Writes one message into dir (a folder's Maildir). */
static co_err_t deliver_one(co_th_imap_t *m, const char *dir, const char *raw, size_t len, char *errstr, size_t sz) {
  char name[128], *tmp = NULL, *dst = NULL;
  co_err_t err = CO_OK;
  size_t off = 0;
  ssize_t w;
  int fd = -1;
  time_t now = time(NULL);
  m->name_sec = m->name_sec < now ? now : m->name_sec + 1;
  snprintf(name, sizeof(name), "%lld.M%uP%d.careerops-th", (long long)m->name_sec, ++m->seq, (int)getpid());
  if (asprintf(&tmp, "%s/tmp/%s", dir, name) < 0) tmp = NULL;
  if (asprintf(&dst, "%s/new/%s", dir, name) < 0) dst = NULL;
  if (!tmp || !dst) {
    err = co_seterr(errstr, sz, CO_ERR_NOMEM, "imap: out of memory");
    goto done;
  }
  if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) goto err;
  if (fchown(fd, m->uid, m->gid)) goto err;
  while (off < len) {
    if ((w = write(fd, raw + off, len - off)) < 0) {
      if (errno == EINTR) continue;
      goto err;
    }
    off += (size_t)w;
  }
  if (close(fd)) {
    fd = -1;
    goto err;
  }
  fd = -1;
  if (rename(tmp, dst)) goto err;
  goto done;
err:
  err = co_seterr(errstr, sz, CO_ERR_IO, "imap: delivering to %s: %s", dir, strerror(errno));
  if (fd >= 0) close(fd);
  unlink(tmp);
done:
  free(tmp);
  free(dst);
  return err;
}

co_err_t co_th_imap_deliver_many(co_th_imap_t *m, const char *folder, const char *const *raws, const size_t *lens,
                                 size_t n, char *errstr, size_t sz) {
  co_err_t err;
  char *dir = NULL;
  if ((err = co_th_imap_create_folder(m, folder, errstr, sz))) return err;
  if (!(dir = folder_path(m, folder))) return co_seterr(errstr, sz, CO_ERR_NOMEM, "imap: out of memory");
  for (size_t i = 0; i < n && !err; i++) err = deliver_one(m, dir, raws[i], lens[i], errstr, sz);
  free(dir);
  return err;
}

co_err_t co_th_imap_deliver(co_th_imap_t *m, const char *folder, const char *raw, size_t len, char *errstr,
                            size_t sz) {
  return co_th_imap_deliver_many(m, folder, &raw, &len, 1, errstr, sz);
}

co_err_t co_th_imap_seed(co_th_imap_t *m, const char *folder, int first, int n, char *errstr, size_t sz) {
  co_err_t err = CO_OK;
  for (int i = first; i < first + n && !err; i++) {
    size_t len;
    char *raw = co_th_imap_make_message(i, NULL, NULL, &len);
    if (!raw) return co_seterr(errstr, sz, CO_ERR_NOMEM, "imap: out of memory");
    err = co_th_imap_deliver(m, folder, raw, len, errstr, sz);
    free(raw);
  }
  return err;
}

const char *co_th_imap_message_id(int i, char *buf, size_t size) {
  snprintf(buf, size, "<co-th-%d@careerops.test>", i);
  return buf;
}

char *co_th_imap_make_message(int i, const char *subject, const char *body, size_t *lenp) {
  char *out = NULL, id[64], def_subject[64], def_body[160];
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  if (!f) return NULL;
  if (!subject) snprintf(def_subject, sizeof(def_subject), "Test message %d", i);
  if (!body)
    snprintf(def_body, sizeof(def_body), "Hello,\nthis is test message %d about a Senior C Engineer role.\n", i);
  fprintf(f,
          "From: Recruiter %d <recruiter%d@example.com>\r\nTo: Job Seeker <seeker@careerops.test>\r\n"
          "Subject: %s\r\nDate: Mon, 03 Jun 2024 %02d:%02d:%02d +0000\r\nMessage-ID: %s\r\n"
          "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
          i, i, subject ? subject : def_subject, (i / 3600) % 24, (i / 60) % 60, i % 60,
          co_th_imap_message_id(i, id, sizeof(id)));
  /* Bare LF would come back from dovecot as CRLF; store CRLF so the bytes
   * a test delivers are the bytes it fetches. */
  for (const char *p = body ? body : def_body; *p; p++) {
    if (*p == '\n' && (p == (body ? body : def_body) || p[-1] != '\r')) fputc('\r', f);
    fputc(*p, f);
  }
  if (fclose(f)) {
    free(out);
    return NULL;
  }
  if (lenp) *lenp = len;
  return out;
}

static size_t on_data(char *data, size_t size, size_t nmemb, void *arg) {
  return fwrite(data, size, nmemb, (FILE *)arg) * size;
}

int co_th_imap_curl(const char *url, const char *user, const char *password, const char *command, char **out,
                    size_t *outlen) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  CURL *c = curl_easy_init();
  CURLcode rc = CURLE_OUT_OF_MEMORY;
  if (c && mem) {
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_USERNAME, user);
    curl_easy_setopt(c, CURLOPT_PASSWORD, password);
    if (command) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, command);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, mem);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    rc = curl_easy_perform(c);
  }
  if (mem) fclose(mem);
  if (c) curl_easy_cleanup(c);
  if (out) *out = buf;
  else free(buf);
  if (outlen) *outlen = len;
  return (int)rc;
}
