/* co_buf.h: a growing, NUL-terminated byte buffer for HTTP reply bodies.
 *
 * Every libcurl client here collects a reply the same way; co_buf_curl_write
 * has libcurl's write-callback signature so it can be passed straight to
 * CURLOPT_WRITEFUNCTION (with the co_buf_t as CURLOPT_WRITEDATA) without
 * common/ depending on curl. A reply past `max` bytes aborts the transfer
 * (the callback returns 0, libcurl reports a write error) rather than
 * letting a broken or hostile peer grow the process without bound. */
#ifndef CO_BUF_H
#define CO_BUF_H

#include <stddef.h>

typedef struct co_buf_s {
  char *data;   /* malloc'd, NUL-terminated once anything was appended; NULL before */
  size_t len;   /* bytes in data, not counting the NUL */
  size_t cap;   /* bytes allocated */
  size_t max;   /* most bytes accepted; 0: no bound */
  int overflow; /* set when an append was refused for passing max */
} co_buf_t;

/* Appends p[0..n). Returns 0 on success, -1 when out of memory or when
 * len + n would pass max (b->overflow set; b unchanged). */
int co_buf_append(co_buf_t *b, const void *p, size_t n);

/* libcurl write callback: appends size*nmemb bytes to the co_buf_t at
 * userdata; returns that count, or 0 (abort) on overflow or no memory. */
size_t co_buf_curl_write(char *ptr, size_t size, size_t nmemb, void *userdata);

/* Frees data and resets b to empty; max is kept. b itself is the caller's. */
void co_buf_free(co_buf_t *b);

#endif
