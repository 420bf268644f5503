/* co_err.h: the one error enum every CareerOps function returns, and its text.
 *
 * Convention (after librdkafka): a function returns a co_err_t and, when it
 * fails, writes a one-line human message into the caller's errstr buffer.
 * errstr may be NULL when the caller does not want the text. */
#ifndef CO_ERR_H
#define CO_ERR_H

#include <stddef.h>

typedef enum {
  CO_OK = 0,
  CO_ERR_INVALID_ARG, /* bad argument or value from a caller */
  CO_ERR_CONFIG,      /* configuration rejected */
  CO_ERR_IO,          /* file system or socket */
  CO_ERR_NOMEM,       /* allocation failed */
  CO_ERR_PARSE,       /* malformed input (JSON, YAML, MIME, ...) */
  CO_ERR_NOT_FOUND,   /* key, file or resource absent */
  CO_ERR_TIMEOUT,     /* deadline passed */
  CO_ERR_KAFKA,       /* broker or client error */
  CO_ERR_STORE,       /* RocksDB error */
  CO_ERR_HTTP,        /* remote HTTP peer error */
  CO_ERR_STATE,       /* call not valid in the object's current state */
  CO_ERR_UNSUPPORTED, /* feature not available in this build or mode */
  CO_ERR_FENCED,      /* a newer producer or member took over */
  CO_ERR__CNT
} co_err_t;

/* Static text for an error code; never NULL, never freed. */
const char *co_err2str(co_err_t err);

/* Writes a printf-style message into errstr (if non-NULL) and returns err,
 * so a failure path can be one line: return co_seterr(errstr, sz, CO_ERR_IO, "...") */
co_err_t co_seterr(char *errstr, size_t errstr_size, co_err_t err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
