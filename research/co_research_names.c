/* co_research_names.c: people named in one email, kept high-precision.
 *
 * A briefing lists the people the person has met or will meet. Mail is full
 * of capitalised word pairs ("Data Engineer", "Best Regards", "Bluefin
 * Analytics"), so a name is only taken from three places that rarely lie:
 * the sender's display name when the sender writes from the company's own
 * domain (an ATS relay or the candidate's own reply does not), a signature
 * line directly above a title line naming the company ("Priya Natarajan" /
 * "Senior Recruiter, Bluefin Analytics"), and the object of "interview with",
 * "meet with", "speak with" and the like. A candidate must look like a
 * personal name: two or three capitalised words, none of them an
 * organisation word or part of the company's name. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_research_int.h"

static const char *const not_name[] = {
    "team",      "recruiting", "recruiter",     "careers",  "career",      "hiring",  "talent",   "jobs",
    "job",       "alerts",     "notifications", "hr",       "inc",         "llc",     "ltd",      "the",
    "your",      "our",        "dear",          "hi",       "hello",       "thanks",  "thank",    "best",
    "regards",   "warmly",     "cheers",        "people",   "support",     "noreply", "no-reply", "talk",
    "soon",      "kind",       "sincerely",     "engineer", "engineering", "manager", "senior",   "staff",
    "partner",   "technical",  "interview",     "offer",    "application", "data",    "software", "platform",
    "office",    "service",    "services",      "group",    "department",  "admin",   "monday",   "tuesday",
    "wednesday", "thursday",   "friday",        "saturday", "sunday",      NULL};

void co_research_add_unique(json_t *arr, const char *s) {
  size_t i;
  json_t *v;
  if (!s || !*s) return;
  json_array_foreach(arr, i, v) if (json_is_string(v) && !strcmp(json_string_value(v), s)) return;
  json_array_append_new(arr, json_string(s));
}

/* 1 if word (len n) equals one of the company's words, case-insensitively. */
static int in_company(const char *company, const char *w, size_t n) {
  const char *p = company;
  while (*p) {
    while (*p && !isalnum((unsigned char)*p)) p++;
    const char *s = p;
    while (*p && isalnum((unsigned char)*p)) p++;
    if ((size_t)(p - s) == n && n && !strncasecmp(s, w, n)) return 1;
  }
  return 0;
}

/* Length of a capitalised word at s ("O'Neil", "Jean-Luc", "Zoë"), 0 if none. */
static size_t cap_word(const char *s) {
  unsigned char c = (unsigned char)*s;
  if (!(isupper(c) || c >= 0x80)) return 0;
  size_t n = 1, lower = 0;
  while (s[n] && (islower((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80 || s[n] == '\'' || s[n] == '-' ||
                  ((s[n - 1] == '-' || s[n - 1] == '\'') && isupper((unsigned char)s[n])))) {
    if (islower((unsigned char)s[n])) lower++;
    n++;
  }
  return lower ? n : 0;
}

/* If s[0..len) is exactly a personal name, writes it to out; returns 1. */
static int personal_name(const char *company, const char *s, size_t len, char *out, size_t out_size) {
  size_t i = 0, words = 0;
  if (len < 4 || len >= out_size || len > 60) return 0;
  while (i < len) {
    size_t n = cap_word(s + i);
    if (!n || i + n > len) return 0;
    if (in_company(company, s + i, n)) return 0;
    for (int k = 0; not_name[k]; k++)
      if (strlen(not_name[k]) == n && !strncasecmp(not_name[k], s + i, n)) return 0;
    words++;
    i += n;
    if (i == len) break;
    if (s[i] != ' ' || i + 1 == len) return 0;
    i++;
  }
  if (words < 2 || words > 3) return 0;
  memcpy(out, s, len);
  out[len] = '\0';
  return 1;
}

/* Company's first word, lower-case letters and digits only ("bluefin"). */
static void company_stem(const char *company, char *out, size_t size) {
  size_t n = 0;
  while (*company && !isalnum((unsigned char)*company)) company++;
  for (; *company && isalnum((unsigned char)*company) && n + 1 < size; company++)
    out[n++] = (char)tolower((unsigned char)*company);
  out[n] = '\0';
}

static void from_sender(const char *company, const char *name, const char *addr, json_t *names) {
  char stem[64], dom[256], buf[128];
  const char *at = addr ? strrchr(addr, '@') : NULL;
  if (!name || !at) return;
  company_stem(company, stem, sizeof(stem));
  size_t n = 0;
  for (const char *p = at + 1; *p && n + 1 < sizeof(dom); p++)
    if (isalnum((unsigned char)*p)) dom[n++] = (char)tolower((unsigned char)*p);
  dom[n] = '\0';
  if (strlen(stem) < 3 || !strstr(dom, stem)) return;
  if (personal_name(company, name, strlen(name), buf, sizeof(buf))) co_research_add_unique(names, buf);
}

/* Trimmed bounds of the line starting at s; returns the next line's start. */
static const char *line_at(const char *s, const char **b, size_t *len) {
  const char *e = strchr(s, '\n');
  const char *end = e ? e : s + strlen(s);
  while (s < end && isspace((unsigned char)*s)) s++;
  const char *t = end;
  while (t > s && isspace((unsigned char)t[-1])) t--;
  *b = s;
  *len = (size_t)(t - s);
  return e ? e + 1 : NULL;
}

static void from_signatures(const char *company, const char *text, json_t *names) {
  const char *b1, *b2, *next = text;
  size_t l1, l2;
  char buf[128];
  if (!text || !*text) return;
  next = line_at(next, &b1, &l1);
  while (next) {
    next = line_at(next, &b2, &l2);
    if (l1 && l2 && l2 < 120 && *b1 != '>' && personal_name(company, b1, l1, buf, sizeof(buf))) {
      char *title = strndup(b2, l2);
      if (title && strcasestr(title, company)) co_research_add_unique(names, buf);
      free(title);
    }
    b1 = b2;
    l1 = l2;
  }
}

static void from_phrases(const char *company, const char *text, json_t *names) {
  static const char *const lead[] = {"interview with ", "interviewing with ",   "meet with ", "meeting with ",
                                     "speak with ",     "speaking with ",       "chat with ", "call with ",
                                     "interviewer is ", "interviewer will be ", NULL};
  char buf[128];
  for (int k = 0; text && lead[k]; k++) {
    for (const char *p = strcasestr(text, lead[k]); p; p = strcasestr(p + 1, lead[k])) {
      const char *s = p + strlen(lead[k]), *e = s;
      /* the longest run of up to three capitalised words */
      for (int w = 0; w < 3; w++) {
        size_t n = cap_word(e);
        if (!n) break;
        if (w && e[-1] != ' ') break;
        e += n;
        if (*e != ' ' || !cap_word(e + 1)) break;
        e++;
      }
      while (e > s && e[-1] == ' ') e--;
      if (personal_name(company, s, (size_t)(e - s), buf, sizeof(buf))) co_research_add_unique(names, buf);
    }
  }
}

void co_research_names(const char *company, const char *from_name, const char *from_addr, const char *text,
                       json_t *names) {
  if (!company || !*company || !names) return;
  from_sender(company, from_name, from_addr, names);
  from_signatures(company, text, names);
  from_phrases(company, text, names);
}
