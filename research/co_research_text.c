/* co_research_text.c: the briefing as plain text.
 *
 * "text" is what gets embedded and searched, so it names the company on the
 * first line and spells out every field a question might hit: roles, stages
 * with dates, accounts, people, the summary and each news title and snippet.
 * One labelled line or list per field keeps BM25 and snippets readable. */
#include <stdio.h>
#include <stdlib.h>

#include "co_research_int.h"

static const char *str(const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void list(FILE *f, const char *label, const json_t *arr) {
  size_t i;
  json_t *e;
  if (!json_array_size(arr)) return;
  fprintf(f, "%s: ", label);
  json_array_foreach(arr, i, e) fprintf(f, "%s%s", i ? ", " : "", json_string_value(e) ? json_string_value(e) : "");
  fputc('\n', f);
}

char *co_research_render(const json_t *b) {
  char *buf = NULL;
  size_t len = 0, i;
  json_t *e, *roles = json_array();
  FILE *f = open_memstream(&buf, &len);
  if (!f) {
    json_decref(roles);
    return NULL;
  }
  json_array_foreach(json_object_get(b, "history"), i, e) co_research_add_unique(roles, str(e, "role"));
  fprintf(f, "Company: %s\n", str(b, "company"));
  list(f, "Roles", roles);
  list(f, "Accounts", json_object_get(b, "accounts"));
  if (*str(b, "next_interview")) fprintf(f, "Next interview: %s\n", str(b, "next_interview"));
  list(f, "People", json_object_get(b, "interviewers"));
  if (*str(b, "summary")) fprintf(f, "Summary: %s\n", str(b, "summary"));
  if (*str(b, "role_notes")) fprintf(f, "Role notes: %s\n", str(b, "role_notes"));
  if (json_array_size(json_object_get(b, "history"))) fprintf(f, "History:\n");
  json_array_foreach(json_object_get(b, "history"), i, e) {
    fprintf(f, "- %.10s %s %s (%s): %s\n", str(e, "at"), str(e, "stage"), str(e, "role"), str(e, "account"),
            str(e, "subject"));
  }
  if (json_array_size(json_object_get(b, "news"))) fprintf(f, "News:\n");
  json_array_foreach(json_object_get(b, "news"), i, e) {
    fprintf(f, "- %s", str(e, "title"));
    if (*str(e, "published")) fprintf(f, " (%s)", str(e, "published"));
    if (*str(e, "snippet")) fprintf(f, ": %s", str(e, "snippet"));
    fputc('\n', f);
  }
  fprintf(f, "Source: %s, updated %s\n", str(b, "source"), str(b, "updated_at"));
  fclose(f);
  json_decref(roles);
  return buf;
}

void co_research_rerender(json_t *b) {
  char *t = co_research_render(b);
  json_object_set_new(b, "text", json_string(t ? t : ""));
  free(t);
}
