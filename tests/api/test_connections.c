/* api_health_answers_with_2000_idle_connections_keepalive_and_pipelining:
 * 2,000 idle TCP connections from this process to the API (loopback: no
 * per-address limit there, docs/api.md) do not keep /health and /ready from
 * answering, and none of them is closed; one connection carries several
 * requests in turn (keep-alive) and 12 requests written at once
 * (HTTP/1.1 pipelining) all get their answers, in order. The soft limit on
 * open files is raised to the hard one first (containers often start at
 * 1024); the test fails if the hard limit is too low to hold 2,000. The
 * server is the real one (co_api_start, default settings but an admin
 * token) over a backend answering every query with a fixed object: what is
 * tested is connection handling, not data. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_api.h"

#define IDLE 2000
#define ADMIN "conn-admin-token-for-tests"

static co_err_t be_query(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t sz) {
  (void)opaque, (void)errstr, (void)sz;
  res->body = strdup(q->kind == CO_API_Q_STATS ? "{\"per_stage\":{}}" : "{\"items\":[{\"account\":\"alice\"}]}");
  return res->body ? CO_OK : CO_ERR_NOMEM;
}

static co_err_t be_lookup(void *opaque, const char *hash, char *account, size_t size, int *admin) {
  (void)opaque, (void)hash, (void)account, (void)size, (void)admin;
  return CO_ERR_NOT_FOUND;
}

static int connect_to(int port) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  struct timeval tv = {20, 0}; /* a bound against hanging, not a timing assertion */
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) fail_msg("socket: %s", strerror(errno));
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (connect(fd, (struct sockaddr *)&a, sizeof(a))) fail_msg("connect: %s", strerror(errno));
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  return fd;
}

static void send_all(int fd, const char *s) {
  size_t n = strlen(s);
  while (n) {
    ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
    if (w <= 0) fail_msg("send: %s", strerror(errno));
    s += w;
    n -= (size_t)w;
  }
}

/* Reads one HTTP/1.1 response (Content-Length framed) from fd, keeping
 * bytes past it in buf; returns its status and copies the body. */
typedef struct conn_s {
  int fd;
  char buf[65536];
  size_t len;
} conn_t;

static int read_response(conn_t *c, char *body, size_t body_size) {
  for (;;) {
    char *end = memmem(c->buf, c->len, "\r\n\r\n", 4);
    if (end) {
      size_t hl = (size_t)(end - c->buf) + 4, cl = 0;
      int status = 0;
      if (sscanf(c->buf, "HTTP/1.1 %d", &status) != 1) fail_msg("not an HTTP/1.1 response: %.80s", c->buf);
      for (char *p = c->buf; p < end; p = strstr(p, "\r\n") + 2)
        if (!strncasecmp(p, "Content-Length:", 15)) cl = strtoul(p + 15, NULL, 10);
      if (c->len >= hl + cl) {
        snprintf(body, body_size, "%.*s", (int)cl, c->buf + hl);
        memmove(c->buf, c->buf + hl + cl, c->len - hl - cl);
        c->len -= hl + cl;
        return status;
      }
    }
    if (c->len == sizeof(c->buf)) fail_msg("response too large");
    ssize_t r = recv(c->fd, c->buf + c->len, sizeof(c->buf) - c->len, 0);
    if (r <= 0) fail_msg("connection closed or no answer (%s) after %zu bytes", r ? strerror(errno) : "EOF", c->len);
    c->len += (size_t)r;
  }
}

static void test_connections(void **state) {
  (void)state;
  struct rlimit rl;
  co_api_backend_t be = {.instance_id = "conn-test", .query = be_query, .token_lookup = be_lookup};
  char err[256];
  static int idle[IDLE];
  char body[8192], req[4096];
  static conn_t c;

  assert_int_equal(getrlimit(RLIMIT_NOFILE, &rl), 0);
  if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < 2 * IDLE + 200)
    fail_msg("hard limit on open files %llu is below the %d this test needs (client and server ends)",
             (unsigned long long)rl.rlim_max, 2 * IDLE + 200);
  rl.rlim_cur = rl.rlim_max;
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);

  co_conf_t *conf = co_conf_new();
  if (co_conf_set(conf, "api.listen", "127.0.0.1:0", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(conf, "api.admin.token", ADMIN, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_finalize(conf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  co_api_t *api = co_api_start(conf, &be, err, sizeof(err));
  if (!api) fail_msg("api: %s", err);
  int port = co_api_port(api);
  for (int i = 0; i < IDLE; i++) idle[i] = connect_to(port);

  /* the probes answer while all of them are open */
  c.fd = connect_to(port);
  send_all(c.fd, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  assert_int_equal(read_response(&c, body, sizeof(body)), 200);
  assert_string_equal(body, "{\"status\":\"ok\"}");
  /* keep-alive: the same connection, more requests in turn */
  send_all(c.fd, "GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  assert_int_equal(read_response(&c, body, sizeof(body)), 200);
  snprintf(req, sizeof(req), "GET /api/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n", ADMIN);
  send_all(c.fd, req);
  assert_int_equal(read_response(&c, body, sizeof(body)), 200);
  assert_non_null(strstr(body, "\"alice\""));
  /* pipelining: 12 requests in one write, 12 answers in order */
  char pipe[16384] = "";
  for (int i = 0; i < 12; i++) {
    size_t l = strlen(pipe);
    if (i % 3 == 0) snprintf(pipe + l, sizeof(pipe) - l, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    else if (i % 3 == 1) snprintf(pipe + l, sizeof(pipe) - l, "GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    else snprintf(pipe + l, sizeof(pipe) - l, "GET /api/stats?account=alice HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  "Authorization: Bearer %s\r\n\r\n", ADMIN);
  }
  send_all(c.fd, pipe);
  for (int i = 0; i < 12; i++) {
    int st = read_response(&c, body, sizeof(body));
    if (st != 200) fail_msg("pipelined request %d: status %d %s", i, st, body);
    if (i % 3 == 0) assert_string_equal(body, "{\"status\":\"ok\"}");
    if (i % 3 == 1) assert_string_equal(body, "{\"ready\":true}");
    if (i % 3 == 2) assert_non_null(strstr(body, "\"per_stage\""));
  }
  close(c.fd);

  /* none of the idle connections was dropped to make room */
  int closed = 0;
  for (int i = 0; i < IDLE; i++) {
    struct pollfd p = {.fd = idle[i], .events = POLLIN | POLLRDHUP};
    if (poll(&p, 1, 0) > 0) closed++;
  }
  assert_int_equal(closed, 0);
  printf("%d idle connections open; /health, keep-alive and 12 pipelined requests answered\n", IDLE);
  for (int i = 0; i < IDLE; i++) close(idle[i]);
  co_api_stop(api);
  co_conf_destroy(conf);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_connections)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
