/* co_api.c: starting and stopping the server.
 *
 * libmicrohttpd runs a pool of api.threads threads, each polling its share
 * of the connections with epoll, with HTTP/1.1 keep-alive and pipelining.
 * Connections are bounded in total (api.max.connections; the soft limit on
 * open files is raised toward the hard one to hold them) and per client
 * address (api.max.connections.per.ip, not on a loopback listener, where
 * every client has the same address), and an idle one is closed after
 * api.connection.timeout.s. The listen address comes from api.listen
 * ("host:port"); api.auth decides whether a session secret exists
 * (co_api_auth.c): auto = local-session on a loopback host, required
 * elsewhere. The URI-log callback sees the raw request target before
 * anything else, so the server keeps it undecoded for its own segment
 * parsing, length limit and forwarding. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "co_api_int.h"
#include "co_log.h"

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

/* Parses "host:port" (IPv4 or "[v6]:port") into ss and host (as written,
 * brackets kept); returns 0 on success. */
static int co_api_parse_listen(const char *s, struct sockaddr_storage *ss, int *loopback, char host[256]) {
  const char *colon = strrchr(s, ':');
  if (!colon || colon == s || (size_t)(colon - s) >= 256) return -1;
  char *end;
  long port = strtol(colon + 1, &end, 10);
  if (*end || port < 0 || port > 65535) return -1;
  char buf[256];
  memcpy(host, s, (size_t)(colon - s));
  host[colon - s] = '\0';
  snprintf(buf, sizeof(buf), "%s", host);
  memset(ss, 0, sizeof(*ss));
  if (buf[0] == '[') {
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    size_t hl = strlen(buf);
    if (hl < 3 || buf[hl - 1] != ']') return -1;
    buf[hl - 1] = '\0';
    if (inet_pton(AF_INET6, buf + 1, &a6->sin6_addr) != 1) return -1;
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)port);
    *loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
    return 0;
  }
  struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
  if (!strcmp(buf, "localhost")) snprintf(buf, sizeof(buf), "127.0.0.1");
  if (inet_pton(AF_INET, buf, &a4->sin_addr) != 1) return -1;
  a4->sin_family = AF_INET;
  a4->sin_port = htons((uint16_t)port);
  *loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
  return 0;
}

/* Raises the soft limit on open files toward the hard one so that want
 * descriptors fit (containers often start at 1024); a warning when the
 * hard limit is lower. */
static void co_api_raise_nofile(rlim_t want) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want) return;
  rlim_t to = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
  if (to > rl.rlim_cur) {
    rl.rlim_cur = to;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
  if (to < want)
    CO_WARN("api", "open files limited to %llu (hard limit): fewer than api.max.connections fit",
            (unsigned long long)to);
}

co_api_t *co_api_start(const co_conf_t *conf, const co_api_backend_t *backend, char *errstr, size_t errstr_size) {
  struct sockaddr_storage ss;
  char host[256];
  co_api_t *api = calloc(1, sizeof(*api));
  const char *listen = co_conf_str(conf, "api.listen"), *mode = co_conf_str(conf, "api.auth");
  if (!api) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "api: out of memory");
    return NULL;
  }
  api->conf = conf;
  api->be = backend;
  api->max_body = (size_t)co_conf_int(conf, "api.max.body.bytes");
  co_api_metrics_init(&api->m);
  if (co_api_parse_listen(listen, &ss, &api->loopback, host)) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG, "api.listen: '%s' is not host:port (IPv4 or [IPv6])", listen);
    goto err;
  }
  int wildcard = !strcmp(host, "0.0.0.0") || !strcmp(host, "[::]");
  if (!strcmp(mode, "local-session") && !api->loopback) {
    co_seterr(errstr, errstr_size, CO_ERR_CONFIG,
              "api.auth=local-session needs a loopback api.listen (not '%s'): the session secret would cross the "
              "network; use tokens (api.auth=required, `careerops token create`)", listen);
    goto err;
  }
  if (strcmp(mode, "required") && api->loopback && co_api_session_init(api, errstr, errstr_size)) goto err;
  if (co_api_guard_init(api, host, wildcard, errstr, errstr_size)) goto err;
  const char *admin = co_conf_str(conf, "api.admin.token");
  if (admin && *admin) {
    co_api_token_hash(admin, api->admin_hash_buf);
    api->admin_hash = api->admin_hash_buf;
  }
  const char *cors = co_conf_str(conf, "api.cors.origin");
  api->cors_origin = cors && *cors ? cors : NULL;
  unsigned max_conn = (unsigned)co_conf_int(conf, "api.max.connections");
  unsigned per_ip = api->loopback ? 0 : (unsigned)co_conf_int(conf, "api.max.connections.per.ip");
  co_api_raise_nofile((rlim_t)max_conn + 256);
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL_LINUX_ONLY | MHD_USE_ERROR_LOG;
  if (ss.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  api->mhd = MHD_start_daemon(
      flags, 0, NULL, NULL, co_api_access, api, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned)co_conf_int(conf, "api.threads"), MHD_OPTION_URI_LOG_CALLBACK,
      co_api_uri_log, api, MHD_OPTION_NOTIFY_COMPLETED, co_api_completed, api, MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)co_conf_int(conf, "api.connection.timeout.s"), MHD_OPTION_CONNECTION_LIMIT, max_conn,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
      MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_END);
  if (!api->mhd) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "api: cannot listen on %s", listen);
    goto err;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(api->mhd, MHD_DAEMON_INFO_BIND_PORT);
  api->port = di ? di->port : 0;
  /* cookies ignore ports: one name per port keeps two servers' apart */
  snprintf(api->cookie_name, sizeof(api->cookie_name), "careerops_session_%d", api->port);
  CO_INFO("api", "listening on %s (port %d), api.auth %s%s", listen, api->port,
          api->session[0] ? "local-session" : "required", api->cors_origin ? ", CORS for one origin" : "");
  if (!api->session[0] && !api->admin_hash && (!backend->token_count || backend->token_count(backend->opaque) == 0))
    CO_WARN("api", "api.auth is required on %s and no API token exists: every /api request is refused (401) "
                   "until `careerops token create` makes one or api.admin.token is set", listen);
  return api;
err:
  co_api_stop(api);
  return NULL;
}

const char *co_api_session_secret(const co_api_t *api) {
  return api && api->session[0] ? api->session : NULL;
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
