/* rs_tavily.c: see rs_tavily.h. */
#include "rs_tavily.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

const char rs_tavily_ok[] =
    "{\"query\":\"Bluefin Analytics company news\",\"answer\":\"Bluefin Analytics sells streaming analytics to "
    "retailers.\",\"results\":[{\"title\":\"Bluefin Analytics opens Denver office\",\"url\":"
    "\"https://news.example/bluefin-denver\",\"content\":\"The analytics firm will hire 40 engineers.\","
    "\"score\":0.9,\"published_date\":\"2025-03-01\"},{\"title\":\"No link\",\"content\":\"dropped\"}],"
    "\"response_time\":0.4}";

co_conf_t *rs_conf(fl_t *fl, const char *providers, const char *const *extra) {
  char url[128], err[256];
  const char *own[] = {"tavily.api.key=" RS_TAVILY_KEY, "research.timeout.ms=10000",
                       "research.tavily.retry.max.ms=2000", "research.tavily.max.results=3", NULL};
  co_conf_t *c = fl_conf(fl, providers, "sk-oa-key-1", "gm-key-1", own);
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/tv/", fl_port(fl));
  if (co_conf_set(c, "tavily.url", url, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf: %s", err);
  for (int i = 0; extra && extra[i]; i++) {
    char name[128];
    const char *eq = strchr(extra[i], '=');
    snprintf(name, sizeof(name), "%.*s", (int)(eq - extra[i]), extra[i]);
    if (co_conf_set(c, name, eq + 1, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf %s: %s", name, err);
  }
  return c;
}

json_t *rs_task(void) {
  return json_pack(
      "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:s, s:s, s:{s:s, s:s, s:s, s:[{s:s, s:s, s:s, s:s}], "
      "s:s, s:s, s:s, s:i}}",
      "company", "Bluefin Analytics", "role", "Data Engineer", "account", "me", "reason", "INTERVIEW", "message_id",
      "fbe1cdf2.2@bluefin-analytics.example", "interview_at", "2025-03-14T13:23:00", "subject",
      "Interview invitation: Data Engineer at Bluefin Analytics", "from", "name", "Priya Natarajan", "address",
      "priya.natarajan@bluefin-analytics.example", "text",
      "Hi Riley,\n\nI'd love to set up a phone screen.\n\nBest,\nPriya Natarajan\nSenior Recruiter, Bluefin "
      "Analytics\n",
      "date", "2025-03-11T20:12:00Z", "application", "company", "Bluefin Analytics", "role", "Data Engineer", "stage",
      "INTERVIEW", "stages", "stage", "APPLIED", "at", "2025-03-05T15:00:00Z", "message_id", "a1@greenhouse.example",
      "subject", "Bluefin Analytics: we received your application", "first_seen", "2025-03-05T15:00:00Z",
      "last_contact", "2025-03-11T20:12:00Z", "next_interview", "2025-03-14T13:23:00", "emails", 2);
}
