/* co_notify.c: the notifier handle: settings, the retry loop around one
 * delivery, channel pause/resume and health.
 *
 * The retry budget is in attempts (notify.retry.max) with exponential
 * backoff (notify.backoff.ms doubling, capped at notify.backoff.max.ms); a
 * 429's Retry-After replaces that attempt's delay (capped the same way), so
 * a server asking for more than the cap is retried early rather than
 * blocking the pipeline for minutes: the caller's own retry (the runtime's
 * dlq.max.attempts) takes over after the budget. AUTH pauses the channel at
 * once: retrying a rejected token only adds load and log noise. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_log.h"
#include "co_notify_int.h"

static const char *const co_notify_ch_names[CO_NOTIFY__CH_CNT] = {"slack", "whatsapp", "webhook"};

const char *co_notify_ch_name(co_notify_ch_t ch) {
  return ch >= 0 && ch < CO_NOTIFY__CH_CNT ? co_notify_ch_names[ch] : "?";
}

const char *co_notify_res_name(co_notify_res_t res) {
  switch (res) {
    case CO_NOTIFY_OK:
      return "ok";
    case CO_NOTIFY_RETRYABLE:
      return "retryable";
    case CO_NOTIFY_AUTH:
      return "auth";
    case CO_NOTIFY_PERMANENT:
      return "permanent";
    case CO_NOTIFY_PAUSED:
      return "paused";
  }
  return "?";
}

void co_notify_wipe(char *s) {
  if (!s) return;
  volatile char *v = s;
  while (*v) *v++ = '\0';
  free(s);
}

static char *dup_or_null(const char *s) {
  return s && *s ? strdup(s) : NULL;
}

co_notify_t *co_notify_new(const co_conf_t *conf, char *errstr, size_t errstr_size) {
  co_notify_t *n = calloc(1, sizeof(*n));
  if (!n) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify: out of memory");
    return NULL;
  }
  pthread_mutex_init(&n->lock, NULL);
  pthread_mutex_init(&n->send_lock, NULL);
  n->slack_url = dup_or_null(co_conf_str(conf, "slack.webhook.url"));
  n->wa_url = dup_or_null(co_conf_str(conf, "whatsapp.url"));
  n->wa_token = dup_or_null(co_conf_str(conf, "whatsapp.token"));
  n->wa_phone = dup_or_null(co_conf_str(conf, "whatsapp.phone.id"));
  n->wa_to = dup_or_null(co_conf_str(conf, "whatsapp.to"));
  n->hook_url = dup_or_null(co_conf_str(conf, "webhook.url"));
  n->hook_secret = dup_or_null(co_conf_str(conf, "webhook.secret"));
  n->tz = dup_or_null(co_conf_str(conf, "user.timezone"));
  n->public_url = dup_or_null(co_conf_str(conf, "api.public.url"));
  n->retry_max = (int)co_conf_int(conf, "notify.retry.max");
  n->backoff_ms = co_conf_int(conf, "notify.backoff.ms");
  n->backoff_max_ms = co_conf_int(conf, "notify.backoff.max.ms");
  n->timeout_ms = co_conf_int(conf, "notify.timeout.ms");
  n->chan[CO_NOTIFY_SLACK].enabled = n->slack_url != NULL;
  n->chan[CO_NOTIFY_WHATSAPP].enabled = n->wa_url && n->wa_token && n->wa_phone && n->wa_to;
  n->chan[CO_NOTIFY_WEBHOOK].enabled = n->hook_url != NULL;
  if (n->wa_token && !n->chan[CO_NOTIFY_WHATSAPP].enabled)
    CO_WARN("notify", "whatsapp.token is set but whatsapp.phone.id or whatsapp.to is empty: WhatsApp disabled");
  if (n->tz && !co_notify_zone_known(n->tz))
    CO_WARN("notify", "user.timezone '%s' is not in the system tz database: times are shown in the system's zone",
            n->tz);
  if (n->hook_url && !n->hook_secret)
    CO_WARN("notify", "webhook.url is set without webhook.secret: webhook requests are not signed");
  if (!(n->curl = curl_easy_init())) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify: cannot create a curl handle");
    goto err;
  }
  for (int c = 0; c < CO_NOTIFY__CH_CNT; c++)
    if (n->chan[c].enabled) CO_LOGKV(CO_LOG_INFO, "notify", "channel enabled", "channel", co_notify_ch_names[c]);
  return n;
err:
  co_notify_destroy(n);
  return NULL;
}

void co_notify_destroy(co_notify_t *n) {
  if (!n) return;
  if (n->curl) curl_easy_cleanup(n->curl);
  co_notify_wipe(n->slack_url);
  free(n->wa_url);
  co_notify_wipe(n->wa_token);
  free(n->wa_phone);
  free(n->wa_to);
  free(n->hook_url);
  co_notify_wipe(n->hook_secret);
  free(n->tz);
  free(n->public_url);
  pthread_mutex_destroy(&n->send_lock);
  pthread_mutex_destroy(&n->lock);
  free(n);
}

int co_notify_enabled(const co_notify_t *n, co_notify_ch_t ch) {
  return ch >= 0 && ch < CO_NOTIFY__CH_CNT && n->chan[ch].enabled;
}

int64_t co_notify_worst_ms(const co_notify_t *n) {
  /* every wait at the cap: a Retry-After may ask for it at any attempt */
  int64_t one = n->retry_max * n->timeout_ms + (n->retry_max - 1) * n->backoff_max_ms, all = 0;
  for (int ch = 0; ch < CO_NOTIFY__CH_CNT; ch++)
    if (n->chan[ch].enabled) all += one;
  return all;
}

int co_notify_paused(co_notify_t *n, co_notify_ch_t ch) {
  pthread_mutex_lock(&n->lock);
  int p = n->chan[ch].paused;
  pthread_mutex_unlock(&n->lock);
  return p;
}

static void co_notify_sleep_ms(int64_t ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) == -1)
    ;
}

co_notify_res_t co_notify_send(co_notify_t *n, co_notify_ch_t ch, const json_t *note, const char *idem_key,
                               int *attempts, char *errstr, size_t errstr_size) {
  co_notify_req_t req = {0};
  co_notify_res_t res = CO_NOTIFY_PERMANENT;
  const char *cname = co_notify_ch_name(ch);
  int tries = 0;
  if (attempts) *attempts = 0;
  if (!co_notify_enabled(n, ch)) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "notify %s: channel not configured", cname);
    return CO_NOTIFY_PERMANENT;
  }
  pthread_mutex_lock(&n->send_lock);
  pthread_mutex_lock(&n->lock);
  if (n->chan[ch].paused) {
    co_seterr(errstr, errstr_size, CO_ERR_STATE, "notify %s: channel paused (%s)", cname, n->chan[ch].reason);
    pthread_mutex_unlock(&n->lock);
    res = CO_NOTIFY_PAUSED;
    goto out;
  }
  co_err_t err = co_notify_build(n, ch, note, idem_key, &req, errstr, errstr_size);
  pthread_mutex_unlock(&n->lock);
  if (err) goto out; /* PERMANENT: the notification itself cannot be rendered */

  int64_t delay = n->backoff_ms;
  for (tries = 1;; tries++) {
    long status = 0;
    int64_t retry_after = -1;
    res = co_notify_post(n, ch, &req, idem_key, &status, &retry_after, errstr, errstr_size);
    if (res != CO_NOTIFY_RETRYABLE || tries >= n->retry_max) break;
    int64_t wait = retry_after >= 0 ? retry_after : delay;
    if (wait > n->backoff_max_ms) wait = n->backoff_max_ms;
    char att[16], ms[24];
    snprintf(att, sizeof(att), "%d", tries);
    snprintf(ms, sizeof(ms), "%lld", (long long)wait);
    CO_LOGKV(CO_LOG_WARN, "notify", "delivery failed, retrying", "channel", cname, "attempt", att, "wait_ms", ms,
             "error", errstr);
    co_notify_sleep_ms(wait);
    delay = delay * 2 > n->backoff_max_ms ? n->backoff_max_ms : delay * 2;
  }

out:
  pthread_mutex_lock(&n->lock);
  co_notify_chan_t *c = &n->chan[ch];
  if (res == CO_NOTIFY_OK) {
    c->delivered++;
  } else if (res != CO_NOTIFY_PAUSED) {
    c->failed++;
    snprintf(c->last_error, sizeof(c->last_error), "%s", errstr ? errstr : co_notify_res_name(res));
    if (res == CO_NOTIFY_AUTH) {
      c->paused = 1;
      memcpy(c->reason, c->last_error, sizeof(c->reason));
    }
  }
  pthread_mutex_unlock(&n->lock);
  if (res == CO_NOTIFY_AUTH)
    CO_LOGKV(CO_LOG_ERROR, "notify", "credentials rejected: channel paused, messages kept", "channel", cname, "error",
             errstr);
  else if (res == CO_NOTIFY_PERMANENT || res == CO_NOTIFY_RETRYABLE)
    CO_LOGKV(CO_LOG_WARN, "notify", "delivery failed", "channel", cname, "class", co_notify_res_name(res), "error",
             errstr);
  pthread_mutex_unlock(&n->send_lock);
  co_notify_req_free(&req);
  if (attempts) *attempts = tries;
  return res;
}

void co_notify_resume(co_notify_t *n, co_notify_ch_t ch, const char *new_secret) {
  if (ch < 0 || ch >= CO_NOTIFY__CH_CNT) return;
  pthread_mutex_lock(&n->lock);
  if (new_secret && *new_secret) {
    char **slot = ch == CO_NOTIFY_SLACK ? &n->slack_url : ch == CO_NOTIFY_WHATSAPP ? &n->wa_token : &n->hook_secret;
    char *dup = strdup(new_secret);
    if (dup) {
      co_log_add_secret(dup);
      co_notify_wipe(*slot);
      *slot = dup;
    }
  }
  n->chan[ch].paused = 0;
  n->chan[ch].reason[0] = '\0';
  pthread_mutex_unlock(&n->lock);
  CO_LOGKV(CO_LOG_INFO, "notify", "channel resumed", "channel", co_notify_ch_name(ch));
}

co_err_t co_notify_health(co_notify_t *n, json_t **out) {
  json_t *root = json_object(), *chans = json_object();
  int degraded = 0;
  if (!root || !chans) goto nomem;
  pthread_mutex_lock(&n->lock);
  for (int i = 0; i < CO_NOTIFY__CH_CNT; i++) {
    co_notify_chan_t *c = &n->chan[i];
    const char *state = !c->enabled ? "disabled" : c->paused ? "paused" : "ok";
    degraded |= c->enabled && c->paused;
    json_t *o = json_pack("{s:b, s:s, s:s?, s:s?, s:I, s:I}", "enabled", c->enabled, "state", state, "reason",
                          c->paused ? c->reason : NULL, "last_error", c->last_error[0] ? c->last_error : NULL,
                          "delivered", (json_int_t)c->delivered, "failed", (json_int_t)c->failed);
    if (!o || json_object_set_new(chans, co_notify_ch_names[i], o)) {
      pthread_mutex_unlock(&n->lock);
      goto nomem;
    }
  }
  pthread_mutex_unlock(&n->lock);
  if (json_object_set_new(root, "status", json_string(degraded ? "degraded" : "ok")) ||
      json_object_set(root, "channels", chans))
    goto nomem;
  json_decref(chans);
  *out = root;
  return CO_OK;
nomem:
  json_decref(chans);
  json_decref(root);
  *out = NULL;
  return CO_ERR_NOMEM;
}
