/* co_classify_int.h: internals shared by the classify files: the feature
 * configuration stored in every model file, the sparse feature vector, the
 * model body, and the extractors. Not installed; tests and the bench may use it. */
#ifndef CO_CLASSIFY_INT_H
#define CO_CLASSIFY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "co_classify.h"

#define CO_CLS_MAGIC "COCLSMDL"
/* Version 2 added the embedder fields (embed_id, embed_kind, embed_bytes,
 * embed_scale); version 1 files still load (as embed_dim 0 models). */
#define CO_CLS_VERSION 2u

/* Feature families (bits of co_cls_featcfg_t.flags). */
#define CO_CLS_F_WORD1 0x1u  /* word unigrams, subject and body namespaces */
#define CO_CLS_F_WORD2 0x2u  /* word bigrams */
#define CO_CLS_F_CHAR 0x4u   /* character n-grams inside words */
#define CO_CLS_F_SENDER 0x8u /* sender display-name, local-part and domain tokens */

/* Stored in the model header so a model is always read with the features it
 * was trained on. */
typedef struct co_cls_featcfg_s {
  uint32_t flags;
  uint32_t hash_bits; /* hashed dims = 1 << hash_bits */
  uint32_t char_min, char_max;
  uint32_t body_max; /* body bytes read (after dropping quoted replies) */
  uint32_t embed_dim; /* extra dense dims after the hashed block; 0 = none */
  uint64_t hash_seed;
  /* Sentence-embedding block (embed_dim > 0 only): */
  char embed_id[16];    /* embedder, CO_VEC_E5_ID ("e5-small-q4"); NUL-padded */
  uint32_t embed_kind;  /* co_vec_e5_kind_t: the prefix ("query: ") */
  uint32_t embed_bytes; /* bytes of co_cls_embed_text() embedded (the token cap) */
  float embed_scale;    /* the unit embedding is multiplied by this next to the unit sparse block */
} co_cls_featcfg_t;

#define CO_CLS_EMBED_BYTES 512u /* default embed_bytes */
#define CO_CLS_EMBED_SCALE 2.0f /* default embed_scale (docs/classifier.md, "Choosing the encoder") */

/* The n-gram-only configuration (embed_dim 0). */
void co_cls_featcfg_default(co_cls_featcfg_t *cfg);
/* The default configuration with the e5 embedding block (what
 * co_classify_train() uses). */
void co_cls_featcfg_default_embed(co_cls_featcfg_t *cfg);

/* The text the embedder sees for one email: the subject, a newline, and the
 * unquoted part of the body, cut to cfg->embed_bytes (on a UTF-8 boundary).
 * Writes into buf (at most buf_size - 1 bytes, NUL-terminated). */
void co_cls_embed_text(const co_cls_featcfg_t *cfg, const co_classify_input_t *in, char *buf, size_t buf_size);

typedef struct co_cls_feat_s {
  uint32_t idx;
  float val;
} co_cls_feat_t;

/* Growable sparse vector; reuse one across emails to avoid allocation.
 * tab is an open-addressing index (idx -> position + 1) used while building. */
typedef struct co_cls_vec_s {
  co_cls_feat_t *v;
  size_t n, cap;
  uint32_t *tab;
  size_t tcap; /* power of two */
} co_cls_vec_t;

void co_cls_vec_free(co_cls_vec_t *x);

/* Builds the L2-normalised, log-tf-scaled feature vector of one email into x
 * (cleared first). Returns CO_ERR_NOMEM or CO_OK. */
co_err_t co_cls_featurize(const co_cls_featcfg_t *cfg, const co_classify_input_t *in, co_cls_vec_t *x);

/* Baseline for the bench: lowercases and splits subject+body into words and
 * returns how many, with no hashing or model. */
size_t co_cls_tokenize_only(const char *subject, const char *body);

/* Length of body worth reading: stops at the first quoted-reply marker
 * ("> " lines, "On ... wrote:", "-----Original Message-----"). */
size_t co_cls_unquoted_len(const char *body);

struct co_classify_model_s {
  co_cls_featcfg_t cfg;
  struct co_vec_e5_s *e5; /* owned (co_vec_e5_close); opened by load when cfg.embed_dim > 0, else NULL */
  uint32_t n_classes;
  uint32_t dim; /* (1 << hash_bits) + embed_dim */
  float *bias;  /* [n_classes] */
  float *w;     /* [dim * n_classes], feature-major */
};

/* Softmax probabilities of x under m into p[n_classes]. */
void co_cls_predict(const co_classify_model_t *m, const co_cls_vec_t *x, float *p);

/* Training options; co_classify_train() uses the defaults. */
typedef struct co_cls_trainopt_s {
  uint32_t epochs;
  float lr, l2;
  uint64_t seed;
} co_cls_trainopt_t;

void co_cls_trainopt_default(co_cls_trainopt_t *o);

/* Trains a model from n featurised examples. Returns a new model (caller
 * destroys) or NULL on allocation failure. */
co_classify_model_t *co_cls_train_vecs(const co_cls_featcfg_t *cfg, const co_cls_trainopt_t *o, const co_cls_vec_t *xs,
                                       const int *ys, size_t n);

co_err_t co_cls_model_save(const co_classify_model_t *m, const char *path, char *errstr, size_t errstr_size);

/* ---- calibration (co_classify_calib.c) ---- */

/* Temperature minimising the NLL of n held-out rows, given their
 * log-probabilities logp[n][CO_CLASSIFY__N] and gold labels y. */
double co_cls_fit_temperature(const float *logp, const int *y, size_t n);
/* Fits a temperature on a held-out fifth of (xs, ys) with a model trained on
 * the rest, and divides m's weights and biases by it (m was trained on all
 * n rows with cfg and o). No-op when CO_CLASSIFY_CALIBRATE=0 or n < 50. */
co_err_t co_cls_calibrate(const co_cls_featcfg_t *cfg, const co_cls_trainopt_t *o, const co_cls_vec_t *xs,
                          const int *ys, size_t n, co_classify_model_t *m, char *errstr, size_t errstr_size);

/* ---- embeddings (co_classify_embed.c) ---- */

/* Embeds n rows' co_cls_embed_text() with cfg's embedder into
 * out[0..n*embed_dim), through an optional cache file (cache_path NULL =
 * none): rows whose text (with embedder id, kind and byte cap) hashes to a
 * cached key are not embedded again; the cache is rewritten with exactly
 * this corpus' vectors (temp file + rename). e may be NULL, then it is
 * opened from the default path for the call. */
co_err_t co_cls_embed_rows(const co_cls_featcfg_t *cfg, struct co_vec_e5_s *e, const co_classify_input_t *ins, size_t n,
                           const char *cache_path, float *out, char *errstr, size_t errstr_size);

/* co_classify_train() with choices: embed = 0 trains the n-gram-only model;
 * cache_path as in co_cls_embed_rows(); scale <= 0 keeps the default. */
typedef struct co_cls_trainfile_opt_s {
  int embed;
  const char *embed_cache;
  float embed_scale;
  uint32_t embed_bytes; /* 0 = default */
  co_classify_train_stats_t *stats; /* filled on success when set (caller-owned) */
} co_cls_trainfile_opt_t;

co_err_t co_cls_train_file(const char *corpus_path, const char *model_out, const co_cls_trainfile_opt_t *o, char *errstr,
                           size_t errstr_size);

/* ---- extraction (co_classify_extract.c) ---- */

/* Parsed sender: display name, local part and domain (lowercased). */
typedef struct co_cls_sender_s {
  char name[128];
  char local[128];
  char domain[128];
} co_cls_sender_t;

void co_cls_parse_sender(const char *from, co_cls_sender_t *s);
/* 1 if domain belongs to an applicant-tracking system or job board, so the
 * employer must come from the text. */
int co_cls_domain_is_ats(const char *domain);

void co_cls_extract_company(const char *subject, const char *from, const char *body, size_t body_len, char *out,
                            size_t out_size);
void co_cls_extract_role(const char *subject, const char *body, size_t body_len, char *out, size_t out_size);
/* Drops legal suffixes (Inc, LLC, Ltd, GmbH, ...), team words and edge
 * punctuation, in place. */
void co_cls_clean_company(char *s);

/* ---- dates (co_classify_when.c) ---- */

typedef struct co_cls_tm_s {
  int y, mo, d, h, mi, s;
  int has_time;
  int has_tz;
  int tz_min; /* offset east of UTC in minutes */
} co_cls_tm_t;

/* Parses an RFC 5322 or ISO-8601 date header. 0 on success, -1 if unusable. */
int co_cls_parse_date_header(const char *s, co_cls_tm_t *t);

/* Finds the first stated interview date (and time) in text, resolving
 * relative forms and year-less dates against ref. With ref NULL only dates
 * that state their year resolve. Writes ISO-8601 into out; 0 if found, -1
 * if not. */
int co_cls_find_datetime(const char *text, size_t len, const co_cls_tm_t *ref, char *out, size_t out_size);

/* ---- JSON-lines corpus (co_classify_train.c) ---- */

typedef struct co_cls_row_s {
  char *subject, *from, *body, *date, *company; /* never NULL ("" if absent) */
  char *id, *lang; /* optional row id and ISO 639-1 language, never NULL ("" if absent) */
  int label;
  int line;
} co_cls_row_t;

/* Called for each unusable line when reading leniently. */
typedef void(co_cls_bad_line_cb)(int line, const char *why, void *opaque);

/* Reads a JSON-lines file into *rows (caller frees with co_cls_rows_free).
 * Blank lines are skipped. With bad == NULL the first bad line is an error
 * naming its line number; otherwise bad lines go to bad() and are skipped. */
co_err_t co_cls_read_jsonl(const char *path, co_cls_row_t **rows, size_t *n, co_cls_bad_line_cb *bad, void *opaque,
                           char *errstr, size_t errstr_size);
void co_cls_rows_free(co_cls_row_t *rows, size_t n);

/* Case-insensitive search in the first n bytes of hay. */
const char *co_cls_memcasestr(const char *hay, size_t n, const char *needle);

#endif
