/* Proves input that is not a mail message (empty, garbage text, binary,
 * body without headers, NUL in the header block) returns CO_ERR_PARSE with
 * a cause and no output, that a bad cursor is CO_ERR_INVALID_ARG, and that
 * every corpus message cut at many points or with bytes flipped returns
 * CO_OK or CO_ERR_PARSE without crashing (ASan/UBSan builds check memory). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"
#include "co_th.h"

static const char *cursor = "{\"kind\":\"imap\",\"uidvalidity\":7,\"uid\":42}";

static co_err_t norm(const char *raw, size_t len, char *errstr, size_t sz) {
  co_ingest_src_t src = {.account = "acct", .cursor_json = cursor, .max_body_bytes = 4096};
  char *out = (char *)1;
  co_err_t err = co_ingest_normalize(raw, len, &src, &out, errstr, sz);
  if (err) assert_null(out);
  else assert_non_null(out);
  free(out);
  return err;
}

static void expect_parse_error(const char *raw, size_t len, const char *cause) {
  char errstr[256] = "";
  assert_int_equal(norm(raw, len, errstr, sizeof(errstr)), CO_ERR_PARSE);
  if (!strstr(errstr, cause)) fail_msg("errstr \"%s\" lacks \"%s\"", errstr, cause);
}

static void ingest_unparseable_message_is_error_not_crash(void **state) {
  (void)state;
  expect_parse_error("", 0, "empty message");
  const char *garbage = "garbage garbage garbage\n\nmore garbage";
  expect_parse_error(garbage, strlen(garbage), "not a mail message");
  expect_parse_error("\n\nbody but no headers\n", 22, "no header");
  const char nul_hdr[] = "Subject: a\0b\nFrom: x@y\n\nbody";
  expect_parse_error(nul_hdr, sizeof(nul_hdr) - 1, "NUL byte");
  /* Binary: deterministic pseudo-random bytes. */
  unsigned char bin[8192];
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < sizeof(bin); i++) x ^= x << 13, x ^= x >> 17, x ^= x << 5, bin[i] = (unsigned char)x;
  expect_parse_error((const char *)bin, sizeof(bin), "not a mail message");
  memset(bin, 0xff, sizeof(bin));
  expect_parse_error((const char *)bin, sizeof(bin), "not a mail message");

  /* Bad cursors and arguments. */
  char errstr[256], *out = NULL;
  const char *ok = "From: a@b\n\nx";
  co_ingest_src_t src = {.account = "a", .cursor_json = "{\"kind\":\"pop3\"}"};
  assert_int_equal(co_ingest_normalize(ok, strlen(ok), &src, &out, errstr, sizeof(errstr)), CO_ERR_INVALID_ARG);
  assert_null(out);
  src.cursor_json = "{\"kind\":\"imap\",\"uid\":1}";
  assert_int_equal(co_ingest_normalize(ok, strlen(ok), &src, &out, errstr, sizeof(errstr)), CO_ERR_INVALID_ARG);
  src.cursor_json = "not json";
  assert_int_equal(co_ingest_normalize(ok, strlen(ok), &src, &out, errstr, sizeof(errstr)), CO_ERR_INVALID_ARG);
  src.cursor_json = "{\"kind\":\"gmail\",\"history_id\":123456789}";
  assert_int_equal(co_ingest_normalize(ok, strlen(ok), &src, &out, errstr, sizeof(errstr)), CO_OK);
  free(out);

  /* Every corpus message, cut and corrupted: never a crash, never a leak. */
  char dir[4096];
  snprintf(dir, sizeof(dir), "%s/tests/ingest/corpus", getenv("CO_SOURCE_DIR"));
  DIR *d = opendir(dir);
  assert_non_null(d);
  struct dirent *de;
  int runs = 0, parsed = 0;
  while ((de = readdir(d))) {
    size_t nl = strlen(de->d_name);
    if (nl < 5 || strcmp(de->d_name + nl - 4, ".eml")) continue;
    char p[8192];
    snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
    size_t len;
    char *raw = co_th_read_file(p, &len);
    assert_non_null(raw);
    if (len > 65536) len = 65536;
    for (int k = 1; k <= 16; k++) {
      size_t cut = len * (size_t)k / 17;
      co_err_t e = norm(raw, cut, errstr, sizeof(errstr));
      assert_true(e == CO_OK || e == CO_ERR_PARSE);
      parsed += e == CO_OK;
      runs++;
    }
    char *mut = malloc(len);
    memcpy(mut, raw, len);
    for (int k = 0; k < 32; k++) {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      mut[x % len] = (char)(x >> 8);
      co_err_t e = norm(mut, len, errstr, sizeof(errstr));
      assert_true(e == CO_OK || e == CO_ERR_PARSE);
      parsed += e == CO_OK;
      runs++;
    }
    free(mut);
    free(raw);
  }
  closedir(d);
  printf("corrupted corpus: %d runs, %d parsed, %d refused\n", runs, parsed, runs - parsed);
  assert_true(runs > 40 * 48);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(ingest_unparseable_message_is_error_not_crash)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
