/* Proves acknowledgements that carry rejection-sounding hedges stay
 * APPLIED and rejections that carry the same hedges stay REJECTION, with
 * the model the build trains. The emails are written here, in words that
 * are not in data/train (no template sentence is reused), so they check
 * generalisation rather than recall of the corpus. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_classify.h"

typedef struct mail_s {
  const char *subject, *from, *body;
  co_classify_label_t want;
} mail_t;

static const mail_t MAILS[] = {
    {"Thanks for your application!", "Orchard Systems <no-reply@orchardsystems.com>",
     "Hi Pat,\n\nThis is a quick note to say your application for Junior Data Engineer came through. Our recruiters go "
     "through applications every week.\n\nWe wish we could write back to every single applicant, but with the number "
     "of "
     "people applying that just isn't possible. If your experience lines up with the job, someone from our team will "
     "get in touch; if not, your resume will remain in our system for other openings.\n\nOrchard Systems Recruiting",
     CO_CLASSIFY_APPLIED},
    {"Application received - Logistics Coordinator", "Brightwater Freight <brightwater@myworkday.com>",
     "Dear Pat,\n\nYour application for Logistics Coordinator has been submitted.\n\nSelf-Identification (optional)\n"
     "Employers that contract with the federal government invite applicants to report veteran and disability status. "
     "You can choose not to answer. Whether you answer or not has no effect on how your application is considered.\n\n"
     "Sadly, we're not able to share feedback with individual applicants.\n\nBrightwater Freight Talent Team",
     CO_CLASSIFY_APPLIED},
    {"We have your application", "Kettle & Pine Careers <careers@kettlepine.com>",
     "Hello Pat,\n\nThanks for putting yourself forward for the Store Analyst opening at Kettle & Pine. We've logged "
     "your "
     "application.\n\nPlease understand that only people invited to the next step will hear from us, since we receive "
     "far more applications than we can answer one by one.\n\nKettle & Pine People Team",
     CO_CLASSIFY_APPLIED},
    {"Store Analyst - Kettle & Pine", "Kettle & Pine Careers <careers@kettlepine.com>",
     "Hello Pat,\n\nThank you for your patience. We have now completed our review for the Store Analyst opening and, "
     "unfortunately, we have decided to continue with other candidates.\n\nWe're not able to share feedback with "
     "individual applicants, but we'll keep your resume in our system for other openings.\n\nKettle & Pine People Team",
     CO_CLASSIFY_REJECTION},
    {"Your application for Junior Data Engineer", "Orchard Systems <no-reply@orchardsystems.com>",
     "Hi Pat,\n\nThe Junior Data Engineer position has now been filled. Thank you for your interest in Orchard "
     "Systems, "
     "and we hope you'll look at our other openings.\n\nOrchard Systems Recruiting",
     CO_CLASSIFY_REJECTION},
    {"Update", "Lee Moss <lee.moss@brightwaterfreight.com>",
     "Hi Pat,\n\nThanks for talking with us last week. After a lot of thought we're not moving forward with your "
     "application for Logistics Coordinator at this time. I really enjoyed our conversation.\n\nLee",
     CO_CLASSIFY_REJECTION},
};

static void hedges_do_not_decide(void **state) {
  (void)state;
  char err[512];
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  int wrong = 0;
  for (size_t i = 0; i < sizeof(MAILS) / sizeof(MAILS[0]); i++) {
    co_classify_input_t in = {.subject = MAILS[i].subject, .from = MAILS[i].from, .body = MAILS[i].body};
    co_classify_result_t r;
    assert_int_equal(co_classify_email(m, &in, &r, err, sizeof(err)), CO_OK);
    printf("%zu: want %s got %s (p APPLIED %.2f REJECTION %.2f, rule %s)\n", i, co_classify_label_name(MAILS[i].want),
           co_classify_label_name(r.label), r.probs[CO_CLASSIFY_APPLIED], r.probs[CO_CLASSIFY_REJECTION],
           r.rule ? r.rule : "-");
    wrong += r.label != MAILS[i].want;
  }
  assert_int_equal(wrong, 0);
  co_classify_destroy(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(hedges_do_not_decide)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
