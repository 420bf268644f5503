/* Proves the delivery journal remembers keys across reopen (what a crash
 * leaves), ignores a torn last line and appends after it on a clean line,
 * and compacts to the newest half when it outgrows its bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_notify.h"
#include "co_th.h"

static void key_of(int i, char out[65]) {
  for (int k = 0; k < 64; k++) out[k] = "0123456789abcdef"[(i * 7 + k * 13 + (i >> (k % 8))) & 15];
  snprintf(out, 9, "%08x", (unsigned)i); /* unique prefix */
  out[8] = 'a';
  out[64] = '\0';
}

static void notify_journal_survives_reopen_and_compacts(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("notify-journal"), path[4096], err[256], k[65];
  snprintf(path, sizeof(path), "%s/notify.journal", dir);
  co_notify_journal_t *j = co_notify_journal_open(path, 1000, err, sizeof(err));
  if (!j) fail_msg("%s", err);
  for (int i = 0; i < 300; i++) {
    key_of(i, k);
    assert_int_equal(co_notify_journal_add(j, k, err, sizeof(err)), CO_OK);
  }
  assert_int_equal(co_notify_journal_add(j, "not-a-key", err, sizeof(err)), CO_ERR_INVALID_ARG);
  co_notify_journal_close(j);

  /* a torn line at the end, as a crash mid-write leaves */
  FILE *f = fopen(path, "a");
  fputs("0123abcd", f);
  fclose(f);
  j = co_notify_journal_open(path, 1000, err, sizeof(err));
  if (!j) fail_msg("%s", err);
  assert_int_equal(co_notify_journal_count(j), 300);
  for (int i = 0; i < 300; i++) {
    key_of(i, k);
    assert_true(co_notify_journal_has(j, k));
  }
  key_of(300, k);
  assert_false(co_notify_journal_has(j, k));
  assert_int_equal(co_notify_journal_add(j, k, err, sizeof(err)), CO_OK);
  co_notify_journal_close(j);
  j = co_notify_journal_open(path, 1000, err, sizeof(err));
  assert_int_equal(co_notify_journal_count(j), 301); /* the append after the torn line is whole */
  co_notify_journal_close(j);

  /* bound 200 < 301 lines: keeps the newest 100 */
  j = co_notify_journal_open(path, 200, err, sizeof(err));
  if (!j) fail_msg("%s", err);
  assert_int_equal(co_notify_journal_count(j), 100);
  key_of(300, k);
  assert_true(co_notify_journal_has(j, k));
  key_of(201, k);
  assert_true(co_notify_journal_has(j, k));
  key_of(200, k);
  assert_false(co_notify_journal_has(j, k));
  co_notify_journal_close(j);
  size_t len = 0;
  free(co_th_read_file(path, &len));
  assert_int_equal(len, 100 * 65);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_journal_survives_reopen_and_compacts)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
