/* Proves mail delivered while clients are connected reaches them, the way the
 * product will meet it: (1) after seeding hundreds of messages, UIDs follow
 * delivery order; (2) a libcurl session kept open (connection reused) is told
 * of a later delivery by NOOP (EXISTS) and finds it with UID SEARCH; (3) a
 * client in IDLE is told of a later delivery by an untagged EXISTS, without
 * polling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "co_th.h"
#include "co_th_imap.h"
#include "imap_test.h"

#define USER "carol"
#define PASS "live-pass-7"
#define SEED 300

static size_t sink(char *d, size_t s, size_t n, void *arg) { return fwrite(d, s, n, (FILE *)arg) * s; }

/* One transfer on a reused handle; returns its output (caller frees). */
static char *perform(CURL *c, const char *url, const char *cmd, long *new_conns) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, cmd);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, mem);
  assert_int_equal(curl_easy_perform(c), CURLE_OK);
  fclose(mem);
  curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, new_conns);
  return buf;
}

/* Reads from fd until the accumulated text contains needle or timeout. */
static int read_until(int fd, char *buf, size_t size, size_t *len, const char *needle, int timeout_ms) {
  int64_t deadline = co_th_now_ms() + timeout_ms;
  struct pollfd p = {.fd = fd, .events = POLLIN};
  while (!strstr(buf, needle)) {
    int left = (int)(deadline - co_th_now_ms());
    ssize_t n;
    if (left <= 0 || poll(&p, 1, left) <= 0) return 0;
    if (*len + 1 >= size || (n = read(fd, buf + *len, size - *len - 1)) <= 0) return 0;
    *len += (size_t)n;
    buf[*len] = '\0';
  }
  return 1;
}

static void send_line(int fd, const char *s) { assert_int_equal(write(fd, s, strlen(s)), (ssize_t)strlen(s)); }

static void live_delivery(void **state) {
  (void)state;
  char err[1024], *url = NULL, *fu = NULL, *out, id[64];
  long conns = -1;
  unsigned long last = 0;
  co_th_imap_t *m = co_th_imap_start(USER, PASS, err, sizeof(err));
  if (!m) fail_msg("%s", err);
  int64_t t0 = co_th_now_ms();
  if (co_th_imap_seed(m, "INBOX", 1, SEED, err, sizeof(err))) fail_msg("%s", err);
  printf("dovecot start-up %lld ms; seeded %d messages in %lld ms\n", (long long)co_th_imap_startup_ms(m), SEED,
         (long long)(co_th_now_ms() - t0));

  /* (1) UIDs follow delivery order: the highest UID is the last message. */
  assert_true(asprintf(&url, "%sINBOX", co_th_imap_url(m)) > 0);
  CURL *c = curl_easy_init();
  assert_non_null(c);
  curl_easy_setopt(c, CURLOPT_USERNAME, USER);
  curl_easy_setopt(c, CURLOPT_PASSWORD, PASS);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  out = perform(c, url, "UID SEARCH ALL", &conns);
  assert_int_equal(imap_test_search_count(out, &last), SEED);
  free(out);
  assert_true(asprintf(&fu, "%s;UID=%lu", url, last) > 0);
  assert_int_equal(co_th_imap_curl(fu, USER, PASS, NULL, &out, NULL), CURLE_OK);
  assert_non_null(strstr(out, co_th_imap_message_id(SEED, id, sizeof(id))));
  free(out);
  free(fu);

  /* (2) Same libcurl connection (no new connect), new message visible. */
  if (co_th_imap_seed(m, "INBOX", SEED + 1, 1, err, sizeof(err))) fail_msg("%s", err);
  out = perform(c, url, "NOOP", &conns); /* what a polling client does to sync */
  assert_int_equal(conns, 0);
  assert_int_equal(imap_test_exists(out), SEED + 1);
  free(out);
  out = perform(c, url, "UID SEARCH ALL", &conns);
  assert_int_equal(conns, 0);
  assert_int_equal(imap_test_search_count(out, NULL), SEED + 1);
  free(out);
  curl_easy_cleanup(c);

  /* (3) IDLE: the server pushes "* N EXISTS" for a delivery. */
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)co_th_imap_port(m)),
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  char buf[65536] = "", want[32];
  size_t len = 0;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  assert_true(fd >= 0);
  assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof(a)), 0);
  assert_true(read_until(fd, buf, sizeof(buf), &len, "\r\n", 10000));
  send_line(fd, "a1 LOGIN " USER " " PASS "\r\n");
  assert_true(read_until(fd, buf, sizeof(buf), &len, "a1 OK", 10000));
  send_line(fd, "a2 SELECT INBOX\r\n");
  assert_true(read_until(fd, buf, sizeof(buf), &len, "a2 OK", 10000));
  send_line(fd, "a3 IDLE\r\n");
  assert_true(read_until(fd, buf, sizeof(buf), &len, "+ idling", 10000));
  if (co_th_imap_seed(m, "INBOX", SEED + 2, 1, err, sizeof(err))) fail_msg("%s", err);
  snprintf(want, sizeof(want), "* %d EXISTS", SEED + 2);
  assert_true(read_until(fd, buf, sizeof(buf), &len, want, 30000));
  send_line(fd, "DONE\r\na4 LOGOUT\r\n");
  assert_true(read_until(fd, buf, sizeof(buf), &len, "a4 OK", 10000));
  close(fd);

  free(url);
  co_th_imap_stop(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(live_delivery)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
