/* co_classify_extract.c: company and role title from sender and text.
 *
 * Company: candidates come from (a) phrases after lead-ins such as "applying
 * to", "interest in", "position at", "sent to", and names before "Recruiting
 * Team" / "Talent Acquisition"; (b) the sender's display name when the
 * sender is an applicant-tracking system (the display name is then the
 * employer) or a company mailbox; (c) the sender's own domain, or the tenant
 * in a Workday-style address. Candidates vote by normalised key; a text
 * candidate that spells the sender's domain ("Yarrow Foods" for
 * yarrowfoods.com) gets a large bonus, since two independent sources agree.
 * The best-cased spelling wins; legal suffixes are dropped.
 *
 * Role: the first title-cased phrase after "for the", "position of", "as
 * a", "application for", ... that ends in a job head noun (Analyst,
 * Engineer, Manager, ...), preferring the subject over the body. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_int.h"

#define NCAND 48
#define NAME_MAX_TOK 6

static void trim(char *s) {
  size_t n = strlen(s), i = 0;
  while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '"' || s[n - 1] == '\'')) s[--n] = 0;
  while (s[i] && (isspace((unsigned char)s[i]) || s[i] == '"' || s[i] == '\'')) i++;
  memmove(s, s + i, n - i + 1);
}

static void copyn(char *dst, size_t dsz, const char *src, size_t n) {
  if (n >= dsz) n = dsz - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
}

void co_cls_parse_sender(const char *from, co_cls_sender_t *s) {
  memset(s, 0, sizeof(*s));
  if (!from) return;
  const char *lt = strchr(from, '<');
  const char *addr;
  size_t alen;
  if (lt) {
    copyn(s->name, sizeof(s->name), from, (size_t)(lt - from));
    trim(s->name);
    addr = lt + 1;
    const char *gt = strchr(addr, '>');
    alen = gt ? (size_t)(gt - addr) : strlen(addr); /* senders may be cut short */
  } else {
    addr = from;
    alen = strcspn(from, " \t(");
  }
  const char *at = memchr(addr, '@', alen);
  if (!at) {
    if (!lt) copyn(s->name, sizeof(s->name), from, strlen(from)), trim(s->name);
    return;
  }
  copyn(s->local, sizeof(s->local), addr, (size_t)(at - addr));
  copyn(s->domain, sizeof(s->domain), at + 1, alen - (size_t)(at + 1 - addr));
  trim(s->local);
  trim(s->domain);
  for (char *p = s->domain; *p; p++) *p = (char)tolower((unsigned char)*p);
}

static const char *const ATS[] = {
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "myworkday.com", "workday.com", "myworkdayjobs.com", "icims.com",
    "smartrecruiters.com", "smartrecruitersmail.com", "ashbyhq.com", "linkedin.com", "indeed.com", "indeedemail.com",
    "jobvite.com", "taleo.net", "successfactors.com", "successfactors.eu", "sapsf.com", "bamboohr.com", "breezy.hr",
    "workable.com", "workablemail.com", "recruitee.com", "jazzhr.com", "applytojob.com", "oraclecloud.com", "ultipro.com",
    "ukg.com", "paylocity.com", "dayforcehcm.com", "ziprecruiter.com", "glassdoor.com", "teamtailor.com",
    "teamtailor-mail.com", "personio.de", "pinpointhq.com", "rippling.com", "gem.com", "eightfold.ai", "avature.net",
    "brassring.com", "adp.com", "paycomonline.net", "freshteam.com", "zohorecruit.com", "wellfound.com",
    "joinhandshake.com", "dice.com", "monster.com", "csod.com", "comeet.co", "hibob.com", "phenompeople.com",
    "careerbuilder.com", "simplyhired.com", "otta.com", "builtin.com", "hired.com", "sendgrid.net", "mailgun.org",
    "amazonses.com", "hirebridge.com", "clearcompany.com", "trakstar.com", "workstream.us", "fountain.com", NULL};

static const char *const FREEMAIL[] = {"gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com",
                                       "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
                                       "gmx.de", "mail.com", "yandex.com", NULL};

static int domain_in(const char *domain, const char *const *list) {
  size_t dl = strlen(domain);
  for (int i = 0; list[i]; i++) {
    size_t l = strlen(list[i]);
    if (dl >= l && strcmp(domain + dl - l, list[i]) == 0 && (dl == l || domain[dl - l - 1] == '.')) return 1;
  }
  return 0;
}

int co_cls_domain_is_ats(const char *domain) { return domain_in(domain, ATS); }

/* Registrable label: "acme" from mail.acme.com or acme.co.uk. */
static void domain_label(const char *domain, char *out, size_t osz) {
  out[0] = 0;
  const char *labels[8];
  size_t lens[8];
  int n = 0;
  const char *p = domain;
  while (*p && n < 8) {
    const char *dot = strchr(p, '.');
    labels[n] = p;
    lens[n] = dot ? (size_t)(dot - p) : strlen(p);
    n++;
    if (!dot) break;
    p = dot + 1;
  }
  if (n < 2) return;
  int i = n - 2;
  if (n >= 3 && lens[i] <= 3 &&
      (!strncmp(labels[i], "co", lens[i]) || !strncmp(labels[i], "com", lens[i]) || !strncmp(labels[i], "ac", lens[i]) ||
       !strncmp(labels[i], "org", lens[i]) || !strncmp(labels[i], "gov", lens[i])))
    i--;
  /* A sender cut short upstream ("jobs.acme.") leaves a service subdomain
   * where the name should be: the next label is the employer. */
  static const char *const SUBS[] = {"jobs", "careers", "career", "mail", "email", "talent", "hr", "recruiting",
                                     "notifications", "apply", "e", "em", "news", NULL};
  for (int k = 0; SUBS[k] && i + 1 < n && lens[i + 1] > 3; k++)
    if (strlen(SUBS[k]) == lens[i] && !strncmp(labels[i], SUBS[k], lens[i])) {
      i++;
      break;
    }
  copyn(out, osz, labels[i], lens[i]);
}

static int has_lower(const char *s) {
  for (; *s; s++)
    if (islower((unsigned char)*s)) return 1;
  return 0;
}

static void squash(const char *s, char *out, size_t osz) {
  size_t o = 0;
  for (; *s && o + 1 < osz; s++)
    if (isalnum((unsigned char)*s)) out[o++] = (char)tolower((unsigned char)*s);
  out[o] = 0;
}

/* Trailing words that name a department, not the company. */
static const char *const TEAMWORDS[] = {"recruiting", "recruitment", "careers", "career", "talent", "acquisition", "hiring",
                                        "team", "hr", "jobs", "people", "human", "resources", "notifications",
                                        "notification", "no-reply", "noreply", NULL};
static const char *const SUFFIXES[] = {"inc", "inc.", "llc", "l.l.c.", "ltd", "ltd.", "limited", "gmbh", "corp", "corp.",
                                       "corporation", "co", "co.", "plc", "s.a.", "sa", "ag", "bv", "b.v.", "llp",
                                       "pty", "oy", "ab", "srl", "s.r.l.", "pvt", "pvt.", "lp", "l.p.", NULL};

static int in_list(const char *w, size_t wl, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == wl && strncasecmp(w, list[i], wl) == 0) return 1;
  return 0;
}

/* Removes trailing words from list (keeps at least one word). */
static int strip_trailing(char *s, const char *const *list) {
  int stripped = 0;
  for (;;) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == ',' || s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == '-')) s[--n] = 0;
    char *sp = strrchr(s, ' ');
    if (!sp) return stripped;
    if (!in_list(sp + 1, strlen(sp + 1), list)) return stripped;
    if (sp >= s + 2 && sp[-1] == '&' && sp[-2] == ' ' && list == SUFFIXES) return stripped; /* "Kiln & Co" */
    *sp = 0;
    stripped = 1;
  }
}

void co_cls_clean_company(char *s) {
  trim(s);
  strip_trailing(s, SUFFIXES);
  size_t n = strlen(s);
  while (n && strchr(",.!?:;-|&", s[n - 1])) s[--n] = 0;
  trim(s);
}

/* ---------------------------------------------------------------- text scan */

static int is_name_byte(unsigned char c) { return isalnum(c) || c >= 0x80 || c == '&' || c == '\'' || c == '-' || c == '.' || c == '+'; }

static const char *const CONNECT[] = {"of", "and", "&", "de", "the", "for", "y", NULL};
static const char *const GENERIC[] = {
    "our", "we", "you", "your", "this", "that", "thank", "thanks", "hi", "hello", "dear", "please", "i", "it", "unfortunately",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "zoom", "google", "linkedin", "indeed",
    "workday", "greenhouse", "glassdoor", "lever", "the", "a", "an", "us", "me", "talent", "recruiting", "hr", "careers",
    "hiring", "team", "interview", "application", "position", "role", "job", "jobs", "next", "other", "all", "any", "more",
    "new", "remote", "hybrid", "usa", "united", "my", "his", "her", "their", "its", "at", "in", "on", "to", "as", "if",
    "microsoft", "teams", "calendly", "hackerrank", "codility", "docusign", "am", "pm", "noon", "today", "tomorrow", NULL};
static const char *const HEADS[] = {
    "analyst", "engineer", "manager", "developer", "designer", "scientist", "coordinator", "specialist", "intern",
    "internship", "associate", "director", "representative", "consultant", "architect", "accountant", "writer", "lead",
    "administrator", "officer", "strategist", "executive", "generalist", "assistant", "technician", "researcher",
    "recruiter", "nurse", "teacher", "advisor", "programmer", "owner", "editor", "producer", "planner", "buyer", "auditor",
    "controller", "clerk", "agent", "supervisor", "operator", "therapist", "pharmacist", "counselor", "instructor", "tutor",
    "fellow", "trainee", "apprentice", "marketer", "economist", "statistician", "partner", "head", "vp", "president",
    "modeler", "steward", "scientist", "expert", "sre", "devops", NULL};

typedef struct tok_s {
  const char *p;
  size_t n;
} tok_t;

/* Reads up to max title-cased tokens at p (connectors allowed between
 * capitalised words). Returns the count; stops at punctuation that ends a
 * name. A token ending in '.' or ',' ends the run. */
static int read_caps(const char *p, const char *end, tok_t *t, int max, int allow_lower_first) {
  int n = 0;
  while (p < end && n < max) {
    while (p < end && *p == ' ') p++;
    if (p >= end) break;
    const char *st = p;
    while (p < end && is_name_byte((unsigned char)*p)) p++;
    size_t wl = (size_t)(p - st);
    if (!wl) break;
    int last = 0;
    size_t core = wl;
    while (core && (st[core - 1] == '.' || st[core - 1] == '-' || st[core - 1] == '\'')) core--;
    if (core < wl && !(in_list(st, wl, SUFFIXES))) last = 1; /* "Acme." ends a sentence */
    if (!core) break;
    unsigned char c0 = (unsigned char)st[0];
    int cap = isupper(c0) || c0 >= 0x80;
    if (isdigit(c0)) /* "3M", "23andMe"; not "11" or "3pm" */
      for (size_t k = 1; k < core; k++)
        if (isupper((unsigned char)st[k])) cap = 1;
    if (!cap && !(n == 0 && allow_lower_first)) {
      if (n > 0 && in_list(st, core, CONNECT) && p < end && *p == ' ') {
        const char *q = p + 1;
        if (q < end && (isupper((unsigned char)*q) || *q == '&')) {
          t[n].p = st;
          t[n].n = core;
          n++;
          continue;
        }
      }
      if (!(st[0] == '&' && n > 0)) break;
    }
    t[n].p = st;
    t[n].n = in_list(st, wl, SUFFIXES) ? wl : core;
    n++;
    if (last) break;
    if (p < end && *p != ' ') break; /* comma, '!', '(', newline... */
    if (p + 1 < end && p[0] == ' ' && p[1] == ' ') break;
  }
  /* drop trailing connectors */
  while (n > 0 && in_list(t[n - 1].p, t[n - 1].n, CONNECT) && t[n - 1].p[0] != '&') n--;
  return n;
}

typedef struct cand_s {
  char text[128];
  char key[128];
  int score;
  int from_text;
} cand_t;

typedef struct cset_s {
  cand_t c[NCAND];
  int n;
} cset_t;

static void cand_add(cset_t *cs, const char *text, int score, int from_text) {
  char buf[128], key[128];
  copyn(buf, sizeof(buf), text, strlen(text));
  co_cls_clean_company(buf);
  strip_trailing(buf, TEAMWORDS);
  co_cls_clean_company(buf);
  if (!buf[0]) return;
  size_t fl = strcspn(buf, " ");
  if (!strchr(buf, ' ') && in_list(buf, fl, GENERIC)) return;
  if (in_list(buf, fl, GENERIC) && strncasecmp(buf, "the ", 4) != 0) return;
  const char *lastsp = strrchr(buf, ' ');
  const char *lastw = lastsp ? lastsp + 1 : buf;
  if (in_list(lastw, strlen(lastw), HEADS)) return; /* a role, not a company */
  squash(buf, key, sizeof(key));
  if (strlen(key) < 2) return;
  for (int i = 0; i < cs->n; i++) {
    if (strcmp(cs->c[i].key, key) == 0) {
      cs->c[i].score += score;
      if (from_text && !cs->c[i].from_text) {
        copyn(cs->c[i].text, sizeof(cs->c[i].text), buf, strlen(buf));
        cs->c[i].from_text = 1;
      }
      return;
    }
  }
  if (cs->n == NCAND) return;
  cand_t *c = &cs->c[cs->n++];
  copyn(c->text, sizeof(c->text), buf, strlen(buf));
  memcpy(c->key, key, sizeof(key));
  c->score = score;
  c->from_text = from_text;
}

static void toks_to_str(const tok_t *t, int n, char *out, size_t osz) {
  size_t o = 0;
  out[0] = 0;
  for (int i = 0; i < n; i++) {
    if (o + t[i].n + 2 >= osz) break;
    if (i) out[o++] = ' ';
    memcpy(out + o, t[i].p, t[i].n);
    o += t[i].n;
  }
  out[o] = 0;
}

typedef struct lead_s {
  const char *s;
  int w;
} lead_t;

static const lead_t CO_LEADS[] = {
    {"applying to ", 4}, {"applying at ", 4}, {"application to ", 4}, {"applied to ", 3}, {"sent to ", 4},
    {"application with ", 4}, {"interest in joining ", 4}, {"career at ", 3}, {"careers at ", 3},
    {"interest in working at ", 4}, {"interest in working for ", 4}, {"submitted to ", 4}, {"on behalf of ", 4},
    {"welcome to ", 3}, {"offer from ", 4}, {"join ", 2}, {"joining ", 2}, {"position at ", 4}, {"role at ", 4},
    {"opportunity at ", 4}, {"opportunities at ", 3}, {"position with ", 4}, {"role with ", 3}, {"opportunity with ", 4},
    {"thank you from ", 3}, {"interest in ", 3}, {"employment with ", 4}, {"employment at ", 4}, {"team at ", 3},
    {"interview with ", 2}, {"received by ", 3}, {"considering ", 2}, {"update from ", 3}, {"news from ", 2},
    {" at ", 2}, {" with ", 1}, {"from ", 1}, {NULL, 0}};

static const char *const TEAM_AFTER[] = {" Recruiting", " Talent Acquisition", " Hiring Team", " Careers", " Talent Team",
                                         " HR", " Human Resources", " People Team", " Recruitment",
                                         " has received your application", " received your application",
                                         " is reviewing your application", " has reviewed your application", NULL};

static void scan_text(cset_t *cs, const char *t, size_t len, int bonus) {
  tok_t tk[NAME_MAX_TOK];
  char buf[128];
  for (int l = 0; CO_LEADS[l].s; l++) {
    const char *p = t, *end = t + len;
    const char *hit;
    int seen = 0;
    while (p < end && seen < 3 && (hit = co_cls_memcasestr(p, (size_t)(end - p), CO_LEADS[l].s)) != NULL) {
      const char *q = hit + strlen(CO_LEADS[l].s);
      int n = read_caps(q, end, tk, NAME_MAX_TOK, 0);
      if (n > 0) {
        toks_to_str(tk, n, buf, sizeof(buf));
        cand_add(cs, buf, CO_LEADS[l].w + bonus, 1);
      }
      p = q;
      seen++;
    }
  }
  /* "<Name> Recruiting Team", "<Name> Talent Acquisition": read backwards
   * to the start of the capitalised run. */
  for (int k = 0; TEAM_AFTER[k]; k++) {
    const char *p = t, *end = t + len, *hit;
    int seen = 0;
    while (p < end && seen < 3 && (hit = strstr(p, TEAM_AFTER[k])) != NULL && hit < end) {
      const char *s = hit;
      int words = 0;
      while (s > t && words < NAME_MAX_TOK) {
        const char *w = s;
        while (w > t && w[-1] == ' ') w--;
        const char *ws = w;
        while (ws > t && is_name_byte((unsigned char)ws[-1])) ws--;
        if (ws == w || !(isupper((unsigned char)*ws) || *ws == '&')) break;
        if (in_list(ws, (size_t)(w - ws), GENERIC) && strncmp(ws, "The", 3) != 0) break;
        s = ws;
        words++;
      }
      if (words) {
        copyn(buf, sizeof(buf), s, (size_t)(hit - s));
        if (!strncmp(buf, "The ", 4)) memmove(buf, buf + 4, strlen(buf + 4) + 1);
        cand_add(cs, buf, 3 + bonus, 1);
      }
      p = hit + 1;
      seen++;
    }
  }
}

/* Signature lines: "Senior Recruiter, Acme", "Talent Acquisition | Acme",
 * "Hiring Manager at Acme": a job title, a separator, then the company. */
static void scan_signatures(cset_t *cs, const char *t, size_t len) {
  static const char *const SEPS[] = {", ", " | ", " at ", " - ", NULL};
  static const char *const TITLEWORDS[] = {"recruiter", "recruiting", "talent", "acquisition", "people", "hr", "hiring",
                                           "coordinator", "manager", "partner", "director", "lead", "sourcer",
                                           "operations", "resources", NULL};
  tok_t tk[NAME_MAX_TOK];
  char buf[128];
  const char *p = t, *end = t + len;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *le = eol ? eol : end;
    if (le - p < 100) {
      for (int k = 0; SEPS[k]; k++) {
        const char *sep = co_cls_memcasestr(p, (size_t)(le - p), SEPS[k]);
        if (!sep) continue;
        /* the last word before the separator must be a title word */
        const char *w = sep;
        while (w > p && isalpha((unsigned char)w[-1])) w--;
        if (!in_list(w, (size_t)(sep - w), TITLEWORDS)) continue;
        int n = read_caps(sep + strlen(SEPS[k]), le, tk, NAME_MAX_TOK, 0);
        if (n > 0) {
          toks_to_str(tk, n, buf, sizeof(buf));
          cand_add(cs, buf, 3, 1);
        }
        break;
      }
    }
    /* "Talent Acquisition Partner" alone on a line, the company on the next */
    if (eol && le - p < 60) {
      const char *w = le;
      while (w > p && (w[-1] == ' ' || w[-1] == '\r')) w--;
      const char *we = w;
      while (w > p && isalpha((unsigned char)w[-1])) w--;
      if (in_list(w, (size_t)(we - w), TITLEWORDS) || in_list(w, (size_t)(we - w), HEADS)) {
        const char *nx = eol + 1, *ne = memchr(nx, '\n', (size_t)(end - nx));
        ne = ne ? ne : end;
        int n = read_caps(nx, ne, tk, NAME_MAX_TOK, 0);
        if (n > 0 && tk[n - 1].p + tk[n - 1].n >= ne - 1) {
          toks_to_str(tk, n, buf, sizeof(buf));
          cand_add(cs, buf, 3, 1);
        }
      }
    }
    p = eol ? eol + 1 : end;
  }
}

/* A capitalised run in the text that squashes to the domain label gives the
 * company's own spelling of its domain ("Yarrow Foods" for yarrowfoods). */
static void scan_domain_spelling(cset_t *cs, const char *t, size_t len, const char *label, int w) {
  size_t ll = strlen(label);
  if (ll < 3) return;
  tok_t tk[NAME_MAX_TOK];
  for (size_t i = 0; i < len; i++) {
    if (!(isupper((unsigned char)t[i])) || (i > 0 && is_name_byte((unsigned char)t[i - 1]))) continue;
    if (tolower((unsigned char)t[i]) != label[0]) continue;
    int n = read_caps(t + i, t + len, tk, NAME_MAX_TOK, 0);
    for (int k = n; k >= 1; k--) {
      char buf[128], key[128];
      toks_to_str(tk, k, buf, sizeof(buf));
      squash(buf, key, sizeof(key));
      if (strcmp(key, label) == 0) {
        cand_add(cs, buf, w, 1);
        return;
      }
    }
  }
}

/* If out is an acronym of 2-5 capitals (any letters when it is only the
 * sender's domain, "mvha") and text holds capitalised words
 * whose initials spell it ("of", "and", "&" skipped), replaces out with
 * those words (cleaned). 1 if replaced. */
static int expand_acronym(const char *t, size_t len, char *out, size_t osz, int any_case) {
  size_t al = strlen(out);
  if (al < 2 || al > 5) return 0;
  for (size_t i = 0; i < al; i++)
    if (any_case ? !isalpha((unsigned char)out[i]) : !isupper((unsigned char)out[i])) return 0;
  char acr[6];
  for (size_t i = 0; i <= al; i++) acr[i] = (char)toupper((unsigned char)out[i]);
  const char *end = t + len;
  for (const char *p = t; p < end; p++) {
    if (*p != acr[0] || (p > t && is_name_byte((unsigned char)p[-1]))) continue;
    const char *q = p, *stop = NULL;
    size_t k = 0;
    while (q < end && k < al) {
      const char *w = q;
      while (q < end && is_name_byte((unsigned char)*q)) q++;
      size_t wl = (size_t)(q - w);
      if (!wl) break;
      if (in_list(w, wl, CONNECT) && k > 0) {
      } else if ((unsigned char)w[0] == (unsigned char)acr[k] && wl > 1 && islower((unsigned char)w[1])) {
        k++;
        stop = q;
      } else {
        break;
      }
      if (q < end && *q == ' ' && k < al) q++;
      else if (k < al) break;
    }
    if (k == al && stop) {
      copyn(out, osz, p, (size_t)(stop - p));
      co_cls_clean_company(out);
      return 1;
    }
  }
  return 0;
}

static const char *const GENERIC_LOCAL[] = {"no-reply", "noreply", "notifications", "notification", "jobs", "careers",
                                            "talent", "recruiting", "hr", "donotreply", "do-not-reply", "info", "mail",
                                            "team", "hello", "alerts", "messages", "jobs-noreply", "system", "workday",
                                            "support", "reply", "apply", NULL};

void co_cls_extract_company(const char *subject, const char *from, const char *body, size_t body_len, char *out,
                            size_t out_size) {
  cset_t *cs = calloc(1, sizeof(*cs));
  out[0] = 0;
  if (!cs) return;
  subject = subject ? subject : "";
  body = body ? body : "";
  if (body_len > 3000) body_len = 3000;
  co_cls_sender_t s;
  co_cls_parse_sender(from, &s);
  int ats = s.domain[0] && co_cls_domain_is_ats(s.domain);
  int freemail = s.domain[0] && domain_in(s.domain, FREEMAIL);
  char label[128] = "";
  if (s.domain[0] && !ats && !freemail) domain_label(s.domain, label, sizeof(label));

  /* Display names like "Workday@acme.com" carry the employer's domain. */
  char *at = strchr(s.name, '@');
  if (at && !label[0]) {
    char d[128];
    copyn(d, sizeof(d), at + 1, strlen(at + 1));
    for (char *p = d; *p; p++) *p = (char)tolower((unsigned char)*p);
    if (!co_cls_domain_is_ats(d) && !domain_in(d, FREEMAIL)) domain_label(d, label, sizeof(label));
  }
  /* Workday-style tenants: acme@myworkday.com, acme-careers@... */
  if (!label[0] && ats && s.local[0] && strstr(s.domain, "linkedin") == NULL && strstr(s.domain, "indeed") == NULL) {
    char loc[128];
    copyn(loc, sizeof(loc), s.local, strlen(s.local));
    char *dash = strchr(loc, '-');
    if (dash && in_list(dash + 1, strlen(dash + 1), GENERIC_LOCAL)) *dash = 0;
    if (!in_list(loc, strlen(loc), GENERIC_LOCAL) && strlen(loc) >= 3) squash(loc, label, sizeof(label));
  }

  if (has_lower(subject)) scan_text(cs, subject, strlen(subject), 1); /* ALL-CAPS runs swallow verbs */
  scan_text(cs, body, body_len, 0);
  scan_signatures(cs, body, body_len);
  if (label[0]) {
    scan_domain_spelling(cs, subject, strlen(subject), label, 1);
    scan_domain_spelling(cs, body, body_len, label, 1);
  }

  if (s.name[0] && !at) {
    char nm[128];
    copyn(nm, sizeof(nm), s.name, strlen(s.name));
    /* "Acme via Workday", "Acme | Careers" */
    char *via = strstr(nm, " via ");
    if (via) *via = 0;
    char *bar = strchr(nm, '|');
    if (bar) *bar = 0;
    co_cls_clean_company(nm);
    int team = strip_trailing(nm, TEAMWORDS);
    co_cls_clean_company(nm);
    char key[128];
    squash(nm, key, sizeof(key));
    int matches = label[0] && key[0] && (strcmp(key, label) == 0 || (strlen(key) >= 4 && strncmp(label, key, strlen(key)) == 0));
    if (matches)
      cand_add(cs, nm, 2, 0);
    else if (ats || team)
      cand_add(cs, nm, 3, 0);
    /* else: a person's name at the company's own domain */
  }
  /* Agreement with the domain label is strong evidence. */
  int best = -1;
  for (int i = 0; i < cs->n; i++) {
    cand_t *c = &cs->c[i];
    size_t kl = strlen(c->key);
    size_t ll = strlen(label);
    if (!label[0]) {
    } else if (strcmp(c->key, label) == 0) {
      c->score += 4;
    } else if (ll >= 3 && kl > ll && strncmp(c->key, label, ll) == 0) {
      c->score += 5; /* "Redwood Civic Tech" at redwood.com beats "Redwood" */
    } else if (kl >= 4 && strncmp(label, c->key, kl) == 0) {
      c->score += 2;
    }
    if (best < 0 || c->score > cs->c[best].score) best = i;
  }
  int from_domain = 0;
  if (best >= 0) {
    copyn(out, out_size, cs->c[best].text, strlen(cs->c[best].text));
  } else if (label[0]) { /* last resort: the domain itself */
    copyn(out, out_size, label, strlen(label));
    out[0] = (char)toupper((unsigned char)out[0]);
    from_domain = 1;
  }
  /* LinkedIn's own template names the employer verbatim, case and digits
   * included ("... your application was sent to Acme 2"). */
  const char *sent = strstr(s.domain, "linkedin") ? co_cls_memcasestr(subject, strlen(subject), "application was sent to ") : NULL;
  if (sent) {
    sent += strlen("application was sent to ");
    size_t sl = strlen(sent);
    const char *const CUTS[] = {" - ", " | ", " (", " – ", NULL}; /* "Acme - ACM", "Acme (US)" */
    for (int k = 0; CUTS[k]; k++) {
      const char *c = strstr(sent, CUTS[k]);
      if (c && (size_t)(c - sent) < sl) sl = (size_t)(c - sent);
    }
    copyn(out, out_size, sent, sl);
    co_cls_clean_company(out);
  }
  /* An acronym ("ACME Talent" -> "AT") is usually spelled out in the text. */
  if (!expand_acronym(subject, strlen(subject), out, out_size, from_domain))
    expand_acronym(body, body_len, out, out_size, from_domain);
  free(cs);
}

/* ---------------------------------------------------------------- role */

static const char *const ROLE_LEADS[] = {
    "position of ", "role of ", "for the ", "for our ", "as a ", "as an ", "as our next ", "as our ", "applying for ",
    "application for ", "applied for ", "applying to the ", "applied to the ", "application to the ", "interest in the ",
    "job title: ", "position: ", "role: ", "title: ", "opening: ", "offer for ", "the ", "for ", ": ", "- ", NULL};

static int is_reqid(const char *p, size_t n) {
  int dig = 0;
  for (size_t i = 0; i < n; i++) dig += isdigit((unsigned char)p[i]) != 0;
  return dig >= 3 || (n > 0 && p[0] == '#');
}

static int is_numeral(const char *p, size_t n) {
  static const char *const R[] = {"i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5", NULL};
  return in_list(p, n, R);
}

/* Tries a role at p; writes it and returns 1 if it ends with a head noun. */
static int role_at(const char *p, const char *end, char *out, size_t osz) {
  tok_t tk[10];
  while (p < end && *p == ' ') p++;
  int n = read_caps(p, end, tk, 10, 0);
  int st = 0;
  while (st < n && is_reqid(tk[st].p, tk[st].n)) st++;
  int head = -1;
  for (int i = st; i < n; i++) {
    size_t wl = tk[i].n;
    if (in_list(tk[i].p, wl, HEADS)) head = i;
    else if (head >= 0 && !is_numeral(tk[i].p, wl)) break;
  }
  if (head < 0) return 0;
  int last = head;
  while (last + 1 < n && is_numeral(tk[last + 1].p, tk[last + 1].n)) last++;
  if (in_list(tk[st].p, tk[st].n, GENERIC) && strncmp(tk[st].p, "The", 3) != 0) return 0;
  toks_to_str(tk + st, last - st + 1, out, osz);
  return out[0] != 0;
}

static int role_scan(const char *t, size_t len, char *out, size_t osz) {
  for (int l = 0; ROLE_LEADS[l]; l++) {
    const char *p = t, *end = t + len, *hit;
    int seen = 0;
    while (p < end && seen < 6 && (hit = co_cls_memcasestr(p, (size_t)(end - p), ROLE_LEADS[l])) != NULL) {
      const char *q = hit + strlen(ROLE_LEADS[l]);
      if (role_at(q, end, out, osz)) return 1;
      p = q;
      seen++;
    }
  }
  /* A line that is just a title ("Data Analyst"), as job boards lay out. */
  const char *p = t, *end = t + len;
  int lines = 0;
  while (p < end && lines < 30) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *le = eol ? eol : end;
    tok_t tk[8];
    int n = read_caps(p, le, tk, 8, 0);
    if (n > 0 && tk[n - 1].p + tk[n - 1].n == le && role_at(p, le, out, osz)) return 1;
    p = eol ? eol + 1 : end;
    lines++;
  }
  return 0;
}

void co_cls_extract_role(const char *subject, const char *body, size_t body_len, char *out, size_t out_size) {
  out[0] = 0;
  if (subject && has_lower(subject) && role_scan(subject, strlen(subject), out, out_size)) return;
  if (body && role_scan(body, body_len > 3000 ? 3000 : body_len, out, out_size)) return;
  out[0] = 0;
}
