/* co_ingest_accounts.h: the mail accounts one instance ingests, each with its
 * own source settings, read from the `accounts:` list of the YAML config file.
 *
 * The settings table (common/co_conf_table.c) holds scalars only, and a list
 * of records does not fit it; so the config loader skips the top-level
 * `accounts` key and this module parses it with libyaml, validating every
 * field at start-up with an error that names the entry and the field
 * ("accounts[1].type: ..."). docs/ingest.md documents the format:
 *
 *   accounts:
 *     - name: work                 # key of the events; unique
 *       type: imap                 # imap | gmail
 *       url: imaps://imap.example.com:993/
 *       user: me@example.com
 *       password_env: WORK_PW      # or password: / oauth_token: / oauth_token_env:
 *       folders: [INBOX, Jobs]     # default INBOX; one connection per folder
 *       ca_file: /etc/ssl/my-ca.pem  # optional CA bundle for imaps / STARTTLS
 *     - name: personal
 *       type: gmail
 *       client_id: ...
 *       client_secret_env: GMAIL_SECRET
 *       refresh_token_env: GMAIL_REFRESH
 *
 * Credentials come from the file or, better, from environment variables the
 * file names (`*_env`); every credential value is registered with the
 * logger's secret masking as soon as it is read, and no error message here
 * ever contains one. */
#ifndef CO_INGEST_ACCOUNTS_H
#define CO_INGEST_ACCOUNTS_H

#include <stddef.h>

#include "co_err.h"

typedef enum { CO_INGEST_ACCT_IMAP, CO_INGEST_ACCT_GMAIL } co_ingest_acct_type_t;

/* One account. Every string is owned by the list; NULL when not given. */
typedef struct co_ingest_account_s {
  char *name;
  co_ingest_acct_type_t type;
  char *user; /* IMAP login (required) / Gmail user id (NULL: "me") */
  /* IMAP */
  char *url; /* imap[s]://host[:port]/ without folder */
  char *password, *oauth_token;
  char *ca_file;
  char **folders; /* at least one ("INBOX" by default) */
  int folder_cnt;
  int poll_s;          /* 0: the imap.poll.s setting */
  int no_idle;         /* idle: false */
  int allow_plaintext; /* allow_plaintext: true */
  /* Gmail */
  char *api_url, *token_url, *client_id, *client_secret, *refresh_token;
} co_ingest_account_t;

typedef struct co_ingest_accounts_s {
  co_ingest_account_t *a;
  int cnt;
} co_ingest_accounts_t;

/* Reads the `accounts:` list of the YAML file at path (NULL or a file
 * without the key: an empty list). Environment variables named by *_env
 * fields are read from the process environment. *out (free with
 * co_ingest_accounts_free) is set on success; on error it is NULL and
 * errstr names the file, line, entry and field (CO_ERR_CONFIG), or the
 * I/O cause (CO_ERR_IO). */
co_err_t co_ingest_accounts_load(const char *path, co_ingest_accounts_t **out, char *errstr, size_t errstr_size);

/* Wipes the credentials and frees the list. NULL is a no-op. */
void co_ingest_accounts_free(co_ingest_accounts_t *l);

#endif
