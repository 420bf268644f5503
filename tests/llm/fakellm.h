/* fakellm.h: a scripted fake LLM HTTP server for the chain tests.
 *
 * Listens on 127.0.0.1 (free port). Requests under /oa/ are the OpenAI route,
 * under /gm/ the Gemini route, under /tv/ the Tavily search route; each route pops its next scripted response (an
 * unscripted request gets 599 and a test failure shows it). Every request is
 * recorded: path, the API key it carried (Bearer header or ?key=), body. A
 * "hang" response holds the request until fl_release() (at most 30 s), so a
 * timeout test needs no sleeps. */
#ifndef FAKELLM_H
#define FAKELLM_H

#include "co_classify.h"
#include "co_conf.h"

typedef struct fl_s fl_t;

typedef struct fl_req_s {
  char path[256];
  char key[128];       /* from Authorization: Bearer, x-goog-api-key or ?key= */
  char query_key[128]; /* ?key= in the URL, "" if none */
  char goog_key[128];  /* x-goog-api-key header, "" if none */
  char *body;
} fl_req_t;

fl_t *fl_start(void);
void fl_stop(fl_t *fl);
int fl_port(fl_t *fl);
/* route "oa", "gm" or "tv"; body NULL for an empty body. */
void fl_script(fl_t *fl, const char *route, int status, const char *body, int hang);
/* Like fl_script, with a "Retry-After: retry_after_s" header (-1: none). */
void fl_script_retry_after(fl_t *fl, const char *route, int status, const char *body, int retry_after_s);
/* Scripts a 200 whose model reply text is text, in the route's wire format. */
void fl_reply(fl_t *fl, const char *route, const char *text);
/* Every request carrying key gets 429 without consuming the script. */
void fl_ban_key(fl_t *fl, const char *key);
int fl_count(fl_t *fl, const char *route);
/* Copy of request i on route (body malloc'd: caller frees), 0 if it exists. */
int fl_get(fl_t *fl, const char *route, int i, fl_req_t *out);
void fl_release(fl_t *fl);

/* A conf for a chain against this server: providers list, keys per provider,
 * plus extra "name=value" settings (NULL-ended). Caller destroys. */
co_conf_t *fl_conf(fl_t *fl, const char *providers, const char *oa_keys, const char *gm_keys,
                   const char *const *extra);
/* The build's offline model (asserts it loads). */
co_classify_model_t *fl_offline(void);

/* A valid reply object. */
#define FL_GOOD_INTERVIEW                                                                                      \
  "{\"label\":\"INTERVIEW\",\"company\":\"Acme\",\"role\":\"Engineer\",\"confidence\":0.9,"                   \
  "\"summary\":\"Acme invites you to interview.\",\"interview_at\":\"2026-03-05T14:00:00\"}"
#define FL_GOOD_OFFER                                                                                          \
  "{\"label\":\"OFFER\",\"company\":\"Globex\",\"role\":\"SRE\",\"confidence\":0.8,"                          \
  "\"summary\":\"Globex offers you the job.\",\"interview_at\":null}"

extern const co_classify_input_t fl_email;

#endif
