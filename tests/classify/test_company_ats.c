/* Proves the employer is found when the sender is an ATS or job board (the
 * employer then comes from the text or the tenant), from a company's own
 * mailbox, and from a recruiter's signature, with legal suffixes dropped;
 * LinkedIn's verbatim employer, acronyms spelled out in the text, and
 * cut-short senders whose first label is a service subdomain. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "co_classify.h"
#include "co_classify_int.h"

typedef struct ex_s {
  const char *subject, *from, *body, *want;
} ex_t;

static const ex_t EX[] = {
    /* LinkedIn's template names the employer verbatim: lower case, digits, an acronym tail dropped */
    {"Jo, your application was sent to brindle", "LinkedIn <jobs-noreply@linkedin.com>",
     "Your application was sent to brindle\nbrindle\nData Analyst", "brindle"},
    {"Jo, your application was sent to Cartwell 9", "LinkedIn <jobs-noreply@linkedin.com>",
     "Your application was sent to Cartwell 9\nCartwell 9\nQA Engineer", "Cartwell 9"},
    {"Jo, your application was sent to Northam Field Services - NFS", "LinkedIn <jobs-noreply@linkedin.com>",
     "Your application was sent to Northam Field Services - NFS", "Northam Field Services"},
    /* an acronym sender spelled out in the subject or body */
    {"Your application at Pell Orchard Group", "POG Talent Acquisition Team <talent@pellorchardgroup.example>",
     "Thanks for applying. The team will review your application.", "Pell Orchard Group"},
    {"Internship decision", "laserfiche@mvha.example",
     "Dear Jo,\nThank you for applying to the Meadow Valley Housing Authority internship.", "Meadow Valley Housing Authority"},
    /* a sender cut short upstream: the service subdomain is not the employer */
    {"Thank you for your Application!", "Kestrelwood Recruiting <do-not-reply@jobs.kestrelwood.",
     "We have received your application.", "Kestrelwood"},
    {"Thank you for your application", "Pelican Systems Careers <pelicansystems@myworkday.com>",
     "Dear Jo,\nThank you for applying to Pelican Systems, Inc.! Your application for JR-2231 Cloud Engineer is in review.", "Pelican Systems"},
    {"Application update", "<marrowfield@myworkday.com>",
     "Hello,\nWe received your submission for Req 4410 Data Engineer. The Marrowfield Talent Acquisition team will review it.",
     "Marrowfield"},
    {"Thanks for applying!", "Orchard Lane Labs Recruiting <no-reply@us.greenhouse-mail.io>",
     "Hi Jo,\nThanks for your interest in Orchard Lane Labs. We've got your application for Product Designer.", "Orchard Lane Labs"},
    {"Your application", "Tessellate <no-reply@hire.lever.co>",
     "Hi Jo — thanks for applying to the Backend Engineer role. We'll be in touch.", "Tessellate"},
    {"Jo, your application was sent to Quillon Health", "LinkedIn <jobs-noreply@linkedin.com>",
     "Your application was sent to Quillon Health\nQuillon Health\nClinical Analyst\nQuillon Health · Boston, MA", "Quillon Health"},
    {"Application received", "Brightwater Energy Talent Acquisition <no-reply@icims.com>",
     "Thank you for your interest in a career at Brightwater Energy LLC. Your application is complete.", "Brightwater Energy"},
    {"We got your application", "Kiln & Co <notifications@ashbyhq.com>",
     "Thanks for applying to Kiln & Co! We review every application.", "Kiln & Co"},
    {"Your application to Ostara Robotics GmbH", "Ostara Robotics <noreply@smartrecruiters.com>",
     "Dear applicant, your application has been submitted to Ostara Robotics GmbH.", "Ostara Robotics"},
    {"Re: Analyst role", "Dana Whitfield <dana.whitfield@lanternbay.com>",
     "Hi Jo,\nThanks for your time today.\n\nBest,\nDana Whitfield\nSenior Recruiter, Lantern Bay Capital", "Lantern Bay Capital"},
    {"Application submitted: Buyer", "Indeed Apply <indeedapply@indeed.com>",
     "Good luck! Fernhill Markets has received your application.\nBuyer\nFernhill Markets - Denver, CO", "Fernhill Markets"},
    {"Your application", "Workday@harbordyne.com <harbordyne@myworkday.com>",
     "Thank you for applying to Harbordyne! We are reviewing your resume for R100 Mechanical Engineer.", "Harbordyne"},
    {"Update on your candidacy", "Cobalt Ridge Careers <careers@cobaltridge.com>",
     "Thank you for applying. We have decided to move forward with other candidates.", "Cobalt Ridge"},
};

static void ats_and_direct_senders(void **state) {
  (void)state;
  char got[128];
  int fails = 0;
  for (size_t i = 0; i < sizeof(EX) / sizeof(EX[0]); i++) {
    co_cls_extract_company(EX[i].subject, EX[i].from, EX[i].body, strlen(EX[i].body), got, sizeof(got));
    if (strcmp(got, EX[i].want) != 0) {
      printf("example %zu: want '%s', got '%s'\n", i, EX[i].want, got);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

static void legal_suffixes_dropped(void **state) {
  (void)state;
  const char *in[] = {"Acme, Inc.", "Acme Inc", "Acme LLC", "Acme Ltd.", "Acme GmbH", "Acme Corp.", "Acme Corporation", "Acme"};
  for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
    char b[64];
    snprintf(b, sizeof(b), "%s", in[i]);
    co_cls_clean_company(b);
    assert_string_equal(b, "Acme");
  }
}

static void full_path_fills_company_and_role(void **state) {
  (void)state;
  char err[512];
  co_classify_model_t *m = co_classify_load(co_classify_default_model_path(), err, sizeof(err));
  assert_non_null(m);
  co_classify_input_t in = {.subject = "Thank you for applying to Pelican Systems",
                            .from = "Pelican Systems Careers <pelicansystems@myworkday.com>",
                            .body = "Hi Jo,\nWe have received your application for the Cloud Engineer position. Our team will review it.",
                            .date = "Tue, 4 Mar 2025 10:00:00 -0500"};
  co_classify_result_t r;
  assert_int_equal(co_classify_email(m, &in, &r, err, sizeof(err)), CO_OK);
  assert_int_equal(r.label, CO_CLASSIFY_APPLIED);
  assert_string_equal(r.company, "Pelican Systems");
  assert_string_equal(r.role, "Cloud Engineer");
  assert_non_null(strstr(r.summary, "Pelican Systems"));
  co_classify_destroy(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(ats_and_direct_senders), cmocka_unit_test(legal_suffixes_dropped),
                                     cmocka_unit_test(full_path_fills_company_and_role)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
