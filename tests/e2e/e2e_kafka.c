/* e2e_kafka.c: see e2e_kafka.h. */
#include "e2e_kafka.h"

#include <librdkafka/rdkafka.h>
#include <openssl/sha.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "co_rt.h"
#include "co_th.h"
#include "co_th_kafka.h"
#include "e2e_tu.h"

/* ---- the sample mbox, split into messages ------------------------------- */

/* The first <...> after header name in the header block, without brackets. */
static int header_id(const char *msg, size_t hlen, const char *name, char *out, size_t size) {
  size_t nl = strlen(name);
  for (const char *p = msg; p && p < msg + hlen; p = memchr(p, '\n', (size_t)(msg + hlen - p)), p = p ? p + 1 : p) {
    if (strncasecmp(p, name, nl) || p[nl] != ':') continue;
    const char *a = strchr(p + nl, '<'), *b = a ? strchr(a, '>') : NULL;
    if (!a || !b || b > msg + hlen) return 0;
    snprintf(out, size, "%.*s", (int)(b - a - 1), a + 1);
    return 1;
  }
  return 0;
}

static unsigned djb2(const char *s) {
  unsigned h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

static int load_messages(e2e_msg_t *m, int max, int n_acct) {
  size_t len;
  char *all = co_th_read_file(e2e_sample("inbox.mbox"), &len);
  assert_non_null(all);
  int n = 0;
  char *p = all;
  while (p && *p && n < max) {
    char *start = strchr(p, '\n'); /* skip the "From " line */
    if (!start) break;
    start++;
    char *next = strstr(start, "\nFrom ");
    size_t blen = next ? (size_t)(next - start + 1) : strlen(start);
    p = next ? next + 1 : NULL;
    char *hend = strstr(start, "\n\n");
    size_t hlen = hend && hend < start + blen ? (size_t)(hend - start) : blen;
    char mid[256], root[256];
    if (!header_id(start, hlen, "Message-ID", mid, sizeof(mid))) continue; /* not mail / no id */
    int dup = 0;
    for (int i = 0; i < n && !dup; i++) dup = !strcmp(m[i].mid, mid);
    if (dup) continue;
    if (!header_id(start, hlen, "References", root, sizeof(root)) &&
        !header_id(start, hlen, "In-Reply-To", root, sizeof(root)))
      snprintf(root, sizeof(root), "%s", mid);
    char *raw = malloc(2 * blen + 1), *o = raw;
    for (size_t i = 0; i < blen; i++) {
      if (start[i] == '\n' && (i == 0 || start[i - 1] != '\r')) *o++ = '\r';
      *o++ = start[i];
    }
    *o = '\0';
    m[n].raw = raw;
    m[n].len = (size_t)(o - raw);
    snprintf(m[n].mid, sizeof(m[n].mid), "%s", mid);
    m[n].acct = (int)(djb2(root) % (unsigned)n_acct);
    n++;
  }
  free(all);
  return n;
}

/* Account names: the first "acct<j>" that lands in each partition, so every
 * instance owns some account whatever the group's assignment. */
static void pick_accounts(e2e_world_t *w) {
  int have = 0;
  for (int j = 0; have < w->n_acct && j < 10000; j++) {
    char name[16];
    snprintf(name, sizeof(name), "acct%d", j);
    int p = co_rt_partition_for(name, strlen(name), w->parts);
    if (p < w->n_acct && !w->acct[p][0]) snprintf(w->acct[p], sizeof(w->acct[p]), "%s", name), have++;
  }
  assert_int_equal(have, w->n_acct);
}

void e2e_kafka_world_init(e2e_world_t *w, int n_acct, int n_inst, int parts, const char *tmpname) {
  char err[512], folder[16];
  memset(w, 0, sizeof(*w));
  assert_true(n_acct <= E2E_MAX_ACCT && n_acct <= parts && n_inst <= E2E_MAX_INST);
  w->n_acct = n_acct, w->n_inst = n_inst, w->parts = parts;
  pick_accounts(w);
  assert_non_null(w->m = calloc(E2E_MAX_MSGS, sizeof(*w->m)));
  w->n = load_messages(w->m, E2E_MAX_MSGS, n_acct);
  printf("messages: %d distinct, parseable\n", w->n);
  assert_true(w->n >= 100);
  if (!(w->imap = co_th_imap_start("jobs", E2E_IMAP_PASSWORD, err, sizeof(err)))) fail_msg("dovecot: %s", err);
  int per[E2E_MAX_ACCT] = {0};
  for (int i = 0; i < w->n; i++) per[w->m[i].acct]++;
  for (int a = 0; a < n_acct; a++) { /* every folder exists before ingest starts */
    snprintf(folder, sizeof(folder), "F%d", a);
    if (co_th_imap_create_folder(w->imap, folder, err, sizeof(err))) fail_msg("folder: %s", err);
    printf("account %s: %d messages in folder F%d\n", w->acct[a], per[a], a);
  }
  w->fh = fh_start(E2E_HOOK_SECRET);
  w->dir = co_th_tmpdir(tmpname);
  w->ingest = -1;
}

void e2e_kafka_deliver(e2e_world_t *w, int from, int to) {
  char err[512], folder[16];
  for (int i = from; i < to; i++) {
    snprintf(folder, sizeof(folder), "F%d", w->m[i].acct);
    if (co_th_imap_deliver(w->imap, folder, w->m[i].raw, w->m[i].len, err, sizeof(err))) fail_msg("deliver: %s", err);
  }
}

/* ---- the processes ------------------------------------------------------ */

void e2e_kafka_world_topics(e2e_world_t *w, const char *bootstrap, const char *extra) {
  char cmd[8192], *app = co_th_kafka_unique_name("e2ek");
  w->bootstrap = bootstrap;
  snprintf(w->app, sizeof(w->app), "%s", app);
  free(app);
  snprintf(w->t_cl, sizeof(w->t_cl), "%s-classified", w->app);
  snprintf(w->common, sizeof(w->common),
           "--brokers '%s' -X app.id=%s -X topic.raw=%s-raw -X topic.dlq=%s-dlq -X topic.classified=%s "
           "-X topic.research=%s-research -X topic.notifications=%s-notify -X topic.partitions=%d %s",
           bootstrap, w->app, w->app, w->app, w->t_cl, w->app, w->app, w->parts, extra);
  snprintf(cmd, sizeof(cmd), "'%s' topics create %s -X log.level=warn >/dev/null", e2e_bin(), w->common);
  assert_int_equal(co_th_sh(cmd, NULL), 0);
}

static void wait_ready(e2e_world_t *w, int s) {
  if (e2e_wait_ready(w->log[s], w->base[s], 180000)) return;
  char *l = co_th_read_file(w->log[s], NULL);
  fail_msg("instance %d never ready; log:\n%s", s, l ? l : "");
}

void e2e_kafka_world_start_instances(e2e_world_t *w) {
  for (int s = 0; s < w->n_inst; s++) {
    int port = co_th_free_port();
    snprintf(w->base[s], sizeof(w->base[s]), "http://127.0.0.1:%d", port);
    snprintf(w->log[s], sizeof(w->log[s]), "%s/run%d.log", w->dir, s);
    snprintf(w->cmd[s], sizeof(w->cmd[s]),
             "'%s' run %s -X state.dir='%s/i%d' -X api.listen=127.0.0.1:%d -X group.instance.id=%s-i%d "
             "-X webhook.url=%s/hook/i%d -X webhook.secret=" E2E_HOOK_SECRET " -X log.level=info",
             e2e_bin(), w->common, w->dir, s, port, w->app, s, fh_base(w->fh), s);
    w->pid[s] = e2e_spawn(w->cmd[s], w->log[s]);
  }
  for (int s = 0; s < w->n_inst; s++) wait_ready(w, s);
}

void e2e_kafka_world_restart(e2e_world_t *w, int s) {
  w->pid[s] = e2e_spawn(w->cmd[s], w->log[s]);
  wait_ready(w, s);
}

void e2e_kafka_world_start_ingest(e2e_world_t *w) {
  char yaml[4200], cmd[16384];
  FILE *f;
  snprintf(yaml, sizeof(yaml), "%s/ingest.yaml", w->dir);
  assert_non_null(f = fopen(yaml, "w"));
  fprintf(f, "accounts:\n");
  for (int a = 0; a < w->n_acct; a++)
    fprintf(f,
            "  - name: %s\n    type: imap\n    url: %s\n    user: jobs\n    password: " E2E_IMAP_PASSWORD "\n"
            "    folders: [F%d]\n",
            w->acct[a], co_th_imap_url(w->imap), a);
  fclose(f);
  snprintf(w->ingest_log, sizeof(w->ingest_log), "%s/ingest.log", w->dir);
  snprintf(cmd, sizeof(cmd), "'%s' ingest -c '%s' %s -X log.level=info", e2e_bin(), yaml, w->common);
  w->ingest = e2e_spawn(cmd, w->ingest_log);
}

void e2e_kafka_world_free(e2e_world_t *w) {
  if (w->ingest > 0) co_th_kill(w->ingest, SIGTERM, 30000);
  for (int s = 0; s < w->n_inst; s++)
    if (w->pid[s] > 0) co_th_kill(w->pid[s], SIGTERM, 60000);
  for (int s = 0; s < w->n_inst; s++) e2e_log_clean(w->log[s]);
  if (w->ingest > 0) e2e_log_clean(w->ingest_log);
  fh_stop(w->fh);
  co_th_imap_stop(w->imap);
  for (int i = 0; i < w->n; i++) free(w->m[i].raw);
  free(w->m);
  co_th_rm_rf(w->dir);
  free(w->dir);
}

/* ---- topic.classified, read_committed ----------------------------------- */

json_t *e2e_kafka_read_committed(const char *bootstrap, const char *topic) {
  char err[256], *gid = co_th_kafka_unique_name("e2e-reader");
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_conf_set(c, "group.id", gid, err, sizeof(err));
  rd_kafka_conf_set(c, "isolation.level", "read_committed", err, sizeof(err));
  rd_kafka_conf_set(c, "enable.partition.eof", "true", err, sizeof(err));
  rd_kafka_conf_set(c, "enable.auto.commit", "false", err, sizeof(err));
  free(gid);
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, c, err, sizeof(err));
  assert_non_null(rk);
  rd_kafka_poll_set_consumer(rk);
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  json_t *out = NULL;
  if (rd_kafka_metadata(rk, 0, rkt, &md, 15000) || md->topics[0].err) goto done;
  int parts = md->topics[0].partition_cnt, eof = 0;
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts);
  for (int p = 0; p < parts; p++) rd_kafka_topic_partition_list_add(l, topic, p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(rk, l);
  rd_kafka_topic_partition_list_destroy(l);
  out = json_array();
  for (int64_t end = co_th_now_ms() + 60000; eof < parts && co_th_now_ms() < end;) {
    rd_kafka_message_t *msg = rd_kafka_consumer_poll(rk, 500);
    if (!msg) continue;
    if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      eof++;
    } else if (!msg->err) {
      json_t *v = json_loadb(msg->payload, msg->len, 0, NULL);
      json_array_append_new(out, v ? v : json_null());
    }
    rd_kafka_message_destroy(msg);
  }
  if (eof < parts) {
    json_decref(out);
    out = NULL;
  }
done:
  if (md) rd_kafka_metadata_destroy(md);
  rd_kafka_topic_destroy(rkt);
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return out;
}

/* One DescribeConfigs of topic; the value of name (malloc'd) or NULL with
 * *why set (a topic just created may not be known to every broker yet). */
static char *describe_once(rd_kafka_t *rk, const char *topic, const char *name, int *is_topic_override,
                           char *why, size_t why_size) {
  char *val = NULL;
  rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
  rd_kafka_ConfigResource_t *res = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topic);
  rd_kafka_DescribeConfigs(rk, &res, 1, NULL, q);
  rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 30000);
  const rd_kafka_DescribeConfigs_result_t *r = ev ? rd_kafka_event_DescribeConfigs_result(ev) : NULL;
  size_t nres = 0, nent = 0;
  const rd_kafka_ConfigResource_t **rs = r ? rd_kafka_DescribeConfigs_result_resources(r, &nres) : NULL;
  snprintf(why, why_size, "%s", !ev                        ? "no answer in 30 s"
                                : rd_kafka_event_error(ev) ? rd_kafka_event_error_string(ev)
                                : nres != 1                ? "no resource"
                                : rd_kafka_ConfigResource_error(rs[0]) ? rd_kafka_ConfigResource_error_string(rs[0])
                                                                       : "no such config");
  const rd_kafka_ConfigEntry_t **ents = nres == 1 ? rd_kafka_ConfigResource_configs(rs[0], &nent) : NULL;
  for (size_t i = 0; i < nent && !val; i++)
    if (!strcmp(rd_kafka_ConfigEntry_name(ents[i]), name) && rd_kafka_ConfigEntry_value(ents[i])) {
      val = strdup(rd_kafka_ConfigEntry_value(ents[i]));
      *is_topic_override = rd_kafka_ConfigEntry_source(ents[i]) == RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG;
    }
  if (ev) rd_kafka_event_destroy(ev);
  rd_kafka_ConfigResource_destroy(res);
  rd_kafka_queue_destroy(q);
  return val;
}

char *e2e_kafka_topic_config(const char *bootstrap, const char *topic, const char *name, int *is_topic_override) {
  char err[256], why[512] = "";
  char *val = NULL;
  rd_kafka_conf_t *c = rd_kafka_conf_new();
  rd_kafka_conf_set(c, "bootstrap.servers", bootstrap, err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, c, err, sizeof(err));
  assert_non_null(rk);
  if (!CO_TH_WAIT_UNTIL((val = describe_once(rk, topic, name, is_topic_override, why, sizeof(why))), 30000))
    fprintf(stderr, "DescribeConfigs %s %s: %s\n", topic, name, why);
  rd_kafka_destroy(rk);
  return val;
}

/* ---- the check ---------------------------------------------------------- */

static const char *jstr(const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static int stage_rank(const char *s) {
  return !strcmp(s, "APPLIED")                              ? 1
         : !strcmp(s, "INTERVIEW")                          ? 2
         : (!strcmp(s, "OFFER") || !strcmp(s, "REJECTION")) ? 3
                                                            : 0;
}

/* docs/notify.md: hex SHA-256 of account \x1f message_id \x1f kind \x1f channel */
static void idem_key(const char *account, const char *mid, const char *kind, char out[65]) {
  char buf[1024];
  unsigned char d[SHA256_DIGEST_LENGTH];
  int n = snprintf(buf, sizeof(buf), "%s\x1f%s\x1f%s\x1fwebhook", account, mid, kind);
  SHA256((const unsigned char *)buf, (size_t)n, d);
  for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) sprintf(out + 2 * i, "%02x", d[i]);
}

/* base64url (no padding) of an API application key back to the store key */
static void b64url_decode(const char *in, char *out, size_t size) {
  unsigned v = 0;
  int bits = 0;
  size_t o = 0;
  for (; *in && o + 1 < size; in++) {
    const char *al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", *p = strchr(al, *in);
    if (!p) continue;
    v = (v << 6) | (unsigned)(p - al);
    if ((bits += 6) >= 8) {
      bits -= 8;
      out[o++] = (char)((v >> bits) & 0xff);
    }
  }
  out[o] = '\0';
}

__attribute__((format(printf, 2, 3))) static int why(e2e_world_t *w, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(w->why, sizeof(w->why), fmt, ap);
  va_end(ap);
  return 0;
}
#define WHY(...) why(w, __VA_ARGS__)

/* Each delivered message exactly once, in its account. */
static int check_events(e2e_world_t *w, json_t *ev) {
  size_t i;
  json_t *e;
  if ((int)json_array_size(ev) != w->n) return WHY("classified events: %zu, delivered %d", json_array_size(ev), w->n);
  for (int k = 0; k < w->n; k++) {
    int seen = 0;
    json_array_foreach(ev, i, e) if (!strcmp(jstr(e, "message_id"), w->m[k].mid)) {
      const char *want = w->acct[w->m[k].acct];
      if (strcmp(jstr(e, "account"), want))
        return WHY("message %s classified for account %s, delivered to %s", w->m[k].mid, jstr(e, "account"), want);
      seen++;
    }
    if (seen != 1) return WHY("message %s classified %d times", w->m[k].mid, seen);
  }
  return 1;
}

/* What the events imply: applications (emails, stage rank) and notification keys. */
static void implied(json_t *ev, json_t *exp_apps, json_t *keys) {
  size_t i;
  json_t *e;
  json_array_foreach(ev, i, e) {
    const char *label = jstr(e, "label"), *app = jstr(e, "application");
    if (*app) {
      json_t *a = json_object_get(exp_apps, app);
      if (!a) json_object_set_new(exp_apps, app, a = json_pack("{s:i,s:i}", "emails", 0, "rank", 0));
      json_object_set_new(a, "emails", json_integer(json_integer_value(json_object_get(a, "emails")) + 1));
      if (stage_rank(label) > json_integer_value(json_object_get(a, "rank")))
        json_object_set_new(a, "rank", json_integer(stage_rank(label)));
    }
    if (!strcmp(label, "INTERVIEW") || !strcmp(label, "OFFER")) {
      char k[65];
      idem_key(jstr(e, "account"), jstr(e, "message_id"), !strcmp(label, "OFFER") ? "offer" : "interview", k);
      json_object_set_new(keys, k, json_string(jstr(e, "message_id")));
    }
  }
}

/* Account a's applications asked of every instance: the same answer from
 * the same owner, equal to exp_apps. Adds their number to *napps. */
static int check_account(e2e_world_t *w, int a, json_t *exp_apps, size_t *napps) {
  char path[256];
  const char *acct = w->acct[a];
  size_t j;
  json_t *ap;
  snprintf(path, sizeof(path), "/api/accounts/%s/applications?limit=200", acct);
  e2e_resp_t r[E2E_MAX_INST];
  for (int s = 0; s < w->n_inst; s++) e2e_get(w->base[s], path, NULL, &r[s]);
  int bad = 0;
  for (int s = 0; s < w->n_inst && !bad; s++)
    if (r[s].status != 200 || !r[s].json) bad = WHY("instance %d: %s: %ld %s", s, path, r[s].status, r[s].body) + 1;
  for (int s = 1; s < w->n_inst && !bad; s++) {
    if (strcmp(r[0].body, r[s].body)) bad = WHY("%s differs between instances 0 and %d", path, s) + 1;
    else if (strcmp(r[0].instance, r[s].instance))
      bad = WHY("%s answered by %s and by %s", path, r[0].instance, r[s].instance) + 1;
  }
  json_array_foreach(bad ? NULL : json_object_get(r[0].json, "items"), j, ap) {
    char key[1024];
    b64url_decode(jstr(ap, "key"), key, sizeof(key));
    json_t *x = json_object_get(exp_apps, key);
    if (!x) {
      bad = WHY("%s: application %s / %s joined by no classified event", acct, jstr(ap, "company"), jstr(ap, "role")) + 1;
      break;
    }
    long em = (long)json_integer_value(json_object_get(ap, "emails"));
    if (em != json_integer_value(json_object_get(x, "emails")) ||
        stage_rank(jstr(ap, "stage")) != json_integer_value(json_object_get(x, "rank"))) {
      bad = WHY("%s: %s / %s: %ld emails, stage %s; events imply %lld emails, rank %lld", acct, jstr(ap, "company"),
                jstr(ap, "role"), em, jstr(ap, "stage"), json_integer_value(json_object_get(x, "emails")),
                json_integer_value(json_object_get(x, "rank"))) +
            1;
      break;
    }
    (*napps)++;
  }
  if (!bad) snprintf(w->owner[a], sizeof(w->owner[a]), "%s", r[0].instance);
  if (w->verbose && !bad)
    printf("account %s: %zu applications, owned by %s, the same answer from all %d instances\n", acct,
           json_array_size(json_object_get(r[0].json, "items")), r[0].instance, w->n_inst);
  for (int s = 0; s < w->n_inst; s++) e2e_resp_free(&r[s]);
  return !bad;
}

/* The webhook got exactly the implied keys, every request signed. */
static int check_webhook(e2e_world_t *w, json_t *keys) {
  int nreq = fh_count(w->fh, "hook"), distinct = 0;
  for (int r = 0; r < nreq; r++) {
    fh_req_t q;
    if (fh_get(w->fh, "hook", r, &q)) continue;
    int known = json_object_get(keys, q.idem) != NULL, sig = q.has_sig && q.sig_ok, first = 1;
    for (int o = 0; o < r && first; o++) {
      fh_req_t p;
      if (!fh_get(w->fh, "hook", o, &p)) {
        first = strcmp(p.idem, q.idem) != 0;
        free(p.body);
      }
    }
    distinct += first;
    free(q.body);
    if (!known) return WHY("webhook request %d carries key %.16s... that no INTERVIEW/OFFER event implies", r, q.idem);
    if (!sig) return WHY("webhook request %d not correctly signed", r);
  }
  if (distinct != (int)json_object_size(keys))
    return WHY("webhook got %d distinct keys, events imply %zu", distinct, json_object_size(keys));
  return 1;
}

int e2e_kafka_check(e2e_world_t *w) {
  json_t *ev = e2e_kafka_read_committed(w->bootstrap, w->t_cl);
  if (!ev) return WHY("classified topic not readable to its end");
  json_t *exp_apps = json_object(), *keys = json_object();
  size_t napps = 0;
  int ok = check_events(w, ev);
  if (ok) implied(ev, exp_apps, keys);
  for (int a = 0; a < w->n_acct && ok; a++) ok = check_account(w, a, exp_apps, &napps);
  if (ok && napps != json_object_size(exp_apps))
    ok = WHY("API shows %zu applications, events imply %zu", napps, json_object_size(exp_apps));
  if (ok) ok = check_webhook(w, keys);
  if (ok && w->verbose)
    printf("classified events %zu (= delivered), applications %zu, notification keys %zu, webhook requests %d\n",
           json_array_size(ev), napps, json_object_size(keys), fh_count(w->fh, "hook"));
  json_decref(ev);
  json_decref(exp_apps);
  json_decref(keys);
  return ok;
}

int e2e_kafka_webhook_resends(e2e_world_t *w, const char *allowed) {
  int nreq = fh_count(w->fh, "hook"), twice = 0;
  for (int r = 0; r < nreq; r++) {
    fh_req_t q, p;
    assert_int_equal(fh_get(w->fh, "hook", r, &q), 0);
    assert_true(fh_count_key(w->fh, "hook", q.idem) <= 2);
    for (int o = 0; o < r; o++) {
      assert_int_equal(fh_get(w->fh, "hook", o, &p), 0);
      if (!strcmp(p.idem, q.idem)) {
        twice++;
        int in_flight = allowed && !strcmp(q.idem, allowed);
        printf("key %.16s... sent twice: %s then %s, same body: %s%s\n", q.idem, p.path, q.path,
               strcmp(p.body, q.body) ? "NO" : "yes", in_flight ? " (the request in flight at the kill)" : "");
        assert_string_equal(p.body, q.body);
        assert_true(in_flight);
      }
      free(p.body);
    }
    free(q.body);
  }
  printf("webhook: %d requests, %d re-sent with the same key (docs/notify.md allows the one in flight)\n", nreq, twice);
  return twice;
}

/* The last `max` lines of path that say something went wrong: our warn and
 * error log lines, librdkafka's transaction and fatal errors. */
static void print_trouble(const char *label, const char *path, int max) {
  char *all = co_th_read_file(path, NULL);
  if (!all) return;
  const char *hits[64];
  int n = 0;
  if (max > 64) max = 64;
  for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
    if (!strstr(line, "\"level\":\"warn\"") && !strstr(line, "\"level\":\"error\"") && !strstr(line, "|TXNERR|") &&
        !strstr(line, "|FATAL|"))
      continue;
    hits[n % max] = line;
    n++;
  }
  printf("--- %s (%s): %d trouble line(s), the last %d:\n", label, path, n, n < max ? n : max);
  for (int i = n < max ? 0 : n - max; i < n; i++) printf("  %.600s\n", hits[i % max]);
  free(all);
}

void e2e_kafka_print_trouble(const e2e_world_t *w) {
  char label[32];
  for (int s = 0; s < w->n_inst; s++) {
    snprintf(label, sizeof(label), "instance %d", s);
    print_trouble(label, w->log[s], 40);
  }
  if (w->ingest) print_trouble("ingest", w->ingest_log, 20);
  fflush(stdout);
}

void e2e_kafka_settle(e2e_world_t *w, int64_t t0) {
  if (!CO_TH_WAIT_UNTIL(e2e_kafka_check(w), 420000)) {
    e2e_kafka_print_trouble(w);
    fail_msg("not settled within 420 s: %s", w->why);
  }
  printf("settled %lld ms after ingest started\n", (long long)(co_th_now_ms() - t0));
  w->verbose = 1;
  if (!e2e_kafka_check(w)) {
    e2e_kafka_print_trouble(w);
    fail_msg("settled, then not: %s", w->why);
  }
}

/* ---- a kill held inside a webhook delivery ------------------------------ */

static void killer_hook(fh_t *fh, const char *route, int i, void *opaque) {
  e2e_killer_t *k = opaque;
  fh_req_t q;
  int s = 0;
  if (strcmp(route, "hook") || fh_get(fh, "hook", i, &q)) return;
  pthread_mutex_lock(&k->lock);
  if (k->victim < 0 && ++k->seen == k->at) {
    const char *p = strstr(q.path, "/hook/i");
    if (k->npid > 1 && p) s = atoi(p + strlen("/hook/i"));
    k->victim = s >= 0 && s < k->npid ? s : 0;
    snprintf(k->idem, sizeof(k->idem), "%s", q.idem);
    kill(k->pid[k->victim], SIGKILL); /* reaped by the test thread */
  }
  pthread_mutex_unlock(&k->lock);
  free(q.body);
}

void e2e_killer_arm(e2e_killer_t *k, e2e_world_t *w, int at, const pid_t *pid, int npid) {
  memset(k, 0, sizeof(*k));
  pthread_mutex_init(&k->lock, NULL);
  k->at = at, k->npid = npid, k->victim = -1;
  memcpy(k->pid, pid, (size_t)npid * sizeof(*pid));
  fh_set_hook(w->fh, killer_hook, k);
}

int e2e_killer_victim(e2e_killer_t *k) {
  pthread_mutex_lock(&k->lock);
  int v = k->victim;
  pthread_mutex_unlock(&k->lock);
  return v;
}
