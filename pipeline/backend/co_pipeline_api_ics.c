/* co_pipeline_api_ics.c: an account's interviews, as the API's JSON list
 * (upcoming first, then past with their outcome) and as an iCalendar feed.
 *
 * An interview is an application's "interview" object (co_pl_apps_interview:
 * utc, at, zone, minutes, link, status, plus identity and sequence kept by
 * co_pipeline_apps.c), else its next_interview (older state). Upcoming means
 * its instant is after now and it is not cancelled; a date alone counts as
 * upcoming through that day (UTC).
 *
 * The feed is built with libical. Each interview's UID is the SHA-256 of
 * (account, application key, the interview's identity: its first instant),
 * so it is the same across restarts, hosts and ports, and a reschedule keeps
 * it and raises SEQUENCE; a cancellation is STATUS:CANCELLED. A date alone is
 * an all-day event (DTSTART;VALUE=DATE). DESCRIPTION names company and role
 * and links to the application under api.public.url when set. */
#include <libical/ical.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_json.h"
#include "co_pipeline_api_int.h"
#include "co_time.h"

/* The interview of app as an API item (new reference) or NULL without one. */
static json_t *interview_item(const char *id, json_t *app, time_t now) {
  json_t *iv = json_object_get(app, "interview");
  const char *at = co_json_str(iv, "utc");
  if (!*at) at = co_json_str(iv, "at");
  if (!*at) at = co_json_str(app, "next_interview");
  time_t t;
  int date_only;
  if (!*at || co_time_parse_iso(at, 1, &t, &date_only)) return NULL;
  const char *status = *co_json_str(iv, "status") ? co_json_str(iv, "status") : "scheduled";
  int cancelled = !strcmp(status, "cancelled");
  int past = date_only ? t + 86400 <= now : t <= now;
  char utc[32] = "";
  if (!date_only) {
    struct tm g;
    gmtime_r(&t, &g);
    strftime(utc, sizeof(utc), "%Y-%m-%dT%H:%M:%SZ", &g);
  }
  const char *shown = *co_json_str(iv, "at") ? co_json_str(iv, "at") : *co_json_str(app, "next_interview") ? co_json_str(app, "next_interview") : at;
  json_t *it = json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:s, s:I}", "company", co_json_str(app, "company"), "role",
                         co_json_str(app, "role"), "at", shown, "application", id, "past", past, "upcoming",
                         !past && !cancelled, "date_only", date_only, "status", status, "t", (json_int_t)t);
  if (!it) return NULL;
  if (*utc) json_object_set_new(it, "utc", json_string(utc));
  static const char *const copy[] = {"zone", "minutes", "link", "link_kind", "location", NULL};
  for (int i = 0; copy[i]; i++)
    if (json_object_get(iv, copy[i]) && !json_is_null(json_object_get(iv, copy[i])))
      json_object_set(it, copy[i], json_object_get(iv, copy[i]));
  if (past || cancelled) json_object_set_new(it, "outcome", json_string(*co_json_str(app, "stage") ? co_json_str(app, "stage") : "APPLIED"));
  return it;
}

static int item_cmp(const void *a, const void *b) {
  json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
  int ux = json_is_true(json_object_get(x, "upcoming")), uy = json_is_true(json_object_get(y, "upcoming"));
  if (ux != uy) return uy - ux; /* upcoming first */
  json_int_t tx = json_integer_value(json_object_get(x, "t")), ty = json_integer_value(json_object_get(y, "t"));
  int c = tx < ty ? -1 : tx > ty;
  return ux ? c : -c; /* upcoming soonest first, the rest most recent first */
}

/* Items with the internal fields "_key" (store key) and "t" (epoch). */
static json_t *collect(co_pipeline_t *p, const char *account) {
  co_pl_apps_t a;
  size_t n = 0;
  time_t now = time(NULL);
  if (co_pl_api_load_apps(p, account, &a) == CO_ERR_NOT_FOUND) memset(&a, 0, sizeof(a));
  json_t **items = calloc(a.n + 1, sizeof(*items)), *arr = json_array();
  for (size_t i = 0; items && i < a.n; i++) {
    char *id = co_pl_b64url(a.keys[i], strlen(a.keys[i]));
    json_t *it = id ? interview_item(id, a.apps[i], now) : NULL;
    if (it) {
      json_object_set_new(it, "_key", json_string(a.keys[i]));
      items[n++] = it;
    }
    free(id);
  }
  if (items) qsort(items, n, sizeof(*items), item_cmp);
  for (size_t i = 0; i < n; i++) json_array_append_new(arr, items[i]);
  free(items);
  co_pl_api_apps_free(&a);
  return json_pack("{s:s, s:o}", "account", account, "items", arr);
}

/* The interview's UID: hex SHA-256 of account, application key and the
 * interview's identity, "@careerops". */
static void interview_uid(const char *account, const char *key, const char *identity, char out[80]) {
  unsigned char d[SHA256_DIGEST_LENGTH];
  size_t la = strlen(account) + 1, lk = strlen(key) + 1, li = strlen(identity);
  unsigned char *buf = malloc(la + lk + li + 1);
  if (buf) {
    memcpy(buf, account, la); /* with their NULs: unambiguous */
    memcpy(buf + la, key, lk);
    memcpy(buf + la + lk, identity, li);
  }
  SHA256(buf ? buf : (const unsigned char *)"", buf ? la + lk + li : 0, d);
  free(buf);
  for (int i = 0; i < 32; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
  snprintf(out + 64, 16, "@careerops");
}

static char *description(const json_t *it, const char *public_url) {
  char *s = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&s, &len);
  if (!f) return NULL;
  fprintf(f, "Company: %s\n", co_json_str(it, "company"));
  if (*co_json_str(it, "role")) fprintf(f, "Role: %s\n", co_json_str(it, "role"));
  if (*co_json_str(it, "link")) fprintf(f, "Where: %s\n", co_json_str(it, "link"));
  if (public_url && *public_url) {
    size_t bl = strlen(public_url);
    fprintf(f, "Application: %.*s/#/company/", (int)(bl && public_url[bl - 1] == '/' ? bl - 1 : bl), public_url);
    for (const unsigned char *c = (const unsigned char *)co_json_str(it, "company"); *c; c++)
      if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("-._~", *c))
        fputc(*c, f);
      else
        fprintf(f, "%%%02X", *c);
    fprintf(f, "?app=%s\n", co_json_str(it, "application"));
  }
  if (fclose(f)) {
    free(s);
    return NULL;
  }
  return s;
}

static icalcomponent *vevent(const json_t *it, json_t *app, const char *account, const char *public_url,
                             struct icaltimetype stamp) {
  json_t *iv = json_object_get(app, "interview");
  char uid[80], summary[512];
  const char *identity = *co_json_str(iv, "identity") ? co_json_str(iv, "identity") : *co_json_str(it, "utc") ? co_json_str(it, "utc") : co_json_str(it, "at");
  interview_uid(account, co_json_str(it, "_key"), identity, uid);
  time_t t = (time_t)json_integer_value(json_object_get(it, "t"));
  icalcomponent *ev = icalcomponent_new_vevent();
  icalcomponent_add_property(ev, icalproperty_new_uid(uid));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
  if (json_is_true(json_object_get(it, "date_only"))) {
    struct icaltimetype d = icaltime_from_timet_with_zone(t, 1, NULL);
    icalcomponent_add_property(ev, icalproperty_new_dtstart(d));
  } else {
    json_int_t mins = json_integer_value(json_object_get(it, "minutes"));
    icalcomponent_add_property(ev, icalproperty_new_dtstart(icaltime_from_timet_with_zone(t, 0, icaltimezone_get_utc_timezone())));
    icalcomponent_add_property(ev, icalproperty_new_duration(icaldurationtype_from_int((int)(mins > 0 ? mins : 60) * 60)));
  }
  snprintf(summary, sizeof(summary), "Interview: %s%s%s%s", co_json_str(it, "company"), *co_json_str(it, "role") ? " (" : "",
           co_json_str(it, "role"), *co_json_str(it, "role") ? ")" : "");
  icalcomponent_add_property(ev, icalproperty_new_summary(summary));
  const char *link = co_json_str(it, "link"), *place = co_json_str(it, "location");
  if (*place || *link) icalcomponent_add_property(ev, icalproperty_new_location(*place ? place : link));
  if (!strncmp(link, "https://", 8) || !strncmp(link, "http://", 7))
    icalcomponent_add_property(ev, icalproperty_new_url(link));
  char *desc = description(it, public_url);
  if (desc) icalcomponent_add_property(ev, icalproperty_new_description(desc));
  free(desc);
  icalcomponent_add_property(ev, icalproperty_new_sequence((int)json_integer_value(json_object_get(iv, "sequence"))));
  icalcomponent_add_property(ev, icalproperty_new_status(strcmp(co_json_str(it, "status"), "cancelled") ? ICAL_STATUS_CONFIRMED
                                                                                                   : ICAL_STATUS_CANCELLED));
  return ev;
}

char *co_pl_api_ics(co_pipeline_t *p, const char *account, const char *instance) {
  (void)instance; /* the UID no longer names the serving instance */
  co_pl_apps_t a;
  json_t *iv = collect(p, account), *it;
  const char *public_url = co_conf_str(p->conf, "api.public.url");
  char *out = NULL;
  size_t i;
  if (!iv) return NULL;
  if (co_pl_api_load_apps(p, account, &a) == CO_ERR_NOT_FOUND) memset(&a, 0, sizeof(a));
  icalcomponent *cal = icalcomponent_new_vcalendar();
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//CareerOps//Interviews//EN"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalproperty *name = icalproperty_new_x(account);
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(cal, name);
  struct icaltimetype stamp = icaltime_from_timet_with_zone(time(NULL), 0, icaltimezone_get_utc_timezone());
  json_array_foreach(json_object_get(iv, "items"), i, it) {
    json_t *app = NULL;
    for (size_t k = 0; k < a.n && !app; k++)
      if (!strcmp(a.keys[k], co_json_str(it, "_key"))) app = a.apps[k];
    icalcomponent_add_component(cal, vevent(it, app, account, public_url, stamp));
  }
  char *s = icalcomponent_as_ical_string_r(cal);
  out = s ? strdup(s) : NULL; /* libical's buffer goes back to libical */
  if (s) icalmemory_free_buffer(s);
  icalcomponent_free(cal);
  co_pl_api_apps_free(&a);
  json_decref(iv);
  return out;
}

json_t *co_pl_api_interviews(co_pipeline_t *p, const char *account) {
  json_t *iv = collect(p, account), *it;
  size_t i;
  json_array_foreach(json_object_get(iv, "items"), i, it) {
    json_object_del(it, "_key");
    json_object_del(it, "t");
  }
  return iv;
}
