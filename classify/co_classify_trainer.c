/* co_classify_trainer.c: build-time trainer. The build runs it on
 * data/train/emails.jsonl so the shipped model always matches the corpus
 * (the lead's `careerops train` calls the same co_classify_train()). */
#include <stdio.h>

#include "co_classify.h"
#include "co_log.h"

int main(int argc, char **argv) {
  char err[512];
  if (argc != 3) {
    fprintf(stderr, "usage: %s CORPUS.jsonl MODEL_OUT\n", argv[0]);
    return 2;
  }
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_HUMAN, NULL, NULL);
  if (co_classify_train(argv[1], argv[2], err, sizeof(err)) != CO_OK) {
    fprintf(stderr, "co_classify_trainer: %s\n", err);
    return 1;
  }
  return 0;
}
