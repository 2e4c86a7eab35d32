/*
 * reviews: what a team's reviewers think of a candidate (submission_id "") or of one of their
 * submissions: a note and a 1-5 rating, one per author (token) and subject. Writing again edits
 * the author's own review; nobody edits another's.
 *
 * Errors: 0 or a negative errno (-ENOENT no such candidate in the assessment, or a submission not
 * theirs, or another team's; -EINVAL a rating outside 1-5 or a note too long; -ENOMEM; or the
 * store's). Thread-safe: each call takes its own pooled connection. Ownership: rows are the
 * caller's, freed with reviews_free().
 */
#ifndef SERVER_REVIEWS_H
#define SERVER_REVIEWS_H

#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

#define REVIEW_NOTE_MAX 4000 /* bytes of a note */

struct review_row {
    int64_t id, invite_id;
    char submission_id[40]; /* "" for the candidate as a whole */
    int64_t token_id;
    char *author; /* the key's name, "admin" for the admin */
    int rating;   /* 1-5, 0 for none */
    char *note;
    int64_t created_at, updated_at;
};
void reviews_free(struct review_row *list, size_t n); /* NULL is fine */

/*
 * Writes `who`'s review of candidate `invite` of assessment `aid` (`submission` "" or one of
 * theirs): `rating` 1-5 or 0 for none, `note` (may be ""). Its row into *out.
 */
int reviews_put(db *d, const struct principal *who, int64_t aid, int64_t invite,
                const char *submission, int rating, const char *note, struct review_row *out);
/* Every review of assessment `aid`'s candidates, by candidate, subject and id. */
int reviews_of_assessment(db *d, int64_t aid, struct review_row **out, size_t *n);

#endif
