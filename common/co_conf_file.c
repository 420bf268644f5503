/* co_conf_file.c: loads settings from a YAML file (libyaml) and from
 * CAREEROPS_* environment variables into a co_conf_t. */
#include "co_conf_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define CO_CONF_MAX_DEPTH 8

typedef struct {
  co_conf_t *conf;
  yaml_document_t doc;
  const char *path;
  char *errstr;
  size_t sz;
  /* every setting the file set so far, with its line: a second one is an
   * error (YAML says keys are unique; libyaml keeps both and the last
   * would silently win), whether spelled twice in one mapping or once
   * nested and once dotted ("kafka: {acks: 1}" and "kafka.acks: all") */
  char **seen;
  size_t *seen_line;
  size_t nseen;
} co_conf_yaml_t;

static co_err_t co_conf_yaml_node(co_conf_yaml_t *y, yaml_node_t *node, const char *prefix, int depth);

static co_err_t co_conf_yaml_set(co_conf_yaml_t *y, const char *name, const char *value, yaml_node_t *node) {
  char err[512];
  size_t line = node->start_mark.line + 1;
  for (size_t i = 0; i < y->nseen; i++)
    if (!strcmp(y->seen[i], name))
      return co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s:%zu: duplicate key '%s' (first set on line %zu)", y->path,
                       line, name, y->seen_line[i]);
  char **ns = realloc(y->seen, sizeof(*ns) * (y->nseen + 1));
  if (ns) y->seen = ns;
  size_t *nl = ns ? realloc(y->seen_line, sizeof(*nl) * (y->nseen + 1)) : NULL;
  if (nl) y->seen_line = nl;
  if (!ns || !nl || !(y->seen[y->nseen] = strdup(name))) return co_seterr(y->errstr, y->sz, CO_ERR_NOMEM, "out of memory");
  y->seen_line[y->nseen++] = line;
  if (co_conf_set(y->conf, name, value, CO_CONF_SRC_FILE, err, sizeof(err)))
    return co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s:%zu: %s", y->path, node->start_mark.line + 1, err);
  return CO_OK;
}

static co_err_t co_conf_yaml_seq(co_conf_yaml_t *y, yaml_node_t *node, const char *name) {
  size_t len = 0, cap = 64;
  char *joined = malloc(cap);
  co_err_t err = CO_OK;
  if (!joined) return co_seterr(y->errstr, y->sz, CO_ERR_NOMEM, "out of memory");
  joined[0] = '\0';
  for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
    yaml_node_t *item = yaml_document_get_node(&y->doc, *it);
    if (!item || item->type != YAML_SCALAR_NODE) {
      err = co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s:%zu: setting '%s' takes a list of plain values", y->path,
                      node->start_mark.line + 1, name);
      goto out;
    }
    size_t il = item->data.scalar.length;
    if (len + il + 2 > cap) {
      cap = (len + il + 2) * 2;
      char *n = realloc(joined, cap);
      if (!n) {
        err = co_seterr(y->errstr, y->sz, CO_ERR_NOMEM, "out of memory");
        goto out;
      }
      joined = n;
    }
    if (len) joined[len++] = ',';
    memcpy(joined + len, item->data.scalar.value, il);
    len += il;
    joined[len] = '\0';
  }
  err = co_conf_yaml_set(y, name, joined, node);
out:
  free(joined);
  return err;
}

static co_err_t co_conf_yaml_map(co_conf_yaml_t *y, yaml_node_t *node, const char *prefix, int depth) {
  for (yaml_node_pair_t *pr = node->data.mapping.pairs.start; pr < node->data.mapping.pairs.top; pr++) {
    yaml_node_t *k = yaml_document_get_node(&y->doc, pr->key);
    yaml_node_t *v = yaml_document_get_node(&y->doc, pr->value);
    if (!k || k->type != YAML_SCALAR_NODE || !v)
      return co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s:%zu: keys must be plain names", y->path,
                       node->start_mark.line + 1);
    /* A list of records does not fit the table: ingest/co_ingest_accounts.c
     * parses and validates the top-level `accounts:` list itself. */
    if (!*prefix && !strcmp((const char *)k->data.scalar.value, "accounts")) continue;
    char name[256];
    int n = snprintf(name, sizeof(name), "%s%s%s", prefix, *prefix ? "." : "", (const char *)k->data.scalar.value);
    if (n < 0 || (size_t)n >= sizeof(name))
      return co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s:%zu: key too long", y->path, k->start_mark.line + 1);
    co_err_t err = co_conf_yaml_node(y, v, name, depth + 1);
    if (err) return err;
  }
  return CO_OK;
}

static co_err_t co_conf_yaml_node(co_conf_yaml_t *y, yaml_node_t *node, const char *prefix, int depth) {
  if (depth > CO_CONF_MAX_DEPTH)
    return co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s:%zu: nested too deep", y->path, node->start_mark.line + 1);
  switch (node->type) {
  case YAML_MAPPING_NODE:
    return co_conf_yaml_map(y, node, prefix, depth);
  case YAML_SEQUENCE_NODE:
    return co_conf_yaml_seq(y, node, prefix);
  case YAML_SCALAR_NODE:
    if (!*prefix)
      return co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s: the top level must be a mapping of settings", y->path);
    return co_conf_yaml_set(y, prefix, (const char *)node->data.scalar.value, node);
  default:
    return co_seterr(y->errstr, y->sz, CO_ERR_CONFIG, "%s:%zu: unsupported YAML node", y->path,
                     node->start_mark.line + 1);
  }
}

co_err_t co_conf_load_file(co_conf_t *conf, const char *path, char *errstr, size_t sz) {
  co_conf_yaml_t y = {.conf = conf, .path = path, .errstr = errstr, .sz = sz};
  yaml_parser_t parser;
  co_err_t err = CO_OK;
  FILE *fp = fopen(path, "rb");
  if (!fp) return co_seterr(errstr, sz, CO_ERR_IO, "cannot open config file %s: %s", path, strerror(errno));
  if (!yaml_parser_initialize(&parser)) {
    fclose(fp);
    return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  }
  yaml_parser_set_input_file(&parser, fp);
  if (!yaml_parser_load(&parser, &y.doc)) {
    err = co_seterr(errstr, sz, CO_ERR_CONFIG, "%s:%zu: YAML error: %s", path, parser.problem_mark.line + 1,
                    parser.problem ? parser.problem : "unknown");
    goto out;
  }
  yaml_node_t *root = yaml_document_get_root_node(&y.doc);
  if (root) err = co_conf_yaml_node(&y, root, "", 0); /* an empty file sets nothing */
  yaml_document_delete(&y.doc);
  for (size_t i = 0; i < y.nseen; i++) free(y.seen[i]);
  free(y.seen);
  free(y.seen_line);
out:
  yaml_parser_delete(&parser);
  fclose(fp);
  return err;
}

/* "log.level" -> "LOG_LEVEL" */
static void co_conf_env_name(const char *name, char *buf, size_t sz) {
  size_t i = 0;
  for (; name[i] && i + 1 < sz; i++) buf[i] = (name[i] == '.' || name[i] == '-') ? '_' : (char)toupper((unsigned char)name[i]);
  buf[i] = '\0';
}

co_err_t co_conf_load_env(co_conf_t *conf, char **envp, char *errstr, size_t sz) {
  static const char pfx[] = "CAREEROPS_";
  for (char **e = envp; e && *e; e++) {
    if (strncmp(*e, pfx, sizeof(pfx) - 1)) continue;
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    const char *var = *e + sizeof(pfx) - 1;
    size_t vl = (size_t)(eq - var);
    int found = -1;
    for (int i = 0; i < conf->cnt && found < 0; i++) {
      char en[128];
      co_conf_env_name(conf->props[i].name, en, sizeof(en));
      if (strlen(en) == vl && !strncmp(en, var, vl)) found = i;
    }
    if (found < 0) {
      /* A few variables are not settings: the config file, run's sample
       * inbox, the CLI's API token, and test tooling. */
      if (!strncmp(var, "CONFIG=", 7) || !strncmp(var, "SAMPLE=", 7) || !strncmp(var, "TOKEN=", 6) ||
          !strncmp(var, "TEST_", 5))
        continue;
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "unknown setting in environment variable %.*s%.*s", (int)sizeof(pfx) - 1,
                       pfx, (int)vl, var);
    }
    char err[512];
    if (co_conf_set(conf, conf->props[found].name, eq + 1, CO_CONF_SRC_ENV, err, sizeof(err)))
      return co_seterr(errstr, sz, CO_ERR_CONFIG, "%s (from %s%.*s)", err, pfx, (int)vl, var);
  }
  return CO_OK;
}
