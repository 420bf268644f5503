/* co_notify_msg.c: what is sent: the readable text of a notification, its
 * idempotency key, and each channel's request (URL, JSON body, auth header,
 * HMAC signature). The text and Slack blocks come from co_notify_fmt.c.
 *
 * The idempotency key hashes the event's identity (account, message id,
 * kind) and the channel, not the record's position: a reprocessed or
 * replayed record, on any instance, gets the same key. The webhook
 * signature covers the exact body bytes sent, so a receiver verifies the
 * bytes it read before parsing them. */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_json.h"
#include "co_notify_int.h"

static void hex(const unsigned char *d, size_t n, char *out) {
  static const char x[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    out[2 * i] = x[d[i] >> 4];
    out[2 * i + 1] = x[d[i] & 15];
  }
  out[2 * n] = '\0';
}

void co_notify_idem_key(const json_t *note, co_notify_ch_t ch, char out[65]) {
  unsigned char d[SHA256_DIGEST_LENGTH];
  const char *mid = co_json_str(note, "message_id");
  char *whole = NULL, *buf = NULL;
  size_t len = 0;
  if (!*mid) mid = whole = json_dumps(note, JSON_COMPACT | JSON_SORT_KEYS);
  FILE *f = open_memstream(&buf, &len);
  if (f) {
    fprintf(f, "%s\x1f%s\x1f%s\x1f%s", co_json_str(note, "account"), mid ? mid : "", co_json_str(note, "kind"),
            co_notify_ch_name(ch));
    fclose(f);
  }
  SHA256((const unsigned char *)(buf ? buf : ""), buf ? len : 0, d);
  hex(d, sizeof(d), out);
  free(buf);
  free(whole);
}

void co_notify_hmac_hex(const char *key, const void *data, size_t len, char out[65]) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mlen = 0;
  if (!HMAC(EVP_sha256(), key, (int)strlen(key), data, len, mac, &mlen)) mlen = 0;
  hex(mac, mlen, out);
}

void co_notify_req_free(co_notify_req_t *req) {
  co_notify_wipe(req->url); /* the Slack URL is its credential */
  free(req->body);
  co_notify_wipe(req->auth);
  free(req->signature);
  memset(req, 0, sizeof(*req));
}

co_err_t co_notify_build(co_notify_t *n, co_notify_ch_t ch, const json_t *note, const char *idem_key,
                         co_notify_req_t *req, char *errstr, size_t errstr_size) {
  json_t *body = NULL, *hook_note = NULL;
  co_notify_facts_t f;
  char *text = NULL;
  const char *cname = co_notify_ch_name(ch);
  memset(req, 0, sizeof(*req));
  if (co_notify_facts(note, n->tz, n->public_url, &f) || !(text = co_notify_text_facts(&f))) goto nomem;
  switch (ch) {
    case CO_NOTIFY_SLACK:
      body = co_notify_slack_body(&f, text);
      req->url = strdup(n->slack_url);
      break;
    case CO_NOTIFY_WHATSAPP:
      body = json_pack("{s:s, s:s, s:s, s:s, s:{s:b, s:s}}", "messaging_product", "whatsapp", "recipient_type",
                       "individual", "to", n->wa_to, "type", "text", "text", "preview_url", 0, "body", text);
      if (asprintf(&req->url, "%s/%s/messages", n->wa_url, n->wa_phone) < 0) req->url = NULL;
      if (asprintf(&req->auth, "Authorization: Bearer %s", n->wa_token) < 0) req->auth = NULL;
      if (!req->auth) goto nomem;
      break;
    case CO_NOTIFY_WEBHOOK:
      if (!(hook_note = co_notify_webhook_note(note, &f))) goto nomem;
      body = json_pack("{s:s, s:s, s:s, s:O}", "type", "careerops.notification", "idempotency_key", idem_key, "text",
                       text, "notification", hook_note);
      req->url = strdup(n->hook_url);
      break;
    default:
      free(text);
      co_notify_facts_free(&f);
      return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "notify: unknown channel %d", (int)ch);
  }
  if (!body || !req->url || !(req->body = json_dumps(body, JSON_COMPACT))) goto nomem;
  if (ch == CO_NOTIFY_WEBHOOK && n->hook_secret) {
    char mac[65];
    co_notify_hmac_hex(n->hook_secret, req->body, strlen(req->body), mac);
    if (asprintf(&req->signature, "X-CareerOps-Signature: sha256=%s", mac) < 0) {
      req->signature = NULL;
      goto nomem;
    }
  }
  json_decref(body);
  json_decref(hook_note);
  co_notify_facts_free(&f);
  free(text);
  return CO_OK;
nomem:
  json_decref(body);
  json_decref(hook_note);
  co_notify_facts_free(&f);
  free(text);
  co_notify_req_free(req);
  return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "notify %s: out of memory building the request", cname);
}
