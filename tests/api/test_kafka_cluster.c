/* api_kafka_three_instances_forward_to_owner_and_merge (label kafka): three
 * pipeline instances (threads of this process, one consumer group, APIs on
 * three ports) on the real broker; the sample inbox is imported through
 * Kafka (`careerops import`, transactional) for several accounts. Then:
 *  - a query for an account owned by instance B sent to A returns B's data
 *    with X-CareerOps-Instance naming B (the owner according to Kafka's own
 *    group description), the same answer B gives directly, while A refuses
 *    to answer it itself (an internal sub-request, never forwarded: 503);
 *    an email of that account (GET .../emails/{id}) is forwarded the same way;
 *  - /api/accounts and /api/stats asked of any instance merge what every
 *    instance holds (each holds only a part);
 *  - an account token created through the token topic while the cluster
 *    runs works on every instance, also for forwarded requests, and is
 *    refused on another account. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "co_log.h"

#include "api_tu.h"
#include "co_th.h"
#include "co_th_kafka.h"

#define N_INST 3
#define N_ACCT 6
#define SAMPLE_APPS 10 /* docs/pipeline.md: ten companies, one application each */
#define SAMPLE_OFFERS 2 /* data/sample/expected.json: two journeys end in an offer */

typedef struct inst_s {
  co_conf_t *conf;
  co_pipeline_t *p;
  co_pipeline_api_t *api;
  pthread_t thr;
  char base[64], id[64];
  co_err_t rc;
  char err[512];
} inst_t;

static inst_t g_in[N_INST];
static char g_acct[N_ACCT][32];
static int g_started;
static co_th_kafka_t *g_k;
static char *g_dir, *g_app;

static void *run_inst(void *arg) {
  inst_t *in = arg;
  in->rc = co_pipeline_run(in->p, in->err, sizeof(in->err));
  return NULL;
}

static void set(co_conf_t *c, const char *n, const char *v) {
  char err[256];
  if (co_conf_set(c, n, v, CO_CONF_SRC_CLI, err, sizeof(err))) fail_msg("conf %s: %s", n, err);
}

#define KADMIN "kafka-cluster-admin-token-for-tests"

static long status_of(const char *base, const char *path, const char *token, const char *hdr, api_resp_t *keep) {
  api_resp_t r;
  api_req_h(base, "GET", path, token, NULL, hdr, &r);
  long s = r.status;
  if (keep)
    *keep = r;
  else
    api_resp_free(&r);
  return s;
}

/* Applications of every account that `base` reports through /api/accounts. */
static long merged_apps(const char *base) {
  api_resp_t r;
  long n = 0;
  size_t i;
  json_t *it;
  api_req(base, "GET", "/api/accounts", KADMIN, NULL, &r);
  if (r.status == 200)
    json_array_foreach(json_object_get(r.json, "items"), i, it) n += json_integer_value(json_object_get(it, "applications"));
  api_resp_free(&r);
  return n;
}

/* OFFER stages over every account (merged /api/stats), or -1. */
static long stat_offers(const char *base) {
  api_resp_t r;
  long n = -1;
  api_req(base, "GET", "/api/stats", KADMIN, NULL, &r);
  if (r.status == 200) n = (long)json_integer_value(json_object_get(json_object_get(r.json, "per_stage"), "OFFER"));
  api_resp_free(&r);
  return n;
}

static void test_cluster(void **state) {
  (void)state;
  char err[1024], cmd[16384], path[512];
  co_th_kafka_t *k = co_th_kafka_start(1, err, sizeof(err));
  if (!k) fail_msg("broker: %s", err);
  const char *bs = co_th_kafka_bootstrap(k);
  char *app = co_th_kafka_unique_name("apik"), *dir = co_th_tmpdir("api-kafka");
  char t_raw[256], t_dlq[256], t_cl[256], t_rs[256], t_nt[256];
  snprintf(t_raw, sizeof(t_raw), "%s-raw", app);
  snprintf(t_dlq, sizeof(t_dlq), "%s-dlq", app);
  snprintf(t_cl, sizeof(t_cl), "%s-classified", app);
  snprintf(t_rs, sizeof(t_rs), "%s-research", app);
  snprintf(t_nt, sizeof(t_nt), "%s-notify", app);
  const char *bd = getenv("CO_BINARY_DIR");
  char common[4096];
  snprintf(common, sizeof(common),
           "--brokers '%s' -X app.id=%s -X topic.raw=%s -X topic.dlq=%s -X topic.classified=%s -X topic.research=%s "
           "-X topic.notifications=%s -X topic.partitions=6 -X log.level=warn",
           bs, app, t_raw, t_dlq, t_cl, t_rs, t_nt);
  snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' topics create %s >/dev/null", bd, common);
  assert_int_equal(co_th_sh(cmd, NULL), 0);

  inst_t *in = g_in;
  g_k = k;
  g_dir = dir;
  g_app = app;
  for (int i = 0; i < N_INST; i++) {
    char sdir[4096], listen[64], gid[300];
    int port = co_th_free_port();
    snprintf(sdir, sizeof(sdir), "%s/i%d", dir, i);
    snprintf(listen, sizeof(listen), "127.0.0.1:%d", port);
    snprintf(in[i].base, sizeof(in[i].base), "http://127.0.0.1:%d", port);
    snprintf(in[i].id, sizeof(in[i].id), "127.0.0.1:%d", port);
    snprintf(gid, sizeof(gid), "%s-i%d", app, i);
    in[i].conf = co_conf_new();
    set(in[i].conf, "brokers", bs);
    set(in[i].conf, "app.id", app);
    set(in[i].conf, "state.dir", sdir);
    set(in[i].conf, "topic.raw", t_raw);
    set(in[i].conf, "topic.dlq", t_dlq);
    set(in[i].conf, "topic.classified", t_cl);
    set(in[i].conf, "topic.research", t_rs);
    set(in[i].conf, "topic.notifications", t_nt);
    set(in[i].conf, "topic.partitions", "6");
    set(in[i].conf, "api.listen", listen);
    set(in[i].conf, "api.admin.token", KADMIN); /* no open mode: the test reads as admin */
    set(in[i].conf, "group.instance.id", gid);
    set(in[i].conf, "log.level", "warn");
    if (co_pipeline_api_prepare(in[i].conf, err, sizeof(err)) || co_conf_finalize(in[i].conf, err, sizeof(err)))
      fail_msg("conf: %s", err);
    if (!(in[i].p = co_pipeline_new(in[i].conf, err, sizeof(err)))) fail_msg("pipeline %d: %s", i, err);
    if (!(in[i].api = co_pipeline_api_start(in[i].p, in[i].conf, err, sizeof(err)))) fail_msg("api %d: %s", i, err);
    assert_int_equal(pthread_create(&in[i].thr, NULL, run_inst, &in[i]), 0);
    g_started = i + 1;
  }

  /* one account per partition of topic.raw (6), so every instance owns some */
  for (int a = 0, n = 0; a < N_ACCT; n++) {
    char name[32];
    snprintf(name, sizeof(name), "acct%d", n);
    int32_t part = co_rt_partition_for(name, strlen(name), 6), taken = 0;
    for (int b = 0; b < a; b++) taken |= co_rt_partition_for(g_acct[b], strlen(g_acct[b]), 6) == part;
    if (!taken) snprintf(g_acct[a++], sizeof(g_acct[0]), "%s", name);
  }
  /* the sample for N_ACCT accounts, each from its own copy (progress is per
   * path) with its own message ids (dedupe is by message id per partition) */
  for (int a = 0; a < N_ACCT; a++) {
    char copy[4200], tag[16];
    snprintf(copy, sizeof(copy), "%s/%s.mbox", dir, g_acct[a]);
    snprintf(tag, sizeof(tag), "a%d", a);
    api_tu_sample_copy(copy, tag);
    snprintf(cmd, sizeof(cmd), "'%s/cli/careerops' import '%s' --account %s %s >/dev/null", bd, copy, g_acct[a],
             common);
    assert_int_equal(co_th_sh(cmd, NULL), 0);
  }

  /* every instance ready, and the merged view complete everywhere */
  for (int i = 0; i < N_INST; i++)
    if (!CO_TH_WAIT_UNTIL(status_of(in[i].base, "/ready", NULL, NULL, NULL) == 200, 120000))
      fail_msg("instance %d never ready", i);
  for (int i = 0; i < N_INST; i++)
    /* 6 accounts x the sample is ~1,270 emails, each embedded by the
     * classifier (~0.13 CPU-s): minutes on a loaded 2-core CI machine */
    if (!CO_TH_WAIT_UNTIL(merged_apps(in[i].base) == N_ACCT * SAMPLE_APPS, 400000)) {
      for (int j = 0; j < N_INST; j++) {
        api_resp_t r;
        status_of(in[j].base, "/api/accounts", KADMIN, "X-CareerOps-Internal: 1", &r);
        printf("instance %s local: %s\n", in[j].id, r.body);
        api_resp_free(&r);
        status_of(in[j].base, "/api/accounts", KADMIN, NULL, &r);
        printf("instance %s merged: %ld %s\n", in[j].id, r.status, r.body);
        api_resp_free(&r);
        status_of(in[j].base, "/metrics", KADMIN, NULL, &r);
        for (char *l = strtok(r.body, "\n"); l; l = strtok(NULL, "\n"))
          if (l[0] != '#' && (strstr(l, "records_in") || strstr(l, "lag") || strstr(l, "restoring") ||
                              strstr(l, "standby") || strstr(l, "commits") || strstr(l, "aborts")))
            printf("  %s %s\n", in[j].id, l);
        api_resp_free(&r);
      }
      fail_msg("instance %d: merged accounts never reached %d applications (now %ld)", i, N_ACCT * SAMPLE_APPS,
               merged_apps(in[i].base));
    }

  /* Applications exist from each journey's first email; its later emails may
   * still be on their way through the classifier (every email is embedded,
   * ~0.13 CPU-s each): stages are compared once every account's offers are in. */
  for (int i = 0; i < N_INST; i++)
    if (!CO_TH_WAIT_UNTIL(stat_offers(in[i].base) == N_ACCT * SAMPLE_OFFERS, 300000))
      fail_msg("instance %d: merged OFFER stages never reached %d (now %ld)", i, N_ACCT * SAMPLE_OFFERS,
               stat_offers(in[i].base));

  /* each instance holds only a part: internal sub-requests answer locally */
  int holders = 0;
  long local_sum = 0;
  for (int i = 0; i < N_INST; i++) {
    api_resp_t r;
    status_of(in[i].base, "/api/stats", KADMIN, "X-CareerOps-Internal: 1", &r);
    long n = (long)json_integer_value(json_object_get(r.json, "applications"));
    printf("instance %s holds %ld applications\n", in[i].id, n);
    local_sum += n;
    holders += n > 0;
    api_resp_free(&r);
  }
  assert_int_equal(local_sum, N_ACCT * SAMPLE_APPS);
  assert_true(holders >= 2); /* the data is spread: a merge has something to merge */
  for (int i = 0; i < N_INST; i++) {
    api_resp_t r;
    assert_int_equal(status_of(in[i].base, "/api/stats", KADMIN, NULL, &r), 200);
    assert_int_equal(json_integer_value(json_object_get(r.json, "applications")), N_ACCT * SAMPLE_APPS);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(r.json, "per_stage"), "OFFER")) % N_ACCT, 0);
    api_resp_free(&r);
  }

  /* an account owned by B, asked of A */
  int forwarded = 0;
  for (int a = 0; a < N_ACCT; a++) {
    const char *acct = g_acct[a];
    snprintf(path, sizeof(path), "/api/accounts/%s/applications?limit=200", acct);
    for (int i = 0; i < N_INST; i++) {
      api_resp_t via, direct, local;
      assert_int_equal(status_of(in[i].base, path, KADMIN, NULL, &via), 200);
      if (!strcmp(via.instance, in[i].id)) { /* A owns it */
        api_resp_free(&via);
        continue;
      }
      int b = -1;
      for (int j = 0; j < N_INST; j++)
        if (!strcmp(via.instance, in[j].id)) b = j;
      if (b < 0) fail_msg("answer names unknown instance '%s'", via.instance);
      /* Kafka's group description agrees that b owns the account's partition */
      char url[256];
      int is_local = 0;
      co_rt_owners_t *ow = co_rt_owners_new(co_pipeline_rt(in[b].p), co_pipeline_api_url(in[b].api));
      assert_int_equal(co_rt_owner_url(ow, t_raw, acct, strlen(acct), url, sizeof(url), &is_local, err, sizeof(err)),
                       CO_OK);
      co_rt_owners_destroy(ow);
      assert_true(is_local);
      assert_int_equal(json_integer_value(json_object_get(via.json, "total")), SAMPLE_APPS);
      assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(via.json, "items"), 0), "account")),
                          acct);
      assert_int_equal(status_of(in[b].base, path, KADMIN, NULL, &direct), 200);
      assert_string_equal(direct.instance, in[b].id);
      assert_string_equal(direct.body, via.body);
      /* A itself does not answer for it: a sub-request (no forwarding) is refused */
      assert_int_equal(status_of(in[i].base, path, KADMIN, "X-CareerOps-Internal: 1", &local), 503);
      /* an email of the account, read in place: also answered by b, through A */
      json_t *st = json_object_get(json_array_get(json_object_get(via.json, "items"), 0), "stages");
      char *mid = co_th_b64url(json_string_value(json_object_get(json_array_get(st, 0), "message_id"))), epath[600];
      api_resp_t ev, ed;
      snprintf(epath, sizeof(epath), "/api/accounts/%s/emails/%s", acct, mid);
      assert_int_equal(status_of(in[i].base, epath, KADMIN, NULL, &ev), 200);
      assert_string_equal(ev.instance, in[b].id);
      assert_int_equal(status_of(in[b].base, epath, KADMIN, NULL, &ed), 200);
      assert_string_equal(ev.body, ed.body);
      assert_true(json_string_length(json_object_get(ev.json, "text")) > 0);
      api_resp_free(&ev);
      api_resp_free(&ed);
      free(mid);
      forwarded++;
      api_resp_free(&via);
      api_resp_free(&direct);
      api_resp_free(&local);
    }
  }
  printf("forwarded answers checked: %d\n", forwarded);
  assert_true(forwarded >= N_ACCT); /* each account is remote for at least one of three instances */

  /* a token created through the token topic works on every instance */
  char tok[64];
  api_tu_token(in[0].conf, g_acct[0], 0, tok);
  char own[128], other[128];
  snprintf(own, sizeof(own), "/api/accounts/%s/applications", g_acct[0]);
  snprintf(other, sizeof(other), "/api/accounts/%s/applications", g_acct[1]);
  for (int i = 0; i < N_INST; i++) {
    if (!CO_TH_WAIT_UNTIL(status_of(in[i].base, own, tok, NULL, NULL) == 200, 30000))
      fail_msg("instance %d never accepted the new token", i);
    assert_int_equal(status_of(in[i].base, other, tok, NULL, NULL), 403);
    assert_int_equal(status_of(in[i].base, own, NULL, NULL, NULL), 401);
    api_resp_t r;
    assert_int_equal(status_of(in[i].base, "/api/accounts", tok, NULL, &r), 200);
    assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
    api_resp_free(&r);
  }

}

/* Runs after the test, also when it failed: stops what it started. */
static int teardown(void **state) {
  (void)state;
  for (int i = 0; i < g_started; i++) co_pipeline_stop(g_in[i].p);
  for (int i = 0; i < g_started; i++) {
    pthread_join(g_in[i].thr, NULL);
    if (g_in[i].rc) fprintf(stderr, "instance %d: %s\n", i, g_in[i].err);
    co_pipeline_api_stop(g_in[i].api);
    co_pipeline_destroy(g_in[i].p);
    co_conf_destroy(g_in[i].conf);
  }
  g_started = 0;
  if (g_dir) co_th_rm_rf(g_dir);
  free(g_dir);
  free(g_app);
  co_th_kafka_stop(g_k);
  return 0;
}

int main(void) {
  /* warnings only: three instances' info lines would bury a failure's message */
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_JSON, NULL, stderr);
  const struct CMUnitTest tests[] = {cmocka_unit_test_teardown(test_cluster, teardown)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
