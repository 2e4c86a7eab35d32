/* Invites: the candidates of an assessment and the team's changes to their sessions (invites.h). */
#define _GNU_SOURCE
#include "invites.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const state_names[] = {
    [INVITE_INVITED] = "invited", [INVITE_STARTED] = "started", [INVITE_FINISHED] = "finished",
    [INVITE_EXPIRED] = "expired", [INVITE_REVOKED] = "revoked",
};

const char *invite_state_name(enum invite_state st)
{
    return state_names[st];
}

enum invite_state invites_state(const struct invite_row *i, int64_t now)
{
    if (i->revoked_at)
        return INVITE_REVOKED;
    if (i->finished_at)
        return INVITE_FINISHED;
    if (i->started_at)
        return i->ends_at <= now ? INVITE_FINISHED : INVITE_STARTED;
    return i->expires_at <= now ? INVITE_EXPIRED : INVITE_INVITED;
}

void invite_row_release(struct invite_row *i)
{
    if (!i)
        return;
    free(i->name);
    free(i->email);
    memset(i, 0, sizeof(*i));
}

void invites_list_free(struct invite_row *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        invite_row_release(&list[i]);
    free(list);
}

#define INVITE_COLS                                                                                \
    "id, assessment_id, name, email, created_at, expires_at, coalesce(started_at, 0) AS "          \
    "started_at, coalesce(ends_at, 0) AS ends_at, coalesce(finished_at, 0) AS finished_at, "       \
    "coalesce(revoked_at, 0) AS revoked_at, coalesce(finish_reason, '') AS finish_reason, extra_s"

/* The current row of an INVITE_COLS query into *out. 0 or -ENOMEM. */
static int invite_from(const dbrows *rows, struct invite_row *out)
{
    struct invite_row i = {
        .id = dbrows_int(rows, "id"),
        .assessment_id = dbrows_int(rows, "assessment_id"),
        .created_at = dbrows_int(rows, "created_at"),
        .expires_at = dbrows_int(rows, "expires_at"),
        .started_at = dbrows_int(rows, "started_at"),
        .ends_at = dbrows_int(rows, "ends_at"),
        .finished_at = dbrows_int(rows, "finished_at"),
        .revoked_at = dbrows_int(rows, "revoked_at"),
        .extra_s = dbrows_int(rows, "extra_s"),
    };
    snprintf(i.finish_reason, sizeof(i.finish_reason), "%s", dbrows_text(rows, "finish_reason"));
    i.name = dbrows_strdup(rows, "name");
    i.email = dbrows_strdup(rows, "email");
    if (!i.name || !i.email) {
        invite_row_release(&i);
        return -ENOMEM;
    }
    *out = i;
    return 0;
}

int invites_create(db *d, int64_t aid, const char *name, const char *email, int64_t expires_at,
                   int64_t now, char *token, int64_t *id)
{
    char made[INVITE_TOKEN_LEN];
    unsigned char hash[32];
    int64_t new_id = 0;
    int rc = auth_new_token("ji_", made, sizeof(made), hash);
    dbc *c = rc ? NULL : db_get(d);
    if (!rc && !c)
        rc = -EIO;
    if (!rc)
        rc = dbc_scalar(c, &new_id,
                        "INSERT INTO invites (assessment_id, name, email, token_hash, expires_at, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        "issbii", aid, name, email, hash, sizeof(hash), expires_at, now);
    if (!rc) {
        memcpy(token, made, sizeof(made));
        *id = new_id;
    }
    db_put(d, c);
    return rc;
}

int invites_get(db *d, int64_t id, int64_t aid, struct invite_row *out)
{
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? 0 : -EIO;
    if (!rc)
        rc = aid ? dbc_query(c, &rows,
                             "SELECT " INVITE_COLS " FROM invites WHERE id = ? AND "
                             "assessment_id = ?",
                             "ii", id, aid)
                 : dbc_query(c, &rows, "SELECT " INVITE_COLS " FROM invites WHERE id = ?", "i", id);
    if (!rc)
        rc = dbrows_next(rows);
    rc = rc == 1 ? invite_from(rows, out) : rc == 0 ? -ENOENT : rc;
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}

int invites_list(db *d, int64_t aid, struct invite_row **out, size_t *n)
{
    dbc *c = db_get(d);
    int rc = c ? invites_read_all(c, aid, out, n) : -EIO;
    db_put(d, c);
    return rc;
}

int invites_read_all(dbc *c, int64_t aid, struct invite_row **out, size_t *n)
{
    struct invite_row *list = NULL;
    size_t count = 0;
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT " INVITE_COLS " FROM invites WHERE assessment_id = ? ORDER BY id",
                       "i", aid);
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        struct invite_row *more = realloc(list, (count + 1) * sizeof(*list));
        if (!more) {
            rc = -ENOMEM;
            break;
        }
        list = more;
        rc = invite_from(rows, &list[count]);
        if (!rc)
            count++;
    }
    if (rc < 0)
        goto out;
    rc = 0;
    *out = list;
    *n = count;
    list = NULL;
out:
    invites_list_free(list, count);
    dbrows_free(rows);
    return rc;
}

/* The ids of the assessments `who` owns, as a condition on invites' assessment_id. */
#define OWNED_BY_WHO "assessment_id IN (SELECT id FROM assessments WHERE ? = 1 OR team_id = ?)"
#define WHO_ARGS(who)                                                                              \
    (int64_t)((who)->role == ROLE_ADMIN), (who)->role == ROLE_TEAM ? (who)->team_id : (int64_t)-1

int invites_owned(db *d, const struct principal *who, int64_t id)
{
    int64_t one = 0;
    dbc *c = db_get(d);
    /* Another team's invite is as absent as a missing one. */
    int rc = c ? dbc_scalar(c, &one, "SELECT 1 AS one FROM invites WHERE id = ? AND " OWNED_BY_WHO,
                            "iii", id, WHO_ARGS(who))
               : -EIO;
    db_put(d, c);
    return rc;
}

int invites_revoke(db *d, const struct principal *who, int64_t id, int64_t now)
{
    dbc *c = db_get(d);
    int rc = c ? dbc_run(c,
                         "UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL "
                         "AND " OWNED_BY_WHO,
                         "iiii", now, id, WHO_ARGS(who))
               : -EIO;
    if (!rc && !dbc_changes(c))
        rc = -ENOENT;
    db_put(d, c);
    return rc;
}

int invites_extra_time(db *d, int64_t id, int64_t minutes, int64_t now)
{
    dbc *c = db_get(d);
    /* One statement: a session the sweep finishes meanwhile is not extended behind its back. */
    int rc = c ? dbc_run(c,
                         "UPDATE invites SET extra_s = extra_s + ?, ends_at = ends_at + ? "
                         "WHERE id = ? AND revoked_at IS NULL AND finished_at IS NULL AND "
                         "(started_at IS NULL OR ends_at > ?)",
                         "iiii", minutes * 60, minutes * 60000, id, now)
               : -EIO;
    if (!rc && !dbc_changes(c))
        rc = -EEXIST;
    db_put(d, c);
    return rc;
}

int invites_reopen(db *d, int64_t id, int64_t ends, int64_t now)
{
    dbc *c = db_get(d);
    int rc =
        c ? dbc_run(c,
                    "UPDATE invites SET ends_at = ?, finished_at = NULL, finish_reason = NULL, "
                    "finals_at = NULL, finish_notified_at = NULL WHERE id = ? AND "
                    "revoked_at IS NULL AND started_at IS NOT NULL AND (finished_at IS NOT "
                    "NULL OR ends_at <= ?)",
                    "iii", ends, id, now)
          : -EIO;
    if (!rc && !dbc_changes(c))
        rc = -EEXIST;
    db_put(d, c);
    return rc;
}

bool invites_token_live(db *d, const struct principal *who)
{
    if (who->role != ROLE_CANDIDATE)
        return true;
    int64_t live = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_scalar(c, &live,
                            "SELECT CASE WHEN revoked_at IS NULL THEN 1 ELSE 0 END AS live "
                            "FROM invites WHERE id = ?",
                            "i", who->invite_id)
               : -EIO;
    db_put(d, c);
    return rc == 0 && live;
}

int invites_submissions(db *d, int64_t id, char (**out)[40], size_t *n)
{
    char(*ids)[40] = NULL;
    size_t count = 0;
    dbrows *rows = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &rows, "SELECT id FROM submissions WHERE invite_id = ? ORDER BY seq",
                           "i", id)
               : -EIO;
    while (!rc && (rc = dbrows_next(rows)) == 1) {
        void *more = realloc(ids, (count + 1) * sizeof(*ids));
        if (!more) {
            rc = -ENOMEM;
            break;
        }
        ids = more;
        snprintf(ids[count++], sizeof(ids[0]), "%s", dbrows_text(rows, "id"));
        rc = 0;
    }
    if (rc < 0)
        goto out;
    rc = 0;
    *out = ids;
    *n = count;
    ids = NULL;
out:
    free(ids);
    dbrows_free(rows);
    db_put(d, c);
    return rc;
}
