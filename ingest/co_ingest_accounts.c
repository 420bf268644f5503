/* co_ingest_accounts.c: parses and validates the `accounts:` list of the
 * config file (format in co_ingest_accounts.h and docs/ingest.md).
 *
 * Validation is all here, at start-up, so a typo in the sixth account
 * fails `careerops run` at once with "accounts[5].pasword: unknown field"
 * instead of a login failure minutes later. Each field is one row of a
 * small table (name, which account types take it, where it goes), the same
 * declarative style as the settings table. */
#include "co_ingest_accounts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "co_log.h"

#define T_IMAP 1
#define T_GMAIL 2

typedef enum { F_STR, F_SECRET, F_ENV, F_INT, F_BOOL, F_LIST } fkind_t;

typedef struct {
  const char *name;
  fkind_t kind;
  int types;  /* T_* bits of the account types taking it */
  size_t off; /* char * / int field in co_ingest_account_t; for F_ENV the
               * secret it fills */
} field_t;

#define OFF(f) offsetof(co_ingest_account_t, f)
static const field_t fields[] = {
    {"name", F_STR, T_IMAP | T_GMAIL, OFF(name)},
    {"type", F_STR, T_IMAP | T_GMAIL, 0}, /* handled first, separately */
    {"user", F_STR, T_IMAP | T_GMAIL, OFF(user)},
    {"url", F_STR, T_IMAP, OFF(url)},
    {"password", F_SECRET, T_IMAP, OFF(password)},
    {"password_env", F_ENV, T_IMAP, OFF(password)},
    {"oauth_token", F_SECRET, T_IMAP, OFF(oauth_token)},
    {"oauth_token_env", F_ENV, T_IMAP, OFF(oauth_token)},
    {"ca_file", F_STR, T_IMAP, OFF(ca_file)},
    {"folders", F_LIST, T_IMAP, 0},
    {"poll_s", F_INT, T_IMAP | T_GMAIL, OFF(poll_s)},
    {"idle", F_BOOL, T_IMAP, OFF(no_idle)}, /* stored inverted */
    {"allow_plaintext", F_BOOL, T_IMAP, OFF(allow_plaintext)},
    {"api_url", F_STR, T_GMAIL, OFF(api_url)},
    {"token_url", F_STR, T_GMAIL, OFF(token_url)},
    {"client_id", F_STR, T_GMAIL, OFF(client_id)},
    {"client_secret", F_SECRET, T_GMAIL, OFF(client_secret)},
    {"client_secret_env", F_ENV, T_GMAIL, OFF(client_secret)},
    {"refresh_token", F_SECRET, T_GMAIL, OFF(refresh_token)},
    {"refresh_token_env", F_ENV, T_GMAIL, OFF(refresh_token)},
};
#define FIELD_CNT (sizeof(fields) / sizeof(fields[0]))

typedef struct {
  yaml_document_t doc;
  const char *path;
  char *errstr;
  size_t sz;
} ctx_t;

static const char *scalar(yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static co_err_t bad(ctx_t *c, yaml_node_t *n, int idx, const char *field, const char *fmt, const char *arg) {
  char why[256];
  snprintf(why, sizeof(why), fmt, arg ? arg : "");
  return co_seterr(c->errstr, c->sz, CO_ERR_CONFIG, "%s:%zu: accounts[%d]%s%s: %s", c->path,
                   n ? n->start_mark.line + 1 : 0, idx, field ? "." : "", field ? field : "", why);
}

static const field_t *find_field(const char *name) {
  for (size_t i = 0; i < FIELD_CNT; i++)
    if (!strcmp(fields[i].name, name)) return &fields[i];
  return NULL;
}

static co_err_t set_folders(ctx_t *c, co_ingest_account_t *a, yaml_node_t *v, int idx) {
  yaml_node_item_t *it, *end;
  yaml_node_item_t one = 0;
  if (v->type == YAML_SCALAR_NODE) { /* "folders: INBOX" */
    it = &one;
    end = it + 1;
  } else if (v->type == YAML_SEQUENCE_NODE) {
    it = v->data.sequence.items.start;
    end = v->data.sequence.items.top;
  } else {
    return bad(c, v, idx, "folders", "takes a list of folder names%s", NULL);
  }
  if (end == it) return bad(c, v, idx, "folders", "must name at least one folder%s", NULL);
  if (!(a->folders = calloc((size_t)(end - it), sizeof(char *))))
    return co_seterr(c->errstr, c->sz, CO_ERR_NOMEM, "out of memory");
  for (; it < end; it++) {
    const char *s = v->type == YAML_SCALAR_NODE ? scalar(v) : scalar(yaml_document_get_node(&c->doc, *it));
    if (!s || !*s || strpbrk(s, "\"\r\n\\"))
      return bad(c, v, idx, "folders", "folder names must be non-empty plain text%s", NULL);
    if (!(a->folders[a->folder_cnt++] = strdup(s))) return co_seterr(c->errstr, c->sz, CO_ERR_NOMEM, "out of memory");
  }
  return CO_OK;
}

static co_err_t set_field(ctx_t *c, co_ingest_account_t *a, const field_t *f, yaml_node_t *v, int idx) {
  const char *s = scalar(v);
  if (f->kind == F_LIST) return set_folders(c, a, v, idx);
  if (!s) return bad(c, v, idx, f->name, "takes a single value%s", NULL);
  char **sp = (char **)((char *)a + f->off);
  int *ip = (int *)((char *)a + f->off);
  switch (f->kind) {
  case F_INT: {
    char *e;
    long n = strtol(s, &e, 10);
    if (!*s || *e || n < 1 || n > 86400) return bad(c, v, idx, f->name, "must be a whole number in 1..86400%s", NULL);
    *ip = (int)n;
    return CO_OK;
  }
  case F_BOOL: {
    int b;
    if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcmp(s, "1")) b = 1;
    else if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcmp(s, "0")) b = 0;
    else return bad(c, v, idx, f->name, "must be true or false%s", NULL);
    *ip = !strcmp(f->name, "idle") ? !b : b;
    return CO_OK;
  }
  case F_ENV: {
    const char *val = getenv(s);
    if (!*s) return bad(c, v, idx, f->name, "must name an environment variable%s", NULL);
    if (!val || !*val) return bad(c, v, idx, f->name, "environment variable %s is not set", s);
    s = val;
  } /* fall through: the variable's value is the secret */
  /* fall through */
  case F_SECRET:
    if (*sp) return bad(c, v, idx, f->name, "the credential is given twice (value and _env)%s", NULL);
    if (!(*sp = strdup(s))) return co_seterr(c->errstr, c->sz, CO_ERR_NOMEM, "out of memory");
    co_log_add_secret(*sp);
    return CO_OK;
  default:
    if (!*s) return bad(c, v, idx, f->name, "must not be empty%s", NULL);
    free(*sp);
    if (!(*sp = strdup(s))) return co_seterr(c->errstr, c->sz, CO_ERR_NOMEM, "out of memory");
    return CO_OK;
  }
}

/* Cross-field checks of one account. */
static co_err_t check(ctx_t *c, co_ingest_accounts_t *l, int idx, yaml_node_t *n) {
  co_ingest_account_t *a = &l->a[idx];
  if (!a->name) return bad(c, n, idx, "name", "is required%s", NULL);
  if (strpbrk(a->name, " \t\r\n\"'\\/"))
    return bad(c, n, idx, "name", "may not contain blanks, quotes or slashes ('%s')", a->name);
  for (int j = 0; j < idx; j++)
    if (!strcmp(l->a[j].name, a->name)) return bad(c, n, idx, "name", "'%s' is used by an earlier account", a->name);
  if (a->type == CO_INGEST_ACCT_IMAP) {
    if (!a->url) return bad(c, n, idx, "url", "is required for type imap%s", NULL);
    if (strncmp(a->url, "imap://", 7) && strncmp(a->url, "imaps://", 8))
      return bad(c, n, idx, "url", "must start with imap:// or imaps:// (got '%.64s')", a->url);
    if (strchr(a->url + 7, '@'))
      return bad(c, n, idx, "url", "must not carry credentials; use user and password_env%s", NULL);
    if (!a->user) return bad(c, n, idx, "user", "is required for type imap%s", NULL);
    if (!a->password && !a->oauth_token)
      return bad(c, n, idx, "password_env", "one of password, password_env, oauth_token, oauth_token_env is required%s",
                 NULL);
    if (!a->folder_cnt) {
      if (!(a->folders = calloc(1, sizeof(char *))) || !(a->folders[0] = strdup("INBOX")))
        return co_seterr(c->errstr, c->sz, CO_ERR_NOMEM, "out of memory");
      a->folder_cnt = 1;
    }
  } else {
    if (!a->client_id) return bad(c, n, idx, "client_id", "is required for type gmail%s", NULL);
    if (!a->client_secret) return bad(c, n, idx, "client_secret_env", "client_secret(_env) is required for type gmail%s", NULL);
    if (!a->refresh_token) return bad(c, n, idx, "refresh_token_env", "refresh_token(_env) is required for type gmail%s", NULL);
  }
  return CO_OK;
}

static co_err_t parse_account(ctx_t *c, co_ingest_accounts_t *l, int idx, yaml_node_t *n) {
  co_ingest_account_t *a = &l->a[idx];
  co_err_t err;
  if (n->type != YAML_MAPPING_NODE) return bad(c, n, idx, NULL, "each account is a mapping of fields%s", NULL);
  const char *type = NULL;
  yaml_node_t *type_node = n;
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
    const char *k = scalar(yaml_document_get_node(&c->doc, p->key));
    if (k && !strcmp(k, "type")) {
      type_node = yaml_document_get_node(&c->doc, p->value);
      type = scalar(type_node);
    }
  }
  if (!type) return bad(c, n, idx, "type", "is required (imap or gmail)%s", NULL);
  if (!strcmp(type, "imap")) a->type = CO_INGEST_ACCT_IMAP;
  else if (!strcmp(type, "gmail")) a->type = CO_INGEST_ACCT_GMAIL;
  else return bad(c, type_node, idx, "type", "must be imap or gmail, not '%.32s'", type);
  int tbit = a->type == CO_INGEST_ACCT_IMAP ? T_IMAP : T_GMAIL;
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *kn = yaml_document_get_node(&c->doc, p->key), *vn = yaml_document_get_node(&c->doc, p->value);
    const char *k = scalar(kn);
    const field_t *f = k ? find_field(k) : NULL;
    if (!k || !vn) return bad(c, kn, idx, NULL, "field names must be plain text%s", NULL);
    if (!f) return bad(c, kn, idx, k, "unknown field (see docs/ingest.md)%s", NULL);
    if (!(f->types & tbit)) return bad(c, kn, idx, k, "does not apply to type %s", type);
    for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p; q++) { /* YAML forbids it; libyaml keeps both */
      const char *qk = scalar(yaml_document_get_node(&c->doc, q->key));
      if (qk && !strcmp(qk, k)) return bad(c, kn, idx, k, "is given twice in this account%s", NULL);
    }
    if (!strcmp(k, "type")) continue;
    if ((err = set_field(c, a, f, vn, idx))) return err;
  }
  return check(c, l, idx, n);
}

co_err_t co_ingest_accounts_load(const char *path, co_ingest_accounts_t **out, char *errstr, size_t sz) {
  ctx_t c = {.path = path, .errstr = errstr, .sz = sz};
  co_ingest_accounts_t *l = calloc(1, sizeof(*l));
  yaml_parser_t parser;
  int parser_ok = 0, doc_ok = 0;
  co_err_t err = CO_OK;
  FILE *fp = NULL;
  *out = NULL;
  if (!l) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  if (!path || !*path) goto ok;
  if (!(fp = fopen(path, "rb"))) {
    err = co_seterr(errstr, sz, CO_ERR_IO, "cannot open config file %s: %s", path, strerror(errno));
    goto err;
  }
  if (!(parser_ok = yaml_parser_initialize(&parser))) {
    err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    goto err;
  }
  yaml_parser_set_input_file(&parser, fp);
  if (!(doc_ok = yaml_parser_load(&parser, &c.doc))) {
    err = co_seterr(errstr, sz, CO_ERR_CONFIG, "%s:%zu: YAML error: %s", path, parser.problem_mark.line + 1,
                    parser.problem ? parser.problem : "unknown");
    goto err;
  }
  yaml_node_t *root = yaml_document_get_root_node(&c.doc), *list = NULL;
  if (root && root->type == YAML_MAPPING_NODE)
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
      const char *k = scalar(yaml_document_get_node(&c.doc, p->key));
      if (k && !strcmp(k, "accounts")) list = yaml_document_get_node(&c.doc, p->value);
    }
  if (list && list->type != YAML_SEQUENCE_NODE) {
    err = co_seterr(errstr, sz, CO_ERR_CONFIG, "%s:%zu: accounts: must be a list of accounts (- name: ...)", path,
                    list->start_mark.line + 1);
    goto err;
  }
  if (list) {
    size_t n = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    if (n && !(l->a = calloc(n, sizeof(*l->a)))) {
      err = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      goto err;
    }
    for (size_t i = 0; i < n; i++) {
      yaml_node_t *an = yaml_document_get_node(&c.doc, list->data.sequence.items.start[i]);
      l->cnt = (int)i + 1;
      if (!an || (err = parse_account(&c, l, (int)i, an))) {
        if (!an) err = co_seterr(errstr, sz, CO_ERR_CONFIG, "%s: accounts[%zu]: unreadable entry", path, i);
        goto err;
      }
    }
  }
ok:
  if (doc_ok) yaml_document_delete(&c.doc);
  if (parser_ok) yaml_parser_delete(&parser);
  if (fp) fclose(fp);
  *out = l;
  return CO_OK;
err:
  if (doc_ok) yaml_document_delete(&c.doc);
  if (parser_ok) yaml_parser_delete(&parser);
  if (fp) fclose(fp);
  co_ingest_accounts_free(l);
  return err;
}

static void wipe(char *s) {
  if (s) {
    explicit_bzero(s, strlen(s));
    free(s);
  }
}

void co_ingest_accounts_free(co_ingest_accounts_t *l) {
  if (!l) return;
  for (int i = 0; i < l->cnt; i++) {
    co_ingest_account_t *a = &l->a[i];
    free(a->name);
    free(a->user);
    free(a->url);
    wipe(a->password);
    wipe(a->oauth_token);
    free(a->ca_file);
    for (int f = 0; f < a->folder_cnt; f++) free(a->folders[f]);
    free(a->folders);
    free(a->api_url);
    free(a->token_url);
    free(a->client_id);
    wipe(a->client_secret);
    wipe(a->refresh_token);
  }
  free(l->a);
  free(l);
}
