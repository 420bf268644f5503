/* kt_util.c: see kt_util.h. */
#include "kt_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "co_th_kafka.h"

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
  kt_dr_t *dr = opaque;
  int idx = (int)(intptr_t)m->_private;
  (void)rk;
  if (!dr) return;
  if (m->err) {
    dr->failed++;
    dr->last_err = m->err;
    return;
  }
  dr->ok++;
  if (dr->partition && idx >= 0 && idx < dr->cap) dr->partition[idx] = m->partition;
}

static rd_kafka_conf_t *base_conf(const char *bootstrap, const char *const *extra) {
  char e[256];
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, e, sizeof(e)) ||
      rd_kafka_conf_set(conf, "log_level", "4", e, sizeof(e)))
    fail_msg("conf: %s", e);
  for (int i = 0; extra && extra[i] && extra[i + 1]; i += 2)
    if (rd_kafka_conf_set(conf, extra[i], extra[i + 1], e, sizeof(e))) fail_msg("conf %s: %s", extra[i], e);
  return conf;
}

rd_kafka_t *kt_producer(const char *bootstrap, kt_dr_t *dr, const char *const *extra) {
  char e[256];
  rd_kafka_conf_t *conf = base_conf(bootstrap, extra);
  rd_kafka_t *rk;
  rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
  rd_kafka_conf_set_opaque(conf, dr);
  if (!(rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, e, sizeof(e)))) fail_msg("producer: %s", e);
  return rk;
}

rd_kafka_t *kt_consumer(const char *bootstrap, const char *group, const char *const *extra) {
  char e[256];
  rd_kafka_conf_t *conf = base_conf(bootstrap, extra);
  rd_kafka_t *rk;
  char *own = group ? NULL : co_th_kafka_unique_name("kt-assign");
  if (rd_kafka_conf_set(conf, "group.id", group ? group : own, e, sizeof(e))) fail_msg("group.id: %s", e);
  free(own);
  if (rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", e, sizeof(e))) fail_msg("conf: %s", e);
  if (!(rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, e, sizeof(e)))) fail_msg("consumer: %s", e);
  rd_kafka_poll_set_consumer(rk);
  return rk;
}

rd_kafka_resp_err_t kt_produce(rd_kafka_t *rk, const char *topic, int32_t partition, const char *key,
                               const char *value, int index) {
  rd_kafka_resp_err_t err;
  do {
    err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(partition),
                            RD_KAFKA_V_KEY(key, key ? strlen(key) : 0), RD_KAFKA_V_VALUE((void *)value, strlen(value)),
                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE((void *)(intptr_t)index),
                            RD_KAFKA_V_END);
    if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) rd_kafka_poll(rk, 100);
  } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
  rd_kafka_poll(rk, 0);
  return err;
}

int kt_flush(rd_kafka_t *rk, int timeout_ms) {
  rd_kafka_flush(rk, timeout_ms);
  return rd_kafka_outq_len(rk);
}

int kt_key_index(const void *key, size_t len) {
  char buf[64];
  const char *dash;
  if (!key || !len || len >= sizeof(buf)) return -1;
  memcpy(buf, key, len);
  buf[len] = '\0';
  if (!(dash = strrchr(buf, '-'))) return -1;
  return atoi(dash + 1);
}
