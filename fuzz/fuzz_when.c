/* fuzz_when: libFuzzer target for the interview-date parser: an email's
 * text (and its text/calendar fields, when the input has them) to the
 * instant, zone, duration, link and candidate slots
 * (co_classify_when_extract), plus its pieces on their own: the Date
 * header parser and the first-date finder with and without a reference.
 * Input: subject NUL body NUL date NUL then optional calendar fields
 * method NUL start_utc NUL start_date NUL tzid NUL location NUL url NUL
 * description (a calendar is passed when any of them is non-empty).
 * Checks: every string field is terminated inside its buffer and, when the
 * input is UTF-8 (the pipeline's always is: it comes out of jansson), the
 * result goes into JSON whole (a link cut inside a character would not). Seeds: fuzz/corpus/when. */
#include <jansson.h>

#include "co_classify.h"
#include "co_classify_int.h"
#include "co_classify_when.h"
#include "fuzz_util.h"

#define N 10

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *f[N];
  fuzz_fields(data, size, f, N);
  co_classify_cal_t cal = {.method = f[3], .start_utc = f[4], .start_date = f[5], .tzid = f[6],
                           .minutes = size ? data[0] : 0, .location = f[7], .url = f[8], .description = f[9]};
  int has_cal = 0;
  for (int i = 3; i < N; i++) has_cal |= f[i][0] != 0;
  co_classify_input_t in = {.subject = f[0], .body = f[1], .date = f[2], .calendar = has_cal ? &cal : NULL};
  co_classify_when_t w;
  co_classify_when_extract(&in, &w);
  if (!memchr(w.at_utc, 0, sizeof(w.at_utc)) || !memchr(w.local, 0, sizeof(w.local)) ||
      !memchr(w.link, 0, sizeof(w.link)) || !memchr(w.zone, 0, sizeof(w.zone)) ||
      w.n_candidates < 0 || w.n_candidates > CO_CLASSIFY_WHEN_SLOTS)
    abort();
  int utf8 = 1;
  for (int i = 0; i < N; i++) {
    json_t *probe = json_string(f[i]);
    utf8 &= probe != NULL;
    json_decref(probe);
  }
  json_t *o = json_object();
  if (co_classify_when_to_json(&w, o) && utf8) abort();
  json_decref(o);
  (void)co_classify_when_iso(&w);

  co_cls_tm_t ref;
  char out[64];
  int have_ref = co_cls_parse_date_header(f[2], &ref) == 0;
  (void)co_cls_find_datetime(f[1], strlen(f[1]), have_ref ? &ref : NULL, out, sizeof(out));
  (void)co_cls_find_datetime(f[1], strlen(f[1]), NULL, out, sizeof(out));
  fuzz_fields_free(f, N);
  return 0;
}
