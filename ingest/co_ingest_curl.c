/* co_ingest_curl.c: what the network sources (IMAP, Gmail) share: one
 * process-wide libcurl init and wiping secrets before freeing them. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest_int.h"

static pthread_once_t co_ingest_curl_once = PTHREAD_ONCE_INIT;

static void co_ingest_curl_init_once(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

void co_ingest_curl_init(void) { pthread_once(&co_ingest_curl_once, co_ingest_curl_init_once); }

void co_ingest_wipe_free(char *s) {
  if (s) explicit_bzero(s, strlen(s));
  free(s);
}
