/* cmd_search.c: `careerops search "query"`: semantic + keyword search over
 * the job-related mail and the company briefings, against a running instance's API (--url) or the
 * local state (the instance must not be running: RocksDB is single-writer). */
#include <curl/curl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_cli.h"
#include "co_term.h"
#include "co_pipeline.h"

static const char co_search_usage[] =
    "Usage: careerops search QUERY [--company C] [--type T] [--account A] [--from DATE] [--to DATE]\n"
    "                        [--k N] [--mode hybrid|vector|bm25] [--in all|mail|briefings] [--url URL]\n"
    "                        [--json] [options]\n"
    "Searches your job-related mail and the company briefings (hybrid: vector + BM25 by reciprocal\n"
    "rank fusion; an off-topic query finds nothing).\n"
    "  --url URL             ask a running instance (e.g. http://127.0.0.1:8080); the bearer token\n"
    "                        comes from $CAREEROPS_TOKEN. Without --url the local state is read.\n"
    "  --json                print the raw JSON result\n" CO_CLI_COMMON_HELP;

typedef struct {
  const char *q, *company, *type, *account, *from, *to, *mode, *in, *url;
  long k;
  int json;
} search_args_t;

static size_t on_body(char *ptr, size_t size, size_t n, void *opaque) {
  FILE *f = opaque;
  return fwrite(ptr, size, n, f);
}

/* GET {url}/api/search?...; *out malloc'd body. */
static int remote(const search_args_t *a, char **out, char *errstr, size_t sz) {
  CURL *c = curl_easy_init();
  char *body = NULL;
  size_t blen = 0;
  long status = 0;
  int rc = -1;
  struct curl_slist *hdrs = NULL;
  FILE *f = open_memstream(&body, &blen);
  char *u = NULL;
  size_t ulen = 0;
  FILE *uf = open_memstream(&u, &ulen);
  if (!c || !f || !uf) goto done;
  const char *names[] = {"q", "company", "type", "account", "from", "to", "mode", "in"};
  const char *vals[] = {a->q, a->company, a->type, a->account, a->from, a->to, a->mode, a->in};
  fprintf(uf, "%s%s/api/search?k=%ld", a->url, a->url[strlen(a->url) - 1] == '/' ? "" : "", a->k);
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
    if (!vals[i]) continue;
    char *e = curl_easy_escape(c, vals[i], 0);
    fprintf(uf, "&%s=%s", names[i], e ? e : "");
    curl_free(e);
  }
  fclose(uf);
  uf = NULL;
  const char *tok = getenv("CAREEROPS_TOKEN");
  char auth[1024];
  if (tok && *tok) {
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", tok);
    hdrs = curl_slist_append(hdrs, auth);
  }
  curl_easy_setopt(c, CURLOPT_URL, u);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 30000L);
  CURLcode cc = curl_easy_perform(c);
  fclose(f);
  f = NULL;
  if (cc != CURLE_OK) {
    snprintf(errstr, sz, "%s: %s", a->url, curl_easy_strerror(cc));
    goto done;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    json_t *j = json_loads(body ? body : "", 0, NULL);
    const char *m = json_string_value(json_object_get(json_object_get(j, "error"), "message"));
    snprintf(errstr, sz, "HTTP %ld: %s", status, m ? m : "request failed");
    json_decref(j);
    goto done;
  }
  *out = body;
  body = NULL;
  rc = 0;
done:
  if (uf) fclose(uf);
  if (f) fclose(f);
  free(u);
  free(body);
  curl_slist_free_all(hdrs);
  if (c) curl_easy_cleanup(c);
  return rc;
}

static int local(co_cli_t *cli, const search_args_t *a, char **out, char *errstr, size_t sz) {
  json_t *q = json_pack("{s:s, s:I, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}", "q", a->q, "k", (json_int_t)a->k, "company",
                        a->company, "type", a->type, "account", a->account, "from", a->from, "to", a->to, "mode",
                        a->mode, "in", a->in);
  char *qs = q ? json_dumps(q, JSON_COMPACT) : NULL;
  json_decref(q);
  co_pipeline_t *p = qs ? co_pipeline_new(cli->conf, errstr, sz) : NULL;
  int rc = -1;
  if (p && !co_pipeline_index_sync(p, errstr, sz) && !co_pipeline_search(p, qs, out, errstr, sz)) rc = 0;
  co_pipeline_destroy(p);
  free(qs);
  return rc;
}

static void print_human(const char *json) {
  json_t *r = json_loads(json, 0, NULL), *h;
  size_t i;
  json_t *res = json_object_get(r, "results");
  if (!json_array_size(res)) printf("no results\n");
  json_array_foreach(res, i, h) {
    const char *snip = json_string_value(json_object_get(h, "snippet"));
    /* company and snippet come from mail: printed terminal-safe, cells sized in display columns */
    printf("%2zu. ", i + 1);
    co_term_cell(stdout, json_string_value(json_object_get(h, "company")), 24, 0);
    fputc(' ', stdout);
    co_term_cell(stdout, json_string_value(json_object_get(h, "type")), 9, 0);
    fputc(' ', stdout);
    co_term_cell(stdout, json_string_value(json_object_get(h, "date")), 10, 0);
    printf(" score %.4f\n    ", json_number_value(json_object_get(h, "score")));
    if (!strcmp(json_string_value(json_object_get(h, "kind")) ? json_string_value(json_object_get(h, "kind")) : "",
                "email")) { /* subject and sender: from mail, terminal-safe too */
      json_t *from = json_object_get(h, "from");
      co_term_cell(stdout, json_string_value(json_object_get(h, "subject")), 60, 0);
      fputs("  from ", stdout);
      co_term_cell(stdout, json_string_value(json_object_get(from, "address")), 40, 0);
      fputs("\n    ", stdout);
    }
    co_term_cell(stdout, snip ? snip : "", 0, 0);
    fputc('\n', stdout);
  }
  json_decref(r);
}

int co_cmd_search(co_cli_t *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      {"company", required_argument, NULL, 'C'}, {"type", required_argument, NULL, 'T'},
      {"account", required_argument, NULL, 'A'}, {"from", required_argument, NULL, 'F'},
      {"to", required_argument, NULL, 'U'},      {"k", required_argument, NULL, 'k'},
      {"mode", required_argument, NULL, 'm'},    {"url", required_argument, NULL, 'u'},
      {"in", required_argument, NULL, 'i'},
      {"json", no_argument, NULL, 'j'},          CO_CLI_COMMON_LONG,
      {NULL, 0, NULL, 0}};
  search_args_t a = {.k = 10};
  char errstr[512], *out = NULL, *end;
  int opt;
  while (optind < argc) {
    if ((opt = co_cli_getopt(cli, "search", co_search_usage, argc, argv, "+k:", longopts)) == -1) {
      if (optind >= argc) break;
      if (a.q) return co_cli_usage_error(cli, "search", "unexpected argument '%s' (quote the query)", argv[optind]);
      a.q = argv[optind++];
      continue;
    }
    if (opt == CO_CLI_OPT_EXIT) return cli->rc;
    switch (opt) {
    case 'C': a.company = optarg; break;
    case 'T': a.type = optarg; break;
    case 'A': a.account = optarg; break;
    case 'F': a.from = optarg; break;
    case 'U': a.to = optarg; break;
    case 'm': a.mode = optarg; break;
    case 'i': a.in = optarg; break;
    case 'u': a.url = optarg; break;
    case 'j': a.json = 1; break;
    case 'k':
      a.k = strtol(optarg, &end, 10);
      if (*end || a.k < 1 || a.k > 100) return co_cli_usage_error(cli, "search", "--k must be 1..100, got '%s'", optarg);
      break;
    }
  }
  if (!a.q || !*a.q) return co_cli_usage_error(cli, "search", "missing QUERY");
  if (a.mode && strcmp(a.mode, "hybrid") && strcmp(a.mode, "vector") && strcmp(a.mode, "bm25"))
    return co_cli_usage_error(cli, "search", "--mode must be hybrid, vector or bm25, got '%s'", a.mode);
  int rc = co_cli_load_conf(cli);
  if (rc) return rc;
  if (a.url ? remote(&a, &out, errstr, sizeof(errstr)) : local(cli, &a, &out, errstr, sizeof(errstr))) {
    co_term_printf(stderr, "careerops search: %s\n", errstr);
    if (!a.url) co_term_printf(stderr, "careerops search: if the instance is running, pass --url http://HOST:PORT\n");
    return CO_EXIT_FAIL;
  }
  if (a.json) {
    co_cli_print_json_lines(stdout, out, strlen(out));
    fputc('\n', stdout);
  } else {
    print_human(out);
  }
  free(out);
  return CO_EXIT_OK;
}
