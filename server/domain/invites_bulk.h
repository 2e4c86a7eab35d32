/*
 * invites_bulk: many invites at once from a CSV file (name,email[,extra_minutes], an optional
 * header row, an optional UTF-8 byte order mark, RFC 4180 quoting, CRLF or LF). Each row gets a
 * result: created (with its token, shown once), invalid (why), or a duplicate e-mail address
 * (case-insensitive) of an earlier row of the file or of an invite the assessment has already;
 * duplicates are flagged and not created. The rows that are good are created together, in one
 * transaction.
 *
 * Errors: 0 or a negative errno (-EINVAL the file is not CSV or has no rows, -E2BIG more than
 * BULK_INVITES_MAX rows, -ENOMEM, or the store's). Thread-safe: one pooled connection a call.
 * Ownership: the results are the caller's, freed with bulk_results_free().
 */
#ifndef SERVER_INVITES_BULK_H
#define SERVER_INVITES_BULK_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "invites.h"

#define BULK_INVITES_MAX 1000 /* rows of one upload */
#define BULK_NAME_MAX    200  /* characters of a name */

enum bulk_status { BULK_CREATED, BULK_INVALID, BULK_DUPLICATE_IN_FILE, BULK_DUPLICATE_EXISTING };
const char *bulk_status_name(enum bulk_status st); /* "created", "invalid", ... */

struct bulk_result {
    size_t line;        /* 1-based line of the file the row starts on */
    char *name, *email; /* as read */
    int64_t extra_min;  /* accommodation, minutes */
    enum bulk_status status;
    char why[160];      /* invalid: what is wrong */
    size_t dup_line;    /* duplicate in the file: the first row's line */
    int64_t dup_invite; /* duplicate of an invite: its id */
    int64_t id;         /* created: the invite */
    char token[INVITE_TOKEN_LEN];
};
void bulk_results_free(struct bulk_result *r, size_t n);

/*
 * Reads `csv` (`len` bytes) and creates the invites of assessment `aid` valid until `expires_at`;
 * every row's result into *out (n into *n) and how many were created into *created. `err` says
 * why on -EINVAL / -E2BIG.
 */
int invites_bulk(db *d, int64_t aid, const char *csv, size_t len, int64_t expires_at, int64_t now,
                 struct bulk_result **out, size_t *n, size_t *created, char *err, size_t errsize);

#endif
