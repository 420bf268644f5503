/* sample_shift.h: the shipped sample inbox moved to today (sample_shift.c). */
#ifndef CO_CLI_SAMPLE_SHIFT_H
#define CO_CLI_SAMPLE_SHIFT_H

#include <stddef.h>
#include <time.h>

#include "co_err.h"

/* Writes src (an mbox) to dst with its dates moved by a whole number of
 * weeks so its latest Date is 1 to 7 days before now (weekdays, times of day
 * and zones kept): Date headers, "From " lines and "Weekday, Month D" in
 * bodies. *weeks_out (may be NULL) gets the shift. CO_ERR_IO with errstr
 * when a file cannot be read or written. */
co_err_t co_cli_sample_shift(const char *src, const char *dst, time_t now, int *weeks_out, char *errstr,
                             size_t errstr_size);

#endif
