/* vec_fixture.h: loads tests/vector/fixtures/minilm_reference.json (made by
 * tools/embed_reference.py with sentence-transformers) and finds the model
 * dir the way the embedder does, for the vector tests. */
#ifndef VEC_FIXTURE_H
#define VEC_FIXTURE_H

#include <jansson.h>
#include <stddef.h>

/* The parsed fixture (caller json_decref()s), or NULL after printing why. */
json_t *vec_fixture_load(void);

/* The model dir ($CO_MODEL_DIR or the cache default) into buf; 0 if it holds
 * model.safetensors and vocab.txt, -1 (after printing why) if not. */
int vec_fixture_model_dir(char *buf, size_t size);

#endif
