/* Proves no secret (WhatsApp tokens old and new, the Slack webhook path,
 * the HMAC key) reaches a log line, an errstr or the health JSON, on every
 * path that logs: success, 5xx retries, 401 pause, 400, refused connection,
 * resume. The logger's secret mask is cleared first, so this checks what
 * the code prints, not what the mask hides; a marker line proves the log
 * was captured. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_notify.h"
#include "co_th.h"
#include "nt_util.h"

static const char *const secrets[] = {
    NT_SLACK_SECRET, "slackPathSecret9f3k2", NT_WA_TOKEN, NT_WA_BAD_TOKEN, NT_HMAC_KEY, NULL};

static void no_secret_in(const char *what, const char *text) {
  for (int i = 0; secrets[i]; i++)
    if (strstr(text, secrets[i])) fail_msg("%s contains secret #%d: %s", what, i, text);
}

static void notify_secrets_absent_from_logs(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("notify-secrets"), path[4096], err[512];
  snprintf(path, sizeof(path), "%s/log.txt", dir);
  FILE *logf = fopen(path, "w");
  assert_non_null(logf);
  co_log_setup(CO_LOG_DEBUG, CO_LOG_FMT_JSON, "all", logf);
  co_log_clear_secrets();

  fh_t *fh = fh_start(NT_HMAC_KEY);
  co_conf_t *conf = nt_conf(fh, NT_WA_BAD_TOKEN, (const char *const[]){"notify.retry.max=3", NULL});
  co_notify_t *n = co_notify_new(conf, err, sizeof(err));
  if (!n) fail_msg("%s", err);
  json_t *note = nt_note("<s@x>");
  char key[65];
  for (int ch = 0; ch < CO_NOTIFY__CH_CNT; ch++) {
    co_notify_idem_key(note, ch, key);
    for (int i = 0; i < 2; i++) fh_script(fh, ch == 0 ? "slack" : ch == 1 ? "wa" : "hook", 500, -1);
    err[0] = '\0';
    co_notify_send(n, ch, note, key, NULL, err, sizeof(err));
    no_secret_in("errstr", err);
    fh_script(fh, ch == 0 ? "slack" : ch == 1 ? "wa" : "hook", 400, -1);
    err[0] = '\0';
    co_notify_send(n, ch, note, key, NULL, err, sizeof(err));
    no_secret_in("errstr", err);
  }
  fh_set_wa_token(fh, NT_WA_TOKEN); /* from now on the configured token is expired */
  co_notify_idem_key(note, CO_NOTIFY_WHATSAPP, key);
  assert_int_equal(co_notify_send(n, CO_NOTIFY_WHATSAPP, note, key, NULL, err, sizeof(err)), CO_NOTIFY_AUTH);
  no_secret_in("errstr", err);
  json_t *h = NULL;
  assert_int_equal(co_notify_health(n, &h), CO_OK);
  char *hs = json_dumps(h, 0);
  no_secret_in("health", hs);
  free(hs);
  json_decref(h);
  co_log_clear_secrets(); /* resume registers the new token; forget it again */
  co_notify_resume(n, CO_NOTIFY_WHATSAPP, NT_WA_TOKEN);
  co_log_clear_secrets();
  assert_int_equal(co_notify_send(n, CO_NOTIFY_WHATSAPP, note, key, NULL, err, sizeof(err)), CO_NOTIFY_OK);
  co_notify_destroy(n);
  co_conf_destroy(conf);

  /* refused connection on every channel */
  char s[256], w[256], k[256];
  int port = co_th_free_port();
  snprintf(s, sizeof(s), "slack.webhook.url=http://127.0.0.1:%d/slack/%s", port, NT_SLACK_SECRET);
  snprintf(w, sizeof(w), "whatsapp.url=http://127.0.0.1:%d/wa", port);
  snprintf(k, sizeof(k), "webhook.url=http://127.0.0.1:%d/hook", port);
  conf = nt_conf(fh, NT_WA_TOKEN, (const char *const[]){"notify.retry.max=2", s, w, k, NULL});
  n = co_notify_new(conf, err, sizeof(err));
  assert_non_null(n);
  for (int ch = 0; ch < CO_NOTIFY__CH_CNT; ch++) {
    co_notify_idem_key(note, ch, key);
    assert_int_equal(co_notify_send(n, ch, note, key, NULL, err, sizeof(err)), CO_NOTIFY_RETRYABLE);
    no_secret_in("errstr", err);
  }
  co_notify_destroy(n);
  co_conf_destroy(conf);
  json_decref(note);
  fh_stop(fh);

  co_log_setup(CO_LOG_INFO, CO_LOG_FMT_AUTO, NULL, NULL);
  fclose(logf);
  char *log = co_th_read_file(path, NULL);
  assert_non_null(log);
  printf("captured %zu bytes of log\n", strlen(log));
  assert_non_null(strstr(log, "credentials rejected")); /* the log was captured */
  assert_non_null(strstr(log, "retrying"));
  no_secret_in("log", log);
  free(log);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(notify_secrets_absent_from_logs)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
