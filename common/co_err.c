/* co_err.c: the code-to-text table for co_err_t. */
#include "co_err.h"

#include <stdarg.h>
#include <stdio.h>

static const char *co_err_names[CO_ERR__CNT] = {
    [CO_OK] = "Success",
    [CO_ERR_INVALID_ARG] = "Invalid argument",
    [CO_ERR_CONFIG] = "Configuration error",
    [CO_ERR_IO] = "I/O error",
    [CO_ERR_NOMEM] = "Out of memory",
    [CO_ERR_PARSE] = "Parse error",
    [CO_ERR_NOT_FOUND] = "Not found",
    [CO_ERR_TIMEOUT] = "Timed out",
    [CO_ERR_KAFKA] = "Kafka error",
    [CO_ERR_STORE] = "State store error",
    [CO_ERR_HTTP] = "HTTP error",
    [CO_ERR_STATE] = "Invalid state",
    [CO_ERR_UNSUPPORTED] = "Unsupported",
    [CO_ERR_FENCED] = "Fenced",
};

const char *co_err2str(co_err_t err) {
  if ((int)err < 0 || err >= CO_ERR__CNT || !co_err_names[err]) return "Unknown error";
  return co_err_names[err];
}

co_err_t co_seterr(char *errstr, size_t errstr_size, co_err_t err, const char *fmt, ...) {
  if (errstr && errstr_size > 0) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errstr, errstr_size, fmt, ap);
    va_end(ap);
  }
  return err;
}
