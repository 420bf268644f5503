/* rs_tavily.h: shared bits of the Tavily and LLM-summary tests: a conf that
 * points tavily.url (and optionally the LLM chain) at the fakellm server, a
 * task, and canned Tavily replies. */
#ifndef RS_TAVILY_H
#define RS_TAVILY_H

#include <jansson.h>

#include "co_conf.h"
#include "fakellm.h"

#define RS_TAVILY_KEY "tvly-test-key-0123456789"

/* Conf with tavily.url at fl's /tv route, the test key, timeout 10 s and
 * retry cap 2 s, LLM providers as fl_conf() sets them, plus extra
 * "name=value" settings (NULL-ended). Caller destroys. */
co_conf_t *rs_conf(fl_t *fl, const char *providers, const char *const *extra);
/* A research task for Bluefin Analytics (new reference). */
json_t *rs_task(void);
/* A Tavily reply: answer + two results, one without a URL (dropped). */
extern const char rs_tavily_ok[];

#endif
