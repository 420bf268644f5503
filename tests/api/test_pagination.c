/* api_cursor_walk_returns_every_application_once_and_filters_match: walking
 * the applications with small pages returns each application exactly once
 * (the same set the pipeline lists), and every filter (stage, company
 * substring, from/to on first_seen, combined) returns exactly the
 * applications a direct scan of the pipeline's listing selects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "api_tu.h"

typedef struct truth_s {
  json_t *apps; /* stored JSON objects */
} truth_t;

static int truth_cb(const co_pipeline_app_t *a, void *opaque) {
  truth_t *t = opaque;
  json_array_append_new(t->apps, json_loads(a->json, 0, NULL));
  return 0;
}

/* Walks all pages of query with page size limit; returns the items. */
static const char *g_tok; /* this run's session secret, as a bearer token */

static json_t *walk(const char *base, const char *query, int limit, int *pages) {
  json_t *all = json_array();
  char path[1024], cursor[256] = "";
  *pages = 0;
  for (;;) {
    api_resp_t r;
    snprintf(path, sizeof(path), "/api/accounts/alice/applications?limit=%d%s%s%s", limit, query,
             *cursor ? "&cursor=" : "", cursor);
    api_req(base, "GET", path, g_tok, NULL, &r);
    if (r.status != 200) fail_msg("%s: %ld %s", path, r.status, r.body);
    json_t *items = json_object_get(r.json, "items");
    assert_true(json_array_size(items) <= (size_t)limit);
    json_array_extend(all, items);
    (*pages)++;
    const char *next = json_string_value(json_object_get(r.json, "next_cursor"));
    if (next) {
      assert_int_equal(json_array_size(items), limit); /* only full pages have a next one */
      snprintf(cursor, sizeof(cursor), "%s", next);
    }
    api_resp_free(&r);
    if (!next) break;
    assert_true(*pages < 100);
  }
  return all;
}

static int matches(json_t *app, const char *stage, const char *company, const char *from, const char *to) {
  const char *fs = json_string_value(json_object_get(app, "first_seen"));
  char day[11];
  snprintf(day, sizeof(day), "%s", fs ? fs : "");
  if (stage && strcmp(stage, json_string_value(json_object_get(app, "stage")))) return 0;
  if (company && !strcasestr(json_string_value(json_object_get(app, "company")), company)) return 0;
  if (from && strcmp(day, from) < 0) return 0;
  if (to && strcmp(day, to) > 0) return 0;
  return 1;
}

/* Same multiset of (company, role) in got as in truth filtered. */
static void check(json_t *truth, json_t *got, const char *stage, const char *company, const char *from,
                  const char *to) {
  size_t want = 0, i, j;
  json_t *a, *g;
  json_array_foreach(truth, i, a) if (matches(a, stage, company, from, to)) {
    want++;
    int found = 0;
    json_array_foreach(got, j, g) found +=
        !strcmp(json_string_value(json_object_get(g, "company")), json_string_value(json_object_get(a, "company"))) &&
        !strcmp(json_string_value(json_object_get(g, "role")), json_string_value(json_object_get(a, "role")));
    if (found != 1)
      fail_msg("%s / %s found %d times (filter %s %s %s %s)", json_string_value(json_object_get(a, "company")),
               json_string_value(json_object_get(a, "role")), found, stage ? stage : "-", company ? company : "-",
               from ? from : "-", to ? to : "-");
  }
  assert_int_equal(json_array_size(got), want);
}

static void test_pagination(void **state) {
  (void)state;
  api_tu_t t;
  truth_t tr = {json_array()};
  char err[256];
  int pages;
  api_tu_start(&t, NULL);
  g_tok = co_pipeline_api_session_secret(t.api);
  assert_int_equal(co_pipeline_applications(t.p, "alice", truth_cb, &tr, err, sizeof(err)), CO_OK);
  size_t n = json_array_size(tr.apps);
  assert_true(n >= 10);

  /* every page size from 1 to n+1: each application exactly once, keys distinct */
  for (int limit = 1; limit <= (int)n + 1; limit++) {
    json_t *all = walk(t.base, "", limit, &pages);
    check(tr.apps, all, NULL, NULL, NULL, NULL);
    assert_int_equal(pages, (n + (size_t)limit - 1) / (size_t)limit); /* the last page has no next */
    for (size_t i = 0; i < json_array_size(all); i++)
      for (size_t j = i + 1; j < json_array_size(all); j++)
        assert_string_not_equal(json_string_value(json_object_get(json_array_get(all, i), "key")),
                                json_string_value(json_object_get(json_array_get(all, j), "key")));
    json_decref(all);
  }

  /* filters, alone and combined, also across pages */
  const char *stages[] = {"APPLIED", "INTERVIEW", "OFFER", "REJECTION"};
  int nonempty = 0;
  for (int s = 0; s < 4; s++) {
    char q[64];
    snprintf(q, sizeof(q), "&stage=%s", stages[s]);
    json_t *got = walk(t.base, q, 2, &pages);
    nonempty += json_array_size(got) > 0;
    check(tr.apps, got, stages[s], NULL, NULL, NULL);
    json_decref(got);
  }
  assert_true(nonempty >= 3); /* the sample ends in offers, rejections and silence */

  const char *company = json_string_value(json_object_get(json_array_get(tr.apps, 0), "company"));
  char sub[8], q[256];
  snprintf(sub, sizeof(sub), "%.3s", company + 1); /* a substring, different case below */
  for (char *c = sub; *c; c++) *c = (char)(*c ^ 0x20 * ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')));
  snprintf(q, sizeof(q), "&company=%s", sub);
  json_t *got = walk(t.base, q, 3, &pages);
  assert_true(json_array_size(got) >= 1);
  check(tr.apps, got, NULL, sub, NULL, NULL);
  json_decref(got);

  /* a date window: the middle of the sample's five weeks */
  const char *fs = json_string_value(json_object_get(json_array_get(tr.apps, n / 2), "first_seen"));
  char day[11];
  snprintf(day, sizeof(day), "%s", fs);
  snprintf(q, sizeof(q), "&from=%s", day);
  got = walk(t.base, q, 4, &pages);
  check(tr.apps, got, NULL, NULL, day, NULL);
  assert_true(json_array_size(got) >= 1 && json_array_size(got) < n + 1);
  json_decref(got);
  snprintf(q, sizeof(q), "&to=%s", day);
  got = walk(t.base, q, 4, &pages);
  check(tr.apps, got, NULL, NULL, NULL, day);
  json_decref(got);
  snprintf(q, sizeof(q), "&from=%s&to=%s&stage=OFFER", day, day);
  got = walk(t.base, q, 1, &pages);
  check(tr.apps, got, "OFFER", NULL, day, day);
  json_decref(got);

  /* total counts the filtered set, not the page */
  api_resp_t r;
  api_req(t.base, "GET", "/api/accounts/alice/applications?limit=1&stage=OFFER", g_tok, NULL, &r);
  size_t offers = 0, i;
  json_t *a;
  json_array_foreach(tr.apps, i, a) offers += matches(a, "OFFER", NULL, NULL, NULL);
  assert_int_equal(json_integer_value(json_object_get(r.json, "total")), offers);
  api_resp_free(&r);

  json_decref(tr.apps);
  api_tu_stop(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_pagination)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
