/* co_vec_st.c: safetensors reader. The header is parsed with jansson; data
 * stays in a private read-only mmap so several embedders in one process (or
 * several processes) share the page cache instead of copying 90 MB each.
 * Every offset is checked against the file size before use: the file is
 * input, not trusted memory. */
#include "co_vec_st.h"

#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct co_vec_st_s {
  void *map;
  size_t map_len;
  json_t *header;
  const uint8_t *data; /* start of the byte buffer after the header */
  size_t data_len;
};

co_vec_st_t *co_vec_st_open(const char *path, char *errstr, size_t errstr_size) {
  co_vec_st_t *st = NULL;
  int fd = -1;
  struct stat sb;
  uint64_t hlen = 0;
  json_error_t jerr;

  if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
    co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "cannot open %s: %m", path);
    goto err;
  }
  if (fstat(fd, &sb) < 0 || sb.st_size < 8) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "%s: too short for safetensors", path);
    goto err;
  }
  if (!(st = calloc(1, sizeof(*st)))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "out of memory");
    goto err;
  }
  st->map_len = (size_t)sb.st_size;
  st->map = mmap(NULL, st->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
  if (st->map == MAP_FAILED) {
    st->map = NULL;
    co_seterr(errstr, errstr_size, CO_ERR_IO, "mmap %s: %m", path);
    goto err;
  }
  for (int i = 0; i < 8; i++) hlen |= (uint64_t)((const uint8_t *)st->map)[i] << (8 * i);
  if (hlen > st->map_len - 8) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "%s: header length %llu past end of file", path,
              (unsigned long long)hlen);
    goto err;
  }
  st->header = json_loadb((const char *)st->map + 8, (size_t)hlen, 0, &jerr);
  if (!st->header || !json_is_object(st->header)) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "%s: bad header JSON: %s", path, jerr.text);
    goto err;
  }
  st->data = (const uint8_t *)st->map + 8 + hlen;
  st->data_len = st->map_len - 8 - (size_t)hlen;
  close(fd);
  return st;

err:
  if (fd >= 0) close(fd);
  co_vec_st_close(st);
  return NULL;
}

void co_vec_st_close(co_vec_st_t *st) {
  if (!st) return;
  if (st->header) json_decref(st->header);
  if (st->map) munmap(st->map, st->map_len);
  free(st);
}

const float *co_vec_st_f32(co_vec_st_t *st, const char *name, const int64_t *shape, int ndim, char *errstr,
                           size_t errstr_size) {
  json_t *t = json_object_get(st->header, name), *jshape, *offs;
  size_t want = 4;
  json_int_t b, e;

  if (!t) {
    co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "tensor %s not in model", name);
    return NULL;
  }
  if (!json_is_string(json_object_get(t, "dtype")) || strcmp(json_string_value(json_object_get(t, "dtype")), "F32")) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "tensor %s is not F32", name);
    return NULL;
  }
  jshape = json_object_get(t, "shape");
  if (!json_is_array(jshape) || json_array_size(jshape) != (size_t)ndim) goto badshape;
  for (int i = 0; i < ndim; i++) {
    if (json_integer_value(json_array_get(jshape, (size_t)i)) != shape[i]) goto badshape;
    want *= (size_t)shape[i];
  }
  offs = json_object_get(t, "data_offsets");
  b = json_integer_value(json_array_get(offs, 0));
  e = json_integer_value(json_array_get(offs, 1));
  if (!json_is_array(offs) || b < 0 || e < b || (size_t)e > st->data_len || (size_t)(e - b) != want) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "tensor %s has bad data_offsets", name);
    return NULL;
  }
  if (((uintptr_t)(st->data + b)) % sizeof(float)) {
    co_seterr(errstr, errstr_size, CO_ERR_PARSE, "tensor %s is not 4-byte aligned", name);
    return NULL;
  }
  return (const float *)(st->data + b);

badshape:
  co_seterr(errstr, errstr_size, CO_ERR_PARSE, "tensor %s has an unexpected shape", name);
  return NULL;
}
