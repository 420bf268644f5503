/* cmd_dlq.c: `careerops dlq list|replay|dismiss`: inspect, re-inject or set aside dead letters. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_cli.h"
#include "co_term.h"
#include "co_dlq.h"
#include "co_pipeline.h"

static const char co_dlq_usage[] =
    "Usage: careerops dlq list [--filter F] [--all] [options]\n"
    "       careerops dlq replay [--filter F] [options]\n"
    "       careerops dlq dismiss --filter F [options]\n"
    "list prints one JSON object per dead-letter record (cause, source, attempts,\n"
    "first seen as epoch ms and as UTC time, replayed, dismissed); dismissed records\n"
    "only with --all.\n"
    "replay re-injects records not yet replayed into their source topic, once each;\n"
    "an import failure (a file that could not be read) is replayed by reading the file\n"
    "again (exit 1 if it still cannot be read; the record then stays). A dismissed\n"
    "record is replayed only by --filter id=... naming it.\n"
    "dismiss sets matching records aside: they stay in the DLQ, are no longer listed\n"
    "(but with --all) and are left out of a bulk replay; prints how many.\n"
    "  --filter F            id=PARTITION:OFFSET, class=C, topic=T, processor=P or text=SUBSTRING\n"
    "  --all                 list: dismissed records too\n"
    "In embedded mode the pipeline must not be running (use the API of a running instance).\n" CO_CLI_COMMON_HELP;

int co_cmd_dlq(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {{"filter", required_argument, NULL, 'f'},
                                           {"all", no_argument, NULL, 'a'},
                                           CO_CLI_COMMON_LONG,
                                           {NULL, 0, NULL, 0}};
  const char *filter = NULL;
  int all = 0;
  char errstr[512];
  int opt;
  /* Options may come before and after the action. */
  const char *action = NULL;
  while (optind < argc) {
    if ((opt = co_cli_getopt(cli, "dlq", co_dlq_usage, argc, argv, "+f:", longopts)) == -1) {
      if (optind >= argc) break;
      if (action) return co_cli_usage_error(cli, "dlq", "unexpected argument '%s'", argv[optind]);
      action = argv[optind++];
      continue;
    }
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    if (opt == 'f') filter = optarg;
    if (opt == 'a') all = 1;
  }
  if (!action) return co_cli_usage_error(cli, "dlq", "missing action: list, replay or dismiss");
  if (optind < argc) return co_cli_usage_error(cli, "dlq", "unexpected argument '%s'", argv[optind]);
  if (co_dlq_filter_check(filter, errstr, sizeof(errstr))) return co_cli_usage_error(cli, "dlq", "%s", errstr);
  int rc = co_cli_load_conf(cli);
  if (rc) return rc;
  if (!strcmp(action, "list")) {
    /* records hold raw mail bytes: collected, then printed terminal-safe */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
      snprintf(errstr, sizeof(errstr), "out of memory");
      goto fail;
    }
    co_err_t err = co_dlq_list(cli->conf, filter, all, mem, errstr, sizeof(errstr));
    fclose(mem);
    if (!err) co_cli_print_json_lines(stdout, buf, len);
    free(buf);
    if (err) goto fail;
    return CO_EXIT_OK;
  }
  if (!strcmp(action, "replay")) {
    co_dlq_replay_stats_t st;
    /* an import failure has no bytes to copy: its file is read again */
    co_dlq_set_reread(co_pipeline_import_reread);
    if (co_dlq_replay_ex(cli->conf, NULL, filter, NULL, &st, errstr, sizeof(errstr))) goto fail;
    co_term_printf(stderr, "careerops dlq: replayed %d record(s)", st.replayed);
    if (st.appended) co_term_printf(stderr, ", %d of them re-read from their file and appended to %s", st.appended,
                                    co_conf_str(cli->conf, "topic.raw"));
    fputc('\n', stderr);
    if (st.unreadable)
      co_term_printf(stderr, "careerops dlq: %d import failure(s) not replayed, the file still cannot be read: %s\n",
                     st.unreadable, st.first_error);
    printf("%d\n", st.replayed);
    return st.unreadable ? CO_EXIT_FAIL : CO_EXIT_OK;
  }
  if (!strcmp(action, "dismiss")) {
    int n = 0;
    if (!filter || !*filter)
      return co_cli_usage_error(cli, "dlq", "dismiss needs --filter (e.g. id=PARTITION:OFFSET from `dlq list`)");
    if (co_dlq_dismiss_rt(NULL, cli->conf, filter, &n, errstr, sizeof(errstr))) goto fail;
    co_term_printf(stderr, "careerops dlq: dismissed %d record(s)\n", n);
    printf("%d\n", n);
    return CO_EXIT_OK;
  }
  return co_cli_usage_error(cli, "dlq", "unknown action '%s': use list, replay or dismiss", action);
fail:
  co_term_printf(stderr, "careerops dlq: %s\n", errstr);
  return CO_EXIT_FAIL;
}
