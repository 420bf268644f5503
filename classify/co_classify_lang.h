/* co_classify_lang.h: which of the seven supported languages a text is in.
 *
 * The classifier's figures are reported per language (`careerops eval`), and
 * most mail carries no language tag, so one is detected. Detection is
 * libexttextcat's n-gram ranking (Cavnar & Trenkle, the library LibreOffice
 * uses) restricted to the seven languages CareerOps supports: English,
 * German, Spanish, French, Portuguese, Dutch, Italian. Restricting the
 * candidates matters: with all ~160 profiles short business mail is often
 * read as a close neighbour (Galician for Portuguese, Afrikaans for Dutch). */
#ifndef CO_CLASSIFY_LANG_H
#define CO_CLASSIFY_LANG_H

#include <stddef.h>

#include "co_err.h"

typedef struct co_classify_lang_s co_classify_lang_t;

/* Loads the seven language profiles from libexttextcat's data directory
 * ($CO_TEXTCAT_DIR, else /usr/share/libexttextcat). Returns NULL with errstr
 * filled when the profiles are missing. Free with co_classify_lang_destroy.
 * A handle is not thread-safe: one per thread. */
co_classify_lang_t *co_classify_lang_open(char *errstr, size_t errstr_size);
void co_classify_lang_destroy(co_classify_lang_t *l);

/* The ISO 639-1 code ("en", "de", "es", "fr", "pt", "nl", "it") of the
 * language the text (UTF-8, any length; the first 2 KB are used) is most
 * likely in, or "" when the text is too short or matches none. The returned
 * string is static. */
const char *co_classify_lang_detect(co_classify_lang_t *l, const char *text, size_t len);

#endif
