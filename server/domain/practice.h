/*
 * practice: the practice history of a browser without an account, on the server. The browser
 * makes a random practice token once and sends it with its submissions; the store keeps only the
 * token's hash next to each submission id, and lists that browser's submissions and progress
 * back. Every function returns 0 or a negative errno (db.h's), never logs, and takes a pooled
 * connection of its own: thread-safe.
 */
#ifndef SERVER_PRACTICE_H
#define SERVER_PRACTICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

#define PRACTICE_TOKEN_MIN 16
#define PRACTICE_TOKEN_MAX 128
#define PRACTICE_HASH_LEN  32
#define PRACTICE_LIST_MAX  200 /* submissions one list may ask for */

/* Is `token` a well-formed practice token (its length, A-Z a-z 0-9 - _)? NULL is not. */
bool practice_token_valid(const char *token);
/* The hash a token is kept under (auth_hash's). */
void practice_hash(const char *token, unsigned char hash[PRACTICE_HASH_LEN]);

/* Remembers submission `id` of problem `slug` under `hash`; a second time changes nothing. */
int practice_add(db *d, const unsigned char hash[PRACTICE_HASH_LEN], const char *id,
                 const char *slug, int64_t now);

/* One submission of the history, as the list shows it. */
struct practice_submission {
    char id[40];
    char slug[72];
    char status[16];
    char verdict[8]; /* "": not judged yet */
    double score, max_score;
    int64_t time_ms, created_at;
};

/*
 * The newest `limit` (1..PRACTICE_LIST_MAX) submissions under `hash`, of problem `slug` only
 * when not NULL: a new array into *out (to free(), NULL when empty) and its length into *n,
 * untouched on failure. -EINVAL for a limit out of range.
 */
int practice_list(db *d, const unsigned char hash[PRACTICE_HASH_LEN], const char *slug, int limit,
                  struct practice_submission **out, size_t *n);

/* One problem of the history: solved (an accepted submission) or attempted, and its figures. */
struct practice_problem {
    char slug[72];
    bool solved;
    double best;     /* the best score, in percent of the maximum */
    int64_t pending; /* submissions not judged yet */
    int64_t submissions, last_at;
};

/* Every problem under `hash`, by slug: a new array into *out (to free()), as practice_list. */
int practice_progress(db *d, const unsigned char hash[PRACTICE_HASH_LEN],
                      struct practice_problem **out, size_t *n);

#endif
