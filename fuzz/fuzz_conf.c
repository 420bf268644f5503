/* fuzz_conf: libFuzzer target for the config file reader
 * (common/co_conf_file.c, libyaml underneath) as `careerops --config FILE`
 * uses it: the input is written to a file, loaded over the defaults with
 * co_conf_load_file, then checked across fields by co_conf_finalize, and
 * every setting of the table is read back. Checks: a load or finalize that
 * fails says why (errstr not empty); a loaded setting reads back through
 * its typed getter without crashing. Seeds: fuzz/corpus/conf. */
#include "co_conf.h"
#include "co_log.h"
#include "fuzz_util.h"

static const char *path; /* fuzz_scratch_file() */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  co_log_setup(CO_LOG_ERROR, CO_LOG_FMT_HUMAN, NULL, stderr);
  path = fuzz_scratch_file("careerops.yaml");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char errstr[512] = "";
  fuzz_write_file(path, data, size);
  co_conf_t *conf = co_conf_new();
  if (!conf) abort();
  co_err_t e = co_conf_load_file(conf, path, errstr, sizeof(errstr));
  if (e == CO_OK) e = co_conf_finalize(conf, errstr, sizeof(errstr));
  if (e != CO_OK && !errstr[0]) abort();
  if (e == CO_OK) {
    int n = 0;
    const co_conf_prop_t *props = co_conf_props(&n);
    for (int i = 0; i < n; i++) {
      const char *name = props[i].name;
      switch (props[i].type) {
      case CO_CONF_STR:
      case CO_CONF_ENUM:
        if (!co_conf_str(conf, name)) abort();
        break;
      case CO_CONF_INT:
        (void)co_conf_int(conf, name);
        break;
      case CO_CONF_BOOL:
        (void)co_conf_bool(conf, name);
        break;
      default:
        (void)co_conf_dbl(conf, name);
        break;
      }
    }
  }
  co_conf_destroy(conf);
  return 0;
}
