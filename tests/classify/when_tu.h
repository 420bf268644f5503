/* when_tu.h: helpers for the interview time/place tests: run the extractor
 * on one email and compare with expectations, printing what differs. */
#ifndef WHEN_TU_H
#define WHEN_TU_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_classify.h"
#include "co_classify_when.h"

static inline void when_of(const char *subject, const char *body, const char *date, const co_classify_cal_t *cal,
                           co_classify_when_t *w) {
  co_classify_input_t in = {.subject = subject, .from = "Recruiter <jobs@example.com>", .body = body, .date = date,
                            .calendar = cal};
  co_classify_when_extract(&in, w);
  printf("got utc=%s local=%s date=%s zone=%s min=%d link=%s (%s) status=%s cands=%d\n", w->at_utc, w->local, w->date,
         w->zone, w->minutes, w->link, w->link_kind, w->status, w->n_candidates);
}

/* The instant to the minute (seconds ignored). */
static inline void assert_utc(const co_classify_when_t *w, const char *want) {
  if (strncmp(w->at_utc, want, 16)) printf("want utc %s, got '%s'\n", want, w->at_utc);
  assert_int_equal(strncmp(w->at_utc, want, 16), 0);
}

#endif
