/* co_pipeline_role.c: when two role titles name the same job.
 *
 * One job reaches a mailbox under many spellings: "Site Reliability Engineer"
 * in the confirmation, "Harbor Logistics SRE" in the calendar invite,
 * "Sr. SRE (m/w/d) - Req 4411" on the job board. Splitting them makes two
 * applications, and stats, funnel and response times then disagree. So roles
 * are compared by their canonical words, not their text:
 *   - lower case, punctuation as spaces, gender tags ("(m/w/d)", "(h/f)",
 *     "(all genders)") dropped;
 *   - the company's own words dropped ("Harbor Logistics SRE");
 *   - abbreviations spelled out (SRE, SWE, SDE, PM, TPM, EM, ML, QA, BI,
 *     Sr/Jr, Mgr, Eng, Dev; "front end" -> frontend) and near-synonyms folded
 *     (developer/programmer -> engineer);
 *   - filler dropped ("the", "role", "position", "job", ...);
 *   - a requisition id (a token with 4+ digits, "R12345", "JR-2231") kept
 *     apart: two different ids are two jobs, one missing says nothing;
 *   - seniority words (senior, junior, lead, staff, principal, associate,
 *     I-IV) kept apart: they separate jobs only when both sides state one.
 * Two roles are the same job when one's remaining words are all among the
 * other's ("Data Scientist" and "Data Scientist Credit Risk"), with no
 * conflicting requisition id or seniority. Word overlap that falls short of
 * that (Jaccard >= 0.5) is only "similar": the dashboard then suggests a
 * merge instead of the pipeline guessing. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "co_pipeline_int.h"

#define ROLE_MAX_WORDS 24

typedef struct role_words_s {
  char w[ROLE_MAX_WORDS][32];
  int n;
} role_words_t;

static const char *const filler[] = {"the", "a", "an", "role", "position", "job", "opening", "vacancy", "opportunity",
                                     "for", "our", "your", "at", "in", "team", "remote", "hybrid", "onsite", "m", "w",
                                     "d", "f", "h", "x", "gn", "all", "genders", "gender", "mwd", "fmd", "wmd", "mfd",
                                     NULL};
static const char *const seniority[] = {"senior", "junior", "lead", "staff", "principal", "associate", "i", "ii", "iii",
                                        "iv", "entry", "mid", NULL};
/* abbreviation -> spelled out (several words allowed) */
static const char *const abbrev[][2] = {
    {"sre", "site reliability engineer"}, {"swe", "software engineer"}, {"sde", "software engineer"},
    {"pm", "product manager"}, {"tpm", "technical program manager"}, {"em", "engineering manager"},
    {"ml", "machine learning"}, {"qa", "quality assurance"}, {"bi", "business intelligence"},
    {"sr", "senior"}, {"snr", "senior"}, {"jr", "junior"}, {"mgr", "manager"}, {"eng", "engineer"},
    {"engr", "engineer"}, {"dev", "engineer"}, {"developer", "engineer"}, {"programmer", "engineer"},
    {"frontend", "frontend"}, {"backend", "backend"}, {"fullstack", "fullstack"}, {NULL, NULL}};

static int in_list(const char *w, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(w, *list)) return 1;
  return 0;
}

static int has_digits(const char *w, int *ndig) {
  *ndig = 0;
  for (; *w; w++) *ndig += isdigit((unsigned char)*w) != 0;
  return *ndig > 0;
}

/* Lower-case words of s, punctuation as separators; UTF-8 bytes kept. */
static void split(const char *s, role_words_t *out) {
  char cur[32];
  size_t n = 0;
  out->n = 0;
  for (;; s++) {
    unsigned char c = (unsigned char)*s;
    if (c && (isalnum(c) || c >= 0x80)) {
      if (n + 1 < sizeof(cur)) cur[n++] = (char)tolower(c);
      continue;
    }
    if (n && out->n < ROLE_MAX_WORDS) {
      cur[n] = 0;
      memcpy(out->w[out->n++], cur, n + 1);
    }
    n = 0;
    if (!c) break;
  }
}

static void push(role_words_t *r, const char *w) {
  if (r->n < ROLE_MAX_WORDS) snprintf(r->w[r->n++], sizeof(r->w[0]), "%s", w);
}

/* "front end" -> "frontend" (the same for back/full + end/stack). */
static void join_pairs(role_words_t *r) {
  for (int i = 0; i + 1 < r->n; i++) {
    const char *a = r->w[i], *b = r->w[i + 1];
    if ((!strcmp(a, "front") || !strcmp(a, "back")) && !strcmp(b, "end")) {
      strcat(r->w[i], "end");
    } else if (!strcmp(a, "full") && !strcmp(b, "stack")) {
      strcat(r->w[i], "stack");
    } else if (!strcmp(a, "software") && !strcmp(b, "development") && i + 2 < r->n && !strcmp(r->w[i + 2], "engineer")) {
      memmove(&r->w[i + 1], &r->w[i + 2], sizeof(r->w[0]) * (size_t)(r->n - i - 2));
      r->n--;
      continue;
    } else {
      continue;
    }
    memmove(&r->w[i + 1], &r->w[i + 2], sizeof(r->w[0]) * (size_t)(r->n - i - 2));
    r->n--;
  }
}

/* Words of a (space-separated) that are not in b. */
static int missing(const char *a, const char *b) {
  role_words_t wa, wb;
  int miss = 0;
  split(a, &wa);
  split(b, &wb);
  for (int i = 0; i < wa.n; i++) {
    int found = 0;
    for (int j = 0; j < wb.n && !found; j++) found = !strcmp(wa.w[i], wb.w[j]);
    miss += !found;
  }
  return miss;
}

void co_pl_role_canon(const char *role, const char *company, co_pl_role_t *out) {
  role_words_t raw, co, exp;
  memset(out, 0, sizeof(*out));
  split(role ? role : "", &raw);
  split(company ? company : "", &co);
  exp.n = 0;
  for (int i = 0; i < raw.n; i++) {
    const char *w = raw.w[i], *to = NULL;
    for (int k = 0; abbrev[k][0]; k++)
      if (!strcmp(w, abbrev[k][0])) to = abbrev[k][1];
    if (!to) {
      push(&exp, w);
      continue;
    }
    role_words_t t;
    split(to, &t);
    for (int j = 0; j < t.n; j++) push(&exp, t.w[j]);
  }
  join_pairs(&exp);
  for (int i = 0; i < exp.n; i++) {
    const char *w = exp.w[i];
    int nd, company_word = 0;
    for (int j = 0; j < co.n; j++) company_word |= !strcmp(w, co.w[j]);
    if (has_digits(w, &nd)) {
      if (nd >= 4 && !out->req[0]) snprintf(out->req, sizeof(out->req), "%s", w);
      continue; /* numbers are ids or years, never what the job is */
    }
    if (company_word || in_list(w, filler)) continue;
    int lvl = in_list(w, seniority);
    char *dst = lvl ? out->level : out->words;
    size_t cap = lvl ? sizeof(out->level) : sizeof(out->words), len = strlen(dst);
    if (missing(w, dst) == 0) continue; /* a word once is enough: "engineer engineer" */
    snprintf(dst + len, cap - len, "%s%s", len ? " " : "", w);
  }
}

static int count_words(const char *s) {
  role_words_t w;
  split(s, &w);
  return w.n;
}

int co_pl_role_same(const co_pl_role_t *a, const co_pl_role_t *b) {
  if (!a->words[0] || !b->words[0]) return 0; /* nothing to compare: the caller decides */
  if (a->req[0] && b->req[0] && strcmp(a->req, b->req)) return 0;
  if (a->level[0] && b->level[0] && strcmp(a->level, b->level)) return 0;
  return missing(a->words, b->words) == 0 || missing(b->words, a->words) == 0;
}

int co_pl_role_similar(const co_pl_role_t *a, const co_pl_role_t *b) {
  int na = count_words(a->words), nb = count_words(b->words);
  if (!na || !nb) return 0;
  int shared = na - missing(a->words, b->words), uni = na + nb - shared;
  return uni > 0 && 2 * shared >= uni;
}

/* A requisition id named in text: a lead word ("req", "requisition",
 * "job id", "job ref", "ref", "vacancy") then, past separators and an
 * optional "id"/"no"/"number", a token with 4+ digits ("11840", "R-2231",
 * "JR104421"). Lower-cased into out; "" if none. */
void co_pl_role_req_from_text(const char *text, char *out, size_t sz) {
  static const char *const leads[] = {"requisition", "req", "job id", "job ref", "job no", "ref", "vacancy", NULL};
  out[0] = 0;
  for (const char *t = text ? text : ""; *t && !out[0]; t++) {
    if (t != text && isalnum((unsigned char)t[-1])) continue; /* word start only */
    for (int i = 0; leads[i] && !out[0]; i++) {
      size_t ll = strlen(leads[i]);
      if (strncasecmp(t, leads[i], ll)) continue;
      const char *p = t + ll;
      while (isalpha((unsigned char)*p) && p - t < 16) p++; /* "requisition" from "req", "reference" */
      for (int hops = 0; hops < 3; hops++) {
        while (*p == ' ' || *p == '.' || *p == ':' || *p == '#' || *p == '-' || *p == '(') p++;
        if (!strncasecmp(p, "id", 2) || !strncasecmp(p, "no", 2)) p += 2;
        else if (!strncasecmp(p, "number", 6)) p += 6;
        else break;
      }
      char tok[32];
      size_t n = 0;
      int nd = 0;
      while ((isalnum((unsigned char)p[n]) || p[n] == '-') && n + 1 < sizeof(tok)) {
        tok[n] = (char)tolower((unsigned char)p[n]);
        nd += isdigit((unsigned char)p[n]) != 0;
        n++;
      }
      tok[n] = 0;
      if (nd >= 4) snprintf(out, sz, "%s", tok);
    }
  }
}
