/* fuzz_api: libFuzzer target for HTTP request routing and parameter
 * parsing through the real server: co_api_start runs the API (libmicrohttpd,
 * co_api_http.c's target checks, co_api_guard.c's Host/Origin/Content-Type
 * rules, co_api_auth.c, co_api_routes.c's route table and query/body
 * validation) on a loopback port, once per process, twice: one server with
 * api.auth=required, an admin token and a CORS origin, one in local-session
 * mode. Each input becomes one HTTP/1.1 request on a new connection.
 *
 * Input: NUL-separated method, target (path?query), body, credential, and
 * extra header lines. The target's bytes that cannot stand in a request
 * line (controls, space, non-ASCII) are sent percent-encoded, so the router
 * sees every byte; the method keeps its token characters. The credential's
 * first byte picks the server (even: required, odd: local-session) and
 * what the request carries: 'a' the admin token, 'u' alice's token, 'c' a
 * calendar:alice token, 's' the session cookie, 'S' the session as a
 * bearer token, anything else nothing. Header lines are "Name: value" (CR
 * dropped; the framing ones, Content-Length, Transfer-Encoding, Connection
 * and Expect, are the client's and dropped too); Host is 127.0.0.1:PORT
 * unless one of them sets it.
 *
 * The backend answers every query with a fixed object and checks what
 * reached it: validated arguments (limits, k, dates, stage, mode), a JSON
 * object body for corrections and review answers, an admin token for the
 * DLQ, and for alice's token her own account only (scope and account).
 * The client checks that an answer comes, with a status the API documents
 * (docs/api.md) or that libmicrohttpd sends for a malformed request; a 500
 * or a server that stops answering is a crash. Seeds: fuzz/corpus/api. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

#include "co_api.h"
#include "co_conf.h"
#include "co_log.h"
#include "fuzz_util.h"

#define ADMIN "fuzz-admin-token-0123456789"
#define ALICE "fuzz-alice-token-0123456789"
#define CAL "fuzz-calendar-token-0123456"

static co_conf_t *conf[2];
static co_api_t *api[2];
static char alice_hash[65], cal_hash[65];

static int is_day(const char *s) {
  struct tm tm = {0};
  return s && strlen(s) == 10 && strptime(s, "%Y-%m-%d", &tm);
}

static void check_int(json_t *args, const char *name, long lo, long hi) {
  json_t *v = json_object_get(args, name);
  if (v && (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)) abort();
}

static co_err_t be_query(void *opaque, const co_api_query_t *q, co_api_result_t *res, char *errstr, size_t sz) {
  (void)opaque, (void)errstr, (void)sz;
  if (q->kind < 0 || q->kind >= CO_API_Q__CNT || !json_is_object(q->args)) abort();
  /* what validation promised the backend */
  check_int(q->args, "limit", 1, 200);
  check_int(q->args, "k", 1, 100);
  if (json_object_get(q->args, "from") && !is_day(json_string_value(json_object_get(q->args, "from")))) abort();
  if (json_object_get(q->args, "to") && !is_day(json_string_value(json_object_get(q->args, "to")))) abort();
  const char *stage = json_string_value(json_object_get(q->args, "stage"));
  if (stage && strcmp(stage, "APPLIED") && strcmp(stage, "INTERVIEW") && strcmp(stage, "OFFER") &&
      strcmp(stage, "REJECTION"))
    abort();
  if (q->kind == CO_API_Q_SEARCH) {
    const char *mode = json_string_value(json_object_get(q->args, "mode"));
    const char *text = json_string_value(json_object_get(q->args, "q"));
    if (!mode || (strcmp(mode, "hybrid") && strcmp(mode, "vector") && strcmp(mode, "bm25")) || !text || !*text) abort();
  }
  if ((q->kind == CO_API_Q_CORRECTION || q->kind == CO_API_Q_REVIEW_ANSWER || q->kind == CO_API_Q_APP_ADD) !=
      json_is_object(q->body))
    abort();
  /* isolation: a non-admin caller is scoped to its account */
  if ((q->kind == CO_API_Q_DLQ_LIST || q->kind == CO_API_Q_DLQ_REPLAY) && q->scope) abort();
  if (q->scope) {
    /* a calendar token as a bearer token is scoped to "calendar:alice", which names no account's data */
    if (strcmp(q->scope, "alice") && strcmp(q->scope, "calendar:alice")) abort();
    if (q->account && strcmp(q->account, q->scope)) abort();
    if (q->kind == CO_API_Q_SEARCH || q->kind == CO_API_Q_STATS || q->kind == CO_API_Q_APPLICATIONS ||
        q->kind == CO_API_Q_INTERVIEWS || q->kind == CO_API_Q_COMPANY || q->kind == CO_API_Q_CORRECTION)
      if (!q->account) abort();
  }
  res->body = strdup(q->kind == CO_API_Q_INTERVIEWS_ICS ? "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" : "{\"items\":[]}");
  if (q->kind == CO_API_Q_INTERVIEWS_ICS) res->content_type = "text/calendar; charset=utf-8";
  return res->body ? CO_OK : CO_ERR_NOMEM;
}

static co_err_t be_lookup(void *opaque, const char *hash, char *account, size_t size, int *admin) {
  (void)opaque;
  *admin = 0;
  if (!strcmp(hash, alice_hash)) return snprintf(account, size, "alice"), CO_OK;
  if (!strcmp(hash, cal_hash)) return snprintf(account, size, "calendar:alice"), CO_OK;
  return CO_ERR_NOT_FOUND;
}

static int be_ready(void *opaque, char *reason, size_t size) {
  (void)opaque, (void)reason, (void)size;
  return 1;
}

static long be_count(void *opaque) {
  (void)opaque;
  return 2;
}

static const co_api_backend_t backend = {.instance_id = "fuzz-0", .ready = be_ready, .query = be_query,
                                         .token_lookup = be_lookup, .token_count = be_count};

static void stop(void) {
  for (int i = 0; i < 2; i++) {
    co_api_stop(api[i]);
    co_conf_destroy(conf[i]);
  }
}

static co_api_t *start(int i, const char *const *kv) {
  char err[512];
  conf[i] = co_conf_new();
  for (int k = 0; kv[k]; k += 2)
    if (co_conf_set(conf[i], kv[k], kv[k + 1], CO_CONF_SRC_CLI, err, sizeof(err))) goto fail;
  if (co_conf_finalize(conf[i], err, sizeof(err))) goto fail;
  co_api_t *a = co_api_start(conf[i], &backend, err, sizeof(err));
  if (a) return a;
fail:
  fprintf(stderr, "fuzz_api: cannot start the API: %s\n", err);
  exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  co_log_setup(CO_LOG_ERROR, CO_LOG_FMT_HUMAN, NULL, stderr);
  co_api_token_hash(ALICE, alice_hash);
  co_api_token_hash(CAL, cal_hash);
  static const char *const required[] = {"api.listen", "127.0.0.1:0", "api.auth", "required", "api.admin.token", ADMIN,
                                         "api.cors.origin", "https://ops.example", "api.public.names", "ops.example",
                                         "api.threads", "1", "api.max.body.bytes", "4096", NULL};
  static const char *const session[] = {"api.listen", "127.0.0.1:0", "api.auth", "local-session", "api.threads", "1",
                                        NULL};
  api[0] = start(0, required);
  api[1] = start(1, session);
  atexit(stop);
  return 0;
}

/* Appends s[0..n) to the growing request (aborts when it does not fit:
 * the caps below keep it inside). */
typedef struct {
  char b[96 * 1024];
  size_t n;
} req_t;

static void put(req_t *r, const char *s, size_t n) {
  if (r->n + n > sizeof(r->b)) abort();
  memcpy(r->b + r->n, s, n);
  r->n += n;
}

static void puts_(req_t *r, const char *s) {
  put(r, s, strlen(s));
}

static int tchar(unsigned char c) {
  return c > 0x20 && c < 0x7f && !strchr("\"(),/:;<=>?@[\\]{}", c);
}

static int send_all(int fd, const char *s, size_t n) {
  while (n) {
    ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    s += w;
    n -= (size_t)w;
  }
  return 0;
}

/* connect() that survives libFuzzer's timer signal: an interrupted connect
 * goes on in the background (EINTR), so wait until the socket is writable
 * and read the outcome from SO_ERROR. 0 or -1 with errno. */
static int connect_retry(int fd, const struct sockaddr_in *a) {
  if (!connect(fd, (const struct sockaddr *)a, sizeof(*a))) return 0;
  if (errno != EINTR) return -1;
  struct pollfd p = {.fd = fd, .events = POLLOUT};
  int n, err = 0;
  socklen_t len = sizeof(err);
  while ((n = poll(&p, 1, 10000)) < 0 && errno == EINTR) {
  }
  if (n <= 0) return errno = n ? errno : ETIMEDOUT, -1;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) || err) return errno = err ? err : errno, -1;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static req_t r;
  char *f[5], hex[4];
  fuzz_fields(data, size, f, 5);
  const char *method = f[0], *target = f[1], *body = f[2], *hdrs = f[4];
  int which = (unsigned char)f[3][0] & 1;
  char cred = f[3][0];
  int port = co_api_port(api[which]);
  r.n = 0;

  size_t ml = 0;
  for (const char *c = method; *c && ml < 16; c++)
    if (tchar((unsigned char)*c)) put(&r, c, 1), ml++;
  if (!ml) puts_(&r, "GET");
  puts_(&r, " ");
  if (target[0] != '/') puts_(&r, "/");
  for (size_t i = 0; target[i] && i < 3000; i++) {
    unsigned char c = (unsigned char)target[i];
    if (c <= 0x20 || c >= 0x7f) {
      snprintf(hex, sizeof(hex), "%%%02X", c);
      puts_(&r, hex);
    } else {
      put(&r, (const char *)&c, 1);
    }
  }
  puts_(&r, " HTTP/1.1\r\nConnection: close\r\n");
  int has_host = 0;
  for (const char *line = hdrs; *line;) { /* the extra header lines */
    const char *nl = strchr(line, '\n');
    size_t n = nl ? (size_t)(nl - line) : strlen(line), k = 0;
    char h[1025];
    if (n > 1024) n = 1024;
    for (size_t i = 0; i < n; i++) /* CRs dropped first: the checks below see the header as sent */
      if (line[i] != '\r') h[k++] = line[i];
    h[k] = '\0';
    /* message framing is the client's part, not the router's: a fuzzed
     * Transfer-Encoding or second Content-Length would leave the server
     * waiting for a body that never comes ("transfer-encodin\rg:" too) */
    int framing = !strncasecmp(h, "content-length:", 15) || !strncasecmp(h, "transfer-encoding:", 18) ||
                  !strncasecmp(h, "connection:", 11) || !strncasecmp(h, "expect:", 7);
    /* a line opening with SP or HTAB continues the previous header (obs-fold):
     * it would fold into "Connection: close" and keep the connection open */
    if (!framing && strchr(h, ':') && h[0] != ':' && h[0] != ' ' && h[0] != '\t') {
      puts_(&r, h);
      puts_(&r, "\r\n");
      has_host |= !strncasecmp(h, "host:", 5);
    }
    line = nl ? nl + 1 : line + strlen(line);
  }
  char line[512];
  if (!has_host) {
    snprintf(line, sizeof(line), "Host: 127.0.0.1:%d\r\n", port);
    puts_(&r, line);
  }
  const char *secret = co_api_session_secret(api[which]);
  line[0] = '\0';
  if (cred == 'a' || cred == 'u' || cred == 'c')
    snprintf(line, sizeof(line), "Authorization: Bearer %s\r\n", cred == 'a' ? ADMIN : cred == 'u' ? ALICE : CAL);
  else if (cred == 'S' && secret)
    snprintf(line, sizeof(line), "Authorization: Bearer %s\r\n", secret);
  else if (cred == 's' && secret)
    snprintf(line, sizeof(line), "Cookie: careerops_session_%d=%s\r\n", port, secret);
  puts_(&r, line);
  size_t bl = strlen(body) > 8192 ? 8192 : strlen(body);
  if (bl) {
    snprintf(line, sizeof(line), "Content-Length: %zu\r\n", bl);
    puts_(&r, line);
  }
  puts_(&r, "\r\n");
  put(&r, body, bl);

  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  struct timeval tv = {10, 0}; /* a server that stopped answering, not a slow one */
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0 || connect_retry(fd, &a)) {
    fprintf(stderr, "fuzz_api: connect: %s\n", strerror(errno));
    abort();
  }
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  char resp[16384];
  size_t got = 0;
  int sent = send_all(fd, r.b, r.n); /* the server may answer and close before reading it all */
  for (;;) {
    ssize_t n = recv(fd, resp + got, sizeof(resp) - 1 - got, 0);
    if (n < 0 && errno == EINTR) continue; /* libFuzzer's timer signal */
    if (n < 0 && errno != ECONNRESET) {
      fprintf(stderr, "fuzz_api: no answer: %s\n", strerror(errno));
      abort();
    }
    if (n <= 0) break;
    got += (size_t)n;
    if (got == sizeof(resp) - 1) got = 12; /* keep the status line, drop the rest */
  }
  close(fd);
  resp[got] = '\0';
  int status = 0;
  if (sscanf(resp, "HTTP/1.%*d %d", &status) != 1) {
    if (sent == 0 && got == 0) {
      fprintf(stderr, "fuzz_api: connection closed without an answer\n");
      abort();
    }
    goto out; /* reset while sending: libmicrohttpd refused the request outright */
  }
  switch (status) {
  case 200: case 202: case 204: /* answered */
  case 400: case 401: case 403: case 404: case 405: case 413: case 414: case 415: case 421: /* the API's refusals */
  case 303: /* the session exchange redirects to / */
  case 431: case 501: case 505: /* libmicrohttpd on a malformed request */
    break;
  default:
    fprintf(stderr, "fuzz_api: unexpected status %d\n%.400s\n", status, resp);
    abort();
  }
out:
  fuzz_fields_free(f, 5);
  return 0;
}
