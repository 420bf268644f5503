/* vec_fixture.c: see vec_fixture.h. */
#include "vec_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "co_vec_embed.h"

json_t *vec_fixture_load(void) {
  char path[4096];
  const char *src = getenv("CO_SOURCE_DIR");
  json_error_t jerr;
  json_t *doc;
  snprintf(path, sizeof(path), "%s/tests/vector/fixtures/minilm_reference.json", src ? src : ".");
  if (!(doc = json_load_file(path, 0, &jerr))) fprintf(stderr, "fixture %s: %s\n", path, jerr.text);
  return doc;
}

int vec_fixture_model_dir(char *buf, size_t size) {
  char err[256], p[4200];
  if (co_vec_model_dir_default(buf, size, err, sizeof(err)) != CO_OK) {
    fprintf(stderr, "model dir: %s\n", err);
    return -1;
  }
  snprintf(p, sizeof(p), "%s/model.safetensors", buf);
  if (access(p, R_OK) != 0) {
    fprintf(stderr, "model missing: %s (run scripts/install-model.sh)\n", p);
    return -1;
  }
  return 0;
}
