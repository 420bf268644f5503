/* pipeline_role_titles_name_the_same_job: the role comparison behind "one
 * application per job" (co_pipeline_role.c): spellings of one job are the
 * same (abbreviations, company words, gender tags, requisition ids on one
 * side, seniority on one side, a team in parentheses, punctuation), while
 * different jobs, conflicting requisition ids and conflicting seniority are
 * not; partial overlaps are only "similar"; requisition ids are found in
 * text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "co_pipeline_int.h"

static int same(const char *a, const char *b, const char *company) {
  co_pl_role_t ra, rb;
  co_pl_role_canon(a, company, &ra);
  co_pl_role_canon(b, company, &rb);
  return co_pl_role_same(&ra, &rb);
}

static void spellings_of_one_job_are_the_same(void **state) {
  (void)state;
  static const char *pairs[][3] = {
      {"Site Reliability Engineer", "Harbor Logistics SRE", "Harbor Logistics"},
      {"Software Engineer", "SWE", "Acme"},
      {"Software Development Engineer", "Software Engineer", "Acme"},
      {"Sr. Data Analyst (m/w/d)", "Senior Data Analyst", "Acme"},
      {"Backend Engineer - Req 40211", "Back-End Developer", "Acme"},
      {"Frontend Developer", "Front End Engineer", "Acme"},
      {"Full-Stack Engineer", "Full Stack Developer", "Acme"},
      {"Data Scientist (Credit Risk)", "Data Scientist", "Acme"},
      {"Product Manager", "PM", "Acme"},
      {"DevOps Engineer (w/m/d)", "DevOps-Engineer", "Acme"},
      {"Platform Engineer II", "Platform Engineer", "Acme"},
      {"the Machine Learning Engineer role", "ML Engineer", "Acme"},
  };
  for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
    printf("same: '%s' ~ '%s'\n", pairs[i][0], pairs[i][1]);
    assert_true(same(pairs[i][0], pairs[i][1], pairs[i][2]));
    assert_true(same(pairs[i][1], pairs[i][0], pairs[i][2]));
  }
}

static void different_jobs_are_not(void **state) {
  (void)state;
  static const char *pairs[][2] = {
      {"Data Analyst", "Marketing Manager"},
      {"Data Engineer", "Data Scientist"},
      {"Clinical Data Coordinator (Req 11840)", "Clinical Data Coordinator (Req 12977)"},
      {"Senior Supply Chain Analyst", "Junior Supply Chain Analyst"},
      {"Software Engineer", "Engineering Manager"},
      {"Product Manager", "Product Designer"},
  };
  for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
    printf("different: '%s' / '%s'\n", pairs[i][0], pairs[i][1]);
    assert_false(same(pairs[i][0], pairs[i][1], "Acme"));
  }
  assert_false(same("", "Data Analyst", "Acme")); /* no role: the caller decides */
}

static void partial_overlap_is_only_similar(void **state) {
  (void)state;
  co_pl_role_t a, b;
  co_pl_role_canon("Data Platform Engineer", "Acme", &a);
  co_pl_role_canon("Data Infrastructure Engineer", "Acme", &b);
  assert_false(co_pl_role_same(&a, &b));
  assert_true(co_pl_role_similar(&a, &b));
  co_pl_role_canon("Marketing Manager", "Acme", &b);
  assert_false(co_pl_role_similar(&a, &b));
}

static void requisition_ids_are_found_in_text(void **state) {
  (void)state;
  char req[32];
  co_pl_role_req_from_text("Confirmation of your application - Quality Engineer (Req 31572)", req, sizeof(req));
  assert_string_equal(req, "31572");
  co_pl_role_req_from_text("Thank you. Requisition ID: JR-104421. We will review it.", req, sizeof(req));
  assert_string_equal(req, "jr-104421");
  co_pl_role_req_from_text("Job ID #R2231 has been received", req, sizeof(req));
  assert_string_equal(req, "r2231");
  co_pl_role_req_from_text("We will get back to you by 2025. Please refer to our FAQ.", req, sizeof(req));
  assert_string_equal(req, "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(spellings_of_one_job_are_the_same),
      cmocka_unit_test(different_jobs_are_not),
      cmocka_unit_test(partial_overlap_is_only_similar),
      cmocka_unit_test(requisition_ids_are_found_in_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
