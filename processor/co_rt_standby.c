/* co_rt_standby.c: standby replicas (num.standby.replicas = R). Every few
 * seconds the instance describes its consumer group; with the members
 * sorted by id, the R members after a task's owner keep a warm copy of that
 * task's stores by tailing its changelogs (through the restore consumer,
 * checkpointed like a restore). When such a task is assigned here it only
 * restores the few records it is behind, so failover takes seconds. Every
 * instance computes the same placement from the same group description:
 * no coordination protocol of our own, only Kafka's group state. */
#include <stdlib.h>
#include <string.h>

#include "co_log.h"
#include "co_rt_int.h"

#define CO_STANDBY_REFRESH_MS 3000

typedef struct {
  const char *id;
  const rd_kafka_topic_partition_list_t *parts;
} co_member_t;

static int co_member_cmp(const void *a, const void *b) {
  return strcmp(((const co_member_t *)a)->id, ((const co_member_t *)b)->id);
}

static int co_rt_wanted(const rd_kafka_topic_partition_list_t *want, const co_task_t *t) {
  for (int i = 0; i < want->cnt; i++)
    if (want->elems[i].partition == t->partition && !strcmp(want->elems[i].topic, t->proc->topic)) return 1;
  return 0;
}

static void co_rt_standby_apply(co_rt_t *rt, const rd_kafka_ConsumerGroupDescription_t *g) {
  size_t m = rd_kafka_ConsumerGroupDescription_member_count(g);
  co_member_t *mem = calloc(m + 1, sizeof(*mem));
  char *me = rd_kafka_memberid(rt->consumer);
  rd_kafka_topic_partition_list_t *want = rd_kafka_topic_partition_list_new(8);
  rd_kafka_topic_partition_list_t *owned = rd_kafka_topic_partition_list_new(8); /* by anyone */
  int mine = -1, changed = 0;
  if (!mem || !me) goto out;
  for (size_t i = 0; i < m; i++) {
    const rd_kafka_MemberDescription_t *d = rd_kafka_ConsumerGroupDescription_member(g, i);
    mem[i].id = rd_kafka_MemberDescription_consumer_id(d);
    mem[i].parts = rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_assignment(d));
    for (int k = 0; mem[i].parts && k < mem[i].parts->cnt; k++)
      rd_kafka_topic_partition_list_add(owned, mem[i].parts->elems[k].topic, mem[i].parts->elems[k].partition);
  }
  qsort(mem, m, sizeof(*mem), co_member_cmp);
  for (size_t i = 0; i < m; i++)
    if (!strcmp(mem[i].id, me)) mine = (int)i;
  if (mine < 0 || m < 2) goto apply;
  for (int j = 0; j < (int)m; j++) {
    int dist = (mine - j + (int)m) % (int)m; /* how far after the owner we are */
    if (j == mine || dist < 1 || dist > rt->standby_replicas || !mem[j].parts) continue;
    for (int k = 0; k < mem[j].parts->cnt; k++)
      if (co_rt_proc_for(rt, mem[j].parts->elems[k].topic))
        rd_kafka_topic_partition_list_add(want, mem[j].parts->elems[k].topic, mem[j].parts->elems[k].partition);
  }
apply:
  /* Drop standbys now placed elsewhere; keep those whose owner just left (no
   * one owns them yet): they are the warm copy the next assignment wants.
   * Local data and checkpoints stay for later either way. */
  for (int i = rt->task_cnt - 1; i >= 0; i--) {
    co_task_t *t = rt->tasks[i];
    if (t->state == CO_TASK_STANDBY && !co_rt_wanted(want, t) && co_rt_wanted(owned, t)) {
      CO_LOGKV(CO_LOG_INFO, "standby", "standby dropped", "task", t->id);
      rt->standbys--;
      co_rt_task_remove(rt, t);
      changed = 1;
    }
  }
  for (int i = 0; i < want->cnt; i++) {
    rd_kafka_topic_partition_t *p = &want->elems[i];
    const co_proc_def_t *proc = co_rt_proc_for(rt, p->topic);
    char err[256];
    if (co_rt_task_find(rt, p->topic, p->partition)) continue;
    co_task_t *t = co_task_new(rt, proc, p->partition, err, sizeof(err));
    if (!t || co_rt_task_add(rt, t)) {
      co_task_destroy(t);
      continue;
    }
    t->state = CO_TASK_STANDBY;
    co_task_load_ckpts(t);
    rt->standbys++;
    changed = 1;
    CO_LOGKV(CO_LOG_INFO, "standby", "standby started", "task", t->id);
  }
  if (changed) co_rt_restore_assign(rt);
out:
  free(mem);
  if (me) rd_kafka_mem_free(rt->consumer, me);
  rd_kafka_topic_partition_list_destroy(want);
  rd_kafka_topic_partition_list_destroy(owned);
}

void co_rt_standby_tick(co_rt_t *rt) {
  if (rt->standby_replicas <= 0) return;
  if (!rt->standby_q) rt->standby_q = rd_kafka_queue_new(rt->consumer);
  if (rt->standby_inflight) {
    rd_kafka_event_t *ev = rd_kafka_queue_poll(rt->standby_q, 0);
    if (!ev) return;
    rt->standby_inflight = 0;
    const rd_kafka_DescribeConsumerGroups_result_t *res = rd_kafka_event_DescribeConsumerGroups_result(ev);
    size_t cnt = 0;
    const rd_kafka_ConsumerGroupDescription_t **gs = res ? rd_kafka_DescribeConsumerGroups_result_groups(res, &cnt) : NULL;
    if (cnt == 1 && !rd_kafka_ConsumerGroupDescription_error(gs[0])) co_rt_standby_apply(rt, gs[0]);
    rd_kafka_event_destroy(ev);
    return;
  }
  int64_t now = co_rt_now_ms();
  if (now < rt->standby_next_ms) return;
  rt->standby_next_ms = now + CO_STANDBY_REFRESH_MS;
  const char *groups[] = {co_conf_str(rt->conf, "app.id")};
  rd_kafka_DescribeConsumerGroups(rt->consumer, groups, 1, NULL, rt->standby_q);
  rt->standby_inflight = 1;
}
