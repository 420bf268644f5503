/* e2e_tu.c: see e2e_tu.h. */
#include "e2e_tu.h"

#include <curl/curl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "co_th.h"

static size_t e2e_write(char *ptr, size_t size, size_t nmemb, void *opaque) {
  e2e_resp_t *r = opaque;
  size_t n = size * nmemb, have = r->body ? strlen(r->body) : 0;
  char *nb = realloc(r->body, have + n + 1);
  if (!nb) return 0;
  memcpy(nb + have, ptr, n);
  nb[have + n] = '\0';
  r->body = nb;
  return n;
}

static size_t e2e_header(char *line, size_t size, size_t nmemb, void *opaque) {
  e2e_resp_t *r = opaque;
  size_t n = size * nmemb;
  static const char name[] = "X-CareerOps-Instance:";
  if (n > sizeof(name) && !strncasecmp(line, name, sizeof(name) - 1)) {
    const char *v = line + sizeof(name) - 1;
    while (*v == ' ') v++;
    size_t vl = (size_t)(line + n - v);
    while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n')) vl--;
    snprintf(r->instance, sizeof(r->instance), "%.*s", (int)vl, v);
  }
  return n;
}

long e2e_get(const char *base, const char *path, const char *header, e2e_resp_t *r) {
  char url[8192];
  struct curl_slist *h = NULL;
  memset(r, 0, sizeof(*r));
  CURL *c = curl_easy_init();
  assert_non_null(c);
  snprintf(url, sizeof(url), "%s%s", base, path);
  if (header) h = curl_slist_append(h, header);
  h = curl_slist_append(h, "Authorization: Bearer " E2E_ADMIN_TOKEN); /* no open mode: e2e_spawn's admin token */
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, e2e_write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, e2e_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
  r->status = -1;
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
  curl_slist_free_all(h);
  curl_easy_cleanup(c);
  if (!r->body) r->body = strdup("");
  r->json = json_loads(r->body, 0, NULL);
  return r->status;
}

void e2e_resp_free(e2e_resp_t *r) {
  free(r->body);
  json_decref(r->json);
  memset(r, 0, sizeof(*r));
}

void e2e_escape(const char *s, char *out, size_t size) {
  char *e = curl_easy_escape(NULL, s, 0);
  snprintf(out, size, "%s", e ? e : "");
  curl_free(e);
}

const char *e2e_bin(void) {
  static char buf[4096];
  const char *bd = getenv("CO_BINARY_DIR");
  snprintf(buf, sizeof(buf), "%s/cli/careerops", bd ? bd : ".");
  return buf;
}

const char *e2e_sample(const char *name) {
  static char buf[4096];
  const char *sd = getenv("CO_SOURCE_DIR");
  snprintf(buf, sizeof(buf), "%s/data/sample/%s", sd ? sd : ".", name);
  return buf;
}

pid_t e2e_spawn(const char *cmd, const char *log) {
  char err[512], *full = malloc(strlen(cmd) + 8);
  setenv("CAREEROPS_API_ADMIN_TOKEN", E2E_ADMIN_TOKEN, 1); /* the API needs a credential; e2e_get sends it */
  sprintf(full, "exec %s", cmd);
  char *argv[] = {"/bin/sh", "-c", full, NULL};
  pid_t pid = co_th_spawn(argv, NULL, log, err, sizeof(err));
  free(full);
  if (pid <= 0) fail_msg("spawn: %s", err);
  return pid;
}

static int e2e_ready(const char *log, const char *base) {
  char line[256];
  snprintf(line, sizeof(line), "dashboard and API on %s/", base);
  if (!co_th_file_contains(log, line)) return 0;
  e2e_resp_t r;
  long s = e2e_get(base, "/ready", NULL, &r);
  e2e_resp_free(&r);
  return s == 200;
}

int e2e_wait_ready(const char *log, const char *base, int timeout_ms) {
  return CO_TH_WAIT_UNTIL(e2e_ready(log, base), timeout_ms);
}

json_t *e2e_apps(const char *base, const char *account) {
  char acct[256], path[1024], cursor[64] = "";
  json_t *all = json_array();
  e2e_escape(account, acct, sizeof(acct));
  for (;;) {
    e2e_resp_t r;
    snprintf(path, sizeof(path), "/api/accounts/%s/applications?limit=200%s%s", acct, *cursor ? "&cursor=" : "",
             cursor);
    if (e2e_get(base, path, NULL, &r) != 200 || !r.json) {
      e2e_resp_free(&r);
      json_decref(all);
      return NULL;
    }
    json_array_extend(all, json_object_get(r.json, "items"));
    const char *next = json_string_value(json_object_get(r.json, "next_cursor"));
    snprintf(cursor, sizeof(cursor), "%s", next ? next : "");
    e2e_resp_free(&r);
    if (!*cursor) return all;
  }
}

void e2e_log_clean(const char *log) {
  static const char *const marks[] = {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"};
  for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
    if (co_th_file_contains(log, marks[i])) {
      char *l = co_th_read_file(log, NULL);
      fail_msg("%s: sanitizer report (%s):\n%s", log, marks[i], l ? l : "");
    }
}
