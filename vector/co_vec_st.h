/* co_vec_st.h: read-only view of a safetensors file (internal to vector/).
 *
 * Format: 8-byte little-endian header length, a JSON header mapping tensor
 * names to {dtype, shape, data_offsets}, then the raw tensor bytes. The file
 * is mmap'd; tensors are pointers into the mapping, valid until close. */
#ifndef CO_VEC_ST_H
#define CO_VEC_ST_H

#include <stddef.h>
#include <stdint.h>

#include "co_err.h"

typedef struct co_vec_st_s co_vec_st_t;

/* Maps path. Caller closes with co_vec_st_close(); NULL + errstr on failure. */
co_vec_st_t *co_vec_st_open(const char *path, char *errstr, size_t errstr_size);
void co_vec_st_close(co_vec_st_t *st);

/* Finds an F32 tensor by name whose shape is exactly shape[0..ndim). Returns
 * a pointer into the mapping (owned by st; 4-byte aligned), or NULL with
 * errstr naming the tensor and what was wrong. */
const float *co_vec_st_f32(co_vec_st_t *st, const char *name, const int64_t *shape, int ndim, char *errstr,
                           size_t errstr_size);

#endif
