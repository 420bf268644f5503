/* co_llm_schema.h: the prompt and the reply validator (internal). */
#ifndef CO_LLM_SCHEMA_H
#define CO_LLM_SCHEMA_H

#include <stdlib.h>

#include "co_classify.h"

/* The email sits between these markers in the user prompt. */
#define CO_LLM_EMAIL_BEGIN "<<<EMAIL\n"
#define CO_LLM_EMAIL_END "\nEMAIL>>>"

extern const char co_llm_system_prompt[];
/* malloc'd user prompt holding the email cut to max_chars code points. */
char *co_llm_user_prompt(const co_classify_input_t *in, size_t max_chars);
/* Validates a reply and fills *out; on failure why says what is wrong. */
co_err_t co_llm_parse_reply(const char *text, co_classify_result_t *out, char *why, size_t why_size);

#endif
