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

#include <stdint.h>

/* Milliseconds on CLOCK_MONOTONIC (an arbitrary origin). */
int64_t co_time_mono_ms(void);
/* The same clock read at tick resolution (CLOCK_MONOTONIC_COARSE: 1-4 ms
 * behind co_time_mono_ms at most, about a quarter of its cost): for a check
 * made once per record. */
int64_t co_time_mono_coarse_ms(void);
/* Milliseconds since the Unix epoch (CLOCK_REALTIME). */
int64_t co_time_wall_ms(void);

#endif
