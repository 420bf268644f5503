/* Proves, through the embedded pipeline, how failed deliveries reach the
 * DLQ without disturbing the other channels:
 *  - a 400 from the webhook dead-letters that channel only (class
 *    "permanent", header co.notify.channel=webhook) while Slack delivers;
 *    `dlq replay` then retries the webhook alone: delivered once, Slack
 *    not sent again;
 *  - a webhook answering 500 through every runtime attempt: the first
 *    attempt's Slack delivery is rolled back with the record, yet the
 *    journal keeps Slack from being sent again on the second attempt; on
 *    the last attempt the webhook alone is dead-lettered
 *    ("retries_exhausted"). */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_dlq.h"
#include "co_th.h"
#include "nt_pipe.h"
#include "nt_util.h"

typedef struct {
  int n;
  char cls[8][32], channel[8][16];
} dlq_t;

static int on_dlq(const co_dlq_entry_t *e, void *opaque) {
  dlq_t *d = opaque;
  if (d->n >= 8 || strcmp(e->processor ? e->processor : "", "notify")) return 0;
  snprintf(d->cls[d->n], sizeof(d->cls[0]), "%s", e->error_class ? e->error_class : "");
  json_t *v = json_loadb(e->value, e->value_len, 0, NULL);
  assert_non_null(v); /* the notification itself, replayable */
  assert_string_equal(json_string_value(json_object_get(v, "kind")), "interview");
  json_decref(v);
  d->n++;
  return 0;
}

static void keys_of(co_pipeline_t *p, const co_conf_t *conf, co_notify_ch_t ch, int i, char out[65]) {
  char(*keys)[65] = NULL;
  int n = nt_pipe_keys(p, conf, ch, &keys);
  assert_true(i < n);
  memcpy(out, keys[i], 65);
  free(keys);
}

static void notify_pipeline_failed_channel_alone_goes_to_dlq(void **state) {
  (void)state;
  char err[512], slack0[65], hook0[65], slack1[65], hook1[65];
  char *dir = co_th_tmpdir("notify-pl-dlq"), sd[4096];
  snprintf(sd, sizeof(sd), "%s/state", dir);
  fh_t *fh = fh_start(NT_HMAC_KEY);
  co_conf_t *conf =
      nt_pipe_conf(fh, sd, "slack,webhook", NT_WA_TOKEN,
                   (const char *const[]){"notify.retry.max=2", "dlq.max.attempts=2", "retry.backoff.ms=1", NULL});
  co_pipeline_t *p = nt_pipe_open(conf);

  fh_script(fh, "hook", 400, -1);
  char *mb = nt_write_mbox(dir, "a.mbox", 1, 1);
  nt_pipe_import_run(p, mb);
  keys_of(p, conf, CO_NOTIFY_SLACK, 0, slack0);
  keys_of(p, conf, CO_NOTIFY_WEBHOOK, 0, hook0);
  assert_int_equal(fh_ok_count_key(fh, "slack", slack0), 1);
  assert_int_equal(fh_count_key(fh, "hook", hook0), 1);
  assert_int_equal(fh_ok_count_key(fh, "hook", hook0), 0);
  co_pipeline_destroy(p);

  dlq_t d = {0};
  assert_int_equal(co_dlq_foreach(conf, "processor=notify", on_dlq, &d, err, sizeof(err)), CO_OK);
  assert_int_equal(d.n, 1);
  assert_string_equal(d.cls[0], "permanent");

  int cnt = 0;
  assert_int_equal(co_dlq_replay(conf, "processor=notify", &cnt, err, sizeof(err)), CO_OK);
  assert_int_equal(cnt, 1);
  p = nt_pipe_open(conf);
  nt_pipe_import_run(p, NULL);
  assert_int_equal(fh_ok_count_key(fh, "hook", hook0), 1);   /* replayed: delivered */
  assert_int_equal(fh_ok_count_key(fh, "slack", slack0), 1); /* not sent again */

  /* webhook down through both runtime attempts (2 HTTP tries each) */
  for (int i = 0; i < 4; i++) fh_script(fh, "hook", 500, -1);
  char *mb2 = nt_write_mbox(dir, "b.mbox", 2, 1);
  nt_pipe_import_run(p, mb2);
  keys_of(p, conf, CO_NOTIFY_SLACK, 1, slack1);
  keys_of(p, conf, CO_NOTIFY_WEBHOOK, 1, hook1);
  printf("slack requests for the second event: %d; webhook: %d\n", fh_count_key(fh, "slack", slack1),
         fh_count_key(fh, "hook", hook1));
  assert_int_equal(fh_count_key(fh, "slack", slack1), 1);
  assert_int_equal(fh_count_key(fh, "hook", hook1), 4);
  assert_int_equal(fh_ok_count_key(fh, "hook", hook1), 0);
  co_pipeline_destroy(p);
  memset(&d, 0, sizeof(d));
  assert_int_equal(co_dlq_foreach(conf, "processor=notify", on_dlq, &d, err, sizeof(err)), CO_OK);
  assert_int_equal(d.n, 2);
  assert_string_equal(d.cls[1], "retries_exhausted");

  free(mb);
  free(mb2);
  co_conf_destroy(conf);
  fh_stop(fh);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_pipeline_failed_channel_alone_goes_to_dlq)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
