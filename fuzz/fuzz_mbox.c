/* fuzz_mbox: libFuzzer target for the mbox reader (co_ingest_mbox.c) as
 * `careerops import` drives it: the input is written to a file, read
 * message by message, each message normalized (co_ingest_normalize), then
 * the read is resumed at every offset the reader handed out (the import
 * cursor). Checks: offsets increase, no message is longer than the file,
 * and a resumed read starts with the very message found at that offset.
 * Seeds: fuzz/corpus/mbox. */
#include <jansson.h>

#include "co_ingest.h"
#include "fuzz_util.h"

#define MAX_MSGS 64
#define MAX_NORMALIZE 4

static const char *path; /* fuzz_scratch_file() */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  path = fuzz_scratch_file("inbox.mbox");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  co_ingest_reader_t *r;
  co_ingest_msg_t m;
  char errstr[256];
  uint64_t offs[MAX_MSGS];
  size_t lens[MAX_MSGS];
  uint64_t sums[MAX_MSGS];
  int n = 0;
  fuzz_write_file(path, data, size);
  if (co_ingest_mbox_open(path, 0, &r, errstr, sizeof(errstr))) abort();
  co_err_t e;
  while (n < MAX_MSGS && (e = co_ingest_reader_next(r, &m, errstr, sizeof(errstr))) == CO_OK) {
    if (m.len > size || (n && m.offset <= offs[n - 1]) || m.offset >= size + (size == 0)) abort();
    offs[n] = m.offset;
    lens[n] = m.len;
    sums[n] = 0;
    for (size_t i = 0; i < m.len; i++) sums[n] = sums[n] * 131 + (unsigned char)m.data[i];
    if (n < MAX_NORMALIZE) {
      co_ingest_src_t src = {.account = "fuzz", .max_body_bytes = 1 << 16};
      char *cursor = co_ingest_cursor_file(path, m.offset), *out = NULL;
      src.cursor_json = cursor;
      if (co_ingest_normalize(m.data, m.len, &src, &out, errstr, sizeof(errstr)) == CO_OK && !out) abort();
      free(out);
      free(cursor);
    }
    n++;
  }
  if (n < MAX_MSGS && e != CO_ERR_NOT_FOUND) abort();
  co_ingest_reader_close(r);
  for (int k = 1; k < n; k++) { /* resume where the import cursor would */
    if (co_ingest_mbox_open(path, offs[k], &r, errstr, sizeof(errstr))) abort();
    if (co_ingest_reader_next(r, &m, errstr, sizeof(errstr)) != CO_OK || m.offset != offs[k] || m.len != lens[k])
      abort();
    uint64_t s = 0;
    for (size_t i = 0; i < m.len; i++) s = s * 131 + (unsigned char)m.data[i];
    if (s != sums[k]) abort();
    co_ingest_reader_close(r);
  }
  return 0;
}
