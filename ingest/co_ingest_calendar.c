/* co_ingest_calendar.c: an invite's text/calendar part, read with libical.
 *
 * From the VCALENDAR: METHOD. From its first VEVENT: SUMMARY, DTSTART,
 * DTEND (or DURATION), SEQUENCE, STATUS, LOCATION, URL, DESCRIPTION, UID.
 * DTSTART is kept as written ("dtstart": "...Z" for UTC, a local time plus
 * "dtstart_tzid" for zoned times, "YYYY-MM-DD" for all-day) and resolved to
 * an instant ("start_utc"): a TZID is looked up in the part's own VTIMEZONE
 * blocks first (libical does this when it reads DTSTART inside its
 * VCALENDAR), then in the system tz database (libical's built-in zones); a
 * floating time or an unknown TZID gives no instant. A video link that
 * calendar servers put in X- properties (Google's X-GOOGLE-CONFERENCE,
 * Teams' X-MICROSOFT-SKYPETEAMSMEETINGURL) stands in for a missing URL. */
#include <libical/ical.h>
#include <string.h>
#include <strings.h>

#include "co_ingest_int.h"

#define CO_CAL_DESCRIPTION_MAX 4000

static json_t *str_or_null(const char *s) {
  if (!s || !*s) return json_null();
  char *v = g_utf8_make_valid(s, -1);
  json_t *j = json_string(v);
  g_free(v);
  return j;
}

/* The zone DTSTART/DTEND names: its VTIMEZONE, else the tz database. */
static const icaltimezone *zone_of(icalcomponent *ev, icalproperty_kind kind, struct icaltimetype t) {
  if (t.zone) return t.zone;
  icalproperty *p = icalcomponent_get_first_property(ev, kind);
  icalparameter *tz = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;
  const char *tzid = tz ? icalparameter_get_tzid(tz) : NULL;
  if (!tzid) return NULL;
  icalcomponent *cal = icalcomponent_get_parent(ev);
  icaltimezone *z = cal ? icalcomponent_get_timezone(cal, tzid) : NULL;
  if (!z) z = icaltimezone_get_builtin_timezone(tzid);
  if (!z && tzid[0] == '/') z = icaltimezone_get_builtin_timezone_from_tzid(tzid);
  return z;
}

/* Seconds since the epoch of t, or -1 when t is floating with no known zone. */
static long long instant_of(icalcomponent *ev, icalproperty_kind kind, struct icaltimetype t) {
  if (icaltime_is_null_time(t) || icaltime_is_date(t)) return -1;
  if (icaltime_is_utc(t)) return (long long)icaltime_as_timet(t);
  const icaltimezone *z = zone_of(ev, kind, t);
  if (!z) return -1;
  return (long long)icaltime_as_timet_with_zone(t, z);
}

static void dtstart_json(icalcomponent *ev, json_t *o) {
  struct icaltimetype t = icalcomponent_get_dtstart(ev);
  if (icaltime_is_null_time(t)) {
    json_object_set_new(o, "dtstart", json_null());
    return;
  }
  char buf[32];
  if (icaltime_is_date(t)) {
    g_snprintf(buf, sizeof(buf), "%04d-%02d-%02d", t.year, t.month, t.day);
    json_object_set_new(o, "dtstart", json_string(buf));
    return;
  }
  g_snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d%s", t.year, t.month, t.day, t.hour, t.minute, t.second,
             icaltime_is_utc(t) ? "Z" : "");
  json_object_set_new(o, "dtstart", json_string(buf));
  icalproperty *p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
  icalparameter *tz = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;
  const char *tzid = tz ? icalparameter_get_tzid(tz) : NULL;
  if (tzid && !icaltime_is_utc(t)) {
    json_object_set_new(o, "dtstart_tzid", json_string(tzid));
    /* the IANA name when the VTIMEZONE or the tz database has one */
    const icaltimezone *z = zone_of(ev, ICAL_DTSTART_PROPERTY, t);
    const char *loc = z ? icaltimezone_get_location((icaltimezone *)z) : NULL;
    json_object_set_new(o, "tzid", str_or_null(loc && strchr(loc, '/') ? loc : tzid));
  }
  long long start = instant_of(ev, ICAL_DTSTART_PROPERTY, t);
  if (start >= 0) {
    GDateTime *d = g_date_time_new_from_unix_utc(start);
    char *s = d ? g_date_time_format(d, "%Y-%m-%dT%H:%M:%SZ") : NULL;
    json_object_set_new(o, "start_utc", str_or_null(s));
    g_free(s);
    if (d) g_date_time_unref(d);
    struct icaltimetype e = icalcomponent_get_dtend(ev); /* DTEND, or DTSTART + DURATION */
    long long end = instant_of(ev, ICAL_DTEND_PROPERTY, e);
    if (end < 0 && !icaltime_is_null_time(e) && !icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY))
      end = instant_of(ev, ICAL_DTSTART_PROPERTY, e); /* from DURATION: DTSTART's zone */
    if (end > start && end - start <= 24 * 3600) json_object_set_new(o, "duration_min", json_integer((end - start) / 60));
  }
}

/* URL, or a conference link from a known X- property. */
static const char *url_of(icalcomponent *ev) {
  icalproperty *p = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
  if (p && icalproperty_get_url(p) && *icalproperty_get_url(p)) return icalproperty_get_url(p);
  for (p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
    const char *n = icalproperty_get_x_name(p);
    if (n && (!strcasecmp(n, "X-GOOGLE-CONFERENCE") || !strcasecmp(n, "X-MICROSOFT-SKYPETEAMSMEETINGURL")))
      return icalproperty_get_x(p);
  }
  return NULL;
}

static void event_json(icalcomponent *ev, json_t *o) {
  json_object_set_new(o, "summary", str_or_null(icalcomponent_get_summary(ev)));
  dtstart_json(ev, o);
  icalproperty *sp = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
  json_object_set_new(o, "sequence", json_integer(sp ? icalproperty_get_sequence(sp) : 0));
  icalproperty_status st = icalcomponent_get_status(ev);
  json_object_set_new(o, "status", st == ICAL_STATUS_NONE ? json_null() : str_or_null(icalproperty_status_to_string(st)));
  json_object_set_new(o, "location", str_or_null(icalcomponent_get_location(ev)));
  json_object_set_new(o, "url", str_or_null(url_of(ev)));
  const char *desc = icalcomponent_get_description(ev);
  if (desc && strlen(desc) > CO_CAL_DESCRIPTION_MAX) {
    const char *end = desc + CO_CAL_DESCRIPTION_MAX;
    g_utf8_validate(desc, CO_CAL_DESCRIPTION_MAX, &end); /* cut on a character boundary */
    json_object_set_new(o, "description", json_stringn(desc, (size_t)(end - desc)));
  } else {
    json_object_set_new(o, "description", str_or_null(desc));
  }
  json_object_set_new(o, "uid", str_or_null(icalcomponent_get_uid(ev)));
}

json_t *co_ingest_calendar_json(const char *ics) {
  icalcomponent *cal = icalparser_parse_string(ics);
  if (!cal) return NULL;
  json_t *o = NULL;
  icalcomponent *top = cal;
  if (icalcomponent_isa(cal) == ICAL_XROOT_COMPONENT)
    top = icalcomponent_get_first_component(cal, ICAL_VCALENDAR_COMPONENT);
  if (!top || icalcomponent_isa(top) != ICAL_VCALENDAR_COMPONENT) goto out;
  icalcomponent *ev = icalcomponent_get_first_component(top, ICAL_VEVENT_COMPONENT);
  o = json_object();
  icalproperty *mp = icalcomponent_get_first_property(top, ICAL_METHOD_PROPERTY);
  json_object_set_new(o, "method", mp ? str_or_null(icalproperty_method_to_string(icalproperty_get_method(mp)))
                                      : json_null());
  if (ev) {
    event_json(ev, o);
  } else {
    json_object_set_new(o, "summary", json_null());
    json_object_set_new(o, "dtstart", json_null());
  }
out:
  icalcomponent_free(cal);
  return o;
}
