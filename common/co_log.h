/* co_log.h: process-wide structured logging on stderr.
 *
 * Two formats: JSON lines (level, ts, component, msg, then key fields) for
 * machines, and a single human line for terminals. Macros test the level
 * before any formatting. Registered secret values are masked in every line,
 * whatever code path tried to print them. Thread-safe. */
#ifndef CO_LOG_H
#define CO_LOG_H

#include <stdio.h>

typedef enum { CO_LOG_ERROR = 0, CO_LOG_WARN, CO_LOG_INFO, CO_LOG_DEBUG } co_log_level_t;
typedef enum { CO_LOG_FMT_AUTO = 0, CO_LOG_FMT_JSON, CO_LOG_FMT_HUMAN } co_log_fmt_t;

/* Configures the logger. debug_ctxs: comma list of components whose DEBUG
 * lines are shown ("state,vector", "all"), or NULL. out: NULL for stderr;
 * not owned. FMT_AUTO picks HUMAN when out is a terminal. */
void co_log_setup(co_log_level_t level, co_log_fmt_t fmt, const char *debug_ctxs, FILE *out);

/* Parses "error|warn|info|debug" / "json|human|auto"; -1 if unknown. */
int co_log_level_parse(const char *s);
int co_log_fmt_parse(const char *s);

/* Adds a value to mask as "***" in every later line. The string is copied.
 * Values shorter than 4 bytes are ignored (they would mask ordinary text). */
void co_log_add_secret(const char *value);
/* Forgets all registered secrets (tests). */
void co_log_clear_secrets(void);

int co_log_enabled(co_log_level_t level, const char *component);

/* Writes one line: msg, then NULL-terminated key/value string pairs. */
void co_log_kv(co_log_level_t level, const char *component, const char *msg, ...);
/* Writes one line with a printf-formatted message and no key fields. */
void co_log_printf(co_log_level_t level, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define CO_LOG(lvl, comp, ...)                                   \
  do {                                                           \
    if (co_log_enabled((lvl), (comp))) co_log_printf((lvl), (comp), __VA_ARGS__); \
  } while (0)
#define CO_ERROR(comp, ...) CO_LOG(CO_LOG_ERROR, comp, __VA_ARGS__)
#define CO_WARN(comp, ...) CO_LOG(CO_LOG_WARN, comp, __VA_ARGS__)
#define CO_INFO(comp, ...) CO_LOG(CO_LOG_INFO, comp, __VA_ARGS__)
#define CO_DEBUG(comp, ...) CO_LOG(CO_LOG_DEBUG, comp, __VA_ARGS__)
#define CO_LOGKV(lvl, comp, ...)                                 \
  do {                                                           \
    if (co_log_enabled((lvl), (comp))) co_log_kv((lvl), (comp), __VA_ARGS__, (const char *)NULL); \
  } while (0)

#endif
