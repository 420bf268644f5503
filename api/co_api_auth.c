/* co_api_auth.c: who is calling: bearer tokens and the session secret.
 *
 * Only SHA-256 hashes of tokens are ever stored or compared: the admin
 * token's hash is computed once at start; account tokens are resolved by
 * the backend from their hash (the token store, pipeline/backend/co_pipeline_api.c).
 * There is no open mode: every /api call needs a credential. In
 * local-session mode (api.auth; the default on a loopback listener) the
 * server also holds a random secret made at start (258 bits from
 * getrandom), printed by `careerops run` in the dashboard URL
 * (/?token=<secret>). GET /?token=<secret> answers 303 to / with the secret
 * in an HttpOnly SameSite=Strict cookie, so the page's own requests carry
 * it and the secret leaves the address bar; the cookie, or the secret as a
 * bearer token, is an admin credential. Revoking tokens never opens
 * anything: with none left, the session secret (or nothing, in required
 * mode) is what remains. */
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

/* 1 when secret is this run's session secret (never in required mode). */
static int co_api_is_session(const co_api_t *api, const char *secret) {
  char hash[65];
  if (!api->session[0] || !secret) return 0;
  co_api_token_hash(secret, hash);
  return co_api_hash_eq(hash, api->session_hash);
}

int co_api_authenticate(co_api_t *api, struct MHD_Connection *c, co_api_auth_t *out) {
  const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
  char hash[65];
  memset(out, 0, sizeof(*out));
  if (!h || strncasecmp(h, "Bearer ", 7)) {
    if (api->session[0] && co_api_is_session(api, MHD_lookup_connection_value(c, MHD_COOKIE_KIND, api->cookie_name))) {
      out->kind = CO_API_AUTH_ADMIN;
      return 0;
    }
    return -1;
  }
  h += 7;
  while (*h == ' ') h++;
  if (!*h) return -1;
  co_api_token_hash(h, hash);
  if ((api->admin_hash && co_api_hash_eq(hash, api->admin_hash)) ||
      (api->session[0] && co_api_hash_eq(hash, api->session_hash))) {
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

enum MHD_Result co_api_session_exchange(co_api_t *api, struct MHD_Connection *c, co_api_req_t *r, const char *token) {
  char cookie[160];
  if (!co_api_is_session(api, token))
    return co_api_send_error(api, c, r, 401, "unauthorized",
                             api->session[0] ? "unknown session token: open the URL `careerops run` printed last"
                                             : "no session token in api.auth=required mode: use a bearer token");
  struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
  if (!resp) return MHD_NO;
  snprintf(cookie, sizeof(cookie), "%s=%s; Path=/; HttpOnly; SameSite=Strict", api->cookie_name, api->session);
  co_api_common_headers(api, resp, "text/plain; charset=utf-8", NULL);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, "/");
  enum MHD_Result rc = MHD_queue_response(c, MHD_HTTP_SEE_OTHER, resp);
  MHD_destroy_response(resp);
  co_api_metrics_observe(&api->m, r->route, 303, 0);
  return rc;
}

const char *co_api_unauthorized_message(co_api_t *api) {
  if (!api->session[0] && !api->admin_hash &&
      (!api->be->token_count || api->be->token_count(api->be->opaque) == 0))
    return "no API token exists (api.auth is required here: api.listen is not loopback, or it was set): "
           "create one with `careerops token create --admin` or set api.admin.token";
  if (api->session[0])
    return "missing or unknown credentials: open the dashboard URL `careerops run` printed "
           "(it sets the session cookie) or send a bearer token";
  return "missing or unknown bearer token";
}

co_err_t co_api_session_init(co_api_t *api, char *errstr, size_t errstr_size) {
  co_err_t rc = co_api_token_new(api->session, errstr, errstr_size);
  if (rc) return rc;
  co_api_token_hash(api->session, api->session_hash);
  return CO_OK;
}
