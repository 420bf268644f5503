/* co_classify_extract.c: the company of a job-search email, in seven
 * languages (word lists: co_classify_extract_lex.c; the sender's part:
 * co_classify_extract_sender.c; the role: co_classify_extract_role.c).
 *
 * Candidates come from (a) phrases after lead-ins of each language
 * ("applying to", "bei", "chez", "trabajar en", "bij", "presso", "na"), names
 * before "Recruiting Team" / "Talent Acquisition" / "-Team"; (b) signature
 * blocks: "Title, Acme", "Title | Acme", "Recruiterin bei Acme", a title line
 * followed by the company line, "Talent Acquisition – Acme", a line that is
 * a name with its legal form; (c) the sender's display name when it names
 * the employer; (d) a capitalised run in the text that spells the sender's
 * domain, accents folded. Candidates vote by normalised key; one that agrees
 * with the domain gets a large bonus, since two independent sources agree.
 * A candidate that is an ATS, a job board or only the words of a person's
 * name (the greeting's addressee, a sender who signs with that name) is
 * never taken. The best-cased spelling wins; legal forms are dropped. Last
 * resort: the domain label. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_extract_int.h"
#include "co_classify_int.h"

#define NCAND 48
#define NNAMES 16

static int has_lower(const char* s) {
  for (; *s; s++)
    if (islower((unsigned char)*s)) return 1;
  return 0;
}

void co_cls_clean_company(char* s) {
  co_xt_trim(s);
  size_t l = strlen(s);
  while (l >= 2 && s[l - 1] == '.' && s[l - 2] == '.') s[--l] = 0; /* "Acme S.A.." at a sentence end */
  co_xt_strip_legal(s);
  size_t n = strlen(s);
  while (n && strchr(",.!?:;-|&", s[n - 1])) s[--n] = 0;
  co_xt_trim(s);
}

/* ---------------------------------------------------------------- candidates */

typedef struct cand_s {
  char text[128];
  char key[128];
  int score;
  int from_text;
} cand_t;

/* Candidates, and the words of people's names in the mail (the addressee of
 * the greeting, the sender when a person): a candidate made only of those
 * words is a person, not a company. */
typedef struct cset_s {
  cand_t c[NCAND];
  int n;
  char names[NNAMES][32];
  int nnames;
} cset_t;

static void add_name(cset_t* cs, const char* w, size_t n) {
  char buf[64];
  co_xt_copyn(buf, sizeof(buf), w, n);
  if (cs->nnames == NNAMES || n < 2) return;
  co_xt_squash(buf, cs->names[cs->nnames], sizeof(cs->names[0]), 0);
  if (cs->names[cs->nnames][0]) cs->nnames++;
}

static int is_name_word(const cset_t* cs, const char* w, size_t n) {
  char buf[64], k[64];
  co_xt_copyn(buf, sizeof(buf), w, n);
  co_xt_squash(buf, k, sizeof(k), 0);
  for (int i = 0; i < cs->nnames; i++)
    if (!strcmp(cs->names[i], k)) return 1;
  return 0;
}

/* 1 if every word of s is a person's name word of the mail. */
static int is_person(const cset_t* cs, const char* s) {
  int words = 0;
  while (*s) {
    while (*s == ' ') s++;
    size_t n = strcspn(s, " ");
    if (!n) break;
    if (!is_name_word(cs, s, n)) return 0;
    words++;
    s += n;
  }
  return words > 0;
}

static void cand_add(cset_t* cs, const char* text, int score, int from_text) {
  char buf[128], key[128];
  co_xt_copyn(buf, sizeof(buf), text, strlen(text));
  co_cls_clean_company(buf);
  co_xt_strip_trailing(buf, CO_XT_TEAMWORDS);
  co_cls_clean_company(buf);
  if (!buf[0]) return;
  size_t fl = strcspn(buf, " ");
  if (!strchr(buf, ' ') && co_xt_in_list(buf, fl, CO_XT_GENERIC)) return;
  if (co_xt_in_list(buf, fl, CO_XT_GENERIC) && strncasecmp(buf, "the ", 4) != 0) return;
  const char* lastsp = strrchr(buf, ' ');
  const char* lastw = lastsp ? lastsp + 1 : buf;
  if (co_xt_in_list(lastw, strlen(lastw), CO_XT_HEADS)) return; /* a role, not a company */
  if (co_xt_is_vendor(buf) || is_person(cs, buf)) return;
  co_xt_squash(buf, key, sizeof(key), 0);
  if (strlen(key) < 2) return;
  for (int i = 0; i < cs->n; i++) {
    if (strcmp(cs->c[i].key, key) == 0) {
      cs->c[i].score += score;
      if (from_text && !cs->c[i].from_text) {
        co_xt_copyn(cs->c[i].text, sizeof(cs->c[i].text), buf, strlen(buf));
        cs->c[i].from_text = 1;
      }
      return;
    }
  }
  if (cs->n == NCAND) return;
  cand_t* c = &cs->c[cs->n++];
  co_xt_copyn(c->text, sizeof(c->text), buf, strlen(buf));
  memcpy(c->key, key, sizeof(key));
  c->score = score;
  c->from_text = from_text;
}

/* ---------------------------------------------------------------- text scan */

static void scan_text(cset_t* cs, const char* t, size_t len, int bonus) {
  co_xt_tok_t tk[CO_XT_NAME_MAX_TOK];
  char buf[128];
  for (int l = 0; CO_XT_LEADS[l].s; l++) {
    const char *p = t, *end = t + len;
    const char* hit;
    int seen = 0;
    while (p < end && seen < 3 && (hit = co_cls_memcasestr(p, (size_t)(end - p), CO_XT_LEADS[l].s)) != NULL) {
      const char* q = hit + strlen(CO_XT_LEADS[l].s);
      int n = (hit == t || !isalpha((unsigned char)hit[-1]) || CO_XT_LEADS[l].s[0] == ' ')
                  ? co_xt_read_caps(q, end, tk, CO_XT_NAME_MAX_TOK, 0)
                  : 0;
      if (n > 0) {
        co_xt_toks_to_str(tk, n, buf, sizeof(buf));
        cand_add(cs, buf, CO_XT_LEADS[l].w + bonus, 1);
      }
      p = q;
      seen++;
    }
  }
  /* "<Name> Recruiting Team", "<Name> Talent Acquisition": read backwards
   * to the start of the capitalised run. */
  for (int k = 0; CO_XT_TEAM_AFTER[k]; k++) {
    const char *p = t, *end = t + len, *hit;
    int seen = 0;
    while (p < end && seen < 3 && (hit = strstr(p, CO_XT_TEAM_AFTER[k])) != NULL && hit < end) {
      const char* s = hit;
      int words = 0;
      while (s > t && words < CO_XT_NAME_MAX_TOK) {
        const char* w = s;
        while (w > t && w[-1] == ' ') w--;
        const char* ws = w;
        while (ws > t && co_xt_is_name_byte((const unsigned char*)ws - 1)) ws--;
        if (ws == w) break;
        if (w[-1] == '.' && !co_xt_is_legal(ws, (size_t)(w - ws))) break; /* a sentence ends before the name */
        if (!co_xt_is_upper((const unsigned char*)ws) && *ws != '&' &&
            !(words > 0 && co_xt_in_list(ws, (size_t)(w - ws), CO_XT_CONNECT)))
          break;
        if (co_xt_in_list(ws, (size_t)(w - ws), CO_XT_GENERIC) && strncmp(ws, "The", 3) != 0) break;
        s = ws;
        words++;
      }
      if (words) {
        co_xt_copyn(buf, sizeof(buf), s, (size_t)(hit - s));
        if (!strncmp(buf, "The ", 4)) memmove(buf, buf + 4, strlen(buf + 4) + 1);
        while (islower((unsigned char)buf[0]) &&
               co_xt_in_list(buf, strcspn(buf, " "), CO_XT_CONNECT)) { /* "... de Mühlbach" */
          size_t w = strcspn(buf, " "), skip = w + (buf[w] != 0); /* the word and its space */
          memmove(buf, buf + skip, strlen(buf + skip) + 1);
        }
        cand_add(cs, buf, 3 + bonus, 1);
      }
      p = hit + 1;
      seen++;
    }
  }
}

/* The last word of [p, e): letters only (UTF-8 letters included). */
static const char* last_word(const char* p, const char* e, size_t* n) {
  while (e > p && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == ',' || e[-1] == ':')) e--;
  const char* w = e;
  while (w > p && (isalpha((unsigned char)w[-1]) || (unsigned char)w[-1] >= 0x80)) w--;
  *n = (size_t)(e - w);
  return w;
}

static int line_is_title(const char* p, const char* le) {
  size_t n;
  const char* w = last_word(p, le, &n);
  return n && (co_xt_in_list(w, n, CO_XT_TITLEWORDS) || co_xt_in_list(w, n, CO_XT_HEADS));
}

/* The company on a signature line: a run that fills the line, or is followed
 * only by a place ("Acme GmbH · Wien", "Acme | Berlin", "Acme, Madrid"). */
static void sig_company(cset_t* cs, const char* p, const char* le, int w) {
  co_xt_tok_t tk[CO_XT_NAME_MAX_TOK];
  char buf[128];
  while (p < le && *p == ' ') p++;
  int n = co_xt_read_caps(p, le, tk, CO_XT_NAME_MAX_TOK, 0);
  if (n <= 0) return;
  const char* re = tk[n - 1].p + tk[n - 1].n;
  while (re < le && (*re == '.' || *re == ' ' || *re == '\r')) re++;
  int rest_ok = re >= le || *re == ',' || *re == '|' || (unsigned char)*re == 0xC2 || (unsigned char)*re == 0xE2 ||
                *re == '(' || *re == '-';
  if (!rest_ok) return;
  co_xt_toks_to_str(tk, n, buf, sizeof(buf));
  cand_add(cs, buf, w, 1);
}

/* Team phrases that open a signature line before the company
 * ("Talent Acquisition – Acme", "Equipe de Recrutamento Acme"). */
static const char* const TEAM_LINE[] = {"talent acquisition",
                                        "recruiting team",
                                        "recruitment team",
                                        "people team",
                                        "hr team",
                                        "human resources",
                                        "recursos humanos",
                                        "departamento de recursos humanos",
                                        "equipo de selección",
                                        "equipo de talento",
                                        "ressources humaines",
                                        "service des ressources humaines",
                                        "service recrutement",
                                        "l'équipe recrutement",
                                        "équipe recrutement",
                                        "equipe de recrutamento",
                                        "time de talentos",
                                        "equipe de talentos",
                                        "recrutamento",
                                        "recruitmentteam",
                                        "afdeling hr",
                                        "team recruitment",
                                        "werving en selectie",
                                        "risorse umane",
                                        "ufficio del personale",
                                        "ufficio risorse umane",
                                        "team selezione",
                                        "das recruiting-team",
                                        "ihr recruiting-team",
                                        "personalabteilung",
                                        "afdeling hr",
                                        "equipo de selección",
                                        "l'équipe",
                                        "recruiting",
                                        "recrutement",
                                        "rrhh",
                                        "rh",
                                        "hr",
                                        NULL};

static void scan_signatures(cset_t* cs, const char* t, size_t len) {
  const char *p = t, *end = t + len;
  while (p < end) {
    const char* eol = memchr(p, '\n', (size_t)(end - p));
    const char* le = eol ? eol : end;
    if (le - p < 100) {
      for (int k = 0; CO_XT_SIG_SEPS[k]; k++) {
        const char* sep = co_cls_memcasestr(p, (size_t)(le - p), CO_XT_SIG_SEPS[k]);
        size_t n;
        if (!sep) continue;
        const char* w = last_word(p, sep, &n); /* the last word before the separator is a title word */
        if (!n || !(co_xt_in_list(w, n, CO_XT_TITLEWORDS) || co_xt_in_list(w, n, CO_XT_HEADS))) continue;
        sig_company(cs, sep + strlen(CO_XT_SIG_SEPS[k]), le, 3);
        break;
      }
      for (int k = 0; TEAM_LINE[k]; k++) {
        size_t tl = strlen(TEAM_LINE[k]);
        if ((size_t)(le - p) <= tl + 1 || strncasecmp(p, TEAM_LINE[k], tl) != 0 || p[tl] != ' ') continue;
        const char* q = p + tl;
        while (q < le && (*q == ' ' || *q == '-' || *q == '|' || *q == ':' || (unsigned char)*q >= 0x80) &&
               !co_xt_is_upper((const unsigned char*)q))
          q++;
        for (size_t cl; q < le && (cl = strcspn(q, " ")) < 5 && co_xt_in_list(q, cl, CO_XT_CONNECT);)
          q += cl + 1; /* "Recursos Humanos de Acme", "Recruiting-Team der Acme" */
        sig_company(cs, q, le, 3);
        break;
      }
    }
    /* a line that is only a name with its legal form ("Acme Widgets GmbH") */
    if (le - p < 80) {
      co_xt_tok_t tk[CO_XT_NAME_MAX_TOK];
      const char* q = p;
      while (q < le && *q == ' ') q++;
      int n = co_xt_read_caps(q, le, tk, CO_XT_NAME_MAX_TOK, 0);
      const char* re = n > 1 ? tk[n - 1].p + tk[n - 1].n : q;
      while (re < le && (*re == '.' || *re == ' ' || *re == '\r')) re++;
      if (n > 1 && re == le && co_xt_is_legal(tk[n - 1].p, tk[n - 1].n)) sig_company(cs, q, le, 3);
    }
    /* a title alone on a line ("Talent Acquisition Partner"), the company on the next */
    if (eol && le - p < 60 && line_is_title(p, le)) {
      const char *nx = eol + 1, *ne = memchr(nx, '\n', (size_t)(end - nx));
      sig_company(cs, nx, ne ? ne : end, 3);
    }
    p = eol ? eol + 1 : end;
  }
}

/* A capitalised run in the text that squashes to the domain label gives the
 * company's own spelling of its domain ("Yarrow Foods" for yarrowfoods,
 * "Mühlbach" for muhlbach or muehlbach); a longer run that begins with it
 * ("Hoteles Brisamar" for hoteles.com.mx) counts too. */
static void scan_domain_spelling(cset_t* cs, const char* t, size_t len, const char* label, int w) {
  size_t ll = strlen(label);
  if (ll < 3) return;
  co_xt_tok_t tk[CO_XT_NAME_MAX_TOK];
  int found = 0;
  for (size_t i = 0; i < len && found < 2; i++) {
    if (!co_xt_is_upper((const unsigned char*)t + i) || (i > 0 && co_xt_is_name_byte((const unsigned char*)t + i - 1)))
      continue;
    int n = co_xt_read_caps(t + i, t + len, tk, CO_XT_NAME_MAX_TOK, 0);
    for (int k = n; k >= 1; k--) {
      char buf[128], key[128], gkey[128], pre[128];
      co_xt_toks_to_str(tk, k, buf, sizeof(buf));
      co_xt_squash(buf, key, sizeof(key), 0);
      co_xt_squash(buf, gkey, sizeof(gkey), 1);
      if (strcmp(key, label) == 0 || strcmp(gkey, label) == 0) {
        cand_add(cs, buf, w, 1);
        found++;
        break;
      }
      if (k > 1) { /* the first k-1 words spell the label: the run is the longer name */
        co_xt_toks_to_str(tk, 1, pre, sizeof(pre));
        for (int j = 1; j < k; j++) {
          co_xt_toks_to_str(tk, j, pre, sizeof(pre));
          co_xt_squash(pre, key, sizeof(key), 0);
          co_xt_squash(pre, gkey, sizeof(gkey), 1);
          if ((strcmp(key, label) == 0 || strcmp(gkey, label) == 0) &&
              !co_xt_in_list(tk[j].p, tk[j].n, CO_XT_GENERIC)) {
            cand_add(cs, buf, w, 1);
            found++;
            k = 0;
            break;
          }
        }
      }
    }
  }
}

/* If out is an acronym of 2-5 capitals (any letters when it is only the
 * sender's domain, "mvha") and text holds capitalised words
 * whose initials spell it ("of", "and", "&" skipped), replaces out with
 * those words (cleaned). 1 if replaced. */
static int expand_acronym(const char* t, size_t len, char* out, size_t osz, int any_case) {
  size_t al = strlen(out);
  if (al < 2 || al > 5) return 0;
  for (size_t i = 0; i < al; i++)
    if (any_case ? !isalpha((unsigned char)out[i]) : !isupper((unsigned char)out[i])) return 0;
  char acr[6];
  for (size_t i = 0; i <= al; i++) acr[i] = (char)toupper((unsigned char)out[i]);
  const char* end = t + len;
  for (const char* p = t; p < end; p++) {
    if (*p != acr[0] || (p > t && co_xt_is_name_byte((const unsigned char*)p - 1))) continue;
    const char *q = p, *stop = NULL;
    size_t k = 0;
    while (q < end && k < al) {
      const char* w = q;
      while (q < end && co_xt_is_name_byte((const unsigned char*)q)) q++;
      size_t wl = (size_t)(q - w);
      if (!wl) break;
      if (co_xt_in_list(w, wl, CO_XT_CONNECT) && k > 0) {
      } else if ((unsigned char)w[0] == (unsigned char)acr[k] && wl > 1 && islower((unsigned char)w[1])) {
        k++;
        stop = q;
      } else {
        break;
      }
      if (q < end && *q == ' ' && k < al)
        q++;
      else if (k < al)
        break;
    }
    if (k == al && stop) {
      co_xt_copyn(out, osz, p, (size_t)(stop - p));
      co_cls_clean_company(out);
      return 1;
    }
  }
  return 0;
}

/* The addressee of the greeting ("Hallo Jonas,", "Dear Ms. Park") and the
 * sender when it is a person: their words are no company. */
static void collect_names(cset_t* cs, const char* body, size_t bl, const char* disp) {
  const char *p = body, *end = body + (bl > 400 ? 400 : bl);
  for (int lines = 0; p < end && lines < 3; lines++) {
    const char* eol = memchr(p, '\n', (size_t)(end - p));
    const char* le = eol ? eol : end;
    const char* w = p;
    size_t wl = strcspn(w, " ,\n");
    if (w + wl <= le && co_xt_in_list(w, wl, CO_XT_GREETINGS)) {
      co_xt_tok_t tk[4];
      const char* q = w + wl;
      while (q < le && *q == ' ') q++;
      int n = co_xt_read_caps(q, le, tk, 4, 0);
      for (int i = 0; i < n; i++) add_name(cs, tk[i].p, tk[i].n);
    }
    p = eol ? eol + 1 : end;
  }
  if (disp) {
    for (const char* s = disp; *s;) {
      while (*s == ' ' || *s == ',') s++;
      size_t n = strcspn(s, " ,");
      if (n) add_name(cs, s, n);
      s += n;
    }
  }
}

static int agreement(const char* key, const char* text, const char* label) {
  size_t kl = strlen(key), ll = strlen(label);
  char gkey[128];
  co_xt_squash(text, gkey, sizeof(gkey), 1);
  if (!label[0]) return 0;
  if (!strcmp(key, label) || !strcmp(gkey, label)) return 4;
  if (ll >= 3 && kl > ll && (!strncmp(key, label, ll) || !strncmp(gkey, label, ll)))
    return 5; /* "Redwood Civic Tech" at redwood.com */
  if (kl >= 4 && !strncmp(label, key, kl)) return 2;
  return 0;
}

void co_cls_extract_company(const char* subject, const char* from, const char* body, size_t body_len, char* out,
                            size_t out_size) {
  cset_t* cs = calloc(1, sizeof(*cs));
  out[0] = 0;
  if (!cs) return;
  subject = subject ? subject : "";
  body = body ? body : "";
  if (body_len > 3000) body_len = 3000;
  /* body_len is the new part; the quoted thread after it is read only for
   * the company's own spelling of its domain */
  size_t full_len = strnlen(body, body_len + 3000);
  co_cls_sender_t s;
  co_cls_parse_sender(from, &s);
  int ats = s.domain[0] && co_cls_domain_is_ats(s.domain);
  char label[128];
  co_xt_sender_label(&s, ats, body, full_len, label, sizeof(label));
  char dname[128], dkey[128];
  int person = 0, relay = 0;
  int dw = s.name[0] && !strchr(s.name, '@')
               ? co_xt_display_company(s.name, label, ats, dname, sizeof(dname), &person, &relay)
               : 0;
  co_xt_squash(dname, dkey, sizeof(dkey), 0);
  /* A robot mailbox (no-reply@, jobs@) of a domain the display name does not
   * spell is a relay too: an ATS this file does not know. */
  if (!relay && dw && label[0] && co_xt_is_robot_local(s.local) && !agreement(dkey, dname, label)) relay = 1;
  if (relay && dw && label[0] && !agreement(dkey, dname, label)) label[0] = 0, dw = 3;
  collect_names(cs, body, body_len, person && co_xt_signs_as(s.name, body, body_len) ? s.name : NULL);

  if (has_lower(subject)) scan_text(cs, subject, strlen(subject), 1); /* ALL-CAPS runs swallow verbs */
  scan_text(cs, body, body_len, 0);
  scan_signatures(cs, body, body_len);
  if (label[0]) {
    scan_domain_spelling(cs, subject, strlen(subject), label, 1);
    scan_domain_spelling(cs, body, full_len, label, 1);
  }
  if (dw) cand_add(cs, dname, dw, 0);
  /* Agreement with the domain label is strong evidence. */
  int best = -1;
  for (int i = 0; i < cs->n; i++) {
    cand_t* c = &cs->c[i];
    c->score += agreement(c->key, c->text, label);
    if (best < 0 || c->score > cs->c[best].score) best = i;
  }
  int from_domain = 0;
  /* a weak guess ("... with Dana Lee") that the domain does not back loses to the domain */
  if (best >= 0 && label[0] && cs->c[best].score < 3 && !agreement(cs->c[best].key, cs->c[best].text, label)) best = -1;
  if (best >= 0) {
    co_xt_copyn(out, out_size, cs->c[best].text, strlen(cs->c[best].text));
  } else if (label[0]) { /* last resort: the domain itself */
    co_xt_label_words(label, out, out_size);
    from_domain = 1;
  }
  /* LinkedIn's own template names the employer verbatim, case and digits
   * included ("... your application was sent to Acme 2"). */
  const char* sent =
      strstr(s.domain, "linkedin") ? co_cls_memcasestr(subject, strlen(subject), "application was sent to ") : NULL;
  if (sent) {
    sent += strlen("application was sent to ");
    size_t sl = strlen(sent);
    const char* const CUTS[] = {" - ", " | ", " (", " – ", NULL}; /* "Acme - ACM", "Acme (US)" */
    for (int k = 0; CUTS[k]; k++) {
      const char* c = strstr(sent, CUTS[k]);
      if (c && (size_t)(c - sent) < sl) sl = (size_t)(c - sent);
    }
    co_xt_copyn(out, out_size, sent, sl);
    co_cls_clean_company(out);
  }
  /* An acronym ("ACME Talent" -> "AT") is usually spelled out in the text. */
  if (!expand_acronym(subject, strlen(subject), out, out_size, from_domain))
    expand_acronym(body, body_len, out, out_size, from_domain);
  free(cs);
}
