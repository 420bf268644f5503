/* co_classify_when.c: the Date header, and the interview slots an email's
 * text proposes.
 *
 * The text is normalized first (hard-wrapped lines joined, so a date on one
 * line and its time on the next stay one sentence; blank lines still end
 * one; dashes and NBSPs made ASCII), then lexed into words, numbers, clock
 * times ("14:30", "14.30", "14h30", "3pm") and numeric dates. Date forms in
 * seven languages ("December 10", "10. Dezember", "10 de diciembre de
 * 2026", "Thursday the 10th", "tomorrow", "next Tuesday", "mardi
 * prochain") and time forms ("2:30 PM", "um 14 Uhr", "a las 10", "à
 * 14h30", "om 14.00 uur", "alle 15", ranges "10:00 - 11:00 AM") are matched
 * on the tokens, and each time is paired with the nearest date of its
 * sentence (else the last date before it). A zone stated after the time
 * wins, then one stated alone anywhere in the text ("All times CET"), then
 * the sender's zone guessed from the Date header's offset and the language
 * (co_classify_when_zone.c). Relative dates resolve against the Date
 * header's local date. English "next Tuesday" is the Tuesday of the
 * following week when this week's Tuesday is still ahead (sent Monday: 8
 * days), else the coming one; the other languages' "next" ("el próximo
 * jueves", "jeudi prochain", "nächsten Dienstag") is the coming one.
 * Numeric d/m vs m/d: whichever is
 * unambiguous; else d/m outside English, and for senders east of UTC. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_when_int.h"

static int in_set(const char *w, const char *const *set) {
  for (int i = 0; set[i]; i++)
    if (!strcmp(w, set[i])) return 1;
  return 0;
}

static const char *const W_TOMORROW[] = {"tomorrow", "morgen", "mañana", "demain", "amanhã", "amanha", "domani", NULL};
static const char *const W_TODAY[] = {"today", "heute", "hoy", "aujourd", "hoje", "vandaag", "oggi", NULL};
static const char *const W_AFTER_TOMORROW[] = {"übermorgen", "overmorgen", "dopodomani", NULL};
static const char *const W_NEXT[] = {"next", "nächsten", "nächster", "nächste", "naechsten", "kommenden", "kommender",
                                     "próximo", "proximo", "próxima", "proxima", "volgende", "komende", "aanstaande",
                                     "prossimo", "prossima", NULL};
static const char *const W_THIS[] = {"this", "coming", "diesen", "dieser", "este", "esta", "nesta", "neste", "ce",
                                     "deze", "questo", "questa", NULL};
static const char *const W_NEXT_AFTER[] = {"prochain", "prochaine", "prossimo", "prossima", "que", NULL};
static const char *const W_TIME_LEAD[] = {"alle", "las", "ore", "om", "um", "às", "as", "la", "à", NULL};
static const char *const W_HOUR_UNIT[] = {"uhr", "uur", "h", "heures", "heure", "hrs", "horas", "hs", "ore", "o", NULL};
static const char *const W_NOON[] = {"noon", "midday", "mediodía", "mediodia", "midi", "mezzogiorno", NULL};
static const char *const W_PM[] = {"afternoon", "evening", "tarde", "noche", "soir", "noite", "middags", "avonds",
                                   "pomeriggio", "sera", "nachmittags", "abends", "nachmittag", NULL};
static const char *const W_AM[] = {"morning", "mañana", "matin", "manhã", "manha", "ochtends", "mattina", "mattino",
                                   "vormittags", "morgens", "vormittag", NULL};
static const char *const W_RANGE[] = {"to", "until", "till", "bis", "a", "à", "al", "alle", "até", "ate", "tot", "and",
                                      "y", "e", "et", "und", "en", "às", "as", NULL};
static const char *const W_MINUTES[] = {"minutes", "minute", "mins", "min", "minuten", "minutos", "minuti", NULL};
static const char *const W_HOURS[] = {"hour", "hours", "hr", "stunde", "stunden", "hora", "horas", "heure", "heures",
                                      "uur", "ora", "ore", NULL};
static const char *const W_OLD[] = {"instead", "rather", "originally", "previously", "previous", "statt", "anstatt",
                                    "anstelle", "ursprünglich", "bisherigen", "lugar", "vez", "originalmente", "lieu",
                                    "initialement", "inicialmente", "plaats", "oorspronkelijk", "invece", "anziché",
                                    "inizialmente", "originariamente", NULL};
static const char *const W_COND[] = {"if", "should", "wenn", "falls", "sollten", "si", "se", "caso", "als", "indien",
                                     "qualora", "needs", NULL};

/* Word stems that announce a new time or a cancellation. */
static const char *const RESCHED_STEMS[] = {"reschedul", "moved", "postpone", "verschoben", "verschieb", "verlegt", "reprogramad",
                                            "reprogramm", "reporté", "déplacé", "remarcad", "reagendad", "verplaatst",
                                            "verzet", "spostat", "riprogrammat", "posticipat", "cambiad", NULL};
static const char *const NEW_PHRASES[] = {"new time", "new date", "updated time", "neuer termin", "neue uhrzeit",
                                          "nueva fecha", "nueva hora", "nouvelle date", "nouvel horaire", "nova data",
                                          "novo horário", "nieuwe datum", "nieuwe tijd", "nuova data", "nuovo orario",
                                          NULL};
static const char *const CANCEL_WORDS[] = {"cancelled", "canceled", "cancellation", "annulé", "annulée", "annulation",
                                           "abgesagt", "storniert", "cancelada", "cancelado", "cancelamento",
                                           "cancelación", "cancellato", "cancellata", "annullato", "annullata",
                                           "geannuleerd", "afgezegd", "afgelast", NULL};


/* ---------------------------------------------------------------- dates */

typedef struct dhit_s {
  int ok, y, m, d, sent, st, at, pos; /* st..at: the tokens of the match */
} dhit_t;

static int is_w(const co_cls_tk_t *tk, int n, int i, const char *w) { return i >= 0 && i < n && tk[i].type == CO_TK_WORD && !strcmp(tk[i].w, w); }
static int is_p(const co_cls_tk_t *tk, int n, int i, char c) { return i >= 0 && i < n && tk[i].type == CO_TK_PUNCT && tk[i].w[0] == c; }
static int is_day_num(const co_cls_tk_t *k) { return k->type == CO_TK_NUM && k->b <= 2 && k->a >= 1 && k->a <= 31; }

static int resolve_year(const co_cls_tm_t *ref, int m, int d) {
  if (!ref) return 0;
  int y = ref->y;
  if (co_cls_days_from_civil(y, m, d) < co_cls_days_from_civil(ref->y, ref->mo, ref->d) - 60) y++;
  return y;
}

static void set_days(dhit_t *h, const co_cls_tm_t *ref, int add) {
  if (!ref) return;
  co_cls_civil_from_days(co_cls_days_from_civil(ref->y, ref->mo, ref->d) + add, &h->y, &h->m, &h->d);
  h->ok = 1;
}

/* "the 10th" / "Thursday the 10th": the next date on or after ref with that
 * day of the month (and weekday, when given). */
static void set_day_of_month(dhit_t *h, const co_cls_tm_t *ref, int dom, int wd) {
  if (!ref) return;
  long z = co_cls_days_from_civil(ref->y, ref->mo, ref->d);
  for (int k = 0; k < 400; k++) {
    int y, m, d;
    co_cls_civil_from_days(z + k, &y, &m, &d);
    if (d == dom && (wd < 0 || co_cls_weekday(z + k) == wd)) {
      h->ok = 1, h->y = y, h->m = m, h->d = d;
      return;
    }
  }
}

/* Year after a day/month: "[,] [de|del] 2026". Returns the index after it or j. */
static int year_after(const co_cls_tk_t *tk, int n, int j, int *yr) {
  int k = j;
  if (is_p(tk, n, k, ',')) k++;
  if (is_w(tk, n, k, "de") || is_w(tk, n, k, "del")) k++;
  if (k < n && tk[k].type == CO_TK_NUM && tk[k].b == 4 && tk[k].a >= 1900 && tk[k].a <= 2200) {
    *yr = tk[k].a;
    return k + 1;
  }
  return j;
}

static void finish_ymd(dhit_t *h, const co_cls_tm_t *ref, int yr, int m, int d) {
  if (!yr) yr = resolve_year(ref, m, d);
  if (co_cls_valid_date(yr, m, d)) h->ok = 1, h->y = yr, h->m = m, h->d = d;
}

static dhit_t date_at(const co_cls_tk_t *tk, int n, int i, const co_cls_tm_t *ref, int dayfirst_default) {
  dhit_t h = {0};
  const co_cls_tk_t *k = &tk[i];
  h.sent = k->sent, h.at = i + 1, h.pos = k->pos;
  if (k->type == CO_TK_DATE && k->dayfirst == 2) { /* ISO */
    if (co_cls_valid_date(k->a, k->b, k->c)) h.ok = 1, h.y = k->a, h.m = k->b, h.d = k->c;
    return h;
  }
  if (k->type == CO_TK_DATE) { /* a/b[/y], d.m.[y] */
    int x = k->b, y2 = k->c, m, d;
    if (k->dayfirst || x > 12) d = x, m = y2;
    else if (y2 > 12) m = x, d = y2;
    else if (dayfirst_default) d = x, m = y2;
    else m = x, d = y2;
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) finish_ymd(&h, ref, k->a, m, d);
    return h;
  }
  if (k->type == CO_TK_NUM && is_day_num(k)) { /* "10 December", "10. Dezember", "10 de diciembre de 2026" */
    int j = i + 1;
    if (j < n && tk[j].type == CO_TK_WORD && (!strcmp(tk[j].w, "º") || !strcmp(tk[j].w, "ª"))) j++;
    if (is_w(tk, n, j, "of") || is_w(tk, n, j, "de") || is_w(tk, n, j, "di")) j++;
    int dash = is_p(tk, n, j, '-') && tk[j].pos == k->end; /* "14-Dec-2026" */
    j += dash;
    int mo = j < n && tk[j].type == CO_TK_WORD ? co_cls_month_of(tk[j].w) : 0;
    if (!mo) return h;
    int yr = 0;
    h.at = year_after(tk, n, j + 1 + (dash && is_p(tk, n, j + 1, '-')), &yr);
    if (!yr) h.at = j + 1;
    finish_ymd(&h, ref, yr, mo, k->a);
    return h;
  }
  if (k->type != CO_TK_WORD) return h;
  int mo = co_cls_month_of(k->w);
  if (mo) { /* "December 10[th][, 2026]", "Dec 10" */
    int j = i + 1;
    if (is_w(tk, n, j, "the")) j++;
    if (j < n && is_day_num(&tk[j])) {
      int yr = 0;
      h.at = year_after(tk, n, j + 1, &yr);
      finish_ymd(&h, ref, yr, mo, tk[j].a);
    }
    return h;
  }
  if (in_set(k->w, W_TOMORROW)) {
    /* "mañana" after "la"/"de la" is the morning; "Guten Morgen" a greeting */
    if (is_w(tk, n, i - 1, "la") || is_w(tk, n, i - 1, "guten") || is_w(tk, n, i - 1, "goede") ||
        is_w(tk, n, i - 1, "this") || (!strcmp(k->w, "mañana") && is_w(tk, n, i - 1, "pasado")))
      return h;
    set_days(&h, ref, 1);
    return h;
  }
  if (in_set(k->w, W_AFTER_TOMORROW)) return set_days(&h, ref, 2), h;
  if (!strcmp(k->w, "pasado") && is_w(tk, n, i + 1, "mañana")) return h.at = i + 2, set_days(&h, ref, 2), h;
  if (!strcmp(k->w, "après") && is_p(tk, n, i + 1, '-') && is_w(tk, n, i + 2, "demain")) return h.at = i + 3, set_days(&h, ref, 2), h;
  if (!strcmp(k->w, "depois") && is_w(tk, n, i + 1, "de") && (is_w(tk, n, i + 2, "amanhã") || is_w(tk, n, i + 2, "amanha")))
    return h.at = i + 3, set_days(&h, ref, 2), h;
  if (!strcmp(k->w, "day") && is_w(tk, n, i + 1, "after") && is_w(tk, n, i + 2, "tomorrow")) return h.at = i + 3, set_days(&h, ref, 2), h;
  if (!strcmp(k->w, "demain") && is_p(tk, n, i - 1, '-')) return h;
  if (in_set(k->w, W_TODAY)) return set_days(&h, ref, 0), h;
  if (!strcmp(k->w, "the") && i + 1 < n && is_day_num(&tk[i + 1]) && tk[i + 1].c == 1 &&
      !(i + 2 < n && tk[i + 2].type == CO_TK_WORD && (co_cls_month_of(tk[i + 2].w) || !strcmp(tk[i + 2].w, "of")))) {
    h.at = i + 2;
    set_day_of_month(&h, ref, tk[i + 1].a, -1);
    return h;
  }

  int mode = 0; /* 0 bare, 1 this, 2 next */
  int wi = i;
  if ((in_set(k->w, W_NEXT) || in_set(k->w, W_THIS)) && i + 1 < n && tk[i + 1].type == CO_TK_WORD) {
    mode = !strcmp(k->w, "next") ? 2 : in_set(k->w, W_NEXT) ? 3 : 1;
    wi = i + 1;
  }
  int pt = 0;
  int wd = co_cls_wday_of(tk[wi].w, &pt);
  if (wd < 0) return h;
  if (!strcmp(tk[wi].w, "sun") || !strcmp(tk[wi].w, "mar") || !strcmp(tk[wi].w, "sat")) {
    if (mode == 0) return h;
  }
  int j = wi + 1;
  if (is_p(tk, n, j, '-') && is_w(tk, n, j + 1, "feira")) j += 2, pt = 0;
  if (pt && mode == 0 && !is_w(tk, n, wi - 1, "na") && !is_w(tk, n, wi - 1, "nesta") && !is_w(tk, n, wi - 1, "esta"))
    pt = 2; /* bare "segunda": only with a date right after */
  if (mode == 0 && wi + 1 < n && tk[wi + 1].type == CO_TK_WORD && in_set(tk[wi + 1].w, W_NEXT_AFTER)) {
    if (!strcmp(tk[wi + 1].w, "que")) {
      if (is_w(tk, n, wi + 2, "viene")) mode = 3, j = wi + 3;
    } else {
      mode = 3, j = wi + 2;
    }
  }
  /* "Thursday, December 10" / "Donnerstag, 10. Dezember": the explicit date follows */
  int e = j;
  if (is_p(tk, n, e, ',')) e++;
  if (is_w(tk, n, e, "den") || is_w(tk, n, e, "le") || is_w(tk, n, e, "el") || is_w(tk, n, e, "dia") ||
      is_w(tk, n, e, "the"))
    e++;
  if (e < n && ((tk[e].type == CO_TK_WORD && co_cls_month_of(tk[e].w)) || tk[e].type == CO_TK_DATE)) return h;
  if (e < n && is_day_num(&tk[e])) {
    int f = e + 1;
    if (f < n && tk[f].type == CO_TK_WORD && (!strcmp(tk[f].w, "º") || !strcmp(tk[f].w, "ª"))) f++;
    if (is_w(tk, n, f, "of") || is_w(tk, n, f, "de") || is_w(tk, n, f, "di")) f++;
    if (f < n && tk[f].type == CO_TK_WORD && co_cls_month_of(tk[f].w)) return h; /* "Tuesday 15 April" */
    /* "Thursday the 10th", "jueves 10", "Donnerstag, den 10." */
    if (tk[e].c == 1 || e > j || tk[e].type == CO_TK_NUM) {
      if (e + 1 < n && (tk[e + 1].type == CO_TK_TIME || is_w(tk, n, e + 1, "uhr") || is_w(tk, n, e + 1, "uur") ||
                        is_w(tk, n, e + 1, "h") || (is_p(tk, n, e + 1, '-') && e + 2 < n && tk[e + 2].type == CO_TK_TIME)))
        goto relative; /* "Friday 10 Uhr", "Wednesday 10-11am" are times */
      h.at = e + 1;
      set_day_of_month(&h, ref, tk[e].a, wd);
      return h;
    }
  }
  if (pt == 2) return h;
relative:
  if (!ref) return h;
  {
    long z = co_cls_days_from_civil(ref->y, ref->mo, ref->d);
    int cur = co_cls_weekday(z);
    int add = (wd - cur + 7) % 7;
    if ((mode == 0 || mode == 3) && add == 0) add = 7;
    if (mode == 2) {
      if (add == 0) add = 7;
      int monidx = (cur + 6) % 7;
      if (add + monidx <= 6) add += 7; /* still this week: "next" means the following one */
    }
    h.at = j;
    set_days(&h, ref, add);
  }
  return h;
}

/* ---------------------------------------------------------------- times */

typedef struct thit_s {
  int ok, h, m, eh, em, has_end, at, pos; /* at: token index after the time (and range) */
  co_cls_zone_t zone;
  int zone_ok;
} thit_t;

/* A single clock time at i: h, m, whether the meridiem was given. */
static int clock_at(const co_cls_tk_t *tk, int n, int i, int *h, int *m, int *mer, int *lead0, int *at) {
  const co_cls_tk_t *k = &tk[i];
  *mer = 0, *lead0 = 0, *at = i + 1;
  if (k->type == CO_TK_WORD && in_set(k->w, W_NOON)) {
    *h = 12, *m = 0, *mer = 3;
    return 1;
  }
  if (k->type == CO_TK_WORD && !strcmp(k->w, "meio") && is_p(tk, n, i + 1, '-') && is_w(tk, n, i + 2, "dia")) {
    *h = 12, *m = 0, *mer = 3, *at = i + 3;
    return 1;
  }
  if (k->type == CO_TK_TIME) {
    static const char *const SPAN[] = {"hour", "hours", "hrs", "stunde", "stunden", NULL};
    if (k->a > 23 || k->b > 59 || (k->c && (k->a > 12 || k->a == 0))) return 0;
    if (!k->c && i + 1 < n && tk[i + 1].type == CO_TK_WORD && (in_set(tk[i + 1].w, W_MINUTES) || in_set(tk[i + 1].w, SPAN)))
      return 0; /* "1.25 hours" is a length */
    *h = k->a, *m = k->b, *mer = k->c, *lead0 = k->lead0;
    if (is_w(tk, n, i + 1, "uhr") || is_w(tk, n, i + 1, "uur") || is_w(tk, n, i + 1, "h") || is_w(tk, n, i + 1, "hs") ||
        is_w(tk, n, i + 1, "horas") || is_w(tk, n, i + 1, "heures"))
      *at = i + 2, *lead0 = 1;
    return 1;
  }
  if (k->type == CO_TK_NUM && k->b <= 2 && k->a <= 23 && !k->c) {
    int unit = i + 1 < n && tk[i + 1].type == CO_TK_WORD && in_set(tk[i + 1].w, W_HOUR_UNIT) &&
               !(tk[i + 1].w[0] == 'o' && !tk[i + 1].w[1] && !is_p(tk, n, i + 2, '\''));
    int lead = i > 0 && tk[i - 1].type == CO_TK_WORD && in_set(tk[i - 1].w, W_TIME_LEAD);
    if (unit && !lead && k->a < 6 && strcmp(tk[i + 1].w, "o")) return 0; /* "1 uur": a duration */
    /* English "at 10": only where nothing else can follow a number ("at 3 locations" is not a time) */
    int at_lead = !unit && !lead && k->a >= 1 && k->a <= 12 && is_w(tk, n, i - 1, "at") &&
                  (i + 1 >= n || tk[i + 1].sent != k->sent || tk[i + 1].type == CO_TK_PUNCT ||
                   (tk[i + 1].type == CO_TK_WORD && (in_set(tk[i + 1].w, W_AM) || in_set(tk[i + 1].w, W_PM) ||
                                                 is_w(tk, n, i + 1, "on") || is_w(tk, n, i + 1, "work") ||
                                                 is_w(tk, n, i + 1, "tomorrow") || tk[i + 1].upper)));
    if (!unit && !at_lead && !(lead && strcmp(tk[i - 1].w, "la") && strcmp(tk[i - 1].w, "as"))) return 0;
    if (!unit && i + 1 < n && tk[i + 1].type == CO_TK_WORD && (in_set(tk[i + 1].w, W_MINUTES) || in_set(tk[i + 1].w, W_HOURS)))
      return 0;
    *h = k->a, *m = 0, *lead0 = !at_lead; /* "at 3" is business hours: 15:00 */
    *at = i + 1 + unit + (unit && tk[i + 1].w[0] == 'o' && !tk[i + 1].w[1] ? 2 : 0);
    return 1;
  }
  return 0;
}

/* Meridiem words after a time: "in the afternoon", "de la tarde", "du matin". */
static int mer_word(const co_cls_tk_t *tk, int n, int at, int *used) {
  for (int k = at; k < n && k < at + 4; k++) {
    if (tk[k].type != CO_TK_WORD && !is_p(tk, n, k, '\'') && !is_p(tk, n, k, '-')) return 0;
    if (tk[k].type != CO_TK_WORD) continue;
    if (in_set(tk[k].w, W_PM)) return *used = k + 1, 2;
    if (in_set(tk[k].w, W_AM) && !(k == at && !strcmp(tk[k].w, "mañana"))) return *used = k + 1, 1;
    if (!strcmp(tk[k].w, "midi") && is_w(tk, n, k - 2, "après")) return *used = k + 1, 2;
    static const char *const GLUE[] = {"in", "the", "de", "la", "du", "da", "del", "di", "della", "s", "l", "am",
                                       "après", "des", NULL};
    if (!in_set(tk[k].w, GLUE)) return 0;
  }
  return 0;
}

static int to24(int h, int mer, int lead0) {
  if (mer == 1) return h == 12 ? 0 : h;
  if (mer == 2) return h < 12 ? h + 12 : h;
  if (mer == 3) return h;
  if (!lead0 && h >= 1 && h <= 7) return h + 12; /* "2:30" in business hours means the afternoon */
  return h;
}

/* A zone right after a time: "PT", "(CET)", "Pacific Time", "UTC+2",
 * "(Europe/Berlin)", "+02:00". */
static int zone_at(const char *txt, const co_cls_tk_t *tk, int n, int i, int global, co_cls_zone_t *z, int *used) {
  if (i >= n) return 0;
  if (tk[i].type == CO_TK_WORD) {
    /* IANA: Area/City[/Sub] in source case */
    if (is_p(tk, n, i + 1, '/') && i + 2 < n && tk[i + 2].type == CO_TK_WORD && tk[i + 1].pos == tk[i].end &&
        tk[i + 2].pos == tk[i + 1].end) {
      int last = i + 2;
      if (is_p(tk, n, i + 3, '/') && i + 4 < n && tk[i + 4].type == CO_TK_WORD && tk[i + 3].pos == tk[last].end) last = i + 4;
      char name[48];
      int l = tk[last].end - tk[i].pos;
      if (l < (int)sizeof(name) && isupper((unsigned char)txt[tk[i].pos])) {
        memcpy(name, txt + tk[i].pos, (size_t)l);
        name[l] = 0;
        if (co_cls_zone_known(name)) {
          memset(z, 0, sizeof(*z));
          snprintf(z->iana, sizeof(z->iana), "%s", name);
          *used = last + 1;
          return 1;
        }
      }
    }
    /* UTC+2, GMT-05:00, UTC +5:30 */
    if ((!strcmp(tk[i].w, "utc") || !strcmp(tk[i].w, "gmt")) && (is_p(tk, n, i + 1, '+') || is_p(tk, n, i + 1, '-')) &&
        i + 2 < n && (tk[i + 2].type == CO_TK_NUM || tk[i + 2].type == CO_TK_TIME)) {
      int sign = tk[i + 1].w[0] == '-' ? -1 : 1, off;
      const co_cls_tk_t *v = &tk[i + 2];
      if (v->type == CO_TK_TIME) off = v->a * 60 + v->b;
      else if (v->b >= 3) off = v->a / 100 * 60 + v->a % 100;
      else off = v->a * 60;
      if (off > 14 * 60 || v->c) return 0;
      memset(z, 0, sizeof(*z));
      z->fixed = sign * off, z->has_fixed = 1;
      *used = i + 3;
      return 1;
    }
    const char *words[4];
    int upper[4], nw = 0;
    for (int k = i; k < n && nw < 4 && tk[k].type == CO_TK_WORD; k++) words[nw] = tk[k].w, upper[nw++] = tk[k].upper;
    int w = co_cls_zone_lookup(words, upper, nw, global, z);
    /* alone in the text, "CT" or "PT" may be a state or "part-time": only "(PT)" */
    if (w == 1 && global && strlen(tk[i].w) <= 2 && !is_p(tk, n, i - 1, '(') && !is_p(tk, n, i + 1, ')')) w = 0;
    if (w) *used = i + w;
    return w > 0;
  }
  if (!global && is_p(tk, n, i, '+') && i + 1 < n && tk[i + 1].pos == tk[i].end &&
      ((tk[i + 1].type == CO_TK_TIME && !tk[i + 1].c) || (tk[i + 1].type == CO_TK_NUM && tk[i + 1].b == 4))) {
    const co_cls_tk_t *v = &tk[i + 1];
    int off = v->type == CO_TK_TIME ? v->a * 60 + v->b : v->a / 100 * 60 + v->a % 100;
    if (off > 14 * 60) return 0;
    memset(z, 0, sizeof(*z));
    z->fixed = off, z->has_fixed = 1;
    *used = i + 2;
    return 1;
  }
  return 0;
}

/* "de 4 a 5 de la tarde", "from 2 to 3pm", "von 9 bis 10 Uhr": a bare
 * start hour, when a range with a clear end follows. */
static int bare_range_start(const co_cls_tk_t *tk, int n, int i) {
  static const char *const FROM[] = {"from", "de", "von", "van", "dalle", "dalla", "das", "da", "du", "entre",
                                     "between", "zwischen", "tussen", NULL};
  if (tk[i].type != CO_TK_NUM || tk[i].b > 2 || tk[i].a > 23 || tk[i].c) return 0;
  /* "3-4pm", "10-11am": written together, the end carries the meridiem */
  if (is_p(tk, n, i + 1, '-') && tk[i + 1].pos == tk[i].end && i + 2 < n && tk[i + 2].type == CO_TK_TIME && tk[i + 2].c &&
      tk[i + 2].pos == tk[i + 1].end)
    return 1;
  if (i == 0 || tk[i - 1].type != CO_TK_WORD || !in_set(tk[i - 1].w, FROM)) return 0;
  int j = i + 1;
  if (!(is_p(tk, n, j, '-') || (j < n && tk[j].type == CO_TK_WORD && in_set(tk[j].w, W_RANGE)))) return 0;
  j++;
  if (is_w(tk, n, j, "las") || is_w(tk, n, j, "la")) j++;
  if (j >= n) return 0;
  if (tk[j].type == CO_TK_TIME) return 1;
  int used;
  return tk[j].type == CO_TK_NUM && tk[j].b <= 2 && !tk[j].c &&
         ((j + 1 < n && tk[j + 1].type == CO_TK_WORD && in_set(tk[j + 1].w, W_HOUR_UNIT)) || mer_word(tk, n, j + 1, &used));
}

static thit_t time_at(const char *txt, const co_cls_tk_t *tk, int n, int i) {
  thit_t r = {0};
  int h, m, mer, lead0, at;
  if (!clock_at(tk, n, i, &h, &m, &mer, &lead0, &at)) {
    if (!bare_range_start(tk, n, i)) return r;
    h = tk[i].a, m = 0, mer = 0, lead0 = 0, at = i + 1;
  }
  r.pos = tk[i].pos;
  /* range: "10:00 - 11:00 AM", "von 14 bis 15 Uhr", "de 14h à 15h" */
  int j = at, eh = -1, em = 0, emer = 0, elead = 0, eat = at, used;
  static const char *const BETWEEN[] = {"between", "entre", "zwischen", "tra", "fra", "tussen", NULL};
  static const char *const AND[] = {"and", "y", "e", "et", "und", "en", NULL};
  int between = i > 0 && tk[i - 1].type == CO_TK_WORD && in_set(tk[i - 1].w, BETWEEN);
  if (j < n && (is_p(tk, n, j, '-') || (tk[j].type == CO_TK_WORD && in_set(tk[j].w, W_RANGE) && !in_set(tk[j].w, AND)) ||
                (between && tk[j].type == CO_TK_WORD && in_set(tk[j].w, AND)))) {
    int k = j + 1;
    if (is_w(tk, n, k, "las") || is_w(tk, n, k, "la")) k++;
    int h2, m2, mer2, l2, at2;
    if (k < n && (tk[k].type == CO_TK_TIME || tk[k].type == CO_TK_NUM) && clock_at(tk, n, k, &h2, &m2, &mer2, &l2, &at2))
      eh = h2, em = m2, emer = mer2, elead = l2, eat = at2;
    else if (k < n && tk[k].type == CO_TK_NUM && tk[k].b <= 2 && tk[k].a <= 23 && !tk[k].c &&
             ((tk[j].type == CO_TK_PUNCT && tk[i].type == CO_TK_TIME) || mer_word(tk, n, k + 1, &used)))
      eh = tk[k].a, em = 0, emer = 0, elead = 0, eat = k + 1; /* "14:00-15", "4 a 5 de la tarde" */
  }
  if (eh >= 0) {
    int w = mer_word(tk, n, eat, &used);
    if (w && !emer) emer = w, eat = used;
    if (!mer && emer && emer != 3) { /* "10 - 11am": the start shares the end's meridiem unless that puts it after */
      int s = to24(h, emer, 1) * 60 + m, e = to24(eh, emer, 1) * 60 + em;
      mer = s > e ? (emer == 2 ? 1 : 2) : emer;
    }
    int s = to24(h, mer, lead0) * 60 + m, e = to24(eh, emer, elead) * 60 + em;
    if (e <= s && !emer && !elead && eh < 12) e += 12 * 60;
    if (e > s && e - s <= 8 * 60) {
      r.has_end = 1, r.eh = e / 60, r.em = e % 60;
      at = eat;
    }
  } else {
    int w = mer_word(tk, n, at, &used);
    if (w && !mer) mer = w, at = used;
  }
  r.h = to24(h, mer, lead0), r.m = m;
  if (r.has_end && (r.eh * 60 + r.em) <= r.h * 60 + r.m) r.has_end = 0;
  /* a zone after it, maybe in parentheses or after "Uhr" */
  int z = at;
  if (is_p(tk, n, z, '(') || is_p(tk, n, z, ',')) z++;
  if (is_w(tk, n, z, "uhr") || is_w(tk, n, z, "uur")) z++;
  if (zone_at(txt, tk, n, z, 0, &r.zone, &used)) r.zone_ok = 1, at = used;
  r.ok = 1;
  r.at = at;
  return r;
}

/* ---------------------------------------------------------------- slots */

static int stem_in(const char *w, const char *const *stems) {
  for (int i = 0; stems[i]; i++)
    if (!strncmp(w, stems[i], strlen(stems[i]))) return 1;
  return 0;
}

static int conditional_before(const co_cls_tk_t *tk, int n, int i) {
  for (int k = i - 1; k >= 0 && k >= i - 5 && tk[k].sent == tk[i].sent; k--)
    if (tk[k].type == CO_TK_WORD && in_set(tk[k].w, W_COND)) return 1;
  (void)n;
  return 0;
}

/* Phrase of lower-case words starting at token i. */
static int phrase_at(const co_cls_tk_t *tk, int n, int i, const char *phrase) {
  const char *p = phrase;
  int k = i;
  while (*p) {
    const char *sp = strchr(p, ' ');
    size_t l = sp ? (size_t)(sp - p) : strlen(p);
    if (k >= n || tk[k].type != CO_TK_WORD || strlen(tk[k].w) != l || strncmp(tk[k].w, p, l)) return 0;
    k++;
    p += l + (sp ? 1 : 0);
  }
  return 1;
}

static void status_cues(const co_cls_tk_t *tk, int n, co_cls_found_t *f) {
  f->n_resched = 0;
  for (int i = 0; i < n; i++) {
    if (tk[i].type != CO_TK_WORD) continue;
    int is_new = 0;
    for (int k = 0; NEW_PHRASES[k]; k++) is_new |= phrase_at(tk, n, i, NEW_PHRASES[k]);
    if ((is_new || stem_in(tk[i].w, RESCHED_STEMS)) && !conditional_before(tk, n, i) && f->n_resched < 8)
      f->resched_pos[f->n_resched++] = tk[i].pos;
    if (in_set(tk[i].w, CANCEL_WORDS) && !conditional_before(tk, n, i)) f->cancelled = 1;
  }
}

/* "lieu", "lugar", "vez", "plaats" mean "instead" only in "au lieu",
 * "en lugar", "en/em vez", "in plaats" ("aura lieu le 6" is "takes place"). */
static int old_cue(const co_cls_tk_t *tk, int n, int k) {
  static const char *const NEEDS[] = {"lieu", "lugar", "vez", "plaats", NULL};
  static const char *const PREV[] = {"au", "en", "em", "in", NULL};
  if (!in_set(tk[k].w, NEEDS)) return 1;
  (void)n;
  return k > 0 && tk[k - 1].type == CO_TK_WORD && in_set(tk[k - 1].w, PREV);
}

static int duration_at(const co_cls_tk_t *tk, int n, int i) {
  const co_cls_tk_t *k = &tk[i];
  int v = -1, j = i + 1;
  if (k->type == CO_TK_NUM && !k->c) v = k->a;
  else if (k->type == CO_TK_WORD && (!strcmp(k->w, "an") || !strcmp(k->w, "one") || !strcmp(k->w, "eine") ||
                                 !strcmp(k->w, "una") || !strcmp(k->w, "une") || !strcmp(k->w, "uma") ||
                                 !strcmp(k->w, "een") || !strcmp(k->w, "un")))
    v = 1;
  else if (k->type == CO_TK_WORD && (!strcmp(k->w, "half") || !strcmp(k->w, "halbe") || !strcmp(k->w, "media") ||
                                 !strcmp(k->w, "meia") || !strcmp(k->w, "demi") || !strcmp(k->w, "mezz") ||
                                 !strcmp(k->w, "halve") || !strcmp(k->w, "halfuur")))
    v = 0;
  if (v < 0 || v > 480) return 0; /* no valid length is longer (8 hours); v * 60 cannot overflow */
  if (is_p(tk, n, j, '-') || is_p(tk, n, j, '\'')) j++;
  if (v == 0) { /* "half an hour", "eine halbe Stunde", "media hora", "une demi-heure", "mezz'ora", "een half uur" */
    if (is_w(tk, n, j, "an") || is_w(tk, n, j, "a")) j++;
    return j < n && tk[j].type == CO_TK_WORD && in_set(tk[j].w, W_HOURS) ? 30 : 0;
  }
  if (j >= n || tk[j].type != CO_TK_WORD) return 0;
  static const char *const BEFORE[] = {"early", "earlier", "before", "prior", "ahead", "beforehand", "vorher", "früher",
                                       "vor", "antes", "avant", "avance", "prima", "eerder", "ago", "late", NULL};
  if (j + 1 < n && tk[j + 1].type == CO_TK_WORD && in_set(tk[j + 1].w, BEFORE)) return 0;
  if (in_set(tk[j].w, W_MINUTES)) return v >= 5 && v <= 480 ? v : 0;
  if (in_set(tk[j].w, W_HOURS)) {
    int tenth = k->type == CO_TK_NUM && k->w[0] == '.' ? k->w[1] - '0' : 0;
    int mins = v * 60 + tenth * 6;
    if (is_w(tk, n, j + 1, "and") && is_w(tk, n, j + 2, "a") && is_w(tk, n, j + 3, "half")) mins += 30;
    if (is_w(tk, n, j + 1, "e") && is_w(tk, n, j + 2, "meia")) mins += 30;
    if (is_w(tk, n, j + 1, "y") && is_w(tk, n, j + 2, "media")) mins += 30;
    return mins >= 15 && mins <= 480 ? mins : 0;
  }
  return 0;
}

void co_cls_find_slots(const char *text, size_t len, const co_cls_tm_t *ref, co_cls_found_t *f) {
  memset(f, 0, sizeof(*f));
  size_t nl;
  char *txt = co_cls_when_normalize(text, len, &nl);
  co_cls_tk_t *tk = malloc(sizeof(*tk) * CO_CLS_MAXTK);
  dhit_t *dates = malloc(sizeof(*dates) * 64);
  if (!txt || !tk || !dates) goto out;
  int n = co_cls_when_lex(txt, nl, tk);
  const char *lang = co_cls_guess_lang(txt, nl);
  int dayfirst = strcmp(lang, "en") != 0 || (ref && ref->has_tz && ref->tz_min >= 0);
  status_cues(tk, n, f);

  /* every date, then every time paired with the nearest date */
  int nd = 0;
  for (int i = 0; i < n && nd < 64; i++) {
    dhit_t d = date_at(tk, n, i, ref, dayfirst);
    if (!d.ok) continue;
    d.sent = tk[i].sent, d.st = i;
    dates[nd++] = d;
    i = d.at - 1;
  }
  for (int i = 0; i < n && !f->minutes; i++) f->minutes = duration_at(tk, n, i);

  co_cls_zone_t text_zone = {{0}, 0, 0}, guess = {{0}, 0, 0};
  int has_text_zone = 0, has_guess = co_cls_guess_zone(ref, lang, &guess);
  for (int i = 0; i < n && !has_text_zone; i++) {
    int used;
    if (zone_at(txt, tk, n, i, 1, &text_zone, &used)) has_text_zone = 1;
  }
  for (int i = 0; i < n && f->n < 8; i++) {
    int in_date = 0;
    for (int k = 0; k < nd; k++)
      if (i >= dates[k].st && i < dates[k].at) in_date = 1;
    if (in_date && tk[i].type != CO_TK_TIME) continue;
    thit_t t = time_at(txt, tk, n, i);
    if (!t.ok) continue;
    /* nearest date: same sentence (before within 14 tokens, else after
     * within 8), else the last date before within 40 tokens */
    int best = -1, bestd = 1 << 30;
    for (int k = 0; k < nd; k++) {
      const dhit_t *d = &dates[k];
      if (tk[d->at - 1].sent != tk[i].sent && d->sent != tk[i].sent) continue;
      int before = d->at <= i, dist = before ? i - d->at : (d->at - 1) - i;
      if (dist < 0) dist = 0;
      if ((before && dist > 14) || (!before && dist > 8)) continue;
      if (!before) dist += 3;
      if (dist < bestd) best = k, bestd = dist;
    }
    if (best < 0)
      for (int k = nd - 1; k >= 0; k--)
        if (dates[k].at <= i && i - dates[k].at <= 40) {
          best = k;
          break;
        }
    if (best < 0) {
      i = t.at - 1;
      continue;
    }
    co_cls_slot_t *s = &f->slot[f->n];
    memset(s, 0, sizeof(*s));
    s->y = dates[best].y, s->m = dates[best].m, s->d = dates[best].d, s->h = t.h, s->mi = t.m, s->has_time = 1;
    if (t.has_end) s->minutes = t.eh * 60 + t.em - (t.h * 60 + t.m);
    if (t.zone_ok) s->zone = t.zone, s->zone_stated = 1;
    else if (has_text_zone) s->zone = text_zone, s->zone_stated = 1;
    else if (has_guess) s->zone = guess;
    else if (ref && ref->has_tz) s->zone.fixed = ref->tz_min, s->zone.has_fixed = 1;
    s->pos = dates[best].pos < t.pos ? dates[best].pos : t.pos;
    /* "instead of Monday at 10" */
    int first = dates[best].pos < t.pos ? dates[best].st : i;
    for (int k = first - 1; k >= 0 && k >= first - 4; k--)
      if (tk[k].type == CO_TK_WORD && in_set(tk[k].w, W_OLD) && old_cue(tk, n, k)) s->old = 1;
    if (f->n_resched && is_w(tk, n, first - 1, "from")) s->old = 1;
    int dup = 0;
    for (int k = 0; k < f->n; k++)
      if (!memcmp(&f->slot[k].y, &s->y, sizeof(int) * 5) && f->slot[k].old == s->old) dup = 1;
    if (!dup) f->n++;
    i = t.at - 1;
  }
  if (!f->n && nd) {
    co_cls_slot_t *s = &f->date_only;
    s->y = dates[0].y, s->m = dates[0].m, s->d = dates[0].d, s->pos = dates[0].pos;
    f->has_date_only = 1;
  }
out:
  free(dates);
  free(tk);
  free(txt);
}

int co_cls_slot_instant(const co_cls_slot_t *s, long long *utc, int *off) {
  if (!co_cls_zone_offset_local(&s->zone, s->y, s->m, s->d, s->h, s->mi, off)) return 0;
  *utc = (long long)co_cls_days_from_civil(s->y, s->m, s->d) * 86400 + s->h * 3600 + s->mi * 60 - (long long)*off * 60;
  return 1;
}

/* Kept for callers of the first version: the first slot (or date) as
 * local ISO-8601 with its offset. */
int co_cls_find_datetime(const char *text, size_t len, const co_cls_tm_t *ref, char *out, size_t out_size) {
  co_cls_found_t *f = malloc(sizeof(*f));
  int rc = -1;
  if (!f) return -1;
  co_cls_find_slots(text, len, ref, f);
  const co_cls_slot_t *s = NULL;
  for (int i = 0; i < f->n && !s; i++)
    if (!f->slot[i].old) s = &f->slot[i];
  if (s) {
    long long utc;
    int off;
    if (co_cls_slot_instant(s, &utc, &off))
      snprintf(out, out_size, "%04d-%02d-%02dT%02d:%02d:00%c%02d:%02d", s->y, s->m, s->d, s->h, s->mi,
               off < 0 ? '-' : '+', abs(off) / 60, abs(off) % 60);
    else
      snprintf(out, out_size, "%04d-%02d-%02dT%02d:%02d:00", s->y, s->m, s->d, s->h, s->mi);
    rc = 0;
  } else if (f->has_date_only) {
    snprintf(out, out_size, "%04d-%02d-%02d", f->date_only.y, f->date_only.m, f->date_only.d);
    rc = 0;
  }
  free(f);
  return rc;
}
