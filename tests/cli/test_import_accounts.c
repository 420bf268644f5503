/* Import cursors belong to an account and a source, and unreadable files
 * are not forgotten:
 * - the same mbox imported for alice, then for bob, is imported for both
 *   (once each, however often it is re-run), and moving the file keeps its
 *   progress (the cursor follows the content, not the path);
 * - a Maildir file that cannot be read goes to the DLQ; the next import,
 *   once it is readable, imports it (exactly once);
 * - `dlq replay` of such a failure reads the file again and appends the
 *   message (and refuses, exit 1, while it is still unreadable).
 * Unreadable = mode 000; as root (which reads anything) careerops runs as
 * nobody (setpriv) so the mode applies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_tu.h"
#include "co_th.h"

#define N_MSGS 12

/* A copy of the binary nobody can run: the build tree may sit under a
 * directory only root may enter (a clone in /root or in a mktemp -d dir). */
static char g_bindir[64];

static const char *nobody_bin(void) {
  static char bin[128];
  if (!bin[0]) {
    char cmd[1400];
    snprintf(g_bindir, sizeof(g_bindir), "/tmp/cli-import-bin-XXXXXX");
    assert_non_null(mkdtemp(g_bindir));
    assert_int_equal(chmod(g_bindir, 0755), 0);
    snprintf(bin, sizeof(bin), "%s/careerops", g_bindir);
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s' && chmod 0755 '%s'", cli_tu_bin(), bin, bin);
    assert_int_equal(co_th_sh(cmd, NULL), 0);
  }
  return bin;
}

/* Runs careerops (as nobody when root), stderr merged; *out is the output. */
static int run(const char *args, char **out) {
  char *full;
  int rc;
  if (geteuid() == 0) {
    assert_true(asprintf(&full, "'%s' %s 2>&1", nobody_bin(), args) > 0);
    char *cmd;
    assert_true(asprintf(&cmd, "setpriv --reuid=65534 --regid=65534 --clear-groups sh -c \"%s\"", full) > 0);
    rc = co_th_sh(cmd, out);
    free(cmd);
  } else {
    assert_true(asprintf(&full, "%s", args) > 0);
    rc = cli_tu_run(full, 1, out);
  }
  free(full);
  return rc;
}

static char *mkroot(void) {
  char tmpl[] = "/tmp/cli-import-acct-XXXXXX";
  assert_non_null(mkdtemp(tmpl));
  assert_int_equal(chmod(tmpl, 0777), 0); /* nobody writes the state here */
  return strdup(tmpl);
}

static void write_eml(const char *path, int i) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f,
          "From: Acme Recruiting <jobs@acme.example>\nTo: me@example.org\nSubject: Your application #%d\n"
          "Date: Mon, 6 Jan 2025 10:%02d:00 +0000\nMessage-ID: <eml-%d@acme.example>\n\nThanks for applying, #%d.\n",
          i, i, i, i);
  fclose(f);
  assert_int_equal(chmod(path, 0644), 0);
}

static long summary_field(const char *out, const char *name) {
  long imp, skip, fail;
  const char *line = strstr(out, "imported=");
  if (!line || cli_tu_summary(line, &imp, &skip, &fail)) fail_msg("no summary line in:\n%s", out);
  return !strcmp(name, "imported") ? imp : !strcmp(name, "skipped") ? skip : fail;
}

static void cli_import_cursor_is_per_account_and_follows_the_file(void **state) {
  (void)state;
  char *dir = mkroot(), mbox[512], moved[512], st[512], args[1400], *out;
  snprintf(mbox, sizeof(mbox), "%s/inbox.mbox", dir);
  snprintf(moved, sizeof(moved), "%s/renamed.mbox", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  assert_int_equal(cli_tu_write_mbox(mbox, N_MSGS, -1), 0);
  assert_int_equal(chmod(mbox, 0644), 0);

  const char *accts[] = {"alice", "bob", "alice", "bob"};
  for (int i = 0; i < 4; i++) {
    snprintf(args, sizeof(args), "import '%s' --account %s -X state.dir='%s'", mbox, accts[i], st);
    assert_int_equal(run(args, &out), 0);
    if (summary_field(out, "imported") != (i < 2 ? N_MSGS : 0))
      fail_msg("import #%d for %s: want %d imported:\n%s", i + 1, accts[i], i < 2 ? N_MSGS : 0, out);
    free(out);
  }
  /* Moved: the same mailbox, nothing new. */
  assert_int_equal(rename(mbox, moved), 0);
  snprintf(args, sizeof(args), "import '%s' --account alice -X state.dir='%s'", moved, st);
  assert_int_equal(run(args, &out), 0);
  if (summary_field(out, "imported") != 0 || summary_field(out, "skipped") != N_MSGS)
    fail_msg("a moved mbox was imported again:\n%s", out);
  free(out);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), 2 * N_MSGS);
  co_th_rm_rf(dir);
  free(dir);
}

static void cli_import_retries_unreadable_file_and_dlq_replay_appends_it(void **state) {
  (void)state;
  char *dir = mkroot(), md[512], md2[512], p[600], st[512], args[1400], *out;
  snprintf(md, sizeof(md), "%s/Maildir", dir);
  snprintf(md2, sizeof(md2), "%s/Maildir2", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  for (int k = 0; k < 2; k++) {
    const char *m = k ? md2 : md;
    snprintf(p, sizeof(p), "%s", m);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof(p), "%s/cur", m);
    assert_int_equal(mkdir(p, 0755), 0);
    for (int i = 1; i <= 3; i++) {
      snprintf(p, sizeof(p), "%s/cur/%d.msg", m, i);
      write_eml(p, 10 * k + i);
    }
  }
  char locked[600], locked2[600];
  snprintf(locked, sizeof(locked), "%s/cur/2.msg", md);
  snprintf(locked2, sizeof(locked2), "%s/cur/3.msg", md2);
  assert_int_equal(chmod(locked, 0), 0);
  assert_int_equal(chmod(locked2, 0), 0);

  /* 1. Import with one unreadable file: two in, one to the DLQ. */
  snprintf(args, sizeof(args), "import '%s' --account alice -X state.dir='%s'", md, st);
  assert_int_equal(run(args, &out), 0);
  if (summary_field(out, "imported") != 2 || summary_field(out, "failed") != 1) fail_msg("first import:\n%s", out);
  free(out);
  /* Still unreadable: the next import imports nothing and says so. */
  assert_int_equal(run(args, &out), 0);
  if (summary_field(out, "imported") != 0 || !strstr(out, "still unreadable")) fail_msg("second import:\n%s", out);
  free(out);
  /* Readable now: the next import takes it, once. */
  assert_int_equal(chmod(locked, 0644), 0);
  assert_int_equal(run(args, &out), 0);
  if (summary_field(out, "imported") != 1) fail_msg("import after the file became readable:\n%s", out);
  free(out);
  assert_int_equal(run(args, &out), 0);
  if (summary_field(out, "imported") != 0) fail_msg("the re-read file was imported twice:\n%s", out);
  free(out);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), 3);

  /* 2. dlq replay of an import failure re-reads the file. */
  snprintf(args, sizeof(args), "import '%s' --account bob -X state.dir='%s'", md2, st);
  assert_int_equal(run(args, &out), 0);
  if (summary_field(out, "imported") != 2 || summary_field(out, "failed") != 1) fail_msg("import of Maildir2:\n%s", out);
  free(out);
  snprintf(args, sizeof(args), "dlq replay --filter class=io -X state.dir='%s'", st);
  if (run(args, &out) == 0 || !strstr(out, "still cannot be read"))
    fail_msg("dlq replay of a still unreadable file claimed success:\n%s", out);
  free(out);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), 5);
  assert_int_equal(chmod(locked2, 0644), 0);
  assert_int_equal(run(args, &out), 0);
  if (!strstr(out, "replayed 1 record(s), 1 of them re-read")) fail_msg("dlq replay:\n%s", out);
  free(out);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), 6);
  /* Replayed: neither a second replay nor the next import adds it again. */
  assert_int_equal(run(args, &out), 0);
  free(out);
  snprintf(args, sizeof(args), "import '%s' --account bob -X state.dir='%s'", md2, st);
  assert_int_equal(run(args, &out), 0);
  if (summary_field(out, "imported") != 0) fail_msg("import after replay:\n%s", out);
  free(out);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), 6);
  assert_int_equal(cli_tu_distinct(st, "raw_inbox_stream"), 6);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(cli_import_cursor_is_per_account_and_follows_the_file),
      cmocka_unit_test(cli_import_retries_unreadable_file_and_dlq_replay_appends_it),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  if (g_bindir[0]) co_th_rm_rf(g_bindir);
  return rc;
}
