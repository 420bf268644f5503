/* co_classify.c: one email in, label + extraction out.
 *
 * The model gives probabilities; a few rules then override it where a
 * phrase is near-certain evidence the model may not have seen in training:
 *   bulk_mail        List-Unsubscribe mail that names no application -> OTHER
 *   rejection_phrase "not to move forward", "position has been filled"... in
 *                    mail about an application the model called APPLIED/OTHER
 *   rejection_evidence / interview_evidence / offer_evidence
 *                    REJECTION/INTERVIEW/OFFER need their vocabulary (a
 *                    stated decision / interview, call, schedule / offer)
 *                    unless the model is sure (calibrated p >= 0.9);
 *   applied_evidence APPLIED (below 0.9) in mail without a single job word
 *                    in any of the seven languages -> OTHER;
 *                    otherwise the next class wins. These guard the precision
 *                    of the labels whose false positives cost the most (a
 *                    live application marked dead, a missed interview).
 *                    Why not always: word lists are never complete ("we'd
 *                    love to have you join" is an offer that never says
 *                    offer; most languages' decision phrases are missing),
 *                    and on the project's hold-outs (unseen languages and
 *                    author styles) the always-on rules cost more than they
 *                    saved; a sure model is right far more often than a
 *                    missing word is evidence against it.
 * Extraction (company, role, date) runs for every label; the interview
 * date only for INTERVIEW. All state is on the stack: thread-safe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_int.h"
#include "co_vec_e5.h"

#define CO_CLS_EVIDENCE_SURE 0.9f /* evidence rules apply only below this confidence */

#ifndef CO_CLASSIFY_MODEL_PATH
#define CO_CLASSIFY_MODEL_PATH "classify/model/careerops-offline.bin"
#endif

static const char *const NAMES[CO_CLASSIFY__N] = {"APPLIED", "INTERVIEW", "OFFER", "REJECTION", "OTHER"};

const char *co_classify_label_name(co_classify_label_t l) {
  return (unsigned)l < CO_CLASSIFY__N ? NAMES[l] : "UNKNOWN";
}

int co_classify_label_parse(const char *s) {
  if (!s) return -1;
  for (int i = 0; i < CO_CLASSIFY__N; i++)
    if (strcasecmp(s, NAMES[i]) == 0) return i;
  return -1;
}

const char *co_classify_default_model_path(void) {
  const char *e = getenv("CAREEROPS_CLASSIFY_MODEL");
  return e && *e ? e : CO_CLASSIFY_MODEL_PATH;
}

static int any_of(const char *t, size_t n, const char *const *phrases) {
  for (int i = 0; phrases[i]; i++)
    if (co_cls_memcasestr(t, n, phrases[i])) return 1;
  return 0;
}

/* 1 if the sentence holding pos (in t) is conditional: "If we decide not to
 * move forward, we will let you know" is not a rejection. */
static int conditional(const char *t, const char *pos) {
  const char *s = pos;
  while (s > t && s[-1] != '.' && s[-1] != '!' && s[-1] != '?' && s[-1] != '\n') s--;
  size_t n = (size_t)(pos - s);
  /* "until"/"once" clauses are about the future of an open posting: "open
   * until the position has been filled" is an acknowledgement's wording */
  static const char *const C[] = {"if ",    "should ", "in the event", "whether ", "unless ", "until ", "once the ",
                                  "once a ", "once we", "once our ", "once it", "once this ", NULL};
  if (s == pos) return 0;
  for (int i = 0; C[i]; i++)
    if (co_cls_memcasestr(s, n, C[i])) return 1;
  return 0;
}

/* Like any_of, but a phrase inside a conditional sentence does not count. */
static int any_asserted(const char *t, size_t n, const char *const *phrases) {
  for (int i = 0; phrases[i]; i++) {
    const char *p = t, *end = t + n, *hit;
    while (p < end && (hit = co_cls_memcasestr(p, (size_t)(end - p), phrases[i])) != NULL) {
      if (!conditional(t, hit)) return 1;
      p = hit + 1;
    }
  }
  return 0;
}

static const char *const APPLICATION_WORDS[] = {
    "your application", "you applied", "applying", "application for", "application to", "applied for", "interview",
    "offer", "your candidacy", "your interest in", "the position", "the role", NULL};

/* Words without which mail is not about a job application at all, in the
 * seven languages (lower case; matched case-insensitively as substrings, so
 * "applica" covers application/applicazione, "candida" candidate/candidatura). */
static const char *const JOB_WORDS[] = {
    "applica", "applied", "apply", "applying", "candida", "position", "role", "job", "career", "recruit", "hiring",
    "resume", "résumé", "curriculum", " cv", "vacanc", "opening", "assessment", "interview", "offer", "talent",
    "bewerb", "stelle", "lebenslauf", "personal", "solicitud", "postula", "puesto", "vacante", "selecci", "poste",
    "recrut", "emploi", "vaga", "currículo", "seletivo", "sollicit", "vacature", "functie", "kandida", "posizion",
    "ruolo", "lavoro", NULL};

static const char *const REJECTION_PHRASES[] = {
    "not to move forward", "not be moving forward", "not moving forward with your", "won't be moving forward",
    "will not be moving forward", "move forward with other candidates", "moving forward with other candidates",
    "decided to move forward with other", "pursue other candidates", "proceed with other candidates",
    "other candidates whose", "have not been selected", "were not selected", "not been selected for",
    "now been filled", "opening has been filled", "vacancy has been filled", "job has been filled",
    "we have filled the", "we've filled the",
    "will not be proceeding", "not to proceed with your", "decided not to proceed", "position has been filled",
    "role has been filled", "no longer considering your", "regret to inform", "decided to go with another",
    "selected another candidate", "not be progressing", "won't be progressing", "not progress your application",
    "application was unsuccessful", "application has been unsuccessful", "not be extending an offer",
    "no longer being considered", "requisition has been cancelled", "position has been cancelled",
    "not selected to move forward", "decided not to advance", "not to advance your", "not be moving ahead",
    "won't be moving ahead", "chosen to proceed with other", "chosen to pursue other",
    "chosen to move forward with other", "offered the role to another", "offered the position to another",
    "selected someone else", "not be inviting you",
    "unable to offer you an interview", "not among the candidates", "no longer under consideration",
    "has not been successful", "was not successful", "not been shortlisted", NULL};

/* Decision vocabulary a rejection states somewhere: a REJECTION prediction
 * with none of it (outside "if ..." sentences) is read as the next class.
 * Acknowledgements carry negative-sounding hedges ("we may not be able to
 * respond to everyone", "unfortunately we can't give feedback", "declining
 * to self-identify will not affect your application") but no decision, so
 * the list holds decision words only, not "not", "unfortunately", "regret"
 * or a bare "decision" (EEO text: "will not affect any hiring decision"),
 * and "can't offer" only with what is offered ("we can't offer individual
 * feedback" is a hedge). */
static const char *const REJECTION_CUES[] = {
    "decided", "difficult decision", "hard decision", "tough decision", "decision not to", "other candidate",
    "another candidate", "other applicant", "someone else", "has been filled", "have been filled", "been filled",
    "position is filled", "role is filled", "unsuccessful", "not successful", "not been successful", "not selected",
    "not been selected", "were not chosen", "not among", "not moving forward", "not be moving forward",
    "not to move forward", "won't be moving forward", "not move forward", "not be proceeding", "not to proceed",
    "not proceed", "not progress", "not be progressing", "won't be progressing", "not be taking", "not advance",
    "no longer under consideration", "no longer being considered", "no longer considering", "no longer available",
    "no longer hiring", "not be considered further", "regret to", "different direction", "closer match", "closer fit",
    "better match", "better fit", "more closely", "not the right fit", "wasn't the right fit", "not a fit",
    "unable to offer", "not be extending", "not be inviting", "not be offering", "closed the", "has been closed",
    "been cancelled", "been canceled", "on hold", "concluded our search", "not to pursue", "not pursue",
    "close your application", "not selected to", "unable to move forward", "cannot move forward", "can't move forward",
    "not continue", "not be continuing", "after careful consideration", "have chosen to", "has chosen to",
    "'ve chosen to", "chosen another", "selected another", "not be moving ahead", "won't be moving ahead",
    "not moving ahead", "offer you a place", "offer you a position", "offer you a role", "offer you the position",
    "offer you the role", "offer you an interview", "not to offer", "not shortlisted", "not been shortlisted",
    "filled the", "hired another", "hired someone", "have hired", "has hired", "not a match", "isn't a match",
    "wasn't a match", "not the best fit", "not a good fit", "not a strong match", "been withdrawn", "pursuing other",
    "going with another", "gone with another", "went with another", "not be scheduling", "not be able to invite",
    "filled this", "no longer open", "not be moving", "won't be moving", "been declined", "been rejected",
    "not been accepted", "unable to proceed", "won't be proceeding", "not be pursuing", "won't be pursuing", "we chose",
    "unable to consider", "do not meet the", "does not meet the", "did not meet the", "didn't meet the",
    /* the same decision vocabulary in the other supported languages (de, es, fr, pt, nl, it); hedges
     * ("leider", "lamentablemente", "malheureusement", "infelizmente", "helaas", "purtroppo") are not cues */
    "entschieden", "anderen kandidat", "andere kandidat", "anderen bewerber", "nicht weiter", "absage",
    "nicht berücksichtig", "bereits besetzt", "hemos decidido", "otros candidatos", "otro candidato",
    "no continuar", "no seguir", "no avanzar", "ha sido cubiert", "descartad", "avons décidé", "autres candidat",
    "autre candidat", "pas donner suite", "ne pas poursuivre", "pas été retenu", "pas retenu", "déjà été pourvu",
    "decidimos", "outros candidatos", "outro candidato", "não avançar", "não seguir", "não prosseguir",
    "não foi selecionad", "já foi preenchid", "besloten", "andere kandida", "niet verder", "afgewezen",
    "afwijzing", "niet geselecteerd", "al ingevuld", "abbiamo deciso", "altri candidati", "altro candidato",
    "non proseguire", "non procedere", "non è stata selezionat", "non sei stato selezionat", "già stata coperta",
    NULL};

static const char *const INTERVIEW_WORDS[] = {
    "interview", "screen", "call", "chat", "meet", "schedul", "availab", "speak", "conversation", "calendly", "zoom",
    "onsite", "on-site", "talk",
    /* de, es, fr, pt, nl, it */
    "gespräch", "kennenlernen", "telefonat", "video-call", "entrevista", "llamada", "reunión", "charla", "entretien",
    "rencontr", "disponib", "visio", "conversa", "chamada", "reunião", "gesprek", "kennismaking", "beschikbaar",
    "colloquio", "chiamata", "incontr", NULL};

/* "offer" in the other supported languages (an OFFER must say it). */
static const char *const OFFER_WORDS[] = {"offer", "angebot", "oferta", "offre", "aanbod", "offerta", "proposta", NULL};

static void second_best(const float *p, int exclude, co_classify_result_t *out) {
  int b = -1;
  for (int k = 0; k < CO_CLASSIFY__N; k++)
    if (k != exclude && (b < 0 || p[k] > p[b])) b = k;
  out->label = (co_classify_label_t)b;
  out->confidence = p[b];
}

static void summarize(const co_classify_input_t *in, co_classify_result_t *r) {
  const char *co = r->company, *ro = r->role;
  char what[300] = "";
  if (co[0] && ro[0]) snprintf(what, sizeof(what), "%s for the %s role", co, ro);
  else if (co[0]) snprintf(what, sizeof(what), "%s", co);
  else if (ro[0]) snprintf(what, sizeof(what), "the %s role", ro);
  switch (r->label) {
  case CO_CLASSIFY_APPLIED:
    if (what[0]) snprintf(r->summary, sizeof(r->summary), "Application to %s was received.", what);
    else snprintf(r->summary, sizeof(r->summary), "A job application was received.");
    break;
  case CO_CLASSIFY_INTERVIEW: {
    char when[64] = "";
    if (r->interview_at[0]) snprintf(when, sizeof(when), ", proposed for %s", r->interview_at);
    snprintf(r->summary, sizeof(r->summary), "%s invites you to interview%s%s%s%s.", co[0] ? co : "An employer",
             ro[0] ? " for the " : "", ro[0] ? ro : "", ro[0] ? " role" : "", when);
    break;
  }
  case CO_CLASSIFY_OFFER:
    snprintf(r->summary, sizeof(r->summary), "%s made you a job offer%s%s%s.", co[0] ? co : "An employer",
             ro[0] ? " for the " : "", ro[0] ? ro : "", ro[0] ? " role" : "");
    break;
  case CO_CLASSIFY_REJECTION:
    snprintf(r->summary, sizeof(r->summary), "%s will not move forward with your application%s%s%s.",
             co[0] ? co : "The employer", ro[0] ? " for the " : "", ro[0] ? ro : "", ro[0] ? " role" : "");
    break;
  default: {
    const char *s = in->subject && in->subject[0] ? in->subject : "(no subject)";
    snprintf(r->summary, sizeof(r->summary), "Not about a job application: \"%.100s\".", s);
    break;
  }
  }
}

const char *co_classify_embedder_id(const co_classify_model_t *m) {
  return m && m->cfg.embed_dim ? m->cfg.embed_id : NULL;
}

/* The email's embedding into out->embedding: the caller's, or computed by
 * the model's embedder from co_cls_embed_text(). */
static co_err_t embed_email(const co_classify_model_t *m, const co_classify_input_t *in, co_classify_result_t *out,
                            char *errstr, size_t errstr_size) {
  size_t dim = m->cfg.embed_dim;
  if (dim > CO_CLASSIFY_EMBED_MAX)
    return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "classify: %zu-dim embedding block", dim);
  if (in->embedding) {
    if (in->embedding_dim != dim)
      return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "classify: embedding has %zu dims, the model %zu",
                       in->embedding_dim, dim);
    memcpy(out->embedding, in->embedding, dim * sizeof(float));
  } else {
    if (!m->e5)
      return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG,
                       "classify: the model needs a %zu-dim embedding and has no embedder (not loaded from a file)", dim);
    char *text = malloc((size_t)m->cfg.embed_bytes + 1);
    if (!text) return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "classify: out of memory");
    co_cls_embed_text(&m->cfg, in, text, (size_t)m->cfg.embed_bytes + 1);
    co_err_t err = co_vec_e5_embed(m->e5, text, 0, (co_vec_e5_kind_t)m->cfg.embed_kind, out->embedding, errstr,
                                   errstr_size);
    free(text);
    if (err != CO_OK) return err;
  }
  out->embedding_dim = dim;
  return CO_OK;
}

co_err_t co_classify_email(const co_classify_model_t *m, const co_classify_input_t *in, co_classify_result_t *out,
                           char *errstr, size_t errstr_size) {
  co_cls_vec_t x = {0};
  co_err_t err = CO_OK;
  if (!m || !in || !out) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "classify: NULL model, input or result");
  memset(out, 0, sizeof(*out));
  co_classify_input_t ein;
  if (m->cfg.embed_dim) {
    if ((err = embed_email(m, in, out, errstr, errstr_size)) != CO_OK) return err;
    ein = *in;
    ein.embedding = out->embedding;
    ein.embedding_dim = out->embedding_dim;
    in = &ein;
  }
  if ((err = co_cls_featurize(&m->cfg, in, &x)) != CO_OK) {
    co_seterr(errstr, errstr_size, err, "classify: out of memory building features");
    goto err;
  }
  co_cls_predict(m, &x, out->probs);
  int best = 0;
  for (int k = 1; k < CO_CLASSIFY__N; k++)
    if (out->probs[k] > out->probs[best]) best = k;
  out->label = (co_classify_label_t)best;
  out->confidence = out->probs[best];

  const char *subj = in->subject ? in->subject : "";
  const char *body = in->body ? in->body : "";
  size_t bl = co_cls_unquoted_len(body);
  size_t sl = strlen(subj);
  int about_app = any_of(subj, sl, APPLICATION_WORDS) || any_of(body, bl, APPLICATION_WORDS);

  if (in->has_list_unsubscribe && !about_app && out->label != CO_CLASSIFY_OTHER) {
    out->label = CO_CLASSIFY_OTHER;
    out->confidence = out->probs[CO_CLASSIFY_OTHER] > 0.9f ? out->probs[CO_CLASSIFY_OTHER] : 0.9f;
    out->rule = "bulk_mail";
  } else if ((out->label == CO_CLASSIFY_APPLIED || out->label == CO_CLASSIFY_OTHER) && about_app &&
             (any_asserted(subj, sl, REJECTION_PHRASES) || any_asserted(body, bl, REJECTION_PHRASES))) {
    out->label = CO_CLASSIFY_REJECTION;
    out->confidence = out->probs[CO_CLASSIFY_REJECTION] > 0.9f ? out->probs[CO_CLASSIFY_REJECTION] : 0.9f;
    out->rule = "rejection_phrase";
  } else if (out->confidence >= CO_CLS_EVIDENCE_SURE) {
    /* sure enough: no missing word overrides it (see the file's comment) */
  } else if (out->label == CO_CLASSIFY_REJECTION && !any_asserted(subj, sl, REJECTION_CUES) &&
             !any_asserted(body, bl, REJECTION_CUES)) {
    second_best(out->probs, CO_CLASSIFY_REJECTION, out);
    out->rule = "rejection_evidence";
  } else if (out->label == CO_CLASSIFY_INTERVIEW && !any_of(subj, sl, INTERVIEW_WORDS) && !any_of(body, bl, INTERVIEW_WORDS)) {
    second_best(out->probs, CO_CLASSIFY_INTERVIEW, out);
    out->rule = "interview_evidence";
  } else if (out->label == CO_CLASSIFY_OFFER && !any_of(subj, sl, OFFER_WORDS) && !any_of(body, bl, OFFER_WORDS)) {
    second_best(out->probs, CO_CLASSIFY_OFFER, out);
    out->rule = "offer_evidence";
  } else if (out->label == CO_CLASSIFY_APPLIED && !any_of(subj, sl, JOB_WORDS) && !any_of(body, bl, JOB_WORDS)) {
    out->label = CO_CLASSIFY_OTHER; /* a shipped order is no application, however "Good news!" it opens */
    out->confidence = out->probs[CO_CLASSIFY_OTHER];
    out->rule = "applied_evidence";
  }

  co_cls_extract_company(subj, in->from, body, bl, out->company, sizeof(out->company));
  co_cls_extract_role(subj, body, bl, out->role, sizeof(out->role));
  if (out->label == CO_CLASSIFY_INTERVIEW) { /* calendar part first, then subject + new part of the body */
    co_classify_when_extract(in, &out->when);
    snprintf(out->interview_at, sizeof(out->interview_at), "%s", co_classify_when_iso(&out->when));
  }
  summarize(in, out);
err:
  co_cls_vec_free(&x);
  return err;
}
