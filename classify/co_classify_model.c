/* co_classify_model.c: multinomial logistic regression over sparse hashed
 * features: prediction, SGD training, and the model file.
 *
 * Training is plain SGD on softmax cross-entropy with L2. The L2 shrink of a
 * dense 5 x 2^18 weight matrix at every step would dominate the cost, so the
 * weights carry one shared scale factor (w_true = scale * w_stored): the
 * shrink multiplies the scale and only the touched weights are written.
 * Examples are visited in an order drawn from a fixed-seed xorshift, so one
 * corpus always gives the same bytes.
 *
 * File layout (host byte order, checked with an endian marker):
 *   "COCLSMDL" | u32 version | u32 endian 0x01020304 | u32 n_classes |
 *   u32 flags, hash_bits, char_min, char_max, body_max, embed_dim | u64 hash_seed |
 *   (version 2:) char embed_id[16] | u32 embed_kind, embed_bytes | f32 embed_scale |
 *   f32 bias[n_classes] | f32 w[dim][n_classes] | u64 xxh3 of all bytes before.
 * Version 1 files (no embedder fields) still load; they have embed_dim 0.
 * A model with embed_dim > 0 opens its embedder at load: a model that needs
 * an embedder this machine lacks fails to load, naming what is missing. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "co_classify_int.h"
#include "co_vec_e5.h"

#define HDR_SIZE_V1 (8 + 4 * 3 + 4 * 6 + 8)
#define HDR_SIZE (HDR_SIZE_V1 + 16 + 4 * 3)

void co_cls_trainopt_default(co_cls_trainopt_t *o) {
  o->epochs = 30;
  o->lr = 0.5f;
  o->l2 = 1e-5f;
  o->seed = 42;
}

static co_classify_model_t *model_new(const co_cls_featcfg_t *cfg, uint32_t n_classes) {
  co_classify_model_t *m = calloc(1, sizeof(*m));
  if (!m) return NULL;
  m->cfg = *cfg;
  m->n_classes = n_classes;
  m->dim = (1u << cfg->hash_bits) + cfg->embed_dim;
  m->bias = calloc(n_classes, sizeof(float));
  m->w = calloc((size_t)n_classes * m->dim, sizeof(float));
  if (!m->bias || !m->w) {
    co_classify_destroy(m);
    return NULL;
  }
  return m;
}

void co_classify_destroy(co_classify_model_t *m) {
  if (!m) return;
  co_vec_e5_close(m->e5);
  free(m->bias);
  free(m->w);
  free(m);
}

static void softmax(float *z, uint32_t n) {
  float mx = z[0];
  for (uint32_t k = 1; k < n; k++)
    if (z[k] > mx) mx = z[k];
  float s = 0;
  for (uint32_t k = 0; k < n; k++) {
    z[k] = expf(z[k] - mx);
    s += z[k];
  }
  for (uint32_t k = 0; k < n; k++) z[k] /= s;
}

/* Weights are feature-major (w[idx * n_classes + k]): one feature's class
 * weights share a cache line, so a prediction costs one miss per feature. */
static void scores(const co_classify_model_t *m, const co_cls_vec_t *x, float scale, float *z) {
  uint32_t nc = m->n_classes;
  for (uint32_t k = 0; k < nc; k++) z[k] = 0;
  for (size_t i = 0; i < x->n; i++) {
    if (x->v[i].idx >= m->dim) continue;
    const float *wi = m->w + (size_t)x->v[i].idx * nc;
    float v = x->v[i].val;
    for (uint32_t k = 0; k < nc; k++) z[k] += wi[k] * v;
  }
  for (uint32_t k = 0; k < nc; k++) z[k] = z[k] * scale + m->bias[k];
}

void co_cls_predict(const co_classify_model_t *m, const co_cls_vec_t *x, float *p) {
  scores(m, x, 1.0f, p);
  softmax(p, m->n_classes);
}

static uint64_t xorshift(uint64_t *s) {
  uint64_t x = *s;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return *s = x;
}

co_classify_model_t *co_cls_train_vecs(const co_cls_featcfg_t *cfg, const co_cls_trainopt_t *o, const co_cls_vec_t *xs,
                                       const int *ys, size_t n) {
  co_classify_model_t *m = model_new(cfg, CO_CLASSIFY__N);
  size_t *order = malloc((n ? n : 1) * sizeof(*order));
  if (!m || !order) goto err;
  for (size_t i = 0; i < n; i++) order[i] = i;
  uint64_t rng = o->seed ? o->seed : 1;
  float scale = 1.0f, z[CO_CLASSIFY__N];
  for (uint32_t ep = 0; ep < o->epochs; ep++) {
    for (size_t i = n; i > 1; i--) { /* Fisher-Yates */
      size_t j = (size_t)(xorshift(&rng) % i), t = order[i - 1];
      order[i - 1] = order[j];
      order[j] = t;
    }
    float lr = o->lr * (1.0f - 0.9f * (float)ep / (float)o->epochs);
    for (size_t r = 0; r < n; r++) {
      const co_cls_vec_t *x = &xs[order[r]];
      int y = ys[order[r]];
      scores(m, x, scale, z);
      softmax(z, m->n_classes);
      scale *= 1.0f - lr * o->l2;
      for (uint32_t k = 0; k < m->n_classes; k++) {
        float g = z[k] - (k == (uint32_t)y ? 1.0f : 0.0f);
        m->bias[k] -= lr * g;
        float step = lr * g / scale;
        for (size_t i = 0; i < x->n; i++)
          if (x->v[i].idx < m->dim) m->w[(size_t)x->v[i].idx * m->n_classes + k] -= step * x->v[i].val;
      }
      if (scale < 1e-4f) { /* fold the scale back in before it underflows */
        for (size_t i = 0; i < (size_t)m->n_classes * m->dim; i++) m->w[i] *= scale;
        scale = 1.0f;
      }
    }
  }
  for (size_t i = 0; i < (size_t)m->n_classes * m->dim; i++) m->w[i] *= scale;
  free(order);
  return m;
err:
  free(order);
  co_classify_destroy(m);
  return NULL;
}

static void put32(unsigned char **p, uint32_t v) {
  memcpy(*p, &v, 4);
  *p += 4;
}

static uint32_t get32(const unsigned char **p) {
  uint32_t v;
  memcpy(&v, *p, 4);
  *p += 4;
  return v;
}

co_err_t co_cls_model_save(const co_classify_model_t *m, const char *path, char *errstr, size_t errstr_size) {
  co_err_t err = CO_OK;
  size_t wn = (size_t)m->n_classes * m->dim;
  size_t total = HDR_SIZE + (m->n_classes + wn) * sizeof(float) + 8;
  unsigned char *buf = malloc(total), *p = buf;
  char *tmp = NULL;
  FILE *f = NULL;
  if (!buf) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "model buffer of %zu bytes", total);
    goto err;
  }
  memcpy(p, CO_CLS_MAGIC, 8);
  p += 8;
  put32(&p, CO_CLS_VERSION);
  put32(&p, 0x01020304u);
  put32(&p, m->n_classes);
  put32(&p, m->cfg.flags);
  put32(&p, m->cfg.hash_bits);
  put32(&p, m->cfg.char_min);
  put32(&p, m->cfg.char_max);
  put32(&p, m->cfg.body_max);
  put32(&p, m->cfg.embed_dim);
  memcpy(p, &m->cfg.hash_seed, 8);
  p += 8;
  memcpy(p, m->cfg.embed_id, 16);
  p += 16;
  put32(&p, m->cfg.embed_kind);
  put32(&p, m->cfg.embed_bytes);
  memcpy(p, &m->cfg.embed_scale, 4);
  p += 4;
  memcpy(p, m->bias, m->n_classes * sizeof(float));
  p += m->n_classes * sizeof(float);
  memcpy(p, m->w, wn * sizeof(float));
  p += wn * sizeof(float);
  uint64_t h = XXH3_64bits(buf, (size_t)(p - buf));
  memcpy(p, &h, 8);
  if (asprintf(&tmp, "%s.tmp.%d", path, (int)getpid()) < 0) {
    tmp = NULL;
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "temp path");
    goto err;
  }
  f = fopen(tmp, "wb");
  if (!f || fwrite(buf, 1, total, f) != total || fflush(f) != 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "%swrite %s: %s", errno == ENOSPC ? "disk full: " : "", tmp,
                    strerror(errno));
    goto err;
  }
  if (fclose(f) != 0) {
    f = NULL;
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "%sclose %s: %s", errno == ENOSPC ? "disk full: " : "", tmp,
                    strerror(errno));
    goto err;
  }
  f = NULL;
  if (rename(tmp, path) != 0) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "rename to %s: %s", path, strerror(errno));
    goto err;
  }
  free(tmp);
  free(buf);
  return CO_OK;
err:
  if (f) fclose(f);
  if (tmp) unlink(tmp);
  free(tmp);
  free(buf);
  return err;
}

co_classify_model_t *co_classify_load(const char *path, char *errstr, size_t errstr_size) {
  unsigned char *buf = NULL;
  co_classify_model_t *m = NULL;
  FILE *f = NULL;
  long sz;
  if (!path) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "no model path");
    goto err;
  }
  f = fopen(path, "rb");
  if (!f || fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "open model %s: %s", path, strerror(errno));
    goto err;
  }
  if ((size_t)sz < HDR_SIZE_V1 + 8) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "model %s: truncated (%ld bytes)", path, sz);
    goto err;
  }
  buf = malloc((size_t)sz);
  if (!buf || fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "read model %s", path);
    goto err;
  }
  const unsigned char *p = buf;
  if (memcmp(p, CO_CLS_MAGIC, 8) != 0) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "model %s: not a CareerOps classifier model", path);
    goto err;
  }
  p += 8;
  uint32_t ver = get32(&p), endian = get32(&p), ncls = get32(&p);
  co_cls_featcfg_t cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.flags = get32(&p);
  cfg.hash_bits = get32(&p);
  cfg.char_min = get32(&p);
  cfg.char_max = get32(&p);
  cfg.body_max = get32(&p);
  cfg.embed_dim = get32(&p);
  memcpy(&cfg.hash_seed, p, 8);
  p += 8;
  if ((ver != 1 && ver != CO_CLS_VERSION) || endian != 0x01020304u) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "model %s: version %u (want 1..%u) or byte order unsupported", path,
              ver, CO_CLS_VERSION);
    goto err;
  }
  size_t hdr = ver == 1 ? HDR_SIZE_V1 : HDR_SIZE;
  if ((size_t)sz < hdr + 8) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "model %s: truncated (%ld bytes)", path, sz);
    goto err;
  }
  if (ver >= 2) {
    memcpy(cfg.embed_id, p, 16);
    p += 16;
    cfg.embed_id[15] = '\0';
    cfg.embed_kind = get32(&p);
    cfg.embed_bytes = get32(&p);
    memcpy(&cfg.embed_scale, p, 4);
    p += 4;
  }
  if (ncls != CO_CLASSIFY__N || cfg.hash_bits < 8 || cfg.hash_bits > 24 || cfg.char_min < 1 ||
      cfg.char_max < cfg.char_min || cfg.char_max > 8 || cfg.embed_dim > 4096 || (ver == 1 && cfg.embed_dim) ||
      !(cfg.embed_scale >= 0.0f && cfg.embed_scale <= 1000.0f) ||
      (cfg.embed_dim && (cfg.embed_bytes < 16 || cfg.embed_bytes > 65536))) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "model %s: bad header values", path);
    goto err;
  }
  size_t dim = ((size_t)1 << cfg.hash_bits) + cfg.embed_dim;
  size_t want = hdr + (ncls + ncls * dim) * sizeof(float) + 8;
  if ((size_t)sz != want) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "model %s: size %ld, header implies %zu", path, sz, want);
    goto err;
  }
  uint64_t h, hs;
  memcpy(&hs, buf + want - 8, 8);
  h = XXH3_64bits(buf, want - 8);
  if (h != hs) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "model %s: checksum mismatch", path);
    goto err;
  }
  m = model_new(&cfg, ncls);
  if (!m) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "model %s: out of memory", path);
    goto err;
  }
  memcpy(m->bias, p, ncls * sizeof(float));
  p += ncls * sizeof(float);
  memcpy(m->w, p, ncls * dim * sizeof(float));
  if (cfg.embed_dim) {
    char eerr[512];
    if (strcmp(cfg.embed_id, CO_VEC_E5_ID) != 0 || cfg.embed_dim != CO_VEC_E5_DIM) {
      co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "model %s needs embedder \"%s\" (%u dims), which this build lacks",
                path, cfg.embed_id, cfg.embed_dim);
      goto err;
    }
    if (!(m->e5 = co_vec_e5_open(NULL, eerr, sizeof(eerr)))) {
      co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "model %s needs the %s embedder: %s", path, cfg.embed_id, eerr);
      goto err;
    }
  }
  fclose(f);
  free(buf);
  return m;
err:
  if (f) fclose(f);
  free(buf);
  co_classify_destroy(m);
  return NULL;
}
