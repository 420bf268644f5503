/* co_json.h: small jansson conveniences every module reading events needs. */
#ifndef CO_JSON_H
#define CO_JSON_H

#include <jansson.h>

/* The string member k of object o, or "" when o is not an object, k is
 * absent or not a string. Never NULL; points into o (valid while o is). */
static inline const char *co_json_str(const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

#endif
