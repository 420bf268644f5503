/* co_buf.c: see co_buf.h. Growth doubles the allocation so a reply that
 * arrives in many small chunks costs O(n) copies, not O(n^2). The bound is
 * checked before any allocation so an over-long reply never grows memory. */
#include "co_buf.h"

#include <stdlib.h>
#include <string.h>

int co_buf_append(co_buf_t *b, const void *p, size_t n) {
  if (b->max && (n > b->max || b->len > b->max - n)) {
    b->overflow = 1;
    return -1;
  }
  if (n >= (size_t)-1 - b->len) return -1;
  size_t need = b->len + n + 1;
  if (need > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    char *d = realloc(b->data, cap);
    if (!d) return -1;
    b->data = d;
    b->cap = cap;
  }
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

size_t co_buf_curl_write(char *ptr, size_t size, size_t nmemb, void *userdata) {
  size_t n = size * nmemb;
  return co_buf_append(userdata, ptr, n) ? 0 : n;
}

void co_buf_free(co_buf_t *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->overflow = 0;
}
