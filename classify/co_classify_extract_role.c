/* co_classify_extract_role.c: the role title of a job-search email.
 *
 * Two readers, subject before body:
 * - the phrases of the seven languages that introduce a title ("Stelle als",
 *   "puesto de", "poste de", "vaga de", "functie van", "posizione di",
 *   "position of"): the title is the run of words after it, lower-case
 *   words allowed (most languages write "Contrôleur de gestion"), up to a
 *   word that ends it (a preposition before the employer, a conjunction, a
 *   verb) or punctuation; a gender tag such as "(m/w/d)" or "(H/F)" is
 *   punctuation, so it is left out;
 * - the English reader: the first title-cased phrase after "for the",
 *   "position of", "as a", ... that ends in a job head noun (Analyst,
 *   Engineer, Manager, ...), or a line that is only such a title. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "co_classify_extract_int.h"
#include "co_classify_int.h"

static const char* const ROLE_LEADS[] = {"position of ",
                                         "role of ",
                                         "for the ",
                                         "for our ",
                                         "as a ",
                                         "as an ",
                                         "as our next ",
                                         "as our ",
                                         "applying for ",
                                         "application for ",
                                         "applied for ",
                                         "applying to the ",
                                         "applied to the ",
                                         "application to the ",
                                         "interest in the ",
                                         "job title: ",
                                         "position: ",
                                         "role: ",
                                         "title: ",
                                         "opening: ",
                                         "offer for ",
                                         "position as ",
                                         "role as ",
                                         "job as ",
                                         "chat about ",
                                         "talk about ",
                                         "the ",
                                         "for ",
                                         ": ",
                                         "- ",
                                         NULL};

/* Phrases of the seven languages after which the title follows. */
static const char* const LANG_LEADS[] = {
    /* de */ "stelle als ", "position als ", "bewerbung als ", "tätigkeit als ", "einstieg als ", "stelle ",
    "position ",
    /* es */ "puesto de ", "vacante de ", "posición de ", "plaza de ",
    /* fr */ "poste de ", "poste d'", "en tant que ", "poste ",
    /* pt */ "vaga de ", "cargo de ", "vaga para ", "posição de ", "função de ",
    /* nl */ "functie van ", "functie als ", "functie ", "vacature ",
    /* it */ "posizione di ", "ruolo di ", "posizione ", "ruolo ",
    /* an application or interview naming the title */
    "bewerbung als ", "bewerbung für ", "candidatura para ", "candidatura per ", "candidatura a ", "candidatura al ",
    "candidature pour ", "candidature au poste ", "sollicitatie als ", "sollicitatie voor ", "sollicitatie ",
    "solicitud para ", "cv para ", "cv per ", "proceso de selección ", "processo seletivo ", "como ",
    /* "Functie: Data-analist" lines of ATS mails */
    "functie: ", "rol: ", "stelle: ", "puesto: ", "posición: ", "poste : ", "poste: ", "vaga: ", "cargo: ",
    "posizione: ", "ruolo: ", "position: ",
    /* an interview for the title */
    "entrevista para ", "entrevista técnica para ", "conversa para ", "colloquio per ", "colloquio tecnico per ",
    "colloquio conoscitivo per ", "entretien pour ", "entretien technique pour ", "gesprek voor ", "gespräch für ",
    "interview für ", "interview voor ", "in qualità di ",
    /* joining as the title */
    "team als ", "uns als ", "sie als ", "dich als ", "versterken als ", "aan de slag als ",
    /* "interview (UX Designer)" */
    "gesprek (", "interview (", "entretien (", "entrevista (", "colloquio (", "gespräch (", NULL};

/* Words that make a subject part about an application, so the other part
 * may be the title ("Candidatura – Diseñadora UX", "Data Engineer – prossimo step"). */
static const char* const APP_WORDS[] = {"applica",
                                        "interview",
                                        "offer",
                                        "next step",
                                        "candidat",
                                        "bewerbung",
                                        "sollicitatie",
                                        "solicitud",
                                        "entrevista",
                                        "entretien",
                                        "colloquio",
                                        "gesprek",
                                        "gespräch",
                                        "proposta",
                                        "oferta",
                                        "offre",
                                        "aanbod",
                                        "angebot",
                                        "próximos",
                                        "prochaines étapes",
                                        "prossim",
                                        "volgende",
                                        "nächste",
                                        "sollecito",
                                        "reto",
                                        "assessment",
                                        "challenge",
                                        "proceso",
                                        "processo",
                                        "contrat",
                                        "vertrag",
                                        "arbeidsovereenkomst",
                                        "update",
                                        "status",
                                        "einladung",
                                        "uitnodiging",
                                        "invito",
                                        "invitación",
                                        "invitation",
                                        "convite",
                                        "test",
                                        "feedback",
                                        "decision",
                                        "entscheidung",
                                        "décision",
                                        "decisión",
                                        "decisão",
                                        "decisione",
                                        "beslissing",
                                        "besluit",
                                        "esito",
                                        "resultado",
                                        "résultat",
                                        "desafio",
                                        "desafío",
                                        "défi",
                                        "sfida",
                                        "opdracht",
                                        "aufgabe",
                                        "case",
                                        "prueba",
                                        "prova",
                                        "etapa",
                                        "step",
                                        "ronde",
                                        "runde",
                                        "tour",
                                        "fase",
                                        "conversa",
                                        "charla",
                                        "échange",
                                        "chat",
                                        "conversation",
                                        "call",
                                        "termin",
                                        "afspraak",
                                        "rendez-vous",
                                        "cita",
                                        NULL};

/* Words that end a title in running text. */
static const char* const ROLE_STOP[] = {
    "bei",  "in",  "für",  "mit",  "an",   "und",  "oder",   "zu",   "wurde",  "wird", "ist", "hat", "haben",
    "sind", "y",   "e",    "o",    "en",   "con",  "para",   "por",  "que",    "se",   "ha",  "es",  "a",
    "al",   "et",  "ou",   "chez", "avec", "pour", "au",     "est",  "à",      "na",   "no",  "em",  "com",
    "é",    "foi", "bij",  "met",  "voor", "is",   "op",     "bent", "presso", "per",  "con", "che", "è",
    "ed",   "at",  "with", "and",  "or",   "is",   "was",    "has",  "on",     "to",   "we",  "wir", "nos",
    "nous", "noi", "wij",  "que",  "qui",  "dat",  "welche", "den",  "dem",    "la",   "le",  "les", "el",
    "los",  "las", "il",   "lo",   "une",  "un",   "um",     "uma",  "een",    "de",   NULL};

/* Lower-case words allowed inside a title when more title follows. */
static const char* const ROLE_INNER[] = {"de",    "del",   "des",  "du",   "da",   "do",  "dos", "di",
                                         "della", "delle", "alla", "alle", "allo", "al",  "ai",  "agli",
                                         "im",    "der",   "van",  "of",   "d'",   "für", NULL};

static int is_reqid(const char* p, size_t n) {
  int dig = 0;
  for (size_t i = 0; i < n; i++) dig += isdigit((unsigned char)p[i]) != 0;
  return dig >= 3 || (n > 0 && p[0] == '#');
}

static int is_numeral(const char* p, size_t n) {
  static const char* const R[] = {"i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5", NULL};
  return co_xt_in_list(p, n, R);
}

/* English: a title-cased run at p ending with a head noun. */
static int role_at(const char* p, const char* end, char* out, size_t osz) {
  co_xt_tok_t tk[10];
  while (p < end && *p == ' ') p++;
  int n = co_xt_read_caps(p, end, tk, 10, 0);
  int st = 0;
  while (st < n && is_reqid(tk[st].p, tk[st].n)) st++;
  int head = -1;
  for (int i = st; i < n; i++) /* the last head of the run: "Associate Product Manager" */
    if (co_xt_in_list(tk[i].p, tk[i].n, CO_XT_HEADS)) head = i;
  if (head < 0) return 0;
  int last = head;
  while (last + 1 < n && is_numeral(tk[last + 1].p, tk[last + 1].n)) last++;
  int acronym = tk[st].n <= 3 && isupper((unsigned char)tk[st].p[0]) && isupper((unsigned char)tk[st].p[tk[st].n - 1]);
  if (co_xt_in_list(tk[st].p, tk[st].n, CO_XT_GENERIC) && strncmp(tk[st].p, "The", 3) != 0 && !acronym) return 0;
  co_xt_toks_to_str(tk + st, last - st + 1, out, osz);
  return out[0] != 0;
}

/* Other languages: a run of words after a lead, the first capitalised (or
 * an acronym), lower-case words allowed, ended by a stop word. */
static int role_run(const char* p, const char* end, char* out, size_t osz) {
  co_xt_tok_t tk[8];
  while (p < end && *p == ' ') p++;
  if (p >= end || !co_xt_is_upper((const unsigned char*)p)) return 0;
  int n = co_xt_read_caps(p, end, tk, 8, 1), k = 0;
  while (k < n && is_reqid(tk[k].p, tk[k].n)) k++;
  int st = k;
  for (; k < n; k++) {
    if (co_xt_in_list(tk[k].p, tk[k].n, ROLE_INNER) && k > st && k + 1 < n &&
        !co_xt_in_list(tk[k + 1].p, tk[k + 1].n, ROLE_STOP) &&
        !(tk[k].p[0] == 'f' && co_xt_in_list(tk[k + 1].p, tk[k + 1].n, CO_XT_GENERIC))) /* "für unser Team" */
      continue;
    if (co_xt_in_list(tk[k].p, tk[k].n, ROLE_STOP) || is_reqid(tk[k].p, tk[k].n)) break;
    if (k == st && co_xt_in_list(tk[k].p, tk[k].n, CO_XT_GENERIC)) return 0;
    if (k - st >= 5) break;
  }
  while (k > st && co_xt_in_list(tk[k - 1].p, tk[k - 1].n, ROLE_INNER)) k--;
  if (k == st) return 0;
  co_xt_toks_to_str(tk + st, k - st, out, osz);
  size_t ol = strlen(out);
  while (ol && strchr(".-'", out[ol - 1])) out[--ol] = 0;
  return ol > 1;
}

static int lead_scan(const char* t, size_t len, const char* const* leads,
                     int (*at)(const char*, const char*, char*, size_t), char* out, size_t osz) {
  for (int l = 0; leads[l]; l++) {
    const char *p = t, *end = t + len, *hit;
    int seen = 0;
    while (p < end && seen < 6 && (hit = co_cls_memcasestr(p, (size_t)(end - p), leads[l])) != NULL) {
      const char* q = hit + strlen(leads[l]);
      int word_start = !isalpha((unsigned char)leads[l][0]) || hit == t || !isalpha((unsigned char)hit[-1]);
      if (word_start && at(q, end, out, osz)) return 1;
      p = q;
      seen++;
    }
  }
  return 0;
}

/* 1 if [p, e) is only a title (and maybe a gender tag or a reference). */
static int whole_title(const char* p, const char* e, char* out, size_t osz) {
  char seg[256];
  while (p < e && *p == ' ') p++;
  co_xt_copyn(seg, sizeof(seg), p, (size_t)(e - p));
  if (!role_run(seg, seg + strlen(seg), out, osz)) return 0;
  const char* rest = seg + strlen(out);
  while (*rest == ' ' || *rest == '.') rest++;
  return *rest == 0 || *rest == '(' || *rest == '#';
}

/* A subject cut by a dash or colon: a part that is only a title, when
 * another part says what the mail is about. */
static int subject_parts(const char* t, size_t len, char* out, size_t osz) {
  static const char* const SEPS[] = {" – ", " - ", " — ", " : ", ": ", " | ", NULL};
  const char* cut[8];
  size_t cutl[8];
  int nc = 0;
  for (const char* p = t; p < t + len && nc < 8; p++)
    for (int k = 0; SEPS[k]; k++)
      if (!strncmp(p, SEPS[k], strlen(SEPS[k]))) {
        cut[nc] = p, cutl[nc++] = strlen(SEPS[k]);
        p += strlen(SEPS[k]) - 1; /* " : " is not also ": " */
        break;
      }
  for (int i = 0; i <= nc; i++) {
    const char *b = i ? cut[i - 1] + cutl[i - 1] : t, *e = i < nc ? cut[i] : t + len;
    int about = 0;
    for (int j = 0; j <= nc && !about; j++) {
      if (j == i) continue;
      const char *ob = j ? cut[j - 1] + cutl[j - 1] : t, *oe = j < nc ? cut[j] : t + len;
      for (int w = 0; APP_WORDS[w] && !about; w++)
        about = co_cls_memcasestr(ob, (size_t)(oe - ob), APP_WORDS[w]) != NULL;
    }
    static const char* const REPLY[] = {"re", "aw", "tr", "r", "fw", "fwd", "wg", "antw", "rv", "enc", "res", NULL};
    const char* bb = b;
    while (bb < e && *bb == ' ') bb++;
    size_t wl = strcspn(bb, " :");
    if (co_xt_in_list(bb, wl, REPLY)) continue;
    if (about && whole_title(b, e, out, osz)) return 1;
  }
  return 0;
}

/* A line that is just a title ("Data Analyst"), as job boards lay out. */
static int title_line(const char* t, size_t len, char* out, size_t osz) {
  const char *p = t, *end = t + len;
  int lines = 0;
  while (p < end && lines < 30) {
    const char* eol = memchr(p, '\n', (size_t)(end - p));
    const char* le = eol ? eol : end;
    co_xt_tok_t tk[8];
    int n = co_xt_read_caps(p, le, tk, 8, 0);
    if (n > 0 && tk[n - 1].p + tk[n - 1].n == le && role_at(p, le, out, osz)) return 1;
    p = eol ? eol + 1 : end;
    lines++;
  }
  return 0;
}

static int has_lower(const char* s) {
  for (; *s; s++)
    if (islower((unsigned char)*s)) return 1;
  return 0;
}

/* Subject phrases, then body phrases, then a subject part that is only a
 * title, then a body line that is only a title. */
void co_cls_extract_role(const char* subject, const char* body, size_t body_len, char* out, size_t out_size) {
  out[0] = 0;
  subject = subject && has_lower(subject) ? subject : "";
  body = body ? body : "";
  size_t sl = strlen(subject), bl = body_len > 3000 ? 3000 : body_len;
  if (lead_scan(subject, sl, LANG_LEADS, role_run, out, out_size) ||
      lead_scan(subject, sl, ROLE_LEADS, role_at, out, out_size))
    return;
  if (lead_scan(body, bl, LANG_LEADS, role_run, out, out_size) ||
      lead_scan(body, bl, ROLE_LEADS, role_at, out, out_size))
    return;
  if (subject_parts(subject, sl, out, out_size) || title_line(body, bl, out, out_size)) return;
  out[0] = 0;
}
