/* fuzz_accounts: libFuzzer target for the mail accounts list
 * (ingest/co_ingest_accounts.c): the `accounts:` list of a config file,
 * written from the input and read with co_ingest_accounts_load. Checks: on
 * success every account has a name, an IMAP one a user, a URL and at least
 * one folder, names are distinct; on failure there is no
 * list and errstr says why. Seeds: fuzz/corpus/accounts. */
#include "co_ingest_accounts.h"
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
  co_ingest_accounts_t *l = NULL;
  fuzz_write_file(path, data, size);
  co_err_t e = co_ingest_accounts_load(path, &l, errstr, sizeof(errstr));
  co_log_clear_secrets(); /* the logger masks each credential read: one input's, not all of them */
  if (e != CO_OK) {
    if (l || !errstr[0]) abort();
    return 0;
  }
  if (!l) abort();
  for (int i = 0; i < l->cnt; i++) {
    const co_ingest_account_t *a = &l->a[i];
    if (!a->name || !*a->name) abort();
    for (int k = 0; k < a->folder_cnt; k++)
      if (!a->folders[k]) abort();
    if (a->type == CO_INGEST_ACCT_IMAP && (!a->user || !a->url || a->folder_cnt < 1)) abort();
    for (int k = 0; k < i; k++)
      if (!strcmp(l->a[k].name, a->name)) abort();
  }
  co_ingest_accounts_free(l);
  return 0;
}
