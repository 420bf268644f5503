/* co_th_imap_int.h: the body of co_th_imap_t, shared by the server half
 * (co_th_imap.c) and the mail half (co_th_imap_mail.c) of the harness. */
#ifndef CO_TH_IMAP_INT_H
#define CO_TH_IMAP_INT_H

#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "co_th_imap.h"

struct co_th_imap_s {
  char *dir;      /* temp dir holding everything below */
  char *conf;     /* generated dovecot.conf */
  char *log;      /* dovecot's log_path */
  char *out;      /* dovecot's stdout/stderr */
  char *maildir;  /* the user's Maildir (INBOX) */
  char *url;      /* imap://127.0.0.1:PORT/ */
  char *user;
  pid_t pid;      /* dovecot master, -1 once reaped */
  int port;
  uid_t uid;      /* owner of the Maildir and of delivered files */
  gid_t gid;
  int64_t startup_ms;
  int tls, tls_port;
  char *cert, *key, *dh, *tls_url; /* with tls: PEM files and imaps:// URL */
  time_t name_sec; /* last time stamp put in a Maildir file name */
  unsigned seq;    /* deliveries so far, for unique file names */
};

#endif
