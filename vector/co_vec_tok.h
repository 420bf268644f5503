/* co_vec_tok.h: BERT WordPiece tokenizer (uncased), as used by
 * all-MiniLM-L6-v2 through Hugging Face's fast BertTokenizer.
 *
 * Text -> ids: clean control chars, space out CJK ideographs, NFD + drop
 * non-spacing marks, lowercase, split on whitespace and punctuation, then
 * greedy longest-match WordPiece with "##" continuations; a word with no
 * full cover (or over 100 chars) becomes [UNK]. Output is
 * [CLS] pieces... [SEP], truncated so the whole fits max_tokens.
 *
 * A tokenizer is read-only after open: any number of threads may call
 * co_vec_tok_encode() on the same handle at once. */
#ifndef CO_VEC_TOK_H
#define CO_VEC_TOK_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_vec_tok_s co_vec_tok_t;

/* Loads vocab.txt (one token a line, id = line number). Returns a handle the
 * caller frees with co_vec_tok_close(), or NULL with errstr set. */
co_vec_tok_t *co_vec_tok_open(const char *vocab_path, char *errstr, size_t errstr_size);
void co_vec_tok_close(co_vec_tok_t *tok);

/* Encodes UTF-8 text (NUL-terminated) into ids[0..*n_ids), at most max_tokens
 * (>= 2) including [CLS] and [SEP]. ids is the caller's array. Invalid UTF-8
 * is rejected with CO_ERR_INVALID_ARG. */
co_err_t co_vec_tok_encode(const co_vec_tok_t *tok, const char *text, int32_t *ids, size_t max_tokens, size_t *n_ids,
                           char *errstr, size_t errstr_size);

/* Vocabulary size, and the token text of an id (NULL if out of range; owned
 * by the tokenizer). */
size_t co_vec_tok_vocab_size(const co_vec_tok_t *tok);
const char *co_vec_tok_token(const co_vec_tok_t *tok, int32_t id);

#endif
