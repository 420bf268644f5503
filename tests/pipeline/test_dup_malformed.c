/* pipeline_duplicates_and_malformed: an exact duplicate (same Message-ID,
 * same bytes) is classified once and counted once in its application; a
 * message that is not mail and a record that is not JSON both land in the
 * DLQ with their cause; the messages after them are still processed. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_th.h"
#include "pl_tu.h"

static const char mbox[] =
    "From careers@fjordline.example Mon Mar  3 14:00:00 2025\n"
    "From: Fjordline Careers <careers@fjordline.example>\n"
    "To: Sam Lee <sam@example.net>\n"
    "Subject: Thank you for applying to Fjordline\n"
    "Date: Mon, 03 Mar 2025 09:00:00 -0500\n"
    "Message-ID: <conf-1@fjordline.example>\n"
    "\n"
    "Hi Sam,\n\nThank you for applying to Fjordline. We have received your application for the QA Engineer\n"
    "position and will review it carefully.\n\nThe Fjordline Recruiting Team\n"
    "\n"
    "From careers@fjordline.example Mon Mar  3 14:00:00 2025\n"
    "From: Fjordline Careers <careers@fjordline.example>\n"
    "To: Sam Lee <sam@example.net>\n"
    "Subject: Thank you for applying to Fjordline\n"
    "Date: Mon, 03 Mar 2025 09:00:00 -0500\n"
    "Message-ID: <conf-1@fjordline.example>\n"
    "\n"
    "Hi Sam,\n\nThank you for applying to Fjordline. We have received your application for the QA Engineer\n"
    "position and will review it carefully.\n\nThe Fjordline Recruiting Team\n"
    "\n"
    "From MAILER-DAEMON Mon Mar  3 15:00:00 2025\n"
    "just some text that lost its headers\n\nnothing here is a header field\n"
    "\n"
    "From ana@fjordline.example Tue Mar 11 14:00:00 2025\n"
    "From: Ana Ruiz <ana@fjordline.example>\n"
    "To: Sam Lee <sam@example.net>\n"
    "Subject: Interview invitation: QA Engineer at Fjordline\n"
    "Date: Tue, 11 Mar 2025 09:00:00 -0500\n"
    "Message-ID: <inv-1@fjordline.example>\n"
    "\n"
    "Hi Sam,\n\nThanks for applying to Fjordline. I'd love to schedule a 30-minute phone interview about the\n"
    "QA Engineer role. Would Thursday, March 13 at 2:00 PM ET work for a call?\n\nBest,\nAna Ruiz\n"
    "Senior Recruiter, Fjordline\n";

typedef struct dlq_s {
  int n;
  int not_mail, not_json;
} dlq_t;

static int dlq_cb(const co_record_t *rec, void *opaque) {
  dlq_t *d = opaque;
  for (int i = 0; i < rec->hdr_cnt; i++) {
    if (strcmp(rec->hdrs[i].name, "co.dlq.error.message")) continue;
    char msg[512];
    snprintf(msg, sizeof(msg), "%.*s", (int)rec->hdrs[i].len, (const char *)rec->hdrs[i].value);
    printf("dlq: %s\n", msg);
    d->n++;
    d->not_mail += strstr(msg, "not a mail message") != NULL;
    d->not_json += strstr(msg, "not a JSON event") != NULL;
  }
  return 0;
}

static void test_dup_malformed(void **state) {
  (void)state;
  char err[512], path[4096];
  char *dir = co_th_tmpdir("pl-dup");
  snprintf(path, sizeof(path), "%s/inbox.mbox", dir);
  assert_int_equal(co_th_write_file(path, mbox, sizeof(mbox) - 1), 0);
  co_conf_t *conf = pl_conf(dir);
  co_pipeline_t *p = co_pipeline_new(conf, err, sizeof(err));
  if (!p) fail_msg("pipeline: %s", err);
  /* a record that is not JSON, ahead of the mbox in the same partition */
  co_rt_msg_t junk = {"sam", 3, "{not json", 9, NULL, 0, NULL};
  assert_int_equal(co_rt_append(co_pipeline_rt(p), co_conf_str(conf, "topic.raw"), &junk, 1, NULL, 0, err, sizeof(err)),
                   CO_OK);
  co_pipeline_import_stats_t st;
  if (co_pipeline_import_mbox(p, path, "sam", &st, err, sizeof(err))) fail_msg("import: %s", err);
  assert_int_equal(st.appended, 4);
  assert_int_equal(st.malformed, 1);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("run: %s", err);

  co_pipeline_counts_t c;
  assert_int_equal(co_pipeline_counts(p, &c, err, sizeof(err)), CO_OK);
  printf("classified %lld, dlq %lld, notifications %lld\n", (long long)c.classified, (long long)c.dlq,
         (long long)c.notifications);
  assert_int_equal(c.classified, 2); /* confirmation once, interview after the malformed entry */
  assert_int_equal(c.dlq, 2);
  assert_int_equal(c.notifications, 1);
  dlq_t d = {0};
  for (int part = 0; part < co_rt_partitions(co_pipeline_rt(p)); part++)
    co_rt_read(co_pipeline_rt(p), co_conf_str(conf, "topic.dlq"), part, 0, dlq_cb, &d);
  assert_int_equal(d.n, 2);
  assert_int_equal(d.not_mail, 1);
  assert_int_equal(d.not_json, 1);

  pl_apps_t apps;
  pl_apps(p, "sam", &apps);
  assert_int_equal(apps.n, 1);
  printf("application: %s / %s %s, %ld emails\n", apps.a[0].company, apps.a[0].role, apps.a[0].stage, apps.a[0].emails);
  assert_string_equal(apps.a[0].company, "Fjordline");
  assert_string_equal(apps.a[0].stage, "INTERVIEW");
  assert_int_equal(apps.a[0].emails, 2); /* the duplicate is not counted */

  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_dup_malformed)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
