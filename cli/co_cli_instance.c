/* co_cli_instance.c: one owner of the embedded state. `careerops run`
 * holds the state dir's RocksDB lock; a one-shot command that writes
 * (import) asks the running instance to do the work instead of failing on
 * that lock.
 *
 * The running instance writes state.dir/instance.json (mode 0600, replaced
 * atomically, removed when it stops): {"url", "pid", "secret"}. secret is
 * the run's session secret (api.auth local-session; the operator's
 * credential), null otherwise: then the CLI uses api.admin.token from the
 * same configuration. A file whose pid is gone, or whose instance does not
 * answer, means no instance: the command opens the state itself. */
#include <curl/curl.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "co_buf.h"
#include "co_cli_instance.h"
#include "co_json.h"

static void path_of(const co_conf_t *conf, const char *name, char *buf, size_t size) {
  snprintf(buf, size, "%s/%s", co_conf_str(conf, "state.dir"), name);
}

co_err_t co_cli_instance_write(const co_conf_t *conf, const char *url, const char *secret, char *errstr, size_t sz) {
  char path[4096], tmp[4200];
  path_of(conf, "instance.json", path, sizeof(path));
  snprintf(tmp, sizeof(tmp), "%s.tmp", path);
  json_t *j = json_pack("{s:s, s:I, s:s?}", "url", url, "pid", (json_int_t)getpid(), "secret", secret);
  char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
  json_decref(j);
  if (!s) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  mode_t old = umask(077);
  FILE *f = fopen(tmp, "w");
  umask(old);
  int ok = f && fputs(s, f) >= 0 && fputc('\n', f) != EOF;
  if (f && fclose(f)) ok = 0;
  free(s);
  if (!ok || rename(tmp, path)) {
    unlink(tmp);
    return co_seterr(errstr, sz, CO_ERR_IO, "cannot write %s: %s", path, strerror(errno));
  }
  return CO_OK;
}

void co_cli_instance_remove(const co_conf_t *conf) {
  char path[4096];
  path_of(conf, "instance.json", path, sizeof(path));
  unlink(path);
}

int co_cli_instance_call(const co_conf_t *conf, const char *path, const json_t *body, long timeout_ms, long *status,
                         json_t **resp, char *errstr, size_t sz) {
  char file[4096], url[2048], auth[600];
  *status = 0;
  *resp = NULL;
  path_of(conf, "instance.json", file, sizeof(file));
  json_t *inst = json_load_file(file, 0, NULL);
  if (!inst) return -1;
  pid_t pid = (pid_t)json_integer_value(json_object_get(inst, "pid"));
  const char *base = co_json_str(inst, "url");
  const char *secret = *co_json_str(inst, "secret") ? co_json_str(inst, "secret") : co_conf_str(conf, "api.admin.token");
  if (pid <= 0 || (kill(pid, 0) && errno == ESRCH) || !*base) { /* left by a run that died */
    json_decref(inst);
    return -1;
  }
  snprintf(url, sizeof(url), "%s%s", base, path);
  snprintf(auth, sizeof(auth), "Authorization: Bearer %s", secret);
  int has_secret = *secret != '\0';
  json_decref(inst); /* secret and base point into it */
  char *b = body ? json_dumps(body, JSON_COMPACT) : NULL;
  CURL *c = curl_easy_init();
  struct curl_slist *h = curl_slist_append(NULL, body ? "Content-Type: application/json" : "Accept: application/json");
  if (has_secret) h = curl_slist_append(h, auth);
  co_buf_t out = {0};
  int rc = -1;
  if ((body && !b) || !c || !h) {
    rc = 1;
    snprintf(errstr, sz, "out of memory");
    goto done;
  }
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
  if (b) curl_easy_setopt(c, CURLOPT_POSTFIELDS, b); /* else a GET */
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, co_buf_curl_write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  CURLcode cc = curl_easy_perform(c);
  if (cc == CURLE_COULDNT_CONNECT) goto done; /* the instance is gone: -1, open the state */
  if (cc != CURLE_OK) {
    rc = 1;
    snprintf(errstr, sz, "the running instance (%s) did not answer: %s", url, curl_easy_strerror(cc));
    goto done;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
  *resp = out.len ? json_loadb(out.data, out.len, 0, NULL) : NULL;
  rc = 0;
done:
  co_buf_free(&out);
  curl_slist_free_all(h);
  if (c) curl_easy_cleanup(c);
  free(b);
  return rc;
}

const char *co_cli_instance_why(json_t *resp) {
  const char *msg = json_string_value(json_object_get(json_object_get(resp, "error"), "message"));
  return msg && *msg ? msg : "no reason given";
}
