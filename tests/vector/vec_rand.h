/* vec_rand.h: deterministic random unit vectors and brute-force top-k for
 * the index tests (header-only; each test is its own executable). */
#ifndef VEC_RAND_H
#define VEC_RAND_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static inline double vr_uniform(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return ((*s >> 11) + 0.5) / 9007199254740992.0;
}

/* n unit vectors of dim d, Gaussian directions. Caller frees. */
static inline float *vr_unit_vectors(size_t n, size_t d, uint64_t seed) {
  float *x = malloc(n * d * sizeof(float));
  uint64_t s = seed * 2654435761u + 1;
  for (size_t i = 0; i < n; i++) {
    double norm = 0;
    for (size_t j = 0; j < d; j++) {
      double g = sqrt(-2 * log(vr_uniform(&s))) * cos(2 * M_PI * vr_uniform(&s));
      x[i * d + j] = (float)g;
      norm += g * g;
    }
    for (size_t j = 0; j < d; j++) x[i * d + j] /= (float)sqrt(norm);
  }
  return x;
}

static inline double vr_dot(const float *a, const float *b, size_t d) {
  double s = 0;
  for (size_t j = 0; j < d; j++) s += (double)a[j] * b[j];
  return s;
}

/* Exact top-k by brute force over rows whose keep[i] is non-zero (keep may
 * be NULL): fills ids[k] (row id = ids_of[i]) and scores[k], best first,
 * -1 past the end. */
static inline void vr_topk(const float *x, const int64_t *ids_of, const char *keep, size_t n, size_t d, const float *q,
                           size_t k, int64_t *ids, double *scores) {
  for (size_t i = 0; i < k; i++) {
    ids[i] = -1;
    scores[i] = -INFINITY;
  }
  for (size_t i = 0; i < n; i++) {
    if (keep && !keep[i]) continue;
    double s = vr_dot(x + i * d, q, d);
    if (s <= scores[k - 1]) continue;
    size_t p = k - 1;
    while (p > 0 && scores[p - 1] < s) {
      scores[p] = scores[p - 1];
      ids[p] = ids[p - 1];
      p--;
    }
    scores[p] = s;
    ids[p] = ids_of[i];
  }
}

#endif
