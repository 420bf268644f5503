/* co_classify_extract_int.h: what the company and role extractors
 * (co_classify_extract.c, co_classify_extract_role.c) share: the word lists
 * of the seven languages (co_classify_extract_lex.c) and the helpers that
 * read capitalised names out of text. Internal to co_classify. */
#ifndef CO_CLASSIFY_EXTRACT_INT_H
#define CO_CLASSIFY_EXTRACT_INT_H

#include <stddef.h>

#define CO_XT_NAME_MAX_TOK 6

typedef struct co_xt_tok_s {
  const char* p;
  size_t n;
} co_xt_tok_t;

typedef struct co_xt_lead_s {
  const char* s;
  int w;
} co_xt_lead_t;

/* ---- word lists (co_classify_extract_lex.c), NULL-terminated ---- */
extern const char* const CO_XT_CONNECT[];   /* lower-case words inside names: of, de, del, van, di, ... */
extern const char* const CO_XT_GENERIC[];   /* words that never start a company */
extern const char* const CO_XT_HEADS[];     /* job head nouns, seven languages */
extern const char* const CO_XT_TEAMWORDS[]; /* department words trailing a sender name */
extern const char* const
    CO_XT_TEAM_PREFIX[]; /* department phrases leading a sender name ("HR ", "Talent Acquisition at ") */
extern const char* const CO_XT_TITLEWORDS[]; /* last words of a recruiter's title line */
extern const char* const CO_XT_VENDORS[];    /* ATS, job boards, calendar tools: never the employer (squashed) */
extern const char* const CO_XT_GREETINGS[];  /* words before the addressee's name */
extern const co_xt_lead_t CO_XT_LEADS[];     /* phrases before a company in text */
extern const char* const CO_XT_TEAM_AFTER[]; /* phrases after a company in text */
extern const char* const CO_XT_SIG_SEPS[];   /* title <sep> company on one signature line */

/* ---- helpers (co_classify_extract_lex.c) ---- */
/* 1 if the wl bytes at w equal a list entry, ASCII case-insensitively. */
int co_xt_in_list(const char* w, size_t wl, const char* const* list);
/* 1 if the byte starts a letter, digit or name character (UTF-8 letters
 * count; Latin-1 and general punctuation such as '·', '–', '«' do not). */
int co_xt_is_name_byte(const unsigned char* p);
/* 1 if the (possibly UTF-8) letter at p is upper case. */
int co_xt_is_upper(const unsigned char* p);
/* Lower-case ASCII letters and digits of s, accents folded ("Mühlbach" ->
 * "muhlbach"; german != 0: "muehlbach", "ß" -> "ss"). */
void co_xt_squash(const char* s, char* out, size_t osz, int german);
/* Drops legal forms (GmbH & Co. KG, S.A. de C.V., S.p.A., Inc., ...) from
 * the end of s, in place; 1 if one was dropped. */
int co_xt_strip_legal(char* s);
/* 1 if the wl bytes at w are a legal form (Inc., GmbH, S.A., ...). */
int co_xt_is_legal(const char* w, size_t wl);
/* Removes trailing words of list (keeps at least one word); 1 if any. */
int co_xt_strip_trailing(char* s, const char* const* list);
/* 1 if the squashed name is an ATS, job board or calendar tool. */
int co_xt_is_vendor(const char* name);
/* Reads up to max title-cased tokens at p (lower-case connectors allowed
 * between capitalised words). allow_lower: every token may be lower case
 * (role titles of languages that write them so). Returns the count. */
int co_xt_read_caps(const char* p, const char* end, co_xt_tok_t* t, int max, int allow_lower);
void co_xt_toks_to_str(const co_xt_tok_t* t, int n, char* out, size_t osz);
void co_xt_copyn(char* dst, size_t dsz, const char* src, size_t n);

/* ---- the sender (co_classify_extract_sender.c) ---- */
/* A domain label as a company name: capitalised, and split before a sector
 * word it ends with ("zugspitzmobility" -> "Zugspitz Mobility"; the rest
 * needs 4+ letters) or after one a Romance name opens with ("bancodelvalle"
 * -> "Banco del Valle"). out may not alias label. */
void co_xt_label_words(const char* label, char* out, size_t osz);
struct co_cls_sender_s;
/* Strips spaces and quotes at both ends, in place. */
void co_xt_trim(char* s);
/* 1 if the local part is a robot mailbox (no-reply, jobs, careers, ...). */
int co_xt_is_robot_local(const char* local);
/* The employer's domain label of the sender into label ("" when none):
 * free mail, ATS, job boards and calendar tools give none, then a tenant is
 * tried (acme@myworkday.com, careers@acme.icims.com, links in body[0,
 * full_len) to acme.zoom.us or boards.greenhouse.io/acme). */
void co_xt_sender_label(const struct co_cls_sender_s* s, int ats, const char* body, size_t full_len, char* label,
                        size_t lsz);
/* The employer part of a display name into out ("" if none); returns its
 * weight (3 department/ATS/relay sender, 2 agrees with the domain or follows
 * a person's name, 0 none). person: the name is a person's; relay: the name
 * says another service sends for the employer ("Acme via Flatchr"). */
int co_xt_display_company(const char* name, const char* label, int ats, char* out, size_t osz, int* person, int* relay);
/* 1 if the body has a line that is the name (or its first word), or the
 * name is written "Last, First": the sender is a person. */
int co_xt_signs_as(const char* name, const char* body, size_t bl);

#endif
