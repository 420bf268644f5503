/* Proves `careerops import` of a Maildir does not follow a symbolic link
 * that points out of the folder (a mailbox owner could otherwise make the
 * importer read any file it can, e.g. another user's mail, into the log),
 * while a link to a file inside the folder is still read. */
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

static void write_eml(const char *path, const char *id) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f, "From: Acme <jobs@acme.example>\nTo: me@example.org\nSubject: %s\nMessage-ID: <%s@acme.example>\n\nHi.\n",
          id, id);
  fclose(f);
}

static void cli_import_maildir_skips_links_out_of_the_folder(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("cli-links"), p[600], q[600], st[512], args[1400], *out;
  long imp, skip, fail;
  snprintf(st, sizeof(st), "%s/state", dir);
  const char *dirs[] = {"Maildir", "Maildir/cur", "Maildir/keep", "outside"};
  for (size_t i = 0; i < 4; i++) {
    snprintf(p, sizeof(p), "%s/%s", dir, dirs[i]);
    assert_int_equal(mkdir(p, 0755), 0);
  }
  snprintf(p, sizeof(p), "%s/Maildir/cur/1.msg", dir);
  write_eml(p, "plain-file");
  snprintf(p, sizeof(p), "%s/Maildir/keep/kept.eml", dir);
  write_eml(p, "link-inside");
  snprintf(q, sizeof(q), "%s/Maildir/cur/2.msg", dir);
  assert_int_equal(symlink(p, q), 0);
  snprintf(p, sizeof(p), "%s/outside/secret.eml", dir);
  write_eml(p, "secret-outside");
  snprintf(q, sizeof(q), "%s/Maildir/cur/3.msg", dir);
  assert_int_equal(symlink(p, q), 0);
  snprintf(q, sizeof(q), "%s/Maildir/cur/4.msg", dir);
  assert_int_equal(symlink("../../outside/secret.eml", q), 0); /* relative, same target */

  snprintf(args, sizeof(args), "import '%s/Maildir' --account alice -X state.dir='%s'", dir, st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_int_equal(cli_tu_summary(out, &imp, &skip, &fail), 0);
  free(out);
  if (imp != 2 || fail != 0) fail_msg("imported=%ld failed=%ld, want 2 and 0 (links out of the folder skipped)", imp, fail);
  assert_int_equal(cli_tu_count(st, "raw_inbox_stream"), 2);
  snprintf(args, sizeof(args), "dlq list -X state.dir='%s'", st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_null(strstr(out, "secret-outside"));
  free(out);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_import_maildir_skips_links_out_of_the_folder)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
