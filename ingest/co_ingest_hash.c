/* co_ingest_hash.c: content hashes and the dedupe key.
 *
 * SHA-256 comes from OpenSSL's EVP interface. The dedupe key prefers the
 * Message-ID because the same message fetched over IMAP, from Gmail and from
 * an mbox export has the same one but not always the same bytes (servers
 * add headers). Without a Message-ID, sender + date + subject identify a
 * message well enough; with none of those, only the raw bytes do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "co_ingest_int.h"
#include "co_json.h"

int co_ingest_sha256_hex(const void *data, size_t len, char out[65]) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32) return -1;
  for (unsigned i = 0; i < mdlen; i++) snprintf(out + 2 * i, 3, "%02x", md[i]);
  return 0;
}

co_err_t co_ingest_dedupe_key_json(json_t *ev, char **key_out, char *errstr, size_t errstr_size) {
  const char *mid = co_json_str(ev, "message_id");
  const char *from = co_json_str(json_object_get(ev, "from"), "address");
  const char *date = co_json_str(ev, "date"), *subject = co_json_str(ev, "subject");
  char hex[65];
  *key_out = NULL;
  if (*mid) {
    *key_out = g_strdup_printf("mid:%s", mid);
  } else if (*from || *date || *subject) {
    char *basis = g_strdup_printf("%s\n%s\n%s", from, date, subject);
    int rc = co_ingest_sha256_hex(basis, strlen(basis), hex);
    g_free(basis);
    if (rc) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "dedupe_key: SHA-256 failed");
    *key_out = g_strdup_printf("hdr:%s", hex);
  } else if (*co_json_str(ev, "raw_sha256")) {
    *key_out = g_strdup_printf("raw:%s", co_json_str(ev, "raw_sha256"));
  } else {
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG,
                     "dedupe_key: event has no message_id, from, date, subject or raw_sha256");
  }
  return CO_OK;
}

co_err_t co_ingest_dedupe_key(const char *event_json, char **key_out, char *errstr, size_t errstr_size) {
  if (!key_out) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "dedupe_key: key_out is NULL");
  *key_out = NULL;
  if (!event_json) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "dedupe_key: no event");
  json_error_t je;
  json_t *ev = json_loads(event_json, 0, &je);
  co_err_t err;
  if (!json_is_object(ev))
    err = co_seterr(errstr, errstr_size, CO_ERR_PARSE, "dedupe_key: event is not a JSON object: %s", je.text);
  else
    err = co_ingest_dedupe_key_json(ev, key_out, errstr, errstr_size);
  json_decref(ev);
  return err;
}

char *co_ingest_cursor_file(const char *path, uint64_t offset) {
  json_t *o = json_pack("{s:s, s:s, s:I}", "kind", "file", "path", path, "offset", (json_int_t)offset);
  if (!o) return NULL;
  char *s = json_dumps(o, JSON_COMPACT);
  json_decref(o);
  return s;
}
