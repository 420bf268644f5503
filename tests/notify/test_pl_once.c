/* Proves, through the embedded pipeline, that every interview/offer
 * notification the classify processor emits for the sample inbox reaches
 * each enabled channel exactly once (per Idempotency-Key), and that a
 * restart on the same state.dir (destroy + new pipeline, re-import of the
 * same mbox, then a new mbox) sends nothing twice: only the new events go
 * out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "co_th.h"
#include "nt_pipe.h"
#include "nt_util.h"

static const char *const routes[CO_NOTIFY__CH_CNT] = {"slack", "wa", "hook"};

/* Every key of every channel was answered 2xx exactly once; returns the
 * number of notifications. */
static int check_once(fh_t *fh, co_pipeline_t *p, const co_conf_t *conf) {
  int n0 = -1;
  for (int ch = 0; ch < CO_NOTIFY__CH_CNT; ch++) {
    char(*keys)[65] = NULL;
    int n = nt_pipe_keys(p, conf, ch, &keys);
    for (int i = 0; i < n; i++)
      if (fh_ok_count_key(fh, routes[ch], keys[i]) != 1)
        fail_msg("%s key %d delivered %d times", routes[ch], i, fh_ok_count_key(fh, routes[ch], keys[i]));
    assert_int_equal(fh_count(fh, routes[ch]), n); /* no other request at all */
    if (n0 >= 0) assert_int_equal(n, n0);
    n0 = n;
    free(keys);
  }
  return n0;
}

static void notify_pipeline_delivers_each_once_across_restart(void **state) {
  (void)state;
  char err[256];
  char *dir = co_th_tmpdir("notify-pl-once"), sd[4096];
  snprintf(sd, sizeof(sd), "%s/state", dir);
  fh_t *fh = fh_start(NT_HMAC_KEY);
  fh_set_wa_token(fh, NT_WA_TOKEN);
  co_conf_t *conf = nt_pipe_conf(fh, sd, "slack,whatsapp,webhook", NT_WA_TOKEN, NULL);

  co_pipeline_t *p = nt_pipe_open(conf);
  nt_pipe_import_run(p, nt_sample_mbox());
  co_pipeline_counts_t c;
  assert_int_equal(co_pipeline_counts(p, &c, err, sizeof(err)), CO_OK);
  int n = check_once(fh, p, conf);
  printf("sample inbox: %lld notifications, %d distinct events, each delivered once per channel\n",
         (long long)c.notifications, n);
  assert_true(n >= 10);       /* ten company journeys, most with an interview */
  assert_int_equal(c.dlq, 1); /* the sample's one entry without headers; nothing from notify */
  for (int i = 0; i < fh_count(fh, "hook"); i++) {
    fh_req_t q;
    assert_int_equal(fh_get(fh, "hook", i, &q), 0);
    assert_true(q.sig_ok);
    free(q.body);
  }
  char *health = NULL;
  assert_int_equal(co_pipeline_notify_health(p, &health), CO_OK);
  printf("health: %s\n", health);
  free(health);
  co_pipeline_destroy(p);

  /* restart: same mbox again (skipped by its cursor), then nothing new */
  int before = fh_count(fh, "");
  p = nt_pipe_open(conf);
  nt_pipe_import_run(p, nt_sample_mbox());
  assert_int_equal(fh_count(fh, ""), before);
  /* a new mbox: only its events go out */
  char *mb = nt_write_mbox(dir, "new.mbox", 1, 3);
  nt_pipe_import_run(p, mb);
  int n2 = check_once(fh, p, conf);
  printf("after restart + 3 new invitations: %d events\n", n2);
  assert_true(n2 > n);
  assert_int_equal(fh_count(fh, ""), before + 3 * (n2 - n));
  co_pipeline_destroy(p);

  free(mb);
  co_conf_destroy(conf);
  fh_stop(fh);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_pipeline_delivers_each_once_across_restart)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
