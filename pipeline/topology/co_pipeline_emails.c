/* co_pipeline_emails.c: the "emails" store, so a person reads a message in
 * CareerOps itself (the dashboard's email view), whatever its source: IMAP,
 * an mbox or Maildir import, Gmail or Outlook.
 *
 * The classify processor keeps one entry per classified email, in the
 * account's partition next to its applications:
 *
 *   <account>\x1f<message id>   {"message_id", "from", "to", "cc", "subject",
 *                                "date", "date_zone", "text", "truncated",
 *                                "attachments", "source", "gmail_id",
 *                                "classified_as", "company", "role",
 *                                "confidence", "application", "in_reply_to",
 *                                "references"}
 *
 * Only what the normalized event already holds: readable text (ingest
 * rendered any HTML to text and kept no markup), attachments by name, type
 * and size (their bytes never enter the pipeline). "classified_as" is what
 * the classifier read at the time; a person's later fix lives in the
 * review and corrections stores; the threading headers let a person's
 * answer about any stored email (co_pipeline_review_answer) join it to its
 * thread's application. An email without a Message-ID is not kept
 * (nothing on the board can name it). The text is cut at
 * CO_PL_EMAIL_TEXT_CHARS code points: the store is a reading copy, the raw
 * topic keeps the message.
 *
 * Every put also writes a change-log entry in the same transaction
 * (CO_PL_EM_CHG + sequence -> key), which the mail search index
 * (co_pipeline_index.c) follows, as it follows the briefings'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_json.h"
#include "co_llm.h"
#include "co_pipeline_int.h"

#define CO_PL_EMAIL_TEXT_CHARS 100000

static char *email_key(const char *account, const char *mid) {
  char *k = NULL;
  return asprintf(&k, "%s\x1f%s", account, mid) < 0 ? NULL : k;
}

void co_pl_email_chg_key(long long seq, char *buf, size_t size) {
  snprintf(buf, size, "%s%020lld", CO_PL_EM_CHG, seq);
}

/* Appends key to the store's change log (next sequence). */
static co_err_t log_change(co_ctx_t *ctx, const char *key) {
  char chg[64], seqs[32];
  void *v;
  size_t vl;
  long long seq = 1;
  if (co_ctx_get(ctx, CO_PL_STORE_EMAILS, CO_PL_EM_SEQ, strlen(CO_PL_EM_SEQ), &v, &vl) == CO_OK) {
    seq = atoll(v) + 1; /* NUL-terminated by the store */
    free(v);
  }
  co_pl_email_chg_key(seq, chg, sizeof(chg));
  snprintf(seqs, sizeof(seqs), "%lld", seq);
  co_err_t e = co_ctx_put(ctx, CO_PL_STORE_EMAILS, chg, strlen(chg), key, strlen(key), 0);
  return e ? e : co_ctx_put(ctx, CO_PL_STORE_EMAILS, CO_PL_EM_SEQ, strlen(CO_PL_EM_SEQ), seqs, strlen(seqs), 0);
}

co_err_t co_pl_emails_put(co_ctx_t *ctx, const char *account, json_t *ev) {
  const char *mid = co_json_str(ev, "message_id"), *text = co_json_str(ev, "text");
  if (!*mid || strchr(account, '\x1f') || account[0] == CO_PL_BR_META[0]) return CO_OK; /* unnamed, or not a key */
  size_t tl = co_llm_utf8_cut(text, strlen(text), CO_PL_EMAIL_TEXT_CHARS);
  json_t *cursor = json_object_get(ev, "cursor");
  const char *kind = co_json_str(cursor, "kind");
  json_t *gid = json_object_get(cursor, "id");
  json_t *e = json_pack("{s:s, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:s%, s:b, s:O?, s:s, s:O?, s:O?, s:O?, s:O?, "
                        "s:O?, s:O?, s:O?, s:O?}",
                        "message_id", mid, "from", json_object_get(ev, "from"), "to", json_object_get(ev, "to"), "cc",
                        json_object_get(ev, "cc"), "subject", json_object_get(ev, "subject"), "date",
                        json_object_get(ev, "date"), "date_zone", json_object_get(ev, "date_zone"), "text", text, tl,
                        "truncated", json_is_true(json_object_get(ev, "truncated")) || tl < strlen(text),
                        "attachments", json_object_get(ev, "attachments"), "source", *kind ? kind : "unknown",
                        "gmail_id", json_is_string(gid) && !strcmp(kind, "gmail") ? gid : NULL, "classified_as",
                        json_object_get(ev, "label"), "company", json_object_get(ev, "company"), "role",
                        json_object_get(ev, "role"), "confidence", json_object_get(ev, "confidence"), "application",
                        json_object_get(ev, "application"), "in_reply_to", json_object_get(ev, "in_reply_to"),
                        "references", json_object_get(ev, "references"));
  char *k = email_key(account, mid);
  co_err_t err = e && k ? co_pl_ctx_put_json(ctx, CO_PL_STORE_EMAILS, k, e) : CO_ERR_NOMEM;
  if (!err) err = log_change(ctx, k);
  free(k);
  json_decref(e);
  return err;
}

json_t *co_pipeline_email_get(co_pipeline_t *p, const char *account, const char *message_id) {
  if (!p || !account || !message_id || !*message_id) return NULL;
  char *k = email_key(account, message_id);
  json_t *e = k ? co_pl_rt_get_json(p->rt, CO_PL_STORE_EMAILS, co_rt_partition_for(account, strlen(account),
                                                                                       co_rt_partitions(p->rt)),
                                    k)
                : NULL;
  free(k);
  return e;
}
