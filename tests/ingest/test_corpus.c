/* Proves every message of the hand-written MIME corpus normalizes to the
 * hand-checked fields of its NN-name.expected.json, and that every event
 * carries the invariant fields (schema, raw_size, raw_sha256, dedupe_key).
 * All mismatches are printed before the test fails, one line each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"
#include "co_th.h"

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int check_field(const char *name, const char *key, json_t *want, json_t *ev) {
  json_t *text = json_object_get(ev, "text");
  const char *t = json_string_value(text);
  size_t i;
  json_t *v;
  if (!strcmp(key, "text_contains") || !strcmp(key, "text_not_contains")) {
    int bad = 0, neg = key[5] == 'n';
    json_array_foreach(want, i, v) {
      int has = t && strstr(t, json_string_value(v)) != NULL;
      if (has == neg) {
        printf("MISMATCH %s: text %s \"%s\"\n", name, neg ? "contains" : "lacks", json_string_value(v));
        bad = 1;
      }
    }
    return bad;
  }
  if (!strcmp(key, "text_len")) {
    if (json_string_length(text) == (size_t)json_integer_value(want)) return 0;
    printf("MISMATCH %s: text_len %zu, want %lld\n", name, json_string_length(text), json_integer_value(want));
    return 1;
  }
  if (!strcmp(key, "attachment_names")) {
    json_t *names = json_array();
    json_array_foreach(json_object_get(ev, "attachments"), i, v) json_array_append(names, json_object_get(v, "name"));
    int bad = !json_equal(names, want);
    if (bad) printf("MISMATCH %s: attachment names differ\n", name);
    json_decref(names);
    return bad;
  }
  json_t *got = json_object_get(ev, key);
  if (got && json_equal(got, want)) return 0;
  char *g = got ? json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT) : strdup("(absent)");
  char *w = json_dumps(want, JSON_ENCODE_ANY | JSON_COMPACT);
  printf("MISMATCH %s: %s\n   got  %.600s\n   want %.600s\n", name, key, g, w);
  free(g);
  free(w);
  return 1;
}

static int check_invariants(const char *name, json_t *ev, size_t len) {
  int bad = 0;
  const char *sha = json_string_value(json_object_get(ev, "raw_sha256"));
  if (json_integer_value(json_object_get(ev, "schema")) != 1) bad = 1;
  if (json_integer_value(json_object_get(ev, "raw_size")) != (json_int_t)len) bad = 1;
  if (!sha || strlen(sha) != 64 || strspn(sha, "0123456789abcdef") != 64) bad = 1;
  if (!json_is_string(json_object_get(ev, "text")) || !json_is_array(json_object_get(ev, "attachments"))) bad = 1;
  if (!json_string_length(json_object_get(ev, "dedupe_key"))) bad = 1;
  if (!json_is_boolean(json_object_get(ev, "truncated"))) bad = 1;
  if (bad) printf("MISMATCH %s: invariant fields wrong\n", name);
  return bad;
}

static void ingest_mime_corpus_fields_match(void **state) {
  (void)state;
  char dir[4096];
  snprintf(dir, sizeof(dir), "%s/tests/ingest/corpus", getenv("CO_SOURCE_DIR"));
  DIR *d = opendir(dir);
  assert_non_null(d);
  char *names[512];
  int n = 0;
  struct dirent *de;
  while ((de = readdir(d)) && n < 512)
    if (strlen(de->d_name) > 4 && !strcmp(de->d_name + strlen(de->d_name) - 4, ".eml")) names[n++] = strdup(de->d_name);
  closedir(d);
  qsort(names, (size_t)n, sizeof(char *), cmp_names);
  assert_true(n >= 40);

  int failures = 0, fields = 0;
  for (int k = 0; k < n; k++) {
    char path[8192], exp_path[8192], errstr[512];
    snprintf(path, sizeof(path), "%s/%s", dir, names[k]);
    snprintf(exp_path, sizeof(exp_path), "%s/%.*s.expected.json", dir, (int)strlen(names[k]) - 4, names[k]);
    size_t len = 0;
    char *raw = co_th_read_file(path, &len), *out = NULL;
    assert_non_null(raw);
    char *cur = co_ingest_cursor_file(names[k], 0);
    co_ingest_src_t src = {.account = "test", .cursor_json = cur, .max_body_bytes = 0};
    co_err_t err = co_ingest_normalize(raw, len, &src, &out, errstr, sizeof(errstr));
    json_error_t je;
    json_t *want = json_load_file(exp_path, 0, &je);
    if (!want) printf("MISMATCH %s: cannot load expected: %s\n", names[k], je.text);
    if (err) printf("MISMATCH %s: normalize failed: %s\n", names[k], errstr);
    if (err || !want || !json_object_size(want)) {
      failures++;
    } else {
      json_t *ev = json_loads(out, 0, &je);
      assert_non_null(ev);
      json_t *curj = json_loads(cur, 0, NULL);
      if (!json_equal(json_object_get(ev, "cursor"), curj)) failures++, printf("MISMATCH %s: cursor\n", names[k]);
      json_decref(curj);
      failures += check_invariants(names[k], ev, len);
      const char *key;
      json_t *v;
      json_object_foreach(want, key, v) {
        failures += check_field(names[k], key, v, ev);
        fields++;
      }
      json_decref(ev);
    }
    json_decref(want);
    free(out);
    free(cur);
    free(raw);
    free(names[k]);
  }
  printf("corpus: %d messages, %d expected fields checked, %d mismatches\n", n, fields, failures);
  assert_int_equal(failures, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(ingest_mime_corpus_fields_match)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
