/* cli_tu.h: helpers for black-box tests of the `careerops` binary: run it,
 * generate mailboxes, count what landed in the embedded log. */
#ifndef CLI_TU_H
#define CLI_TU_H

#include <stddef.h>
#include <stdint.h>

/* Path of the built careerops binary (static buffer). */
const char *cli_tu_bin(void);

/* Runs `careerops <args>` (args shell-quoted by the caller) with stderr
 * merged into stdout when merge != 0; *out receives stdout (caller frees). */
int cli_tu_run(const char *args, int merge, char **out);

/* Writes an mbox of n generated job-search messages (mixed plain, HTML and
 * multipart, some with "From " in the body, quoted mboxrd-style). The
 * message with index garbage_at (-1: none) is binary junk with no header
 * block. Returns 0 on success. */
int cli_tu_write_mbox(const char *path, int n, int garbage_at);

/* Number of committed records of topic (all topic.partitions partitions) in
 * the embedded log under state_dir, or -1 if it cannot be opened. */
long cli_tu_count(const char *state_dir, const char *topic);

/* Number of distinct values (by XXH64) among the records of topic: equals
 * cli_tu_count when nothing was written twice. */
long cli_tu_distinct(const char *state_dir, const char *topic);

/* Parses "imported=N skipped=N failed=N" from import's stdout; 0 on success. */
int cli_tu_summary(const char *out, long *imported, long *skipped, long *failed);

#endif
