/* Proves the interviews answers a person plans with: through the real
 * pipeline and API, with dates relative to today, the interviews list shows
 * only the future, uncancelled interview as upcoming (a reschedule's new
 * time) and past or cancelled ones after it with their outcome; the .ics,
 * parsed by libical, holds every interview with a UID derived from account
 * and application (not host:port) that is the same after a restart on
 * another port, SEQUENCE raised by the reschedule, STATUS:CANCELLED for the
 * cancellation, LOCATION/URL of the call and a DESCRIPTION linking to the
 * application under api.public.url. */
#include <libical/ical.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "api_tu.h"
#include "co_th.h"

#define DAY 86400

static void rfc(time_t t, char *out, size_t sz) {
  struct tm g;
  gmtime_r(&t, &g);
  strftime(out, sz, "%a, %d %b %Y %H:%M:%S +0000", &g);
}

static void ical(time_t t, char *out, size_t sz) {
  struct tm g;
  gmtime_r(&t, &g);
  strftime(out, sz, "%Y%m%dT%H%M%SZ", &g);
}

/* One email with a text/calendar part. */
static void mail(FILE *f, time_t date, const char *mid, const char *reply_to, const char *company, const char *role,
                 const char *body, const char *method, int seq, const char *status, time_t start, const char *uid) {
  char d[64], s[32], e[32];
  rfc(date, d, sizeof(d));
  ical(start, s, sizeof(s));
  ical(start + 3600, e, sizeof(e));
  fprintf(f,
          "From talent@x.example Mon Dec  7 09:00:00 2026\nFrom: %s Talent <talent@%c%c.example>\nTo: casey@example.net\n"
          "Subject: %sInterview invitation - %s at %s\nDate: %s\nMessage-ID: <%s>\n",
          company, company[0] | 32, company[1], reply_to ? "Re: " : "", role, company, d, mid);
  if (reply_to) fprintf(f, "In-Reply-To: <%s>\n", reply_to);
  fprintf(f,
          "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b\"\n\n--b\n"
          "Content-Type: text/plain; charset=utf-8\n\nHi Casey,\n\n%s\n\nBest,\nJordan\n"
          "--b\nContent-Type: text/calendar; charset=utf-8; method=%s\n\n"
          "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\nMETHOD:%s\nBEGIN:VEVENT\nUID:%s\nSEQUENCE:%d\n"
          "STATUS:%s\nDTSTART:%s\nDTEND:%s\nSUMMARY:Interview\nLOCATION:https://%c%c.zoom.us/j/4445556667\n"
          "END:VEVENT\nEND:VCALENDAR\n--b--\n\n",
          body, method, method, uid, seq, status, s, e, company[0] | 32, company[1]);
}

static void write_mbox(const char *path, time_t now) {
  time_t today = now - now % DAY;
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  const char *inv = "Thanks for applying to the %s role. We'd like to invite you to an interview; the invitation is attached.";
  char b[512];
  snprintf(b, sizeof(b), inv, "Site Reliability Engineer");
  mail(f, now - 3 * DAY, "h1@harbor.example", NULL, "Harbor Logistics", "Site Reliability Engineer", b, "REQUEST", 0,
       "CONFIRMED", today + 5 * DAY + 15 * 3600, "harbor-1");
  mail(f, now - 2 * DAY, "h2@harbor.example", "h1@harbor.example", "Harbor Logistics", "Site Reliability Engineer",
       "We need to reschedule your interview: the new time is in the updated invitation attached.", "REQUEST", 1,
       "CONFIRMED", today + 6 * DAY + 15 * 3600, "harbor-1");
  snprintf(b, sizeof(b), inv, "Data Engineer");
  mail(f, now - 20 * DAY, "q1@quill.example", NULL, "Quill Analytics", "Data Engineer", b, "REQUEST", 0, "CONFIRMED",
       today - 10 * DAY + 17 * 3600, "quill-1");
  snprintf(b, sizeof(b), inv, "Backend Engineer");
  mail(f, now - 3 * DAY, "o1@orchard.example", NULL, "Orchard Labs", "Backend Engineer", b, "REQUEST", 0, "CONFIRMED",
       today + 8 * DAY + 16 * 3600, "orchard-1");
  char when[96];
  time_t o = today + 8 * DAY + 16 * 3600;
  struct tm g;
  gmtime_r(&o, &g);
  strftime(when, sizeof(when), "%A, %B %d at 4:00 PM UTC", &g);
  snprintf(b, sizeof(b), "I'm sorry: your interview on %s has been cancelled, as the hiring manager is out.", when);
  mail(f, now - 1 * DAY, "o2@orchard.example", "o1@orchard.example", "Orchard Labs", "Backend Engineer", b, "CANCEL", 1,
       "CANCELLED", o, "orchard-1");
  fclose(f);
}

typedef struct ev_s {
  char uid[128], summary[256], location[256], desc[1024], status[32];
  int seq;
  time_t start;
} ev_t;

/* Parses the feed with libical; returns the number of VEVENTs (max 16). */
static int parse_ics(const char *text, ev_t *out) {
  icalcomponent *cal = icalparser_parse_string(text);
  assert_non_null(cal);
  assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
  int n = 0;
  for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e && n < 16;
       e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++) {
    ev_t *v = &out[n];
    memset(v, 0, sizeof(*v));
    snprintf(v->uid, sizeof(v->uid), "%s", icalcomponent_get_uid(e) ? icalcomponent_get_uid(e) : "");
    snprintf(v->summary, sizeof(v->summary), "%s", icalcomponent_get_summary(e) ? icalcomponent_get_summary(e) : "");
    snprintf(v->location, sizeof(v->location), "%s", icalcomponent_get_location(e) ? icalcomponent_get_location(e) : "");
    snprintf(v->desc, sizeof(v->desc), "%s", icalcomponent_get_description(e) ? icalcomponent_get_description(e) : "");
    snprintf(v->status, sizeof(v->status), "%s", icalproperty_status_to_string(icalcomponent_get_status(e)));
    v->seq = icalcomponent_get_sequence(e);
    v->start = icaltime_as_timet_with_zone(icalcomponent_get_dtstart(e), icaltimezone_get_utc_timezone());
    assert_non_null(icalcomponent_get_first_property(e, ICAL_DTSTAMP_PROPERTY));
  }
  icalcomponent_free(cal);
  return n;
}

static const ev_t *by_company(const ev_t *v, int n, const char *company) {
  for (int i = 0; i < n; i++)
    if (strstr(v[i].summary, company)) return &v[i];
  fail_msg("no event for %s", company);
  return NULL;
}

static void open_api(const char *dir, int port, co_conf_t **conf, co_pipeline_t **p, char *base) {
  char err[512], listen[64];
  snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
  sprintf(base, "http://127.0.0.1:%d", port);
  *conf = co_conf_new();
  if (co_conf_set(*conf, "state.dir", dir, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(*conf, "api.listen", listen, CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_set(*conf, "api.public.url", "https://ops.example", CO_CONF_SRC_CLI, err, sizeof(err)) ||
      co_conf_finalize(*conf, err, sizeof(err)))
    fail_msg("conf: %s", err);
  if (!(*p = co_pipeline_new(*conf, err, sizeof(err)))) fail_msg("pipeline: %s", err);
}

static co_pipeline_api_t *start_api(co_pipeline_t *p, co_conf_t *conf) {
  char err[512];
  co_pipeline_api_t *api = co_pipeline_api_start(p, conf, err, sizeof(err));
  if (!api) fail_msg("api: %s", err);
  return api;
}

static void api_interviews_upcoming_past_and_ics_stable_uids(void **state) {
  (void)state;
  char err[512], base[64], mbox[4096];
  time_t now = time(NULL);
  char *dir = co_th_tmpdir("ics");
  co_conf_t *conf;
  co_pipeline_t *p;
  snprintf(mbox, sizeof(mbox), "%s/casey.mbox", dir);
  write_mbox(mbox, now);
  open_api(dir, co_th_free_port(), &conf, &p, base);
  co_pipeline_import_stats_t st;
  if (co_pipeline_import_mbox(p, mbox, "casey", &st, err, sizeof(err)) || co_pipeline_run_until_idle(p, err, sizeof(err)))
    fail_msg("import: %s", err);
  co_pipeline_api_t *api = start_api(p, conf);
  const char *tok = co_pipeline_api_session_secret(api);
  api_resp_t r;

  api_req(base, "GET", "/api/accounts/casey/interviews", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  printf("%s\n", r.body);
  json_t *items = json_object_get(r.json, "items");
  assert_int_equal(json_array_size(items), 3);
  json_t *first = json_array_get(items, 0);
  assert_string_equal(json_string_value(json_object_get(first, "company")), "Harbor Logistics");
  assert_true(json_is_true(json_object_get(first, "upcoming")));
  for (size_t i = 1; i < 3; i++) { /* past or cancelled: never upcoming, with the application's outcome */
    json_t *it = json_array_get(items, i);
    assert_false(json_is_true(json_object_get(it, "upcoming")));
    assert_non_null(json_string_value(json_object_get(it, "outcome")));
  }
  api_resp_free(&r);

  api_req(base, "GET", "/api/accounts/casey/interviews.ics", tok, NULL, &r);
  assert_int_equal(r.status, 200);
  printf("%s\n", r.body);
  ev_t ev[16], again[16];
  int n = parse_ics(r.body, ev);
  api_resp_free(&r);
  assert_int_equal(n, 3);
  time_t today = now - now % DAY;
  const ev_t *h = by_company(ev, n, "Harbor Logistics");
  assert_int_equal(h->start, today + 6 * DAY + 15 * 3600); /* the rescheduled time */
  assert_true(h->seq >= 1);
  assert_string_equal(h->status, "CONFIRMED");
  assert_non_null(strstr(h->location, "zoom.us/j/4445556667"));
  assert_non_null(strstr(h->desc, "Company: Harbor Logistics"));
  assert_non_null(strstr(h->desc, "Role: Site Reliability Engineer"));
  assert_non_null(strstr(h->desc, "https://ops.example/#/company/Harbor%20Logistics?app="));
  assert_string_equal(by_company(ev, n, "Orchard Labs")->status, "CANCELLED");
  assert_int_equal(by_company(ev, n, "Quill Analytics")->start, today - 10 * DAY + 17 * 3600);
  for (int i = 0; i < n; i++) assert_null(strstr(ev[i].uid, "127.0.0.1"));

  /* restart on another port: the same UIDs */
  co_pipeline_api_stop(api);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  open_api(dir, co_th_free_port(), &conf, &p, base);
  if (co_pipeline_run_until_idle(p, err, sizeof(err))) fail_msg("%s", err);
  api = start_api(p, conf);
  api_req(base, "GET", "/api/accounts/casey/interviews.ics", co_pipeline_api_session_secret(api), NULL, &r);
  assert_int_equal(r.status, 200);
  assert_int_equal(parse_ics(r.body, again), n);
  api_resp_free(&r);
  assert_string_equal(by_company(again, n, "Harbor Logistics")->uid, h->uid);
  for (int i = 0; i < n; i++) {
    int found = 0;
    for (int j = 0; j < n; j++) found |= !strcmp(ev[i].uid, again[j].uid);
    assert_true(found);
  }
  co_pipeline_api_stop(api);
  co_pipeline_destroy(p);
  co_conf_destroy(conf);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(api_interviews_upcoming_past_and_ics_stable_uids)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
