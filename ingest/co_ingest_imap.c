/* co_ingest_imap.c: the IMAP source's handle and its UID-incremental sync.
 *
 * A sync is: EXAMINE (read-only, so nothing we do can change flags) to learn
 * UIDVALIDITY; UID SEARCH for UIDs above the cursor; then one UID FETCH
 * BODY.PEEK[] per message, in ascending UID order, each handed to the
 * caller's callback before the next is asked for. The cursor moves past a
 * UID only after its callback accepted it, so stopping (callback non-zero,
 * crash, dropped connection) leaves a cursor from which a later sync
 * delivers exactly the rest: nothing lost, nothing repeated.
 *
 * "UID SEARCH UID n:*" always matches the highest UID even when it is below
 * n (RFC 3501: "*" is the largest UID in use), so results at or below the
 * cursor are dropped here. A UID that vanished between SEARCH and FETCH was
 * expunged; UIDs are never reused within one UIDVALIDITY, so the cursor may
 * move past it. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest_imap_int.h"
#include "co_ingest_int.h"
#include "co_log.h"

void co_ingest_imap_destroy(co_ingest_imap_t *src) {
  if (!src) return;
  co_imap_logout(src);
  free(src->rbuf);
  free(src->url);
  free(src->user);
  co_ingest_wipe_free(src->password);
  co_ingest_wipe_free(src->token);
  free(src->folder);
  free(src->account);
  free(src->ca_file);
  free(src);
}

/* Refuses URLs that are not imap(s):// or that carry credentials, which
 * would then show up wherever the URL is printed. *remote_plain: imap://
 * (no implicit TLS) to a host that is not this machine. */
static co_err_t check_url(const char *url, int *remote_plain, char *errstr, size_t errstr_size) {
  CURLU *u = curl_url();
  char *scheme = NULL, *user = NULL, *pass = NULL, *host = NULL;
  co_err_t err = CO_OK;
  if (!u) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
  if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
      curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
      (strcmp(scheme, "imap") && strcmp(scheme, "imaps"))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "imap source: url must be imap://host[:port]/ or imaps://...");
    goto done;
  }
  if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
      curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK)
    err = co_seterr(errstr, errstr_size, CO_ERR_CONFIG,
                    "imap source: url must not contain user or password (use the user/password settings)");
  if (!err && curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK)
    *remote_plain =
        !strcmp(scheme, "imap") && strcmp(host, "localhost") && strcmp(host, "127.0.0.1") && strcmp(host, "[::1]");
done:
  curl_free(host);
  curl_free(scheme);
  curl_free(user);
  curl_free(pass);
  curl_url_cleanup(u);
  return err;
}

co_ingest_imap_t *co_ingest_imap_new(const co_ingest_imap_conf_t *c, char *errstr, size_t errstr_size) {
  co_ingest_imap_t *src = NULL;
  if (!c || !c->url || !c->user || !*c->user) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "imap source: url and user are required");
    return NULL;
  }
  if (!(c->password && *c->password) && !(c->oauth_token && *c->oauth_token)) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "imap source: a password or an oauth token is required");
    return NULL;
  }
  int remote_plain = 0;
  if (check_url(c->url, &remote_plain, errstr, errstr_size)) return NULL;
  co_ingest_curl_init();
  if (!(src = calloc(1, sizeof(*src)))) goto nomem;
  src->url = strdup(c->url);
  src->user = strdup(c->user);
  src->password = c->password && *c->password ? strdup(c->password) : NULL;
  src->token = c->oauth_token && *c->oauth_token ? strdup(c->oauth_token) : NULL;
  src->folder = strdup(c->folder ? c->folder : "INBOX");
  src->account = strdup(c->account ? c->account : c->user);
  if (c->ca_file && *c->ca_file && !(src->ca_file = strdup(c->ca_file))) goto nomem;
  if (!src->url || !src->user || !src->folder || !src->account || (!src->password && !src->token)) goto nomem;
  src->poll_ms = c->poll_interval_ms > 0 ? c->poll_interval_ms : 60000;
  src->io_ms = c->io_timeout_ms > 0 ? c->io_timeout_ms : 60000;
  src->no_idle = c->no_idle;
  src->require_tls = remote_plain && !c->allow_plaintext;
  src->fd = CURL_SOCKET_BAD;
  /* mask them in every log line from here on, whoever prints them */
  if (src->password) co_log_add_secret(src->password);
  if (src->token) co_log_add_secret(src->token);
  return src;
nomem:
  co_ingest_imap_destroy(src);
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
  return NULL;
}

int co_ingest_imap_connected(const co_ingest_imap_t *src) { return src->connected && src->selected; }

int co_ingest_imap_uses_idle(const co_ingest_imap_t *src) {
  return src->has_idle && !src->no_idle;
}

/* ---- sync ---------------------------------------------------------------- */

typedef struct {
  uint32_t *uids;
  size_t n, cap;
  int oom;
} uid_list_t;

static co_err_t on_search(co_ingest_imap_t *src, const co_imap_unit_t *u, void *arg, char *errstr, size_t errstr_size) {
  uid_list_t *l = arg;
  (void)src;
  if (strncasecmp(u->text, "* SEARCH", 8)) return CO_OK;
  const char *p = u->text + 8;
  for (;;) {
    char *end;
    unsigned long v = strtoul(p, &end, 10);
    if (end == p) break;
    p = end;
    if (l->n == l->cap) {
      size_t cap = l->cap ? l->cap * 2 : 256;
      uint32_t *nu = realloc(l->uids, cap * sizeof(*nu));
      if (!nu) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
      l->uids = nu;
      l->cap = cap;
    }
    l->uids[l->n++] = (uint32_t)v;
  }
  return CO_OK;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

typedef struct {
  uint32_t uid;
  co_ingest_imap_cb_t *cb;
  void *opaque;
  int got, rc;
} fetch_t;

static co_err_t on_fetch(co_ingest_imap_t *src, const co_imap_unit_t *u, void *arg, char *errstr, size_t errstr_size) {
  fetch_t *f = arg;
  (void)errstr, (void)errstr_size;
  /* unsolicited FETCHes (flag changes by other clients) carry no body */
  if (!u->lit || !strcasestr(u->text, " FETCH (")) return CO_OK;
  /* the UID item may come before or after the body; never look inside it */
  const char *p = strcasestr(u->text, "UID "), *lit_end = u->lit + u->lit_len;
  if (p && p > u->lit) p = strcasestr(lit_end, "UID ");
  if (!p || strtoul(p + 4, NULL, 10) != f->uid || f->got) return CO_OK;
  f->got = 1;
  f->rc = f->cb(u->lit, u->lit_len, src->uidvalidity, f->uid, f->opaque);
  return CO_OK;
}

/* Connects if needed and EXAMINEs; a connection the server closed since the
 * last call (idle timeout, UIDVALIDITY rebuild) is reopened once. */
static co_err_t open_folder(co_ingest_imap_t *src, char *errstr, size_t errstr_size) {
  co_err_t err = CO_ERR_IO;
  for (int attempt = 0; attempt < 2 && err == CO_ERR_IO; attempt++) {
    int was_connected = src->connected;
    if ((err = co_imap_connect(src, errstr, errstr_size))) return err;
    err = co_imap_examine(src, errstr, errstr_size);
    if (err == CO_ERR_IO && !was_connected) break; /* fresh connection failed: real error */
  }
  return err;
}

co_err_t co_ingest_imap_sync(co_ingest_imap_t *src, const co_ingest_imap_cursor_t *from, co_ingest_imap_cb_t *cb,
                             void *opaque, co_ingest_imap_cursor_t *to, co_ingest_imap_sync_stats_t *stats,
                             char *errstr, size_t errstr_size) {
  co_ingest_imap_sync_stats_t st = {0};
  co_ingest_imap_cursor_t cur = {0, 0};
  uid_list_t l = {0};
  char cmd[64];
  co_err_t err;
  if (from) cur = *from;
  if (to) *to = cur;
  if (!src || !cb || !to) {
    err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "imap sync: src, cb and to are required");
    goto done;
  }
  if ((err = open_folder(src, errstr, errstr_size))) goto done;
  st.uidvalidity = src->uidvalidity;
  src->synced_exists = src->exists;
  src->synced_uidvalidity = src->uidvalidity;
  if (cur.uidvalidity != src->uidvalidity) {
    st.resync = cur.uidvalidity != 0;
    if (st.resync)
      CO_LOGKV(CO_LOG_WARN, "ingest", "imap UIDVALIDITY changed: full resync", "account", src->account, "folder",
               src->folder);
    cur.uidvalidity = src->uidvalidity;
    cur.last_uid = 0;
    *to = cur;
  }

  snprintf(cmd, sizeof(cmd), "UID SEARCH UID %lu:*", (unsigned long)cur.last_uid + 1);
  if ((err = co_imap_cmd(src, cmd, on_search, &l, errstr, errstr_size))) goto done;
  qsort(l.uids, l.n, sizeof(*l.uids), cmp_u32);
  for (size_t i = 0; i < l.n; i++)
    if (l.uids[i] > cur.last_uid && (i == 0 || l.uids[i] != l.uids[i - 1])) st.found++;

  for (size_t i = 0; i < l.n; i++) {
    fetch_t f = {.uid = l.uids[i], .cb = cb, .opaque = opaque};
    if (f.uid <= cur.last_uid) continue;
    snprintf(cmd, sizeof(cmd), "UID FETCH %lu BODY.PEEK[]", (unsigned long)f.uid);
    if ((err = co_imap_cmd(src, cmd, on_fetch, &f, errstr, errstr_size))) goto done;
    if (f.got && f.rc) {
      st.stopped = 1;
      break;
    }
    if (f.got)
      st.delivered++;
    else
      CO_LOGKV(CO_LOG_WARN, "ingest", "imap message gone before fetch (expunged?); skipped", "account", src->account,
               "folder", src->folder);
    cur.last_uid = f.uid; /* delivered, or expunged since the search */
    *to = cur;
  }
  CO_LOGKV(CO_LOG_DEBUG, "ingest", "imap sync done", "account", src->account, "folder", src->folder);
done:
  free(l.uids);
  if (stats) *stats = st;
  return err;
}
