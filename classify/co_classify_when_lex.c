/* co_classify_when_lex.c: the words and the lexer of the interview
 * extractor: month and weekday names in seven languages, the Date header,
 * the text normalized (hard-wrapped lines joined, dashes and NBSPs made
 * ASCII) and cut into words, numbers, clock times and numeric dates. The
 * matching is in co_classify_when.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_when_int.h"

static const char *const MONTHS[][13] = {
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december", NULL},
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL},
    {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
     "dezember", NULL},
    {"jänner", "feber", "maerz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez", NULL},
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
     "diciembre", NULL},
    {"ene", "feb", "marz", "abr", "may", "jun", "jul", "ago", "setiembre", "oct", "nov", "dic", NULL},
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
     "décembre", NULL},
    {"janv", "fevrier", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "decembre", NULL},
    {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro",
     "dezembro", NULL},
    {"jan", "fev", "marco", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez", NULL},
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
     "december", NULL},
    {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
     "novembre", "dicembre", NULL},
    {"genn", "febb", "mar", "apr", "magg", "giu", "lug", "ago", "sett", "ott", "nov", "dic", NULL}};

int co_cls_month_of(const char *w) {
  if (strlen(w) < 3) return 0;
  for (size_t r = 0; r < sizeof(MONTHS) / sizeof(MONTHS[0]); r++)
    for (int i = 0; i < 12; i++)
      if (!strcmp(w, MONTHS[r][i])) return i + 1;
  if (!strcmp(w, "sept")) return 9;
  return 0;
}

/* Weekdays, Sunday first; -1 if none. pt_feira: the Portuguese ordinal
 * names ("segunda") are weekdays only with "-feira" or a date next to them. */
int co_cls_wday_of(const char *w, int *pt_ordinal) {
  static const char *const W[][7] = {
      {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"},
      {"sun", "mon", "tue", "wed", "thu", "fri", "sat"},
      {"sonntag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag"},
      {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
      {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
      {"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
      {"domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"},
      {"domenica", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabado"},
  };
  static const char *const PT[7] = {"domingo", "segunda", "terça", "quarta", "quinta", "sexta", "sábado"};
  *pt_ordinal = 0;
  if (strlen(w) < 3) return -1;
  for (size_t r = 0; r < sizeof(W) / sizeof(W[0]); r++)
    for (int i = 0; i < 7; i++)
      if (!strcmp(w, W[r][i])) return i;
  if (!strcmp(w, "tues")) return 2;
  if (!strcmp(w, "thur") || !strcmp(w, "thurs")) return 4;
  if (!strcmp(w, "miercoles")) return 3;
  if (!strcmp(w, "terca")) return *pt_ordinal = 1, 2;
  if (!strcmp(w, "samstags") || !strcmp(w, "sonnabend")) return 6;
  for (int i = 1; i < 6; i++)
    if (!strcmp(w, PT[i])) return *pt_ordinal = 1, i;
  return -1;
}

/* ---------------------------------------------------------------- Date header */

int co_cls_parse_date_header(const char *s, co_cls_tm_t *t) {
  memset(t, 0, sizeof(*t));
  if (!s) return -1;
  while (isspace((unsigned char)*s)) s++;
  int n = 0;
  /* ISO-8601 / "YYYY-MM-DD HH:MM:SS" */
  if (sscanf(s, "%4d-%2d-%2d%n", &t->y, &t->mo, &t->d, &n) == 3 && n == 10) {
    const char *p = s + n;
    if ((*p == 'T' || *p == ' ') && sscanf(p + 1, "%2d:%2d%n", &t->h, &t->mi, &n) == 2) {
      t->has_time = 1;
      p += 1 + n;
      if (*p == ':' && sscanf(p + 1, "%2d%n", &t->s, &n) == 1) p += 1 + n;
      if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++) {
        }
      while (*p == ' ') p++;
      int hh, mm;
      if (*p == 'Z') {
        t->has_tz = 1;
      } else if ((*p == '+' || *p == '-') && (sscanf(p + 1, "%2d:%2d", &hh, &mm) == 2 || sscanf(p + 1, "%2d%2d", &hh, &mm) == 2)) {
        t->has_tz = 1;
        t->tz_min = (*p == '-' ? -1 : 1) * (hh * 60 + mm);
      }
    }
    return co_cls_valid_date(t->y, t->mo, t->d) ? 0 : -1;
  }
  /* RFC 5322: [Day, ] D Mon YYYY HH:MM[:SS] zone */
  const char *comma = strchr(s, ',');
  if (comma && comma - s <= 10) s = comma + 1;
  char mon[16], zone[16] = "";
  int c = sscanf(s, " %d %15s %d %d:%d%n", &t->d, mon, &t->y, &t->h, &t->mi, &n);
  if (c < 3) return -1;
  for (char *p = mon; *p; p++) *p = (char)tolower((unsigned char)*p);
  mon[3] = 0;
  t->mo = co_cls_month_of(mon);
  if (t->y < 100) t->y += t->y < 50 ? 2000 : 1900;
  if (!co_cls_valid_date(t->y, t->mo, t->d)) return -1;
  if (c < 5) return 0;
  t->has_time = 1;
  const char *p = s + n;
  if (*p == ':') {
    int k;
    if (sscanf(p + 1, "%d%n", &t->s, &k) == 1) p += 1 + k;
  }
  if (sscanf(p, " %15s", zone) == 1) {
    int hh, mm;
    if ((zone[0] == '+' || zone[0] == '-') && strlen(zone) >= 5 && sscanf(zone + 1, "%2d%2d", &hh, &mm) == 2) {
      t->has_tz = 1;
      t->tz_min = (zone[0] == '-' ? -1 : 1) * (hh * 60 + mm);
    } else { /* RFC 5322 obsolete zones: literal offsets */
      static const struct {
        const char *n;
        int off;
      } Z[] = {{"UT", 0}, {"GMT", 0}, {"Z", 0}, {"EST", -300}, {"EDT", -240}, {"CST", -360},
               {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}};
      for (size_t i = 0; i < sizeof(Z) / sizeof(Z[0]); i++)
        if (!strcasecmp(zone, Z[i].n)) t->has_tz = 1, t->tz_min = Z[i].off;
    }
  }
  return 0;
}

/* ---------------------------------------------------------------- normalize */

/* Joins single line breaks into spaces (a blank line stays a break), maps
 * dashes, NBSPs and curly quotes to ASCII. Caller frees. */
char *co_cls_when_normalize(const char *t, size_t len, size_t *out_len) {
  char *o = malloc(len + 1);
  size_t n = 0;
  if (!o) return NULL;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == '\r') continue;
    if (c == '\n') {
      size_t j = i + 1;
      int blank = 0;
      while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' || t[j] == '\n')) blank |= t[j++] == '\n';
      o[n++] = blank ? '\n' : ' ';
      i = j - 1;
      continue;
    }
    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
      unsigned char c2 = (unsigned char)t[i + 2];
      if (c2 == 0x93 || c2 == 0x94 || c2 == 0x90 || c2 == 0x91) o[n++] = '-', i += 2;
      else if (c2 == 0x99 || c2 == 0x98) o[n++] = '\'', i += 2;
      else if (c2 == 0xAF || c2 == 0x89 || c2 == 0x8A) o[n++] = ' ', i += 2;
      else o[n++] = (char)c;
      continue;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA0) {
      o[n++] = ' ', i++;
      continue;
    }
    o[n++] = c == '\t' ? ' ' : (char)c;
  }
  o[n] = 0;
  *out_len = n;
  return o;
}

/* ---------------------------------------------------------------- lexer */

static int is_wordc(unsigned char c) { return isalpha(c) || c >= 0x80 || c == '_'; }

/* am/pm right after a number at t[j]: returns bytes consumed, meridiem in *mer. */
static size_t meridiem_at(const char *t, size_t len, size_t j, int *mer) {
  while (j < len && t[j] == ' ') j++;
  if (j + 1 >= len) return 0;
  char c0 = (char)tolower((unsigned char)t[j]);
  if (c0 != 'a' && c0 != 'p') return 0;
  *mer = c0 == 'p' ? 2 : 1;
  if (tolower((unsigned char)t[j + 1]) == 'm' && (j + 2 >= len || !is_wordc((unsigned char)t[j + 2]))) return j + 2;
  if (j + 3 < len && t[j + 1] == '.' && tolower((unsigned char)t[j + 2]) == 'm' && t[j + 3] == '.') return j + 4;
  if (j + 2 < len && t[j + 1] == '.' && tolower((unsigned char)t[j + 2]) == 'm' &&
      (j + 3 >= len || !is_wordc((unsigned char)t[j + 3])))
    return j + 3;
  return 0;
}

static int lex_number(const char *t, size_t len, size_t *ip, co_cls_tk_t *k) {
  size_t i = *ip, st = i;
  long v = 0;
  while (i < len && isdigit((unsigned char)t[i]) && i - st < 9) v = v * 10 + (t[i++] - '0');
  int nd = (int)(i - st);
  int a2, b2, c2, used = 0;
  k->type = CO_TK_NUM, k->a = (int)v, k->b = nd;
  if (nd == 4 && i + 5 < len + 1 && t[i] == '-' && sscanf(t + i, "-%2d-%2d%n", &b2, &c2, &used) == 2 && used == 6) {
    k->type = CO_TK_DATE, k->a = (int)v, k->b = b2, k->c = c2, k->dayfirst = 2;
    i += (size_t)used;
    if (i < len && t[i] == 'T') i++; /* "2026-12-10T14:00": the time lexes next */
  } else if (nd <= 2 && i + 1 < len && (t[i] == ':' || (t[i] == '.' && isdigit((unsigned char)t[i + 1]))) &&
             isdigit((unsigned char)t[i + 1]) && i + 2 < len && isdigit((unsigned char)t[i + 2]) &&
             !(i + 3 < len && (isdigit((unsigned char)t[i + 3]) || (t[i] == '.' && t[i + 3] == '.')))) {
    /* "14:30", "14.30" (not "10.12." or "10.12.2026") */
    k->type = CO_TK_TIME, k->a = (int)v, k->b = (t[i + 1] - '0') * 10 + (t[i + 2] - '0'), k->lead0 = nd == 2 && t[st] == '0';
    i += 3;
    if (i + 2 < len && t[i] == ':' && isdigit((unsigned char)t[i + 1])) i += 3; /* seconds */
  } else if (nd <= 2 && i < len && (t[i] == 'h' || t[i] == 'H') && (i + 1 >= len || !isalpha((unsigned char)t[i + 1]) ||
                                                                     (i + 2 < len && t[i + 1] == 'r' && t[i + 2] == 's'))) {
    /* "14h", "14h30", "15H00" */
    k->type = CO_TK_TIME, k->a = (int)v, k->b = 0, k->lead0 = nd == 2 && t[st] == '0';
    i++;
    if (i + 1 < len && isdigit((unsigned char)t[i]) && isdigit((unsigned char)t[i + 1])) {
      k->b = (t[i] - '0') * 10 + (t[i + 1] - '0');
      i += 2;
    } else if (i + 1 < len && t[i] == 'r' && t[i + 1] == 's') {
      i += 2;
    }
  } else if (nd <= 2 && i + 1 < len && (t[i] == '/' || t[i] == '.') && isdigit((unsigned char)t[i + 1])) {
    /* "12/10[/2026]", "10.12.[2026]" */
    char sep = t[i];
    k->type = CO_TK_DATE, k->b = (int)v, k->dayfirst = sep == '.';
    if (sscanf(t + i + 1, "%2d%n", &a2, &used) == 1) k->c = a2;
    i += 1 + (size_t)used;
    k->a = 0;
    if (i < len && t[i] == sep) {
      i++;
      if (i < len && isdigit((unsigned char)t[i]) && sscanf(t + i, "%4d%n", &a2, &used) == 1) {
        k->a = a2 < 100 ? a2 + 2000 : a2;
        i += (size_t)used;
      }
    } else if (sep == '.') { /* "14.30" is a time (above); "1.5 hours" a number: w = ".5", its tenths */
      k->type = CO_TK_NUM, k->a = (int)v, k->b = nd, k->c = 0, k->dayfirst = 0;
      k->w[0] = '.';
      k->w[1] = (char)('0' + (used >= 1 ? (a2 >= 10 ? a2 / 10 : a2) : 0));
    }
  }
  if (k->type == CO_TK_NUM || k->type == CO_TK_TIME) {
    int mer = 0;
    size_t e = meridiem_at(t, len, i, &mer);
    if (e) {
      if (k->type == CO_TK_NUM) k->type = CO_TK_TIME, k->a = (int)v, k->b = 0;
      k->c = mer;
      i = e;
    } else if (k->type == CO_TK_NUM && i + 1 < len && isalpha((unsigned char)t[i])) {
      char s2[3] = {(char)tolower((unsigned char)t[i]), (char)tolower((unsigned char)t[i + 1]), 0};
      if (!strcmp(s2, "st") || !strcmp(s2, "nd") || !strcmp(s2, "rd") || !strcmp(s2, "th") || !strcmp(s2, "er")) {
        k->c = 1;
        i += 2;
      }
    } else if (k->type == CO_TK_NUM && nd <= 2 && i + 1 < len && t[i] == '.' && t[i + 1] == ' ') {
      k->c = 1; /* German ordinal "10. Dezember" */
      i++;
    } else if (k->type == CO_TK_NUM && i + 1 < len && (unsigned char)t[i] == 0xC2 &&
               ((unsigned char)t[i + 1] == 0xBA || (unsigned char)t[i + 1] == 0xAA)) {
      k->c = 1; /* "1º" */
      i += 2;
    }
  }
  while (i < len && isalnum((unsigned char)t[i])) i++;
  *ip = i;
  return 1;
}

int co_cls_when_lex(const char *t, size_t len, co_cls_tk_t *tk) {
  int n = 0, sent = 0;
  size_t i = 0;
  while (i < len && n < CO_CLS_MAXTK) {
    unsigned char ch = (unsigned char)t[i];
    if (ch == '\n' || ch == '!' || ch == '?' || ch == ';' ||
        (ch == '.' && (i + 1 >= len || isspace((unsigned char)t[i + 1])))) {
      sent++;
      i++;
      continue;
    }
    if (isspace(ch)) {
      i++;
      continue;
    }
    co_cls_tk_t *k = &tk[n];
    memset(k, 0, sizeof(*k));
    k->sent = sent;
    k->pos = (int)i;
    if (isdigit(ch)) {
      lex_number(t, len, &i, k);
    } else if (is_wordc(ch)) {
      size_t wl = 0;
      int up = 1;
      while (i < len && is_wordc((unsigned char)t[i])) {
        if (islower((unsigned char)t[i])) up = 0;
        if (wl < sizeof(k->w) - 1) k->w[wl++] = (char)tolower((unsigned char)t[i]);
        i++;
      }
      k->type = CO_TK_WORD;
      k->upper = up;
      /* "Dec." / "Thurs." are abbreviations, not sentence ends */
      int pt;
      if (i < len && t[i] == '.' && wl <= 5 && (co_cls_month_of(k->w) || co_cls_wday_of(k->w, &pt) >= 0)) i++;
    } else {
      k->type = CO_TK_PUNCT;
      k->w[0] = (char)ch;
      i++;
    }
    k->end = (int)i;
    n++;
  }
  return n;
}
