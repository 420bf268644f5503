/* co_ingest_charset.c: any declared charset to valid UTF-8.
 *
 * Mail lies about charsets. Labels are first upgraded to the superset mail
 * clients really mean (the WHATWG encoding table does the same: ISO-8859-1
 * and US-ASCII are decoded as windows-1252, GB2312 as GB18030, Shift_JIS as
 * CP932), then GMime maps aliases to iconv names and iconv converts. iconv
 * stops at an invalid byte; we emit U+FFFD, skip that byte and go on, so a
 * broken part still yields its readable text. A charset iconv does not know
 * falls back to UTF-8 when the bytes validate, else windows-1252. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "co_ingest_int.h"

static const char *const upgrades[][2] = {
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"},   {"ascii", "WINDOWS-1252"},     {"gb2312", "GB18030"},
    {"gbk", "GB18030"},             {"x-gbk", "GB18030"},          {"euc-cn", "GB18030"},
    {"shift_jis", "CP932"},         {"shift-jis", "CP932"},        {"sjis", "CP932"},
    {"x-sjis", "CP932"},            {"ks_c_5601-1987", "CP949"},   {"euc-kr", "CP949"},
    {"iso-8859-9", "WINDOWS-1254"}, {"tis-620", "CP874"},          {"iso-8859-11", "CP874"},
};

static int is_utf8_label(const char *cs) {
  return !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8") || !strcasecmp(cs, "x-unknown") ||
         !strcasecmp(cs, "unknown-8bit");
}

static char *make_valid(const char *in, size_t len, size_t *outlen) {
  char *s = g_utf8_make_valid(in, (gssize)len);
  if (outlen) *outlen = strlen(s);
  return s;
}

/* iconv loop with U+FFFD for undecodable bytes. */
static char *convert(iconv_t cd, const char *in, size_t len, size_t *outlen) {
  GString *out = g_string_sized_new(len + len / 2 + 16);
  char buf[4096];
  char *ip = (char *)in;
  size_t ileft = len;
  while (ileft > 0) {
    char *op = buf;
    size_t oleft = sizeof(buf);
    size_t rc = iconv(cd, &ip, &ileft, &op, &oleft);
    g_string_append_len(out, buf, (gssize)(op - buf));
    if (rc != (size_t)-1) continue;
    if (errno == E2BIG) continue;
    /* EILSEQ or EINVAL (truncated sequence at the end): replace one byte. */
    g_string_append(out, "\xEF\xBF\xBD");
    ip++;
    ileft--;
    iconv(cd, NULL, NULL, NULL, NULL); /* reset shift state */
  }
  char *op = buf;
  size_t oleft = sizeof(buf);
  iconv(cd, NULL, NULL, &op, &oleft); /* flush stateful encodings (ISO-2022-JP) */
  g_string_append_len(out, buf, (gssize)(op - buf));
  /* iconv output is UTF-8 by construction; validate anyway (NULs, glibc quirks). */
  char *res = make_valid(out->str, out->len, outlen);
  g_string_free(out, TRUE);
  return res;
}

char *co_ingest_to_utf8(const char *in, size_t len, const char *charset, size_t *outlen) {
  if (!charset || !*charset || is_utf8_label(charset)) {
    if (!charset || !*charset) {
      if (g_utf8_validate(in, (gssize)len, NULL)) return make_valid(in, len, outlen);
      charset = "WINDOWS-1252";
    } else {
      return make_valid(in, len, outlen);
    }
  }
  const char *name = NULL;
  for (size_t i = 0; i < G_N_ELEMENTS(upgrades); i++)
    if (!strcasecmp(charset, upgrades[i][0])) name = upgrades[i][1];
  if (!name) name = g_mime_charset_iconv_name(charset);
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1) {
    if (g_utf8_validate(in, (gssize)len, NULL)) return make_valid(in, len, outlen);
    cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1) return make_valid(in, len, outlen);
  }
  char *res = convert(cd, in, len, outlen);
  iconv_close(cd);
  return res;
}

size_t co_ingest_utf8_cut(const char *s, size_t len, size_t max) {
  if (len <= max) return len;
  size_t n = max;
  /* Back up over continuation bytes to the start of the cut character. */
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  return n;
}
