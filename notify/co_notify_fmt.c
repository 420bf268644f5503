/* co_notify_fmt.c: what a person reads in a notification: the facts of a
 * notification object (company, role, the interview's local date, time and
 * zone, duration, link or place, links to the application and briefing) and
 * their text and Slack Block Kit forms.
 *
 * Times: the instant is the note's interview_utc (else interview_at with its
 * offset; a date alone stays a date). It is shown in user.timezone through
 * libical's built-in zones, which read the system tz database; an empty
 * user.timezone uses the process's zone (localtime_r, TZ or /etc/localtime).
 * libical's zone cache is shared, so zone lookups hold one mutex.
 *
 * Ids: the note's "application" is the applications store key; people and
 * the webhook get the API's id for it (URL-safe base64 without padding, the
 * same as pipeline/backend/co_pipeline_api_data.c), never the key with its
 * unit-separator bytes. */
#include <libical/ical.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_json.h"
#include "co_notify_int.h"

static pthread_mutex_t co_notify_tz_lock = PTHREAD_MUTEX_INITIALIZER;

char *co_notify_app_id(const char *key) {
  size_t n = strlen(key);
  char *out = malloc(4 * ((n + 2) / 3) + 1);
  if (!out) return NULL;
  int len = EVP_EncodeBlock((unsigned char *)out, (const unsigned char *)key, (int)n);
  while (len > 0 && out[len - 1] == '=') len--;
  out[len] = '\0';
  for (char *c = out; *c; c++) *c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
  return out;
}

/* "2026-12-14T15:00:00Z", "...-05:00" or "...+0100" -> epoch seconds; 0 on
 * success, 1 for a floating time (no zone: *out is its wall clock as if UTC),
 * -1 when it is no date-time. */
static int parse_instant(const char *iso, time_t *out) {
  struct tm tm = {0};
  const char *rest = strptime(iso, "%Y-%m-%dT%H:%M", &tm);
  if (!rest) return -1;
  if (*rest == ':') rest = strptime(rest, ":%S", &tm);
  if (!rest) return -1;
  if (*rest == '.')
    while (*++rest >= '0' && *rest <= '9')
      ;
  time_t t = timegm(&tm);
  *out = t;
  if (*rest == 'Z' || *rest == 'z') return 0;
  if (*rest != '+' && *rest != '-') return 1; /* floating: no instant */
  int hh = 0, mm = 0;
  if (sscanf(rest + 1, "%2d:%2d", &hh, &mm) < 1 && sscanf(rest + 1, "%2d%2d", &hh, &mm) < 1) return -1;
  int off = (hh * 60 + mm) * 60;
  *out = *rest == '-' ? t + off : t - off;
  return 0;
}

/* The local time of t in tz (IANA; NULL/"" = the process's zone) into tm_out,
 * with the zone's label ("America/Los_Angeles, UTC-08:00" or "CET, UTC+01:00")
 * and the offset in seconds. 0 on success. */
static int local_time(time_t t, const char *tz, struct tm *tm_out, char *label, size_t lsz, int *off_out) {
  int off;
  char name[64];
  if (tz && *tz) {
    pthread_mutex_lock(&co_notify_tz_lock);
    icaltimezone *z = !strcmp(tz, "UTC") ? icaltimezone_get_utc_timezone() : icaltimezone_get_builtin_timezone(tz);
    int dst = 0;
    struct icaltimetype it = icaltime_from_timet_with_zone(t, 0, icaltimezone_get_utc_timezone());
    off = z ? icaltimezone_get_utc_offset_of_utc_time(z, &it, &dst) : 0;
    pthread_mutex_unlock(&co_notify_tz_lock);
    if (!z) return -1;
    time_t lt = t + off;
    gmtime_r(&lt, tm_out);
    snprintf(name, sizeof(name), "%s", tz);
  } else {
    localtime_r(&t, tm_out);
    off = (int)tm_out->tm_gmtoff;
    strftime(name, sizeof(name), "%Z", tm_out);
  }
  int a = off < 0 ? -off : off;
  if (a % 3600)
    snprintf(label, lsz, "%s, UTC%c%02d:%02d", name, off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  else
    snprintf(label, lsz, "%s, UTC%c%02d:00", name, off < 0 ? '-' : '+', a / 3600);
  *off_out = off;
  return 0;
}

int co_notify_zone_known(const char *tz) {
  pthread_mutex_lock(&co_notify_tz_lock);
  int ok = !strcmp(tz, "UTC") || icaltimezone_get_builtin_timezone(tz) != NULL;
  pthread_mutex_unlock(&co_notify_tz_lock);
  return ok;
}

void co_notify_facts_free(co_notify_facts_t *f) {
  free(f->app_id);
  free(f->app_url);
  free(f->brief_url);
  memset(f, 0, sizeof(*f));
}

/* URL-encodes s (RFC 3986 unreserved kept) onto fp. */
static void url_enc(FILE *fp, const char *s) {
  for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
    if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("-._~", *c))
      fputc(*c, fp);
    else
      fprintf(fp, "%%%02X", *c);
  }
}

static char *dashboard_url(const char *base, const char *company, const char *app_id) {
  char *s = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&s, &len);
  if (!fp) return NULL;
  size_t bl = strlen(base);
  fprintf(fp, "%.*s/#/company/", (int)(bl && base[bl - 1] == '/' ? bl - 1 : bl), base);
  url_enc(fp, company);
  if (app_id) fprintf(fp, "?app=%s", app_id);
  if (fclose(fp)) {
    free(s);
    return NULL;
  }
  return s;
}

co_err_t co_notify_facts(const json_t *note, const char *tz, const char *public_url, co_notify_facts_t *f) {
  memset(f, 0, sizeof(*f));
  f->kind = co_json_str(note, "kind");
  f->company = co_json_str(note, "company");
  f->role = co_json_str(note, "role");
  f->status = co_json_str(note, "interview_status");
  f->link = co_json_str(note, "interview_link");
  f->link_kind = co_json_str(note, "interview_link_kind");
  f->summary = co_json_str(note, "summary");
  f->subject = co_json_str(note, "subject");
  json_t *mins = json_object_get(note, "interview_minutes");
  f->minutes = json_is_integer(mins) ? (int)json_integer_value(mins) : 0;
  const char *utc = co_json_str(note, "interview_utc"), *at = co_json_str(note, "interview_at");
  time_t t;
  int floating = 0;
  if (!(*utc && !parse_instant(utc, &t)) && *at && parse_instant(at, &t) == 1) { /* wall clock, zone unknown */
    struct tm tm;
    floating = 1;
    gmtime_r(&t, &tm);
    strftime(f->date, sizeof(f->date), "%a %d %b %Y", &tm);
    strftime(f->time, sizeof(f->time), "%H:%M", &tm);
    snprintf(f->zone, sizeof(f->zone), "time zone not given");
    f->has_time = 1;
    if (f->minutes > 0) {
      time_t e = t + f->minutes * 60;
      gmtime_r(&e, &tm);
      strftime(f->end, sizeof(f->end), "%H:%M", &tm);
    }
  }
  if (floating) {
    /* shown as written */
  } else if ((*utc && !parse_instant(utc, &t)) || (*at && !parse_instant(at, &t))) {
    struct tm tm;
    int off = 0;
    if (local_time(t, tz, &tm, f->zone, sizeof(f->zone), &off) &&
        local_time(t, NULL, &tm, f->zone, sizeof(f->zone), &off)) /* unknown tz: the system's */
      return CO_ERR_INVALID_ARG;
    f->has_time = 1;
    f->utc = t;
    strftime(f->date, sizeof(f->date), "%a %d %b %Y", &tm);
    strftime(f->time, sizeof(f->time), "%H:%M", &tm);
    if (f->minutes > 0) {
      time_t e = t + f->minutes * 60 + off;
      struct tm te;
      gmtime_r(&e, &te);
      strftime(f->end, sizeof(f->end), "%H:%M", &te);
    }
    struct tm g;
    gmtime_r(&t, &g);
    strftime(f->iso_utc, sizeof(f->iso_utc), "%Y-%m-%dT%H:%M:%SZ", &g);
  } else if (strlen(at) >= 10) { /* a date alone */
    struct tm tm = {0};
    if (strptime(at, "%Y-%m-%d", &tm)) {
      tm.tm_hour = 12;
      time_t d = timegm(&tm);
      gmtime_r(&d, &tm);
      strftime(f->date, sizeof(f->date), "%a %d %b %Y", &tm);
      snprintf(f->iso_date, sizeof(f->iso_date), "%.10s", at);
    }
  }
  const char *key = co_json_str(note, "application");
  if (*key && !(f->app_id = co_notify_app_id(key))) return CO_ERR_NOMEM;
  if (public_url && *public_url && *f->company) {
    if (!(f->brief_url = dashboard_url(public_url, f->company, NULL))) return CO_ERR_NOMEM;
    if (f->app_id && !(f->app_url = dashboard_url(public_url, f->company, f->app_id))) return CO_ERR_NOMEM;
  }
  return CO_OK;
}

/* "Interview", "Interview rescheduled", "Interview cancelled", "Offer". */
static const char *title_of(const co_notify_facts_t *f) {
  if (!strcmp(f->kind, "offer")) return "Offer";
  if (!strcmp(f->status, "cancelled")) return "Interview cancelled";
  if (!strcmp(f->status, "rescheduled")) return "Interview rescheduled";
  return "Interview";
}

void co_notify_fmt_when(const co_notify_facts_t *f, char *out, size_t sz) {
  if (f->has_time && *f->end)
    snprintf(out, sz, "%s, %s-%s (%s)", f->date, f->time, f->end, f->zone);
  else if (f->has_time)
    snprintf(out, sz, "%s, %s (%s)", f->date, f->time, f->zone);
  else if (*f->date)
    snprintf(out, sz, "%s (time not given)", f->date);
  else
    *out = '\0';
}

char *co_notify_text_facts(const co_notify_facts_t *f) {
  char *s = NULL, when[256];
  size_t len = 0;
  int offer = !strcmp(f->kind, "offer");
  FILE *fp = open_memstream(&s, &len);
  if (!fp) return NULL;
  fprintf(fp, "%s", title_of(f));
  if (*f->role || *f->company)
    fprintf(fp, ": %s%s%s", f->role, *f->role && *f->company ? " at " : "", f->company);
  fputc('\n', fp);
  co_notify_fmt_when(f, when, sizeof(when));
  if (!offer && *when) fprintf(fp, "When: %s\n", when);
  if (!offer && f->minutes > 0) fprintf(fp, "Duration: %d min\n", f->minutes);
  if (!offer && *f->link) fprintf(fp, "Where: %s\n", f->link);
  if (offer && *f->summary) fprintf(fp, "%s\n", f->summary);
  if (!offer && !*when && *f->summary) fprintf(fp, "%s\n", f->summary); /* no time: the summary is all there is */
  if (f->app_url) fprintf(fp, "Application: %s\n", f->app_url);
  if (f->brief_url) fprintf(fp, "Briefing: %s\n", f->brief_url);
  if (*f->subject) fprintf(fp, "Email: \"%s\"\n", f->subject);
  if (fclose(fp)) {
    free(s);
    return NULL;
  }
  if (len && s[len - 1] == '\n') s[len - 1] = '\0';
  return s;
}

char *co_notify_text_in(const json_t *note, const char *tz, const char *public_url) {
  co_notify_facts_t f;
  char *s = co_notify_facts(note, tz, public_url, &f) ? NULL : co_notify_text_facts(&f);
  co_notify_facts_free(&f);
  return s;
}

char *co_notify_text(const json_t *note) { return co_notify_text_in(note, NULL, NULL); }

static json_t *mrkdwn_field(const char *label, const char *value) {
  char *s = NULL;
  if (asprintf(&s, "*%s*\n%s", label, value) < 0) return NULL;
  json_t *j = json_pack("{s:s, s:s}", "type", "mrkdwn", "text", s);
  free(s);
  return j;
}

static int is_web(const char *u) { return !strncmp(u, "https://", 8) || !strncmp(u, "http://", 7); }

static json_t *button(const char *label, const char *url) {
  return json_pack("{s:s, s:{s:s, s:s}, s:s}", "type", "button", "text", "type", "plain_text", "text", label, "url",
                   url);
}

json_t *co_notify_slack_body(const co_notify_facts_t *f, const char *text) {
  char head[256], when[256], mins[32];
  int offer = !strcmp(f->kind, "offer");
  snprintf(head, sizeof(head), "%s: %s%s%s", title_of(f), f->role, *f->role && *f->company ? " at " : "", f->company);
  size_t hl = strlen(head);
  if (hl > 150) { /* Slack's header limit: cut on a UTF-8 boundary */
    hl = 150;
    while (hl && ((unsigned char)head[hl] & 0xC0) == 0x80) hl--;
    head[hl] = '\0';
  }
  json_t *fields = json_array(), *actions = json_array(), *blocks = json_array();
  if (!fields || !actions || !blocks) goto nomem;
  co_notify_fmt_when(f, when, sizeof(when));
  if (*f->company) json_array_append_new(fields, mrkdwn_field("Company", f->company));
  if (*f->role) json_array_append_new(fields, mrkdwn_field("Role", f->role));
  if (!offer && *when) json_array_append_new(fields, mrkdwn_field("When", when));
  if (!offer && f->minutes > 0) {
    snprintf(mins, sizeof(mins), "%d min", f->minutes);
    json_array_append_new(fields, mrkdwn_field("Duration", mins));
  }
  if (!offer && *f->link) json_array_append_new(fields, mrkdwn_field("Where", f->link));
  json_array_append_new(blocks, json_pack("{s:s, s:{s:s, s:s}}", "type", "header", "text", "type", "plain_text",
                                          "text", head));
  if (json_array_size(fields)) json_array_append_new(blocks, json_pack("{s:s, s:O}", "type", "section", "fields", fields));
  if ((offer || !*when) && *f->summary)
    json_array_append_new(blocks, json_pack("{s:s, s:{s:s, s:s}}", "type", "section", "text", "type", "plain_text",
                                            "text", f->summary));
  if (!offer && *f->link && is_web(f->link) && strcmp(f->status, "cancelled"))
    json_array_append_new(actions, button("Join", f->link));
  if (f->app_url) json_array_append_new(actions, button("Application", f->app_url));
  if (f->brief_url) json_array_append_new(actions, button("Briefing", f->brief_url));
  if (json_array_size(actions)) json_array_append_new(blocks, json_pack("{s:s, s:O}", "type", "actions", "elements", actions));
  if (*f->subject) {
    char *s = NULL;
    if (asprintf(&s, "Email: \"%s\"", f->subject) >= 0) {
      json_array_append_new(blocks, json_pack("{s:s, s:[{s:s, s:s}]}", "type", "context", "elements", "type",
                                              "plain_text", "text", s));
      free(s);
    }
  }
  json_t *body = json_pack("{s:s, s:O}", "text", text, "blocks", blocks);
  json_decref(fields);
  json_decref(actions);
  json_decref(blocks);
  return body;
nomem:
  json_decref(fields);
  json_decref(actions);
  json_decref(blocks);
  return NULL;
}

json_t *co_notify_webhook_note(const json_t *note, const co_notify_facts_t *f) {
  json_t *out = json_deep_copy(note);
  if (!out) return NULL;
  if (f->app_id) json_object_set_new(out, "application", json_string(f->app_id));
  else json_object_del(out, "application");
  if (*f->iso_utc) json_object_set_new(out, "interview_utc", json_string(f->iso_utc));
  json_t *links = json_object();
  if (f->app_url) json_object_set_new(links, "application", json_string(f->app_url));
  if (f->brief_url) json_object_set_new(links, "briefing", json_string(f->brief_url));
  json_object_set_new(out, "links", links);
  if (f->has_time) {
    char when[256];
    co_notify_fmt_when(f, when, sizeof(when));
    json_object_set_new(out, "local_time", json_string(when));
  }
  return out;
}
