/* Reviews of candidates and submissions (reviews.h). */
#define _GNU_SOURCE
#include "reviews.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void reviews_free(struct review_row *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++) {
        free(list[i].author);
        free(list[i].note);
    }
    free(list);
}

#define REVIEW_COLS                                                                                \
    "id, invite_id, submission_id, token_id, author, coalesce(rating, 0) AS rating, note, "        \
    "created_at, updated_at"

static int review_from(const dbrows *rows, struct review_row *out)
{
    struct review_row v = {
        .id = dbrows_int(rows, "id"),
        .invite_id = dbrows_int(rows, "invite_id"),
        .token_id = dbrows_int(rows, "token_id"),
        .rating = (int)dbrows_int(rows, "rating"),
        .created_at = dbrows_int(rows, "created_at"),
        .updated_at = dbrows_int(rows, "updated_at"),
    };
    snprintf(v.submission_id, sizeof(v.submission_id), "%s", dbrows_text(rows, "submission_id"));
    v.author = dbrows_strdup(rows, "author");
    v.note = dbrows_strdup(rows, "note");
    if (!v.author || !v.note) {
        free(v.author);
        free(v.note);
        return -ENOMEM;
    }
    *out = v;
    return 0;
}

/* Who writes: the key's name, or "admin". */
static int author_of(dbc *c, const struct principal *who, char *out, size_t size)
{
    dbrows *rows = NULL;
    snprintf(out, size, "%s", who->role == ROLE_ADMIN ? "admin" : "key");
    if (!who->token_id)
        return 0;
    int rc = dbc_query(c, &rows, "SELECT name FROM tokens WHERE id = ?", "i", who->token_id);
    if (!rc && (rc = dbrows_next(rows)) == 1 && *dbrows_text(rows, "name"))
        snprintf(out, size, "%s", dbrows_text(rows, "name"));
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

int reviews_put(db *d, const struct principal *who, int64_t aid, int64_t invite,
                const char *submission, int rating, const char *note, struct review_row *out)
{
    if (rating < 0 || rating > 5 || strlen(note) > REVIEW_NOTE_MAX)
        return -EINVAL;
    char author[512];
    int64_t one = 0, now = db_now_ms();
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    /* Another team's candidate is as absent as a missing one. */
    if (!rc)
        rc = dbc_scalar(c, &one,
                        "SELECT 1 AS one FROM invites i JOIN assessments a ON a.id = "
                        "i.assessment_id WHERE i.id = ? AND a.id = ? AND (? = 1 OR a.team_id = ?)",
                        "iiii", invite, aid, (int64_t)(who->role == ROLE_ADMIN),
                        who->role == ROLE_TEAM ? who->team_id : (int64_t)-1);
    if (!rc && *submission)
        rc = dbc_scalar(c, &one, "SELECT 1 AS one FROM submissions WHERE id = ? AND invite_id = ?",
                        "si", submission, invite);
    if (!rc)
        rc = author_of(c, who, author, sizeof(author));
    /* The author's own row only: the key is (candidate, subject, token). */
    if (!rc)
        rc =
            dbc_query(c, &rows,
                      "INSERT INTO reviews (invite_id, submission_id, token_id, author, rating, "
                      "note, created_at, updated_at) VALUES (?, ?, ?, ?, CASE WHEN ? = 0 THEN NULL "
                      "ELSE ? END, ?, ?, ?) "
                      "ON CONFLICT (invite_id, submission_id, token_id) DO UPDATE SET "
                      "author = excluded.author, rating = excluded.rating, note = excluded.note, "
                      "updated_at = excluded.updated_at RETURNING " REVIEW_COLS,
                      "isisiisii", invite, submission, who->token_id, author, (int64_t)rating,
                      (int64_t)rating, note, now, now);
    if (!rc)
        rc = dbrows_next(rows);
    rc = rc == 1 ? review_from(rows, out) : rc == 0 ? -EIO : rc;
    dbrows_free(rows);
    if (!rc && (rc = dbc_commit(c))) {
        free(out->author);
        free(out->note);
    }
    db_put(d, c);
    return rc;
}

int reviews_of_assessment(db *d, int64_t aid, struct review_row **out, size_t *n)
{
    struct review_row *list = NULL;
    size_t len = 0, cap = 0;
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &rows,
                           "SELECT " REVIEW_COLS " FROM reviews WHERE invite_id IN (SELECT id "
                           "FROM invites WHERE assessment_id = ?) ORDER BY invite_id, "
                           "submission_id, id",
                           "i", aid)
               : -EIO;
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        if (len == cap) {
            struct review_row *more = reallocarray(list, cap ? cap * 2 : 16, sizeof(*list));
            if (!more) {
                rc = -ENOMEM;
                break;
            }
            list = more;
            cap = cap ? cap * 2 : 16;
        }
        if (!(rc = review_from(rows, &list[len])))
            len++;
    }
    dbrows_free(rows);
    db_put(d, c);
    if (rc) {
        reviews_free(list, len);
        return rc;
    }
    *out = list;
    *n = len;
    return 0;
}
