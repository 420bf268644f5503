/* co_rec.c: how a record is framed in the embedded log: version byte, ts,
 * key, value (null-able), headers. Little-endian, length-prefixed. */
#include <stdlib.h>
#include <string.h>

#include "co_rt_int.h"

#define CO_REC_V1 0x52 /* 'R' */
#define CO_REC_NULL 0xFFFFFFFFu

static unsigned char *co_put32(unsigned char *p, uint32_t v) {
  memcpy(p, &v, 4);
  return p + 4;
}

co_err_t co_rec_encode(const void *key, size_t klen, const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt,
                       int64_t ts, void **out, size_t *outlen) {
  size_t len = 1 + 8 + 4 + klen + 4 + (val ? vlen : 0) + 2;
  for (int i = 0; i < hdr_cnt; i++) len += 2 + strlen(hdrs[i].name) + 4 + (hdrs[i].value ? hdrs[i].len : 0);
  if (klen >= CO_REC_NULL || vlen >= CO_REC_NULL || hdr_cnt > 0xFFFF) return CO_ERR_INVALID_ARG;
  unsigned char *buf = malloc(len), *p = buf;
  if (!buf) return CO_ERR_NOMEM;
  *p++ = CO_REC_V1;
  memcpy(p, &ts, 8);
  p += 8;
  p = co_put32(p, (uint32_t)klen);
  if (klen) memcpy(p, key, klen);
  p += klen;
  p = co_put32(p, val ? (uint32_t)vlen : CO_REC_NULL);
  if (val && vlen) memcpy(p, val, vlen);
  if (val) p += vlen;
  uint16_t hc = (uint16_t)hdr_cnt;
  memcpy(p, &hc, 2);
  p += 2;
  for (int i = 0; i < hdr_cnt; i++) {
    uint16_t nl = (uint16_t)strlen(hdrs[i].name);
    memcpy(p, &nl, 2);
    p += 2;
    memcpy(p, hdrs[i].name, nl);
    p += nl;
    p = co_put32(p, hdrs[i].value ? (uint32_t)hdrs[i].len : CO_REC_NULL);
    if (hdrs[i].value && hdrs[i].len) memcpy(p, hdrs[i].value, hdrs[i].len);
    if (hdrs[i].value) p += hdrs[i].len;
  }
  *out = buf;
  *outlen = len;
  return CO_OK;
}

/* Bounds-checked reader over the frame. */
typedef struct {
  const unsigned char *p, *end;
} co_rd_t;

static int co_rd(co_rd_t *r, void *dst, size_t n) {
  if ((size_t)(r->end - r->p) < n) return -1;
  memcpy(dst, r->p, n);
  r->p += n;
  return 0;
}

static int co_rd_blob(co_rd_t *r, const void **ptr, size_t *len) {
  uint32_t l;
  if (co_rd(r, &l, 4)) return -1;
  if (l == CO_REC_NULL) {
    *ptr = NULL;
    *len = 0;
    return 0;
  }
  if ((size_t)(r->end - r->p) < l) return -1;
  *ptr = r->p;
  *len = l;
  r->p += l;
  return 0;
}

co_err_t co_rec_decode(const void *buf, size_t len, co_record_t *rec, co_hdr_t **hdrsp) {
  co_rd_t r = {buf, (const unsigned char *)buf + len};
  unsigned char ver;
  uint16_t hc;
  *hdrsp = NULL;
  if (co_rd(&r, &ver, 1) || ver != CO_REC_V1 || co_rd(&r, &rec->timestamp_ms, 8) ||
      co_rd_blob(&r, &rec->key, &rec->key_len) || co_rd_blob(&r, &rec->value, &rec->value_len) || co_rd(&r, &hc, 2))
    return CO_ERR_PARSE;
  if (!rec->key) rec->key = "";
  rec->hdrs = NULL;
  rec->hdr_cnt = 0;
  if (!hc) return CO_OK;
  /* One allocation: the header array, then NUL-terminated names. */
  size_t names = (size_t)(r.end - r.p);
  co_hdr_t *h = malloc(sizeof(*h) * hc + names + hc);
  if (!h) return CO_ERR_NOMEM;
  char *np = (char *)(h + hc);
  for (int i = 0; i < hc; i++) {
    uint16_t nl;
    if (co_rd(&r, &nl, 2) || (size_t)(r.end - r.p) < nl) goto bad;
    memcpy(np, r.p, nl);
    np[nl] = '\0';
    h[i].name = np;
    np += nl + 1;
    r.p += nl;
    if (co_rd_blob(&r, &h[i].value, &h[i].len)) goto bad;
  }
  rec->hdrs = h;
  rec->hdr_cnt = hc;
  *hdrsp = h;
  return CO_OK;
bad:
  free(h);
  return CO_ERR_PARSE;
}
