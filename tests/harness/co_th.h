/* co_th.h: test harness basics shared by every CareerOps test: temp dirs,
 * free ports, child processes that die with the test, condition waits.
 * Tests wait on conditions, never on fixed sleeps. */
#ifndef CO_TH_H
#define CO_TH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Creates a fresh directory under $CO_TEST_TMPDIR (or /tmp) named
 * <name>-XXXXXX. Returns a malloc'd path (caller frees) or NULL. */
char *co_th_tmpdir(const char *name);

/* Removes a directory tree (rm -rf). */
void co_th_rm_rf(const char *path);

/* A TCP port on 127.0.0.1 that was free a moment ago. */
int co_th_free_port(void);

/* Monotonic milliseconds. */
int64_t co_th_now_ms(void);

/* Starts argv[0] (PATH lookup) with stdout+stderr appended to log_path (or
 * inherited if NULL) and the environment plus env ("K=V" list, NULL-ended, may
 * be NULL). The child is killed by the kernel if the test process dies, so a
 * failing test leaves no orphans. Returns the pid, or -1 with errstr set. */
pid_t co_th_spawn(char *const argv[], char *const env[], const char *log_path, char *errstr, size_t errstr_size);

/* Sends sig to pid and reaps it; waits at most timeout_ms, then SIGKILLs. */
void co_th_kill(pid_t pid, int sig, int timeout_ms);

/* Runs a shell command; returns its exit status (or -1). If out is non-NULL
 * it receives the malloc'd stdout (caller frees). */
int co_th_sh(const char *cmd, char **out);

/* 1 if the file contains needle. */
int co_th_file_contains(const char *path, const char *needle);

/* Reads a whole file into a malloc'd, NUL-terminated buffer (caller frees). */
char *co_th_read_file(const char *path, size_t *lenp);
/* s as URL-safe base64 without padding, the API's ids of application keys
 * and Message-IDs (written here, not borrowed from the code under test).
 * Caller frees. */
char *co_th_b64url(const char *s);

/* Runs the data generator tools/<script> (python3, output file as its one
 * argument) and compares its output with the committed data/<data_rel>
 * byte for byte: 0 when equal, else -1 with why filled (the generator fails,
 * or where the two differ). Proves a committed data set is what its
 * generator writes, so nobody hand-edits generated rows. */
int co_th_generator_reproduces(const char *script, const char *data_rel, char *why, size_t why_size);

/* Writes len bytes to path (truncating). 0 on success. */
int co_th_write_file(const char *path, const void *data, size_t len);

/* Polls expr every 20 ms (up to 200 ms as it backs off) until it is true or
 * timeout_ms passes; evaluates to 1 if it became true. */
#define CO_TH_WAIT_UNTIL(expr, timeout_ms)                                      \
  ({                                                                            \
    int64_t _deadline = co_th_now_ms() + (timeout_ms);                          \
    int _ok = 0, _delay = 20;                                                   \
    while (!(_ok = !!(expr)) && co_th_now_ms() < _deadline) {                  \
      co_th_sleep_ms(_delay);                                                   \
      if (_delay < 200) _delay *= 2;                                            \
    }                                                                           \
    _ok;                                                                        \
  })
void co_th_sleep_ms(int ms);

#endif
