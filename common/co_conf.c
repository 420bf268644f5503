/* co_conf.c: typed values over the declarative table: set, validate, get,
 * help and dump. File and environment loading live in co_conf_file.c. */
#include "co_conf_int.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"

static const char *co_conf_passthru_prefixes[] = {"kafka.", "rocksdb."};
static const char *co_conf_type_names[] = {"string", "integer", "boolean", "float", "enum"};
static const char *co_conf_src_names[] = {"default", "file", "env", "cli"};

int co_conf_find(const co_conf_t *conf, const char *name) {
  for (int i = 0; i < conf->cnt; i++)
    if (!strcmp(conf->props[i].name, name)) return i;
  return -1;
}

/* Levenshtein distance, capped; used to suggest the setting a typo meant. */
static int co_conf_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 63 || lb > 63) return 99;
  int d[64][64];
  for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
      d[i][j] = c;
    }
  return d[la][lb];
}

static const char *co_conf_suggest(const co_conf_t *conf, const char *name) {
  const char *best = NULL;
  int bestd = 4;
  for (int i = 0; i < conf->cnt; i++) {
    int dist = co_conf_distance(name, conf->props[i].name);
    if (dist < bestd) bestd = dist, best = conf->props[i].name;
  }
  return best;
}

static int co_conf_enum_has(const char *enums, const char *v) {
  size_t n = strlen(v);
  const char *p = enums;
  while (p && *p) {
    const char *e = strchr(p, '|');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len == n && !strncmp(p, v, n)) return 1;
    p = e ? e + 1 : NULL;
  }
  return 0;
}

/* Parses value for prop into val (str untouched). */
static co_err_t co_conf_parse(const co_conf_prop_t *p, const char *value, co_conf_val_t *val, char *errstr,
                              size_t sz) {
  char *end;
  switch (p->type) {
  case CO_CONF_STR:
    return CO_OK;
  case CO_CONF_ENUM:
    if (!co_conf_enum_has(p->enums, value))
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "invalid value for setting '%s': \"%s\" is not one of %s",
                       p->name, value, p->enums);
    return CO_OK;
  case CO_CONF_BOOL:
    if (!strcmp(value, "true") || !strcmp(value, "1") || !strcmp(value, "yes") || !strcmp(value, "on"))
      val->i = 1;
    else if (!strcmp(value, "false") || !strcmp(value, "0") || !strcmp(value, "no") || !strcmp(value, "off"))
      val->i = 0;
    else
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "invalid value for setting '%s': \"%s\" is not a boolean",
                       p->name, value);
    return CO_OK;
  case CO_CONF_INT: {
    errno = 0;
    long long v = strtoll(value, &end, 10);
    if (!*value || *end || errno)
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "invalid value for setting '%s': \"%s\" is not an integer",
                       p->name, value);
    if ((double)v < p->min || (double)v > p->max)
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "invalid value for setting '%s': %lld is outside %.0f..%.0f",
                       p->name, v, p->min, p->max);
    val->i = v;
    return CO_OK;
  }
  case CO_CONF_DBL: {
    errno = 0;
    double v = strtod(value, &end);
    if (!*value || *end || errno || !isfinite(v))
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "invalid value for setting '%s': \"%s\" is not a number",
                       p->name, value);
    if (v < p->min || v > p->max)
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "invalid value for setting '%s': %g is outside %g..%g", p->name,
                       v, p->min, p->max);
    val->d = v;
    return CO_OK;
  }
  }
  return co_seterr(errstr, sz, CO_ERR_CONFIG, "setting '%s' has an unknown type", p->name);
}

/* librdkafka's sasl.password, ssl.key.password etc. are secrets too. */
static int co_conf_passthru_secret(const char *name) {
  return strstr(name, "password") || strstr(name, "secret") || strstr(name, "token");
}

static co_err_t co_conf_passthru_set(co_conf_t *conf, const char *name, const char *value, char *errstr,
                                     size_t sz) {
  for (co_conf_kv_t *kv = conf->passthru; kv; kv = kv->next)
    if (!strcmp(kv->name, name)) {
      char *v = strdup(value);
      if (!v) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      free(kv->value);
      kv->value = v;
      return CO_OK;
    }
  co_conf_kv_t *kv = calloc(1, sizeof(*kv));
  if (!kv || !(kv->name = strdup(name)) || !(kv->value = strdup(value))) {
    if (kv) free(kv->name);
    free(kv);
    return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  }
  *conf->passthru_tail = kv;
  conf->passthru_tail = &kv->next;
  return CO_OK;
}

co_err_t co_conf_set(co_conf_t *conf, const char *name, const char *value, co_conf_src_t src, char *errstr,
                     size_t sz) {
  if (!name || !value) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "setting name and value are required");
  int idx = co_conf_find(conf, name);
  if (idx < 0) {
    for (size_t i = 0; i < sizeof(co_conf_passthru_prefixes) / sizeof(*co_conf_passthru_prefixes); i++) {
      size_t pl = strlen(co_conf_passthru_prefixes[i]);
      if (!strncmp(name, co_conf_passthru_prefixes[i], pl) && name[pl])
        return co_conf_passthru_set(conf, name, value, errstr, sz);
    }
    const char *hint = co_conf_suggest(conf, name);
    if (hint)
      return co_seterr(errstr, sz, CO_ERR_CONFIG,
                       "unknown setting '%s' (did you mean '%s'? `careerops config --help` lists all)", name, hint);
    return co_seterr(errstr, sz, CO_ERR_CONFIG, "unknown setting '%s' (`careerops config --help` lists all)", name);
  }
  co_conf_val_t nv = conf->vals[idx];
  co_err_t err = co_conf_parse(&conf->props[idx], value, &nv, errstr, sz);
  if (err) return err;
  char *copy = strdup(value);
  if (!copy) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  free(conf->vals[idx].str);
  nv.str = copy;
  nv.src = src;
  conf->vals[idx] = nv;
  return CO_OK;
}

co_conf_t *co_conf_new(void) {
  co_conf_t *conf = calloc(1, sizeof(*conf));
  if (!conf) return NULL;
  conf->props = co_conf_props(&conf->cnt);
  conf->vals = calloc((size_t)conf->cnt, sizeof(*conf->vals));
  conf->passthru_tail = &conf->passthru;
  if (!conf->vals) goto err;
  for (int i = 0; i < conf->cnt; i++) {
    char errstr[256];
    /* A default that fails its own validation is a table bug: fail loudly. */
    if (co_conf_set(conf, conf->props[i].name, conf->props[i].def, CO_CONF_SRC_DEFAULT, errstr, sizeof(errstr))) {
      fprintf(stderr, "careerops: bad default in settings table: %s\n", errstr);
      abort();
    }
  }
  return conf;
err:
  co_conf_destroy(conf);
  return NULL;
}

void co_conf_destroy(co_conf_t *conf) {
  if (!conf) return;
  for (int i = 0; conf->vals && i < conf->cnt; i++) free(conf->vals[i].str);
  free(conf->vals);
  co_conf_kv_t *kv = conf->passthru;
  while (kv) {
    co_conf_kv_t *next = kv->next;
    free(kv->name);
    free(kv->value);
    free(kv);
    kv = next;
  }
  free(conf);
}

co_err_t co_conf_finalize(co_conf_t *conf, char *errstr, size_t sz) {
  if (*co_conf_str(conf, "imap.url") && !*co_conf_str(conf, "imap.password") &&
      !*co_conf_str(conf, "imap.oauth.token"))
    return co_seterr(errstr, sz, CO_ERR_CONFIG,
                     "setting 'imap.url' needs 'imap.password' or 'imap.oauth.token' to log in");
  if (*co_conf_str(conf, "whatsapp.token") && (!*co_conf_str(conf, "whatsapp.phone.id") ||
                                               !*co_conf_str(conf, "whatsapp.to")))
    return co_seterr(errstr, sz, CO_ERR_CONFIG,
                     "setting 'whatsapp.token' needs 'whatsapp.phone.id' and 'whatsapp.to'");
  for (int i = 0; i < conf->cnt; i++)
    if (conf->props[i].flags & CO_CONF_F_SECRET) {
      /* Comma lists of keys: mask each key, not just the whole list. */
      char *copy = strdup(conf->vals[i].str), *save = NULL;
      if (!copy) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      co_log_add_secret(conf->vals[i].str);
      for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) co_log_add_secret(t);
      free(copy);
    }
  for (co_conf_kv_t *kv = conf->passthru; kv; kv = kv->next)
    if (co_conf_passthru_secret(kv->name)) co_log_add_secret(kv->value);
  return CO_OK;
}

static int co_conf_idx_or_die(const co_conf_t *conf, const char *name, co_conf_type_t type) {
  int idx = co_conf_find(conf, name);
  if (idx < 0 || (conf->props[idx].type != type && !(type == CO_CONF_STR && conf->props[idx].type == CO_CONF_ENUM))) {
    fprintf(stderr, "careerops: internal error: setting '%s' read with the wrong name or type\n", name);
    abort();
  }
  return idx;
}

const char *co_conf_str(const co_conf_t *conf, const char *name) {
  return conf->vals[co_conf_idx_or_die(conf, name, CO_CONF_STR)].str;
}
co_conf_src_t co_conf_src(const co_conf_t *conf, const char *name) {
  int idx = co_conf_find(conf, name);
  if (idx < 0) {
    fprintf(stderr, "careerops: internal error: unknown setting '%s'\n", name);
    abort();
  }
  return conf->vals[idx].src;
}
int64_t co_conf_int(const co_conf_t *conf, const char *name) {
  return conf->vals[co_conf_idx_or_die(conf, name, CO_CONF_INT)].i;
}
int co_conf_bool(const co_conf_t *conf, const char *name) {
  return (int)conf->vals[co_conf_idx_or_die(conf, name, CO_CONF_BOOL)].i;
}
double co_conf_dbl(const co_conf_t *conf, const char *name) {
  return conf->vals[co_conf_idx_or_die(conf, name, CO_CONF_DBL)].d;
}

int co_conf_passthru_foreach(const co_conf_t *conf, const char *prefix,
                             int (*cb)(const char *name, const char *value, void *opaque), void *opaque) {
  size_t pl = strlen(prefix);
  for (co_conf_kv_t *kv = conf->passthru; kv; kv = kv->next)
    if (!strncmp(kv->name, prefix, pl)) {
      int r = cb(kv->name + pl, kv->value, opaque);
      if (r) return r;
    }
  return 0;
}

static void co_conf_range(const co_conf_prop_t *p, char *buf, size_t sz) {
  if (p->type == CO_CONF_INT)
    snprintf(buf, sz, "%.0f..%.0f", p->min, p->max);
  else if (p->type == CO_CONF_DBL)
    snprintf(buf, sz, "%g..%g", p->min, p->max);
  else if (p->type == CO_CONF_ENUM)
    snprintf(buf, sz, "%s", p->enums);
  else if (p->type == CO_CONF_BOOL)
    snprintf(buf, sz, "true|false");
  else
    snprintf(buf, sz, "-");
}

void co_conf_print_help(FILE *out, int markdown) {
  int cnt;
  const co_conf_prop_t *props = co_conf_props(&cnt);
  if (markdown) {
    fprintf(out, "# CareerOps configuration\n\n"
                 "Generated by `careerops config --markdown` from `common/co_conf_table.c`; do not edit.\n\n"
                 "Sources, later wins: defaults, the YAML file (`-c FILE`), `CAREEROPS_<NAME>` environment "
                 "variables (dots become `_`, upper case), `-X name=value` flags. Names starting with `kafka.` "
                 "go to librdkafka and `rocksdb.` to RocksDB unchanged.\n\n"
                 "| name | type | default | range | secret | description |\n|---|---|---|---|---|---|\n");
  }
  for (int i = 0; i < cnt; i++) {
    const co_conf_prop_t *p = &props[i];
    char range[128];
    co_conf_range(p, range, sizeof(range));
    int secret = p->flags & CO_CONF_F_SECRET;
    if (markdown)
      fprintf(out, "| `%s` | %s | `%s` | %s | %s | %s |\n", p->name, co_conf_type_names[p->type], p->def, range,
              secret ? "yes" : "", p->doc);
    else
      fprintf(out, "%-26s %-8s default=%-18s range=%-26s %s%s\n", p->name, co_conf_type_names[p->type],
              *p->def ? p->def : "\"\"", range, secret ? "[secret] " : "", p->doc);
  }
  if (!markdown)
    fprintf(out, "\nkafka.*                    (passed to librdkafka)\nrocksdb.*                  (passed to RocksDB)\n"
                 "Env: CAREEROPS_<NAME> with '.' -> '_' (e.g. CAREEROPS_LOG_LEVEL=debug)\n");
}

void co_conf_dump(const co_conf_t *conf, FILE *out) {
  for (int i = 0; i < conf->cnt; i++) {
    const char *v = conf->vals[i].str;
    if ((conf->props[i].flags & CO_CONF_F_SECRET) && *v) v = "[redacted]";
    fprintf(out, "%s=%s  # %s\n", conf->props[i].name, v, co_conf_src_names[conf->vals[i].src]);
  }
  for (co_conf_kv_t *kv = conf->passthru; kv; kv = kv->next) {
    fprintf(out, "%s=%s  # passthrough\n", kv->name, co_conf_passthru_secret(kv->name) ? "[redacted]" : kv->value);
  }
}
