/* Proves one co_state_db_t serves several threads at once: each thread
 * opens its own store (concurrently with the others, and with store
 * listing), commits its own batches with its own checkpoint, and at the end
 * every thread's data matches its checkpoint. */
#include <pthread.h>
#include <stdio.h>

#include "state_tu.h"

#define NTHREADS 4
#define NBATCH 300
#define NKEYS 10

typedef struct {
  co_state_db_t *db;
  int id;
  int rc;
} worker_t;

static void *worker(void *arg) {
  worker_t *w = arg;
  char name[32], k[64], v[32], err[256];
  snprintf(name, sizeof(name), "task.%d", w->id);
  co_state_store_t *s = co_state_store_open(w->db, name, w->id % 2 ? CO_STATE_F_TTL : 0, err, sizeof(err));
  co_state_batch_t *b = co_state_batch_new(w->db);
  if (!s || !b) return (w->rc = 1, NULL);
  for (int i = 1; i <= NBATCH; i++) {
    for (int j = 0; j < NKEYS; j++) {
      snprintf(k, sizeof(k), "k%d", j);
      snprintf(v, sizeof(v), "%d", i);
      co_state_put(b, s, k, strlen(k), v, strlen(v), 0);
    }
    snprintf(k, sizeof(k), "%s.ckpt", name);
    co_state_meta_put(b, k, i);
    if (co_state_batch_commit(b, err, sizeof(err)) != CO_OK) return (w->rc = 2, NULL);
    char **names = co_state_store_names(w->db);
    if (!names) return (w->rc = 3, NULL);
    co_state_names_free(names);
  }
  co_state_batch_destroy(b);
  return NULL;
}

static void threads_share_one_db(void **state) {
  (void)state;
  char *dir = co_th_tmpdir("state-threads");
  co_state_db_t *db = tu_open(dir);
  pthread_t th[NTHREADS];
  worker_t w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (worker_t){db, i, 0};
    assert_int_equal(pthread_create(&th[i], NULL, worker, &w[i]), 0);
  }
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(th[i], NULL);
    assert_int_equal(w[i].rc, 0);
  }
  for (int i = 0; i < NTHREADS; i++) {
    char name[32], k[64], want[32];
    int64_t ckpt;
    snprintf(name, sizeof(name), "task.%d", i);
    co_state_store_t *s = tu_store(db, name, i % 2 ? CO_STATE_F_TTL : 0);
    snprintf(k, sizeof(k), "%s.ckpt", name);
    assert_int_equal(co_state_meta_get(db, NULL, k, &ckpt), CO_OK);
    assert_int_equal(ckpt, NBATCH);
    snprintf(want, sizeof(want), "%d", NBATCH);
    for (int j = 0; j < NKEYS; j++) {
      snprintf(k, sizeof(k), "k%d", j);
      tu_expect(NULL, s, k, want);
    }
  }
  co_state_db_close(db);
  co_th_rm_rf(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(threads_share_one_db)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
