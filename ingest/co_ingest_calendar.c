/* co_ingest_calendar.c: the minimum of an invite, read with libical.
 *
 * Downstream only needs to know that a message is an invitation, to what
 * and when: METHOD of the VCALENDAR, SUMMARY and DTSTART of its first
 * VEVENT. DTSTART is rendered ISO-8601: "...Z" for UTC, a plain local time
 * plus "dtstart_tzid" for zoned times, "YYYY-MM-DD" for all-day events.
 * We do not resolve TZIDs to UTC: that needs the VTIMEZONE blocks and a tz
 * database, and the classifier has no use for it. */
#include <libical/ical.h>

#include "co_ingest_int.h"

static json_t *dtstart_json(icalcomponent *ev, json_t *o) {
  struct icaltimetype t = icalcomponent_get_dtstart(ev);
  if (icaltime_is_null_time(t)) return json_null();
  char buf[32];
  if (icaltime_is_date(t)) {
    g_snprintf(buf, sizeof(buf), "%04d-%02d-%02d", t.year, t.month, t.day);
  } else {
    g_snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d%s", t.year, t.month, t.day, t.hour, t.minute,
               t.second, icaltime_is_utc(t) ? "Z" : "");
    icalproperty *p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    icalparameter *tz = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;
    const char *tzid = tz ? icalparameter_get_tzid(tz) : NULL;
    if (tzid && !icaltime_is_utc(t)) json_object_set_new(o, "dtstart_tzid", json_string(tzid));
  }
  return json_string(buf);
}

static json_t *str_or_null(const char *s) {
  if (!s) return json_null();
  char *v = g_utf8_make_valid(s, -1);
  json_t *j = json_string(v);
  g_free(v);
  return j;
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
  json_object_set_new(o, "summary", ev ? str_or_null(icalcomponent_get_summary(ev)) : json_null());
  json_object_set_new(o, "dtstart", ev ? dtstart_json(ev, o) : json_null());
out:
  icalcomponent_free(cal);
  return o;
}
