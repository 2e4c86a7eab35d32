/*
 * pcache: problem versions ready to judge (package read, driver and validator compiled), by id.
 * Thread-safe: one lock guards the cache, and prepared problems are shared read-only (versions
 * never change). Errors are negative errno; nothing is printed.
 */
#ifndef SERVER_PCACHE_H
#define SERVER_PCACHE_H

/*
 * Thread-safety: shared by the workers and the HTTP threads under its own mutex; a problem it
 * gives out is borrowed and stays valid until pcache_free, at exit.
 */

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
/*
 * May a submission in `lang` be judged on version `version_id` here (judge_lang_check on its
 * package folder)? 0, or a negative errno with `why` saying it for people.
 */
int pcache_lang_check(struct server *s, int64_t version_id, const struct lang *lang, char *why,
                      size_t size);
/* Adds a problem an import prepared (takes ownership). */
void pcache_put(struct server *s, int64_t version_id, struct problem *pr);

#endif
