/*
 * erasure: forgetting candidates. Erasing a candidate deletes every row that names them or holds
 * their work: the invite (name, e-mail, token hash), its session, drafts and draft snapshots,
 * signals, submissions with their test results and practice links, reviews, and the webhook
 * deliveries about them (payload and receiver's answer). Similarity is computed on demand from
 * submissions, so it keeps nothing of its own; sources are stored in the database only. What
 * stays is the audit log's line of the erasure, which names ids, never a person.
 *
 * A team's retention period (days, or none) lets the sweep erase its candidates that many days
 * after they finished, were revoked, or let their invite expire unopened. The admin deletes a
 * whole team: its candidates as above, its assessments, problems, own submissions, keys,
 * webhook secret and deliveries. The audit log of the team stays (it names no candidate).
 *
 * Errors: 0 or a negative errno (-ENOENT no such candidate or team, or another team's; -EINVAL a
 * retention out of range; -EEXIST a row of another team still refers to the team's problems; or
 * the store's). Thread-safe: each call takes its own pooled connection, except erasure_sweep,
 * which works on the caller's.
 */
#ifndef SERVER_ERASURE_H
#define SERVER_ERASURE_H

#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

#define RETENTION_DAYS_MAX 3650

/* Erases candidate (invite) `invite` of assessment `aid`, when `who` (its team or the admin) owns
 * it. */
int erasure_candidate(db *d, const struct principal *who, int64_t aid, int64_t invite);
/* Deletes team `team` and everything it owns, its candidates erased as above. */
int erasure_team(db *d, int64_t team);
/* Team `team`'s retention in days into *days, -1 for none. */
int erasure_retention_get(db *d, int64_t team, int64_t *days);
/* Sets team `team`'s retention: 0..RETENTION_DAYS_MAX days, or -1 for none. */
int erasure_retention_set(db *d, int64_t team, int64_t days);
/*
 * One pass of the retention sweep on the caller's connection: erases up to `max` candidates whose
 * team's period ran out at `now`, each in a transaction of its own with its audit line; the count
 * into *erased. A failure leaves the rest for the next pass.
 */
int erasure_sweep(dbc *c, int64_t now, size_t max, size_t *erased);

#endif
