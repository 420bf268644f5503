/* fuzz_mime: libFuzzer target for co_ingest_normalize. Any input must come
 * back as CO_OK with valid JSON or as an error with no output; the
 * sanitizers catch memory errors and leaks, the checks below catch API
 * contract breaks. Seeds: tests/ingest/corpus. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  co_ingest_src_t src = {.account = "fuzz", .cursor_json = "{\"kind\":\"file\",\"path\":\"f\",\"offset\":0}",
                         .max_body_bytes = 1 << 16};
  char *out = NULL, errstr[256];
  co_err_t err = co_ingest_normalize((const char *)data, size, &src, &out, errstr, sizeof(errstr));
  if (err == CO_OK) {
    json_t *ev = json_loads(out, 0, NULL);
    if (!ev) abort(); /* output must be valid JSON (and so valid UTF-8) */
    char *key = NULL;
    if (co_ingest_dedupe_key(out, &key, errstr, sizeof(errstr)) != CO_OK) abort();
    if (strcmp(key, json_string_value(json_object_get(ev, "dedupe_key")))) abort();
    free(key);
    json_decref(ev);
    free(out);
  } else if (out || (err != CO_ERR_PARSE)) {
    abort();
  }
  return 0;
}
