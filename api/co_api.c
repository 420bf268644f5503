/* co_api.c: starting and stopping the server.
 *
 * libmicrohttpd runs its own polling thread and a pool of worker threads
 * (api.threads), with HTTP/1.1 keep-alive. The listen address comes from
 * api.listen ("host:port"); a loopback host enables open mode when no token
 * exists (co_api_auth.c). The URI-log callback sees the raw request target
 * before anything else, so the server keeps it undecoded for its own
 * segment parsing, length limit and forwarding. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "co_api_int.h"
#include "co_log.h"

enum MHD_Result co_api_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_size, void **con_cls);

static void *co_api_uri_log(void *cls, const char *uri, struct MHD_Connection *c) {
  (void)cls;
  (void)c;
  co_api_req_t *r = calloc(1, sizeof(*r));
  if (!r) return NULL;
  struct timeval tv;
  gettimeofday(&tv, NULL);
  r->start_us = (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
  r->uri = strdup(uri ? uri : "/");
  return r;
}

static void co_api_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                             enum MHD_RequestTerminationCode toe) {
  (void)cls;
  (void)c;
  (void)toe;
  co_api_req_t *r = *con_cls;
  if (!r) return;
  for (int i = 0; i < r->seg_cnt; i++) free(r->segs[i]);
  free(r->body);
  free(r->uri);
  free(r);
  *con_cls = NULL;
}

/* Parses "host:port" (IPv4 or "[v6]:port"); returns 0 on success. */
static int co_api_parse_listen(const char *s, struct sockaddr_storage *ss, int *loopback) {
  char host[256];
  const char *colon = strrchr(s, ':');
  if (!colon || colon == s || (size_t)(colon - s) >= sizeof(host)) return -1;
  char *end;
  long port = strtol(colon + 1, &end, 10);
  if (*end || port < 0 || port > 65535) return -1;
  memcpy(host, s, (size_t)(colon - s));
  host[colon - s] = '\0';
  memset(ss, 0, sizeof(*ss));
  if (host[0] == '[') {
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    size_t hl = strlen(host);
    if (hl < 3 || host[hl - 1] != ']') return -1;
    host[hl - 1] = '\0';
    if (inet_pton(AF_INET6, host + 1, &a6->sin6_addr) != 1) return -1;
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)port);
    *loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
    return 0;
  }
  struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
  if (!strcmp(host, "localhost")) snprintf(host, sizeof(host), "127.0.0.1");
  if (inet_pton(AF_INET, host, &a4->sin_addr) != 1) return -1;
  a4->sin_family = AF_INET;
  a4->sin_port = htons((uint16_t)port);
  *loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
  return 0;
}

co_api_t *co_api_start(const co_conf_t *conf, const co_api_backend_t *backend, char *errstr, size_t errstr_size) {
  struct sockaddr_storage ss;
  co_api_t *api = calloc(1, sizeof(*api));
  const char *listen = co_conf_str(conf, "api.listen");
  if (!api) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "api: out of memory");
    return NULL;
  }
  api->conf = conf;
  api->be = backend;
  api->max_body = (size_t)co_conf_int(conf, "api.max.body.bytes");
  co_api_metrics_init(&api->m);
  if (co_api_parse_listen(listen, &ss, &api->loopback)) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "api.listen: '%s' is not host:port (IPv4 or [IPv6])", listen);
    goto err;
  }
  const char *admin = co_conf_str(conf, "api.admin.token");
  if (admin && *admin) {
    co_api_token_hash(admin, api->admin_hash_buf);
    api->admin_hash = api->admin_hash_buf;
  }
  const char *cors = co_conf_str(conf, "api.cors.origin");
  api->cors_origin = cors && *cors ? cors : NULL;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL_LINUX_ONLY | MHD_USE_ERROR_LOG;
  if (ss.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  api->mhd = MHD_start_daemon(
      flags, 0, NULL, NULL, co_api_access, api, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned)co_conf_int(conf, "api.threads"), MHD_OPTION_URI_LOG_CALLBACK,
      co_api_uri_log, api, MHD_OPTION_NOTIFY_COMPLETED, co_api_completed, api, MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)30, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_LISTENING_ADDRESS_REUSE,
      (unsigned)1, MHD_OPTION_END);
  if (!api->mhd) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "api: cannot listen on %s", listen);
    goto err;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(api->mhd, MHD_DAEMON_INFO_BIND_PORT);
  api->port = di ? di->port : 0;
  CO_INFO("api", "listening on %s (port %d)%s", listen, api->port,
          api->cors_origin ? ", CORS for one origin" : "");
  return api;
err:
  co_api_stop(api);
  return NULL;
}

void co_api_stop(co_api_t *api) {
  if (!api) return;
  if (api->mhd) MHD_stop_daemon(api->mhd);
  co_api_metrics_destroy(&api->m);
  free(api);
}

int co_api_port(const co_api_t *api) {
  return api->port;
}
