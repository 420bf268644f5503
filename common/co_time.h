/* co_time.h: the project's two clocks, so that every module reads time the
 * same way.
 *
 * co_time_mono_ms() is for deadlines, timeouts, intervals and latencies: it
 * never jumps when the wall clock is set (NTP step, a VM resumed, a user
 * changing the time), so a timeout computed from it cannot fire early or
 * never. co_time_wall_ms() is for timestamps that leave the process or are
 * compared with other machines' (record timestamps, dates shown, TTLs kept in
 * stores). Both are thread- and async-signal-safe. */
#ifndef CO_TIME_H
#define CO_TIME_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Milliseconds on CLOCK_MONOTONIC (an arbitrary origin). */
int64_t co_time_mono_ms(void);
/* The same clock read at tick resolution (CLOCK_MONOTONIC_COARSE: 1-4 ms
 * behind co_time_mono_ms at most, about a quarter of its cost): for a check
 * made once per record. */
int64_t co_time_mono_coarse_ms(void);
/* Milliseconds since the Unix epoch (CLOCK_REALTIME). */
int64_t co_time_wall_ms(void);

/* ISO-8601 into UTC seconds, the project's one parser of it. Strict
 * (lenient 0, what a person sends): YYYY-MM-DDTHH:MM:SS[.fraction]
 * (Z|+HH:MM|-HH:MM) naming a real time ("yesterday", a bare date, a time
 * without zone and 2025-02-30 are refused). Lenient (what the stores hold):
 * also a bare date (*date_only = 1, its midnight UTC), seconds left out, and
 * no zone (floating, read as UTC). date_only may be NULL. 0, or -1 when s is
 * not such a time. */
int co_time_parse_iso(const char *s, int lenient, time_t *out, int *date_only);
/* t as UTC ISO-8601 with seconds, "2026-11-25T18:00:00Z" (size >= 21). */
void co_time_format_utc(time_t t, char *buf, size_t size);

#endif
