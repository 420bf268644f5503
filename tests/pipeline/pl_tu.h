/* pl_tu.h: helpers shared by the pipeline tests: a configuration on a
 * fresh state dir, the sample inbox path, an application snapshot. */
#ifndef PL_TU_H
#define PL_TU_H

#include <stddef.h>

#include "co_conf.h"
#include "co_pipeline.h"

/* An mbox of three messages to Sam: Fjordline confirmation
 * (<conf-1@fjordline.example>), Fjordline interview invitation
 * (<inv-1@fjordline.example>) and Tallpine rejection
 * (<rej-1@tallpine.example>); ends with a newline, so a test may append
 * more messages ("\n" "From ..."). A macro so it concatenates at compile time. */
#define PL_MBOX_THREE_APPS                                                                                        \
  "From careers@fjordline.example Mon Mar  3 14:00:00 2025\n"                                                     \
  "From: Fjordline Careers <careers@fjordline.example>\n"                                                         \
  "Subject: Thank you for applying to Fjordline\n"                                                                \
  "Date: Mon, 03 Mar 2025 09:00:00 -0500\n"                                                                       \
  "Message-ID: <conf-1@fjordline.example>\n"                                                                      \
  "\n"                                                                                                            \
  "Hi Sam,\n\nThank you for applying to Fjordline. We have received your application for the QA Engineer\n"       \
  "position and will review it carefully.\n\nThe Fjordline Recruiting Team\n"                                     \
  "\n"                                                                                                            \
  "From ana@fjordline.example Tue Mar 11 14:00:00 2025\n"                                                         \
  "From: Ana Ruiz <ana@fjordline.example>\n"                                                                      \
  "Subject: Interview invitation: QA Engineer at Fjordline\n"                                                     \
  "Date: Tue, 11 Mar 2025 09:00:00 -0500\n"                                                                       \
  "Message-ID: <inv-1@fjordline.example>\n"                                                                       \
  "\n"                                                                                                            \
  "Hi Sam,\n\nI'd love to schedule a 30-minute phone interview about the QA Engineer role.\n"                     \
  "Would Thursday, March 13 at 2:00 PM ET work for a call?\n\nBest,\nAna Ruiz\nSenior Recruiter, Fjordline\n"     \
  "\n"                                                                                                            \
  "From no-reply@tallpine.example Wed Mar 12 14:00:00 2025\n"                                                     \
  "From: Tallpine Talent <no-reply@tallpine.example>\n"                                                           \
  "Subject: Your application to Tallpine\n"                                                                       \
  "Date: Wed, 12 Mar 2025 10:00:00 -0500\n"                                                                       \
  "Message-ID: <rej-1@tallpine.example>\n"                                                                        \
  "\n"                                                                                                            \
  "Dear Sam,\n\nThank you for your interest in the Data Analyst role at Tallpine. After careful review we have\n" \
  "decided not to move forward with your application at this time.\n\nTallpine Talent Team\n"

/* Embedded-mode configuration with state.dir = dir (caller destroys). */
co_conf_t *pl_conf(const char *dir);
/* $CO_SOURCE_DIR/data/sample/<file> (static buffer). */
const char *pl_sample(const char *file);
/* $CO_SOURCE_DIR/data/<dir>/<file> (static buffer, shared with pl_sample). */
const char *pl_data(const char *dir, const char *file);
/* A pipeline on conf that has imported mbox for the default account
 * (asserting it appended that many records) and run until idle; fails the
 * test on any error. Caller destroys it. */
co_pipeline_t *pl_import_run(const co_conf_t *conf, const char *mbox, long long appended);

typedef struct pl_app_s {
  char company[128], role[128], stage[16];
  long emails;
} pl_app_t;
typedef struct pl_apps_s {
  pl_app_t a[64];
  int n;
} pl_apps_t;
/* Snapshot of every application of account. */
void pl_apps(co_pipeline_t *p, const char *account, pl_apps_t *out);
/* Index of company (case-insensitive) in apps, or -1. */
int pl_apps_find(const pl_apps_t *apps, const char *company);

/* Runs `careerops run --once -X state.dir=DIR EXTRA`; returns the exit
 * status, *out its stdout and *err_out its stderr (malloc'd, caller frees). */
int pl_run_once(const char *dir, const char *extra, char **out, char **err_out);

/* Embedded-mode configuration with state.dir = dir and the IMAP source
 * imap.url = url, user / password (caller destroys). */
co_conf_t *pl_conf_imap(const char *dir, const char *url, const char *user, const char *password);
/* Records committed to topic.raw (every partition) into *total, and how
 * many distinct dedupe keys they carry into *distinct. */
void pl_raw_count(co_pipeline_t *p, const co_conf_t *conf, long *total, long *distinct);
/* Committed classified events. */
long pl_classified(co_pipeline_t *p);
/* Appends every committed record of topic in from's log to to's (embedded
 * mode: what a full reprocess into a new state dir reads); aborts on error.
 * Returns the number copied. */
long pl_copy_topic(co_pipeline_t *from, co_pipeline_t *to, const char *topic);

#endif
