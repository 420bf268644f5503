/* Proves co_buf grows across many appends with the bytes intact, keeps the
 * data NUL-terminated after every append, and refuses (as libcurl's write
 * callback, returning 0) an append that would pass max, leaving the buffer
 * as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "co_buf.h"

static void grows_and_terminates(void **state) {
  (void)state;
  co_buf_t b = {0};
  char chunk[97];
  assert_null(b.data);
  for (int i = 0; i < 100; i++) { /* 9,700 bytes: several doublings */
    memset(chunk, 'a' + i % 26, sizeof(chunk));
    assert_int_equal(co_buf_curl_write(chunk, 1, sizeof(chunk), &b), sizeof(chunk));
    assert_int_equal(b.len, (size_t)(i + 1) * sizeof(chunk));
    assert_true(b.cap > b.len);
    assert_int_equal(b.data[b.len], '\0');
  }
  for (int i = 0; i < 100; i++) assert_int_equal(b.data[i * 97 + 96], 'a' + i % 26);
  assert_int_equal(strlen(b.data), b.len);
  assert_int_equal(b.overflow, 0);
  co_buf_free(&b);
  assert_null(b.data);
  assert_int_equal(b.len, 0);
}

static void size_times_nmemb_is_counted(void **state) {
  (void)state;
  co_buf_t b = {0};
  assert_int_equal(co_buf_curl_write("abcdef", 2, 3, &b), 6);
  assert_string_equal(b.data, "abcdef");
  co_buf_free(&b);
}

static void max_bound_aborts_and_keeps_data(void **state) {
  (void)state;
  co_buf_t b = {.max = 10};
  assert_int_equal(co_buf_curl_write("0123456", 1, 7, &b), 7);
  assert_int_equal(co_buf_curl_write("789", 1, 3, &b), 3); /* exactly max is fine */
  assert_string_equal(b.data, "0123456789");
  assert_int_equal(b.overflow, 0);
  assert_int_equal(co_buf_curl_write("x", 1, 1, &b), 0); /* one past: abort */
  assert_int_equal(b.overflow, 1);
  assert_int_equal(b.len, 10);
  assert_string_equal(b.data, "0123456789");
  co_buf_free(&b);
  assert_int_equal(b.max, 10);
  b.max = 4;
  assert_int_equal(co_buf_curl_write("hello", 1, 5, &b), 0); /* first chunk alone too big */
  assert_null(b.data);
  assert_int_equal(b.overflow, 1);
  co_buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(grows_and_terminates),
      cmocka_unit_test(size_times_nmemb_is_counted),
      cmocka_unit_test(max_bound_aborts_and_keeps_data),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
