/* e2e_kafka.h: the scaled-out product of the Kafka end-to-end tests
 * (tests/e2e/test_kafka*.c), shared by them: the sample inbox split over
 * accounts in dovecot folders, `careerops topics create`, `careerops run
 * --brokers` instances and one `careerops ingest`, and the exactly-once
 * check read back from topic.classified (read_committed), the instances'
 * API and the fake webhook.
 *
 * One thread drives a world (the fake webhook's hook may read pid[] under
 * its own lock). Every helper fails the test (cmocka) on a setup error. */
#ifndef E2E_KAFKA_H
#define E2E_KAFKA_H

#include <jansson.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "co_th_imap.h"
#include "fake_hook.h"

#define E2E_MAX_ACCT 8
#define E2E_MAX_INST 3
#define E2E_MAX_MSGS 512
#define E2E_HOOK_SECRET "e2e-kafka-secret"
#define E2E_IMAP_PASSWORD "pw-e2e-kafka"

typedef struct e2e_msg_s {
  char *raw; /* CRLF lines, malloc'd */
  size_t len;
  char mid[256]; /* Message-ID without brackets */
  int acct;      /* index into e2e_world_t.acct: a thread stays in one account */
} e2e_msg_t;

typedef struct e2e_world_s {
  /* set by e2e_kafka_world_init */
  int n_acct, n_inst, parts;
  char acct[E2E_MAX_ACCT][16]; /* acct[i]: an account name in partition i of topic.raw */
  e2e_msg_t *m;                /* the sample's distinct messages (e2e_kafka_world_free frees) */
  int n;
  co_th_imap_t *imap; /* dovecot, user "jobs", folder F<i> per account */
  fh_t *fh;           /* the fake webhook, signed with E2E_HOOK_SECRET */
  char *dir;          /* logs, state dirs, ingest.yaml */
  /* set by e2e_kafka_world_topics */
  const char *bootstrap;
  char app[128], t_cl[300], common[4096];
  /* set by e2e_kafka_world_start_instances / _restart */
  char base[E2E_MAX_INST][64], log[E2E_MAX_INST][4200], cmd[E2E_MAX_INST][8192];
  pid_t pid[E2E_MAX_INST];
  pid_t ingest;
  char ingest_log[4200];
  /* e2e_kafka_check's output */
  char why[1024];
  char owner[E2E_MAX_ACCT][128]; /* X-CareerOps-Instance of each account's answer */
  int verbose;                   /* 1: e2e_kafka_check prints what it found */
} e2e_world_t;

/* Loads the sample inbox's distinct messages with a Message-ID, picks
 * n_acct account names (one per partition of a parts-partition topic.raw,
 * by the runtime's partitioner), starts dovecot with one folder per account
 * (empty) and the fake webhook. */
void e2e_kafka_world_init(e2e_world_t *w, int n_acct, int n_inst, int parts, const char *tmpname);

/* Appends messages [from, to) to their account's folder. */
void e2e_kafka_deliver(e2e_world_t *w, int from, int to);

/* A unique app.id and topic names on bootstrap, the `--brokers ... -X ...`
 * arguments every process gets (plus extra, may be ""), then
 * `careerops topics create` with them. */
void e2e_kafka_world_topics(e2e_world_t *w, const char *bootstrap, const char *extra);

/* Spawns the n_inst `careerops run` instances (state dir i<s>, a free API
 * port, group.instance.id <app>-i<s>, webhook <fake>/hook/i<s>) and waits
 * until each is ready (180 s). */
void e2e_kafka_world_start_instances(e2e_world_t *w);
/* Spawns instance s again with its command (same state dir, id, port) and
 * waits until it is ready. */
void e2e_kafka_world_restart(e2e_world_t *w, int s);
/* Writes ingest.yaml (one IMAP account per folder) and spawns
 * `careerops ingest` with it. */
void e2e_kafka_world_start_ingest(e2e_world_t *w);

/* 1 when every delivered message is in topic.classified (read_committed)
 * exactly once in its account, the applications asked of each instance
 * equal what the events imply (and every instance gives the same answer),
 * and the webhook got exactly the Idempotency-Keys the INTERVIEW/OFFER
 * events imply, each request signed. Else 0 with w->why. */
int e2e_kafka_check(e2e_world_t *w);

/* Prints what the instances' and ingest's logs say went wrong (warn and
 * error lines, librdkafka transaction errors): a failing wait calls it, so
 * a CI log shows why the pipeline stalled, not only that it did. */
void e2e_kafka_print_trouble(const e2e_world_t *w);

/* Waits (420 s) until e2e_kafka_check holds, prints how long it took since
 * t0 (co_th_now_ms), then checks once more verbosely. Fails the test with
 * w->why when it does not settle. */
void e2e_kafka_settle(e2e_world_t *w, int64_t t0);

/* A kill held inside a delivery: the fake webhook holds its at'th request
 * (1-based) on route hook while the hook SIGKILLs one of pid[0..npid-1]
 * (the one whose webhook path /hook/i<s> sent it; with one candidate,
 * that one), then answers it. The test thread reaps the victim. pid may be
 * changed under lock until the kill. */
typedef struct e2e_killer_s {
  pthread_mutex_t lock;
  int at, npid;
  pid_t pid[E2E_MAX_INST];
  int seen, victim; /* victim: -1 until the kill */
  char idem[80];    /* the held request's Idempotency-Key */
} e2e_killer_t;

/* Arms k on w's fake webhook (before anything can send). */
void e2e_killer_arm(e2e_killer_t *k, e2e_world_t *w, int at, const pid_t *pid, int npid);
/* The victim's index once the kill happened, else -1. */
int e2e_killer_victim(e2e_killer_t *k);

/* Asserts that no webhook key has more than two requests, that a key sent
 * twice has identical bodies and is `allowed` (the request in flight at a
 * kill; NULL: none is), and prints them. Returns how many keys were sent
 * twice. */
int e2e_kafka_webhook_resends(e2e_world_t *w, const char *allowed);

/* Every committed record's value of topic, parsed (array; caller decrefs),
 * or NULL when the topic's end was not reached within 60 s. */
json_t *e2e_kafka_read_committed(const char *bootstrap, const char *topic);

/* The value of config `name` of topic (malloc'd; caller frees), or NULL;
 * *is_topic_override is 1 when the topic itself sets it (not a broker
 * default). */
char *e2e_kafka_topic_config(const char *bootstrap, const char *topic, const char *name, int *is_topic_override);

/* SIGTERMs ingest and the instances, fails the test on a sanitizer report
 * in their logs, stops dovecot and the fake, frees the messages and removes
 * the directory. */
void e2e_kafka_world_free(e2e_world_t *w);

#endif
