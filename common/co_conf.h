/* co_conf.h: CareerOps configuration, driven by one declarative table.
 *
 * Every setting has a name, type, default, range or enum, doc and flags
 * (co_conf_table.c). Values come, lowest precedence first, from the table's
 * defaults, a YAML file, CAREEROPS_* environment variables and the command
 * line. Unknown names and bad values are errors that name the setting.
 * Names starting with "kafka." are handed to librdkafka untouched, and
 * "rocksdb." to RocksDB's option parser. */
#ifndef CO_CONF_H
#define CO_CONF_H

#include <stdint.h>
#include <stdio.h>

#include "co_err.h"

typedef struct co_conf_s co_conf_t;

typedef enum { CO_CONF_STR, CO_CONF_INT, CO_CONF_BOOL, CO_CONF_DBL, CO_CONF_ENUM } co_conf_type_t;

#define CO_CONF_F_SECRET 0x1 /* never printed: shown as "[redacted]" */

typedef struct co_conf_prop_s {
  const char *name;
  co_conf_type_t type;
  const char *def;   /* default as text; "" = empty string */
  double min, max;   /* INT and DBL ranges (inclusive) */
  const char *enums; /* ENUM choices, "a|b|c" */
  int flags;         /* CO_CONF_F_* */
  const char *doc;
} co_conf_prop_t;

typedef enum { CO_CONF_SRC_DEFAULT, CO_CONF_SRC_FILE, CO_CONF_SRC_ENV, CO_CONF_SRC_CLI } co_conf_src_t;

/* Returns a new conf holding every default; caller frees with co_conf_destroy. */
co_conf_t *co_conf_new(void);
void co_conf_destroy(co_conf_t *conf);

/* Sets one setting from text, validating type and range. name and value are
 * copied. On error errstr names the setting and says why. */
co_err_t co_conf_set(co_conf_t *conf, const char *name, const char *value, co_conf_src_t src,
                     char *errstr, size_t errstr_size);

/* Loads a YAML file: nested mappings join with '.', sequences of scalars
 * join with ','. path is not kept. */
co_err_t co_conf_load_file(co_conf_t *conf, const char *path, char *errstr, size_t errstr_size);

/* Applies CAREEROPS_<NAME> variables (dots and dashes become '_', upper case)
 * found in envp (NULL-terminated, e.g. environ). Unknown CAREEROPS_* names
 * are errors too, so a typo is never silently ignored. */
co_err_t co_conf_load_env(co_conf_t *conf, char **envp, char *errstr, size_t errstr_size);

/* Cross-field checks, then registers secret values with the logger so no log
 * line can print them. Call once after all sources are loaded. */
co_err_t co_conf_finalize(co_conf_t *conf, char *errstr, size_t errstr_size);

/* Getters: name must be in the table (a typo is a programming error: abort).
 * Returned strings are owned by conf and valid until the next set/destroy. */
const char *co_conf_str(const co_conf_t *conf, const char *name);
int64_t co_conf_int(const co_conf_t *conf, const char *name);
/* Where a setting's value came from (CO_CONF_SRC_DEFAULT: nobody set it). */
co_conf_src_t co_conf_src(const co_conf_t *conf, const char *name);
int co_conf_bool(const co_conf_t *conf, const char *name);
double co_conf_dbl(const co_conf_t *conf, const char *name);

/* Pass-through settings ("kafka.", "rocksdb." prefixes), in the order set.
 * Calls cb(name without prefix, value, opaque) for each; stops at non-zero. */
int co_conf_passthru_foreach(const co_conf_t *conf, const char *prefix,
                             int (*cb)(const char *name, const char *value, void *opaque), void *opaque);

/* The table, for help and docs. *cntp gets the number of entries. */
const co_conf_prop_t *co_conf_props(int *cntp);

/* Prints every setting with type, default, range and doc (text or Markdown). */
void co_conf_print_help(FILE *out, int markdown);
/* Prints current values and where each came from; secrets redacted. */
void co_conf_dump(const co_conf_t *conf, FILE *out);

#endif
