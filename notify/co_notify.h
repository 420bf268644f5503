/* co_notify.h: delivering CareerOps notifications to people: a Slack
 * incoming webhook, the WhatsApp Cloud API and a generic HMAC-signed
 * webhook, plus a small durable journal of deliveries.
 *
 * A leaf library: it knows nothing of Kafka, RocksDB or the pipeline. The
 * caller (pipeline/topology/co_pipeline_notify.c) decides what is sent once and
 * keeps what cannot be sent yet; this module does one delivery at a time,
 * classifies its outcome and tracks each channel's health:
 *
 *   OK         2xx
 *   RETRYABLE  5xx, 429, timeout, connection refused or reset; retried
 *              inside (notify.retry.max attempts, backoff notify.backoff.ms
 *              doubling, a 429's Retry-After honoured) before it is returned
 *   AUTH       401/403: the channel is paused (health "paused" with the
 *              reason) until co_notify_resume(); the message must be kept
 *   PERMANENT  any other 4xx (or 3xx): the message cannot be delivered as is
 *   PAUSED     not attempted: the channel is paused
 *
 * A channel is enabled when its settings are present: slack.webhook.url;
 * whatsapp.token + whatsapp.phone.id + whatsapp.to; webhook.url (signed when
 * webhook.secret is set). Secrets (tokens, the Slack URL, the HMAC key, and
 * URLs in general) never appear in logs, errstr or health.
 *
 * Threading: a co_notify_t may be shared by threads; sends are serialized
 * by an internal lock, health and resume may be called from any thread. */
#ifndef CO_NOTIFY_H
#define CO_NOTIFY_H

#include <jansson.h>
#include <stdint.h>

#include "co_conf.h"
#include "co_err.h"

typedef struct co_notify_s co_notify_t;

typedef enum { CO_NOTIFY_SLACK = 0, CO_NOTIFY_WHATSAPP, CO_NOTIFY_WEBHOOK, CO_NOTIFY__CH_CNT } co_notify_ch_t;

typedef enum {
  CO_NOTIFY_OK = 0,
  CO_NOTIFY_RETRYABLE,
  CO_NOTIFY_AUTH,
  CO_NOTIFY_PERMANENT,
  CO_NOTIFY_PAUSED,
} co_notify_res_t;

/* Reads the channel settings and notify.* from conf (not kept: values are
 * copied). Returns NULL with errstr on failure; a conf with no channel
 * configured is valid (nothing enabled). Caller frees with co_notify_destroy. */
co_notify_t *co_notify_new(const co_conf_t *conf, char *errstr, size_t errstr_size);
/* Wipes the copied secrets and frees. NULL is a no-op. */
void co_notify_destroy(co_notify_t *n);

/* "slack", "whatsapp", "webhook"; static. */
const char *co_notify_ch_name(co_notify_ch_t ch);
/* Outcome name ("ok", "retryable", ...); static. */
const char *co_notify_res_name(co_notify_res_t res);
int co_notify_enabled(const co_notify_t *n, co_notify_ch_t ch);
/* The longest co_notify_send of one message to every enabled channel may
 * take: notify.retry.max requests of notify.timeout.ms each and the waits
 * between them (each at most notify.backoff.max.ms). 0 with no channel. */
int64_t co_notify_worst_ms(const co_notify_t *n);
int co_notify_paused(co_notify_t *n, co_notify_ch_t ch);

/* The readable message for a notification object (docs/pipeline.md:
 * account, kind, company, role, summary, subject, interview_at, ...).
 * Returns a malloc'd string (caller frees) or NULL when out of memory. */
char *co_notify_text(const json_t *note);
/* The same with times in the IANA zone tz (NULL/"": the process's zone) and
 * links to the application and briefing under public_url (NULL/"": none):
 * "Interview: ROLE at COMPANY", "When: Mon 14 Dec 2026, 07:00-08:00
 * (America/Los_Angeles, UTC-08:00)", duration, link or place, links, email
 * subject; titles "Interview rescheduled" / "Interview cancelled" by the
 * note's interview_status. Caller frees. */
char *co_notify_text_in(const json_t *note, const char *tz, const char *public_url);
/* The API's id of an applications store key (URL-safe base64, no padding);
 * malloc'd, NULL when out of memory. */
char *co_notify_app_id(const char *key);

/* The idempotency key of (notification, channel): lowercase hex SHA-256 of
 * account, message_id (else the whole notification), kind and channel,
 * written to out (65 bytes). Stable across restarts and instances; sent as
 * the Idempotency-Key header. */
void co_notify_idem_key(const json_t *note, co_notify_ch_t ch, char out[65]);

/* Delivers note on ch, retrying RETRYABLE outcomes inside the budget.
 * idem_key is sent as the Idempotency-Key header. On anything but OK,
 * errstr says why (status and channel, never a secret). An AUTH outcome
 * pauses the channel; a paused channel returns PAUSED without a request.
 * *attempts (may be NULL) gets the number of HTTP requests made. */
co_notify_res_t co_notify_send(co_notify_t *n, co_notify_ch_t ch, const json_t *note, const char *idem_key,
                               int *attempts, char *errstr, size_t errstr_size);

/* Un-pauses ch. new_secret, when non-NULL and non-empty, replaces the
 * channel's credential first (whatsapp: the token; slack: the webhook URL;
 * webhook: the HMAC key) and is registered with the logger's mask. */
void co_notify_resume(co_notify_t *n, co_notify_ch_t ch, const char *new_secret);

/* Health of every channel: {"status":"ok"|"degraded","channels":{"slack":
 * {"enabled":bool,"state":"ok"|"paused"|"disabled","reason":...,
 * "last_error":...,"delivered":n,"failed":n}, ...}}. *out is a new
 * reference (caller json_decref's). */
co_err_t co_notify_health(co_notify_t *n, json_t **out);

/* ---- delivery journal -------------------------------------------------
 * An append-only file of idempotency keys, each written and fdatasync'd
 * right after its delivery got a 2xx: it remembers deliveries whose store
 * mark was not committed yet when the process died. At open it is loaded
 * into memory; when it holds more than max_entries keys it is rewritten
 * with the newest max_entries / 2 (write to a temp file, fsync, rename). */
typedef struct co_notify_journal_s co_notify_journal_t;

/* Opens or creates path. NULL with errstr on failure. Caller frees with
 * co_notify_journal_close. Not thread-safe: one caller thread. */
co_notify_journal_t *co_notify_journal_open(const char *path, int max_entries, char *errstr, size_t errstr_size);
void co_notify_journal_close(co_notify_journal_t *j);
/* 1 if key (64 hex chars) was journaled. */
int co_notify_journal_has(const co_notify_journal_t *j, const char *key);
/* Appends key and syncs it to disk before returning. */
co_err_t co_notify_journal_add(co_notify_journal_t *j, const char *key, char *errstr, size_t errstr_size);
/* Keys held in memory. */
int co_notify_journal_count(const co_notify_journal_t *j);

#endif
