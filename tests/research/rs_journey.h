/* rs_journey.h: research tasks built from a real mail history.
 *
 * Reads data/sample/inbox.mbox (the project's own generated sample), runs
 * every message through ingest normalization and the offline classifier, and
 * keeps one company's messages that the classifier gave that company. An
 * application object is folded the way docs/pipeline.md describes (stage
 * moves forward only, one stages entry per move, next_interview from the
 * latest INTERVIEW, cleared at OFFER/REJECTION), and each INTERVIEW/OFFER
 * message becomes a research task as the pipeline sends it. */
#ifndef RS_JOURNEY_H
#define RS_JOURNEY_H

#include <jansson.h>

/* Array of tasks for company, in mailbox order; the caller json_decref()s. */
json_t *rs_journey_tasks(const char *company);

#endif
