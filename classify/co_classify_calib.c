/* co_classify_calib.c: calibrated confidence by temperature scaling.
 *
 * Why temperature scaling: one parameter, fitted by minimising the
 * negative log-likelihood of held-out emails, divides every logit, so the
 * ranking of the classes (and every accuracy figure and rule that compares
 * probabilities) is unchanged while the probabilities stop being
 * overconfident. Platt scaling per class or isotonic regression need more
 * held-out data per class than the corpus' OFFER rows give, and isotonic
 * steps make confidence jump between neighbouring emails.
 *
 * At train time, a model is trained on four fifths of the training rows
 * (rows i % 5 != 4, same features and options), the temperature T that
 * minimises the held-out fifth's NLL is found by golden-section search over
 * log T in [0.05, 20], and the final model (trained on every row) gets its
 * weights and biases divided by T. softmax((w x + b) / T) is then exactly
 * the calibrated probability, so the model file needs no new field: the
 * temperature is part of the weights (logged by the trainer).
 * CO_CLASSIFY_CALIBRATE=0 in the environment skips it (for measuring the
 * uncalibrated model; docs/classifier.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify_int.h"
#include "co_log.h"

/* NLL of the held-out rows' log-probabilities lp[n][N] at temperature t. */
static double nll(const float *lp, const int *y, size_t n, double t) {
  double s = 0;
  for (size_t i = 0; i < n; i++) {
    const float *z = lp + i * CO_CLASSIFY__N;
    double mx = -INFINITY, sum = 0;
    for (int k = 0; k < CO_CLASSIFY__N; k++) mx = fmax(mx, z[k] / t);
    for (int k = 0; k < CO_CLASSIFY__N; k++) sum += exp(z[k] / t - mx);
    s -= z[y[i]] / t - mx - log(sum);
  }
  return s / (double)(n ? n : 1);
}

double co_cls_fit_temperature(const float *logp, const int *y, size_t n) {
  double a = log(0.05), b = log(20.0), g = (sqrt(5.0) - 1) / 2;
  double c = b - g * (b - a), d = a + g * (b - a);
  double fc = nll(logp, y, n, exp(c)), fd = nll(logp, y, n, exp(d));
  for (int it = 0; it < 60; it++) {
    if (fc < fd) {
      b = d, d = c, fd = fc;
      c = b - g * (b - a);
      fc = nll(logp, y, n, exp(c));
    } else {
      a = c, c = d, fc = fd;
      d = a + g * (b - a);
      fd = nll(logp, y, n, exp(d));
    }
  }
  return exp((a + b) / 2);
}

co_err_t co_cls_calibrate(const co_cls_featcfg_t *cfg, const co_cls_trainopt_t *o, const co_cls_vec_t *xs,
                          const int *ys, size_t n, co_classify_model_t *m, char *errstr, size_t errstr_size) {
  const char *env = getenv("CO_CLASSIFY_CALIBRATE");
  if ((env && !strcmp(env, "0")) || n < 50) return CO_OK;
  size_t nte = 0, ntr = 0;
  co_cls_vec_t *tx = malloc(n * sizeof(*tx));
  int *ty = malloc(n * sizeof(*ty)), *hy = malloc(n * sizeof(*hy));
  float *lp = malloc(n * CO_CLASSIFY__N * sizeof(*lp));
  co_classify_model_t *h = NULL;
  co_err_t err = CO_OK;
  if (!tx || !ty || !hy || !lp) goto nomem;
  for (size_t i = 0; i < n; i++)
    if (i % 5 != 4) {
      tx[ntr] = xs[i]; /* shallow: the rows stay the caller's */
      ty[ntr++] = ys[i];
    }
  if (!(h = co_cls_train_vecs(cfg, o, tx, ty, ntr))) goto nomem;
  for (size_t i = 4; i < n; i += 5) {
    float p[CO_CLASSIFY__N];
    co_cls_predict(h, &xs[i], p);
    for (int k = 0; k < CO_CLASSIFY__N; k++) lp[nte * CO_CLASSIFY__N + k] = logf(p[k] > 1e-30f ? p[k] : 1e-30f);
    hy[nte++] = ys[i];
  }
  double t = co_cls_fit_temperature(lp, hy, nte);
  for (size_t i = 0; i < (size_t)m->n_classes * m->dim; i++) m->w[i] = (float)(m->w[i] / t);
  for (uint32_t k = 0; k < m->n_classes; k++) m->bias[k] = (float)(m->bias[k] / t);
  CO_INFO("classify", "calibration: temperature %.3f fitted on %zu held-out emails (NLL %.4f at T=1, %.4f at T)", t,
          nte, nll(lp, hy, nte, 1.0), nll(lp, hy, nte, t));
  goto done;
nomem:
  err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "calibration: out of memory");
done:
  co_classify_destroy(h);
  free(tx);
  free(ty);
  free(hy);
  free(lp);
  return err;
}
