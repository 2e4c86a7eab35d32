/* pcache: problem versions ready to judge (package read, driver and validator compiled), by id. */
#ifndef SERVER_PCACHE_H
#define SERVER_PCACHE_H

#include <stdint.h>

#include "judge.h"
#include "server.h"

struct pcache *pcache_new(void);
void pcache_free(struct pcache *pc);

/*
 * The prepared problem of version `version_id`, preparing it in sandbox slot `slot` the first
 * time (after a restart). Borrowed: versions never change, and stay cached until exit. 0, or a
 * negative errno with `err` saying why.
 */
int pcache_get(struct server *s, int slot, int64_t version_id, const struct problem **out,
               char *err, size_t errsize);
/* Adds a problem an import prepared (takes ownership). */
void pcache_put(struct server *s, int64_t version_id, struct problem *pr);

#endif
