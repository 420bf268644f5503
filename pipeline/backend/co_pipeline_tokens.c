/* co_pipeline_tokens.c: the API token store: SHA-256 of each token -> its
 * account (or admin). Tokens themselves are never stored.
 *
 * Embedded mode: <state.dir>/api-tokens.json (0600), replaced atomically
 * (write + rename) by `careerops token`; a running API re-reads it when its
 * inode, size or mtime changes, so a new token works at once without a
 * restart and without opening the state the pipeline holds locked.
 * Kafka mode: a compacted topic <app.id>-tokens (key = hash, value = JSON,
 * tombstone = revoked) that every instance reads whole at open and then
 * tails on a thread: a global table, so any instance authenticates any
 * token with no protocol of our own. */
#include <errno.h>
#include <fcntl.h>
#include <librdkafka/rdkafka.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "co_api.h"
#include "co_kafka.h"
#include "co_log.h"
#include "co_pipeline.h"

struct co_pipeline_tokens_s {
  const co_conf_t *conf;
  pthread_mutex_t lock;
  json_t *table; /* hash -> {account, admin, created} */
  /* embedded */
  char *path;
  struct stat st;
  /* kafka */
  char *topic;
  rd_kafka_t *consumer;
  pthread_t thr;
  int thr_started;
  volatile int stop;
};

/* ---- embedded: the file ---- */

static co_err_t co_tok_file_load(co_pipeline_tokens_t *t, int force) {
  struct stat st;
  if (stat(t->path, &st)) {
    if (errno != ENOENT) return CO_ERR_IO;
    json_object_clear(t->table);
    memset(&t->st, 0, sizeof(t->st));
    return CO_OK;
  }
  if (!force && st.st_ino == t->st.st_ino && st.st_size == t->st.st_size &&
      st.st_mtim.tv_sec == t->st.st_mtim.tv_sec && st.st_mtim.tv_nsec == t->st.st_mtim.tv_nsec)
    return CO_OK;
  json_t *j = json_load_file(t->path, 0, NULL);
  if (!json_is_object(j)) {
    json_decref(j);
    return CO_ERR_PARSE;
  }
  json_decref(t->table);
  t->table = j;
  t->st = st;
  return CO_OK;
}

static co_err_t co_tok_file_save(co_pipeline_tokens_t *t, char *errstr, size_t sz) {
  size_t n = strlen(t->path) + 8;
  char *tmp = malloc(n);
  co_err_t err = CO_OK;
  if (!tmp) return co_seterr(errstr, sz, CO_ERR_NOMEM, "tokens: out of memory");
  snprintf(tmp, n, "%s.tmp", t->path);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || json_dumpfd(t->table, fd, JSON_INDENT(1) | JSON_SORT_KEYS) || fsync(fd) || close(fd) ||
      (fd = -1, rename(tmp, t->path))) {
    int e = errno;
    if (fd >= 0) close(fd);
    unlink(tmp);
    err = co_seterr(errstr, sz, CO_ERR_IO, "%stokens: cannot write %s: %s", e == ENOSPC ? "disk full: " : "", t->path,
                    strerror(e));
  }
  free(tmp);
  return err;
}

/* ---- kafka: the compacted topic ---- */

static void co_tok_apply(co_pipeline_tokens_t *t, const rd_kafka_message_t *m) {
  char hash[65];
  if (!m->key || m->key_len != 64) return;
  memcpy(hash, m->key, 64);
  hash[64] = '\0';
  json_t *v = m->payload ? json_loadb(m->payload, m->len, 0, NULL) : NULL;
  pthread_mutex_lock(&t->lock);
  if (json_is_object(v))
    json_object_set(t->table, hash, v);
  else
    json_object_del(t->table, hash);
  pthread_mutex_unlock(&t->lock);
  json_decref(v);
}

/* The token topic: one partition (a small table read whole), compacted. */
static co_err_t co_tok_ensure_topic(co_pipeline_tokens_t *t, rd_kafka_t *rk, char *errstr, size_t sz) {
  const co_kafka_topic_t topic = {t->topic, 1, 1};
  co_err_t rc = co_kafka_create_topics(rk, t->conf, &topic, 1, 15000, NULL, errstr, sz);
  if (rc) {
    char why[512];
    snprintf(why, sizeof(why), "%s", errstr);
    co_seterr(errstr, sz, rc, "tokens: %s", why);
  }
  return rc;
}

/* Reads the topic from the start up to its current end. */
static co_err_t co_tok_kafka_load(co_pipeline_tokens_t *t, char *errstr, size_t sz) {
  char err[256];
  int64_t lo = 0, hi = 0;
  rd_kafka_conf_t *kc = co_rt_kafka_conf(t->conf, errstr, sz);
  if (!kc) return CO_ERR_CONFIG;
  char gid[300];
  snprintf(gid, sizeof(gid), "%s-reader", t->topic); /* assign only: never joins, never commits */
  rd_kafka_conf_set(kc, "group.id", gid, err, sizeof(err));
  rd_kafka_conf_set(kc, "enable.auto.commit", "false", err, sizeof(err));
  rd_kafka_conf_set(kc, "enable.partition.eof", "true", err, sizeof(err));
  rd_kafka_conf_set(kc, "isolation.level", "read_committed", err, sizeof(err));
  if (!(t->consumer = rd_kafka_new(RD_KAFKA_CONSUMER, kc, err, sizeof(err)))) {
    rd_kafka_conf_destroy(kc);
    return co_seterr(errstr, sz, CO_ERR_KAFKA, "tokens: consumer: %s", err);
  }
  co_err_t rc = co_tok_ensure_topic(t, t->consumer, errstr, sz);
  if (rc) return rc;
  /* a topic just created takes a moment to have a leader everywhere */
  rd_kafka_resp_err_t e;
  time_t until = time(NULL) + 30;
  while ((e = rd_kafka_query_watermark_offsets(t->consumer, t->topic, 0, &lo, &hi, 5000)) &&
         (e == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION || e == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART ||
          e == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE || e == RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION ||
          e == RD_KAFKA_RESP_ERR__TRANSPORT) &&
         time(NULL) < until)
    usleep(100 * 1000);
  if (e) return co_seterr(errstr, sz, CO_ERR_KAFKA, "tokens: %s: %s", t->topic, rd_kafka_err2str(e));
  rd_kafka_topic_partition_list_t *pl = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(pl, t->topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(t->consumer, pl);
  rd_kafka_topic_partition_list_destroy(pl);
  int64_t deadline = time(NULL) + 30, pos = lo;
  while (pos < hi && time(NULL) < deadline) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(t->consumer, 200);
    if (!m) continue;
    if (!m->err) co_tok_apply(t, m);
    if (!m->err || m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) pos = m->err ? m->offset : m->offset + 1;
    rd_kafka_message_destroy(m);
  }
  if (pos < hi) return co_seterr(errstr, sz, CO_ERR_TIMEOUT, "tokens: reading %s timed out", t->topic);
  return CO_OK;
}

static void *co_tok_tail(void *arg) {
  co_pipeline_tokens_t *t = arg;
  while (!t->stop) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(t->consumer, 200);
    if (!m) continue;
    if (!m->err) co_tok_apply(t, m);
    rd_kafka_message_destroy(m);
  }
  return NULL;
}

static co_err_t co_tok_produce(co_pipeline_tokens_t *t, const char *hash, json_t *v, char *errstr, size_t sz) {
  char err[256];
  rd_kafka_conf_t *kc = co_rt_kafka_conf(t->conf, errstr, sz);
  if (!kc) return CO_ERR_CONFIG;
  rd_kafka_conf_set(kc, "enable.idempotence", "true", err, sizeof(err));
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, kc, err, sizeof(err));
  char *val = v ? json_dumps(v, JSON_COMPACT) : NULL;
  co_err_t rc = CO_OK;
  if (!rk) {
    rd_kafka_conf_destroy(kc);
    free(val);
    return co_seterr(errstr, sz, CO_ERR_KAFKA, "tokens: producer: %s", err);
  }
  if ((rc = co_tok_ensure_topic(t, rk, errstr, sz))) goto out;
  rd_kafka_resp_err_t e = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(t->topic), RD_KAFKA_V_PARTITION(0),
                                            RD_KAFKA_V_KEY(hash, 64), RD_KAFKA_V_VALUE(val, val ? strlen(val) : 0),
                                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
  if (e || (e = rd_kafka_flush(rk, 15000)) || rd_kafka_outq_len(rk) > 0)
    rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "tokens: writing %s: %s", t->topic,
                   rd_kafka_err2str(e ? e : RD_KAFKA_RESP_ERR__TIMED_OUT));
out:
  rd_kafka_destroy(rk);
  free(val);
  return rc;
}

/* ---- public ---- */

co_pipeline_tokens_t *co_pipeline_tokens_open(const co_conf_t *conf, int follow, char *errstr, size_t errstr_size) {
  co_pipeline_tokens_t *t = calloc(1, sizeof(*t));
  if (!t || !(t->table = json_object())) {
    free(t);
    co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "tokens: out of memory");
    return NULL;
  }
  t->conf = conf;
  pthread_mutex_init(&t->lock, NULL);
  if (!*co_conf_str(conf, "brokers")) {
    const char *dir = co_conf_str(conf, "state.dir");
    size_t n = strlen(dir) + 32;
    if (!(t->path = malloc(n))) goto nomem;
    snprintf(t->path, n, "%s/api-tokens.json", dir);
    if (co_tok_file_load(t, 1)) {
      co_seterr(errstr, errstr_size, CO_ERR_PARSE, "tokens: %s is not a token file", t->path);
      goto err;
    }
    return t;
  }
  size_t n = strlen(co_conf_str(conf, "app.id")) + 16;
  if (!(t->topic = malloc(n))) goto nomem;
  snprintf(t->topic, n, "%s-tokens", co_conf_str(conf, "app.id"));
  if (co_tok_kafka_load(t, errstr, errstr_size)) goto err;
  if (follow) {
    if (pthread_create(&t->thr, NULL, co_tok_tail, t)) goto nomem;
    t->thr_started = 1;
  }
  return t;
nomem:
  co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "tokens: out of memory");
err:
  co_pipeline_tokens_close(t);
  return NULL;
}

void co_pipeline_tokens_close(co_pipeline_tokens_t *t) {
  if (!t) return;
  t->stop = 1;
  if (t->thr_started) pthread_join(t->thr, NULL);
  if (t->consumer) {
    rd_kafka_consumer_close(t->consumer);
    rd_kafka_destroy(t->consumer);
  }
  json_decref(t->table);
  pthread_mutex_destroy(&t->lock);
  free(t->path);
  free(t->topic);
  free(t);
}

co_err_t co_pipeline_tokens_create(co_pipeline_tokens_t *t, const char *account, int admin, char token_out[64],
                                   char *errstr, size_t errstr_size) {
  char hash[65], created[32];
  time_t now = time(NULL);
  struct tm tm;
  co_err_t rc;
  if (!admin && (!account || !*account))
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "token: an account is required");
  if ((rc = co_api_token_new(token_out, errstr, errstr_size))) return rc;
  co_api_token_hash(token_out, hash);
  gmtime_r(&now, &tm);
  strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ", &tm);
  json_t *v = json_pack("{s:s, s:b, s:s}", "account", admin ? "" : account, "admin", admin, "created", created);
  if (!v) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "token: account must be UTF-8");
  if (t->path) {
    pthread_mutex_lock(&t->lock);
    if (!(rc = co_tok_file_load(t, 1) ? CO_ERR_PARSE : CO_OK)) {
      json_object_set(t->table, hash, v);
      rc = co_tok_file_save(t, errstr, errstr_size);
    } else {
      co_seterr(errstr, errstr_size, rc, "tokens: %s is not a token file", t->path);
    }
    pthread_mutex_unlock(&t->lock);
  } else {
    rc = co_tok_produce(t, hash, v, errstr, errstr_size);
  }
  json_decref(v);
  return rc;
}

/* Finds the one hash starting with id (at least 8 hex chars). */
static co_err_t co_tok_find(co_pipeline_tokens_t *t, const char *id, char hash[65], char *errstr, size_t sz) {
  const char *k;
  json_t *v;
  int n = 0;
  if (strlen(id) < 8) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "token: give at least 8 characters of the id");
  json_object_foreach(t->table, k, v) if (!strncmp(k, id, strlen(id)) && n++ == 0) snprintf(hash, 65, "%s", k);
  if (n == 0) return co_seterr(errstr, sz, CO_ERR_NOT_FOUND, "token: no token with id %s", id);
  if (n > 1) return co_seterr(errstr, sz, CO_ERR_INVALID_ARG, "token: id %s is ambiguous", id);
  return CO_OK;
}

co_err_t co_pipeline_tokens_revoke(co_pipeline_tokens_t *t, const char *id, char *errstr, size_t errstr_size) {
  char hash[65];
  co_err_t rc;
  pthread_mutex_lock(&t->lock);
  if (t->path) co_tok_file_load(t, 1);
  rc = co_tok_find(t, id, hash, errstr, errstr_size);
  if (!rc && t->path) {
    json_object_del(t->table, hash);
    rc = co_tok_file_save(t, errstr, errstr_size);
  }
  pthread_mutex_unlock(&t->lock);
  if (!rc && !t->path) rc = co_tok_produce(t, hash, NULL, errstr, errstr_size);
  return rc;
}

co_err_t co_pipeline_tokens_list(co_pipeline_tokens_t *t, int (*cb)(const char *id, const char *account, int admin,
                                                                    const char *created, void *opaque),
                                 void *opaque) {
  const char *k;
  json_t *v;
  pthread_mutex_lock(&t->lock);
  if (t->path) co_tok_file_load(t, 0);
  json_t *copy = json_deep_copy(t->table);
  pthread_mutex_unlock(&t->lock);
  json_object_foreach(copy, k, v) {
    char id[13];
    snprintf(id, sizeof(id), "%.12s", k);
    if (cb(id, json_string_value(json_object_get(v, "account")), json_is_true(json_object_get(v, "admin")),
           json_string_value(json_object_get(v, "created")), opaque))
      break;
  }
  json_decref(copy);
  return CO_OK;
}

co_err_t co_pipeline_tokens_lookup(co_pipeline_tokens_t *t, const char *hash, char *account, size_t account_size,
                                   int *admin) {
  co_err_t rc = CO_ERR_NOT_FOUND;
  pthread_mutex_lock(&t->lock);
  if (t->path) co_tok_file_load(t, 0);
  json_t *v = json_object_get(t->table, hash);
  if (v) {
    snprintf(account, account_size, "%s", json_string_value(json_object_get(v, "account")) ?: "");
    *admin = json_is_true(json_object_get(v, "admin"));
    rc = CO_OK;
  }
  pthread_mutex_unlock(&t->lock);
  return rc;
}

long co_pipeline_tokens_count(co_pipeline_tokens_t *t) {
  pthread_mutex_lock(&t->lock);
  if (t->path) co_tok_file_load(t, 0);
  long n = (long)json_object_size(t->table);
  pthread_mutex_unlock(&t->lock);
  return n;
}
