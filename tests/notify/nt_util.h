/* nt_util.h: settings and a sample notification shared by the notifier
 * tests. All three channels point at one fake_hook server. */
#ifndef NT_UTIL_H
#define NT_UTIL_H

#include <jansson.h>

#include "co_conf.h"
#include "fake_hook.h"

/* Credentials the tests look for in logs: none may ever appear. */
#define NT_SLACK_SECRET "T0AAA/B0BBB/slackPathSecret9f3k2"
#define NT_WA_TOKEN "EAAGwaTokenGood7h2k9"
#define NT_WA_BAD_TOKEN "EAAGwaTokenExpired4x8q"
#define NT_HMAC_KEY "hmacKeyS3cr3t-5d1e"
#define NT_PHONE "10987654321"
#define NT_TO "15551234567"

/* A conf with every channel on fh (slack, whatsapp with wa_token, webhook
 * signed with NT_HMAC_KEY), backoff 10 ms, plus "name=value" extras
 * (NULL-ended, may be NULL). co_conf_finalize is not called, so secrets are
 * not masked by the logger: a leak would show. Caller destroys. */
co_conf_t *nt_conf(fh_t *fh, const char *wa_token, const char *const *extra);

/* An interview notification as the classify processor sends it (new ref). */
json_t *nt_note(const char *message_id);

#endif
