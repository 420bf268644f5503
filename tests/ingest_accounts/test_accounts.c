/* ingest_accounts_list_is_validated_with_field_names: a valid accounts:
 * list (IMAP with two folders and a password from the environment, Gmail
 * with secrets from the environment) parses field by field; each kind of
 * mistake fails with an error naming the entry and the field and never the
 * secret; a file without accounts: is an empty list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_ingest_accounts.h"
#include "co_th.h"

static char *g_dir;

static char *write_cfg(const char *name, const char *text) {
  char *p = NULL;
  if (asprintf(&p, "%s/%s.yaml", g_dir, name) < 0) abort();
  assert_int_equal(co_th_write_file(p, text, strlen(text)), 0);
  return p;
}

static void test_valid(void **state) {
  (void)state;
  setenv("CO_TEST_ACCT_PW", "s3cret-imap-pw", 1);
  setenv("CO_TEST_GM_SECRET", "s3cret-client", 1);
  setenv("CO_TEST_GM_REFRESH", "s3cret-refresh", 1);
  char *p = write_cfg("ok", "log.level: info\n"
                            "accounts:\n"
                            "  - name: work\n"
                            "    type: imap\n"
                            "    url: imaps://mail.example.com:993/\n"
                            "    user: me@example.com\n"
                            "    password_env: CO_TEST_ACCT_PW\n"
                            "    folders: [INBOX, Jobs]\n"
                            "    ca_file: /tmp/ca.pem\n"
                            "    idle: false\n"
                            "    poll_s: 15\n"
                            "  - name: personal\n"
                            "    type: gmail\n"
                            "    client_id: cid\n"
                            "    client_secret_env: CO_TEST_GM_SECRET\n"
                            "    refresh_token_env: CO_TEST_GM_REFRESH\n"
                            "    token_url: http://127.0.0.1:1/token\n");
  co_ingest_accounts_t *l = NULL;
  char err[512];
  assert_int_equal(co_ingest_accounts_load(p, &l, err, sizeof(err)), CO_OK);
  assert_int_equal(l->cnt, 2);
  co_ingest_account_t *w = &l->a[0], *g = &l->a[1];
  assert_string_equal(w->name, "work");
  assert_int_equal(w->type, CO_INGEST_ACCT_IMAP);
  assert_string_equal(w->url, "imaps://mail.example.com:993/");
  assert_string_equal(w->user, "me@example.com");
  assert_string_equal(w->password, "s3cret-imap-pw");
  assert_null(w->oauth_token);
  assert_int_equal(w->folder_cnt, 2);
  assert_string_equal(w->folders[0], "INBOX");
  assert_string_equal(w->folders[1], "Jobs");
  assert_string_equal(w->ca_file, "/tmp/ca.pem");
  assert_int_equal(w->no_idle, 1);
  assert_int_equal(w->poll_s, 15);
  assert_string_equal(g->name, "personal");
  assert_int_equal(g->type, CO_INGEST_ACCT_GMAIL);
  assert_string_equal(g->client_secret, "s3cret-client");
  assert_string_equal(g->refresh_token, "s3cret-refresh");
  assert_string_equal(g->token_url, "http://127.0.0.1:1/token");
  co_ingest_accounts_free(l);
  free(p);

  /* no accounts: key, or no file at all: an empty list */
  p = write_cfg("none", "log.level: info\n");
  assert_int_equal(co_ingest_accounts_load(p, &l, err, sizeof(err)), CO_OK);
  assert_int_equal(l->cnt, 0);
  co_ingest_accounts_free(l);
  assert_int_equal(co_ingest_accounts_load(NULL, &l, err, sizeof(err)), CO_OK);
  assert_int_equal(l->cnt, 0);
  co_ingest_accounts_free(l);
  free(p);
}

/* Each bad file must fail naming "accounts[idx].field" and the file line. */
static void expect_bad(const char *body, const char *needle) {
  static int n;
  char name[32], *text = NULL;
  snprintf(name, sizeof(name), "bad%d", n++);
  if (asprintf(&text, "accounts:\n%s", body) < 0) abort();
  char *p = write_cfg(name, text);
  co_ingest_accounts_t *l = (co_ingest_accounts_t *)1;
  char err[512] = "";
  co_err_t rc = co_ingest_accounts_load(p, &l, err, sizeof(err));
  printf("%-10s -> %s\n", name, err);
  assert_int_equal(rc, CO_ERR_CONFIG);
  assert_null(l);
  if (!strstr(err, needle)) fail_msg("error '%s' does not name '%s'", err, needle);
  assert_non_null(strstr(err, ".yaml:"));
  assert_null(strstr(err, "s3cret"));
  free(text);
  free(p);
}

#define IMAP_OK "    type: imap\n    url: imap://h/\n    user: u\n    password: s3cret-inline\n"

static void test_bad(void **state) {
  (void)state;
  unsetenv("CO_TEST_UNSET_VAR");
  expect_bad("  - name: a\n" IMAP_OK "    pasword: x\n", "accounts[0].pasword: unknown field");
  expect_bad("  - name: a\n    type: pop3\n", "accounts[0].type: must be imap or gmail");
  expect_bad("  - name: a\n    url: imap://h/\n", "accounts[0].type: is required");
  expect_bad("  - name: a\n" IMAP_OK "  - name: a\n" IMAP_OK, "accounts[1].name: 'a' is used");
  expect_bad("  - name: a\n    type: imap\n    url: http://h/\n    user: u\n    password: s3cret-x\n",
             "accounts[0].url: must start with imap://");
  expect_bad("  - name: a\n    type: imap\n    url: imap://h/\n    user: u\n", "accounts[0].password_env");
  expect_bad("  - name: a\n    type: imap\n    url: imap://h/\n    user: u\n    password_env: CO_TEST_UNSET_VAR\n",
             "accounts[0].password_env: environment variable CO_TEST_UNSET_VAR is not set");
  expect_bad("  - name: a\n" IMAP_OK "    client_id: x\n", "accounts[0].client_id: does not apply to type imap");
  expect_bad("  - name: a\n" IMAP_OK "    poll_s: often\n", "accounts[0].poll_s: must be a whole number");
  expect_bad("  - name: a\n" IMAP_OK "    folders: []\n", "accounts[0].folders: must name at least one");
  /* a field twice (fuzz_accounts: the second folders list overflowed the first's array) */
  expect_bad("  - name: a\n" IMAP_OK "    folders: [A]\n    folders: [B, C]\n",
             "accounts[0].folders: is given twice in this account");
  expect_bad("  - name: g\n    type: gmail\n    client_id: c\n    client_secret: s3cret-c\n",
             "accounts[0].refresh_token_env");
  expect_bad("  - type: imap\n    url: imap://h/\n    user: u\n    password: s3cret-p\n", "accounts[0].name: is required");
  expect_bad("  - name: a\n" IMAP_OK "  - just-a-string\n", "accounts[1]: each account is a mapping");
}

static int setup(void **state) {
  (void)state;
  g_dir = co_th_tmpdir("ingest-accounts");
  return g_dir ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  co_th_rm_rf(g_dir);
  free(g_dir);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_valid), cmocka_unit_test(test_bad)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
