/* Proves a body longer than max_body_bytes is cut at a UTF-8 character
 * boundary (never inside a 2-, 3- or 4-byte sequence), flagged with
 * "truncated": true and kept (never dropped), while a body that fits, or
 * max_body_bytes = 0, is left whole and unflagged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"

static json_t *run(const char *body, const char *ctype, size_t max) {
  char *raw = g_strdup_printf("From: a@example.com\nSubject: t\nContent-Type: %s; charset=utf-8\n\n%s", ctype, body);
  co_ingest_src_t src = {.account = "a", .cursor_json = "{\"kind\":\"file\",\"path\":\"x\",\"offset\":0}",
                         .max_body_bytes = max};
  char *out = NULL, errstr[256];
  assert_int_equal(co_ingest_normalize(raw, strlen(raw), &src, &out, errstr, sizeof(errstr)), CO_OK);
  json_t *ev = json_loads(out, 0, NULL);
  assert_non_null(ev);
  free(out);
  g_free(raw);
  return ev;
}

static void check(const char *unit, size_t reps, size_t max, size_t want_len, int want_trunc) {
  GString *b = g_string_new(NULL);
  for (size_t i = 0; i < reps; i++) g_string_append(b, unit);
  json_t *ev = run(b->str, "text/plain", max);
  json_t *text = json_object_get(ev, "text");
  const char *t = json_string_value(text);
  assert_int_equal(json_string_length(text), want_len);
  assert_true(g_utf8_validate(t, (gssize)json_string_length(text), NULL));
  assert_memory_equal(t, b->str, want_len); /* a prefix of the original */
  assert_int_equal(json_is_true(json_object_get(ev, "truncated")), want_trunc);
  json_decref(ev);
  g_string_free(b, TRUE);
}

static void ingest_truncates_long_body_with_flag(void **state) {
  (void)state;
  check("\xc3\xa9", 100, 11, 10, 1);             /* é: cut inside the 6th char -> 5 chars */
  check("\xe2\x82\xac", 100, 10, 9, 1);         /* €: 3 bytes */
  check("\xf0\x9f\x93\xa7", 100, 7, 4, 1);      /* 📧: 4 bytes */
  check("\xf0\x9f\x93\xa7", 100, 3, 0, 1);      /* not even one char fits: empty, flagged */
  check("abc", 1000, 1000, 1000, 1);            /* ASCII, exact cut */
  check("\xc3\xa9", 100, 200, 200, 0);           /* fits exactly */
  check("\xc3\xa9", 100, 0, 200, 0);             /* 0 = no limit */
  check("x", 1 << 20, 0, 1 << 20, 0);            /* 1 MiB kept whole without a limit */

  /* HTML bodies are cut after conversion to text. */
  json_t *ev = run("<p>\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9</p><p>more</p>", "text/html", 5);
  assert_string_equal(json_string_value(json_object_get(ev, "text")), "\xc3\xa9\xc3\xa9");
  assert_true(json_is_true(json_object_get(ev, "truncated")));
  json_decref(ev);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(ingest_truncates_long_body_with_flag)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
