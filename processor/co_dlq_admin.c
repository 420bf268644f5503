/* co_dlq_admin.c: DLQ list and replay for the CLI and API (see co_dlq.h).
 * The DLQ is read whole into memory: it holds failures, which must stay few;
 * a DLQ that grows is an alert (docs/operations.md), not a workload. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "co_dlq.h"
#include "co_log.h"
#include "co_time.h"
#include "co_rt_int.h"

#define CO_DLQ_MARKER "__co_replayed__"
/* A dismissed letter's marker: the person saw it and does not want it
 * replayed; the letter itself stays (a DLQ loses nothing). */
#define CO_DLQ_DISMISSED "__co_dismissed__"

typedef struct co_dlq_rec_s {
  int32_t partition;
  int64_t offset;
  char *key, *value; /* value NULL for tombstones */
  size_t klen, vlen;
  co_hdr_t *hdrs; /* names/values malloc'd one by one */
  int hdr_cnt;
} co_dlq_rec_t;

typedef struct co_dlq_set_s {
  co_dlq_rec_t *recs;
  int cnt, cap;
} co_dlq_set_t;

static char *co_memdup0(const void *p, size_t n) {
  char *d = malloc(n + 1);
  if (d) {
    if (n) memcpy(d, p, n);
    d[n] = '\0';
  }
  return d;
}

static int co_dlq_keep(co_dlq_set_t *set, int32_t partition, int64_t offset, const void *key, size_t klen,
                       const void *val, size_t vlen, const co_hdr_t *hdrs, int hdr_cnt) {
  if (set->cnt == set->cap) {
    int cap = set->cap ? set->cap * 2 : 64;
    co_dlq_rec_t *n = realloc(set->recs, sizeof(*n) * (size_t)cap);
    if (!n) return -1;
    set->recs = n;
    set->cap = cap;
  }
  co_dlq_rec_t *r = &set->recs[set->cnt];
  memset(r, 0, sizeof(*r));
  r->partition = partition;
  r->offset = offset;
  r->key = co_memdup0(key, klen);
  r->klen = klen;
  r->value = val ? co_memdup0(val, vlen) : NULL;
  r->vlen = vlen;
  r->hdrs = calloc((size_t)hdr_cnt + 1, sizeof(*r->hdrs));
  if (!r->key || (val && !r->value) || !r->hdrs) return -1;
  for (int i = 0; i < hdr_cnt; i++) {
    r->hdrs[i].name = co_memdup0(hdrs[i].name, strlen(hdrs[i].name));
    r->hdrs[i].value = hdrs[i].value ? co_memdup0(hdrs[i].value, hdrs[i].len) : NULL;
    r->hdrs[i].len = hdrs[i].len;
  }
  r->hdr_cnt = hdr_cnt;
  set->cnt++;
  return 0;
}

static void co_dlq_set_free(co_dlq_set_t *set) {
  for (int i = 0; i < set->cnt; i++) {
    co_dlq_rec_t *r = &set->recs[i];
    for (int h = 0; h < r->hdr_cnt; h++) {
      free((char *)r->hdrs[h].name);
      free((void *)r->hdrs[h].value);
    }
    free(r->hdrs);
    free(r->key);
    free(r->value);
  }
  free(set->recs);
}

static const char *co_dlq_hdr(const co_dlq_rec_t *r, const char *name) {
  for (int i = r->hdr_cnt - 1; i >= 0; i--)
    if (!strcmp(r->hdrs[i].name, name)) return r->hdrs[i].value ? r->hdrs[i].value : "";
  return "";
}

/* --- reading the DLQ --- */

static co_err_t co_dlq_read_kafka(const co_conf_t *conf, co_dlq_set_t *set, char *errstr, size_t sz) {
  const char *topic = co_conf_str(conf, "topic.dlq");
  char err[256];
  rd_kafka_conf_t *kc = co_rt_kafka_conf(conf, errstr, sz);
  if (!kc) return CO_ERR_CONFIG;
  rd_kafka_conf_set(kc, "isolation.level", "read_committed", err, sizeof(err));
  rd_kafka_conf_set(kc, "enable.partition.eof", "true", err, sizeof(err));
  /* assign() needs a group id; this group never subscribes or commits. */
  char gid[300];
  snprintf(gid, sizeof(gid), "%s-dlq-reader", co_conf_str(conf, "app.id"));
  rd_kafka_conf_set(kc, "group.id", gid, err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, kc, err, sizeof(err));
  if (!rk) return co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create consumer: %s", err);
  rd_kafka_poll_set_consumer(rk);
  co_err_t rc = CO_OK;
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
  rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, rkt, &md, 15000);
  rd_kafka_topic_destroy(rkt);
  if (e || md->topic_cnt != 1 || md->topics[0].err) {
    rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot read DLQ topic %s: %s", topic,
                   rd_kafka_err2str(e ? e : md->topics[0].err));
    if (md) rd_kafka_metadata_destroy(md);
    goto out;
  }
  int parts = md->topics[0].partition_cnt, eof = 0;
  rd_kafka_metadata_destroy(md);
  rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(parts);
  for (int p = 0; p < parts; p++) rd_kafka_topic_partition_list_add(l, topic, p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(rk, l);
  rd_kafka_topic_partition_list_destroy(l);
  int64_t deadline = co_time_mono_ms() + 60000;
  while (eof < parts && co_time_mono_ms() < deadline) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 500);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      eof++;
    } else if (!m->err) {
      co_record_t rec;
      co_hdr_t *hdrs = NULL;
      rd_kafka_headers_t *kh = NULL;
      memset(&rec, 0, sizeof(rec));
      if (!rd_kafka_message_headers(m, &kh) && kh) {
        size_t cnt = rd_kafka_header_cnt(kh);
        hdrs = calloc(cnt + 1, sizeof(*hdrs));
        const char *name;
        const void *val;
        size_t len;
        for (size_t i = 0; hdrs && i < cnt && !rd_kafka_header_get_all(kh, i, &name, &val, &len); i++)
          hdrs[rec.hdr_cnt++] = (co_hdr_t){name, val, len};
      }
      int bad = co_dlq_keep(set, m->partition, m->offset, m->key ? m->key : "", m->key_len, m->payload, m->len, hdrs,
                            rec.hdr_cnt);
      free(hdrs);
      if (bad) {
        rd_kafka_message_destroy(m);
        rc = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
        goto out;
      }
    }
    rd_kafka_message_destroy(m);
  }
  if (eof < parts) rc = co_seterr(errstr, sz, CO_ERR_TIMEOUT, "reading the DLQ timed out");
out:
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return rc;
}

typedef struct {
  co_dlq_set_t *set;
  int failed;
} co_dlq_emb_ctx_t;

static int co_dlq_emb_cb(const co_record_t *rec, void *opaque) {
  co_dlq_emb_ctx_t *c = opaque;
  if (co_dlq_keep(c->set, rec->partition, rec->offset, rec->key, rec->key_len, rec->value, rec->value_len, rec->hdrs,
                  rec->hdr_cnt))
    c->failed = 1;
  return c->failed;
}

static co_err_t co_dlq_read_embedded(co_rt_t *rt, co_dlq_set_t *set, char *errstr, size_t sz) {
  co_dlq_emb_ctx_t c = {set, 0};
  for (int p = 0; p < rt->partitions && !c.failed; p++) co_rt_read(rt, rt->dlq_topic, p, 0, co_dlq_emb_cb, &c);
  return c.failed ? co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory") : CO_OK;
}

/* --- filtering --- */

co_err_t co_dlq_filter_check(const char *filter, char *errstr, size_t sz) {
  static const char *fields[] = {"id=", "class=", "topic=", "processor=", "text="};
  if (!filter || !*filter) return CO_OK;
  for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
    if (!strncmp(filter, fields[i], strlen(fields[i]))) return CO_OK;
  return co_seterr(errstr, sz, CO_ERR_INVALID_ARG,
                   "invalid --filter '%s': use id=P:O, class=C, topic=T, processor=P or text=SUBSTRING", filter);
}

static int co_dlq_match(const char *filter, const co_dlq_entry_t *e) {
  if (!filter || !*filter) return 1;
  const char *v = strchr(filter, '=') + 1;
  if (!strncmp(filter, "id=", 3)) return !strcmp(e->id, v);
  if (!strncmp(filter, "class=", 6)) return !strcmp(e->error_class, v);
  if (!strncmp(filter, "topic=", 6)) return !strcmp(e->source_topic, v);
  if (!strncmp(filter, "processor=", 10)) return !strcmp(e->processor, v);
  return strstr(e->error_message, v) != NULL;
}

static void co_dlq_entry(const co_dlq_set_t *set, const co_dlq_rec_t *r, co_dlq_entry_t *e) {
  memset(e, 0, sizeof(*e));
  snprintf(e->id, sizeof(e->id), "%d:%lld", r->partition, (long long)r->offset);
  e->key = r->key;
  e->key_len = r->klen;
  e->value = r->value;
  e->value_len = r->vlen;
  e->source_topic = co_dlq_hdr(r, "co.dlq.source.topic");
  e->error_class = co_dlq_hdr(r, "co.dlq.error.class");
  e->error_message = co_dlq_hdr(r, "co.dlq.error.message");
  e->processor = co_dlq_hdr(r, "co.dlq.processor");
  e->source_partition = atoll(co_dlq_hdr(r, "co.dlq.source.partition"));
  e->source_offset = atoll(co_dlq_hdr(r, "co.dlq.source.offset"));
  e->attempts = atoll(co_dlq_hdr(r, "co.dlq.attempts"));
  e->first_seen_ms = atoll(co_dlq_hdr(r, "co.dlq.first.seen.ms"));
  e->source_path = co_dlq_hdr(r, "co.dlq.source.path");
  e->import_cursor = co_dlq_hdr(r, "co.dlq.import.cursor");
  for (int i = 0; i < set->cnt; i++) {
    if (!strcmp(set->recs[i].key, CO_DLQ_MARKER) && !strcmp(co_dlq_hdr(&set->recs[i], "co.dlq.replayed.id"), e->id))
      e->replayed = 1;
    if (!strcmp(set->recs[i].key, CO_DLQ_DISMISSED) && !strcmp(co_dlq_hdr(&set->recs[i], "co.dlq.dismissed.id"), e->id))
      e->dismissed = 1;
  }
}

static int co_dlq_is_marker(const co_dlq_rec_t *r) {
  return !strcmp(r->key, CO_DLQ_MARKER) || !strcmp(r->key, CO_DLQ_DISMISSED);
}

/* A running embedded runtime whose log the next co_dlq_load reads instead of
 * opening the state (which that runtime holds locked); set per call by the
 * *_rt variants, so thread-local. */
static __thread co_rt_t *co_dlq_live_rt;

/* Reads the DLQ of either mode; *rtp is set in embedded mode (caller destroys). */
static co_err_t co_dlq_load(const co_conf_t *conf, co_dlq_set_t *set, co_rt_t **rtp, co_topo_t **topop, char *errstr,
                            size_t sz) {
  *rtp = NULL;
  *topop = NULL;
  if (*co_conf_str(conf, "brokers")) return co_dlq_read_kafka(conf, set, errstr, sz);
  if (co_dlq_live_rt) return co_dlq_read_embedded(co_dlq_live_rt, set, errstr, sz);
  /* An empty topology: no tasks, just the local log. */
  if (!(*topop = co_topo_new(co_conf_str(conf, "app.id")))) return co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
  if (!(*rtp = co_rt_new(conf, *topop, errstr, sz))) return CO_ERR_STORE;
  return co_dlq_read_embedded(*rtp, set, errstr, sz);
}

co_err_t co_dlq_foreach(const co_conf_t *conf, const char *filter, int (*cb)(const co_dlq_entry_t *e, void *opaque),
                        void *opaque, char *errstr, size_t sz) {
  co_dlq_set_t set = {0};
  co_rt_t *rt = NULL;
  co_topo_t *topo = NULL;
  co_err_t err = co_dlq_filter_check(filter, errstr, sz);
  if (!err) err = co_dlq_load(conf, &set, &rt, &topo, errstr, sz);
  for (int i = 0; !err && i < set.cnt; i++) {
    co_dlq_entry_t e;
    if (co_dlq_is_marker(&set.recs[i])) continue;
    co_dlq_entry(&set, &set.recs[i], &e);
    if (co_dlq_match(filter, &e) && cb(&e, opaque)) break;
  }
  co_dlq_set_free(&set);
  co_rt_destroy(rt);
  co_topo_destroy(topo);
  return err;
}

/* A JSON string for bytes, or, if they are not UTF-8, null plus a hex copy
 * under "<name>_hex": a binary dead letter is listed, never skipped. */
static void co_dlq_json_bytes(json_t *o, const char *name, const char *p, size_t n) {
  json_t *v = json_stringn(p ? p : "", p ? n : 0);
  if (v) {
    json_object_set_new(o, name, v);
    return;
  }
  char *hex = malloc(n * 2 + 1), hn[64];
  for (size_t i = 0; hex && i < n; i++) sprintf(hex + 2 * i, "%02x", (unsigned char)p[i]);
  if (hex) hex[n * 2] = '\0';
  snprintf(hn, sizeof(hn), "%s_hex", name);
  json_object_set_new(o, name, json_null());
  json_object_set_new(o, hn, hex ? json_string(hex) : json_null());
  free(hex);
}

static int co_dlq_print(const co_dlq_entry_t *e, void *opaque) {
  json_t *o = json_object();
  json_object_set_new(o, "id", json_string(e->id));
  co_dlq_json_bytes(o, "key", e->key, e->key_len);
  co_dlq_json_bytes(o, "value", e->value, e->value_len);
  co_dlq_json_bytes(o, "source_topic", e->source_topic, strlen(e->source_topic));
  json_object_set_new(o, "source_partition", json_integer(e->source_partition));
  json_object_set_new(o, "source_offset", json_integer(e->source_offset));
  co_dlq_json_bytes(o, "processor", e->processor, strlen(e->processor));
  co_dlq_json_bytes(o, "error_class", e->error_class, strlen(e->error_class));
  co_dlq_json_bytes(o, "error_message", e->error_message, strlen(e->error_message));
  json_object_set_new(o, "attempts", json_integer(e->attempts));
  json_object_set_new(o, "first_seen_ms", json_integer(e->first_seen_ms));
  /* the same instant for people: "2026-12-07T15:04:29.492Z" */
  time_t secs = (time_t)(e->first_seen_ms / 1000);
  struct tm tm;
  char iso[40] = "";
  if (e->first_seen_ms >= 0 && gmtime_r(&secs, &tm) && strftime(iso, 24, "%Y-%m-%dT%H:%M:%S", &tm))
    snprintf(iso + strlen(iso), sizeof(iso) - strlen(iso), ".%03dZ", (int)(e->first_seen_ms % 1000));
  json_object_set_new(o, "first_seen", json_string(iso));
  json_object_set_new(o, "replayed", json_boolean(e->replayed));
  json_object_set_new(o, "dismissed", json_boolean(e->dismissed));
  json_dumpf(o, opaque, JSON_COMPACT | JSON_PRESERVE_ORDER);
  fputc('\n', opaque);
  json_decref(o);
  return 0;
}

typedef struct co_dlq_print_s {
  FILE *out;
  int all;
} co_dlq_print_t;

static int co_dlq_print_cb(const co_dlq_entry_t *e, void *opaque) {
  const co_dlq_print_t *pr = opaque;
  /* set aside and not replayed since: hidden unless asked for */
  return e->dismissed && !e->replayed && !pr->all ? 0 : co_dlq_print(e, pr->out);
}

co_err_t co_dlq_list(const co_conf_t *conf, const char *filter, int all, FILE *out, char *errstr, size_t sz) {
  co_dlq_print_t pr = {out, all};
  return co_dlq_foreach(conf, filter, co_dlq_print_cb, &pr, errstr, sz);
}

/* --- replay --- */

static co_dlq_reread_fn co_dlq_reread;

void co_dlq_set_reread(co_dlq_reread_fn fn) { co_dlq_reread = fn; }

/* What one replayed record writes: its value to topic with headers h (all
 * owned here), plus a marker in the DLQ; a dismissed one only its marker
 * (topic NULL). */
typedef struct co_dlq_out_s {
  const char *topic;
  const char *mark_key; /* CO_DLQ_MARKER or CO_DLQ_DISMISSED */
  const char *key;
  size_t klen;
  const char *value;
  size_t vlen;
  char *reread;      /* re-read value (owned), or NULL: value points into the record */
  char *ingest_err;  /* owned, or NULL */
  co_hdr_t *h;       /* owned array */
  int hn;
  co_hdr_t mark;
} co_dlq_out_t;

static void co_dlq_out_free(co_dlq_out_t *o) {
  free(o->reread);
  free(o->ingest_err);
  free(o->h);
}

/* Original headers without co.dlq.*, plus co.replay.of; *hp malloc'd. */
static int co_dlq_replay_hdrs(const co_dlq_rec_t *r, const char *id, co_hdr_t **hp) {
  co_hdr_t *h = calloc((size_t)r->hdr_cnt + 1, sizeof(*h));
  int n = 0;
  if (!h) return -1;
  for (int i = 0; i < r->hdr_cnt; i++)
    if (strncmp(r->hdrs[i].name, "co.dlq.", 7) && strcmp(r->hdrs[i].name, "co.replay.of")) h[n++] = r->hdrs[i];
  h[n++] = (co_hdr_t){"co.replay.of", id, strlen(id)};
  *hp = h;
  return n;
}

/* Decides what replaying record r (entry e) writes. Returns 1 when o is
 * filled, 0 when the record is skipped (an import failure whose file still
 * cannot be read: counted in st), -1 when out of memory. */
/* An import that could not read a file: replayed by reading it again. */
static int co_dlq_is_unread(const co_dlq_entry_t *e) {
  return !strcmp(e->source_topic, "import") && !strcmp(e->error_class, "io");
}

static int co_dlq_prepare(const co_conf_t *conf, const co_dlq_rec_t *r, const co_dlq_entry_t *e, int dismiss,
                          co_dlq_out_t *o, co_dlq_replay_stats_t *st) {
  memset(o, 0, sizeof(*o));
  o->key = r->key;
  o->klen = r->klen;
  if (dismiss) {
    o->mark_key = CO_DLQ_DISMISSED;
    o->mark = (co_hdr_t){"co.dlq.dismissed.id", e->id, strlen(e->id)};
    return 1;
  }
  o->mark_key = CO_DLQ_MARKER;
  o->mark = (co_hdr_t){"co.dlq.replayed.id", e->id, strlen(e->id)};
  if (!co_dlq_is_unread(e)) { /* a record from a topic: copied back as it was */
    o->topic = e->source_topic;
    o->value = r->value;
    o->vlen = r->vlen;
    return (o->hn = co_dlq_replay_hdrs(r, e->id, &o->h)) < 0 ? -1 : 1;
  }
  /* An import failure: there are no bytes to copy, the file is read again. */
  char why[512];
  co_err_t err = CO_ERR_IO;
  if (!co_dlq_reread)
    snprintf(why, sizeof(why), "%s: this process cannot re-read import sources (use `careerops dlq replay`)", e->id);
  else if (!*e->source_path)
    snprintf(why, sizeof(why), "%s: no source file recorded (an import from before per-file retries)", e->id);
  else
    err = co_dlq_reread(conf, r->key, e->source_path, &o->reread, &o->vlen, &o->ingest_err, why, sizeof(why));
  if (err) {
    if (!st->unreadable++) snprintf(st->first_error, sizeof(st->first_error), "%s", why);
    CO_WARN("dlq", "not replayed: %s", why);
    return err == CO_ERR_NOMEM ? -1 : 0;
  }
  o->topic = co_conf_str(conf, "topic.raw");
  o->value = o->reread;
  if (!(o->h = calloc(2, sizeof(*o->h)))) return -1;
  o->h[o->hn++] = (co_hdr_t){"co.replay.of", e->id, strlen(e->id)};
  if (o->ingest_err) o->h[o->hn++] = (co_hdr_t){"co.ingest.error", o->ingest_err, strlen(o->ingest_err)};
  return 1;
}

/* 1 if record i is to be replayed (or dismissed) under filter /
 * import_cursor. A dismissed letter is replayed only when asked for by its
 * id: a bulk replay leaves what the person set aside. */
static int co_dlq_wanted(const co_dlq_set_t *set, int i, const char *filter, const char *import_cursor, int dismiss,
                         co_dlq_entry_t *e) {
  const co_dlq_rec_t *r = &set->recs[i];
  if (co_dlq_is_marker(r)) return 0;
  co_dlq_entry(set, r, e);
  if (e->replayed || !co_dlq_match(filter, e)) return 0;
  if (dismiss) return !e->dismissed;
  if (!*e->source_topic || (e->dismissed && (!filter || strncmp(filter, "id=", 3)))) return 0;
  return !import_cursor || (co_dlq_is_unread(e) && !strcmp(e->import_cursor, import_cursor));
}

/* Counts one written letter in st. */
static void co_dlq_count(const co_dlq_out_t *o, co_dlq_replay_stats_t *st) {
  if (!o->topic) {
    st->dismissed++;
    return;
  }
  st->replayed++;
  if (o->reread) st->appended++;
}

static co_err_t co_dlq_replay_kafka(const co_conf_t *conf, co_dlq_set_t *set, const char *filter,
                                    const char *import_cursor, int dismiss, co_dlq_replay_stats_t *st, char *errstr,
                                    size_t sz) {
  char err[256], txid[300];
  rd_kafka_conf_t *kc = co_rt_kafka_conf(conf, errstr, sz);
  if (!kc) return CO_ERR_CONFIG;
  snprintf(txid, sizeof(txid), "%s-dlq-replay", co_conf_str(conf, "app.id"));
  rd_kafka_conf_set(kc, "transactional.id", txid, err, sizeof(err));
  rd_kafka_conf_set(kc, "partitioner", "murmur2_random", err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, kc, err, sizeof(err));
  if (!rk) return co_seterr(errstr, sz, CO_ERR_KAFKA, "cannot create producer: %s", err);
  co_err_t rc = CO_OK;
  rd_kafka_error_t *e = rd_kafka_init_transactions(rk, 60000);
  if (!e) e = rd_kafka_begin_transaction(rk);
  for (int i = 0; !e && i < set->cnt; i++) {
    co_dlq_entry_t ent;
    co_dlq_out_t o;
    if (!co_dlq_wanted(set, i, filter, import_cursor, dismiss, &ent)) continue;
    int pr = co_dlq_prepare(conf, &set->recs[i], &ent, dismiss, &o, st);
    char es[256];
    if (pr < 0) {
      co_dlq_out_free(&o);
      rc = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      break;
    }
    if (pr == 0) {
      co_dlq_out_free(&o);
      continue;
    }
    if ((o.topic && co_rt_kafka_produce(rk, o.topic, -1, o.key, o.klen, o.value, o.vlen, o.h, o.hn, es, sizeof(es))) ||
        co_rt_kafka_produce(rk, co_conf_str(conf, "topic.dlq"), -1, o.mark_key, strlen(o.mark_key), "", 0, &o.mark,
                            1, es, sizeof(es))) {
      co_dlq_out_free(&o);
      rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "%s of %s failed: %s", dismiss ? "dismissal" : "replay", ent.id, es);
      break;
    }
    co_dlq_count(&o, st);
    co_dlq_out_free(&o);
  }
  if (!e && !rc) e = rd_kafka_commit_transaction(rk, 60000);
  if (e) {
    rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "replay transaction failed: %s", rd_kafka_error_string(e));
    rd_kafka_error_destroy(e);
  }
  if (rc) st->replayed = st->appended = st->dismissed = 0;
  rd_kafka_destroy(rk);
  return rc;
}

static co_err_t co_dlq_replay_embedded(co_rt_t *rt, const co_conf_t *conf, co_dlq_set_t *set, const char *filter,
                                       const char *import_cursor, int dismiss, co_dlq_replay_stats_t *st,
                                       char *errstr, size_t sz) {
  co_rt_msg_t *msgs = calloc((size_t)set->cnt * 2 + 1, sizeof(*msgs));
  co_dlq_out_t *outs = calloc((size_t)set->cnt + 1, sizeof(*outs));
  co_dlq_entry_t *ents = calloc((size_t)set->cnt + 1, sizeof(*ents));
  int n = 0;
  co_dlq_replay_stats_t done = {0}; /* added to st once the batch is appended */
  co_err_t rc = CO_OK;
  if (!msgs || !outs || !ents) {
    rc = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
    goto out;
  }
  for (int i = 0; i < set->cnt; i++) {
    co_dlq_out_t *o = &outs[i];
    if (!co_dlq_wanted(set, i, filter, import_cursor, dismiss, &ents[i])) continue;
    int pr = co_dlq_prepare(conf, &set->recs[i], &ents[i], dismiss, o, st);
    if (pr < 0) {
      rc = co_seterr(errstr, sz, CO_ERR_NOMEM, "out of memory");
      goto out;
    }
    if (pr == 0) continue;
    if (o->topic) msgs[n++] = (co_rt_msg_t){o->key, o->klen, o->value, o->vlen, o->h, o->hn, o->topic};
    msgs[n++] = (co_rt_msg_t){o->mark_key, strlen(o->mark_key), "", 0, &o->mark, 1, rt->dlq_topic};
    co_dlq_count(o, &done);
  }
  if (n && (rc = co_rt_append(rt, rt->dlq_topic, msgs, n, NULL, 0, errstr, sz))) goto out;
  st->replayed += done.replayed;
  st->appended += done.appended;
  st->dismissed += done.dismissed;
out:
  for (int i = 0; outs && i < set->cnt; i++) co_dlq_out_free(&outs[i]);
  free(outs);
  free(msgs);
  free(ents);
  return rc;
}

/* Replays (dismiss 0) or dismisses the matching letters; see co_dlq_replay_ex. */
static co_err_t co_dlq_apply(const co_conf_t *conf, co_rt_t *rt, const char *filter, const char *import_cursor,
                             int dismiss, co_dlq_replay_stats_t *st, char *errstr, size_t sz) {
  co_dlq_set_t set = {0};
  co_rt_t *own = NULL;
  co_topo_t *topo = NULL;
  memset(st, 0, sizeof(*st));
  co_rt_t *saved = co_dlq_live_rt;
  if (rt && co_rt_embedded(rt)) co_dlq_live_rt = rt;
  co_err_t err = co_dlq_filter_check(filter, errstr, sz);
  if (!err) err = co_dlq_load(conf, &set, &own, &topo, errstr, sz);
  int any = 0; /* nothing to replay: no transaction (every Kafka-mode import asks) */
  for (int i = 0; !err && !any && i < set.cnt; i++) {
    co_dlq_entry_t e;
    any = co_dlq_wanted(&set, i, filter, import_cursor, dismiss, &e);
  }
  if (!err && any)
    err = (own || co_dlq_live_rt) ? co_dlq_replay_embedded(own ? own : co_dlq_live_rt, conf, &set, filter,
                                                           import_cursor, dismiss, st, errstr, sz)
                                  : co_dlq_replay_kafka(conf, &set, filter, import_cursor, dismiss, st, errstr, sz);
  co_dlq_live_rt = saved;
  co_dlq_set_free(&set);
  co_rt_destroy(own);
  co_topo_destroy(topo);
  return err;
}

co_err_t co_dlq_replay_ex(const co_conf_t *conf, co_rt_t *rt, const char *filter, const char *import_cursor,
                          co_dlq_replay_stats_t *st, char *errstr, size_t sz) {
  return co_dlq_apply(conf, rt, filter, import_cursor, 0, st, errstr, sz);
}

co_err_t co_dlq_dismiss_rt(co_rt_t *rt, const co_conf_t *conf, const char *filter, int *cnt, char *errstr, size_t sz) {
  co_dlq_replay_stats_t st;
  co_err_t err = co_dlq_apply(conf, rt, filter, NULL, 1, &st, errstr, sz);
  *cnt = err ? 0 : st.dismissed;
  return err;
}

co_err_t co_dlq_replay(const co_conf_t *conf, const char *filter, int *cnt, char *errstr, size_t sz) {
  co_dlq_replay_stats_t st;
  co_err_t err = co_dlq_replay_ex(conf, NULL, filter, NULL, &st, errstr, sz);
  *cnt = err ? 0 : st.replayed;
  return err;
}

co_err_t co_dlq_foreach_rt(co_rt_t *rt, const co_conf_t *conf, const char *filter,
                           int (*cb)(const co_dlq_entry_t *e, void *opaque), void *opaque, char *errstr, size_t sz) {
  co_dlq_live_rt = co_rt_embedded(rt) ? rt : NULL;
  co_err_t err = co_dlq_foreach(conf, filter, cb, opaque, errstr, sz);
  co_dlq_live_rt = NULL;
  return err;
}

co_err_t co_dlq_replay_rt(co_rt_t *rt, const co_conf_t *conf, const char *filter, int *cnt, char *errstr, size_t sz) {
  co_dlq_live_rt = co_rt_embedded(rt) ? rt : NULL;
  co_err_t err = co_dlq_replay(conf, filter, cnt, errstr, sz);
  co_dlq_live_rt = NULL;
  return err;
}
