/* ingest_dump: prints the normalized event of each .eml given on the command
 * line, pretty-printed; a developer tool for reading corpus outputs. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "co_ingest.h"
#include "co_th.h"

int main(int argc, char **argv) {
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    size_t len = 0;
    char *raw = co_th_read_file(argv[i], &len);
    if (!raw) {
      fprintf(stderr, "%s: cannot read\n", argv[i]);
      rc = 1;
      continue;
    }
    char *cur = co_ingest_cursor_file(argv[i], 0), *out = NULL, errstr[256];
    co_ingest_src_t src = {.account = "test", .cursor_json = cur, .max_body_bytes = 0};
    co_err_t err = co_ingest_normalize(raw, len, &src, &out, errstr, sizeof(errstr));
    if (err) {
      printf("%s: %s: %s\n", argv[i], co_err2str(err), errstr);
      rc = 1;
    } else {
      json_t *j = json_loads(out, 0, NULL);
      char *pretty = json_dumps(j, JSON_INDENT(2) | JSON_ENSURE_ASCII * 0);
      printf("%s\n", pretty);
      free(pretty);
      json_decref(j);
    }
    free(out);
    free(cur);
    free(raw);
  }
  return rc;
}
