/* co_vec_embed.c: embedder handles: finding and opening the model, and
 * dispatching embed calls to the MiniLM pass or the hashed fallback.
 * Batches are cut into chunks so scratch memory stays bounded (a chunk of
 * 32 texts of 256 tokens needs about 20 MB) whatever the caller passes. */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_vec_embed_int.h"

#define CHUNK 32

co_err_t co_vec_model_dir_default(char *buf, size_t buf_size, char *errstr, size_t errstr_size) {
  const char *env = getenv("CO_MODEL_DIR"), *cache = getenv("CO_CACHE_DIR"), *home = getenv("HOME");
  int n;
  if (env && *env)
    n = snprintf(buf, buf_size, "%s", env);
  else if (cache && *cache)
    n = snprintf(buf, buf_size, "%s/minilm/model", cache);
  else if (home && *home)
    n = snprintf(buf, buf_size, "%s/.cache/careerops/minilm/model", home);
  else
    return co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "no model dir: set embed.model.dir, CO_MODEL_DIR or HOME");
  if (n < 0 || (size_t)n >= buf_size) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "model dir too long");
  return CO_OK;
}

/* Refuses a model whose shape is not the one co_vec_bert.c is built for. */
static co_err_t check_config(const char *dir, char *errstr, size_t errstr_size) {
  char path[PATH_MAX + 32];
  json_error_t jerr;
  json_t *c;
  co_err_t err = CO_OK;
  snprintf(path, sizeof(path), "%s/config.json", dir);
  if (!(c = json_load_file(path, 0, &jerr)))
    return co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "model config %s: %s", path, jerr.text);
  if (json_integer_value(json_object_get(c, "hidden_size")) != CO_VEC_BERT_HID ||
      json_integer_value(json_object_get(c, "num_hidden_layers")) != CO_VEC_BERT_LAYERS ||
      json_integer_value(json_object_get(c, "num_attention_heads")) != CO_VEC_BERT_HEADS ||
      json_integer_value(json_object_get(c, "intermediate_size")) != CO_VEC_BERT_FF ||
      json_integer_value(json_object_get(c, "vocab_size")) != CO_VEC_BERT_VOCAB)
    err = co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "%s is not an all-MiniLM-L6-v2 config", path);
  json_decref(c);
  return err;
}

co_vec_embedder_t *co_vec_embedder_open(const char *model_dir, char *errstr, size_t errstr_size) {
  char dir[PATH_MAX], path[PATH_MAX + 32];
  co_vec_embedder_t *e = NULL;

  if (model_dir && *model_dir)
    snprintf(dir, sizeof(dir), "%s", model_dir);
  else if (co_vec_model_dir_default(dir, sizeof(dir), errstr, errstr_size) != CO_OK)
    return NULL;
  if (check_config(dir, errstr, errstr_size) != CO_OK) return NULL;
  if (!(e = calloc(1, sizeof(*e)))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  e->kind = CO_VEC_KIND_MINILM;
  e->dim = CO_VEC_MINILM_DIM;
  snprintf(e->id, sizeof(e->id), "%s", CO_VEC_MINILM_ID);
  snprintf(path, sizeof(path), "%s/vocab.txt", dir);
  if (!(e->tok = co_vec_tok_open(path, errstr, errstr_size))) goto err;
  snprintf(path, sizeof(path), "%s/model.safetensors", dir);
  if (co_vec_bert_load(&e->bert, path, errstr, errstr_size) != CO_OK) goto err;
  CO_INFO("vector", "embedder %s loaded from %s", e->id, dir);
  return e;
err:
  co_vec_embedder_close(e);
  return NULL;
}

co_vec_embedder_t *co_vec_embedder_open_hash(size_t dim, char *errstr, size_t errstr_size) {
  co_vec_embedder_t *e;
  if (dim < 16 || dim > 65536) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "hash embedder dim %zu outside 16..65536", dim);
    return NULL;
  }
  if (!(e = calloc(1, sizeof(*e)))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    return NULL;
  }
  e->kind = CO_VEC_KIND_HASH;
  e->dim = dim;
  snprintf(e->id, sizeof(e->id), "hash-ngram-%zu", dim);
  return e;
}

void co_vec_embedder_close(co_vec_embedder_t *e) {
  if (!e) return;
  if (e->kind == CO_VEC_KIND_MINILM) {
    co_vec_tok_close(e->tok);
    co_vec_bert_free(&e->bert);
  }
  free(e);
}

const char *co_vec_embedder_id(const co_vec_embedder_t *e) {
  return e->id;
}
size_t co_vec_embedder_dim(const co_vec_embedder_t *e) {
  return e->dim;
}

co_err_t co_vec_embed(co_vec_embedder_t *e, const char *text, float *out, char *errstr, size_t errstr_size) {
  return co_vec_embed_batch(e, &text, 1, out, errstr, errstr_size);
}

co_err_t co_vec_embed_batch(co_vec_embedder_t *e, const char *const *texts, size_t n, float *out, char *errstr,
                            size_t errstr_size) {
  int32_t *ids = NULL;
  size_t lens[CHUNK];
  co_err_t err = CO_OK;

  if (!e || (!texts && n) || (!out && n))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "embed: bad argument");
  if (e->kind == CO_VEC_KIND_HASH) {
    for (size_t i = 0; i < n && err == CO_OK; i++)
      err = co_vec_hash_embed(texts[i], out + i * e->dim, e->dim, errstr, errstr_size);
    return err;
  }
  if (!(ids = malloc(CHUNK * CO_VEC_MINILM_MAX_TOKENS * sizeof(*ids))))
    return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
  for (size_t base = 0; base < n && err == CO_OK; base += CHUNK) {
    size_t m = n - base < CHUNK ? n - base : CHUNK, t = 0;
    for (size_t i = 0; i < m && err == CO_OK; i++) {
      err =
          co_vec_tok_encode(e->tok, texts[base + i], ids + t, CO_VEC_MINILM_MAX_TOKENS, &lens[i], errstr, errstr_size);
      t += lens[i];
    }
    if (err == CO_OK) err = co_vec_bert_forward(&e->bert, ids, lens, m, out + base * e->dim, errstr, errstr_size);
  }
  free(ids);
  return err;
}
