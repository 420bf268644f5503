/* Proves the route table and docs/openapi.json describe the same API: every
 * row of the table (but the dashboard's files) is a documented path with
 * its method, and every documented path and method is a row. An endpoint
 * added on one side only fails here, naming it. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_api_int.h"

static json_t *load_paths(json_t **doc) {
  const char *src = getenv("CO_SOURCE_DIR");
  char path[1024];
  json_error_t je;
  snprintf(path, sizeof(path), "%s/docs/openapi.json", src ? src : ".");
  *doc = json_load_file(path, 0, &je);
  if (!*doc) fail_msg("%s: %s", path, je.text);
  return json_object_get(*doc, "paths");
}

static void lower(const char *in, char *out, size_t n) {
  size_t i = 0;
  for (; in[i] && i + 1 < n; i++) out[i] = (char)tolower((unsigned char)in[i]);
  out[i] = 0;
}

static void api_route_table_matches_openapi(void **state) {
  (void)state;
  json_t *doc, *paths = load_paths(&doc), *ops;
  const char *path, *method, *op;
  co_api_route_t route;
  char m[16];
  int missing = 0;
  for (size_t i = 0; i < co_api_route_count(); i++) {
    const char *name = co_api_route_at(i, &method, &route);
    if (route == CO_API_R_ASSET) continue; /* the dashboard's own files */
    lower(method, m, sizeof(m));
    if (!json_object_get(json_object_get(paths, name), m))
      printf("route table: %s %s is not in docs/openapi.json\n", method, name), missing++;
  }
  json_object_foreach(paths, path, ops) {
    json_t *v;
    json_object_foreach(ops, op, v) {
      int found = 0;
      if (strcmp(op, "get") && strcmp(op, "post") && strcmp(op, "put") && strcmp(op, "delete")) continue;
      for (size_t i = 0; i < co_api_route_count() && !found; i++) {
        const char *name = co_api_route_at(i, &method, &route);
        lower(method, m, sizeof(m));
        found = !strcmp(name, path) && !strcmp(m, op);
      }
      if (!found) printf("docs/openapi.json: %s %s has no row in the route table\n", op, path), missing++;
    }
  }
  json_decref(doc);
  assert_int_equal(missing, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(api_route_table_matches_openapi)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
