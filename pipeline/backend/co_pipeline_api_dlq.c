/* co_pipeline_api_dlq.c: GET /api/dlq, POST /api/dlq/{id}/replay and
 * POST /api/dlq/{id}/dismiss through
 * processor/co_dlq.h, on the running runtime (embedded) or the cluster.
 * API ids are "<dlq topic>:<partition>:<offset>" (the DLQ admin's
 * "<partition>:<offset>" with the topic in front, so an id says where the
 * letter lives). Lists are short by design (co_dlq_admin.c), so the cursor
 * is an index into the list ("d<index>"). */
#include <stdlib.h>
#include <string.h>

#include "co_dlq.h"
#include "co_pipeline_api_int.h"

typedef struct co_pl_dlq_s {
  json_t *items;
  const char *topic;
} co_pl_dlq_t;

static json_t *co_pl_dlq_text(const char *p, size_t n, size_t max) {
  if (!p) return json_null();
  if (n > max) n = max;
  json_t *s = json_stringn(p, n);
  while (!s && n > 0 && max == n) s = json_stringn(p, --n); /* cut inside a UTF-8 sequence */
  if (s) return s;
  char *hex = malloc(2 * (n < 64 ? n : 64) + 1);
  for (size_t i = 0; hex && i < n && i < 64; i++) snprintf(hex + 2 * i, 3, "%02x", (unsigned char)p[i]);
  json_t *h = hex ? json_sprintf("hex:%s", hex) : json_null();
  free(hex);
  return h;
}

static int co_pl_dlq_cb(const co_dlq_entry_t *e, void *opaque) {
  co_pl_dlq_t *d = opaque;
  json_t *o = json_object();
  json_object_set_new(o, "id", json_sprintf("%s:%s", d->topic, e->id));
  json_object_set_new(o, "topic", co_pl_dlq_text(e->source_topic, strlen(e->source_topic), 256));
  json_object_set_new(o, "error", co_pl_dlq_text(e->error_message, strlen(e->error_message), 1024));
  json_object_set_new(o, "class", co_pl_dlq_text(e->error_class, strlen(e->error_class), 64));
  json_object_set_new(o, "attempts", json_integer(e->attempts));
  json_object_set_new(o, "timestamp", json_integer(e->first_seen_ms));
  json_object_set_new(o, "key", co_pl_dlq_text(e->key, e->key_len, 256));
  json_object_set_new(o, "value_preview", co_pl_dlq_text(e->value, e->value_len, 200));
  json_object_set_new(o, "replayed", json_boolean(e->replayed));
  json_object_set_new(o, "dismissed", json_boolean(e->dismissed));
  json_array_append_new(d->items, o);
  return 0;
}

json_t *co_pl_api_dlq_list(co_pipeline_t *p, json_t *args, co_err_t *err, char *errstr, size_t errstr_size) {
  co_pl_dlq_t d = {json_array(), p->t_dlq};
  size_t start = 0, limit = (size_t)json_integer_value(json_object_get(args, "limit"));
  const char *cursor = json_string_value(json_object_get(args, "cursor"));
  if (cursor) {
    char *end = NULL;
    long v = cursor[0] == 'd' && cursor[1] >= '0' && cursor[1] <= '9' ? strtol(cursor + 1, &end, 10) : -1;
    int ok = end && !*end && v >= 0 && end - cursor <= 10;
    if (!ok) {
      json_decref(d.items);
      *err = co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "query parameter 'cursor' is not a cursor of this API");
      return NULL;
    }
    start = (size_t)v;
  }
  if ((*err = co_dlq_foreach_rt(p->rt, p->conf, NULL, co_pl_dlq_cb, &d, errstr, errstr_size))) {
    json_decref(d.items);
    return NULL;
  }
  json_t *page = json_array();
  char *next = NULL;
  for (size_t i = start; i < json_array_size(d.items) && i < start + limit; i++)
    json_array_append(page, json_array_get(d.items, i));
  if (start + limit < json_array_size(d.items)) {
    char buf[32];
    snprintf(buf, sizeof(buf), "d%zu", start + limit);
    next = strdup(buf);
  }
  json_t *out = json_pack("{s:o, s:s?, s:I}", "items", page, "next_cursor", next, "total",
                          (json_int_t)json_array_size(d.items));
  if (out && !next) json_object_set_new(out, "next_cursor", json_null());
  free(next);
  json_decref(d.items);
  return out;
}

typedef struct co_pl_find_s {
  int found, replayed, dismissed;
} co_pl_find_t;

static int co_pl_find_cb(const co_dlq_entry_t *e, void *opaque) {
  co_pl_find_t *f = opaque;
  f->found = 1;
  f->replayed = e->replayed;
  f->dismissed = e->dismissed;
  return 1;
}

/* The DLQ admin filter ("id=P:O") of an API id, and that letter's state;
 * CO_ERR_NOT_FOUND when the id is malformed or names no letter. */
static co_err_t co_pl_dlq_find(co_pipeline_t *p, const char *id, char *filter, size_t fsz, co_pl_find_t *f,
                               char *errstr, size_t errstr_size) {
  size_t tl = strlen(p->t_dlq);
  long long part, off;
  char tail;
  co_err_t err;
  memset(f, 0, sizeof(*f));
  if (strncmp(id, p->t_dlq, tl) || id[tl] != ':' || sscanf(id + tl + 1, "%lld:%lld%c", &part, &off, &tail) != 2)
    return co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "no dead letter with that id");
  snprintf(filter, fsz, "id=%lld:%lld", part, off);
  if ((err = co_dlq_foreach_rt(p->rt, p->conf, filter, co_pl_find_cb, f, errstr, errstr_size))) return err;
  return f->found ? CO_OK : co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "no dead letter with that id");
}

/* Replays the letter (a dismissed one too: asked for by its id). */
json_t *co_pl_api_dlq_replay(co_pipeline_t *p, const char *id, co_err_t *err, char *errstr, size_t errstr_size) {
  char filter[96];
  co_pl_find_t f;
  int cnt = 0;
  if ((*err = co_pl_dlq_find(p, id, filter, sizeof(filter), &f, errstr, errstr_size))) return NULL;
  if (!f.replayed && (*err = co_dlq_replay_rt(p->rt, p->conf, filter, &cnt, errstr, errstr_size))) return NULL;
  return json_pack("{s:s, s:b}", "replayed", id, "already", f.replayed);
}

/* Sets the letter aside (kept, listed with "dismissed", left out of bulk
 * replays); a replayed letter needs no dismissing ("already"). */
json_t *co_pl_api_dlq_dismiss(co_pipeline_t *p, const char *id, co_err_t *err, char *errstr, size_t errstr_size) {
  char filter[96];
  co_pl_find_t f;
  int cnt = 0;
  if ((*err = co_pl_dlq_find(p, id, filter, sizeof(filter), &f, errstr, errstr_size))) return NULL;
  int already = f.dismissed || f.replayed;
  if (!already && (*err = co_dlq_dismiss_rt(p->rt, p->conf, filter, &cnt, errstr, errstr_size))) return NULL;
  return json_pack("{s:s, s:b}", "dismissed", id, "already", already);
}
