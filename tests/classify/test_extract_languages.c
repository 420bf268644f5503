/* Proves, on mail written for this test (names that are in no corpus), that
 * company extraction in the seven languages takes the employer and never
 * the ATS vendor, the job board or the candidate: a vendor-only sender with
 * the company in the signature, "X über JOIN" / "X via Greenhouse", a
 * department prefix ("Recrutamento X"), a lead-in of the language ("trabajar
 * en", "presso"), a title line followed by the company, a job board's
 * relay; that legal forms of the seven languages are dropped; and that role
 * phrases of each language ("Stelle als", "puesto de", "poste de", "vaga
 * de", "functie van", "posizione di") give the title without its gender
 * tag, in the body and in a subject. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_classify_int.h"

typedef struct ex_s {
  const char *subject, *from, *body, *want;
} ex_t;

static const ex_t COMPANY[] = {
    {"Ihre Bewerbung", "Personalabteilung <noreply@personio.de>",
     "Guten Tag Herr Albers,\n\nvielen Dank für Ihre Bewerbung. Wir melden uns in Kürze.\n\nMit freundlichen Grüßen\n"
     "Kessler Feinmechanik GmbH\nRingstraße 4, 80331 München",
     "Kessler Feinmechanik"},
    {"Eingangsbestätigung", "Auerbach Optik über JOIN <no-reply@join.com>",
     "Hallo Mira,\n\nwir haben deine Unterlagen erhalten.\n\nDein Team", "Auerbach Optik"},
    {"Tu candidatura", "Ana Ruiz <ana.ruiz@grupo-hl.es>",
     "Hola Pedro:\n\nGracias por tu interés en trabajar en Hidráulica Levante. Te llamo el lunes.\n\nUn saludo,\nAna "
     "Ruiz",
     "Hidráulica Levante"},
    {"Votre candidature a été envoyée à Atelier Corbin", "Welcome to the Jungle <no-reply@welcometothejungle.com>",
     "Bonne nouvelle, Chloé ! Votre candidature a été envoyée à Atelier Corbin.", "Atelier Corbin"},
    {"Candidatura recebida", "Recrutamento Vidraria Tejo <recrutamento@vtejo.pt>",
     "Olá Inês,\n\nrecebemos a sua candidatura e entraremos em contacto.\n\nCumprimentos", "Vidraria Tejo"},
    {"Re: gesprek", "Karin de Wit <k.dewit@hvh.nl>",
     "Beste Lotte,\n\nDank voor het prettige gesprek.\n\nMet vriendelijke groet,\nKarin de Wit\nRecruiter\n"
     "Houtindustrie Van Hal B.V.\nDorpsstraat 8, Zwolle",
     "Houtindustrie Van Hal"},
    {"Candidatura", "Mario Greco <m.greco@gruppo-csn.it>",
     "Gentile Laura Conti,\n\ngrazie per l'interesse a lavorare presso Ceramiche Sassuolo Nord S.p.A., la "
     "contatteremo.\n\n"
     "Cordiali saluti,\nMario Greco",
     "Ceramiche Sassuolo Nord"},
    {"Thanks for applying", "Brightline Freight via Greenhouse <no-reply@greenhouse.io>",
     "Hi Morgan,\n\nThanks for applying. We'll review your application shortly.", "Brightline Freight"},
    /* "Name from Company", an ATS tenant subdomain, a German "Ihr X-Team" sign-off */
    {"Quick question", "Lena from Quillbrook <lena@qbk.io>", "Hi Sam,\n\nare you free for a call on Friday?\n\nLena",
     "Quillbrook"},
    {"Application received", "Careers <careers@ostrander.icims.com>",
     "Dear Applicant,\n\nThank you. Your application has been received.", "Ostrander"},
    {"Eingangsbestätigung", "Bewerbermanagement <bewerbung@lq-karriere.de>",
     "Guten Tag,\n\nwir haben Ihre Unterlagen erhalten.\n\nFreundliche Grüße\nIhr Lindqvist Kältetechnik-Team",
     "Lindqvist Kältetechnik"},
    /* only the domain names the employer: split before a sector word it
     * ends with, after one a Romance name opens with; a personal mailbox
     * (the job seeker's own reply) names none */
    {"Re: Termin", "Jonas <jonas@kormoranlogistik.de>", "Hallo Mia,\n\nDonnerstag passt.\n\nJonas",
     "Kormoran Logistik"},
    {"Re: entrevista", "Luis <luis@bancodelvalle.es>", "Hola Eva:\n\nel jueves me va bien.\n\nLuis", "Banco del Valle"},
    {"Re: colloquio", "Marta <marta@gruppotorrenova.it>", "Ciao Paolo,\n\ngiovedì va bene.\n\nMarta",
     "Gruppo Torrenova"},
    {"Re: next steps", "Sam Lee <sam.lee@example.net>", "Hi Dana,\n\nThursday works for me.\n\nSam", ""},
    /* the candidate's own name is not the employer, nor is the board */
    {"Morgan Hale, your application was sent", "Indeed <noreply@indeed.com>",
     "Morgan Hale,\n\nyour application was sent to Tallis Maritime.\n\nGood luck, Morgan Hale!", "Tallis Maritime"},
};

static void company_seven_languages(void** state) {
  (void)state;
  char got[128];
  int fails = 0;
  for (size_t i = 0; i < sizeof(COMPANY) / sizeof(COMPANY[0]); i++) {
    const ex_t* e = &COMPANY[i];
    co_cls_extract_company(e->subject, e->from, e->body, strlen(e->body), got, sizeof(got));
    if (strcmp(got, e->want) != 0) printf("company %zu: want '%s', got '%s'\n", i, e->want, got), fails++;
  }
  assert_int_equal(fails, 0);
}

static void legal_forms_dropped(void** state) {
  (void)state;
  static const char* const IN[][2] = {{"Kessler GmbH & Co. KG", "Kessler"},
                                      {"Isar Werk AG", "Isar Werk"},
                                      {"Hidráulica Levante S.L.", "Hidráulica Levante"},
                                      {"Grupo Lux S.A. de C.V.", "Grupo Lux"},
                                      {"Atelier Corbin SARL", "Atelier Corbin"},
                                      {"Voiles Nantaises SAS", "Voiles Nantaises"},
                                      {"Vidraria Tejo, Lda.", "Vidraria Tejo"},
                                      {"Serra Verde Ltda.", "Serra Verde"},
                                      {"Houtindustrie Van Hal B.V.", "Houtindustrie Van Hal"},
                                      {"Rijnmond N.V.", "Rijnmond"},
                                      {"Ceramiche Nord S.p.A.", "Ceramiche Nord"},
                                      {"Pastai Riuniti S.r.l.", "Pastai Riuniti"},
                                      {"Tallis Maritime LLC", "Tallis Maritime"},
                                      {"Kiln & Co", "Kiln & Co"}};
  for (size_t i = 0; i < sizeof(IN) / sizeof(IN[0]); i++) {
    char b[128];
    snprintf(b, sizeof(b), "%s", IN[i][0]);
    co_cls_clean_company(b);
    if (strcmp(b, IN[i][1]) != 0) printf("legal %zu: want '%s', got '%s'\n", i, IN[i][1], b);
    assert_string_equal(b, IN[i][1]);
  }
}

static const ex_t ROLE[] = {
    {"Ihre Bewerbung", "",
     "vielen Dank für Ihre Bewerbung auf die Stelle als Fachkraft für Lagerlogistik (m/w/d) bei uns.",
     "Fachkraft für Lagerlogistik"},
    {"Bewerbung eingegangen – Elektroniker Betriebstechnik (m/w/d)", "", "Hallo Mira,\n\ndanke!",
     "Elektroniker Betriebstechnik"},
    {"Tu candidatura", "", "Gracias por presentarte al puesto de Técnico de Mantenimiento en nuestra planta de Elche.",
     "Técnico de Mantenimiento"},
    {"Votre candidature", "", "Merci pour votre candidature au poste de Responsable logistique (H/F) chez nous.",
     "Responsable logistique"},
    {"Sua candidatura", "", "Recebemos a sua candidatura para a vaga de Analista de Qualidade na nossa fábrica.",
     "Analista de Qualidade"},
    {"Je sollicitatie", "", "Bedankt voor je sollicitatie op de functie van Medewerker inkoop bij ons bedrijf.",
     "Medewerker inkoop"},
    {"La sua candidatura", "",
     "Abbiamo ricevuto la sua candidatura per la posizione di Addetto alle vendite presso il punto vendita.",
     "Addetto alle vendite"},
    {"Your application", "", "Thank you for applying for the Warehouse Operations Supervisor position.",
     "Warehouse Operations Supervisor"},
};

static void role_seven_languages(void** state) {
  (void)state;
  char got[128];
  int fails = 0;
  for (size_t i = 0; i < sizeof(ROLE) / sizeof(ROLE[0]); i++) {
    co_cls_extract_role(ROLE[i].subject, ROLE[i].body, strlen(ROLE[i].body), got, sizeof(got));
    if (strcmp(got, ROLE[i].want) != 0) printf("role %zu: want '%s', got '%s'\n", i, ROLE[i].want, got), fails++;
  }
  assert_int_equal(fails, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(company_seven_languages), cmocka_unit_test(legal_forms_dropped),
                                     cmocka_unit_test(role_seven_languages)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
