/* co_llm_gemini.c: the Gemini generateContent wire format.
 * POST {base}/v1beta/models/{model}:generateContent with the key in the
 * x-goog-api-key header, never in the URL: URLs end up in proxy and
 * server access logs, error messages and metrics labels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_llm_int.h"

static char *gm_url(const char *base, const char *model, const char *key) {
  (void)key;
  char *u = NULL;
  if (asprintf(&u, "%s/v1beta/models/%s:generateContent", base, model) < 0) return NULL;
  return u;
}

static char *gm_auth(const char *key) {
  char *h = NULL;
  if (asprintf(&h, "x-goog-api-key: %s", key) < 0) return NULL;
  return h;
}

static json_t *gm_body(const char *model, const char *system, int json_mode, const co_llm_msg_t *msgs, int nmsgs) {
  (void)model;
  json_t *contents = json_array();
  for (int i = 0; i < nmsgs; i++)
    json_array_append_new(contents, json_pack("{s:s, s:[{s:s}]}", "role",
                                              strcmp(msgs[i].role, "assistant") ? "user" : "model", "parts",
                                              "text", msgs[i].text));
  return json_pack("{s:{s:[{s:s}]}, s:o, s:{s:f, s:s}}", "systemInstruction", "parts", "text", system,
                   "contents", contents, "generationConfig", "temperature", 0.0, "responseMimeType",
                   json_mode ? "application/json" : "text/plain");
}

static const char *gm_reply(json_t *resp) {
  json_t *cand = json_array_get(json_object_get(resp, "candidates"), 0);
  json_t *part = json_array_get(json_object_get(json_object_get(cand, "content"), "parts"), 0);
  return json_string_value(json_object_get(part, "text"));
}

const co_llm_wire_t co_llm_wire_gemini = {"gemini", gm_url, gm_auth, gm_body, gm_reply};
