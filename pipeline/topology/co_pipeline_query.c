/* co_pipeline_query.c: reads committed pipeline state from outside the
 * topology: the applications of an account (through the per-account index
 * the processor keeps in each partition, with the manual corrections
 * overlaid) and record counts of the output
 * topics (embedded mode's local log). */
#include <stdlib.h>
#include <string.h>

#include "co_json.h"
#include "co_pipeline_int.h"


/* Lists one account's applications; returns cb's non-zero to stop. */
static int list_account(co_pipeline_t *p, const char *account, int (*cb)(const co_pipeline_app_t *, void *),
                        void *opaque) {
  int32_t part = co_rt_partition_for(account, strlen(account), co_rt_partitions(p->rt));
  size_t ilen = strlen(CO_PL_IDX_APPS) + strlen(account) + 1, i;
  char *ikey = malloc(ilen);
  int stop = 0;
  json_t *idx, *k;
  if (!ikey) return 0;
  snprintf(ikey, ilen, "%s%s", CO_PL_IDX_APPS, account);
  idx = co_pl_rt_get_json(p->rt, CO_PL_STORE_APPS, part, ikey);
  free(ikey);
  json_array_foreach(idx, i, k) {
    const char *key = json_string_value(k);
    json_t *stored = key ? co_pl_rt_get_json(p->rt, CO_PL_STORE_APPS, part, key) : NULL;
    /* manual corrections win; NULL = hidden (not job-related, merged) */
    json_t *app = stored ? co_pl_corrections_overlay(p, part, key, stored) : NULL;
    json_decref(stored);
    char *text = app ? json_dumps(app, JSON_COMPACT) : NULL;
    if (text) {
      co_pipeline_app_t a = {account,
                             co_json_str(app, "company"),
                             co_json_str(app, "role"),
                             co_json_str(app, "stage"),
                             co_json_str(app, "last_contact"),
                             json_string_value(json_object_get(app, "next_interview")),
                             json_integer_value(json_object_get(app, "emails")),
                             text};
      stop = cb(&a, opaque);
    }
    free(text);
    json_decref(app);
    if (stop) break;
  }
  json_decref(idx);
  return stop;
}

co_err_t co_pipeline_applications(co_pipeline_t *p, const char *account,
                                  int (*cb)(const co_pipeline_app_t *app, void *opaque), void *opaque, char *errstr,
                                  size_t errstr_size) {
  if (!p || !cb) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "applications: pipeline and cb required");
  if (account) {
    list_account(p, account, cb, opaque);
    return CO_OK;
  }
  for (int32_t part = 0; part < co_rt_partitions(p->rt); part++) {
    json_t *accts = co_pl_rt_get_json(p->rt, CO_PL_STORE_APPS, part, CO_PL_IDX_ACCOUNTS), *a;
    size_t i;
    int stop = 0;
    json_array_foreach(accts, i,
                       a) if (json_is_string(a) && (stop = list_account(p, json_string_value(a), cb, opaque))) break;
    json_decref(accts);
    if (stop) break;
  }
  return CO_OK;
}

typedef struct count_s {
  co_pipeline_counts_t *c;
  int which;           /* 0 classified, 1 research, 2 notifications, 3 dlq */
  json_t *letters;     /* dlq: ids of the letters ("<partition>:<offset>", as `dlq list`) */
  json_t *dismissed;   /* dlq: ids named by dismissal markers */
} count_t;

static int count_cb(const co_record_t *rec, void *opaque) {
  count_t *ct = opaque;
  if (ct->which == 1)
    ct->c->research++;
  else if (ct->which == 2)
    ct->c->notifications++;
  else if (ct->which == 3) {
    /* replay and dismissal markers carry no error class */
    char id[512];
    for (int i = 0; i < rec->hdr_cnt; i++) {
      if (!strcmp(rec->hdrs[i].name, "co.dlq.error.class")) {
        snprintf(id, sizeof(id), "%d:%lld", (int)rec->partition, (long long)rec->offset);
        json_object_set_new(ct->letters, id, json_true());
      } else if (!strcmp(rec->hdrs[i].name, "co.dlq.dismissed.id") && rec->hdrs[i].value) {
        snprintf(id, sizeof(id), "%.*s", (int)rec->hdrs[i].len, (const char *)rec->hdrs[i].value);
        json_object_set_new(ct->dismissed, id, json_true());
      }
    }
  } else {
    json_t *ev = json_loadb(rec->value, rec->value_len, 0, NULL);
    int l = co_classify_label_parse(co_json_str(ev, "label"));
    ct->c->classified++;
    if (l >= 0 && l < 5) ct->c->per_label[l]++;
    json_decref(ev);
  }
  return 0;
}

co_err_t co_pipeline_counts(co_pipeline_t *p, co_pipeline_counts_t *out, char *errstr, size_t errstr_size) {
  const char *topics[4] = {p->t_classified, p->t_research, p->t_notify, p->t_dlq};
  memset(out, 0, sizeof(*out));
  if (!co_rt_embedded(p->rt))
    return co_seterr(errstr, errstr_size, CO_ERR_UNSUPPORTED, "counts: embedded mode only (use the API)");
  json_t *letters = json_object(), *dismissed = json_object(), *v;
  const char *id;
  if (!letters || !dismissed) {
    json_decref(letters);
    json_decref(dismissed);
    return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "counts: out of memory");
  }
  for (int t = 0; t < 4; t++) {
    count_t ct = {out, t, letters, dismissed};
    for (int32_t part = 0; part < co_rt_partitions(p->rt); part++) co_rt_read(p->rt, topics[t], part, 0, count_cb, &ct);
  }
  json_object_foreach(letters, id, v) {
    if (json_object_get(dismissed, id))
      out->dlq_dismissed++;
    else
      out->dlq++;
  }
  json_decref(letters);
  json_decref(dismissed);
  return CO_OK;
}
