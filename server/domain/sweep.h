/*
 * sweep: the hiring workflow's clock. One thread, once a second: sessions whose time ran out are
 * finished "by time"; their changed drafts are judged as final submissions; judged submissions of
 * candidates are announced; a finished candidate settles (candidate.finished, once) when all of
 * their submissions are judged. The webhooks it queues are delivered by webhook.h's threads.
 */
#ifndef SERVER_SWEEP_H
#define SERVER_SWEEP_H

#include "server.h"

/* Starts the sweep and the webhook delivery threads (libcurl): 0 or a negative errno. */
int sweep_start(struct server *s);
/* Waits for the sweep to see s->stopping and end, then stops the deliveries. */
void sweep_stop(struct server *s);

#endif
