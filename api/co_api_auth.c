/* co_api_auth.c: bearer tokens.
 *
 * Only SHA-256 hashes of tokens are ever stored or compared: the admin
 * token's hash is computed once at start; account tokens are resolved by
 * the backend from their hash (the token store, pipeline/co_pipeline_api.c).
 * Open mode: with no admin token, no account token and a loopback listener
 * (the embedded default), every caller is admin, so `careerops run` works
 * out of the box; any token or a non-loopback address turns it off. */
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "co_api_int.h"

void co_api_token_hash(const char *token, char out[65]) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  EVP_Digest(token, strlen(token), md, &mdlen, EVP_sha256(), NULL);
  for (unsigned i = 0; i < mdlen && i < 32; i++) snprintf(out + 2 * i, 3, "%02x", md[i]);
  out[64] = '\0';
}

co_err_t co_api_token_new(char out[64], char *errstr, size_t errstr_size) {
  static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  unsigned char rnd[43];
  if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "token: no randomness available");
  memcpy(out, "co_", 3);
  for (size_t i = 0; i < sizeof(rnd); i++) out[3 + i] = abc[rnd[i] & 63]; /* 6 bits each: 258 bits */
  out[3 + sizeof(rnd)] = '\0';
  return CO_OK;
}

/* Constant-time comparison of two 64-char hex hashes. */
static int co_api_hash_eq(const char *a, const char *b) {
  unsigned char d = 0;
  for (int i = 0; i < 64; i++) d |= (unsigned char)(a[i] ^ b[i]);
  return d == 0;
}

int co_api_authenticate(co_api_t *api, struct MHD_Connection *c, co_api_auth_t *out) {
  const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
  char hash[65];
  memset(out, 0, sizeof(*out));
  if (!h || strncasecmp(h, "Bearer ", 7)) {
    if (api->loopback && !api->admin_hash && api->be->token_count && api->be->token_count(api->be->opaque) == 0) {
      out->kind = CO_API_AUTH_ADMIN;
      return 0;
    }
    return -1;
  }
  h += 7;
  while (*h == ' ') h++;
  if (!*h) return -1;
  co_api_token_hash(h, hash);
  if (api->admin_hash && co_api_hash_eq(hash, api->admin_hash)) {
    out->kind = CO_API_AUTH_ADMIN;
    return 0;
  }
  int admin = 0;
  if (!api->be->token_lookup ||
      api->be->token_lookup(api->be->opaque, hash, out->account, sizeof(out->account), &admin) != CO_OK)
    return -1;
  out->kind = admin ? CO_API_AUTH_ADMIN : CO_API_AUTH_ACCOUNT;
  return 0;
}
