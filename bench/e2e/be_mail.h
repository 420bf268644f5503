/* be_mail.h: the emails bench_e2e sends, as normalized events (the JSON
 * co_ingest_normalize makes, what topic.raw holds in both modes). */
#ifndef BE_MAIL_H
#define BE_MAIL_H

/* One interview invitation (the tests' template) with Message-ID
 * "<e2e-<tag><seq>@hiring.example>", company by seq % 8, for account.
 * Returns the malloc'd event JSON; exits on failure. */
char *be_mail_interview(char tag, long seq, const char *account);

/* The shipped sample inbox (path) replicated `replicas` times: replica r
 * has account "tp<r>" and every Message-ID suffixed ".tp<r>", so each
 * replica is a new person's whole job search. Malformed messages are
 * skipped. *events gets a malloc'd array of malloc'd JSON strings (free
 * with be_mail_free); returns the count. Exits on failure. */
long be_mail_sample(const char *path, int replicas, char ***events);
void be_mail_free(char **events, long n);

#endif
