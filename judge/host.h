/* host: what a judging process claims of the machine before it opens the sandbox. */
#ifndef JUDGE_HOST_H
#define JUDGE_HOST_H

#include <stddef.h>

/*
 * Claims a range of sandbox uids no other judge on this machine uses (judged, `judged worker`,
 * `judged judge`) by holding a lock file for it until the process exits. Sets *uid_base and
 * returns the lock's descriptor (left open on purpose), or -EBUSY when every range is taken, or
 * another negative errno. Call it once, at start-up.
 */
int host_claim_uid_range(unsigned *uid_base);

/*
 * Defence in depth for the sandbox's allowlist: is folder `dir`, where a judge keeps secrets (the
 * data folder, the problems, a package, a cache), apart from every host path the sandbox shows
 * (`paths`, from lang_sandbox_paths())? 0 when it is. -EEXIST when it is inside, or contains, a
 * shown path; another negative errno when that cannot be told. On failure `why` (of `size`
 * bytes) says so in a sentence naming `what` ("the data folder (--data)"), for the caller to
 * print. Thread-safe.
 */
int host_check_hidden(const char *const *paths, const char *what, const char *dir, char *why,
                      size_t size);

#endif
