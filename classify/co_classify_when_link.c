/* co_classify_when_link.c: the meeting link or place of an interview
 * email: Zoom, Meet, Teams, Webex (and other video) URLs, with or without a
 * scheme; else a phone number next to a phone word in seven languages
 * (written "tel:+<digits>"); else a street address after "Address:" or
 * "our office at" and their translations. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "co_classify_when_int.h"

static void copyn(char *dst, size_t dsz, const char *src, size_t n) {
  if (n >= dsz) n = dsz - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
}

static const struct {
  const char *host; /* suffix of the URL's host */
  const char *kind;
} MEETING_HOSTS[] = {{"zoom.us", "zoom"},          {"zoom.com", "zoom"},          {"zoomgov.com", "zoom"},
                     {"meet.google.com", "meet"},  {"teams.microsoft.com", "teams"}, {"teams.live.com", "teams"},
                     {"webex.com", "webex"},       {"whereby.com", "video"},      {"bluejeans.com", "video"},
                     {"gotomeeting.com", "video"}, {"gotomeet.me", "video"},      {"chime.aws", "video"},
                     {"meet.jit.si", "video"},     {"skype.com", "video"},        {NULL, NULL}};

/* Kind of a meeting URL, or NULL. */
static const char *meeting_kind(const char *url, size_t n) {
  const char *h = memchr(url, '/', n);
  if (!h || (size_t)(h - url) + 2 >= n || h[1] != '/') return NULL;
  h += 2;
  size_t hl = 0;
  while (h + hl < url + n && h[hl] != '/' && h[hl] != '?' && h[hl] != '#' && h[hl] != ':') hl++;
  for (int i = 0; MEETING_HOSTS[i].host; i++) {
    size_t l = strlen(MEETING_HOSTS[i].host);
    if (hl >= l && !strncasecmp(h + hl - l, MEETING_HOSTS[i].host, l) && (hl == l || h[hl - l - 1] == '.'))
      return MEETING_HOSTS[i].kind;
  }
  return NULL;
}

static int url_byte(unsigned char c) { return c > ' ' && c < 0x7f && c != '<' && c != '>' && c != '"' && c != '\'' && c != ')' && c != ']'; }

/* First meeting URL; a meeting host written without a scheme counts too. */
static int find_meeting_url(const char *t, size_t len, char *out, size_t osz, char *kind, size_t ksz) {
  const char *best = NULL, *bkind = NULL;
  size_t bl = 0;
  for (size_t i = 0; i + 8 < len && !best; i++) {
    size_t st = i;
    if (!strncasecmp(t + i, "https://", 8) || !strncasecmp(t + i, "http://", 7)) {
    } else if (i == 0 || !url_byte((unsigned char)t[i - 1])) {
      /* "zoom.us/j/123", "meet.google.com/abc-defg-hij" */
      int hit = 0;
      for (int k = 0; MEETING_HOSTS[k].host && !hit; k++) {
        size_t l = strlen(MEETING_HOSTS[k].host);
        const char *e = t + i;
        size_t sub = 0;
        while (i + sub < len && url_byte((unsigned char)e[sub]) && e[sub] != '/') sub++;
        if (sub >= l && !strncasecmp(e + sub - l, MEETING_HOSTS[k].host, l) && i + sub < len && e[sub] == '/' &&
            (sub == l || e[sub - l - 1] == '.'))
          hit = 1;
      }
      if (!hit) continue;
    } else {
      continue;
    }
    size_t e = i;
    while (e < len && url_byte((unsigned char)t[e])) e++;
    while (e > st && strchr(".,;:!?", t[e - 1])) e--;
    char buf[600];
    size_t n = e - st;
    if (n >= sizeof(buf) - 8) continue;
    if (t[st] == 'h' || t[st] == 'H') {
      memcpy(buf, t + st, n);
    } else {
      memcpy(buf, "https://", 8);
      memcpy(buf + 8, t + st, n);
      n += 8;
    }
    buf[n] = 0;
    const char *k = meeting_kind(buf, n);
    if (k) best = buf, bkind = k, bl = n;
    if (best) {
      copyn(out, osz, best, bl);
      copyn(kind, ksz, bkind, strlen(bkind));
      return 1;
    }
    i = e;
  }
  return 0;
}

static const char *const PHONE_WORDS[] = {"phone", "call", "dial", "tel:", "tel.", "mobile", "cell", "telefon",
                                          "teléfono", "telefono", "téléphone", "telefone", "telefoon", "ligar", "ligaremos",
                                          "llam", "appel", "rufen", "bellen", "chiam", NULL};

/* A phone number (8..15 digits) after a phone word in the same sentence;
 * written as "tel:+<digits>" (a leading + kept, else as dialled). */
static int find_phone(const char *t, size_t len, char *out, size_t osz) {
  for (size_t i = 0; i < len; i++) {
    if (!(t[i] == '+' || t[i] == '(' || isdigit((unsigned char)t[i])) || (i && isalnum((unsigned char)t[i - 1]))) continue;
    char dig[20];
    int nd = 0, plus = t[i] == '+';
    size_t e = i + (plus ? 1 : 0);
    while (e < len && (isdigit((unsigned char)t[e]) || strchr(" -().", t[e]))) {
      if (isdigit((unsigned char)t[e])) {
        if (nd >= 16) break;
        dig[nd++] = t[e];
      }
      if (t[e] == ' ' && e + 1 < len && !isdigit((unsigned char)t[e + 1]) && t[e + 1] != '(' && t[e + 1] != '-') break;
      e++;
    }
    if (nd < 8 || nd > 15 || (!plus && t[i] != '(' && nd < 10)) {
      i = e;
      continue;
    }
    /* a date or time is not a phone number */
    size_t back = i > 120 ? i - 120 : 0;
    int word = 0;
    for (int k = 0; PHONE_WORDS[k] && !word; k++) word = co_cls_memcasestr(t + back, i - back, PHONE_WORDS[k]) != NULL;
    if (!word) {
      i = e;
      continue;
    }
    dig[nd] = 0;
    snprintf(out, osz, "tel:%s%s", plus ? "+" : "", dig);
    return 1;
  }
  return 0;
}

static const char *const ADDRESS_LEADS[] = {"address:", "location:", "venue:", "where:", "adresse:", "adresse :",
                                            "anschrift:", "ort:", "dirección:", "direccion:", "lugar:", "lieu:",
                                            "lieu :", "endereço:", "endereco:", "local:", "adres:", "locatie:",
                                            "indirizzo:", "sede:", "our office at ", "our offices at ", "located at ",
                                            "in unserem büro in der ", "in unserem büro, ", "en nuestra oficina en ",
                                            "en nuestras oficinas en ", "dans nos locaux au ", "dans nos bureaux au ",
                                            "no nosso escritório na ", "no nosso escritório em ",
                                            "op ons kantoor aan de ", "op ons kantoor, ", "presso la nostra sede in ",
                                            "presso i nostri uffici in ", NULL};

/* A street address: text after a lead, to the end of the line (or of the
 * sentence), when it holds a digit (a house number or post code). */
static int find_address(const char *t, size_t len, char *out, size_t osz) {
  for (int k = 0; ADDRESS_LEADS[k]; k++) {
    const char *p = t, *end = t + len, *hit;
    while (p < end && (hit = co_cls_memcasestr(p, (size_t)(end - p), ADDRESS_LEADS[k])) != NULL) {
      const char *s = hit + strlen(ADDRESS_LEADS[k]);
      while (s < end && (*s == ' ' || *s == '\t')) s++;
      const char *e = s;
      int label = strchr(ADDRESS_LEADS[k], ':') != NULL;
      for (; e < end; e++) {
        if (*e == '\n' && (label || e + 1 >= end || e[1] == '\n')) break;
        if (*e == '.' && (e + 1 >= end || e[1] == ' ' || e[1] == '\n') && e - s > 3 &&
            !(e - s >= 2 && isupper((unsigned char)e[-1]) && e[-2] == ' '))
          break;
      }
      while (e > s && strchr(" ,;:\r", e[-1])) e--;
      int digit = 0;
      for (const char *q = s; q < e; q++) digit |= isdigit((unsigned char)*q) != 0;
      if (digit && e - s >= 6 && e - s < 200 && !co_cls_memcasestr(s, (size_t)(e - s), "http")) {
        size_t o = 0; /* a wrapped line joins with a space */
        for (const char *q = s; q < e && o + 1 < osz; q++) out[o++] = *q == '\n' || *q == '\r' ? ' ' : *q;
        out[o] = 0;
        return 1;
      }
      p = s;
    }
  }
  return 0;
}

int co_cls_extract_link(const char *text, size_t len, char *out, size_t out_size, char *kind, size_t kind_size) {
  out[0] = kind[0] = 0;
  if (!text || !len) return 0;
  if (find_meeting_url(text, len, out, out_size, kind, kind_size)) return 1;
  if (find_phone(text, len, out, out_size)) return copyn(kind, kind_size, "phone", 5), 1;
  if (find_address(text, len, out, out_size)) return copyn(kind, kind_size, "address", 7), 1;
  return 0;
}
