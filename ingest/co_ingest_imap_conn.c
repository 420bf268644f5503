/* co_ingest_imap_conn.c: the IMAP source's connection: libcurl connects,
 * negotiates TLS (imaps://, or STARTTLS when offered) and authenticates
 * (LOGIN, SASL PLAIN, or XOAUTH2 with a bearer token) in CONNECT_ONLY mode;
 * after that we speak IMAP ourselves with curl_easy_send/recv.
 *
 * Why not curl_easy_perform per command: libcurl's IMAP fetch uses BODY[]
 * on a SELECTed folder, which marks every message \Seen in the user's
 * mailbox; its custom commands drop literal data (so a custom
 * "UID FETCH n BODY.PEEK[]" loses the message); and it has no IDLE. One
 * raw connection gives read-only EXAMINE, BODY.PEEK[], IDLE and NOOP,
 * while libcurl still owns sockets, TLS and SASL.
 *
 * Responses are read as units: a line plus any {N} literals it announces,
 * so a message body is never mistaken for protocol lines. The receive
 * buffer grows to the largest unit (one message) and is compacted as units
 * are consumed. */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_ingest_imap_int.h"
#include "co_log.h"
#include "co_time.h"

#define IMAP_MAX_UNIT (256u << 20) /* refuse a single response above 256 MiB */

char *co_imap_quote(const char *s) {
  size_t n = strlen(s);
  char *q = malloc(2 * n + 3), *p = q;
  if (!q) return NULL;
  *p++ = '"';
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') *p++ = '\\';
    *p++ = *s;
  }
  *p++ = '"';
  *p = '\0';
  return q;
}

void co_imap_disconnect(co_ingest_imap_t *src) {
  if (src->curl) curl_easy_cleanup(src->curl);
  src->curl = NULL;
  src->connected = 0;
  src->selected = 0;
  src->rlen = src->consumed = 0;
}

void co_imap_logout(co_ingest_imap_t *src) {
  if (src->connected) {
    char e[64];
    (void)co_imap_cmd(src, "LOGOUT", NULL, NULL, e, sizeof(e));
  }
  co_imap_disconnect(src);
}

/* Waits until fd is ready for events or deadline passes; 1 ready, 0 timeout,
 * -1 error. */
static int wait_fd(curl_socket_t fd, short events, int64_t deadline_ms) {
  for (;;) {
    int64_t left = deadline_ms - co_time_mono_ms();
    if (left <= 0) return 0;
    struct pollfd p = {.fd = fd, .events = events};
    int r = poll(&p, 1, left > 1000 ? 1000 : (int)left);
    if (r > 0) return 1;
    if (r < 0 && errno != EINTR) return -1;
  }
}

co_err_t co_imap_send_raw(co_ingest_imap_t *src, const char *data, size_t len, char *errstr, size_t errstr_size) {
  int64_t deadline = co_time_mono_ms() + src->io_ms;
  size_t off = 0;
  while (off < len) {
    size_t n = 0;
    CURLcode rc = curl_easy_send(src->curl, data + off, len - off, &n);
    if (rc == CURLE_AGAIN) {
      if (wait_fd(src->fd, POLLOUT, deadline) <= 0) goto err;
      continue;
    }
    if (rc != CURLE_OK) goto err;
    off += n;
  }
  return CO_OK;
err:
  co_imap_disconnect(src);
  return co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: send failed (connection lost)", src->url);
}

co_err_t co_imap_send_cmd(co_ingest_imap_t *src, const char *command, unsigned *tagp, char *errstr,
                          size_t errstr_size) {
  char *line = NULL;
  unsigned tag = ++src->tag;
  int n = asprintf(&line, "co%u %s\r\n", tag, command);
  if (n < 0) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
  co_err_t err = co_imap_send_raw(src, line, (size_t)n, errstr, errstr_size);
  free(line);
  if (tagp) *tagp = tag;
  return err;
}

/* Finds the end of the unit starting at rbuf[consumed]; 0 if incomplete. */
static size_t unit_end(co_ingest_imap_t *src, size_t *lit_off, size_t *lit_len) {
  size_t p = src->consumed;
  *lit_off = *lit_len = 0;
  for (;;) {
    if (src->rlen - p < 2) return 0; /* also: rbuf is still NULL */
    char *base = src->rbuf + p;
    char *crlf = memmem(base, src->rlen - p, "\r\n", 2);
    if (!crlf) return 0;
    size_t eol = (size_t)(crlf - src->rbuf);
    /* "{N}" (or "{N+}") right before CRLF announces N literal bytes */
    if (eol > p && src->rbuf[eol - 1] == '}') {
      size_t b = eol - 1;
      while (b > p && src->rbuf[b - 1] != '{') b--;
      if (b > p) {
        char *end;
        unsigned long long n = strtoull(src->rbuf + b, &end, 10);
        if (end != src->rbuf + b && (*end == '}' || (*end == '+' && end[1] == '}'))) {
          size_t start = eol + 2;
          if (n > IMAP_MAX_UNIT || src->rlen - start < n) return 0;
          if (!*lit_len && !*lit_off) {
            *lit_off = start;
            *lit_len = (size_t)n;
          }
          p = start + (size_t)n;
          continue;
        }
      }
    }
    return eol + 2;
  }
}

co_err_t co_imap_read_unit(co_ingest_imap_t *src, int64_t deadline_ms, co_imap_unit_t *u, char *errstr,
                           size_t errstr_size) {
  if (!src->connected) return co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: not connected", src->url);
  /* drop the unit handed out last time */
  if (src->consumed) {
    memmove(src->rbuf, src->rbuf + src->consumed, src->rlen - src->consumed);
    src->rlen -= src->consumed;
    src->consumed = 0;
  }
  for (;;) {
    size_t lo, ll, end = unit_end(src, &lo, &ll);
    if (end) {
      /* the CRLF of the unit becomes its NUL terminator */
      src->rbuf[end - 2] = '\0';
      u->text = src->rbuf;
      u->len = end - 2;
      u->lit = ll || lo ? src->rbuf + lo : NULL;
      u->lit_len = ll;
      src->consumed = end;
      return CO_OK;
    }
    if (src->rlen > IMAP_MAX_UNIT) {
      co_imap_disconnect(src);
      return co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: response larger than %u bytes", src->url,
                       IMAP_MAX_UNIT);
    }
    if (src->rcap - src->rlen < 65536) {
      size_t cap = src->rcap ? src->rcap * 2 : 262144;
      char *nb = realloc(src->rbuf, cap);
      if (!nb) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
      src->rbuf = nb;
      src->rcap = cap;
    }
    size_t n = 0;
    CURLcode rc = curl_easy_recv(src->curl, src->rbuf + src->rlen, src->rcap - src->rlen - 1, &n);
    if (rc == CURLE_AGAIN) {
      int w = wait_fd(src->fd, POLLIN, deadline_ms);
      if (w == 0) return co_seterr(errstr, errstr_size, CO_ERR_TIMEOUT, "IMAP %s: no response in time", src->url);
      if (w < 0) goto lost;
      continue;
    }
    if (rc != CURLE_OK || n == 0) goto lost;
    src->rlen += n;
  }
lost:
  co_imap_disconnect(src);
  return co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: connection closed by server", src->url);
}

void co_imap_note_untagged(co_ingest_imap_t *src, const co_imap_unit_t *u) {
  char *end;
  if (u->len < 2 || u->text[0] != '*') return;
  unsigned long n = strtoul(u->text + 2, &end, 10);
  if (end == u->text + 2) return;
  if (!strncasecmp(end, " EXISTS", 7)) {
    src->exists = (uint32_t)n;
  } else if (!strncasecmp(end, " EXPUNGE", 8)) {
    if (src->exists) src->exists--;
    if (src->synced_exists) src->synced_exists--;
  }
}

int co_imap_is_done(co_ingest_imap_t *src, const co_imap_unit_t *u, unsigned tag, const char *what, co_err_t *err,
                    char *errstr, size_t errstr_size) {
  char t[24];
  int n = snprintf(t, sizeof(t), "co%u ", tag);
  if (strncmp(u->text, t, (size_t)n)) return 0;
  const char *st = u->text + n;
  if (!strncasecmp(st, "OK", 2)) {
    *err = CO_OK;
  } else {
    /* the server's text is about the command, which never holds a secret */
    *err = co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: %s failed: %.200s", src->url, what, st);
  }
  return 1;
}

co_err_t co_imap_cmd(co_ingest_imap_t *src, const char *command, co_imap_untagged_cb_t *cb, void *arg, char *errstr,
                     size_t errstr_size) {
  unsigned tag;
  co_imap_unit_t u;
  co_err_t err = co_imap_send_cmd(src, command, &tag, errstr, errstr_size), done;
  const char *sp = strchr(command, ' ');
  char what[32];
  snprintf(what, sizeof(what), "%.*s", sp ? (int)(sp - command) : (int)strlen(command), command);
  if (err) return err;
  int64_t deadline = co_time_mono_ms() + src->io_ms;
  for (;;) {
    if ((err = co_imap_read_unit(src, deadline, &u, errstr, errstr_size))) goto err;
    if (co_imap_is_done(src, &u, tag, what, &done, errstr, errstr_size)) return done;
    if (u.text[0] == '*') {
      co_imap_note_untagged(src, &u);
      if (!strncasecmp(u.text, "* BYE", 5)) continue; /* the close follows */
      if (cb && (err = cb(src, &u, arg, errstr, errstr_size))) goto err;
    }
  }
err:
  /* the rest of the response is unread: the connection is out of step */
  co_imap_disconnect(src);
  return err;
}

static co_err_t on_capability(co_ingest_imap_t *src, const co_imap_unit_t *u, void *arg, char *errstr,
                              size_t errstr_size) {
  (void)arg, (void)errstr, (void)errstr_size;
  if (!strncasecmp(u->text, "* CAPABILITY ", 13)) {
    char *c = strcasestr(u->text, " IDLE");
    src->has_idle = c && (c[5] == ' ' || c[5] == '\0');
  }
  return CO_OK;
}

co_err_t co_imap_connect(co_ingest_imap_t *src, char *errstr, size_t errstr_size) {
  char cerr[CURL_ERROR_SIZE] = "";
  co_err_t err;
  curl_socket_t sock = CURL_SOCKET_BAD;
  if (src->connected) return CO_OK;
  co_imap_disconnect(src);
  if (!(src->curl = curl_easy_init())) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "curl_easy_init failed");
  curl_easy_setopt(src->curl, CURLOPT_URL, src->url);
  curl_easy_setopt(src->curl, CURLOPT_USERNAME, src->user);
  if (src->token) {
    curl_easy_setopt(src->curl, CURLOPT_XOAUTH2_BEARER, src->token);
    curl_easy_setopt(src->curl, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
  } else {
    curl_easy_setopt(src->curl, CURLOPT_PASSWORD, src->password);
  }
  if (src->ca_file) curl_easy_setopt(src->curl, CURLOPT_CAINFO, src->ca_file);
  curl_easy_setopt(src->curl, CURLOPT_CONNECT_ONLY, 1L);
  curl_easy_setopt(src->curl, CURLOPT_USE_SSL, (long)(src->require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  curl_easy_setopt(src->curl, CURLOPT_CONNECTTIMEOUT_MS, (long)src->io_ms);
  curl_easy_setopt(src->curl, CURLOPT_TIMEOUT_MS, (long)src->io_ms);
  curl_easy_setopt(src->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(src->curl, CURLOPT_ERRORBUFFER, cerr);
  CURLcode rc = curl_easy_perform(src->curl);
  curl_easy_setopt(src->curl, CURLOPT_ERRORBUFFER, NULL);
  if (rc == CURLE_LOGIN_DENIED) {
    err = co_seterr(errstr, errstr_size, CO_ERR_CONFIG,
                    "IMAP %s: login failed for user \"%s\": the server refused the %s", src->url, src->user,
                    src->token ? "OAuth token" : "password");
    goto err;
  }
  if (rc != CURLE_OK) {
    /* libcurl's texts name hosts and SASL steps, never the credentials */
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: connect failed: %s%s%s", src->url, curl_easy_strerror(rc),
                    cerr[0] ? ": " : "", cerr);
    goto err;
  }
  if (curl_easy_getinfo(src->curl, CURLINFO_ACTIVESOCKET, &sock) != CURLE_OK || sock == CURL_SOCKET_BAD) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: no socket after connect", src->url);
    goto err;
  }
  src->fd = sock;
  src->connected = 1;
  src->has_idle = 0;
  if ((err = co_imap_cmd(src, "CAPABILITY", on_capability, NULL, errstr, errstr_size))) goto err;
  CO_LOGKV(CO_LOG_INFO, "ingest", "imap connected", "account", src->account, "url", src->url, "idle",
           src->has_idle && !src->no_idle ? "yes" : "no");
  return CO_OK;
err:
  co_imap_disconnect(src);
  return err;
}

static co_err_t on_examine(co_ingest_imap_t *src, const co_imap_unit_t *u, void *arg, char *errstr,
                           size_t errstr_size) {
  (void)errstr, (void)errstr_size;
  const char *p = strcasestr(u->text, "[UIDVALIDITY ");
  if (p) {
    src->uidvalidity = (uint32_t)strtoul(p + 13, NULL, 10);
    *(int *)arg = 1;
  }
  return CO_OK;
}

co_err_t co_imap_examine(co_ingest_imap_t *src, char *errstr, size_t errstr_size) {
  char *q = co_imap_quote(src->folder), *cmd = NULL;
  int seen_uidv = 0;
  co_err_t err;
  if (!q || asprintf(&cmd, "EXAMINE %s", q) < 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    cmd = NULL;
    goto done;
  }
  src->selected = 0;
  src->exists = 0;
  if ((err = co_imap_cmd(src, cmd, on_examine, &seen_uidv, errstr, errstr_size))) {
    /* a NO on EXAMINE means the folder is not there (or not readable) */
    if (src->connected) {
      char server[256];
      snprintf(server, sizeof(server), "%s", errstr ? errstr : "");
      err = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "folder \"%s\" cannot be opened: %s", src->folder, server);
    }
    goto done;
  }
  if (!seen_uidv) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "IMAP %s: EXAMINE %s gave no UIDVALIDITY", src->url, q);
    goto done;
  }
  src->selected = 1;
done:
  free(cmd);
  free(q);
  return err;
}
