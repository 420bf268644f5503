/* co_cli_instance.h: the running `careerops run` of a state dir, for the
 * one-shot commands that would otherwise open the same state (see
 * co_cli_instance.c). */
#ifndef CO_CLI_INSTANCE_H
#define CO_CLI_INSTANCE_H

#include <jansson.h>
#include <stddef.h>

#include "co_conf.h"
#include "co_err.h"

/* Written by `careerops run` once its API answers (url: its base URL;
 * secret: its session secret, or NULL). */
co_err_t co_cli_instance_write(const co_conf_t *conf, const char *url, const char *secret, char *errstr, size_t sz);
/* Removed when it stops. */
void co_cli_instance_remove(const co_conf_t *conf);
/* POSTs body (JSON; NULL: GETs) to path of the state dir's running instance. -1: no
 * instance runs (no file, its process is gone, or nothing listens): the
 * caller opens the state itself. 0: answered; *status is the HTTP status
 * and *resp the parsed body (caller decrefs; NULL if not JSON). 1: it runs
 * but failed to answer (errstr says why). */
int co_cli_instance_call(const co_conf_t *conf, const char *path, const json_t *body, long timeout_ms, long *status,
                         json_t **resp, char *errstr, size_t sz);

/* The error message of the instance's JSON error answer resp (may be NULL),
 * or "no reason given". Owned by resp. */
const char *co_cli_instance_why(json_t *resp);

#endif
