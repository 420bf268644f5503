/* co_llm_openai.c: the OpenAI-compatible chat-completions wire format.
 * POST {base}/chat/completions with a Bearer key; JSON mode (classification)
 * and temperature 0 so the reply is one object and the same email gets the
 * same answer. Free-text completions leave JSON mode off. */
#include <stdio.h>
#include <stdlib.h>

#include "co_llm_int.h"

static char *oa_url(const char *base, const char *model, const char *key) {
  (void)model;
  (void)key;
  char *u = NULL;
  if (asprintf(&u, "%s/chat/completions", base) < 0) return NULL;
  return u;
}

static char *oa_auth(const char *key) {
  char *h = NULL;
  if (asprintf(&h, "Authorization: Bearer %s", key) < 0) return NULL;
  return h;
}

static json_t *oa_body(const char *model, const char *system, int json_mode, const co_llm_msg_t *msgs, int nmsgs) {
  json_t *arr = json_array();
  json_array_append_new(arr, json_pack("{s:s, s:s}", "role", "system", "content", system));
  for (int i = 0; i < nmsgs; i++)
    json_array_append_new(arr, json_pack("{s:s, s:s}", "role", msgs[i].role, "content", msgs[i].text));
  if (!json_mode) return json_pack("{s:s, s:o, s:f}", "model", model, "messages", arr, "temperature", 0.0);
  return json_pack("{s:s, s:o, s:{s:s}, s:f}", "model", model, "messages", arr, "response_format", "type",
                   "json_object", "temperature", 0.0);
}

static const char *oa_reply(json_t *resp) {
  json_t *c = json_object_get(json_object_get(json_array_get(json_object_get(resp, "choices"), 0), "message"),
                              "content");
  return json_string_value(c);
}

const co_llm_wire_t co_llm_wire_openai = {"openai", oa_url, oa_auth, oa_body, oa_reply};
