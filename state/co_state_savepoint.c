/* co_state_savepoint.c: savepoints inside a transaction's batch, so the
 * runtime can drop one failed record's writes without aborting the rest. */
#include <stdlib.h>

#include "co_state_int.h"

void co_state_batch_savepoint(co_state_batch_t *b) {
  if (b->unindexed)
    rocksdb_writebatch_set_save_point(b->plain);
  else
    rocksdb_writebatch_wi_set_save_point(b->wb);
}

co_err_t co_state_batch_rollback(co_state_batch_t *b) {
  char *err = NULL;
  if (b->unindexed)
    rocksdb_writebatch_rollback_to_save_point(b->plain, &err);
  else
    rocksdb_writebatch_wi_rollback_to_save_point(b->wb, &err);
  if (err) {
    free(err);
    return CO_ERR_NOT_FOUND;
  }
  return CO_OK;
}
