/* co_classify_train.c: the JSON-lines corpus reader and co_classify_train().
 *
 * One reader serves training (strict: a bad line is an error, since a
 * training corpus must be clean) and evaluation (lenient: bad lines are
 * reported by number and skipped). Lines are read with getline so no line
 * length limit applies; each is parsed with jansson. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify_int.h"
#include "co_log.h"
#include "co_vec_e5.h"

static void row_fields_free(co_cls_row_t *r) {
  free(r->subject);
  free(r->from);
  free(r->body);
  free(r->date);
  free(r->company);
  free(r->id);
  free(r->lang);
  memset(r, 0, sizeof(*r));
}

void co_cls_rows_free(co_cls_row_t *rows, size_t n) {
  if (!rows) return;
  for (size_t i = 0; i < n; i++) row_fields_free(&rows[i]);
  free(rows);
}

/* Copies an optional string field; -1 if present but not a string. */
static int field(json_t *o, const char *k, char **out) {
  json_t *v = json_object_get(o, k);
  *out = NULL;
  if (v && !json_is_string(v) && !json_is_null(v)) return -1;
  *out = strdup(v && json_is_string(v) ? json_string_value(v) : "");
  return *out ? 0 : -2;
}

static int blank(const char *s) {
  for (; *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') return 0;
  return 1;
}

co_err_t co_cls_read_jsonl(const char *path, co_cls_row_t **rowsp, size_t *np, co_cls_bad_line_cb *bad, void *opaque,
                           char *errstr, size_t errstr_size) {
  co_err_t err = CO_OK;
  co_cls_row_t *rows = NULL;
  size_t n = 0, cap = 0, lcap = 0;
  char *line = NULL, why[200];
  json_t *o = NULL;
  int lineno = 0;
  FILE *f = path ? fopen(path, "r") : NULL;
  *rowsp = NULL;
  *np = 0;
  if (!f) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "open %s: %s", path ? path : "(null)", path ? strerror(errno) : "no path");
    goto err;
  }
  while (getline(&line, &lcap, f) >= 0) {
    lineno++;
    if (blank(line)) continue;
    json_error_t je;
    o = json_loads(line, JSON_DISABLE_EOF_CHECK, &je);
    why[0] = 0;
    if (!o) snprintf(why, sizeof(why), "not JSON: %s", je.text);
    else if (!json_is_object(o)) snprintf(why, sizeof(why), "not a JSON object");
    if (!why[0]) {
      json_t *lab = json_object_get(o, "label");
      int l = json_is_string(lab) ? co_classify_label_parse(json_string_value(lab)) : -1;
      if (l < 0) snprintf(why, sizeof(why), "missing or unknown \"label\"");
      else {
        if (n == cap) {
          size_t nc = cap ? cap * 2 : 256;
          co_cls_row_t *nr = realloc(rows, nc * sizeof(*nr));
          if (!nr) {
            err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "%s: out of memory", path);
            goto err;
          }
          rows = nr;
          cap = nc;
        }
        co_cls_row_t *r = &rows[n];
        memset(r, 0, sizeof(*r));
        r->label = l;
        r->line = lineno;
        int rc = field(o, "subject", &r->subject);
        if (!rc) rc = field(o, "from", &r->from);
        if (!rc) rc = field(o, "body", &r->body);
        if (!rc) rc = field(o, "date", &r->date);
        if (!rc) rc = field(o, "company", &r->company);
        if (!rc) rc = field(o, "id", &r->id);
        if (!rc) rc = field(o, "lang", &r->lang);
        n++; /* counted even when incomplete, so the free path sees it */
        if (rc == -2) {
          err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "%s: out of memory", path);
          goto err;
        }
        if (rc == -1) {
          n--;
          row_fields_free(r);
          snprintf(why, sizeof(why), "a text field is not a string");
        }
      }
    }
    json_decref(o);
    o = NULL;
    if (why[0]) {
      if (!bad) {
        err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "%s:%d: %s", path, lineno, why);
        goto err;
      }
      bad(lineno, why, opaque);
    }
  }
  if (ferror(f)) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "read %s: %s", path, strerror(errno));
    goto err;
  }
  fclose(f);
  free(line);
  *rowsp = rows;
  *np = n;
  return CO_OK;
err:
  json_decref(o);
  if (f) fclose(f);
  free(line);
  co_cls_rows_free(rows, n);
  return err;
}

/* The default training: with the embedding block unless
 * CO_CLASSIFY_EMBED=0; embeddings cached in $CO_CLASSIFY_EMBED_CACHE, else
 * next to the e5 model (embed-cache-classify.bin), so retraining on the
 * same corpus plus a few corrections embeds only the new rows. */
co_err_t co_classify_train(const char *corpus_path, const char *model_out, char *errstr, size_t errstr_size) {
  return co_classify_train_ex(corpus_path, model_out, NULL, errstr, errstr_size);
}

co_err_t co_classify_train_ex(const char *corpus_path, const char *model_out, co_classify_train_stats_t *st,
                              char *errstr, size_t errstr_size) {
  const char *env = getenv("CO_CLASSIFY_EMBED"), *cache = getenv("CO_CLASSIFY_EMBED_CACHE");
  char path[4096];
  co_cls_trainfile_opt_t o = {.embed = !(env && strcmp(env, "0") == 0), .embed_cache = cache, .stats = st};
  if (o.embed && !(cache && *cache) && co_vec_e5_path_default(path, sizeof(path), NULL, 0) == CO_OK) {
    char *slash = strrchr(path, '/');
    if (slash && (size_t)(slash - path) + 32 < sizeof(path)) {
      strcpy(slash + 1, "embed-cache-classify.bin");
      o.embed_cache = path;
    }
  }
  return co_cls_train_file(corpus_path, model_out, &o, errstr, errstr_size);
}

co_err_t co_cls_train_file(const char *corpus_path, const char *model_out, const co_cls_trainfile_opt_t *o, char *errstr,
                           size_t errstr_size) {
  co_cls_row_t *rows = NULL;
  size_t n = 0;
  co_cls_vec_t *xs = NULL;
  int *ys = NULL;
  float *emb = NULL;
  co_classify_input_t *ins = NULL;
  co_classify_model_t *m = NULL;
  co_err_t err;
  if (!corpus_path || !model_out) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "train: corpus and model paths required");
  if ((err = co_cls_read_jsonl(corpus_path, &rows, &n, NULL, NULL, errstr, errstr_size)) != CO_OK) goto err;
  if (n < CO_CLASSIFY__N) {
    err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "train: %s has %zu rows, too few to train", corpus_path, n);
    goto err;
  }
  co_cls_featcfg_t cfg;
  if (o && o->embed) {
    co_cls_featcfg_default_embed(&cfg);
    if (o->embed_scale > 0) cfg.embed_scale = o->embed_scale;
    if (o->embed_bytes) cfg.embed_bytes = o->embed_bytes;
  } else {
    co_cls_featcfg_default(&cfg);
  }
  co_cls_trainopt_t opt;
  co_cls_trainopt_default(&opt);
  xs = calloc(n, sizeof(*xs));
  ys = calloc(n, sizeof(*ys));
  ins = calloc(n, sizeof(*ins));
  if (!xs || !ys || !ins) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "train: out of memory");
    goto err;
  }
  int per[CO_CLASSIFY__N] = {0};
  for (size_t i = 0; i < n; i++)
    ins[i] = (co_classify_input_t){.subject = rows[i].subject, .from = rows[i].from, .body = rows[i].body};
  if (cfg.embed_dim) {
    if (!(emb = malloc(n * cfg.embed_dim * sizeof(*emb)))) {
      err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "train: out of memory");
      goto err;
    }
    if ((err = co_cls_embed_rows(&cfg, NULL, ins, n, o ? o->embed_cache : NULL, emb, errstr, errstr_size)) != CO_OK)
      goto err;
    for (size_t i = 0; i < n; i++) {
      ins[i].embedding = emb + i * cfg.embed_dim;
      ins[i].embedding_dim = cfg.embed_dim;
    }
  }
  for (size_t i = 0; i < n; i++) {
    if ((err = co_cls_featurize(&cfg, &ins[i], &xs[i])) != CO_OK) {
      co_seterr(errstr, errstr_size, err, "train: out of memory building features");
      goto err;
    }
    ys[i] = rows[i].label;
    per[ys[i]]++;
  }
  m = co_cls_train_vecs(&cfg, &opt, xs, ys, n);
  if (!m) {
    err = co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "train: out of memory for the model");
    goto err;
  }
  if ((err = co_cls_calibrate(&cfg, &opt, xs, ys, n, m, errstr, errstr_size)) != CO_OK) goto err; /* confidence */
  if ((err = co_cls_model_save(m, model_out, errstr, errstr_size)) != CO_OK) goto err;
  CO_INFO("classify", "trained on %zu emails (APPLIED %d, INTERVIEW %d, OFFER %d, REJECTION %d, OTHER %d) -> %s", n,
          per[0], per[1], per[2], per[3], per[4], model_out);
  if (o && o->stats) {
    o->stats->rows = n;
    memcpy(o->stats->per_label, per, sizeof(per));
  }
err:
  co_classify_destroy(m);
  if (xs)
    for (size_t i = 0; i < n; i++) co_cls_vec_free(&xs[i]);
  free(xs);
  free(ys);
  free(ins);
  free(emb);
  co_cls_rows_free(rows, n);
  return err;
}
