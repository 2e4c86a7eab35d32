/*
 * Practice history on the server, keyed by a browser's practice token (see practice.h). The
 * token is no secret of much worth (it reaches only a list of anonymous submissions, which are
 * readable by their ids anyway), but it is still stored as a hash, like every token.
 */
#define _GNU_SOURCE
#include "practice.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

bool practice_token_valid(const char *token)
{
    size_t n = token ? strlen(token) : 0;
    return n >= PRACTICE_TOKEN_MIN && n <= PRACTICE_TOKEN_MAX &&
           strspn(token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

void practice_hash(const char *token, unsigned char hash[PRACTICE_HASH_LEN])
{
    auth_hash(token, hash);
}

int practice_add(db *d, const unsigned char hash[PRACTICE_HASH_LEN], const char *id,
                 const char *slug, int64_t now)
{
    dbc *c = db_get(d);
    if (!c)
        return -EIO;
    int rc = dbc_run(c,
                     "INSERT INTO practice_submissions (practice_hash, submission_id, slug, "
                     "created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     "bssi", hash, (size_t)PRACTICE_HASH_LEN, id, slug, now);
    db_put(d, c);
    return rc;
}

#define LIST_SQL(where)                                                                            \
    "SELECT s.id AS id, s.slug AS slug, s.status AS status, s.verdict AS verdict, "                \
    "s.score AS score, s.max_score AS max_score, s.time_ms AS time_ms, "                           \
    "s.created_at AS created_at FROM practice_submissions p JOIN submissions s "                   \
    "ON s.id = p.submission_id WHERE p.practice_hash = ? " where " ORDER BY s.seq DESC LIMIT ?"

int practice_list(db *d, const unsigned char hash[PRACTICE_HASH_LEN], const char *slug, int limit,
                  struct practice_submission **out, size_t *n)
{
    if (limit < 1 || limit > PRACTICE_LIST_MAX)
        return -EINVAL;
    struct practice_submission *list = NULL;
    size_t count = 0;
    dbrows *rows = NULL;
    int rc = -EIO;
    dbc *c = db_get(d);
    if (!c)
        goto out;
    /* Two statements rather than `? IS NULL`: PostgreSQL cannot type a parameter alone. */
    rc = slug ? dbc_query(c, &rows, LIST_SQL("AND p.slug = ?"), "bsi", hash,
                          (size_t)PRACTICE_HASH_LEN, slug, (int64_t)limit)
              : dbc_query(c, &rows, LIST_SQL(""), "bi", hash, (size_t)PRACTICE_HASH_LEN,
                          (int64_t)limit);
    if (rc)
        goto out;
    list = calloc((size_t)limit, sizeof(*list));
    if (!list) {
        rc = -ENOMEM;
        goto out;
    }
    while (count < (size_t)limit && (rc = dbrows_next(rows)) == 1) {
        struct practice_submission *p = &list[count++];
        snprintf(p->id, sizeof(p->id), "%s", dbrows_text(rows, "id"));
        snprintf(p->slug, sizeof(p->slug), "%s", dbrows_text(rows, "slug"));
        snprintf(p->status, sizeof(p->status), "%s", dbrows_text(rows, "status"));
        const char *v = dbrows_text(rows, "verdict");
        snprintf(p->verdict, sizeof(p->verdict), "%s", v ? v : "");
        p->score = dbrows_double(rows, "score");
        p->max_score = dbrows_double(rows, "max_score");
        p->time_ms = dbrows_int(rows, "time_ms");
        p->created_at = dbrows_int(rows, "created_at");
    }
    if (rc < 0)
        goto out;
    rc = 0;
    *out = count ? list : NULL;
    *n = count;
    if (count)
        list = NULL;
out:
    free(list);
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}

int practice_progress(db *d, const unsigned char hash[PRACTICE_HASH_LEN],
                      struct practice_problem **out, size_t *n)
{
    struct practice_problem *list = NULL;
    size_t count = 0;
    dbrows *rows = NULL;
    int rc = -EIO;
    dbc *c = db_get(d);
    if (!c)
        goto out;
    /* Solved: an accepted submission; attempted: any other; pending: not judged yet. */
    rc = dbc_query(c, &rows,
                   "SELECT p.slug AS slug, max(CASE WHEN s.verdict = 'AC' THEN 1 ELSE 0 END) "
                   "AS solved, max(CASE WHEN s.max_score > 0 THEN s.score * 100 / s.max_score "
                   "ELSE 0 END) AS best, sum(CASE WHEN s.status != 'done' THEN 1 ELSE 0 END) "
                   "AS pending, count(*) AS n, max(s.created_at) AS last_at "
                   "FROM practice_submissions p JOIN submissions s ON s.id = p.submission_id "
                   "WHERE p.practice_hash = ? GROUP BY p.slug ORDER BY p.slug",
                   "b", hash, (size_t)PRACTICE_HASH_LEN);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        struct practice_problem *more = realloc(list, (count + 1) * sizeof(*list));
        if (!more) {
            rc = -ENOMEM;
            goto out;
        }
        list = more;
        struct practice_problem *p = &list[count++];
        snprintf(p->slug, sizeof(p->slug), "%s", dbrows_text(rows, "slug"));
        p->solved = dbrows_int(rows, "solved") != 0;
        p->best = dbrows_double(rows, "best");
        p->pending = dbrows_int(rows, "pending");
        p->submissions = dbrows_int(rows, "n");
        p->last_at = dbrows_int(rows, "last_at");
        rc = 0;
    }
    if (rc < 0)
        goto out;
    rc = 0;
    *out = list;
    *n = count;
    list = NULL;
out:
    free(list);
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}
