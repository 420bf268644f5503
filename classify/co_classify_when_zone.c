/* co_classify_when_zone.c: time zones for the interview extractor.
 *
 * Names and abbreviations map to IANA zones; the offset for a given local
 * date comes from the system tz database through libical's built-in zones
 * (which read /usr/share/zoneinfo), so there is no DST rule in this file.
 * Literal abbreviations (EST, CEST, BST) are fixed offsets, as written;
 * generic names (ET, Eastern, Pacific Time, Central European Time) follow
 * the zone's DST. libical's zone cache is shared, so calls are serialized
 * with one mutex. */
#include <libical/ical.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "co_classify_when_int.h"

/* Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant. */
long co_cls_days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void co_cls_civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int co_cls_weekday(long days) { return (int)(((days % 7) + 11) % 7); }

int co_cls_valid_date(int y, int m, int d) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return 0;
  int n = dm[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
  return d <= n;
}

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

static icaltimezone *builtin(const char *iana) {
  if (!iana || !*iana) return NULL;
  if (!strcmp(iana, "UTC")) return icaltimezone_get_utc_timezone();
  return icaltimezone_get_builtin_timezone(iana);
}

int co_cls_zone_known(const char *iana) {
  pthread_mutex_lock(&tz_lock);
  int ok = builtin(iana) != NULL;
  pthread_mutex_unlock(&tz_lock);
  return ok;
}

int co_cls_zone_offset_local(const co_cls_zone_t *z, int y, int m, int d, int h, int mi, int *off) {
  if (z->has_fixed) {
    *off = z->fixed;
    return 1;
  }
  if (!z->iana[0]) return 0;
  pthread_mutex_lock(&tz_lock);
  icaltimezone *tz = builtin(z->iana);
  int ok = 0;
  if (tz) {
    struct icaltimetype t = icaltime_null_time();
    t.year = y, t.month = m, t.day = d, t.hour = h, t.minute = mi;
    int dst = 0;
    *off = icaltimezone_get_utc_offset(tz, &t, &dst) / 60;
    ok = 1;
  }
  pthread_mutex_unlock(&tz_lock);
  return ok;
}

int co_cls_zone_offset_utc(const char *iana, long long utc, int *off) {
  pthread_mutex_lock(&tz_lock);
  icaltimezone *tz = builtin(iana);
  int ok = 0;
  if (tz) {
    struct icaltimetype t = icaltime_from_timet_with_zone((time_t)utc, 0, icaltimezone_get_utc_timezone());
    int dst = 0;
    *off = icaltimezone_get_utc_offset_of_utc_time(tz, &t, &dst) / 60;
    ok = 1;
  }
  pthread_mutex_unlock(&tz_lock);
  return ok;
}

/* ---------------------------------------------------------------- names */

enum { Z_UP = 1, Z_GLOBAL = 2, Z_FIXED = 4 };

typedef struct zname_s {
  const char *phrase; /* lower-case words, one space apart */
  const char *iana;
  int fixed;
  int flags;
} zname_t;

#define NY "America/New_York"
#define CHI "America/Chicago"
#define DEN "America/Denver"
#define LA "America/Los_Angeles"
#define LON "Europe/London"
#define BER "Europe/Berlin"

static const zname_t ZN[] = {
    {"et", NY, 0, Z_UP | Z_GLOBAL}, {"eastern", NY, 0, 0}, {"eastern time", NY, 0, Z_GLOBAL},
    {"us eastern", NY, 0, Z_GLOBAL}, {"new york time", NY, 0, Z_GLOBAL},
    {"eastern standard time", NY, -300, Z_GLOBAL | Z_FIXED}, {"eastern daylight time", NY, -240, Z_GLOBAL | Z_FIXED},
    {"est", NY, -300, Z_UP | Z_GLOBAL | Z_FIXED}, {"edt", NY, -240, Z_UP | Z_GLOBAL | Z_FIXED},
    {"ct", CHI, 0, Z_UP | Z_GLOBAL}, {"central", CHI, 0, 0}, {"central time", CHI, 0, Z_GLOBAL},
    {"cst", CHI, -360, Z_UP | Z_GLOBAL | Z_FIXED}, {"cdt", CHI, -300, Z_UP | Z_GLOBAL | Z_FIXED},
    {"mt", DEN, 0, Z_UP | Z_GLOBAL}, {"mountain", DEN, 0, 0}, {"mountain time", DEN, 0, Z_GLOBAL},
    {"mst", DEN, -420, Z_UP | Z_GLOBAL | Z_FIXED}, {"mdt", DEN, -360, Z_UP | Z_GLOBAL | Z_FIXED},
    {"pt", LA, 0, Z_UP | Z_GLOBAL}, {"pacific", LA, 0, 0}, {"pacific time", LA, 0, Z_GLOBAL},
    {"pacific standard time", LA, -480, Z_GLOBAL | Z_FIXED}, {"pacific daylight time", LA, -420, Z_GLOBAL | Z_FIXED},
    {"pst", LA, -480, Z_UP | Z_GLOBAL | Z_FIXED}, {"pdt", LA, -420, Z_UP | Z_GLOBAL | Z_FIXED},
    {"gmt", "UTC", 0, Z_UP | Z_GLOBAL | Z_FIXED}, {"utc", "UTC", 0, Z_UP | Z_GLOBAL | Z_FIXED},
    {"bst", LON, 60, Z_UP | Z_GLOBAL | Z_FIXED}, {"uk time", LON, 0, Z_GLOBAL}, {"london time", LON, 0, Z_GLOBAL},
    {"british time", LON, 0, Z_GLOBAL},
    {"cet", BER, 60, Z_UP | Z_GLOBAL | Z_FIXED}, {"cest", BER, 120, Z_UP | Z_GLOBAL | Z_FIXED},
    {"mez", BER, 60, Z_UP | Z_GLOBAL | Z_FIXED}, {"mesz", BER, 120, Z_UP | Z_GLOBAL | Z_FIXED},
    {"central european time", BER, 0, Z_GLOBAL}, {"central european standard time", BER, 60, Z_GLOBAL | Z_FIXED},
    {"central european summer time", BER, 120, Z_GLOBAL | Z_FIXED}, {"berlin time", BER, 0, Z_GLOBAL},
    {"mitteleuropäische zeit", BER, 0, Z_GLOBAL}, {"mitteleuropäischer zeit", BER, 0, Z_GLOBAL},
    {"deutscher zeit", BER, 0, Z_GLOBAL}, {"berliner zeit", BER, 0, Z_GLOBAL},
    {"paris time", "Europe/Paris", 0, Z_GLOBAL}, {"heure de paris", "Europe/Paris", 0, Z_GLOBAL},
    {"heure française", "Europe/Paris", 0, Z_GLOBAL}, {"heure de france", "Europe/Paris", 0, Z_GLOBAL},
    {"hora de españa", "Europe/Madrid", 0, Z_GLOBAL}, {"hora peninsular", "Europe/Madrid", 0, Z_GLOBAL},
    {"hora de madrid", "Europe/Madrid", 0, Z_GLOBAL}, {"hora central europea", "Europe/Madrid", 0, Z_GLOBAL},
    {"ora italiana", "Europe/Rome", 0, Z_GLOBAL}, {"ora di roma", "Europe/Rome", 0, Z_GLOBAL},
    {"nederlandse tijd", "Europe/Amsterdam", 0, Z_GLOBAL}, {"amsterdam time", "Europe/Amsterdam", 0, Z_GLOBAL},
    {"hora de lisboa", "Europe/Lisbon", 0, Z_GLOBAL}, {"hora de portugal", "Europe/Lisbon", 0, Z_GLOBAL},
    {"wet", "Europe/Lisbon", 0, Z_UP | Z_GLOBAL | Z_FIXED}, {"west", "Europe/Lisbon", 60, Z_UP | Z_GLOBAL | Z_FIXED},
    {"horário de brasília", "America/Sao_Paulo", 0, Z_GLOBAL}, {"hora de brasília", "America/Sao_Paulo", 0, Z_GLOBAL},
    {"horario de brasilia", "America/Sao_Paulo", 0, Z_GLOBAL}, {"brt", "America/Sao_Paulo", -180, Z_UP | Z_GLOBAL | Z_FIXED},
    {"eet", "Europe/Athens", 120, Z_UP | Z_GLOBAL | Z_FIXED}, {"eest", "Europe/Athens", 180, Z_UP | Z_GLOBAL | Z_FIXED},
    {"ist", "Asia/Kolkata", 330, Z_UP | Z_GLOBAL | Z_FIXED}, {"india time", "Asia/Kolkata", 0, Z_GLOBAL},
    {"indian standard time", "Asia/Kolkata", 330, Z_GLOBAL | Z_FIXED},
    {"aest", "Australia/Sydney", 600, Z_UP | Z_GLOBAL | Z_FIXED},
    {"aedt", "Australia/Sydney", 660, Z_UP | Z_GLOBAL | Z_FIXED}, {"sydney time", "Australia/Sydney", 0, Z_GLOBAL},
    {"jst", "Asia/Tokyo", 540, Z_UP | Z_GLOBAL | Z_FIXED}, {"sgt", "Asia/Singapore", 480, Z_UP | Z_GLOBAL | Z_FIXED},
    {"hkt", "Asia/Hong_Kong", 480, Z_UP | Z_GLOBAL | Z_FIXED},
    {NULL, NULL, 0, 0}};

/* Number of words in phrase p that match words[0..], or 0. */
static int phrase_match(const char *p, const char *const *words, int nw) {
  int k = 0;
  while (*p) {
    const char *sp = strchr(p, ' ');
    size_t l = sp ? (size_t)(sp - p) : strlen(p);
    if (k >= nw || strlen(words[k]) != l || strncmp(words[k], p, l)) return 0;
    k++;
    p += l + (sp ? 1 : 0);
  }
  return k;
}

int co_cls_zone_lookup(const char *const *words, const int *upper, int nw, int global, co_cls_zone_t *z) {
  int best = -1, bestn = 0;
  for (int i = 0; ZN[i].phrase; i++) {
    int n = phrase_match(ZN[i].phrase, words, nw);
    if (!n || n <= bestn) continue;
    if ((ZN[i].flags & Z_UP) && !upper[0]) continue;
    if (global && !(ZN[i].flags & Z_GLOBAL)) continue;
    best = i, bestn = n;
  }
  if (best < 0) return 0;
  memset(z, 0, sizeof(*z));
  snprintf(z->iana, sizeof(z->iana), "%s", ZN[best].iana);
  if (ZN[best].flags & Z_FIXED) z->fixed = ZN[best].fixed, z->has_fixed = 1;
  return bestn;
}

/* ---------------------------------------------------------------- guesses */

static const char *const LANG_NAMES[] = {"en", "de", "es", "fr", "pt", "nl", "it"};
static const char *const STOP[7][16] = {
    {"the", "and", "you", "your", "we", "would", "like", "with", "at", "for", "interview", "please", NULL},
    {"und", "der", "die", "das", "sie", "ihr", "ihnen", "wir", "uhr", "mit", "für", "einladen", "gespräch", "ein", NULL},
    {"el", "los", "las", "y", "que", "usted", "su", "entrevista", "con", "para", "nos", "por", "del", NULL},
    {"le", "les", "et", "vous", "votre", "nous", "entretien", "avec", "pour", "des", "est", "une", NULL},
    {"o", "os", "você", "sua", "seu", "entrevista", "com", "para", "às", "uma", "nós", "gostaríamos", "não", NULL},
    {"het", "en", "je", "jij", "u", "uw", "jouw", "wij", "gesprek", "met", "voor", "uur", "graag", "een", NULL},
    {"il", "lo", "gli", "che", "lei", "suo", "colloquio", "con", "per", "alle", "della", "siamo", "un", NULL}};

const char *co_cls_guess_lang(const char *t, size_t len) {
  int score[7] = {0};
  char w[24];
  size_t i = 0;
  while (i < len) {
    while (i < len && !((unsigned char)t[i] >= 0x80 || (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z'))) i++;
    size_t n = 0;
    while (i < len && ((unsigned char)t[i] >= 0x80 || (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z'))) {
      if (n < sizeof(w) - 1) w[n++] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
      i++;
    }
    w[n] = 0;
    for (int l = 0; l < 7 && n; l++)
      for (int k = 0; STOP[l][k]; k++)
        if (!strcmp(w, STOP[l][k])) score[l]++;
  }
  int best = 0;
  for (int l = 1; l < 7; l++)
    if (score[l] > score[best]) best = l;
  return LANG_NAMES[best];
}

int co_cls_guess_zone(const co_cls_tm_t *ref, const char *lang, co_cls_zone_t *z) {
  static const struct {
    const char *lang;
    const char *iana;
  } C[] = {{"de", BER},
           {"fr", "Europe/Paris"},
           {"es", "Europe/Madrid"},
           {"it", "Europe/Rome"},
           {"nl", "Europe/Amsterdam"},
           {"pt", "Europe/Lisbon"},
           {"pt", "America/Sao_Paulo"},
           {"es", "America/Mexico_City"},
           {NULL, NY},
           {NULL, CHI},
           {NULL, DEN},
           {NULL, LA},
           {NULL, LON},
           {NULL, BER},
           {NULL, "Asia/Kolkata"},
           {NULL, "Australia/Sydney"},
           {NULL, "America/Sao_Paulo"}};
  if (!ref || !ref->has_tz) return 0;
  long long utc = (long long)co_cls_days_from_civil(ref->y, ref->mo, ref->d) * 86400 + ref->h * 3600 + ref->mi * 60 +
                  ref->s - ref->tz_min * 60;
  for (size_t i = 0; i < sizeof(C) / sizeof(C[0]); i++) {
    if (C[i].lang && (!lang || strcmp(C[i].lang, lang))) continue;
    int off;
    if (co_cls_zone_offset_utc(C[i].iana, utc, &off) && off == ref->tz_min) {
      memset(z, 0, sizeof(*z));
      snprintf(z->iana, sizeof(z->iana), "%s", C[i].iana);
      return 1;
    }
  }
  return 0;
}
