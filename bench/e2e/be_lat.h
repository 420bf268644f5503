/* be_lat.h: the timing table of bench_e2e and the fake webhook that fills
 * it. Each benchmark email carries Message-ID "e2e-<tag><seq>@hiring.example";
 * the sender stamps t_sent[seq] when it appends/produces the email, the
 * classified-topic watcher stamps t_cls[seq] when the committed classified
 * event is visible, and the webhook stamps t_note[seq] when the notification
 * arrives (first arrival; later ones count as duplicates). Times are
 * CLOCK_MONOTONIC nanoseconds; 0 = not seen. Thread-safe. */
#ifndef BE_LAT_H
#define BE_LAT_H

#include <pthread.h>
#include <stdint.h>

typedef struct be_tab_s {
  pthread_mutex_t lock;
  char tag; /* the mode letter in this run's Message-IDs */
  long n;   /* seq in [0, n) */
  int64_t *t_sent, *t_cls, *t_note;
  long notes, dup_notes, other_notes; /* webhook requests: ours, repeated, not ours */
  long cls_other;                     /* classified events that are not ours (throughput input) */
} be_tab_t;

typedef enum { BE_SENT, BE_CLS, BE_NOTE } be_what_t;

int64_t be_now_ns(void);
/* Resets the table for n emails tagged tag (allocates; be_tab_free frees). */
void be_tab_reset(be_tab_t *t, char tag, long n);
void be_tab_free(be_tab_t *t);
/* seq of a benchmark Message-ID ("<" optional) of this tag, or -1. */
long be_seq_of(const be_tab_t *t, const char *message_id);
/* Stamps what for the email whose Message-ID is message_id; returns 1 if it
 * was ours. */
int be_tab_mark(be_tab_t *t, be_what_t what, const char *message_id);
void be_tab_mark_seq(be_tab_t *t, be_what_t what, long seq);
/* Counts of stamps of what over [0, n). */
long be_tab_count(be_tab_t *t, be_what_t what);
/* Latencies (ms) from t_sent to what for seqs [from, n) seen on both ends,
 * sorted ascending, into *out (malloc'd; caller frees); returns the count. */
long be_tab_lat(be_tab_t *t, be_what_t what, long from, double **out);
/* Nearest-rank percentile of sorted v. */
double be_pct(const double *v, long n, double p);

/* Fake generic webhook on 127.0.0.1 (libmicrohttpd, a free port): answers
 * 200 and stamps BE_NOTE from the body's notification.message_id. */
typedef struct be_hook_s be_hook_t;
be_hook_t *be_hook_start(be_tab_t *t);
/* "http://127.0.0.1:<port>/hook" (owned). */
const char *be_hook_url(const be_hook_t *h);
void be_hook_stop(be_hook_t *h);

#endif
