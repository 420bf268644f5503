/* co_rt_owners.c: which instance owns a key, found through Kafka itself.
 *
 * Each instance's consumer runs with client.id "careerops@<advertised URL>"
 * (co_rt_owners_client_id; the pipeline sets it before the runtime starts).
 * DescribeConsumerGroups on the application's group then lists every
 * member's client.id and assignment, so the owner of partition
 * murmur2(key) % partitions of a topic has a URL, with no registry or
 * protocol of our own. Answers are cached for CO_OWNERS_TTL_MS; a caller
 * whose forward failed calls co_rt_owners_invalidate() and asks again
 * (a rebalance moved the partition). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_rt_int.h"

#define CO_OWNERS_TTL_MS 1000
#define CO_OWNERS_PREFIX "careerops@"

typedef struct co_owner_part_s {
  char *topic;
  int32_t partition;
  int member;
} co_owner_part_t;

struct co_rt_owners_s {
  co_rt_t *rt;
  char *self;
  pthread_mutex_t lock;
  int64_t fetched_ms;
  char **urls; /* one per member with a careerops client.id */
  int url_cnt;
  co_owner_part_t *parts;
  int part_cnt;
};

void co_rt_owners_client_id(const char *url, char *buf, size_t size) {
  snprintf(buf, size, CO_OWNERS_PREFIX "%s", url);
}

co_rt_owners_t *co_rt_owners_new(co_rt_t *rt, const char *self_url) {
  co_rt_owners_t *o = calloc(1, sizeof(*o));
  if (!o || !(o->self = strdup(self_url))) {
    free(o);
    return NULL;
  }
  o->rt = rt;
  pthread_mutex_init(&o->lock, NULL);
  return o;
}

static void co_owners_clear(co_rt_owners_t *o) {
  for (int i = 0; i < o->url_cnt; i++) free(o->urls[i]);
  for (int i = 0; i < o->part_cnt; i++) free(o->parts[i].topic);
  free(o->urls);
  free(o->parts);
  o->urls = NULL;
  o->parts = NULL;
  o->url_cnt = o->part_cnt = 0;
}

void co_rt_owners_destroy(co_rt_owners_t *o) {
  if (!o) return;
  co_owners_clear(o);
  pthread_mutex_destroy(&o->lock);
  free(o->self);
  free(o);
}

void co_rt_owners_invalidate(co_rt_owners_t *o) {
  pthread_mutex_lock(&o->lock);
  o->fetched_ms = 0;
  pthread_mutex_unlock(&o->lock);
}

/* Describes the group and replaces the cache. Called with o->lock held. */
static co_err_t co_owners_refresh(co_rt_owners_t *o, char *errstr, size_t sz) {
  const char *groups[] = {co_conf_str(o->rt->conf, "app.id")};
  rd_kafka_queue_t *q = rd_kafka_queue_new(o->rt->consumer);
  rd_kafka_AdminOptions_t *opts = rd_kafka_AdminOptions_new(o->rt->consumer, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS);
  co_err_t rc = CO_OK;
  char err[256];
  rd_kafka_AdminOptions_set_request_timeout(opts, 5000, err, sizeof(err));
  rd_kafka_DescribeConsumerGroups(o->rt->consumer, groups, 1, opts, q);
  rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 6000);
  const rd_kafka_DescribeConsumerGroups_result_t *res = ev ? rd_kafka_event_DescribeConsumerGroups_result(ev) : NULL;
  size_t cnt = 0;
  const rd_kafka_ConsumerGroupDescription_t **gs = res ? rd_kafka_DescribeConsumerGroups_result_groups(res, &cnt) : NULL;
  if (!ev || cnt != 1 || rd_kafka_ConsumerGroupDescription_error(gs[0])) {
    rc = co_seterr(errstr, sz, CO_ERR_KAFKA, "owners: cannot describe group %s: %s", groups[0],
                   !ev ? "timed out"
                   : cnt == 1 ? rd_kafka_error_string(rd_kafka_ConsumerGroupDescription_error(gs[0]))
                              : (rd_kafka_event_error_string(ev) ? rd_kafka_event_error_string(ev) : "no answer"));
    goto out;
  }
  co_owners_clear(o);
  size_t m = rd_kafka_ConsumerGroupDescription_member_count(gs[0]);
  o->urls = calloc(m + 1, sizeof(char *));
  if (!o->urls) {
    rc = co_seterr(errstr, sz, CO_ERR_NOMEM, "owners: out of memory");
    goto out;
  }
  for (size_t i = 0; i < m; i++) {
    const rd_kafka_MemberDescription_t *d = rd_kafka_ConsumerGroupDescription_member(gs[0], i);
    const char *cid = rd_kafka_MemberDescription_client_id(d);
    if (!cid || strncmp(cid, CO_OWNERS_PREFIX, strlen(CO_OWNERS_PREFIX))) continue;
    int idx = o->url_cnt;
    if (!(o->urls[idx] = strdup(cid + strlen(CO_OWNERS_PREFIX)))) continue;
    o->url_cnt++;
    const rd_kafka_topic_partition_list_t *pl =
        rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_assignment(d));
    for (int k = 0; pl && k < pl->cnt; k++) {
      co_owner_part_t *np = realloc(o->parts, sizeof(*np) * (size_t)(o->part_cnt + 1));
      if (!np) break;
      o->parts = np;
      o->parts[o->part_cnt++] = (co_owner_part_t){strdup(pl->elems[k].topic), pl->elems[k].partition, idx};
    }
  }
  o->fetched_ms = co_rt_now_ms();
out:
  if (ev) rd_kafka_event_destroy(ev);
  rd_kafka_AdminOptions_destroy(opts);
  rd_kafka_queue_destroy(q);
  return rc;
}

static co_err_t co_owners_fresh(co_rt_owners_t *o, char *errstr, size_t sz) {
  if (o->fetched_ms && co_rt_now_ms() - o->fetched_ms < CO_OWNERS_TTL_MS) return CO_OK;
  return co_owners_refresh(o, errstr, sz);
}

co_err_t co_rt_owner_url(co_rt_owners_t *o, const char *topic, const void *key, size_t klen, char *url,
                         size_t url_size, int *is_local, char *errstr, size_t errstr_size) {
  return co_rt_partition_owner(o, topic, co_rt_partition_for(key, klen, o->rt->partitions), url, url_size, is_local,
                               errstr, errstr_size);
}

co_err_t co_rt_partition_owner(co_rt_owners_t *o, const char *topic, int32_t part, char *url, size_t url_size,
                               int *is_local, char *errstr, size_t errstr_size) {
  co_err_t rc;
  *is_local = 0;
  if (o->rt->embedded) {
    if (url) snprintf(url, url_size, "%s", o->self);
    *is_local = 1;
    return CO_OK;
  }
  pthread_mutex_lock(&o->lock);
  if (!(rc = co_owners_fresh(o, errstr, errstr_size))) {
    rc = co_seterr(errstr, errstr_size, CO_ERR_NOT_FOUND, "owners: %s [%d] is not assigned to any instance", topic,
                   (int)part);
    for (int i = 0; i < o->part_cnt; i++)
      if (o->parts[i].partition == part && !strcmp(o->parts[i].topic, topic)) {
        if (url) snprintf(url, url_size, "%s", o->urls[o->parts[i].member]);
        *is_local = !strcmp(o->urls[o->parts[i].member], o->self);
        rc = CO_OK;
        break;
      }
  }
  pthread_mutex_unlock(&o->lock);
  return rc;
}

co_err_t co_rt_member_urls(co_rt_owners_t *o, char ***urls, int *cnt, char *errstr, size_t errstr_size) {
  co_err_t rc = CO_OK;
  *urls = NULL;
  *cnt = 0;
  if (o->rt->embedded) {
    if (!(*urls = calloc(2, sizeof(char *))) || !((*urls)[0] = strdup(o->self))) goto nomem;
    *cnt = 1;
    return CO_OK;
  }
  pthread_mutex_lock(&o->lock);
  if (!(rc = co_owners_fresh(o, errstr, errstr_size))) {
    if (!(*urls = calloc((size_t)o->url_cnt + 1, sizeof(char *)))) rc = CO_ERR_NOMEM;
    for (int i = 0; !rc && i < o->url_cnt; i++)
      if (((*urls)[i] = strdup(o->urls[i]))) (*cnt)++;
  }
  pthread_mutex_unlock(&o->lock);
  return rc;
nomem:
  free(*urls);
  *urls = NULL;
  return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "owners: out of memory");
}

void co_rt_urls_free(char **urls, int cnt) {
  for (int i = 0; urls && i < cnt; i++) free(urls[i]);
  free(urls);
}
