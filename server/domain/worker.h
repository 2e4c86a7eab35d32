/* worker: judging threads, one sandbox slot each, fed by the queue. */
#ifndef SERVER_WORKER_H
#define SERVER_WORKER_H

#include "server.h"

/* Starts cfg.workers threads; worker i judges in sandbox slot i. */
int workers_start(struct server *s);
/* Waits for them after s->stopping was set: running judgements are cancelled and re-queued. */
void workers_join(struct server *s);

#endif
