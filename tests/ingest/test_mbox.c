/* Proves the mbox reader splits at "From " lines that follow a blank line,
 * undoes mboxrd quoting (">From " -> "From ", ">>From " -> ">From "), keeps
 * an unquoted "From " that does not follow a blank line inside the body,
 * reports the byte offset of each message's "From " line, and can resume
 * from such an offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"
#include "co_th.h"

static const char *m1 =
    "From: a@example.com\nSubject: one\n\n"
    "First line.\nFrom the start, a quoted line.\n>From already quoted once.\n"
    "Here is a sentence.\nFrom here on an unquoted From line not after a blank.\n";
static const char *m1_quoted =
    "From: a@example.com\nSubject: one\n\n"
    "First line.\n>From the start, a quoted line.\n>>From already quoted once.\n"
    "Here is a sentence.\nFrom here on an unquoted From line not after a blank.\n";
static const char *m2 = "From: b@example.com\nSubject: two\n\n\n>not from\n";
static const char *m3 = "From: c@example.com\nSubject: three\n\nlast\n";

static char *build(uint64_t off[3]) {
  char *s = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&s, &len);
  off[0] = (uint64_t)ftell(f);
  fprintf(f, "From a@example.com Thu Apr  3 09:15:00 2025\n%s\n", m1_quoted);
  off[1] = (uint64_t)ftell(f);
  fprintf(f, "From b@example.com Thu Apr  3 09:16:00 2025\n%s\n", m2);
  off[2] = (uint64_t)ftell(f);
  fprintf(f, "From c@example.com Thu Apr  3 09:17:00 2025\n%s\n", m3);
  fclose(f);
  return s;
}

static void expect_msg(co_ingest_reader_t *r, const char *want, uint64_t off, const char *path) {
  co_ingest_msg_t msg;
  char errstr[256];
  assert_int_equal(co_ingest_reader_next(r, &msg, errstr, sizeof(errstr)), CO_OK);
  assert_int_equal(msg.len, strlen(want));
  assert_memory_equal(msg.data, want, msg.len);
  assert_int_equal(msg.offset, off);
  assert_string_equal(msg.path, path);
  /* Each message also normalizes. */
  char *cur = co_ingest_cursor_file(msg.path, msg.offset), *out = NULL;
  co_ingest_src_t src = {.account = "t", .cursor_json = cur};
  assert_int_equal(co_ingest_normalize(msg.data, msg.len, &src, &out, errstr, sizeof(errstr)), CO_OK);
  json_t *ev = json_loads(out, 0, NULL);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(ev, "cursor"), "offset")), (json_int_t)off);
  json_decref(ev);
  free(out);
  free(cur);
}

static void ingest_mbox_reader_unquotes_from_lines(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("ingest-mbox");
  assert_non_null(dir);
  char path[4096];
  snprintf(path, sizeof(path), "%s/inbox.mbox", dir);
  uint64_t off[3];
  char *mbox = build(off);
  assert_int_equal(co_th_write_file(path, mbox, strlen(mbox)), 0);

  co_ingest_reader_t *r = NULL;
  char errstr[256];
  co_ingest_msg_t msg;
  assert_int_equal(co_ingest_mbox_open(path, 0, &r, errstr, sizeof(errstr)), CO_OK);
  expect_msg(r, m1, off[0], path);
  expect_msg(r, m2, off[1], path);
  expect_msg(r, m3, off[2], path);
  assert_int_equal(co_ingest_reader_next(r, &msg, errstr, sizeof(errstr)), CO_ERR_NOT_FOUND);
  co_ingest_reader_close(r);

  /* Resume at the second message's offset. */
  assert_int_equal(co_ingest_mbox_open(path, off[1], &r, errstr, sizeof(errstr)), CO_OK);
  expect_msg(r, m2, off[1], path);
  expect_msg(r, m3, off[2], path);
  assert_int_equal(co_ingest_reader_next(r, &msg, errstr, sizeof(errstr)), CO_ERR_NOT_FOUND);
  co_ingest_reader_close(r);

  /* CRLF mbox, and a file that does not start with a From line. */
  const char *crlf = "From x Thu Apr  3 09:15:00 2025\r\nSubject: c1\r\n\r\n>From body\r\n\r\n"
                     "From y Thu Apr  3 09:15:00 2025\r\nSubject: c2\r\n\r\nb\r\n";
  assert_int_equal(co_th_write_file(path, crlf, strlen(crlf)), 0);
  assert_int_equal(co_ingest_mbox_open(path, 0, &r, errstr, sizeof(errstr)), CO_OK);
  expect_msg(r, "Subject: c1\r\n\r\nFrom body\r\n", 0, path);
  expect_msg(r, "Subject: c2\r\n\r\nb\r\n", (uint64_t)(strstr(crlf, "From y") - crlf), path);
  co_ingest_reader_close(r);

  const char *bare = "Subject: no envelope\n\nbody\n\nFrom z Thu Apr  3 09:15:00 2025\nSubject: z\n\nzz\n";
  assert_int_equal(co_th_write_file(path, bare, strlen(bare)), 0);
  assert_int_equal(co_ingest_mbox_open(path, 0, &r, errstr, sizeof(errstr)), CO_OK);
  expect_msg(r, "Subject: no envelope\n\nbody\n", 0, path);
  expect_msg(r, "Subject: z\n\nzz\n", (uint64_t)(strstr(bare, "From z") - bare), path);
  assert_int_equal(co_ingest_reader_next(r, &msg, errstr, sizeof(errstr)), CO_ERR_NOT_FOUND);
  co_ingest_reader_close(r);

  assert_int_equal(co_ingest_mbox_open("/nonexistent/x.mbox", 0, &r, errstr, sizeof(errstr)), CO_ERR_IO);
  assert_null(r);
  assert_non_null(strstr(errstr, "/nonexistent/x.mbox"));

  free(mbox);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(ingest_mbox_reader_unquotes_from_lines)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
