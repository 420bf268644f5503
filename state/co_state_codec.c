/* co_state_codec.c: decoding a stored ("encoded") value without a read,
 * for callers that keep encoded values themselves (the runtime's write cache). */
#include <stdlib.h>
#include <string.h>

#include "co_state_int.h"

co_err_t co_state_decode(const co_state_store_t *s, const void *enc, size_t enclen, int64_t now_ms, void **val,
                         size_t *vlen) {
  size_t hdr = co_state_is_ttl(s) ? CO_STATE_TTL_HDR : 0;
  if (enclen < hdr) return CO_ERR_STORE;
  if (hdr && co_state_expired(enc, enclen, now_ms)) return CO_ERR_NOT_FOUND;
  unsigned char *copy = malloc(enclen - hdr + 1);
  if (!copy) return CO_ERR_NOMEM;
  memcpy(copy, (const unsigned char *)enc + hdr, enclen - hdr);
  copy[enclen - hdr] = '\0';
  *val = copy;
  *vlen = enclen - hdr;
  return CO_OK;
}
