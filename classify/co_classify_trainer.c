/* co_classify_trainer.c: build-time trainer. The build runs it on
 * data/train/emails.jsonl so the shipped model always matches the corpus
 * (the lead's `careerops train` calls the same co_classify_train()).
 * --no-embed trains the n-gram-only model (no embedder needed);
 * --embed-cache FILE keeps the corpus' embeddings between builds. */
#include <stdio.h>
#include <string.h>

#include "co_classify_int.h"
#include "co_log.h"

int main(int argc, char **argv) {
  char err[512];
  co_cls_trainfile_opt_t o = {.embed = 1};
  int i = 1;
  for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
    if (strcmp(argv[i], "--no-embed") == 0)
      o.embed = 0;
    else if (strcmp(argv[i], "--embed-cache") == 0 && i + 1 < argc)
      o.embed_cache = argv[++i];
    else
      break;
  }
  if (argc - i != 2) {
    fprintf(stderr, "usage: %s [--no-embed] [--embed-cache FILE] CORPUS.jsonl MODEL_OUT\n", argv[0]);
    return 2;
  }
  co_log_setup(CO_LOG_WARN, CO_LOG_FMT_HUMAN, NULL, NULL);
  if (co_cls_train_file(argv[i], argv[i + 1], &o, err, sizeof(err)) != CO_OK) {
    fprintf(stderr, "co_classify_trainer: %s\n", err);
    return 1;
  }
  return 0;
}
