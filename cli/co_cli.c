/* co_cli.c: common options and configuration loading for all subcommands. */
#include "co_cli.h"
#include "co_term.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "co_log.h"

extern char **environ;

int co_cli_usage_error(const co_cli_t *cli, const char *cmd, const char *fmt, ...) {
  va_list ap;
  char *msg = NULL;
  va_start(ap, fmt);
  int n = vasprintf(&msg, fmt, ap);
  va_end(ap);
  /* the message may quote an argument: printed terminal-safe */
  co_term_printf(stderr, "%s %s: %s\n", cli->prog, cmd, n < 0 ? "out of memory" : msg);
  free(msg);
  return CO_EXIT_USAGE;
}

static int co_cli_add_xset(co_cli_t *cli, const char *nv) {
  char **n = realloc(cli->xset, sizeof(*n) * (size_t)(cli->xset_cnt + 1));
  if (!n) return -1;
  cli->xset = n;
  cli->xset[cli->xset_cnt++] = (char *)nv;
  return 0;
}

int co_cli_common_opt(co_cli_t *cli, int opt, const char *arg) {
  static char brokers[1024];
  switch (opt) {
  case 'c':
    cli->config_path = arg;
    return 1;
  case 'X':
    if (!strchr(arg, '=')) {
      co_term_printf(stderr, "%s: -X takes NAME=VALUE, got '%s'\n", cli->prog, arg);
      return -1;
    }
    return co_cli_add_xset(cli, arg) ? -1 : 1;
  case 'B':
    snprintf(brokers, sizeof(brokers), "brokers=%s", arg);
    return co_cli_add_xset(cli, brokers) ? -1 : 1;
  default:
    return 0;
  }
}

int co_cli_load_conf(co_cli_t *cli) {
  char errstr[512];
  if (!(cli->conf = co_conf_new())) {
    co_term_printf(stderr, "%s: out of memory\n", cli->prog);
    return CO_EXIT_FAIL;
  }
  const char *path = cli->config_path ? cli->config_path : getenv("CAREEROPS_CONFIG");
  if (path && *path && co_conf_load_file(cli->conf, path, errstr, sizeof(errstr))) goto bad;
  if (co_conf_load_env(cli->conf, environ, errstr, sizeof(errstr))) goto bad;
  for (int i = 0; i < cli->xset_cnt; i++) {
    char name[256];
    const char *eq = strchr(cli->xset[i], '=');
    snprintf(name, sizeof(name), "%.*s", (int)(eq - cli->xset[i]), cli->xset[i]);
    if (co_conf_set(cli->conf, name, eq + 1, CO_CONF_SRC_CLI, errstr, sizeof(errstr))) goto bad;
  }
  if (co_conf_finalize(cli->conf, errstr, sizeof(errstr))) goto bad;
  int level = co_log_level_parse(co_conf_str(cli->conf, "log.level"));
  if (!cli->service && co_conf_src(cli->conf, "log.level") == CO_CONF_SRC_DEFAULT && level > CO_LOG_WARN)
    level = CO_LOG_WARN;
  co_log_setup(level,
               co_log_fmt_parse(co_conf_str(cli->conf, "log.format")), co_conf_str(cli->conf, "debug"), NULL);
  return CO_EXIT_OK;
bad:
  co_term_printf(stderr, "%s: %s\n", cli->prog, errstr);
  return CO_EXIT_USAGE;
}

int co_cli_getopt(co_cli_t *cli, const char *cmd, const char *usage, int argc, char **argv, const char *shortopts,
                  const struct option *longopts) {
  char shorts[64];
  int stop = shortopts[0] == '+';
  snprintf(shorts, sizeof(shorts), "%s%s%sh", stop ? "+" : "", shortopts + stop, CO_CLI_COMMON_SHORT);
  for (;;) {
    int opt = getopt_long(argc, argv, shorts, longopts, NULL);
    if (opt == -1) return -1;
    int r = co_cli_common_opt(cli, opt, optarg);
    if (r < 0) {
      cli->rc = CO_EXIT_USAGE;
      return CO_CLI_OPT_EXIT;
    }
    if (r) continue;
    if (opt == 'h' && !usage) return opt; /* the command prints its own help */
    if (opt == 'h') {
      fputs(usage, stdout);
      cli->rc = CO_EXIT_OK;
      return CO_CLI_OPT_EXIT;
    }
    if (opt == '?' || opt == ':') {
      cli->rc = co_cli_usage_error(cli, cmd, "unknown option or missing value '%s' (see --help)", argv[optind - 1]);
      return CO_CLI_OPT_EXIT;
    }
    return opt;
  }
}

/* JSON with ENSURE_ASCII still leaves DEL raw; it can only occur inside a
 * string there, where \u007f is the same character. */
static void co_cli_put_json_ascii(FILE *f, const char *js) {
  for (const char *p = js; *p; p++)
    if (*p == 0x7f)
      fputs("\\u007f", f);
    else
      fputc(*p, f);
}

void co_cli_print_json_lines(FILE *f, const char *text, size_t len) {
  const char *p = text, *end = text + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    json_t *j = json_loadb(p, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    char *js = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII | JSON_ENCODE_ANY) : NULL;
    if (js) {
      co_cli_put_json_ascii(f, js);
    } else {
      char *t = co_term_sanitize(p, n, 0);
      if (t) fputs(t, f);
      free(t);
    }
    free(js);
    json_decref(j);
    if (nl) fputc('\n', f);
    p += n + (nl ? 1 : 0);
  }
}
