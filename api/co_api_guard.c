/* co_api_guard.c: what every request must satisfy before it is routed,
 * whatever its credentials, so that a web page in the user's browser cannot
 * drive the API (docs/api.md "What protects what"):
 *   - Host names this server: a loopback name (localhost, 127.x.x.x, [::1]),
 *     the api.listen address, api.advertised.url's host, this machine's
 *     name on a wildcard listener, or an api.public.names entry; any port
 *     unless the entry names one. Else 421: a DNS-rebinding page (whose
 *     name resolves to 127.0.0.1) is refused before it can read anything.
 *   - a write (any method but GET/HEAD/OPTIONS) carries Content-Type:
 *     application/json (415 otherwise: no HTML form or no-cors fetch can
 *     send it; only a write with no body and no type at all passes, which
 *     no form sends and which a browser's fetch sends only with an Origin)
 *     and an Origin, if any, of this server itself (the Host) or
 *     api.cors.origin (403 otherwise).
 * /health and /ready are exempt from the Host check: probes use addresses
 * (a pod IP) and the answers say nothing. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "co_api_int.h"

/* Splits a Host value into name (lowercase, "[v6]" kept) and port ("" if
 * none); -1 when malformed. */
static int co_api_host_split(const char *h, char *name, size_t nsize, char *port, size_t psize) {
  const char *colon;
  size_t n;
  if (!h || !*h) return -1;
  if (*h == '[') {
    const char *rb = strchr(h, ']');
    if (!rb) return -1;
    n = (size_t)(rb - h) + 1;
    colon = rb[1] == ':' ? rb + 1 : NULL;
    if (rb[1] && !colon) return -1;
  } else {
    colon = strchr(h, ':');
    n = colon ? (size_t)(colon - h) : strlen(h);
  }
  if (!n || n >= nsize || (colon && strlen(colon + 1) >= psize)) return -1;
  for (size_t i = 0; i < n; i++) name[i] = (char)((h[i] >= 'A' && h[i] <= 'Z') ? h[i] + 32 : h[i]);
  name[n] = '\0';
  if (n > 1 && name[n - 1] == '.') name[n - 1] = '\0'; /* "localhost." */
  snprintf(port, psize, "%s", colon ? colon + 1 : "");
  for (const char *p = port; *p; p++)
    if (*p < '0' || *p > '9') return -1;
  return 0;
}

static int co_api_is_loopback_name(const char *name) {
  struct in_addr a4;
  struct in6_addr a6;
  char inner[64];
  if (!strcmp(name, "localhost")) return 1;
  if (inet_pton(AF_INET, name, &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
  size_t n = strlen(name);
  if (name[0] == '[' && n > 2 && n - 2 < sizeof(inner)) {
    memcpy(inner, name + 1, n - 2);
    inner[n - 2] = '\0';
    return inet_pton(AF_INET6, inner, &a6) == 1 && IN6_IS_ADDR_LOOPBACK(&a6);
  }
  return 0;
}

/* Adds "name[:port]" to the allowed names (ignored when malformed). */
static void co_api_allow(co_api_t *api, const char *entry) {
  char name[256], port[16];
  if (api->allowed_cnt >= CO_API_MAX_NAMES || co_api_host_split(entry, name, sizeof(name), port, sizeof(port))) return;
  snprintf(api->allowed[api->allowed_cnt].name, sizeof(api->allowed[0].name), "%s", name);
  snprintf(api->allowed[api->allowed_cnt].port, sizeof(api->allowed[0].port), "%s", port);
  api->allowed_cnt++;
}

co_err_t co_api_guard_init(co_api_t *api, const char *listen_host, int wildcard, char *errstr, size_t errstr_size) {
  const char *names = co_conf_str(api->conf, "api.public.names"), *adv = co_conf_str(api->conf, "api.advertised.url");
  char buf[1024];
  if (!wildcard && *listen_host) co_api_allow(api, listen_host);
  if (wildcard && !gethostname(buf, sizeof(buf) - 1)) {
    buf[sizeof(buf) - 1] = '\0';
    co_api_allow(api, buf);
  }
  if (adv && *adv) { /* scheme://host[:port][/...] */
    const char *h = strstr(adv, "://");
    h = h ? h + 3 : adv;
    snprintf(buf, sizeof(buf), "%.*s", (int)strcspn(h, "/?#"), h);
    co_api_allow(api, buf);
  }
  for (const char *p = names ? names : ""; *p;) {
    size_t n = strcspn(p, ",");
    const char *s = p, *e = p + n;
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
    if (e > s) {
      char name[256], port[16];
      snprintf(buf, sizeof(buf), "%.*s", (int)(e - s), s);
      if (co_api_host_split(buf, name, sizeof(name), port, sizeof(port)))
        return co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "api.public.names: '%s' is not a host name or name:port",
                         buf);
      if (api->allowed_cnt >= CO_API_MAX_NAMES)
        return co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "api.public.names: more than %d names", CO_API_MAX_NAMES - 4);
      co_api_allow(api, buf);
    }
    p += n + (p[n] == ',');
  }
  return CO_OK;
}

int co_api_host_allowed(const co_api_t *api, const char *host) {
  char name[256], port[16];
  if (co_api_host_split(host, name, sizeof(name), port, sizeof(port))) return 0;
  if (co_api_is_loopback_name(name)) return 1;
  for (int i = 0; i < api->allowed_cnt; i++)
    if (!strcmp(api->allowed[i].name, name) && (!*api->allowed[i].port || !strcmp(api->allowed[i].port, port)))
      return 1;
  return 0;
}

/* application/json, optionally followed by parameters. */
static int co_api_is_json_type(const char *ct) {
  if (!ct) return 0;
  while (*ct == ' ') ct++;
  if (strncasecmp(ct, "application/json", 16)) return 0;
  ct += 16;
  while (*ct == ' ') ct++;
  return *ct == '\0' || *ct == ';';
}

/* The Origin is this server as the client addressed it, or the CORS origin. */
static int co_api_origin_ok(const co_api_t *api, const char *origin, const char *host) {
  if (api->cors_origin && !strcmp(origin, api->cors_origin)) return 1;
  const char *h = strstr(origin, "://");
  if (!h || !host || (strncmp(origin, "http://", 7) && strncmp(origin, "https://", 8))) return 0;
  h += 3;
  if (!strcasecmp(h, host)) return 1;
  /* "http://host" against "Host: host:80" (or https and 443) */
  size_t hl = strlen(h);
  const char *dflt = origin[4] == 's' ? ":443" : ":80";
  return !strncasecmp(host, h, hl) && !strcmp(host + hl, dflt);
}

int co_api_guard(const co_api_t *api, struct MHD_Connection *c, const co_api_req_t *r, const char *method,
                 const char **code, const char **message) {
  const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
  int probe = r->seg_cnt == 1 && (!strcmp(r->segs[0], "health") || !strcmp(r->segs[0], "ready"));
  if (!probe && !co_api_host_allowed(api, host)) {
    *code = "misdirected_request";
    *message = "this server does not answer for that Host name (add it to api.public.names)";
    return 421;
  }
  if (!strcmp(method, "GET") || !strcmp(method, "HEAD") || !strcmp(method, "OPTIONS")) return 0;
  const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
  if (origin && !co_api_origin_ok(api, origin, host)) {
    *code = "forbidden";
    *message = "cross-origin write refused (Origin is not this server)";
    return 403;
  }
  const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
  const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
  int body = (cl && strtoull(cl, NULL, 10) > 0) ||
             MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
  if ((ct || body) && !co_api_is_json_type(ct)) {
    *code = "unsupported_media_type";
    *message = "a write needs Content-Type: application/json";
    return 415;
  }
  return 0;
}
