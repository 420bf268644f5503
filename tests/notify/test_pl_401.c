/* Proves, through the embedded pipeline, that an expired WhatsApp token
 * loses nothing: the first 401 pauses WhatsApp (health degraded, one
 * request only), every later notification is kept in notify_pending while
 * Slack and the webhook go on; after co_pipeline_notify_resume with the new
 * token the next notification flushes all kept ones, each delivered once.
 * Then the token expires again, and a restart with the new token in the
 * settings (destroy + new pipeline on the same state.dir) delivers the
 * kept message with no new notification at all (the punctuator at start);
 * a third expiry is fixed by co_pipeline_notify_resume alone, again with
 * no new notification (the punctuator's next interval). Nothing is
 * dead-lettered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_rt.h"
#include "co_th.h"
#include "nt_pipe.h"
#include "nt_util.h"

#define NEWER_TOKEN "EAAGwaTokenNewer3z8m1"
#define NEWEST_TOKEN "EAAGwaTokenNewest5q2w7"

static int all_once(fh_t *fh, co_pipeline_t *p, const co_conf_t *conf, co_notify_ch_t ch, const char *route) {
  char(*keys)[65] = NULL;
  int n = nt_pipe_keys(p, conf, ch, &keys);
  for (int i = 0; i < n; i++)
    if (fh_ok_count_key(fh, route, keys[i]) != 1)
      fail_msg("%s key %d delivered %d times", route, i, fh_ok_count_key(fh, route, keys[i]));
  free(keys);
  return n;
}

/* The account's kept-message count for WhatsApp ("" when none). */
static const char *kept_count(co_pipeline_t *p) {
  static char buf[24];
  co_rt_t *rt = co_pipeline_rt(p);
  void *v = NULL;
  size_t vl;
  buf[0] = '\0';
  if (co_rt_store_get(rt, "notify_pending", co_rt_partition_for("me", 2, co_rt_partitions(rt)), "\x1ewhatsapp", 9, &v,
                      &vl) == CO_OK)
    snprintf(buf, sizeof(buf), "%.*s", (int)vl, (const char *)v);
  free(v);
  return buf;
}

static int wa_delivered(fh_t *fh, co_pipeline_t *p, const co_conf_t *conf) {
  char(*keys)[65] = NULL;
  int n = nt_pipe_keys(p, conf, CO_NOTIFY_WHATSAPP, &keys), d = 0;
  for (int i = 0; i < n; i++) d += fh_ok_count_key(fh, "wa", keys[i]) > 0;
  free(keys);
  return d;
}

static void notify_pipeline_401_keeps_messages_until_resumed(void **state) {
  (void)state;
  char err[256], *health = NULL;
  char *dir = co_th_tmpdir("notify-pl-401"), sd[4096];
  snprintf(sd, sizeof(sd), "%s/state", dir);
  fh_t *fh = fh_start(NT_HMAC_KEY);
  fh_set_wa_token(fh, NT_WA_TOKEN);
  co_conf_t *conf = nt_pipe_conf(fh, sd, "slack,whatsapp,webhook", NT_WA_BAD_TOKEN, NULL);
  co_pipeline_t *p = nt_pipe_open(conf);
  nt_pipe_import_run(p, nt_sample_mbox());

  int n = all_once(fh, p, conf, CO_NOTIFY_SLACK, "slack");
  assert_int_equal(all_once(fh, p, conf, CO_NOTIFY_WEBHOOK, "hook"), n);
  assert_int_equal(fh_count(fh, "wa"), 1); /* one 401, then paused: no more requests */
  assert_int_equal(wa_delivered(fh, p, conf), 0);
  assert_int_equal(co_pipeline_notify_health(p, &health), CO_OK);
  printf("paused: %s\n", health);
  assert_non_null(strstr(health, "\"status\":\"degraded\""));
  assert_non_null(strstr(health, "\"state\":\"paused\""));
  assert_null(strstr(health, NT_WA_BAD_TOKEN));
  free(health);
  char kept[24];
  snprintf(kept, sizeof(kept), "%d", n);
  assert_string_equal(kept_count(p), kept); /* every one of them kept */

  /* resume with the good token; the next notification flushes the kept ones */
  assert_int_equal(co_pipeline_notify_resume(p, "whatsapp", NT_WA_TOKEN, err, sizeof(err)), CO_OK);
  assert_int_equal(co_pipeline_notify_resume(p, "telegram", NULL, err, sizeof(err)), CO_ERR_INVALID_ARG);
  char *mb1 = nt_write_mbox(dir, "one.mbox", 1, 1);
  nt_pipe_import_run(p, mb1);
  int n1 = all_once(fh, p, conf, CO_NOTIFY_WHATSAPP, "wa");
  assert_int_equal(n1, n + 1);
  assert_int_equal(wa_delivered(fh, p, conf), n1);
  assert_int_equal(all_once(fh, p, conf, CO_NOTIFY_SLACK, "slack"), n1);
  assert_int_equal(co_pipeline_notify_health(p, &health), CO_OK);
  assert_non_null(strstr(health, "\"status\":\"ok\""));
  free(health);

  /* the token expires again: the next one is kept */
  fh_set_wa_token(fh, NEWER_TOKEN);
  char *mb2 = nt_write_mbox(dir, "two.mbox", 2, 1);
  nt_pipe_import_run(p, mb2);
  assert_int_equal(wa_delivered(fh, p, conf), n1);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);

  /* restart with the new token in the settings: delivered without a new notification */
  conf = nt_pipe_conf(fh, sd, "slack,whatsapp,webhook", NEWER_TOKEN,
                      (const char *const[]){"notify.pending.interval.ms=100", NULL});
  p = nt_pipe_open(conf);
  nt_pipe_import_run(p, NULL);
  assert_int_equal(all_once(fh, p, conf, CO_NOTIFY_WHATSAPP, "wa"), n1 + 1);
  assert_int_equal(wa_delivered(fh, p, conf), n1 + 1);

  /* expires again; resume alone (no new notification) delivers the kept one */
  fh_set_wa_token(fh, NEWEST_TOKEN);
  char *mb3 = nt_write_mbox(dir, "three.mbox", 3, 1);
  nt_pipe_import_run(p, mb3);
  assert_int_equal(wa_delivered(fh, p, conf), n1 + 1);
  assert_int_equal(co_pipeline_notify_resume(p, "whatsapp", NEWEST_TOKEN, err, sizeof(err)), CO_OK);
  assert_true(CO_TH_WAIT_UNTIL((nt_pipe_import_run(p, NULL), wa_delivered(fh, p, conf) == n1 + 2), 10000));
  int n3 = all_once(fh, p, conf, CO_NOTIFY_WHATSAPP, "wa");
  assert_int_equal(n3, n1 + 2);
  assert_int_equal(all_once(fh, p, conf, CO_NOTIFY_WEBHOOK, "hook"), n3);
  co_pipeline_counts_t c;
  assert_int_equal(co_pipeline_counts(p, &c, err, sizeof(err)), CO_OK);
  assert_int_equal(c.dlq, 1);             /* the sample's header-less entry only */
  assert_string_equal(kept_count(p), ""); /* nothing kept any more */
  printf("whatsapp: %d delivered after three expiries, none lost, none twice\n", n3);
  co_pipeline_destroy(p);

  free(mb1);
  free(mb2);
  free(mb3);
  co_conf_destroy(conf);
  fh_stop(fh);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_pipeline_401_keeps_messages_until_resumed)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
