/* co_ingest_html.c: HTML to readable text with libxml2's HTML parser.
 *
 * The parser recovers from any tag soup and decodes entities; we walk the
 * tree iteratively (no recursion, so nesting depth cannot blow the stack)
 * and emit text with whitespace collapsed as a browser would. Block
 * elements start new lines, paragraphs and headings leave a blank line,
 * <li> gets "- ", links become "text (url)". Script, style, head and
 * elements hidden with display:none (preheaders) are dropped. */
#include <limits.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "co_ingest_int.h"

typedef struct {
  GString *out;
  int pre;         /* inside <pre>: keep whitespace */
  int want_space;  /* a collapsed space is owed before the next text */
} h2t_t;

static int name_in(const xmlChar *name, const char *const *set) {
  for (; *set; set++)
    if (!strcasecmp((const char *)name, *set)) return 1;
  return 0;
}

static const char *const skip_tags[] = {"script", "style", "head", "title", "noscript", "template",
                                        "svg",    "object", "iframe", "select", NULL};
static const char *const para_tags[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                        "table", "blockquote", "pre", "dl", "hr", NULL};
static const char *const line_tags[] = {"div", "li", "tr", "dt", "dd", "section", "article", "header",
                                        "footer", "nav", "main", "aside", "form", "fieldset", "address",
                                        "figure", "figcaption", "center", "caption", "tbody", "thead",
                                        "tfoot", "body", "html", NULL};

static void trim_trailing_spaces(GString *s) {
  while (s->len && s->str[s->len - 1] == ' ') g_string_truncate(s, s->len - 1);
}

/* Ensures the output ends with n newlines (n = 1 line break, 2 = blank line). */
static void newlines(h2t_t *h, int n) {
  h->want_space = 0;
  trim_trailing_spaces(h->out);
  if (!h->out->len) return;
  int have = 0;
  for (gsize i = h->out->len; i > 0 && h->out->str[i - 1] == '\n' && have < n; i--) have++;
  for (; have < n; have++) g_string_append_c(h->out, '\n');
}

static int at_line_start(const GString *s) { return !s->len || s->str[s->len - 1] == '\n'; }

static void text(h2t_t *h, const char *t) {
  if (h->pre) {
    g_string_append(h->out, t);
    return;
  }
  for (const char *p = t; *p;) {
    gunichar c = g_utf8_get_char(p);
    const char *n = g_utf8_next_char(p);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0) {
      if (!at_line_start(h->out)) h->want_space = 1;
    } else {
      if (h->want_space && !at_line_start(h->out)) g_string_append_c(h->out, ' ');
      h->want_space = 0;
      g_string_append_len(h->out, p, n - p);
    }
    p = n;
  }
}

static int hidden(xmlNode *n) {
  xmlChar *style = xmlGetProp(n, (const xmlChar *)"style");
  if (!style) return 0;
  char *squashed = g_strdup((const char *)style);
  xmlFree(style);
  char *w = squashed;
  for (char *r = squashed; *r; r++)
    if (*r != ' ' && *r != '\t') *w++ = g_ascii_tolower(*r);
  *w = 0;
  int h = strstr(squashed, "display:none") != NULL;
  g_free(squashed);
  return h;
}

static int skip(xmlNode *n) { return name_in(n->name, skip_tags) || hidden(n); }

static void enter(h2t_t *h, xmlNode *n) {
  if (name_in(n->name, para_tags)) newlines(h, 2);
  else if (name_in(n->name, line_tags)) newlines(h, 1);
  if (!strcasecmp((const char *)n->name, "li")) g_string_append(h->out, "- ");
  else if (!strcasecmp((const char *)n->name, "pre")) h->pre++;
  else if (!strcasecmp((const char *)n->name, "td") || !strcasecmp((const char *)n->name, "th")) {
    if (!at_line_start(h->out)) h->want_space = 1;
  }
}

/* link_start: where the link's text began in out. */
static void leave(h2t_t *h, xmlNode *n, gsize link_start) {
  const char *name = (const char *)n->name;
  if (!strcasecmp(name, "br")) {
    trim_trailing_spaces(h->out);
    g_string_append_c(h->out, '\n');
    h->want_space = 0;
  } else if (!strcasecmp(name, "a")) {
    xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
    if (href) {
      char *url = g_strstrip(g_strdup((const char *)href));
      xmlFree(href);
      const char *cmp = g_str_has_prefix(url, "mailto:") ? url + 7 : url;
      char *label = g_strstrip(g_strdup(h->out->str + link_start));
      if (*url && url[0] != '#' && g_ascii_strncasecmp(url, "javascript:", 11) && strcmp(label, cmp) &&
          strcmp(label, url)) {
        if (*label) g_string_append_c(h->out, ' ');
        else if (h->want_space && !at_line_start(h->out)) g_string_append_c(h->out, ' ');
        g_string_append_printf(h->out, "(%s)", url);
        h->want_space = 0;
      }
      g_free(label);
      g_free(url);
    }
  } else if (!strcasecmp(name, "pre")) {
    h->pre--;
  }
  if (name_in(n->name, para_tags)) newlines(h, 2);
  else if (name_in(n->name, line_tags)) newlines(h, 1);
}

/* Collapses runs of blank lines to one and trims the ends. */
static char *tidy(GString *s) {
  GString *o = g_string_sized_new(s->len);
  int nl = 0;
  for (gsize i = 0; i < s->len; i++) {
    char c = s->str[i];
    if (c == '\n') {
      trim_trailing_spaces(o);
      if (++nl > 2) continue;
    } else {
      nl = 0;
    }
    g_string_append_c(o, c);
  }
  char *r = g_strdup(g_strstrip(o->str));
  g_string_free(o, TRUE);
  return r;
}

char *co_ingest_html_to_text(const char *html, size_t len) {
  if (len > INT_MAX) len = INT_MAX;
  htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  if (!doc) return g_strdup("");
  h2t_t h = {.out = g_string_sized_new(len / 2 + 16)};
  /* Explicit stack of link start offsets, parallel to the element depth. */
  GArray *starts = g_array_new(FALSE, FALSE, sizeof(gsize));
  xmlNode *root = xmlDocGetRootElement(doc), *n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE && !skip(n)) {
      enter(&h, n);
      gsize st = h.out->len;
      if (n->children) {
        g_array_append_val(starts, st);
        n = n->children;
        continue;
      }
      leave(&h, n, st);
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) text(&h, (const char *)n->content);
    }
    /* Climb until a sibling exists, closing each element we leave; every
     * ancestor below root was entered, so starts has its offset. */
    while (n != root && !n->next) {
      n = n->parent;
      gsize st = g_array_index(starts, gsize, starts->len - 1);
      g_array_set_size(starts, starts->len - 1);
      leave(&h, n, st);
    }
    n = n == root ? NULL : n->next;
  }
  g_array_free(starts, TRUE);
  xmlFreeDoc(doc);
  char *r = tidy(h.out);
  g_string_free(h.out, TRUE);
  return r;
}
