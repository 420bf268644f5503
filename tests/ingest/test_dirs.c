/* Proves the Maildir reader yields cur/ then new/ (each sorted, dot files
 * and tmp/ ignored), the .eml directory reader yields only *.eml files in
 * name order, offsets are 0, a vanished file is an I/O error the reader
 * skips past, and a directory without cur/ or new/ is not a Maildir. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "co_ingest.h"
#include "co_th.h"

static void put(const char *dir, const char *name, const char *subject) {
  char p[4096], body[256];
  snprintf(p, sizeof(p), "%s/%s", dir, name);
  snprintf(body, sizeof(body), "From: x@example.com\nSubject: %s\n\nbody of %s\n", subject, subject);
  assert_int_equal(co_th_write_file(p, body, strlen(body)), 0);
}

static void expect(co_ingest_reader_t *r, const char *dir, const char *name, const char *subject) {
  co_ingest_msg_t m;
  char errstr[256], want_path[4096], want_subj[128];
  assert_int_equal(co_ingest_reader_next(r, &m, errstr, sizeof(errstr)), CO_OK);
  snprintf(want_path, sizeof(want_path), "%s/%s", dir, name);
  snprintf(want_subj, sizeof(want_subj), "Subject: %s\n", subject);
  assert_string_equal(m.path, want_path);
  assert_int_equal(m.offset, 0);
  assert_non_null(memmem(m.data, m.len, want_subj, strlen(want_subj)));
}

static void ingest_maildir_and_eml_dir_readers(void **state) {
  (void)state;
  char *root = co_th_tmpdir("ingest-dirs");
  assert_non_null(root);
  char md[2048], cur[4096], new[4096], tmp[4096], eml[4096], sub[4096];
  snprintf(md, sizeof(md), "%s/Maildir", root);
  snprintf(cur, sizeof(cur), "%s/cur", md);
  snprintf(new, sizeof(new), "%s/new", md);
  snprintf(tmp, sizeof(tmp), "%s/tmp", md);
  snprintf(eml, sizeof(eml), "%s/emls", root);
  snprintf(sub, sizeof(sub), "%s/emls/nested.eml", root);
  assert_int_equal(mkdir(md, 0700) | mkdir(cur, 0700) | mkdir(new, 0700) | mkdir(tmp, 0700) | mkdir(eml, 0700), 0);
  assert_int_equal(mkdir(sub, 0700), 0); /* a directory named like an .eml is skipped */

  put(cur, "1700000002.M2P1.host:2,S", "cur-b");
  put(cur, "1700000001.M1P1.host:2,RS", "cur-a");
  put(cur, ".hidden", "hidden");
  put(new, "1700000003.M3P1.host", "new-a");
  put(tmp, "1700000004.M4P1.host", "in-tmp");

  co_ingest_reader_t *r = NULL;
  co_ingest_msg_t m;
  char errstr[256];
  assert_int_equal(co_ingest_maildir_open(md, &r, errstr, sizeof(errstr)), CO_OK);
  expect(r, cur, "1700000001.M1P1.host:2,RS", "cur-a");
  expect(r, cur, "1700000002.M2P1.host:2,S", "cur-b");
  expect(r, new, "1700000003.M3P1.host", "new-a");
  assert_int_equal(co_ingest_reader_next(r, &m, errstr, sizeof(errstr)), CO_ERR_NOT_FOUND);
  co_ingest_reader_close(r);

  /* A message moved away between listing and reading: error, then go on. */
  assert_int_equal(co_ingest_maildir_open(md, &r, errstr, sizeof(errstr)), CO_OK);
  char gone[8192];
  snprintf(gone, sizeof(gone), "%s/1700000001.M1P1.host:2,RS", cur);
  assert_int_equal(unlink(gone), 0);
  assert_int_equal(co_ingest_reader_next(r, &m, errstr, sizeof(errstr)), CO_ERR_IO);
  assert_non_null(strstr(errstr, "1700000001"));
  expect(r, cur, "1700000002.M2P1.host:2,S", "cur-b");
  co_ingest_reader_close(r);

  put(eml, "b.eml", "b");
  put(eml, "a.eml", "a");
  put(eml, "notes.txt", "not-eml");
  assert_int_equal(co_ingest_emldir_open(eml, &r, errstr, sizeof(errstr)), CO_OK);
  expect(r, eml, "a.eml", "a");
  expect(r, eml, "b.eml", "b");
  assert_int_equal(co_ingest_reader_next(r, &m, errstr, sizeof(errstr)), CO_ERR_NOT_FOUND);
  co_ingest_reader_close(r);

  assert_int_equal(co_ingest_maildir_open(eml, &r, errstr, sizeof(errstr)), CO_ERR_NOT_FOUND);
  assert_null(r);
  assert_int_equal(co_ingest_emldir_open("/nonexistent-dir", &r, errstr, sizeof(errstr)), CO_ERR_IO);
  assert_null(r);

  co_th_rm_rf(root);
  free(root);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(ingest_maildir_and_eml_dir_readers)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
