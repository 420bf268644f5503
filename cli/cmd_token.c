/* cmd_token.c: `careerops token create|list|revoke`: API bearer tokens.
 * create prints the new token once on stdout (only its SHA-256 is stored:
 * state.dir/api-tokens.json embedded, the <app.id>-tokens topic in Kafka
 * mode); list shows ids (hash prefixes), accounts and creation times. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "co_cli.h"
#include "co_pipeline.h"

static const char co_token_usage[] =
    "Usage: careerops token create ACCOUNT [options]   token that reads only ACCOUNT's data\n"
    "       careerops token create --admin [options]   token that reads everything (DLQ, metrics)\n"
    "       careerops token list [options]\n"
    "       careerops token revoke ID [options]        ID: at least 8 characters of a listed id\n"
    "The token is printed once; only its SHA-256 hash is kept. Running instances see\n"
    "new and revoked tokens without a restart.\n"
    "      --admin           create an admin token\n" CO_CLI_COMMON_HELP;

static int co_token_print(const char *id, const char *account, int admin, const char *created, void *opaque) {
  (void)opaque;
  printf("%-14s %-24s %s\n", id, admin ? "(admin)" : account ? account : "", created ? created : "");
  return 0;
}

int co_cmd_token(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"admin", no_argument, NULL, 'a'}, CO_CLI_COMMON_LONG,
                                           {NULL, 0, NULL, 0}};
  const char *words[3] = {NULL, NULL, NULL};
  int nwords = 0, admin = 0, opt, rc;
  char errstr[512], token[64];
  co_pipeline_tokens_t *t = NULL;
  while (optind < argc) {
    if ((opt = co_cli_getopt(cli, "token", co_token_usage, argc, argv, "+", longopts)) == -1) {
      if (optind >= argc) break;
      if (nwords == 2) return co_cli_usage_error(cli, "token", "unexpected argument '%s'", argv[optind]);
      words[nwords++] = argv[optind++];
      continue;
    }
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'a') admin = 1;
  }
  const char *action = words[0], *arg = words[1];
  if (!action) return co_cli_usage_error(cli, "token", "missing action: create, list or revoke");
  if (!strcmp(action, "create") && !admin && !arg) return co_cli_usage_error(cli, "token", "create needs an ACCOUNT (or --admin)");
  if (!strcmp(action, "create") && admin && arg) return co_cli_usage_error(cli, "token", "--admin takes no ACCOUNT");
  if (!strcmp(action, "revoke") && !arg) return co_cli_usage_error(cli, "token", "revoke needs an ID (see token list)");
  if (!strcmp(action, "list") && arg) return co_cli_usage_error(cli, "token", "unexpected argument '%s'", arg);
  if (strcmp(action, "create") && strcmp(action, "list") && strcmp(action, "revoke"))
    return co_cli_usage_error(cli, "token", "unknown action '%s': use create, list or revoke", action);
  if ((rc = co_cli_load_conf(cli))) return rc;
  if (!(t = co_pipeline_tokens_open(cli->conf, 0, errstr, sizeof(errstr)))) goto fail;
  if (!strcmp(action, "create")) {
    if (co_pipeline_tokens_create(t, arg, admin, token, errstr, sizeof(errstr))) goto fail;
    printf("%s\n", token);
    fprintf(stderr, "careerops token: created for %s; it is shown only now\n", admin ? "admin" : arg);
  } else if (!strcmp(action, "list")) {
    co_pipeline_tokens_list(t, co_token_print, NULL);
  } else {
    if (co_pipeline_tokens_revoke(t, arg, errstr, sizeof(errstr))) goto fail;
    fprintf(stderr, "careerops token: revoked %s\n", arg);
    if (co_pipeline_tokens_count(t) == 0) /* never a return to open access (docs/api.md) */
      fprintf(stderr, "careerops token: no token left: /api stays locked (api.admin.token and a running "
                      "`careerops run`'s session URL still work)\n");
  }
  co_pipeline_tokens_close(t);
  return CO_EXIT_OK;
fail:
  co_pipeline_tokens_close(t);
  fprintf(stderr, "careerops token: %s\n", errstr);
  return CO_EXIT_FAIL;
}
