/* co_pipeline_ingest_conf.c: builds a source set from the settings: the
 * single-account imap.* settings (kept so a one-mailbox setup needs no
 * list) and every entry of the `accounts:` list.
 *
 * Everything that can be checked without a network is checked here, so a
 * bad account stops start-up with its name in the error. Cursor keys name
 * the user, server URL and folder (never a secret) and stay what they were
 * for the single-account settings ("imap:<user>@<imap.url>"), so a state
 * dir written before accounts existed resumes where it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_pipeline_ingest_int.h"

static co_pl_src_t *add_src(co_pipeline_ingest_t *ing, co_ingest_acct_type_t kind, const char *account,
                            const char *label_fmt, const char *a1, const char *a2) {
  co_pl_src_t *n = realloc(ing->src, (size_t)(ing->cnt + 1) * sizeof(*n));
  if (!n) return NULL;
  ing->src = n;
  co_pl_src_t *s = &ing->src[ing->cnt];
  memset(s, 0, sizeof(*s));
  s->ing = ing;
  s->kind = kind;
  atomic_init(&s->appended, 0);
  atomic_init(&s->malformed, 0);
  atomic_init(&s->syncs, 0);
  atomic_init(&s->errors, 0);
  atomic_init(&s->down_waits, 0);
  ing->cnt++;
  if (!(s->account = strdup(account)) || asprintf(&s->label, label_fmt, a1, a2) < 0) {
    s->label = NULL;
    return NULL;
  }
  return s;
}

/* Splits "imaps://host:993/Folder/" into a malloc'd base "imaps://host:993/"
 * and folder "Folder" (NULL when the URL names none). */
static int split_url(const char *url, char **base, char **folder) {
  const char *hs = strstr(url, "://");
  const char *slash = hs ? strchr(hs + 3, '/') : NULL;
  *folder = NULL;
  if (slash) *base = strndup(url, (size_t)(slash - url) + 1);
  else if ((*base = malloc(strlen(url) + 2))) sprintf(*base, "%s/", url);
  if (!*base) return -1;
  if (slash && slash[1]) {
    if (!(*folder = strdup(slash + 1))) return -1;
    size_t l = strlen(*folder);
    if ((*folder)[l - 1] == '/') (*folder)[l - 1] = '\0';
    if (!**folder) {
      free(*folder);
      *folder = NULL;
    }
  }
  return 0;
}

static co_err_t add_imap(co_pipeline_ingest_t *ing, const char *account, const co_ingest_imap_conf_t *ic,
                         const char *ckey, char *errstr, size_t sz) {
  co_pl_src_t *s = add_src(ing, CO_INGEST_ACCT_IMAP, account, "imap %s/%s", account, ic->folder ? ic->folder : "INBOX");
  if (!s || !(s->ckey = strdup(ckey))) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  char e[512];
  if (!(s->imap = co_ingest_imap_new(ic, e, sizeof(e))))
    return co_seterr(errstr, sz, CO_ERR_CONFIG, "account %s: %s", account, e);
  return CO_OK;
}

static co_err_t add_legacy(co_pipeline_ingest_t *ing, const co_conf_t *conf, char *errstr, size_t sz) {
  const char *url = co_conf_str(conf, "imap.url"), *user = co_conf_str(conf, "imap.user");
  const char *pw = co_conf_str(conf, "imap.password"), *tok = co_conf_str(conf, "imap.oauth.token");
  const char *account = co_conf_str(conf, "account");
  char *base = NULL, *folder = NULL, *ckey = NULL;
  co_err_t err;
  if (split_url(url, &base, &folder) || asprintf(&ckey, "imap:%s@%s", user, url) < 0) {
    ckey = NULL;
    err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    goto out;
  }
  co_ingest_imap_conf_t ic = {.url = base,
                              .user = user,
                              .password = *pw ? pw : NULL,
                              .oauth_token = *tok ? tok : NULL,
                              .folder = folder,
                              .account = account,
                              .poll_interval_ms = (int)co_conf_int(conf, "imap.poll.s") * 1000,
                              .ca_file = *co_conf_str(conf, "imap.ca.file") ? co_conf_str(conf, "imap.ca.file") : NULL};
  err = add_imap(ing, account, &ic, ckey, errstr, sz);
out:
  free(base);
  free(folder);
  free(ckey);
  return err;
}

static co_err_t add_account(co_pipeline_ingest_t *ing, const co_conf_t *conf, const co_ingest_account_t *a,
                            char *errstr, size_t sz) {
  if (a->type == CO_INGEST_ACCT_GMAIL) {
    co_ingest_gmail_conf_t gc = {.api_url = a->api_url,
                                 .token_url = a->token_url,
                                 .client_id = a->client_id,
                                 .client_secret = a->client_secret,
                                 .refresh_token = a->refresh_token,
                                 .user = a->user,
                                 .account = a->name};
    co_pl_src_t *s = add_src(ing, CO_INGEST_ACCT_GMAIL, a->name, "gmail %s%s", a->name, "");
    char e[512];
    if (!s || asprintf(&s->ckey, "gmail:%s@%s", a->user ? a->user : "me", a->api_url ? a->api_url : "gmail") < 0) {
      if (s) s->ckey = NULL;
      return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    }
    s->poll_ms = (a->poll_s ? a->poll_s : (int)co_conf_int(conf, "imap.poll.s")) * 1000;
    if (!(s->gmail = co_ingest_gmail_new(&gc, e, sizeof(e))))
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "account %s: %s", a->name, e);
    return CO_OK;
  }
  char *base = NULL, *ufolder = NULL;
  co_err_t err = CO_OK;
  if (split_url(a->url, &base, &ufolder)) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  if (ufolder) {
    err = co_seterr(errstr, sz, CO_ERR_CONFIG, "account %s: url names a folder (%s); list it under folders", a->name,
                    ufolder);
    goto out;
  }
  for (int f = 0; f < a->folder_cnt && !err; f++) {
    char *ckey = NULL;
    if (asprintf(&ckey, "imap:%s@%s%s", a->user, base, a->folders[f]) < 0) {
      err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      break;
    }
    co_ingest_imap_conf_t ic = {.url = base,
                                .user = a->user,
                                .password = a->password,
                                .oauth_token = a->oauth_token,
                                .folder = a->folders[f],
                                .account = a->name,
                                .poll_interval_ms = (a->poll_s ? a->poll_s : (int)co_conf_int(conf, "imap.poll.s")) * 1000,
                                .no_idle = a->no_idle,
                                .allow_plaintext = a->allow_plaintext,
                                .ca_file = a->ca_file ? a->ca_file : (*co_conf_str(conf, "imap.ca.file") ? co_conf_str(conf, "imap.ca.file") : NULL)};
    err = add_imap(ing, a->name, &ic, ckey, errstr, sz);
    free(ckey);
  }
out:
  free(base);
  free(ufolder);
  return err;
}

co_pipeline_ingest_t *co_pipeline_ingest_new(const co_conf_t *conf, co_rt_t *rt, const co_ingest_accounts_t *accts,
                                             char *errstr, size_t sz) {
  co_pipeline_ingest_t *ing = calloc(1, sizeof(*ing));
  if (!ing) {
    co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  ing->conf = conf;
  ing->rt = rt;
  ing->topic = co_conf_str(conf, "topic.raw");
  ing->max_body = (size_t)co_conf_int(conf, "ingest.max.body.bytes");
  atomic_init(&ing->stop, 0);
  if (*co_conf_str(conf, "imap.url")) {
    if (accts)
      for (int i = 0; i < accts->cnt; i++)
        if (!strcmp(accts->a[i].name, co_conf_str(conf, "account"))) {
          co_seterr(errstr, sz, CO_ERR_CONFIG,
                    "account %s: named both by imap.url (with setting account) and by the accounts list",
                    accts->a[i].name);
          goto err;
        }
    if (add_legacy(ing, conf, errstr, sz)) goto err;
  }
  for (int i = 0; accts && i < accts->cnt; i++)
    if (add_account(ing, conf, &accts->a[i], errstr, sz)) goto err;
  return ing;
err:
  co_pipeline_ingest_destroy(ing);
  return NULL;
}
