/* Proves the embedding block moves non-English interview invitations the
 * right way: on eight invitations written here (German, Spanish, French,
 * Portuguese, Dutch, Italian, and two languages the corpus does not have:
 * Swedish and Polish), the shipped model (n-grams + multilingual-e5-small)
 * gives INTERVIEW a higher mean probability than the n-gram-only model the
 * build trains from the same corpus, and labels at least as many of them
 * INTERVIEW. Both models come from the build (co_classify_model). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_classify.h"

static const struct {
  const char *lang, *subject, *from, *body;
} INVITES[] = {
    {"de", "Einladung zum Gespräch", "Katrin Vogel <k.vogel@brennwerk.de>",
     "Hallo Alex,\n\nvielen Dank für Ihre Bewerbung. Wir würden Sie gern persönlich kennenlernen und laden Sie zu "
     "einem Vorstellungsgespräch ein. Hätten Sie am Donnerstag um 14 Uhr Zeit?\n\nViele Grüße\nKatrin Vogel"},
    {"es", "Entrevista para el puesto de analista", "Lucía Marín <lucia@tornasol.es>",
     "Hola Alex:\n\nGracias por tu interés. Nos gustaría invitarte a una entrevista por videollamada con el equipo. "
     "¿Te viene bien el martes a las 11:00?\n\nUn saludo,\nLucía"},
    {"fr", "Votre candidature : prochaine étape", "Claire Dubois <c.dubois@verlaine-conseil.fr>",
     "Bonjour Alex,\n\nNous avons bien étudié votre profil et souhaitons vous rencontrer lors d'un entretien d'une "
     "heure avec le responsable de l'équipe. Êtes-vous disponible mercredi à 15h ?\n\nCordialement,\nClaire"},
    {"pt", "Convite para entrevista", "Rafael Costa <rafael@marebrava.pt>",
     "Olá Alex,\n\nGostaríamos de marcar uma entrevista consigo para conversarmos sobre a vaga. Tem disponibilidade "
     "na sexta-feira às 10h?\n\nCumprimentos,\nRafael"},
    {"nl", "Uitnodiging sollicitatiegesprek", "Sanne de Wit <sanne@dijkstroom.nl>",
     "Beste Alex,\n\nBedankt voor je sollicitatie. We nodigen je graag uit voor een kennismakingsgesprek met het "
     "team. Schikt maandag om 13:00 uur?\n\nMet vriendelijke groet,\nSanne"},
    {"it", "Colloquio conoscitivo", "Giulia Ferri <giulia.ferri@ventorosa.it>",
     "Ciao Alex,\n\nabbiamo letto con interesse la tua candidatura e vorremmo fissare un colloquio online con il "
     "responsabile. Saresti disponibile giovedì alle 16?\n\nA presto,\nGiulia"},
    {"sv", "Inbjudan till intervju", "Erik Lund <erik.lund@fjallsten.se>",
     "Hej Alex,\n\ntack för din ansökan. Vi vill gärna bjuda in dig till en intervju med teamet. Passar det på "
     "tisdag klockan 10?\n\nVänliga hälsningar,\nErik"},
    {"pl", "Zaproszenie na rozmowę kwalifikacyjną", "Anna Nowak <anna.nowak@wisla-soft.pl>",
     "Dzień dobry,\n\ndziękujemy za przesłanie aplikacji. Chcielibyśmy zaprosić Pana na rozmowę kwalifikacyjną "
     "online. Czy pasuje Panu środa o 12:00?\n\nPozdrawiam,\nAnna"},
};
#define N (sizeof(INVITES) / sizeof(INVITES[0]))

static void run(const co_classify_model_t *m, double *mean_p, int *labelled) {
  char err[512];
  *mean_p = 0;
  *labelled = 0;
  for (size_t i = 0; i < N; i++) {
    co_classify_input_t in = {.subject = INVITES[i].subject, .from = INVITES[i].from, .body = INVITES[i].body};
    co_classify_result_t r;
    assert_int_equal(co_classify_email(m, &in, &r, err, sizeof(err)), CO_OK);
    printf("  %s p(INTERVIEW) %.3f -> %s%s%s\n", INVITES[i].lang, r.probs[CO_CLASSIFY_INTERVIEW],
           co_classify_label_name(r.label), r.rule ? " rule " : "", r.rule ? r.rule : "");
    *mean_p += r.probs[CO_CLASSIFY_INTERVIEW] / N;
    *labelled += r.label == CO_CLASSIFY_INTERVIEW;
  }
}

static void embedding_reads_non_english_invitations_better(void **state) {
  (void)state;
  char err[512];
  co_classify_model_t *ng = co_classify_load(CO_TEST_NGRAM_MODEL, err, sizeof(err));
  assert_non_null(ng);
  co_classify_model_t *em = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(em);
  assert_non_null(co_classify_embedder_id(em));
  assert_null(co_classify_embedder_id(ng));
  double p_ng, p_em;
  int l_ng, l_em;
  printf("n-gram only:\n");
  run(ng, &p_ng, &l_ng);
  printf("n-gram + e5:\n");
  run(em, &p_em, &l_em);
  printf("mean p(INTERVIEW): n-gram %.3f, + e5 %.3f; labelled INTERVIEW: %d vs %d of %zu\n", p_ng, p_em, l_ng, l_em, N);
  assert_true(p_em > p_ng);
  assert_true(l_em >= l_ng);
  co_classify_destroy(ng);
  co_classify_destroy(em);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(embedding_reads_non_english_invitations_better)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
