/* cls_extract_eval.c: see cls_extract_eval.h. Comparison as `careerops
 * eval` compares companies: case-insensitive, whitespace collapsed. */
#include "cls_extract_eval.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "co_classify_int.h"

static const char* js(json_t* o, const char* k) {
  const char* s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void norm(const char* s, char* out, size_t sz) {
  size_t o = 0;
  int sp = 0;
  for (; *s && o + 2 < sz; s++) {
    if (isspace((unsigned char)*s)) {
      sp = o > 0;
      continue;
    }
    if (sp) out[o++] = ' ';
    sp = 0;
    out[o++] = (char)tolower((unsigned char)*s);
  }
  out[o] = 0;
}

double cls_xe_rate(long hit, long n) {
  return n ? (double)hit / (double)n : 0.0;
}

static cls_xe_cell_t* cell(cls_xe_t* x, const char* name) {
  for (int i = 0; i < x->ng; i++)
    if (!strcmp(x->g[i].name, name)) return &x->g[i];
  if (x->ng == CLS_XE_MAXG) return NULL;
  cls_xe_cell_t* c = &x->g[x->ng++];
  snprintf(c->name, sizeof(c->name), "%s", name);
  return c;
}

const cls_xe_cell_t* cls_xe_group(const cls_xe_t* x, const char* name) {
  for (int i = 0; i < x->ng; i++)
    if (!strcmp(x->g[i].name, name)) return &x->g[i];
  return NULL;
}

static int listed(const char* list, const char* v) {
  size_t vl = strlen(v);
  for (const char* p = list; *p;) {
    size_t l = strcspn(p, ",");
    if (l == vl && !strncmp(p, v, l)) return 1;
    p += l + (p[l] == ',');
  }
  return 0;
}

static void add(cls_xe_cell_t* c, int co_n, int co_hit, int sp, int role_n, int role_hit) {
  if (!c) return;
  c->co_n += co_n, c->co_hit += co_hit, c->role_n += role_n, c->role_hit += role_hit;
  c->sp_n += sp, c->sp_hit += sp && co_hit;
}

static void score_row(json_t* o, const char* group_by, FILE* errors, cls_xe_t* x, int line) {
  const char *subj = js(o, "subject"), *from = js(o, "from"), *body = js(o, "body");
  const char *gco = js(o, "company"), *grole = js(o, "role");
  size_t bl = co_cls_unquoted_len(body);
  char co[256], role[256], a[256], b[256];
  co_cls_extract_company(subj, from, body, bl, co, sizeof(co));
  co_cls_extract_role(subj, body, bl, role, sizeof(role));
  int co_n = gco[0] != 0, co_hit = 0, role_n = 0, role_hit = 0;
  int sp = co_n && (co_cls_memcasestr(subj, strlen(subj), gco) || co_cls_memcasestr(from, strlen(from), gco) ||
                    co_cls_memcasestr(body, strlen(body), gco));
  if (co_n) {
    norm(gco, a, sizeof(a)), norm(co, b, sizeof(b));
    co_hit = !strcmp(a, b);
  }
  if (grole[0] && (co_cls_memcasestr(subj, strlen(subj), grole) || co_cls_memcasestr(body, bl, grole))) {
    role_n = 1;
    norm(grole, a, sizeof(a)), norm(role, b, sizeof(b));
    role_hit = !strcmp(a, b);
  }
  add(&x->all, co_n, co_hit, sp, role_n, role_hit);
  add(cell(x, js(o, group_by)), co_n, co_hit, sp, role_n, role_hit);
  if (errors && ((co_n && !co_hit) || (role_n && !role_hit)))
    fprintf(errors, "line %d [%s %s %s] company gold '%s' got '%s'%s role gold '%s' got '%s'%s\n", line, js(o, "lang"),
            js(o, "style"), js(o, "family"), gco, co, co_n && !co_hit ? " (MISS)" : "", grole, role,
            role_n && !role_hit ? " (MISS)" : "");
}

int cls_xe_run(const char* path, const char* field_filter, const char* only, const char* group_by, FILE* errors,
               cls_xe_t* out) {
  memset(out, 0, sizeof(*out));
  snprintf(out->all.name, sizeof(out->all.name), "all");
  FILE* f = fopen(path, "r");
  if (!f) return fprintf(stderr, "cannot read %s\n", path), -1;
  char* line = NULL;
  size_t cap = 0;
  int ln = 0;
  while (getline(&line, &cap, f) > 0) {
    ln++;
    json_t* o = json_loads(line, 0, NULL);
    if (!o) continue;
    if (!only || !only[0] || listed(only, js(o, field_filter))) score_row(o, group_by, errors, out, ln);
    json_decref(o);
  }
  free(line);
  fclose(f);
  return 0;
}

void cls_xe_print(const cls_xe_t* x, const char* group_by, FILE* out) {
  fprintf(out, "%-28s %6s %8s %6s %8s %6s %8s\n", group_by, "co_n", "company", "sp_n", "spelled", "role_n", "role");
  for (int i = 0; i <= x->ng; i++) {
    const cls_xe_cell_t* c = i < x->ng ? &x->g[i] : &x->all;
    fprintf(out, "%-28s %6ld %8.3f %6ld %8.3f %6ld %8.3f\n", c->name, c->co_n, cls_xe_rate(c->co_hit, c->co_n), c->sp_n,
            cls_xe_rate(c->sp_hit, c->sp_n), c->role_n, cls_xe_rate(c->role_hit, c->role_n));
  }
}
