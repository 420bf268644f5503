/* Proves that mail-derived text cannot drive the terminal through the CLI,
 * and that its tables stay aligned: an mbox whose subjects carry ESC[2J,
 * OSC 8 (hyperlink), OSC 52 (clipboard write) with BEL, CR/LF and a C1 CSI
 * (U+009B), and whose company names hold an emoji, a combining accent, CJK
 * and a C1 CSI, is imported by `run --once`; its summary table and
 * `careerops search` print no ESC, BEL, CR or C1 byte, and every row's
 * columns start at the same display column (measured here with the C
 * library's mbrtowc/wcwidth under C.UTF-8, not with co_term). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli_tu.h"
#include "co_th.h"

static char *b64(const char *s) {
  static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t n = strlen(s), o = 0;
  const unsigned char *u = (const unsigned char *)s;
  char *out = malloc(n * 4 / 3 + 8);
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)u[i] << 16 | (i + 1 < n ? (unsigned)u[i + 1] << 8 : 0) | (i + 2 < n ? u[i + 2] : 0);
    out[o++] = tbl[v >> 18 & 63];
    out[o++] = tbl[v >> 12 & 63];
    out[o++] = i + 1 < n ? tbl[v >> 6 & 63] : '=';
    out[o++] = i + 2 < n ? tbl[v & 63] : '=';
  }
  out[o] = 0;
  return out;
}

#define EVIL                                                                                                           \
  " \x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ \x1b]52;c;aGk=\x07 \x1b[2J\r\nX-Fake: 1 \xc2\x9b"           \
  "31m"

static const char *const companies[][2] = {{"Rocket \xf0\x9f\x9a\x80 Labs", "rocketlabs"},
                                     {"Cafe\xcc\x81 Society", "cafesociety"},
                                     {"\xe6\x9d\xb1\xe4\xba\xac Systems", "tokyosystems"},
                                     {"C1\xc2\x9b" "31m Corp", "c1corp"},
                                     {"Plain Works", "plainworks"}};

static void write_mbox(const char *path) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  for (size_t i = 0; i < sizeof(companies) / sizeof(companies[0]); i++) {
    for (int j = 0; j < 2; j++) {
      char subj[512], from[256];
      if (j == 0)
        snprintf(subj, sizeof(subj), "%s: we received your application", companies[i][0]);
      else
        snprintf(subj, sizeof(subj), "Interview invitation: Data Engineer at %s" EVIL, companies[i][0]);
      snprintf(from, sizeof(from), "%s Recruiting", companies[i][0]);
      char *bs = b64(subj), *bf = b64(from);
      fprintf(f,
              "From recruiting@%s.example Wed Mar 05 16:12:00 2025\nFrom: =?UTF-8?B?%s?= <recruiting@%s.example>\n"
              "To: Riley Moss <riley.moss@example.net>\nSubject: =?UTF-8?B?%s?=\n"
              "Date: Wed, 0%d Mar 2025 11:12:0%zu -0500\nMessage-ID: <t%zu.%d@%s.example>\nMIME-Version: 1.0\n"
              "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nHi Riley,\n\n",
              companies[i][1], bf, companies[i][1], bs, 5 + j, i, i, j, companies[i][1]);
      if (j == 0)
        fprintf(f, "Thank you for applying to %s. We have received your application for the Data Engineer position.\n\n",
                companies[i][0]);
      else
        fprintf(f,
                "Thanks for applying to %s. I'd love to set up a 30-minute phone screen to talk about the Data "
                "Engineer role.\n\nWould Friday, March 14 at 1:23 PM ET work for a call?\n\nBest,\nPriya\nSenior "
                "Recruiter, %s\n\n",
                companies[i][0], companies[i][0]);
      free(bs);
      free(bf);
    }
  }
  fclose(f);
}

/* No byte of out may be a terminal control: ESC, BEL, CR, C1 (raw or as UTF-8). */
static void assert_terminal_safe(const char *what, const char *out) {
  for (const unsigned char *p = (const unsigned char *)out; *p; p++) {
    if (*p == 0x1b || *p == 0x07 || *p == '\r' || *p == 0x9b || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
      fail_msg("%s printed control byte 0x%02x at %td:\n%s", what, *p, (const char *)p - out, out);
  }
}

/* Display column (0-based) at which needle starts in line, or -1. */
static int column_of(const char *line, const char *needle) {
  const char *at = strstr(line, needle);
  if (!at) return -1;
  mbstate_t st;
  memset(&st, 0, sizeof(st));
  int col = 0;
  for (const char *p = line; p < at;) {
    wchar_t wc;
    size_t n = mbrtowc(&wc, p, (size_t)(at - p), &st);
    if (n == (size_t)-1 || n == (size_t)-2 || n == 0) return -2;
    int w = wcwidth(wc);
    col += w < 0 ? 1 : w;
    p += n;
  }
  return col;
}

static void cli_term_output_escapes_mail_text_and_aligns_columns(void **state) {
  (void)state;
  if (!setlocale(LC_CTYPE, "C.UTF-8")) skip();
  char *dir = co_th_tmpdir("cli-term"), mbox[512], st[512], args[1400], *out, *save;
  snprintf(mbox, sizeof(mbox), "%s/evil.mbox", dir);
  snprintf(st, sizeof(st), "%s/state", dir);
  write_mbox(mbox);

  snprintf(args, sizeof(args), "run --once --sample '%s' -X state.dir='%s' -X log.level=error", mbox, st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_terminal_safe("run --once", out);
  int rows = 0, role_col = -1, stage_col = -1;
  for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (!strncmp(line, "ACCOUNT", 7)) {
      role_col = column_of(line, "ROLE");
      stage_col = column_of(line, "STAGE");
      continue;
    }
    if (role_col < 0 || !strstr(line, "Data Engineer")) continue;
    rows++;
    if (column_of(line, "Data Engineer") != role_col)
      fail_msg("run: role at column %d, header at %d: '%s'", column_of(line, "Data Engineer"), role_col, line);
    int sc = column_of(line, "INTERVIEW") >= 0 ? column_of(line, "INTERVIEW") : column_of(line, "APPLIED");
    if (sc != stage_col) fail_msg("run: stage at column %d, header at %d: '%s'", sc, stage_col, line);
  }
  assert_true(role_col == 38); /* ACCOUNT (12) and COMPANY (24) cells, a space after each */
  assert_true(rows >= 5);
  free(out);

  /* "click" is in the hostile tail of the subjects: the snippets show it. */
  snprintf(args, sizeof(args), "search click --k 10 -X state.dir='%s' -X log.level=error", st);
  assert_int_equal(cli_tu_run(args, 0, &out), 0);
  assert_terminal_safe("search", out);
  if (!strstr(out, "click")) fail_msg("search found no snippet with the hostile subject:\n%s", out);
  rows = 0;
  for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == ' ' && line[1] == ' ' && line[2] == ' ') continue; /* snippet line */
    int c = column_of(line, "INTERVIEW");
    if (c < 0) continue;
    rows++;
    if (c != 29) fail_msg("search: type at column %d, want 29: '%s'", c, line);
  }
  assert_true(rows >= 4);
  free(out);

  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(cli_term_output_escapes_mail_text_and_aligns_columns)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
