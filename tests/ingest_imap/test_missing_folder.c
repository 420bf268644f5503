/* Proves a folder that does not exist is CO_ERR_NOT_FOUND naming the
 * folder, from sync and from wait (which does not retry it), while another
 * folder of the same account syncs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "ii_util.h"

#define USER "kim"
#define PASS "folder-pass-12"

static void imap_missing_folder_is_not_found(void **state) {
  (void)state;
  char err[1024];
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  if (co_th_imap_seed(m, "Jobs", 1, 3, err, sizeof(err))) fail_msg("%s", err);
  co_ingest_imap_conf_t conf = ii_conf(m, USER, PASS);
  conf.folder = "NoSuchFolder";
  co_ingest_imap_t *src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);
  ii_rec_t rec = {0};
  co_ingest_imap_cursor_t to;
  assert_int_equal(co_ingest_imap_sync(src, NULL, ii_record, &rec, &to, NULL, err, sizeof(err)), CO_ERR_NOT_FOUND);
  printf("sync: %s\n", err);
  assert_non_null(strstr(err, "NoSuchFolder"));
  assert_int_equal(co_ingest_imap_wait(src, 10000, err, sizeof(err)), CO_ERR_NOT_FOUND);
  co_ingest_imap_destroy(src);

  conf.folder = "Jobs";
  src = co_ingest_imap_new(&conf, err, sizeof(err));
  if (!src) fail_msg("%s", err);
  if (co_ingest_imap_sync(src, NULL, ii_record, &rec, &to, NULL, err, sizeof(err))) fail_msg("%s", err);
  assert_int_equal(rec.n, 3);
  ii_rec_free(&rec);
  co_ingest_imap_destroy(src);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(imap_missing_folder_is_not_found)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
