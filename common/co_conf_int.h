/* co_conf_int.h: co_conf_t internals, shared by co_conf.c and co_conf_file.c. */
#ifndef CO_CONF_INT_H
#define CO_CONF_INT_H

#include "co_conf.h"

typedef struct co_conf_val_s {
  char *str; /* current value as text, owned */
  int64_t i;
  double d;
  co_conf_src_t src;
} co_conf_val_t;

typedef struct co_conf_kv_s {
  char *name; /* full name including prefix, owned */
  char *value;
  struct co_conf_kv_s *next;
} co_conf_kv_t;

struct co_conf_s {
  const co_conf_prop_t *props;
  int cnt;
  co_conf_val_t *vals; /* parallel to props */
  co_conf_kv_t *passthru, **passthru_tail;
};

/* Index of name in the table, or -1. */
int co_conf_find(const co_conf_t *conf, const char *name);

#endif
