/* assess: the hiring workflow: assessments, invites, timed candidate sessions, webhooks. */
#ifndef SERVER_ASSESS_H
#define SERVER_ASSESS_H

#include <stdbool.h>

#include "http.h"

/*
 * May the candidate of `r` submit (`counting`) or run code for problem `slug` now? Replies 403
 * (or 422 for a problem not in the assessment) and returns false when not.
 */
bool assess_candidate_may_submit(struct server *s, struct req *r, const char *slug, bool counting);

/* The thread that ends sessions whose time ran out and delivers webhooks (libcurl). */
int assess_start(struct server *s);
void assess_stop(struct server *s);

#endif
