/* co_classify.h: the offline job-search email classifier and extractor.
 *
 * A multinomial logistic regression over hashed text features (word uni- and
 * bigrams, character n-grams, sender tokens), plus a few high-precision rules,
 * decides one of five labels; rule-based extractors pull the company, the role
 * title and, for interviews, the proposed date and time. Everything runs
 * offline from one binary model file.
 *
 * Threads: a loaded model is immutable; any number of threads may call
 * co_classify_email() on the same model at once. */
#ifndef CO_CLASSIFY_H
#define CO_CLASSIFY_H

#include <stddef.h>
#include <stdio.h>

#include "co_classify_when.h"
#include "co_err.h"

typedef enum {
  CO_CLASSIFY_APPLIED = 0, /* confirmation, or a non-interview next step (assessment) */
  CO_CLASSIFY_INTERVIEW,   /* invitation to, or scheduling of, an interview or screen */
  CO_CLASSIFY_OFFER,
  CO_CLASSIFY_REJECTION, /* not moving forward, role filled or cancelled */
  CO_CLASSIFY_OTHER,     /* alerts, newsletters, blasts, account and unrelated mail */
  CO_CLASSIFY__N
} co_classify_label_t;

typedef struct co_classify_model_s co_classify_model_t;

/* One email. Strings are borrowed for the call; any may be NULL (= ""). */
typedef struct co_classify_input_s {
  const char *subject;
  const char *from; /* "Display Name <addr@domain>" or a bare address */
  const char *body; /* plain text */
  const char *date; /* RFC 5322 or ISO-8601; anchors relative dates ("next Tuesday") */
  int has_list_unsubscribe; /* the message carried a List-Unsubscribe header */
  const co_classify_cal_t *calendar; /* the email's text/calendar part, or NULL; its instant wins over the text */
  /* Sentence embedding of this email, if the caller already has one (e.g.
   * kept from an earlier pass). Used only by a model trained with an
   * embedding block (the default model: multilingual-e5-small, 384 dims);
   * when NULL such a model embeds the email itself. Ignored by n-gram-only
   * models. */
  const float *embedding;
  size_t embedding_dim;
} co_classify_input_t;

#define CO_CLASSIFY_EMBED_MAX 384

/* Caller-owned, fixed buffers: nothing to free. Strings are "" when unknown. */
typedef struct co_classify_result_s {
  co_classify_label_t label;
  float confidence;               /* probability of label, 0..1 */
  float probs[CO_CLASSIFY__N];    /* model probabilities before rules */
  const char *rule;               /* static name of the rule that set label, or NULL */
  char company[128];
  char role[128];
  char interview_at[40]; /* ISO-8601 date or date-time with the zone's offset, INTERVIEW only */
  co_classify_when_t when; /* instant, zone, duration, link, status, candidates (co_classify_when.h), INTERVIEW only */
  char summary[512];     /* one sentence */
  /* The email's sentence embedding the model used (unit length; from the
   * input or computed once by co_classify_email), embedding_dim 0 for an
   * n-gram-only model. Keep it with the classified event: search over mail
   * reuses it instead of embedding again. Its embedder is
   * co_classify_embedder_id(). */
  float embedding[CO_CLASSIFY_EMBED_MAX];
  size_t embedding_dim;
} co_classify_result_t;

/* "APPLIED", ... ; static, never NULL. */
const char *co_classify_label_name(co_classify_label_t l);
/* Parses a label name (case-insensitive); -1 if unknown. */
int co_classify_label_parse(const char *s);

/* Loads a model file. Returns a model the caller frees with
 * co_classify_destroy(), or NULL with errstr set (bad magic, version,
 * checksum or truncated file, or a model with an embedding block whose
 * embedder is not installed: the message names the file and
 * scripts/install-e5.sh). */
co_classify_model_t *co_classify_load(const char *path, char *errstr, size_t errstr_size);
void co_classify_destroy(co_classify_model_t *m);

/* The model's sentence embedder ("e5-small-q4", with the "query: " prefix),
 * or NULL for an n-gram-only model. Owned by the model. */
const char *co_classify_embedder_id(const co_classify_model_t *m);

/* Path of the model built from data/train at build time (static string). */
const char *co_classify_default_model_path(void);

/* Classifies and extracts one email into *out (fully overwritten). A model
 * with an embedding block embeds subject + unquoted body once (unless
 * in->embedding is given) and returns the vector in out->embedding.
 * Returns CO_ERR_INVALID_ARG for NULL model/in/out or an embedding of the
 * wrong size. Thread-safe on a shared model. */
co_err_t co_classify_email(const co_classify_model_t *m, const co_classify_input_t *in, co_classify_result_t *out,
                           char *errstr, size_t errstr_size);

/* Trains on a JSON-lines corpus (fields subject, from, body, label; others
 * ignored) with the default feature configuration (hashed n-grams plus the
 * e5 embedding block; the embedder must be installed) and a fixed seed,
 * and
 * writes the model to model_out (via a temp file + rename). Same corpus,
 * same bytes out. Bad lines are errors (a training corpus must be clean). */
co_err_t co_classify_train(const char *corpus_path, const char *model_out, char *errstr, size_t errstr_size);

/* What a training run used: rows read and rows per label (index =
 * co_classify_label_t). */
typedef struct co_classify_train_stats_s {
  size_t rows;
  int per_label[CO_CLASSIFY__N];
} co_classify_train_stats_t;
/* co_classify_train() that also fills *st (caller-owned; may be NULL) on success. */
co_err_t co_classify_train_ex(const char *corpus_path, const char *model_out, co_classify_train_stats_t *st,
                              char *errstr, size_t errstr_size);

/* Evaluates a model on a JSON-lines file ({"subject","from","body","label",
 * "company"}, extra fields ignored) and writes a confusion matrix,
 * per-class precision/recall/F1, company exact-match rate and throughput to
 * out: text, or one JSON object when json != 0. Bad lines are reported with
 * their line number and skipped. Fails only on I/O or when no line is usable. */
co_err_t co_classify_eval(const char *jsonl_path, const co_classify_model_t *m, FILE *out, int json, char *errstr,
                          size_t errstr_size);

/* What co_classify_eval_opts() reports beyond co_classify_eval()'s figures.
 * Zero-initialised means co_classify_eval()'s report. */
typedef struct co_classify_eval_opts_s {
  int json;          /* one JSON object instead of text */
  int errors;        /* list every misclassified row: id (or line), language, gold, predicted, confidence, rule */
  const char *langs; /* optional JSON file {"id": "de", ...}; else a row's "lang" field, else detected */
} co_classify_eval_opts_t;

/* co_classify_eval() plus figures per language (English, German, Spanish,
 * French, Portuguese, Dutch, Italian; "?" when undetected), the expected
 * calibration error of the confidence (10 equal-width bins) with its
 * reliability table, and with opts->errors the misclassified rows. A langs
 * file that cannot be read or parsed is an error naming it. */
co_err_t co_classify_eval_opts(const char *jsonl_path, const co_classify_model_t *m, const co_classify_eval_opts_t *opts,
                               FILE *out, char *errstr, size_t errstr_size);

#endif
