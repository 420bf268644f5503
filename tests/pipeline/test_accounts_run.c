/* pipeline_run_ingests_every_account_and_folder: two IMAP servers, three
 * sources from the config file's accounts: list (account "work": INBOX and
 * Jobs on one dovecot; account "home": INBOX on another), passwords from
 * environment variables. `careerops run --once` appends every message once,
 * keyed by its account (8 work, 4 home), and classifies all 12; a second
 * --once appends nothing. `careerops run` then starts one thread per source
 * and a message delivered to "home" arrives while it runs. A typo in the
 * list stops start-up with the field named. Passwords never reach output. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "co_th_imap.h"
#include "pl_tu.h"

typedef struct {
  long work, home, other;
} per_acct_t;

static int count_cb(const co_record_t *rec, void *opaque) {
  per_acct_t *c = opaque;
  if (rec->key_len == 4 && !memcmp(rec->key, "work", 4)) c->work++;
  else if (rec->key_len == 4 && !memcmp(rec->key, "home", 4)) c->home++;
  else c->other++;
  return 0;
}

static int count_lines(const char *path, const char *needle) {
  char *s = co_th_read_file(path, NULL);
  int n = 0;
  for (const char *p = s; p && (p = strstr(p, needle)); p++) n++;
  free(s);
  return n;
}

static void deliver(co_th_imap_t *m, const char *folder, int first, int n) {
  char err[512];
  assert_int_equal(co_th_imap_seed(m, folder, first, n, err, sizeof(err)), CO_OK);
}

static void test_accounts(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *a = co_th_imap_start("alice", "pw-alice-9", err, sizeof(err));
  if (!a) fail_msg("dovecot a: %s", err);
  co_th_imap_t *b = co_th_imap_start("bob", "pw-bob-7", err, sizeof(err));
  if (!b) fail_msg("dovecot b: %s", err);
  deliver(a, "INBOX", 1, 5);
  deliver(a, "Jobs", 6, 3);
  deliver(b, "INBOX", 101, 4);
  setenv("CO_TEST_PW_A", "pw-alice-9", 1);
  setenv("CO_TEST_PW_B", "pw-bob-7", 1);

  char *dir = co_th_tmpdir("pl-accounts"), cfg[4096], *yaml = NULL;
  snprintf(cfg, sizeof(cfg), "%s/careerops.yaml", dir);
  if (asprintf(&yaml,
               "log:\n  level: info\naccounts:\n"
               "  - name: work\n    type: imap\n    url: %s\n    user: alice\n    password_env: CO_TEST_PW_A\n"
               "    folders: [INBOX, Jobs]\n"
               "  - name: home\n    type: imap\n    url: %s\n    user: bob\n    password_env: CO_TEST_PW_B\n",
               co_th_imap_url(a), co_th_imap_url(b)) < 0)
    abort();
  assert_int_equal(co_th_write_file(cfg, yaml, strlen(yaml)), 0);

  char extra[4200], *out = NULL, *errout = NULL;
  snprintf(extra, sizeof(extra), "--sample '' -c '%s'", cfg);
  int rc = pl_run_once(dir, extra, &out, &errout);
  printf("--- stdout\n%s--- stderr\n%s", out, errout);
  assert_int_equal(rc, 0);
  assert_non_null(strstr(errout, "imap: 12 new message(s) appended"));
  assert_non_null(strstr(out, "classified emails: 12 ("));
  assert_null(strstr(errout, "pw-alice-9"));
  assert_null(strstr(errout, "pw-bob-7"));
  free(out);
  free(errout);

  /* per-account keys in topic.raw */
  co_conf_t *conf = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  per_acct_t c = {0};
  for (int i = 0; i < (int)co_conf_int(conf, "topic.partitions"); i++)
    co_rt_read(co_pipeline_rt(p), co_conf_str(conf, "topic.raw"), i, 0, count_cb, &c);
  printf("raw records: work %ld, home %ld, other %ld\n", c.work, c.home, c.other);
  assert_int_equal(c.work, 8);
  assert_int_equal(c.home, 4);
  assert_int_equal(c.other, 0);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);

  /* a second run finds nothing new */
  rc = pl_run_once(dir, extra, &out, &errout);
  assert_int_equal(rc, 0);
  assert_non_null(strstr(errout, "imap: 0 new message(s) appended"));
  free(out);
  free(errout);

  /* threads: one per source; new mail for "home" arrives while running */
  char bin[4096], sd[4200], logp[4200];
  const char *bd = getenv("CO_BINARY_DIR");
  snprintf(bin, sizeof(bin), "%s/cli/careerops", bd ? bd : ".");
  snprintf(sd, sizeof(sd), "state.dir=%s", dir);
  snprintf(logp, sizeof(logp), "%s/run.log", dir);
  char *argv[] = {bin, "run", "--sample", "", "-c", cfg, "-X", sd, "-X", "log.format=human", NULL};
  pid_t pid = co_th_spawn(argv, NULL, logp, err, sizeof(err));
  if (pid <= 0) fail_msg("spawn: %s", err);
  assert_true(CO_TH_WAIT_UNTIL(count_lines(logp, "source thread started") == 3, 30000));
  deliver(b, "INBOX", 105, 1);
  assert_true(CO_TH_WAIT_UNTIL(count_lines(logp, "imap: appended 1 message(s) (imap home/INBOX)") == 1, 30000));
  co_th_kill(pid, SIGTERM, 10000);
  assert_int_equal(count_lines(logp, "pw-alice-9") + count_lines(logp, "pw-bob-7"), 0);

  /* a typo in the list fails start-up, naming the field */
  char *bad = NULL;
  if (asprintf(&bad, "accounts:\n  - name: x\n    type: imap\n    url: %s\n    user: bob\n    pasword: pw-bob-7\n",
               co_th_imap_url(b)) < 0)
    abort();
  assert_int_equal(co_th_write_file(cfg, bad, strlen(bad)), 0);
  rc = pl_run_once(dir, extra, &out, &errout);
  printf("typo: rc %d, %s", rc, errout);
  assert_int_not_equal(rc, 0);
  assert_non_null(strstr(errout, "accounts[0].pasword: unknown field"));
  assert_null(strstr(errout, "pw-bob-7"));
  free(out);
  free(errout);
  free(bad);
  free(yaml);
  co_th_rm_rf(dir);
  free(dir);
  co_th_imap_stop(a);
  co_th_imap_stop(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_accounts)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
