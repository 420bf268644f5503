/* cmd_version.c: `careerops version`. */
#include <jansson.h>
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <string.h>

#include "co_cli.h"

int co_cmd_version(co_cli_t *cli, int argc, char **argv) {
  (void)argv;
  if (argc > 1) {
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
      puts("Usage: careerops version\nPrints the CareerOps version and the versions of its main libraries.");
      return CO_EXIT_OK;
    }
    return co_cli_usage_error(cli, "version", "unexpected argument '%s'", argv[1]);
  }
  printf("careerops %s\nlibrdkafka %s\njansson %s\n", CO_VERSION, rd_kafka_version_str(), JANSSON_VERSION);
  return CO_EXIT_OK;
}
