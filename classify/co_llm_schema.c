/* co_llm_schema.c: what the model is asked for and what is accepted back.
 *
 * The prompt asks for one JSON object with exactly six keys; the validator
 * accepts nothing else (no extra keys, no code fences, no label outside the
 * five, confidence in 0..1, interview_at ISO-8601 or null), because a reply
 * that is half right is worse than the offline answer. Its message goes back
 * to the model on the one repair attempt, so it says precisely what is wrong.
 * The email is cut to llm.max.chars code points, never inside a UTF-8
 * sequence, so a provider only ever sees valid text. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "co_llm_int.h"
#include "co_llm_schema.h"

const char co_llm_system_prompt[] =
    "You classify emails from a job search. Reply with exactly one JSON object and nothing else, "
    "with exactly these keys: "
    "\"label\": one of \"APPLIED\", \"INTERVIEW\", \"OFFER\", \"REJECTION\", \"OTHER\" "
    "(APPLIED: application confirmation or a non-interview next step such as an assessment; "
    "INTERVIEW: invitation to or scheduling of an interview or screen; OFFER: a job offer; "
    "REJECTION: not moving forward, role filled or cancelled; OTHER: alerts, newsletters and anything else); "
    "\"company\": the hiring company's name, or \"\" if unknown; "
    "\"role\": the job title, or \"\" if unknown; "
    "\"confidence\": a number from 0 to 1; "
    "\"summary\": one sentence; "
    "\"interview_at\": the proposed interview date or date-time in ISO-8601 (e.g. 2026-03-05T14:00:00), "
    "or null when there is none.";

static size_t seq_len(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
}

size_t co_llm_utf8_cut(const char *s, size_t len, size_t max_chars) {
  size_t i = 0, chars = 0;
  while (i < len && chars < max_chars) {
    size_t n = seq_len((unsigned char)s[i]);
    if (i + n > len) break; /* truncated sequence at the end: drop it */
    i += n;
    chars++;
  }
  return i;
}

char *co_llm_user_prompt(const co_classify_input_t *in, size_t max_chars) {
  char *email = NULL, *prompt = NULL;
  int n = asprintf(&email, "Subject: %s\nFrom: %s\nDate: %s\n\n%s", in->subject ? in->subject : "",
                   in->from ? in->from : "", in->date ? in->date : "", in->body ? in->body : "");
  if (n < 0) return NULL;
  size_t keep = co_llm_utf8_cut(email, (size_t)n, max_chars);
  if (asprintf(&prompt, "Classify this email.\n" CO_LLM_EMAIL_BEGIN "%.*s" CO_LLM_EMAIL_END, (int)keep, email) < 0)
    prompt = NULL;
  free(email);
  return prompt;
}

/* YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and Z or +HH:MM. */
static int iso8601_ok(const char *s) {
  int y, mo, d, h, mi, n = 0;
  if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10 || mo < 1 || mo > 12 || d < 1 || d > 31)
    return 0;
  s += 10;
  if (!*s) return 1;
  if (*s != 'T' && *s != ' ') return 0;
  s++;
  if (sscanf(s, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5 || h > 23 || mi > 59) return 0;
  s += 5;
  if (s[0] == ':' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2])) s += 3;
  if (*s == '.')
    for (s++; isdigit((unsigned char)*s); s++);
  if (*s == 'Z') s++;
  else if ((*s == '+' || *s == '-') && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) && s[3] == ':' &&
           isdigit((unsigned char)s[4]) && isdigit((unsigned char)s[5]))
    s += 6;
  return *s == '\0';
}

static void copy_cut(char *dst, size_t dsz, const char *src) {
  size_t len = strlen(src), keep = 0;
  while (keep < len) {
    size_t n = seq_len((unsigned char)src[keep]);
    if (keep + n > len || keep + n > dsz - 1) break;
    keep += n;
  }
  memcpy(dst, src, keep);
  dst[keep] = '\0';
}

co_err_t co_llm_parse_reply(const char *text, co_classify_result_t *out, char *why, size_t why_size) {
  static const char *const keys[] = {"label", "company", "role", "confidence", "summary", "interview_at"};
  json_error_t jerr;
  co_err_t err = CO_ERR_PARSE;
  json_t *o = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
  if (!o) {
    co_seterr(why, why_size, err, "not valid JSON: %s", jerr.text);
    goto done;
  }
  if (!json_is_object(o)) {
    co_seterr(why, why_size, err, "the reply is not a JSON object");
    goto done;
  }
  const char *k;
  json_t *v;
  json_object_foreach(o, k, v) {
    int known = 0;
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) known |= !strcmp(k, keys[i]);
    if (!known) {
      co_seterr(why, why_size, err, "unexpected key \"%.60s\"", k);
      goto done;
    }
  }
  for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
    if (!json_object_get(o, keys[i])) {
      co_seterr(why, why_size, err, "missing key \"%s\"", keys[i]);
      goto done;
    }
  int label = json_is_string(json_object_get(o, "label"))
                  ? co_classify_label_parse(json_string_value(json_object_get(o, "label")))
                  : -1;
  if (label < 0 || strcmp(json_string_value(json_object_get(o, "label")), co_classify_label_name(label))) {
    co_seterr(why, why_size, err, "\"label\" must be one of APPLIED, INTERVIEW, OFFER, REJECTION, OTHER");
    goto done;
  }
  json_t *conf = json_object_get(o, "confidence");
  if (!json_is_number(conf) || json_number_value(conf) < 0 || json_number_value(conf) > 1) {
    co_seterr(why, why_size, err, "\"confidence\" must be a number from 0 to 1");
    goto done;
  }
  const char *strs[] = {"company", "role", "summary"};
  for (int i = 0; i < 3; i++)
    if (!json_is_string(json_object_get(o, strs[i]))) {
      co_seterr(why, why_size, err, "\"%s\" must be a string", strs[i]);
      goto done;
    }
  json_t *at = json_object_get(o, "interview_at");
  if (!json_is_null(at) && !(json_is_string(at) && iso8601_ok(json_string_value(at)))) {
    co_seterr(why, why_size, err, "\"interview_at\" must be an ISO-8601 date or date-time, or null");
    goto done;
  }
  memset(out, 0, sizeof(*out));
  out->label = (co_classify_label_t)label;
  out->confidence = (float)json_number_value(conf);
  out->probs[label] = out->confidence;
  out->rule = NULL;
  copy_cut(out->company, sizeof(out->company), json_string_value(json_object_get(o, "company")));
  copy_cut(out->role, sizeof(out->role), json_string_value(json_object_get(o, "role")));
  copy_cut(out->summary, sizeof(out->summary), json_string_value(json_object_get(o, "summary")));
  if (json_is_string(at)) copy_cut(out->interview_at, sizeof(out->interview_at), json_string_value(at));
  err = CO_OK;
done:
  json_decref(o);
  return err;
}
