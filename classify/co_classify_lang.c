/* co_classify_lang.c: language of a text among the seven supported ones,
 * by libexttextcat (see co_classify_lang.h for why only seven).
 *
 * libexttextcat reads its profiles through a configuration file that names
 * them; there is none for a subset, so one is written to a private temp file,
 * read once by special_textcat_Init() and removed at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libexttextcat/textcat.h>

#include "co_classify_lang.h"

#define CO_LANG_SAMPLE 2048 /* bytes looked at: plenty for n-gram ranking */
#define CO_LANG_MIN 20      /* below this libexttextcat still answers, but by chance ("ok" is Dutch) */

static const char *const co_lang_codes[] = {"en", "de", "es", "fr", "pt", "nl", "it"};
#define CO_LANG_N (sizeof(co_lang_codes) / sizeof(co_lang_codes[0]))

struct co_classify_lang_s {
  void *tc; /* libexttextcat handle, textcat_Done */
};

static const char *profile_dir(void) {
  const char *d = getenv("CO_TEXTCAT_DIR");
  return d && *d ? d : "/usr/share/libexttextcat";
}

co_classify_lang_t *co_classify_lang_open(char *errstr, size_t errstr_size) {
  char conf[] = "/tmp/co-textcat-XXXXXX", prefix[1024];
  co_classify_lang_t *l = NULL;
  FILE *f = NULL;
  int fd = mkstemp(conf);
  if (fd < 0 || !(f = fdopen(fd, "w"))) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "language detection: cannot write a temp file");
    if (fd >= 0) close(fd);
    goto out;
  }
  /* Identification strings are the codes themselves: "[de][nl]" is parsed below. */
  for (size_t i = 0; i < CO_LANG_N; i++) fprintf(f, "%s.lm %s\n", co_lang_codes[i], co_lang_codes[i]);
  if (fclose(f) != 0) {
    co_seterr(errstr, errstr_size, CO_ERR_IO, "language detection: cannot write a temp file");
    goto out;
  }
  snprintf(prefix, sizeof(prefix), "%s/", profile_dir());
  if (!(l = calloc(1, sizeof(*l)))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "language detection: out of memory");
    goto out;
  }
  if (!(l->tc = special_textcat_Init(conf, prefix))) {
    co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND,
              "language detection: cannot load the language profiles from %s (package libexttextcat-data)",
              profile_dir());
    free(l);
    l = NULL;
  }
out:
  if (fd >= 0) unlink(conf);
  return l;
}

void co_classify_lang_destroy(co_classify_lang_t *l) {
  if (!l) return;
  textcat_Done(l->tc);
  free(l);
}

const char *co_classify_lang_detect(co_classify_lang_t *l, const char *text, size_t len) {
  if (!l || !text || len < CO_LANG_MIN) return "";
  if (len > CO_LANG_SAMPLE) {
    len = CO_LANG_SAMPLE;
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--; /* whole UTF-8 characters only */
  }
  const char *r = textcat_Classify(l->tc, text, len);
  /* "[de][nl]" when several are close: the first is the best. "SHORT"/"UNKNOWN" say nothing. */
  if (!r || r[0] != '[') return "";
  for (size_t i = 0; i < CO_LANG_N; i++)
    if (strncmp(r + 1, co_lang_codes[i], 2) == 0 && r[3] == ']') return co_lang_codes[i];
  return "";
}
