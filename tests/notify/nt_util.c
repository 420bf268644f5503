/* nt_util.c: see nt_util.h. */
#include "nt_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

static void set(co_conf_t *c, const char *name, const char *value) {
  char err[256];
  if (co_conf_set(c, name, value, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf %s: %s", name, err);
}

co_conf_t *nt_conf(fh_t *fh, const char *wa_token, const char *const *extra) {
  char buf[512];
  co_conf_t *c = co_conf_new();
  assert_non_null(c);
  snprintf(buf, sizeof(buf), "%s/slack/%s", fh_base(fh), NT_SLACK_SECRET);
  set(c, "slack.webhook.url", buf);
  snprintf(buf, sizeof(buf), "%s/wa/v19.0", fh_base(fh));
  set(c, "whatsapp.url", buf);
  set(c, "whatsapp.token", wa_token);
  set(c, "whatsapp.phone.id", NT_PHONE);
  set(c, "whatsapp.to", NT_TO);
  snprintf(buf, sizeof(buf), "%s/hook", fh_base(fh));
  set(c, "webhook.url", buf);
  set(c, "webhook.secret", NT_HMAC_KEY);
  set(c, "notify.backoff.ms", "10");
  for (int i = 0; extra && extra[i]; i++) {
    char name[128];
    const char *eq = strchr(extra[i], '=');
    assert_non_null(eq);
    snprintf(name, sizeof(name), "%.*s", (int)(eq - extra[i]), extra[i]);
    set(c, name, eq + 1);
  }
  return c;
}

json_t *nt_note(const char *message_id) {
  json_t *n = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "account", "me", "kind", "interview",
                        "company", "Orchard Labs", "role", "Backend Engineer", "summary",
                        "Orchard Labs invites you to a phone screen.", "subject", "Phone screen: Backend Engineer",
                        "message_id", message_id, "interview_at", "2026-03-12T15:00:00", "application",
                        "me\x1forchard labs\x1f"
                        "backend engineer");
  assert_non_null(n);
  return n;
}
