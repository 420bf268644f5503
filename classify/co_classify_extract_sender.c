/* co_classify_extract_sender.c: what the sender says about the employer.
 *
 * The From header is split into display name, local part and domain. The
 * domain gives the employer's label ("acme" from mail.acme.co.uk) unless it
 * is free mail, an applicant-tracking system, a job board or a calendar tool;
 * then a tenant is tried (acme@myworkday.com, careers@acme.icims.com, a link
 * to acme.zoom.us or boards.greenhouse.io/acme). The display name is read
 * for the employer ("Acme via Greenhouse", "HR Acme", "Dana Lee | Acme",
 * "Lena from Acme") or found to be a person's. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_extract_int.h"
#include "co_classify_int.h"

void co_xt_trim(char* s) {
  size_t n = strlen(s), i = 0;
  while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '"' || s[n - 1] == '\'')) s[--n] = 0;
  while (s[i] && (isspace((unsigned char)s[i]) || s[i] == '"' || s[i] == '\'')) i++;
  memmove(s, s + i, n - i + 1);
}

void co_cls_parse_sender(const char* from, co_cls_sender_t* s) {
  memset(s, 0, sizeof(*s));
  if (!from) return;
  const char* lt = strchr(from, '<');
  const char* addr;
  size_t alen;
  if (lt) {
    co_xt_copyn(s->name, sizeof(s->name), from, (size_t)(lt - from));
    co_xt_trim(s->name);
    addr = lt + 1;
    const char* gt = strchr(addr, '>');
    alen = gt ? (size_t)(gt - addr) : strlen(addr); /* senders may be cut short */
  } else {
    addr = from;
    alen = strcspn(from, " \t(");
  }
  const char* at = memchr(addr, '@', alen);
  if (!at) {
    if (!lt) co_xt_copyn(s->name, sizeof(s->name), from, strlen(from)), co_xt_trim(s->name);
    return;
  }
  co_xt_copyn(s->local, sizeof(s->local), addr, (size_t)(at - addr));
  co_xt_copyn(s->domain, sizeof(s->domain), at + 1, alen - (size_t)(at + 1 - addr));
  co_xt_trim(s->local);
  co_xt_trim(s->domain);
  for (char* p = s->domain; *p; p++) *p = (char)tolower((unsigned char)*p);
}

static const char* const ATS[] = {"greenhouse.io",
                                  "greenhouse-mail.io",
                                  "lever.co",
                                  "myworkday.com",
                                  "workday.com",
                                  "myworkdayjobs.com",
                                  "icims.com",
                                  "smartrecruiters.com",
                                  "smartrecruitersmail.com",
                                  "ashbyhq.com",
                                  "linkedin.com",
                                  "indeed.com",
                                  "indeedemail.com",
                                  "jobvite.com",
                                  "taleo.net",
                                  "successfactors.com",
                                  "successfactors.eu",
                                  "sapsf.com",
                                  "bamboohr.com",
                                  "breezy.hr",
                                  "workable.com",
                                  "workablemail.com",
                                  "recruitee.com",
                                  "jazzhr.com",
                                  "applytojob.com",
                                  "oraclecloud.com",
                                  "ultipro.com",
                                  "ukg.com",
                                  "paylocity.com",
                                  "dayforcehcm.com",
                                  "ziprecruiter.com",
                                  "glassdoor.com",
                                  "teamtailor.com",
                                  "teamtailor-mail.com",
                                  "personio.de",
                                  "pinpointhq.com",
                                  "rippling.com",
                                  "gem.com",
                                  "eightfold.ai",
                                  "avature.net",
                                  "brassring.com",
                                  "adp.com",
                                  "paycomonline.net",
                                  "freshteam.com",
                                  "zohorecruit.com",
                                  "wellfound.com",
                                  "joinhandshake.com",
                                  "dice.com",
                                  "monster.com",
                                  "csod.com",
                                  "comeet.co",
                                  "hibob.com",
                                  "phenompeople.com",
                                  "careerbuilder.com",
                                  "simplyhired.com",
                                  "otta.com",
                                  "builtin.com",
                                  "hired.com",
                                  "sendgrid.net",
                                  "mailgun.org",
                                  "amazonses.com",
                                  "hirebridge.com",
                                  "clearcompany.com",
                                  "trakstar.com",
                                  "workstream.us",
                                  "fountain.com",
                                  NULL};

/* Personal mailboxes name no employer; neither do the RFC 2606 documentation
 * domains (example.com/.net/.org), which stand for a person's own address in
 * samples and tests (a reply the job seeker sent is not from "Example"). */
static const char* const FREEMAIL[] = {
    "gmail.com",   "googlemail.com", "yahoo.com",   "outlook.com", "hotmail.com", "live.com",   "icloud.com",
    "me.com",      "aol.com",        "proton.me",   "protonmail.com", "gmx.com",  "gmx.de",     "gmx.net",
    "mail.com",    "yandex.com",     "yandex.ru",   "mail.ru",     "web.de",      "t-online.de", "orange.fr",
    "free.fr",     "laposte.net",    "libero.it",   "qq.com",      "163.com",     "naver.com",  "yahoo.co.jp",
    "example.com", "example.net",    "example.org", NULL};

static int domain_in(const char* domain, const char* const* list) {
  size_t dl = strlen(domain);
  for (int i = 0; list[i]; i++) {
    size_t l = strlen(list[i]);
    if (dl >= l && strcmp(domain + dl - l, list[i]) == 0 && (dl == l || domain[dl - l - 1] == '.')) return 1;
  }
  return 0;
}

int co_cls_domain_is_ats(const char* domain) {
  return domain_in(domain, ATS);
}

/* Registrable label: "acme" from mail.acme.com or acme.co.uk. */
static void domain_label(const char* domain, char* out, size_t osz) {
  out[0] = 0;
  const char* labels[8];
  size_t lens[8];
  int n = 0;
  const char* p = domain;
  while (*p && n < 8) {
    const char* dot = strchr(p, '.');
    labels[n] = p;
    lens[n] = dot ? (size_t)(dot - p) : strlen(p);
    n++;
    if (!dot) break;
    p = dot + 1;
  }
  if (n < 2) return;
  int i = n - 2;
  if (n >= 3 && lens[i] <= 3 &&
      (!strncmp(labels[i], "co", lens[i]) || !strncmp(labels[i], "com", lens[i]) ||
       !strncmp(labels[i], "ac", lens[i]) || !strncmp(labels[i], "org", lens[i]) ||
       !strncmp(labels[i], "gov", lens[i])))
    i--;
  /* A sender cut short upstream ("jobs.acme.") leaves a service subdomain
   * where the name should be: the next label is the employer. */
  static const char* const SUBS[] = {"jobs",       "careers",       "career", "mail", "email", "talent", "hr",
                                     "recruiting", "notifications", "apply",  "e",    "em",    "news",   NULL};
  for (int k = 0; SUBS[k] && i + 1 < n && lens[i + 1] > 3; k++)
    if (strlen(SUBS[k]) == lens[i] && !strncmp(labels[i], SUBS[k], lens[i])) {
      i++;
      break;
    }
  co_xt_copyn(out, osz, labels[i], lens[i]);
}

static const char* const GENERIC_LOCAL[] = {"no-reply",     "noreply",  "notifications", "notification", "jobs",
                                            "careers",      "talent",   "recruiting",    "hr",           "donotreply",
                                            "do-not-reply", "info",     "mail",          "team",         "hello",
                                            "alerts",       "messages", "jobs-noreply",  "system",       "workday",
                                            "support",      "reply",    "apply",         "candidatures", "empleo",
                                            "carreiras",    "karriere", "bewerbung",     "vacatures",    "lavoraconnoi",
                                            "recrutement",  NULL};

/* Hosts of vendors that carry the employer as a subdomain or first path
 * segment of a link: acme.zoom.us, acme.teamtailor.com, acme.jobs.personio.de,
 * boards.greenhouse.io/acme, jobs.lever.co/acme, jobs.ashbyhq.com/acme. */
static void link_tenant(const char* t, size_t len, char* label, size_t lsz) {
  static const char* const SUB_HOSTS[] = {
      ".zoom.us",      ".teamtailor.com", ".jobs.personio.de",  ".jobs.personio.com", ".recruitee.com", ".workable.com",
      ".bamboohr.com", ".breezy.hr",      ".myworkdayjobs.com", ".softgarden.io",     ".webex.com",     NULL};
  static const char* const PATH_HOSTS[] = {"boards.greenhouse.io/", "job-boards.greenhouse.io/", "jobs.lever.co/",
                                           "jobs.ashbyhq.com/",     "apply.workable.com/",       NULL};
  static const char* const NOT_TENANT[] = {"www",  "us02web", "us04web", "us05web", "us06web", "eu01web", "app",
                                           "jobs", "careers", "apply",   "meet",    "api",     "embed",   NULL};
  const char *p = t, *end = t + len, *hit;
  while ((hit = co_cls_memcasestr(p, (size_t)(end - p), "://")) != NULL) {
    const char *h = hit + 3, *he = h;
    while (he < end && (isalnum((unsigned char)*he) || *he == '.' || *he == '-' || *he == '/')) he++;
    size_t hl = (size_t)(he - h);
    char host[160];
    co_xt_copyn(host, sizeof(host), h, hl);
    for (char* c = host; *c; c++) *c = (char)tolower((unsigned char)*c);
    char* slash = strchr(host, '/');
    for (int i = 0; PATH_HOSTS[i]; i++) {
      size_t pl = strlen(PATH_HOSTS[i]);
      if (!strncmp(host, PATH_HOSTS[i], pl) && host[pl]) {
        co_xt_copyn(label, lsz, host + pl, strcspn(host + pl, "/?#"));
        co_xt_squash(label, label, lsz, 0);
        return;
      }
    }
    if (slash) *slash = 0;
    size_t n = strlen(host);
    for (int i = 0; SUB_HOSTS[i]; i++) {
      size_t sl = strlen(SUB_HOSTS[i]);
      if (n > sl && !strcmp(host + n - sl, SUB_HOSTS[i])) {
        host[n - sl] = 0;
        char* dot = strrchr(host, '.');
        const char* ten = dot ? dot + 1 : host;
        if (!co_xt_in_list(ten, strlen(ten), NOT_TENANT)) {
          co_xt_squash(ten, label, lsz, 0);
          return;
        }
      }
    }
    p = hit + 3;
  }
}

/* The sender's display name: "Acme via Greenhouse", "Acme Recruiting",
 * "HR Acme", "Talent Acquisition at Acme", "Dana Lee | Acme", "Acme |
 * Careers". Writes the employer part into out ("" if none) and returns its
 * weight: 3 for a department or ATS sender, 2 for a part that agrees with
 * the domain, 0 for a person or a vendor. person: set when the name is a
 * person's. */
int co_xt_display_company(const char* name, const char* label, int ats, char* out, size_t osz, int* person,
                          int* relay) {
  char nm[128], part[4][128];
  int np = 0;
  *person = *relay = 0;
  out[0] = 0;
  co_xt_copyn(nm, sizeof(nm), name, strlen(name));
  /* "Acme via Flatchr", "Acme über JOIN", "Acme vía Factorial": a relay sends for Acme */
  static const char* const VIA[] = {" via ",        " über ",    " vía ", " tramite ", " através de ",
                                    " através da ", " through ", " par ", NULL};
  static const char* const CALENDARS[] = {
      "calendly", "calcom", "zoom", "doodle", "youcanbookme", "hubspot", "googlecalendar", "microsoftbookings", NULL};
  for (int k = 0; VIA[k]; k++) {
    char* via = strstr(nm, VIA[k]);
    if (!via) continue;
    char tool[128];
    co_xt_squash(via + strlen(VIA[k]), tool, sizeof(tool), 0);
    if (co_xt_in_list(tool, strlen(tool), CALENDARS)) return *person = 1, 0; /* "Dana Lee via Calendly" */
    *via = 0;
    *relay = 1;
    break;
  }
  static const char* const SPLIT[] = {" | ", "|",      " - ",  " – ",   " — ",    " · ",
                                      " @ ", " from ", " at ", " bei ", " chez ", NULL};
  char* s = nm;
  int affil = 0; /* "Lena from Acme", "Lena at Acme": the part after says where she works */
  while (np < 4) {
    char* cut = NULL;
    size_t cl = 0;
    for (int k = 0; SPLIT[k]; k++) {
      char* c = strstr(s, SPLIT[k]);
      if (c && (!cut || c < cut)) cut = c, cl = strlen(SPLIT[k]), affil = np == 0 ? k >= 7 : affil;
    }
    if (cut) *cut = 0;
    co_xt_copyn(part[np++], sizeof(part[0]), s, strlen(s));
    if (!cut) break;
    s = cut + cl;
  }
  int best = -1, best_w = 0, team_any = 0, teamonly[4] = {0};
  for (int i = 0; i < np; i++) {
    char* p = part[i];
    int team = 0;
    co_xt_trim(p);
    for (int k = 0; CO_XT_TEAM_PREFIX[k]; k++) {
      size_t tl = strlen(CO_XT_TEAM_PREFIX[k]);
      if (!strncasecmp(p, CO_XT_TEAM_PREFIX[k], tl) && p[tl]) {
        memmove(p, p + tl, strlen(p + tl) + 1);
        team = 1;
        break;
      }
    }
    co_cls_clean_company(p);
    size_t before = strlen(p);
    team |= co_xt_strip_trailing(p, CO_XT_TEAMWORDS);
    if (strchr(p, ' ') == NULL && co_xt_in_list(p, strlen(p), CO_XT_TEAMWORDS)) p[0] = 0, teamonly[i] = 1;
    if (before && !p[0]) teamonly[i] = 1;
    co_cls_clean_company(p);
    team_any |= team;
    if (!p[0] || co_xt_is_vendor(p)) continue;
    char key[128], gkey[128];
    co_xt_squash(p, key, sizeof(key), 0);
    co_xt_squash(p, gkey, sizeof(gkey), 1);
    int matches =
        label[0] && key[0] &&
        (!strcmp(key, label) || !strcmp(gkey, label) || (strlen(key) >= 4 && !strncmp(label, key, strlen(key))) ||
         (strlen(label) >= 4 && !strncmp(key, label, strlen(label))));
    int w = matches ? 2 : (team || ats || *relay) ? 3 : 0;
    if (w > best_w || (w && w == best_w && matches)) best = i, best_w = w;
  }
  /* "Dana Lee | Acme": the part after a person's name is the employer */
  if (best < 0 && np == 2 && part[1][0] && !teamonly[1] && !co_xt_is_vendor(part[1])) best = 1, best_w = affil ? 3 : 2;
  if (best < 0 && np == 2 && teamonly[1] && part[0][0]) best = 0, best_w = 3;
  if (best < 0 && np == 2 && teamonly[0] && part[1][0] && !co_xt_is_vendor(part[1])) best = 1, best_w = 3;
  if (best < 0) {
    *person = !ats && !team_any;
    return 0;
  }
  co_xt_copyn(out, osz, part[best], strlen(part[best]));
  return best_w;
}

/* 1 if a line of the body starts with the first word of name (a person
 * signs with their name), or name is written "Last, First". */
int co_xt_signs_as(const char* name, const char* body, size_t bl) {
  if (strchr(name, ',')) return 1;
  size_t fl = strcspn(name, " "), nl = strlen(name);
  char clean[128];
  co_xt_copyn(clean, sizeof(clean), name, nl);
  co_cls_clean_company(clean);
  if (fl < 2 || strlen(clean) != nl) return 0; /* "Acme Corp." is no person */
  for (const char *p = body, *end = body + bl; p < end;) {
    const char* eol = memchr(p, '\n', (size_t)(end - p));
    size_t ll = (size_t)((eol ? eol : end) - p);
    while (ll && (p[ll - 1] == ' ' || p[ll - 1] == '\r')) ll--;
    if ((ll == fl || ll == nl) && !strncmp(p, name, ll)) return 1; /* a line that is the first name or the whole name */
    p = eol ? eol + 1 : end;
  }
  return 0;
}

/* The employer's domain label ("" for free mail, ATS and job boards, whose
 * tenant is then tried: acme@myworkday.com, a link to acme.zoom.us). */
void co_xt_sender_label(const co_cls_sender_t* s, int ats, const char* body, size_t full_len, char* label, size_t lsz) {
  label[0] = 0;
  int freemail = s->domain[0] && domain_in(s->domain, FREEMAIL);
  if (s->domain[0] && !ats && !freemail) domain_label(s->domain, label, lsz);
  int vendor = label[0] && co_xt_is_vendor(label); /* stepstone.de, calcom.com: no employer */
  if (vendor) label[0] = 0;
  char lab[128];
  co_xt_squash(label, lab, sizeof(lab), 0); /* "hv-group" -> "hvgroup" */
  if (strchr(label, '-')) co_xt_copyn(label, lsz, lab, strlen(lab));
  /* Display names like "Workday@acme.com" carry the employer's domain. */
  const char* at = strchr(s->name, '@');
  if (at && !label[0]) {
    char d[128];
    co_xt_copyn(d, sizeof(d), at + 1, strlen(at + 1));
    for (char* p = d; *p; p++) *p = (char)tolower((unsigned char)*p);
    if (!co_cls_domain_is_ats(d) && !domain_in(d, FREEMAIL)) domain_label(d, label, lsz);
  }
  /* A tenant subdomain of the ATS: careers@acme.icims.com */
  if (!label[0] && ats) {
    static const char* const NOT_TENANT[] = {
        "us", "eu",   "mail",   "email", "em",    "e",      "hire", "jobs", "careers", "app", "notifications",
        "mg", "send", "bounce", "www",   "apply", "talent", NULL};
    const char* dot = strchr(s->domain, '.');
    size_t fl = dot ? (size_t)(dot - s->domain) : 0;
    if (fl >= 3 && !co_xt_in_list(s->domain, fl, NOT_TENANT) && co_cls_domain_is_ats(dot + 1) && strchr(dot + 1, '.') &&
        strcmp(dot + 1, "greenhouse.io") && strcmp(dot + 1, "lever.co")) {
      char t[128];
      co_xt_copyn(t, sizeof(t), s->domain, fl);
      co_xt_squash(t, label, lsz, 0);
      if (co_xt_is_vendor(label)) label[0] = 0;
    }
  }
  /* Workday-style tenants: acme@myworkday.com, acme-careers@... */
  if (!label[0] && ats && s->local[0] && strstr(s->domain, "linkedin") == NULL && strstr(s->domain, "indeed") == NULL) {
    char loc[128];
    co_xt_copyn(loc, sizeof(loc), s->local, strlen(s->local));
    char* dash = strchr(loc, '-');
    if (dash && co_xt_in_list(dash + 1, strlen(dash + 1), GENERIC_LOCAL)) *dash = 0;
    if (!co_xt_in_list(loc, strlen(loc), GENERIC_LOCAL) && strlen(loc) >= 3) co_xt_squash(loc, label, lsz, 0);
  }
  if (!label[0] && (ats || freemail || vendor || !s->domain[0])) link_tenant(body, full_len, label, lsz);
}

int co_xt_is_robot_local(const char* local) {
  return co_xt_in_list(local, strlen(local), GENERIC_LOCAL);
}

/* Sector words that end a company name and are run together with it in a
 * domain ("zugspitzmobility.de" for Zugspitz Mobility), in the seven
 * languages, folded to ASCII. Longest first where one ends another. Not
 * the short or compound-forming ones ("data", "bank", "tech", Dutch "groep",
 * German "gruppe"): "Polderdata" and "Zorggroep" are one word. */
static const char* const SECTOR_TAILS[] = {
    "medizintechnik", "maschinenbau",  "versicherungen", "versicherung", "lebensmittel",  "technologies",
    "therapeutics",   "assicurazioni", "verzekeringen",  "technologie",  "engineering",   "consultoria",
    "healthcare",     "immobilien",    "consulting",     "technology",   "industries",    "automotive",
    "logistique",     "assurances",    "financial",      "logistics",    "analytics",     "solutions",
    "soluciones",     "logistica",     "logistik",       "robotics",     "networks",      "security",
    "partners",       "ventures",      "holdings",       "sistemas",     "sistemi",       "software",
    "mobility",       "beratung",      "services",       "servicios",    "servizi",       "diensten",
    "energie",        "energia",       "digital",        "systems",      "systeme",       "capital",
    "finance",        "biotech",       "holding",        "telecom",      "studios",
    "gruppo",         "energy",        "health",         "pharma",       "gaming",        "studio",
    "medical",        "retail",        "motors",         "design",       "banque",        "seguros",
    "conseil",        "media",         "games",          "cloud",        "group",         "grupo",
    "foods",          NULL};

/* Sector words that open a company name in the Romance languages ("Grupo
 * Alameda", "Banca del Lago", "Groupe Rivage"), folded to ASCII; longest
 * first where one opens another. */
static const char* const SECTOR_HEADS[] = {
    "assicurazioni", "construcciones", "distribuciones", "laboratoires", "laboratorios", "inmobiliaria",
    "imobiliaria",   "farmaceutica",   "transportes",    "tecnologias",  "tecnologia",   "assurances",
    "soluciones",    "solucoes",       "industrias",     "transports",   "consultores",  "trasporti",
    "servicios",     "servizi",        "sistemas",       "energias",     "energia",      "farmacia",
    "clinique",      "clinica",        "hoteles",        "officine",     "seguros",      "mercado",
    "groupe",        "gruppo",         "grupo",          "banco",        "banca",        "banque",
    NULL};

/* After a sector head: "del", "della", "dos"... ("Banco del Sur"). */
static const char* const HEAD_LINKS[] = {"della", "delle", "dello", "degli", "del", "dei", "dos", "das", "des", NULL};

static void title_word(char* w) {
  w[0] = (char)toupper((unsigned char)w[0]);
}

void co_xt_label_words(const char* label, char* out, size_t osz) {
  size_t ll = strlen(label), cut = 0;
  for (int i = 0; SECTOR_TAILS[i] && !cut; i++) {
    size_t tl = strlen(SECTOR_TAILS[i]);
    if (ll >= tl + 4 && !strcmp(label + ll - tl, SECTOR_TAILS[i])) cut = ll - tl;
  }
  if (cut && cut + 2 < osz) {
    co_xt_copyn(out, osz, label, cut);
    snprintf(out + cut, osz - cut, " %s", label + cut);
    title_word(out + cut + 1);
    title_word(out);
    return;
  }
  for (int i = 0; SECTOR_HEADS[i]; i++) {
    size_t hl = strlen(SECTOR_HEADS[i]);
    if (ll < hl + 3 || strncmp(label, SECTOR_HEADS[i], hl)) continue;
    const char* rest = label + hl;
    size_t kl = 0;
    for (int k = 0; HEAD_LINKS[k] && !kl; k++) {
      size_t l = strlen(HEAD_LINKS[k]);
      if (strlen(rest) >= l + 3 && !strncmp(rest, HEAD_LINKS[k], l)) kl = l;
    }
    if (kl)
      snprintf(out, osz, "%.*s %.*s %s", (int)hl, label, (int)kl, rest, rest + kl);
    else
      snprintf(out, osz, "%.*s %s", (int)hl, label, rest);
    title_word(out);
    title_word(strrchr(out, ' ') + 1);
    return;
  }
  co_xt_copyn(out, osz, label, ll);
  title_word(out);
}
