/* co_classify_extract_lex.c: the words company and role extraction reads,
 * in English, German, Spanish, French, Portuguese, Dutch and Italian, and
 * the byte-level helpers that read names out of UTF-8 text (capitals,
 * accent folding, legal forms).
 *
 * Lists hold general phrases of each language (prepositions before an
 * employer, department words, title words of a recruiter's signature), not
 * phrases of any one email. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "co_classify_extract_int.h"

const char* const CO_XT_CONNECT[] = {"of",  "and", "&",   "de",  "the", "for",   "y",     "del",   "des", "du",
                                     "da",  "do",  "dos", "das", "di",  "della", "dello", "delle", "dei", "degli",
                                     "van", "der", "den", "het", "la",  "le",    "les",   "el",    "los", "e",
                                     "et",  "und", "im",  "am",  "zum", "zur",   "d'",    "l'",    NULL};

const char* const CO_XT_GENERIC[] = {"our",
                                     "we",
                                     "you",
                                     "your",
                                     "this",
                                     "that",
                                     "thank",
                                     "thanks",
                                     "hi",
                                     "hello",
                                     "dear",
                                     "please",
                                     "i",
                                     "it",
                                     "unfortunately",
                                     "monday",
                                     "tuesday",
                                     "wednesday",
                                     "thursday",
                                     "friday",
                                     "saturday",
                                     "sunday",
                                     "january",
                                     "february",
                                     "march",
                                     "april",
                                     "may",
                                     "june",
                                     "july",
                                     "august",
                                     "september",
                                     "october",
                                     "november",
                                     "december",
                                     "zoom",
                                     "google",
                                     "linkedin",
                                     "indeed",
                                     "workday",
                                     "greenhouse",
                                     "glassdoor",
                                     "lever",
                                     "the",
                                     "a",
                                     "an",
                                     "us",
                                     "me",
                                     "talent",
                                     "recruiting",
                                     "hr",
                                     "careers",
                                     "hiring",
                                     "team",
                                     "interview",
                                     "application",
                                     "position",
                                     "role",
                                     "job",
                                     "jobs",
                                     "next",
                                     "other",
                                     "all",
                                     "any",
                                     "more",
                                     "new",
                                     "remote",
                                     "hybrid",
                                     "usa",
                                     "united",
                                     "my",
                                     "his",
                                     "her",
                                     "their",
                                     "its",
                                     "at",
                                     "in",
                                     "on",
                                     "to",
                                     "as",
                                     "if",
                                     "microsoft",
                                     "teams",
                                     "calendly",
                                     "hackerrank",
                                     "codility",
                                     "docusign",
                                     "am",
                                     "pm",
                                     "noon",
                                     "today",
                                     "tomorrow",
                                     /* de */ "ihre",
                                     "ihr",
                                     "ihnen",
                                     "sie",
                                     "wir",
                                     "uns",
                                     "unser",
                                     "unsere",
                                     "unserem",
                                     "unseren",
                                     "du",
                                     "dein",
                                     "deine",
                                     "vielen",
                                     "dank",
                                     "hallo",
                                     "liebe",
                                     "lieber",
                                     "sehr",
                                     "bewerbung",
                                     "stelle",
                                     "position",
                                     "termin",
                                     "gespräch",
                                     "montag",
                                     "dienstag",
                                     "mittwoch",
                                     "donnerstag",
                                     "freitag",
                                     "samstag",
                                     "sonntag",
                                     "heute",
                                     "morgen",
                                     "team",
                                     "personal",
                                     /* es */ "su",
                                     "sus",
                                     "tu",
                                     "tus",
                                     "nuestro",
                                     "nuestra",
                                     "nosotros",
                                     "usted",
                                     "hola",
                                     "estimado",
                                     "estimada",
                                     "gracias",
                                     "candidatura",
                                     "puesto",
                                     "entrevista",
                                     "oferta",
                                     "lunes",
                                     "martes",
                                     "miércoles",
                                     "jueves",
                                     "viernes",
                                     "sábado",
                                     "domingo",
                                     "equipo",
                                     "recursos",
                                     "empleo",
                                     "selección",
                                     "departamento",
                                     /* fr */ "votre",
                                     "vos",
                                     "notre",
                                     "nos",
                                     "nous",
                                     "vous",
                                     "bonjour",
                                     "madame",
                                     "monsieur",
                                     "merci",
                                     "candidature",
                                     "poste",
                                     "entretien",
                                     "offre",
                                     "lundi",
                                     "mardi",
                                     "mercredi",
                                     "jeudi",
                                     "vendredi",
                                     "samedi",
                                     "dimanche",
                                     "équipe",
                                     "service",
                                     "recrutement",
                                     /* pt */ "sua",
                                     "seu",
                                     "nossa",
                                     "nosso",
                                     "você",
                                     "olá",
                                     "prezado",
                                     "prezada",
                                     "obrigado",
                                     "obrigada",
                                     "vaga",
                                     "entrevista",
                                     "segunda-feira",
                                     "terça-feira",
                                     "quarta-feira",
                                     "quinta-feira",
                                     "sexta-feira",
                                     "equipe",
                                     "time",
                                     "carreiras",
                                     /* nl */ "je",
                                     "jouw",
                                     "uw",
                                     "onze",
                                     "ons",
                                     "wij",
                                     "hoi",
                                     "beste",
                                     "bedankt",
                                     "sollicitatie",
                                     "functie",
                                     "gesprek",
                                     "maandag",
                                     "dinsdag",
                                     "woensdag",
                                     "donderdag",
                                     "vrijdag",
                                     "zaterdag",
                                     "zondag",
                                     "vacature",
                                     "vacatures",
                                     /* it */ "sua",
                                     "suo",
                                     "nostra",
                                     "nostro",
                                     "noi",
                                     "lei",
                                     "ciao",
                                     "gentile",
                                     "grazie",
                                     "candidatura",
                                     "posizione",
                                     "colloquio",
                                     "afdeling",
                                     "ufficio",
                                     "lunedì",
                                     "martedì",
                                     "mercoledì",
                                     "giovedì",
                                     "venerdì",
                                     "sabato",
                                     "domenica",
                                     "selezione",
                                     NULL};

const char* const CO_XT_HEADS[] = {
    "analyst",    "engineer",   "manager",    "developer",    "designer",      "scientist",      "coordinator",
    "specialist", "intern",     "internship", "associate",    "director",      "representative", "consultant",
    "architect",  "accountant", "writer",     "lead",         "administrator", "officer",        "strategist",
    "executive",  "generalist", "assistant",  "technician",   "researcher",    "recruiter",      "nurse",
    "teacher",    "advisor",    "programmer", "owner",        "editor",        "producer",       "planner",
    "buyer",      "auditor",    "controller", "clerk",        "agent",         "supervisor",     "operator",
    "therapist",  "pharmacist", "counselor",  "instructor",   "tutor",         "fellow",         "trainee",
    "apprentice", "marketer",   "economist",  "statistician", "partner",       "head",           "vp",
    "president",  "modeler",    "steward",    "expert",       "sre",           "devops",         NULL};

const char* const CO_XT_TEAMWORDS[] = {"recruiting",
                                       "recruitment",
                                       "careers",
                                       "career",
                                       "talent",
                                       "acquisition",
                                       "hiring",
                                       "team",
                                       "hr",
                                       "jobs",
                                       "people",
                                       "human",
                                       "resources",
                                       "notifications",
                                       "notification",
                                       "no-reply",
                                       "noreply",
                                       "karriere",
                                       "personal",
                                       "personalabteilung",
                                       "bewerbermanagement",
                                       "recruiting-team",
                                       "empleo",
                                       "rrhh",
                                       "selección",
                                       "seleccion",
                                       "talento",
                                       "humanos",
                                       "recrutement",
                                       "carrières",
                                       "carrieres",
                                       "rh",
                                       "emplois",
                                       "carreiras",
                                       "recrutamento",
                                       "vagas",
                                       "talentos",
                                       "vacatures",
                                       "werving",
                                       "selectie",
                                       "selezione",
                                       "risorse",
                                       "umane",
                                       "lavoro",
                                       "ressources",
                                       "humaines",
                                       "afdeling",
                                       NULL};

const char* const CO_XT_TEAM_PREFIX[] = {"talent acquisition at ",
                                         "talent acquisition @ ",
                                         "recruiting at ",
                                         "careers at ",
                                         "jobs at ",
                                         "hiring at ",
                                         "recruiting team at ",
                                         "people team at ",
                                         "hr at ",
                                         "talent acquisition ",
                                         "hr ",
                                         "rh ",
                                         "rrhh ",
                                         "recrutement ",
                                         "recrutamento ",
                                         "recruiting ",
                                         "karriere bei ",
                                         "jobs bei ",
                                         "personal ",
                                         "werken bij ",
                                         "werken bij de ",
                                         "vacatures ",
                                         "lavora con noi ",
                                         "lavora con ",
                                         "carreiras ",
                                         "empleo ",
                                         "trabaja en ",
                                         "trabalhe na ",
                                         "trabalhe conosco ",
                                         "recursos humanos ",
                                         "ressources humaines ",
                                         "risorse umane ",
                                         "equipe de recrutamento ",
                                         "equipo de selección ",
                                         "team ",
                                         NULL};

const char* const CO_XT_TITLEWORDS[] = {"recruiter",
                                        "recruiterin",
                                        "recruiting",
                                        "talent",
                                        "acquisition",
                                        "people",
                                        "hr",
                                        "hiring",
                                        "coordinator",
                                        "manager",
                                        "partner",
                                        "director",
                                        "lead",
                                        "sourcer",
                                        "operations",
                                        "resources",
                                        "specialist",
                                        "personalreferent",
                                        "personalreferentin",
                                        "personalerin",
                                        "personalabteilung",
                                        "personal",
                                        "humanos",
                                        "selección",
                                        "seleccion",
                                        "talento",
                                        "rrhh",
                                        "recrutement",
                                        "recruteur",
                                        "recruteuse",
                                        "rh",
                                        "humaines",
                                        "recrutamento",
                                        "recrutadora",
                                        "recrutador",
                                        "talentos",
                                        "pessoas",
                                        "adviseur",
                                        "recruitment",
                                        "werving",
                                        "selectie",
                                        "selezione",
                                        "umane",
                                        "recruitment",
                                        "responsabile",
                                        "gestão",
                                        "adviser",
                                        "advisor",
                                        NULL};

const char* const CO_XT_VENDORS[] = {"greenhouse",
                                     "lever",
                                     "workday",
                                     "myworkday",
                                     "smartrecruiters",
                                     "personio",
                                     "teamtailor",
                                     "workable",
                                     "recruitee",
                                     "ashby",
                                     "ashbyhq",
                                     "icims",
                                     "jobvite",
                                     "taleo",
                                     "successfactors",
                                     "bamboohr",
                                     "breezy",
                                     "jazzhr",
                                     "linkedin",
                                     "indeed",
                                     "indeedapply",
                                     "stepstone",
                                     "infojobs",
                                     "welcometothejungle",
                                     "wttj",
                                     "glassdoor",
                                     "monster",
                                     "xing",
                                     "calendly",
                                     "calcom",
                                     "zoom",
                                     "factorial",
                                     "softgarden",
                                     "jobteaser",
                                     "hellowork",
                                     "apec",
                                     "join",
                                     "talentsoft",
                                     "cornerstone",
                                     "ziprecruiter",
                                     "dice",
                                     "handshake",
                                     "wellfound",
                                     "otta",
                                     "pinpoint",
                                     "rippling",
                                     "hibob",
                                     "bob",
                                     "avature",
                                     "phenom",
                                     "eightfold",
                                     "teamtailormail",
                                     "workablemail",
                                     "greenhousemail",
                                     "smartrecruitersmail",
                                     "catho",
                                     "gupy",
                                     "vagas",
                                     "kenoby",
                                     "computrabajo",
                                     "tecnoempleo",
                                     "intoo",
                                     "nationalevacaturebank",
                                     "werkzoeken",
                                     "monsterboard",
                                     "jobat",
                                     "infojobsit",
                                     "cadremploi",
                                     "regionsjob",
                                     "pole-emploi",
                                     "francetravail",
                                     "bundesagentur",
                                     "arbeitsagentur",
                                     "jobware",
                                     "kununu",
                                     "recruit",
                                     "hireology",
                                     "jobylon",
                                     "homerun",
                                     "traffit",
                                     "erecruiter",
                                     "umantis",
                                     "dvinci",
                                     "rexx",
                                     "concludis",
                                     "prescreen",
                                     "coveto",
                                     "flatchr",
                                     "factorialhr",
                                     "inrecruiting",
                                     "altamira",
                                     "jobsoid",
                                     "manatal",
                                     "recruiterbox",
                                     "beetween",
                                     "digitalrecruiters",
                                     "taleez",
                                     NULL};

const char* const CO_XT_GREETINGS[] = {
    "dear",    "hi",       "hello", "hey",      "hallo",      "liebe",      "lieber",       "moin",         "servus",
    "geehrte", "geehrter", "hola",  "estimado", "estimada",   "estimado/a", "querido",      "querida",      "bonjour",
    "salut",   "chère",    "cher",  "olá",      "oi",         "prezado",    "prezada",      "prezado(a)",   "caro",
    "cara",    "hoi",      "beste", "gentile",  "buongiorno", "egregio",    "gentilissima", "gentilissimo", NULL};

const co_xt_lead_t CO_XT_LEADS[] = {{"applying to ", 4},
                                    {"applying at ", 4},
                                    {"application to ", 4},
                                    {"applied to ", 3},
                                    {"sent to ", 4},
                                    {"application with ", 4},
                                    {"interest in joining ", 4},
                                    {"career at ", 3},
                                    {"careers at ", 3},
                                    {"interest in working at ", 4},
                                    {"interest in working for ", 4},
                                    {"submitted to ", 4},
                                    {"on behalf of ", 4},
                                    {"welcome to ", 3},
                                    {"offer from ", 4},
                                    {"join ", 2},
                                    {"joining ", 2},
                                    {"position at ", 4},
                                    {"role at ", 4},
                                    {"opportunity at ", 4},
                                    {"opportunities at ", 3},
                                    {"position with ", 4},
                                    {"role with ", 3},
                                    {"opportunity with ", 4},
                                    {"thank you from ", 3},
                                    {"interest in ", 3},
                                    {"employment with ", 4},
                                    {"employment at ", 4},
                                    {"team at ", 3},
                                    {"interview with ", 2},
                                    {"received by ", 3},
                                    {"considering ", 2},
                                    {"update from ", 3},
                                    {"news from ", 2},
                                    {" at ", 2},
                                    {" with ", 1},
                                    {"from ", 1},
                                    /* de */
                                    {"bewerbung bei ", 4},
                                    {"mitarbeit bei ", 4},
                                    {"karriere bei ", 4},
                                    {"arbeiten bei ", 4},
                                    {"interesse an ", 3},
                                    {"wurde an ", 4},
                                    {"willkommen bei ", 3},
                                    {"team von ", 3},
                                    {"im namen von ", 3},
                                    {" bei der ", 2},
                                    {" bei ", 2},
                                    /* es */
                                    {"trabajar en ", 4},
                                    {"trabajar con ", 3},
                                    {"candidatura en ", 4},
                                    {"enviado a ", 4},
                                    {"enviada a ", 4},
                                    {"formar parte de ", 4},
                                    {"unirte a ", 3},
                                    {"incorporarte a ", 3},
                                    {"interés en ", 3},
                                    {"equipo de ", 2},
                                    {"entrevista con ", 2},
                                    {"oferta de ", 1},
                                    {"en nombre de ", 3},
                                    {"bienvenido a ", 3},
                                    {"bienvenida a ", 3},
                                    /* fr */
                                    {"chez ", 3},
                                    {"rejoindre ", 3},
                                    {"envoyée à ", 4},
                                    {"envoyée chez ", 4},
                                    {"au sein de ", 3},
                                    {"l'intérêt porté à ", 4},
                                    {"intérêt pour ", 3},
                                    {"de la part de ", 3},
                                    {"bienvenue chez ", 3},
                                    {"l'équipe de ", 2},
                                    {"l'équipe ", 3},
                                    {"une offre de ", 2},
                                    /* pt */
                                    {"enviada para ", 4},
                                    {"enviada à ", 4},
                                    {"fazer parte da ", 4},
                                    {"fazer parte do ", 4},
                                    {"trabalhar na ", 4},
                                    {"trabalhar no ", 4},
                                    {"candidatura na ", 4},
                                    {"vaga da ", 2},
                                    {"vaga na ", 3},
                                    {"interesse na ", 3},
                                    {"interesse pela ", 3},
                                    {"equipe da ", 2},
                                    {"time da ", 2},
                                    {"bem-vindo à ", 3},
                                    {"bem-vinda à ", 3},
                                    {" na ", 1},
                                    /* nl */
                                    {"verzonden naar ", 4},
                                    {"werken bij ", 4},
                                    {"baan bij ", 4},
                                    {"sollicitatie bij ", 4},
                                    {"welkom bij ", 3},
                                    {"team van ", 2},
                                    {" bij ", 2},
                                    /* it */
                                    {"lavorare presso ", 4},
                                    {"lavorare in ", 3},
                                    {"lavorare con ", 3},
                                    {"inviata a ", 4},
                                    {"candidatura presso ", 4},
                                    {"far parte di ", 4},
                                    {"interesse verso ", 3},
                                    {"interesse per ", 2},
                                    {"benvenuto in ", 3},
                                    {"benvenuta in ", 3},
                                    {"team di ", 2},
                                    {"presso ", 3},
                                    {NULL, 0}};

const char* const CO_XT_TEAM_AFTER[] = {" Recruiting",
                                        " Talent Acquisition",
                                        " Hiring Team",
                                        " Careers",
                                        " Talent Team",
                                        " HR",
                                        " Human Resources",
                                        " People Team",
                                        " Recruitment",
                                        " has received your application",
                                        " received your application",
                                        " is reviewing your application",
                                        " has reviewed your application",
                                        " Karriere",
                                        " Personalabteilung",
                                        " Recruiting-Team",
                                        " Empleo",
                                        " Recursos Humanos",
                                        " Recrutement",
                                        " Ressources Humaines",
                                        " Carreiras",
                                        " Recrutamento",
                                        " Werving",
                                        " Risorse Umane",
                                        " Team",
                                        "-Team",
                                        "-team",
                                        NULL};

const char* const CO_XT_SIG_SEPS[] = {", ",    " | ",      " at ",   " - ",  " – ",  " — ",  " · ",
                                      " @ ",   " bei ",    " chez ", " en ", " na ", " no ", " da ",
                                      " bij ", " presso ", " di ",   " de ", " in ", NULL};

/* Legal forms written as several words, matched at the end first. */
static const char* const LEGAL_TAILS[] = {
    "GmbH & Co. KG", "GmbH & Co KG", "AG & Co. KG", "AG & Co. KGaA", "S.A. de C.V.", "SA de CV", "S. de R.L.", "S.A.S.",
    "S.L.U.",        "S.A.U.",       "S. A.",       "S.p.A.",        "S.r.l.",       "S.a.s.",   "e.V.",       "e. V.",
    "Pty Ltd",       "Pty. Ltd.",    "Co., Ltd.",   "Co. Ltd.",      "Sp. z o.o.",   NULL};
static const char* const SUFFIXES[] = {
    "inc",         "inc.", "llc",    "l.l.c.", "ltd",    "ltd.", "limited", "gmbh",   "corp",     "corp.",
    "corporation", "co",   "co.",    "plc",    "s.a.",   "sa",   "ag",      "bv",     "b.v.",     "llp",
    "pty",         "oy",   "ab",     "srl",    "s.r.l.", "pvt",  "pvt.",    "lp",     "l.p.",     "s.l.",
    "sl",          "slu",  "s.l.u.", "sau",    "s.a.u.", "sas",  "s.a.s.",  "sarl",   "s.a.r.l.", "sasu",
    "eurl",        "nv",   "n.v.",   "spa",    "s.p.a.", "lda",  "lda.",    "ltda",   "ltda.",    "se",
    "kg",          "kgaa", "ug",     "mbh",    "ohg",    "eg",   "vof",     "cv",     "c.v.",     "scarl",
    "s.c.a.r.l.",  "snc",  "s.n.c.", "sccl",   "coop",   "me",   "epp",     "eireli", NULL};

/* 1 if w is a legal form, trailing dots ignored on both sides ("S.A.." = "S.A."). */
static int is_suffix(const char* w, size_t wl) {
  while (wl && w[wl - 1] == '.') wl--;
  for (int i = 0; wl && SUFFIXES[i]; i++) {
    size_t l = strlen(SUFFIXES[i]);
    while (l && SUFFIXES[i][l - 1] == '.') l--;
    if (l == wl && strncasecmp(w, SUFFIXES[i], wl) == 0) return 1;
  }
  return 0;
}

int co_xt_is_legal(const char* w, size_t wl) {
  return is_suffix(w, wl);
}

int co_xt_in_list(const char* w, size_t wl, const char* const* list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == wl && strncasecmp(w, list[i], wl) == 0) return 1;
  return 0;
}

int co_xt_is_name_byte(const unsigned char* p) {
  unsigned char c = *p;
  if (c < 0x80) return isalnum(c) || c == '&' || c == '\'' || c == '-' || c == '.' || c == '+';
  return c != 0xC2 && c != 0xE2; /* Latin-1 and general punctuation leads */
}

int co_xt_is_upper(const unsigned char* p) {
  if (p[0] < 0x80) return isupper(p[0]) != 0;
  if (p[0] == 0xC3) return p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97;
  if (p[0] == 0xC4 || p[0] == 0xC5) return p[1] >= 0x80 && p[1] <= 0xBF && (p[1] & 1) == 0;
  return 0;
}

/* ASCII folds of U+00C0..U+00FF and U+0100..U+017F. */
static const char* const FOLD_C3[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e",  "e", "e", "i", "i", "i", "i", "d",  "n", "o",  "o", "o", "o",
    "o", "",  "o", "u", "u", "u", "u",  "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e", "e", "e",
    "i", "i", "i", "i", "d", "n", "o",  "o", "o",  "o",  "o", "",  "o", "u", "u", "u", "u",  "y", "th", "y"};
static const char FOLD_EXT_A[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuu"
    "uuwwyyyzzzzzzs";

void co_xt_squash(const char* s, char* out, size_t osz, int german) {
  size_t o = 0;
  const unsigned char* p = (const unsigned char*)s;
  while (*p && o + 3 < osz) {
    if (*p < 0x80) {
      if (isalnum(*p)) out[o++] = (char)tolower(*p);
      p++;
      continue;
    }
    if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
      const char* f = FOLD_C3[p[1] - 0x80];
      unsigned char b = p[1] | 0x20; /* lower-case row */
      if (german && (b == 0xA4 || b == 0xB6 || b == 0xBC)) f = b == 0xA4 ? "ae" : b == 0xB6 ? "oe" : "ue";
      if (!german && p[1] == 0x9F) f = "s";
      for (; *f && o + 1 < osz; f++) out[o++] = *f;
      p += 2;
      continue;
    }
    if ((p[0] == 0xC4 || p[0] == 0xC5) && p[1] >= 0x80 && p[1] <= 0xBF) {
      out[o++] = FOLD_EXT_A[(p[0] - 0xC4) * 64 + (p[1] - 0x80)];
      p += 2;
      continue;
    }
    p++; /* other scripts and punctuation: skipped */
  }
  out[o] = 0;
}

static int ends_with_word(const char* s, size_t n, const char* tail) {
  size_t tl = strlen(tail);
  if (n <= tl || strncasecmp(s + n - tl, tail, tl) != 0) return 0;
  return s[n - tl - 1] == ' ' || s[n - tl - 1] == ',';
}

int co_xt_strip_legal(char* s) {
  int stripped = 0;
  for (;;) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == ',' || s[n - 1] == ' ' || (s[n - 1] == '.' && n >= 2 && s[n - 2] == '.'))) s[--n] = 0;
    int hit = 0;
    for (int i = 0; LEGAL_TAILS[i] && !hit; i++)
      if (ends_with_word(s, n, LEGAL_TAILS[i])) {
        s[n - strlen(LEGAL_TAILS[i]) - 1] = 0;
        hit = 1;
      }
    if (!hit) {
      char* sp = strrchr(s, ' ');
      if (!sp || !is_suffix(sp + 1, strlen(sp + 1))) return stripped;
      if (sp >= s + 2 && sp[-1] == '&' && sp[-2] == ' ') return stripped; /* "Kiln & Co" */
      *sp = 0;
    }
    stripped = 1;
  }
}

int co_xt_strip_trailing(char* s, const char* const* list) {
  int stripped = 0;
  for (;;) {
    size_t n = strlen(s);
    while (n && (s[n - 1] == ',' || s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == '-')) s[--n] = 0;
    char* sp = strrchr(s, ' ');
    if (!sp || !co_xt_in_list(sp + 1, strlen(sp + 1), list)) return stripped;
    *sp = 0;
    stripped = 1;
  }
}

int co_xt_is_vendor(const char* name) {
  char k[128];
  co_xt_squash(name, k, sizeof(k), 0);
  for (int i = 0; CO_XT_VENDORS[i]; i++) {
    char v[64];
    co_xt_squash(CO_XT_VENDORS[i], v, sizeof(v), 0);
    if (!strcmp(k, v)) return 1;
  }
  return 0;
}

void co_xt_copyn(char* dst, size_t dsz, const char* src, size_t n) {
  if (n >= dsz) n = dsz - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
}

void co_xt_toks_to_str(const co_xt_tok_t* t, int n, char* out, size_t osz) {
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

/* 1 if the word after p is a legal form or a connector ("S.A. de C.V."). */
static int next_is_legal(const char* p, const char* end) {
  while (p < end && *p == ' ') p++;
  const char* st = p;
  while (p < end && co_xt_is_name_byte((const unsigned char*)p)) p++;
  size_t wl = (size_t)(p - st);
  return wl && (is_suffix(st, wl) || co_xt_in_list(st, wl, CO_XT_CONNECT) ||
                (wl <= 6 && memchr(st, '.', wl - 1) && isupper((unsigned char)st[0])));
}

int co_xt_read_caps(const char* p, const char* end, co_xt_tok_t* t, int max, int allow_lower) {
  int n = 0;
  while (p < end && n < max) {
    while (p < end && *p == ' ') p++;
    if (p >= end) break;
    const char* st = p;
    while (p < end && co_xt_is_name_byte((const unsigned char*)p)) p++;
    size_t wl = (size_t)(p - st);
    if (!wl) break;
    int last = 0;
    size_t core = wl;
    while (core && (st[core - 1] == '.' || st[core - 1] == '-' || st[core - 1] == '\'')) core--;
    int legal = is_suffix(st, wl) || (wl <= 6 && memchr(st, '.', core) && isupper((unsigned char)st[0]));
    if (core < wl && !legal) last = 1;                                  /* "Acme." ends a sentence */
    if (legal && st[wl - 1] == '.' && !next_is_legal(p, end)) last = 1; /* "Acme Inc. We ..." */
    if (!core) break;
    int cap = co_xt_is_upper((const unsigned char*)st);
    if (isdigit((unsigned char)st[0])) /* "3M", "23andMe"; not "11" or "3pm" */
      for (size_t k = 1; k < core; k++)
        if (isupper((unsigned char)st[k])) cap = 1;
    if (!cap && !allow_lower) {
      if (n > 0 && co_xt_in_list(st, core, CO_XT_CONNECT) && p < end && *p == ' ') {
        const char* q = p + 1;
        if (q < end && (co_xt_is_upper((const unsigned char*)q) || *q == '&')) {
          t[n].p = st;
          t[n].n = core;
          n++;
          continue;
        }
      }
      if (!(st[0] == '&' && n > 0) && !(n > 0 && legal)) break; /* "S.A. de C.V.", "inc." */
    }
    t[n].p = st;
    t[n].n = legal ? wl : core;
    n++;
    if (last) break;
    if (p < end && *p != ' ') break; /* comma, '!', '(', newline... */
    if (p + 1 < end && p[0] == ' ' && p[1] == ' ') break;
  }
  while (n > 0 && co_xt_in_list(t[n - 1].p, t[n - 1].n, CO_XT_CONNECT) && t[n - 1].p[0] != '&') n--;
  return n;
}
