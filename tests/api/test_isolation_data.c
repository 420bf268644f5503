/* api_account_never_reads_another_accounts_briefing_or_search: three
 * accounts that dealt with the same companies: alice (the sample's
 * interview and offer threads), bob (the same mail with distinct
 * Message-IDs) and carol (the very same Message-IDs as alice, a marker in
 * each subject):
 *  - each token reads a briefing for every company of its account that
 *    reached an interview or offer (never 404), and it is that account's
 *    alone: accounts [me], every history step mine, no account name,
 *    Message-ID or subject of another's anywhere in the body;
 *  - company timelines hold only the account's steps;
 *  - search (hybrid, vector, bm25; with and without a company filter)
 *    finds the account's documents and only its own, although the others'
 *    documents match the query as well;
 *  - an admin token reads every account's steps in a briefing and finds
 *    every account's documents in search. */
#include <curl/curl.h>
#include <strings.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_th.h"

#define CAROL_MARK "zqx-carol-only"

static long get(api_tu_t *t, const char *path, const char *token, json_t **out, char **body) {
  api_resp_t r;
  api_req(t->base, "GET", path, token, NULL, &r);
  long st = r.status;
  if (out) *out = json_incref(r.json);
  if (body) *body = strdup(r.body);
  api_resp_free(&r);
  return st;
}

static char *esc(const char *s) {
  char *e = curl_easy_escape(NULL, s, 0), *out = strdup(e);
  curl_free(e);
  return out;
}

/* Companies of account's applications that reached INTERVIEW or OFFER. */
static json_t *researched_companies(api_tu_t *t, const char *account, const char *token) {
  char path[256];
  json_t *page, *app, *st, *out = json_array();
  size_t i, j;
  snprintf(path, sizeof(path), "/api/accounts/%s/applications?limit=200", account);
  assert_int_equal(get(t, path, token, &page, NULL), 200);
  json_array_foreach(json_object_get(page, "items"), i, app) {
    int hit = 0;
    json_array_foreach(json_object_get(app, "stages"), j, st) {
      const char *s = json_string_value(json_object_get(st, "stage"));
      hit |= s && (!strcmp(s, "INTERVIEW") || !strcmp(s, "OFFER"));
    }
    if (hit) json_array_append(out, json_object_get(app, "company"));
  }
  json_decref(page);
  assert_true(json_array_size(out) > 0);
  return out;
}

/* Every trace of the other accounts' mail. The sample names none of them,
 * so any "bob" in alice's answers is bob's: his account name or his copy's
 * Message-ID prefix; any "carol", carol's name or her subject marker. */
static const char *const accounts[] = {"alice", "bob", "carol"};

static void no_trace(const char *body, const char *me, const char *what) {
  for (int i = 0; i < 3; i++)
    if (strcmp(accounts[i], me) && strcasestr(body, accounts[i]))
      fail_msg("%s of %s holds %s's data: %.2000s", what, me, accounts[i], body);
}

/* The email behind a timeline event: the account's own copy (carol's
 * has her subject marker; alice's, with the very same Message-ID, has
 * not), and no other account's token reads it through this account's path. */
static void own_email(api_tu_t *t, const char *me, const char *token, json_t *ev) {
  const char *mid = json_string_value(json_object_get(ev, "message_id"));
  assert_non_null(mid);
  char *id = co_th_b64url(mid), path[1024], *body = NULL;
  json_t *m;
  snprintf(path, sizeof(path), "/api/accounts/%s/emails/%s", me, id);
  long st = get(t, path, token, &m, &body);
  if (st != 200) fail_msg("%s: GET %s: %ld %s", me, path, st, body);
  assert_string_equal(json_string_value(json_object_get(m, "message_id")), mid);
  assert_string_equal(json_string_value(json_object_get(m, "subject")), json_string_value(json_object_get(ev, "subject")));
  assert_int_equal(!strcmp(me, "carol"), strstr(json_string_value(json_object_get(m, "subject")), CAROL_MARK) != NULL);
  assert_true(json_string_length(json_object_get(m, "text")) > 0);
  no_trace(body, me, "email");
  free(body);
  json_decref(m);
  for (int i = 0; i < 3; i++) { /* another account's token, this account's path: refused */
    if (!strcmp(accounts[i], me)) continue;
    char other[64];
    api_tu_token(t->conf, accounts[i], 0, other);
    api_resp_t r;
    api_req(t->base, "GET", path, other, NULL, &r);
    api_expect_error(&r, 403, "forbidden");
    api_resp_free(&r);
  }
  free(id);
}

static void own_briefings(api_tu_t *t, const char *me, const char *token) {
  json_t *companies = researched_companies(t, me, token), *c, *b, *e;
  size_t i, j;
  json_array_foreach(companies, i, c) {
    char path[1024], *comp = esc(json_string_value(c)), *body = NULL;
    snprintf(path, sizeof(path), "/api/companies/%s/briefing", comp);
    long st = get(t, path, token, &b, &body);
    if (st != 200) fail_msg("%s: GET %s: %ld %s", me, path, st, body);
    assert_int_equal(json_array_size(json_object_get(b, "accounts")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(b, "accounts"), 0)), me);
    assert_true(json_array_size(json_object_get(b, "history")) > 0);
    json_array_foreach(json_object_get(b, "history"), j, e)
        assert_string_equal(json_string_value(json_object_get(e, "account")), me);
    no_trace(body, me, "briefing");
    json_decref(b);
    free(body);
    /* the company timeline, and each of its emails */
    json_t *tl;
    snprintf(path, sizeof(path), "/api/accounts/%s/companies/%s", me, comp);
    assert_int_equal(get(t, path, token, &tl, &body), 200);
    no_trace(body, me, "company timeline");
    free(body);
    json_array_foreach(json_object_get(tl, "events"), j, e) own_email(t, me, token, e);
    json_decref(tl);
    free(comp);
  }
  json_decref(companies);
}

static void own_search(api_tu_t *t, const char *me, const char *token) {
  static const char *const qs[] = {"/api/search?q=interview&k=100",
                                   "/api/search?q=interview%20schedule&k=5&mode=vector",
                                   "/api/search?q=interview&k=5&mode=bm25", "/api/search?q=offer&k=3"};
  for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
    json_t *r, *h;
    char *body;
    size_t j;
    assert_int_equal(get(t, qs[i], token, &r, &body), 200);
    if (!json_array_size(json_object_get(r, "results"))) fail_msg("%s: %s finds nothing of hers: %s", me, qs[i], body);
    json_array_foreach(json_object_get(r, "results"), j, h)
        assert_string_equal(json_string_value(json_object_get(h, "account")), me);
    no_trace(body, me, "search");
    /* with a company filter: that company's document of hers */
    if (i == 0) {
      const char *company = json_string_value(json_object_get(json_array_get(json_object_get(r, "results"), 0), "company"));
      char path[1024], *comp = esc(company);
      json_t *f;
      snprintf(path, sizeof(path), "/api/search?q=interview&company=%s", comp);
      assert_int_equal(get(t, path, token, &f, NULL), 200);
      if (!json_array_size(json_object_get(f, "results"))) fail_msg("%s: nothing of %s", me, company);
      json_array_foreach(json_object_get(f, "results"), j, h) {
        assert_string_equal(json_string_value(json_object_get(h, "account")), me);
        assert_string_equal(json_string_value(json_object_get(h, "company")), company);
      }
      json_decref(f);
      free(comp);
    }
    json_decref(r);
    free(body);
  }
}

static void every_account(json_t *arr, int seen[3]) {
  json_t *h;
  size_t j;
  json_array_foreach(arr, j, h) {
    const char *a = json_string_value(json_object_get(h, "account"));
    for (int i = 0; i < 3; i++) seen[i] |= a && !strcmp(a, accounts[i]);
  }
}

static void admin_sees_all(api_tu_t *t, const char *admin) {
  json_t *r, *companies = researched_companies(t, "alice", admin), *b;
  int seen[3] = {0, 0, 0};
  assert_int_equal(get(t, "/api/search?q=interview&k=100", admin, &r, NULL), 200);
  every_account(json_object_get(r, "results"), seen);
  assert_true(seen[0] && seen[1] && seen[2]);
  json_decref(r);
  char path[1024], *comp = esc(json_string_value(json_array_get(companies, 0)));
  snprintf(path, sizeof(path), "/api/companies/%s/briefing", comp);
  assert_int_equal(get(t, path, admin, &b, NULL), 200);
  assert_int_equal(json_array_size(json_object_get(b, "accounts")), 3);
  memset(seen, 0, sizeof(seen));
  every_account(json_object_get(b, "history"), seen);
  assert_true(seen[0] && seen[1] && seen[2]);
  json_decref(b);
  free(comp);
  json_decref(companies);
}

/* The sample's interview and offer threads (a quick import) as account
 * mailboxes: alice's as they are; bob's with every Message-ID,
 * In-Reply-To and References id prefixed "bob-"; carol's with alice's very
 * Message-IDs and CAROL_MARK in each subject. */
static int job_mail(const char *msg, size_t len) {
  static const char *const words[] = {"interview", "offer", "next steps", NULL};
  for (const char *l = msg; l && l < msg + len; l = memchr(l, '\n', (size_t)(msg + len - l)), l = l ? l + 1 : NULL) {
    if (*l == '\n') break; /* end of the header block */
    if (strncmp(l, "Subject:", 8)) continue;
    const char *nl = memchr(l, '\n', (size_t)(msg + len - l));
    char subj[512];
    snprintf(subj, sizeof(subj), "%.*s", (int)((nl ? nl : msg + len) - l), l);
    for (int i = 0; words[i]; i++)
      if (strcasestr(subj, words[i])) return 1;
    return 0;
  }
  return 0;
}

static void write_mailbox(const char *src, const char *dst, const char *account) {
  size_t len;
  char *in = co_th_read_file(src, &len), *out = malloc(len * 2 + 1), *o = out;
  assert_non_null(in);
  assert_non_null(out);
  int ids_tag = !strcmp(account, "bob"), mark = !strcmp(account, "carol"), keep = 0;
  for (char *line = in; line < in + len;) {
    char *nl = memchr(line, '\n', (size_t)(in + len - line));
    size_t ll = nl ? (size_t)(nl - line) + 1 : (size_t)(in + len - line);
    if (!strncmp(line, "From ", 5)) { /* a message starts: up to the next "From " line */
      char *next = strstr(line + 1, "\nFrom "); /* in is NUL-terminated */
      keep = job_mail(line, (size_t)((next ? next : in + len) - line));
    }
    if (keep) {
      int ids = ids_tag && (!strncasecmp(line, "Message-ID:", 11) || !strncasecmp(line, "In-Reply-To:", 12) ||
                            !strncasecmp(line, "References:", 11));
      size_t i = 0;
      if (mark && !strncmp(line, "Subject: ", 9)) {
        o += sprintf(o, "Subject: %s ", CAROL_MARK);
        i = 9;
      }
      for (; i < ll; i++) {
        *o++ = line[i];
        if (ids && line[i] == '<') o += sprintf(o, "bob-");
      }
    }
    line += ll;
  }
  assert_int_equal(co_th_write_file(dst, out, (size_t)(o - out)), 0);
  free(in);
  free(out);
}

static void start(api_tu_t *t) {
  char err[512], listen[64], box[4096], src[4096];
  const char *sd = getenv("CO_SOURCE_DIR");
  int port = co_th_free_port();
  memset(t, 0, sizeof(*t));
  t->dir = co_th_tmpdir("api-isolation");
  t->conf = co_conf_new();
  snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
  snprintf(t->base, sizeof(t->base), "http://127.0.0.1:%d", port);
  /* the search index uses the hashed embedder: quicker, and accounts are
   * kept apart the same way */
  if (co_conf_set(t->conf, "state.dir", t->dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(t->conf, "api.listen", listen, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(t->conf, "embed.model.dir", "/nonexistent/use-the-hashed-embedder", CO_CONF_SRC_CLI, err,
                  sizeof(err)) ||
      co_conf_finalize(t->conf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  if (!(t->p = co_pipeline_new(t->conf, err, sizeof(err)))) fail_msg("pipeline: %s", err);
  snprintf(src, sizeof(src), "%s/data/sample/inbox.mbox", sd ? sd : ".");
  for (int i = 0; i < 3; i++) {
    co_pipeline_import_stats_t st;
    snprintf(box, sizeof(box), "%s/%s.mbox", t->dir, accounts[i]);
    write_mailbox(src, box, accounts[i]);
    if (co_pipeline_import_mbox(t->p, box, accounts[i], &st, err, sizeof(err))) fail_msg("import: %s", err);
  }
  if (co_pipeline_run_until_idle(t->p, err, sizeof(err))) fail_msg("run: %s", err);
  /* the search index follows the store in its thread: up to date now */
  if (co_pipeline_index_sync(t->p, err, sizeof(err))) fail_msg("index sync: %s", err);
  if (!(t->api = co_pipeline_api_start(t->p, t->conf, err, sizeof(err)))) fail_msg("api: %s", err);
}

static void account_reads_only_its_own(void **state) {
  (void)state;
  api_tu_t t;
  char tok[3][64], admin[64];
  start(&t);
  for (int i = 0; i < 3; i++) api_tu_token(t.conf, accounts[i], 0, tok[i]);
  api_tu_token(t.conf, NULL, 1, admin);
  for (int i = 0; i < 3; i++) {
    own_briefings(&t, accounts[i], tok[i]);
    own_search(&t, accounts[i], tok[i]);
  }
  admin_sees_all(&t, admin);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(account_reads_only_its_own)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
